"""Department materials (.docx / .txt) → harvested facts, one per sentence.

    harvest(path, dept=None) -> list[Harvested]

A department's 年度工作总结 / 明年工作计划 is read like a report (drafter.parse: any Chinese
encoding, .docx with Word numbering, the same size caps and Chinese errors naming the file).
Every body paragraph is split into sentences at 。；！？ (a stop inside “…” stays inside);
headings, salutations, dates, signatures, page numbers and boilerplate are dropped, and
numbered headings (一、 / （一） / 1.) become hints, not facts.

As departments type them (H81's 宜春 trial, tests/fixtures/materials_h84): half-width , ; : ( ) "
become full-width and a 「.」 after text ends a sentence (not 3.4, 2. or PM2.5); 一. and ① are
list markers; a line that breaks off inside a sentence (…项目485 / 个，完成投资…) is joined with
the next; a .docx table's rows are fact sentences (项目(个) | 459 → 项目459个); a category label
(就业工作：) is a hint, not text; the bureau's lead-in (今年以来，我局牢牢围绕…部署，) is dropped;
problems (存在的问题) are kept apart (read_material), and a file name without a department
takes the signature's (宜春市住房和城乡建设局).

Part (the rule, tested in tests/test_materials.py):
1. A heading or title of the document that names a part (2023年工作总结 / 明年工作计划 /
   今年工作打算) decides for every sentence under it, whatever the sentence says. Sentences under a heading
   that names a problems part (存在的问题 / 问题和不足 / 困难和问题; not 短板加快补齐 or 问题整改成效明显)
   are not facts of either part: gather offers them as comments and counts them in its summary.
2. Otherwise the sentence's own cues: achieved (完成 / 实现 / 达到 / 建成 / 新增 / 累计 /
   同比 …, a figure with no 左右 / 以上) against planned (将 / 计划 / 力争 / 确保 / 预计 /
   推进 …); strong cues weigh 2, weak ones 1. Before both: a sentence that opens on the next
   year (2025年，我局将力争… / 下一步打算：) is a plan, and so is the rest of its paragraph; a
   top-level item 三、下一步打算：… decides until the next top-level heading.
   The paragraph's mean cue is added at equal weight (a paragraph tells of one time: measured
   78.7 % right without it, 81.7 % with it). A tie follows the file name (…工作总结 → review,
   …工作计划 → key_tasks), then review.

Topic: one per paragraph, all its sentences alike, by a Viterbi path along the material over
naive Bayes scores of the corpus's own character bigrams (drafter.gather.topic_table.sequence:
a topic change between paragraphs has a cost, the nearest numbered heading's topic a bonus;
68.0 % leave-one-out against 65.9 % for each sentence plus its paragraph; with the older word
lexicon the same path had lowered agreement). The supplying department's field
(drafter.gather.dept_topics: 教育局 → 民生) is added to every paragraph's score as a bias, as
much as one topic change. When the office's own file gives its sections topics (`outline`, per
part, gather reads it from DATA_DIR first), a paragraph's topic is sought among those of its part:
any other topic costs topic_table.OUTSIDE_PENALTY, so only a paragraph far more likely of it keeps
it (a new section; bench/gather_simulation.py --outline: 67.9 → 74.8 %). A topic the office
gives no section of its own but one of its headings names (惠民生、防风险、保稳定 names 民生
beside its 安全) costs half that, and its paragraphs go to that section (74.8 → 77.3 %); and the
words of the office's titles, weighed by how few titles hold them, draw paragraphs that use them
(→ 79.0 %; last year's outline 75.9 → 77.2 %). The mined lexicon
(drafter.phrases.topics) decides when there is no corpus.
A sentence left without a topic takes its neighbour's (the nearest before, then after), then the
department's field (dept_topics.fill_topics): an untitled 其他 section in the draft helps nobody.
No jieba: character bigrams and plain substring matching.

Numbers: every Arabic number (half- or full-width) not glued to Latin letters (5G and PM2.5
are names), with the unit written after it: 5.14万人, 12%, 28.7亿元, 2023年.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from ..checks.numbers import extract
from ..errors import DrafterError
from ..limits import check_paragraphs
from ..parse import read_report_bytes
from ..parse.decode import OLE_MAGIC, ZIP_MAGIC, decode_text, ole_message
from ..parse.docx_text import docx_body, paragraph_text
from ..parse.errors import ParseError
from ..parse.lines import lead_of, marker
from ..parse.normalize import normalize_line
from ..phrases.topics import TOPICS, by_seeds, heading_topics, lexicon_scores, shipped_lexicon
from .dept_topics import field_prior, fill_topics
from .topic_table import BigramTable, bigrams, shipped_table

Part = Literal["review", "key_tasks"]


@dataclass(frozen=True)
class Harvested:
    text: str  # the sentence as written (an enumeration opener such as 一是 removed)
    part: Part
    topic: str  # a key of drafter.phrases.topics.TOPICS, or 其他
    source: str  # 文件名:行 (the paragraph's line in a .txt, its paragraph number in a .docx)
    dept: str | None
    numbers: list[str] = field(default_factory=list)  # 5.14万人, 12%, as written


# --- reading ---------------------------------------------------------------------------------

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _docx_lines(data: bytes, path: Path) -> list[tuple[int | str, str]]:
    """(paragraph number, text) of the body paragraphs, and after the paragraph before each
    table (表N第M行, one fact sentence) its rows: a department's table holds figures too."""
    body, texts = docx_body(data, path)  # texts: one per w:p child of body, in order
    whole = "\n".join(texts)
    out: list[tuple[int | str, str]] = []
    n_p = n_tbl = 0
    for el in body:
        if el.tag == f"{_W}p":
            n_p += 1
            out.append((n_p, texts[n_p - 1]))
        elif el.tag == f"{_W}tbl":
            n_tbl += 1
            rows = [[" ".join(paragraph_text(p) for p in tc.iter(f"{_W}p")).strip() for tc in tr.iter(f"{_W}tc")]
                    for tr in el.iter(f"{_W}tr")]
            out.extend((f"表{n_tbl}第{i}行", text) for i, text in table_sentences(rows, whole))
            out.append((n_p, ""))  # a table ends its rows' paragraph: nothing joins across it
    return out


_PERIOD_HEAD = re.compile(r"^((19|20)\d\d年?(全年|度)?|本年|今年|全年|数值|数量|完成|实际|合计|本年数|完成数|实际完成)$")
_NOTE_HEAD = re.compile(r"备注|说明|注释")
_UNIT_HEAD = re.compile(r"(计量)?单位")
_BARE_NUMBER = re.compile(r"[-+]?\d[\d,]*(\.\d+)?")


def table_sentences(rows: list[list[str]], body: str = "") -> list[tuple[int, str]]:
    """(row number, fact sentence) of a table's rows: the first cell names the matter, a bare
    number under a period header (2024年 / 本年数) is its value with the unit in the name's
    brackets (项目(个) 459 → 项目459个), other cells are said with their header, a number with
    the unit too (目标400个), notes in brackets. The header row (no number in any but the first
    cell) gives the labels. A number the material's `body` text already states for the same matter
    (完成老旧小区改造452个 above the table) is not said again: the row keeps only its new numbers
    (老旧小区改造目标400个), and a row with none is no fact."""
    rows = [r for r in rows if any(c for c in r)]
    if not rows:
        return []
    head: list[str] = []
    if not any(_BARE_NUMBER.fullmatch(c) for c in rows[0][1:]):
        head, rows = rows[0], rows[1:]
        start = 2
    else:
        start = 1
    # a 单位 column is the unit of the row's number (老旧小区改造 | 个 | 309 → 老旧小区改造309个)
    unit_col = next((j for j, h in enumerate(head) if j and _UNIT_HEAD.fullmatch(h.strip())), None)
    out = []
    for i, row in enumerate(rows, start):
        name = _fullwidth(row[0]) if row else ""
        unit = ""
        m = re.search(r"[（(]([^（）()]{1,6})[）)]$", name)
        if m and not re.search(r"\d", m.group(1)):
            name, unit = name[: m.start()], m.group(1)
        if unit_col is not None and unit_col < len(row) and row[unit_col].strip():
            unit = _fullwidth(row[unit_col].strip()).strip("（）()")
        said: list[str] = []
        notes: list[str] = []
        restated = False
        for j, typed in enumerate(row[1:], 1):
            if j == unit_col:
                continue
            cell = _fullwidth(typed.strip())
            label = head[j].strip() if j < len(head) else ""
            if not cell or cell in ("—", "-", "/"):
                continue
            number = bool(_BARE_NUMBER.fullmatch(cell))
            if label and _NOTE_HEAD.search(label):
                notes.append(cell)
            elif number and _stated(f"{cell}{unit}", name, body):
                restated = True
            elif number and (not label or _PERIOD_HEAD.match(label)):
                said.insert(0, f"{cell}{unit}")
            else:
                said.append(f"{label}{cell}{unit if number else ''}" if label and not _PERIOD_HEAD.match(label) else cell)
        if not said and not notes:
            continue
        # 老旧小区改造452个 / 老旧小区改造目标400个 (its value said by the text) / 项目，进展顺利
        glued = said and (said[0][:1].isdigit() or (restated and re.search(r"\d", said[0])))
        first = f"{name}{said[0]}" if glued else "，".join(x for x in (name, *said[:1]) if x)
        text = "，".join([first, *said[1:]]) + "".join(f"（{n}）" for n in notes)
        out.append((i, text.rstrip("。") + "。"))
    return out


def _stated(number: str, name: str, text: str) -> bool:
    """`text` says `number` (452个, with its unit) in a sentence that names the matter (four
    characters of it in a row, or all of a shorter name), or right after the name's head noun
    (新增托位 571个: 「新增公办幼儿学位450个、托位571个」)."""
    if number[-1:].isdigit() or not name:  # a bare number (no unit) may mean anything
        return False
    head = re.compile(re.escape(name[-2:]) + r"(?:达到|达|为)?" + re.escape(number))
    for sentence in re.split(r"[。；;！？\n]", text):
        at = sentence.find(number)
        if at >= 0 and not sentence[at - 1:at].isdigit() \
                and (names_matter(sentence, name) or (len(name) > 2 and head.search(sentence))):
            return True
    return False


def names_matter(text: str, name: str) -> bool:
    """`text` names the matter `name`: all of it, or four of its characters in a row
    (空气优良天数比例 for 空气质量优良天数)."""
    return name in text or any(name[i:i + 4] in text for i in range(len(name) - 3))


def _paragraphs(path: Path, data: bytes | None = None) -> list[tuple[int | str, str]]:
    """(line, text) of the paragraphs, half-width punctuation made full-width and hard-wrapped
    lines joined; line is the file's own line number (.txt), paragraph number (.docx) or
    表N第M行, so `source` points where an editor shows it. `data`: the file's bytes when the
    caller has read them (gather's sources.read_checked), so the file is read once."""
    data = read_report_bytes(path) if data is None else data
    if data.startswith(OLE_MAGIC):
        raise ParseError(ole_message(data, path.name), path)
    if data.startswith(ZIP_MAGIC) or path.suffix.lower() == ".docx":
        if not data.strip():
            raise ParseError(f"{path.name} 是空文件，没有可以读取的内容", path)
        if not data.startswith(ZIP_MAGIC):
            raise ParseError(f"{path.name} 不是有效的 .docx 文件（文件可能已损坏或并非 Word 文档）", path)
        lines = _docx_lines(data, path)
    else:
        texts = decode_text(data, path).splitlines()
        try:
            check_paragraphs(len(texts), path.name)
        except DrafterError as e:
            raise ParseError(e.message, path) from None
        lines = list(enumerate(texts, 1))
    out = _join_wrapped([(n, _fullwidth(normalize_line(t))) for n, t in lines])
    if not out:
        raise ParseError(f"{path.name} 没有任何文字内容", path)
    return out


# --- half-width punctuation and hard wraps -----------------------------------------------------

_CJK = "\u4e00-\u9fff"
_HALF = {",": "，", ";": "；", ":": "：", "!": "！", "?": "？"}


def _fullwidth(text: str) -> str:
    """Half-width , ; : ! ? ( ) " typed in Chinese text become full-width, and a . that ends a
    sentence becomes 。 — not a decimal point (3.4), a list marker (2. / 二.) or a name
    (PM2.5, www.gov.cn). 一. / 二. → 一、, ①② → （1）（2）, so the marker is read as one."""
    text = re.sub(r"^([一二三四五六七八九十]{1,3})[.．](?![\d.])\s*", r"\1、", text)
    text = re.sub(r"^([①-⑳])\s*", lambda m: f"（{ord(m.group(1)) - 0x245F}）", text)
    text = re.sub(r"\(([^()]*)\)", lambda m: f"（{m.group(1)}）" if re.search(f"[{_CJK}]", m.group(0)) else m.group(0), text)
    if text.count('"') % 2 == 0 and re.search(f"[{_CJK}]", text):
        quotes = iter("“”" * (text.count('"') // 2))
        text = re.sub('"', lambda m: next(quotes), text)
    text = re.sub(r"\.{3,}|。{3,}", "……", text)  # an ellipsis typed as dots
    lead = re.match(r"^\s*\d{1,2}[.．]\s*", text)  # 1. / 2.: a list marker, kept as it is
    out = list(text)
    for i in range(lead.end() if lead else 0, len(text)):
        c = text[i]
        before, after = text[i - 1] if i else "", text[i + 1] if i + 1 < len(text) else ""
        if c == "." and not (before.isdigit() and after.isdigit()) and not (before.isascii() and before.isalpha()) \
                and before and (not after or not after.isascii() or after == " "):
            out[i] = "。"
        elif c in _HALF and not (before.isascii() and before.isalnum() and after.isascii() and after.isalnum()) \
                and text[i:i + 3] != "://":  # between Latin letters or digits (10:30, 1,234, http://): not Chinese
            out[i] = _HALF[c]
    return "".join(out).rstrip()


_STOP_END = set("。！？；：!?;:…")
_CLAUSE_END = set("，、")
_PUNCT = re.compile(r"[，、；：。！？（）“”]")


# a line that starts with a figure's number and unit (100件.), not a date (2024年…): the
# rest of a sentence, never a heading's body
_GOES_ON = re.compile(r"[\d.,，]+\s*(?:万|亿)?\s*(?![年月日号\d.])[\u4e00-\u9fff%％]")


def _join_wrapped(lines: list[tuple[int | str, str]]) -> list[tuple[int | str, str]]:
    """Non-empty lines, a line that breaks off inside a sentence joined with the next (…项目485 /
    个，完成投资559亿元。; …稳定在920万亩左右、 / 粮食产量…). A line goes on when it ends with no
    stop and is body text (it ends with ，、 or holds punctuation: a heading holds none), and the
    next line is body text too: not a numbered item, a heading, a date or a signature, and not
    after a blank line."""
    out: list[tuple[int | str, str]] = []
    joining = item_open = False
    for n, text in lines:
        if not text:
            joining = item_open = False
            continue
        if ((joining and (_PUNCT.search(text) or out[-1][1][-1] in _CLAUSE_END)) or (item_open and _GOES_ON.match(text))) \
                and not marker(text) and not _is_noise_line(text):
            out[-1] = (out[-1][0], out[-1][1] + text)
        else:
            out.append((n, text))
        last = out[-1][1]
        mk = marker(last)
        words = last[len(mk.text):] if mk else last  # 一、 / （一） are a marker's punctuation, not the text's
        # 「3. 授权发明专利⏎100件.」: a numbered item broken off before its figure goes on
        item_open = bool(mk) and last[-1] not in _STOP_END
        joining = last[-1] not in _STOP_END and (last[-1] in _CLAUSE_END or bool(_PUNCT.search(words)))
    return out


# --- the department and the document's part from names -------------------------------------

_NAME_CUT = re.compile(r"(19|20)\d\d|关于|年度|工作总结|工作计划|工作要点|工作打算|工作情况|总结|计划|材料|汇报|报告")


def dept_from_name(name: str) -> str | None:
    """市统计局2023年工作总结.docx → 市统计局; 2023年工作总结.txt → None."""
    stem = Path(name).stem
    stem = re.sub(r"^[\dA-Za-z]+[_\-.、\s]+", "", stem)  # 01_市统计局…: a filing number
    m = _NAME_CUT.search(stem)
    dept = (stem[: m.start()] if m else stem).strip(" _-—.、（）()")
    return dept if len(dept) >= 2 and re.search(r"[\u4e00-\u9fff]", dept) else None


_REVIEW_HEAD = re.compile(r"总结|回顾|完成情况|开展情况|进展情况|工作情况|主要工作|工作成效|主要成效|成效|成绩|亮点")
_PLAN_HEAD = re.compile(r"计划|打算|思路|安排|要点|下一步|明年|今后|重点工作|主要任务|工作目标|主要措施|工作措施|谋划")
# a part that lists problems: 存在的问题 / 问题和不足 / 困难和问题 / 不足之处. An achievement
# heading naming 短板 or 问题 (市政设施短板加快补齐 / 补短板强基础 / 问题整改成效明显) is not one
_PROBLEM_WORD = r"(?:问题|不足|困难|短板|差距|弱项|挑战|矛盾)"
_PROBLEM_HEAD = re.compile(
    rf"存在(?:的)?(?:主要|突出)?{_PROBLEM_WORD}|{_PROBLEM_WORD}(?:和|与|及|、){_PROBLEM_WORD}|不足之处"
    rf"|面临的{_PROBLEM_WORD}|^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)?(?:主要|突出)?{_PROBLEM_WORD}[：:]?$"
)
_PROBLEM_SOLVED = re.compile(r"补齐|补短板|整改|解决|破解|化解|成效|加快|明显|有效|攻坚")


def part_of_heading(text: str) -> str | None:
    """review / key_tasks / problems for a heading that names one; None for a topic heading or
    one that names both (2023年工作总结和2024年工作计划)."""
    if _PROBLEM_HEAD.search(text) and not _PROBLEM_SOLVED.search(text) and not _PLAN_HEAD.search(text):
        return "problems"
    review, plan = bool(_REVIEW_HEAD.search(text)), bool(_PLAN_HEAD.search(text))
    if review and not plan:
        return "review"
    if plan and not review:
        return "key_tasks"
    return None


# --- lines that are not facts ----------------------------------------------------------------

_CN_DIGIT = "〇零一二三四五六七八九十"
_DATE_LINE = re.compile(
    rf"[（(]?(\d{{4}}|[{_CN_DIGIT}]{{4}})\s*年(\s*(\d{{1,2}}|[{_CN_DIGIT}]{{1,3}})\s*月"
    rf"(\s*(\d{{1,2}}|[{_CN_DIGIT}]{{1,3}})\s*日)?)?[）)]?"
)
_PAGE_LINE = re.compile(r"[-—–－─\s]*(第\s*)?\d{1,3}\s*页?\s*([/／]\s*\d{1,3}|共\s*\d{1,3}\s*页)?[-—–－─\s]*")
_SALUTATION = re.compile(r"(尊敬的|各位|亲爱的).{0,24}[：:]|同志们[：:！!，,]?")
_BOILERPLATE = re.compile(
    r"^(附件|抄送|抄报|主送|报送|联系人|联系电话|电话|传真|邮箱|印发|签发|密级|此页无正文|特此报告|以上报告|妥否|"
    r"请审阅|请审定|专此报告)"
)
_ORG_END = re.compile(r"(局|委|委员会|办|办公室|中心|政府|厅|部|院|所|站|队|公司|集团|管委会|街道|街道办事处|镇|乡|单位|（盖章）|\(盖章\))$")
_SENTENCE_STOPS = "。；！？!?;"


def _is_noise_line(text: str) -> bool:
    if _DATE_LINE.fullmatch(text) or _PAGE_LINE.fullmatch(text) or _SALUTATION.fullmatch(text):
        return True
    if _BOILERPLATE.match(text):
        return True
    # a signature: an organ's name, maybe followed by the date, with no sentence in it
    if len(text) <= 40 and not any(c in text for c in _SENTENCE_STOPS + "，,："):
        head = _DATE_LINE.sub("", text).strip()
        if head and _ORG_END.search(head):
            return True
    return False


def _is_heading(text: str) -> bool:
    """A line with no sentence in it: short, no stop (a trailing ： allowed), as titles and
    section headings are written."""
    body = text.rstrip("：:")
    return len(body) <= 40 and not any(c in body for c in _SENTENCE_STOPS)


_LEVEL = {"一、": 1, "（一）": 2, "一是": 3, "1.": 3, "（1）": 4}
_PART_NUMBER = re.compile(r"^第[一二三四五六七八九十]+部分[：:、\s]*")


def _heading_level(text: str) -> tuple[int, str]:
    """(level, text without its marker); an unnumbered heading is level 1."""
    m = _PART_NUMBER.match(text)
    if m:
        return 1, text[m.end():]
    mk = marker(text)
    if mk:
        return _LEVEL.get(mk.kind, 3), text[len(mk.text):]
    return 1, text


# --- sentences -------------------------------------------------------------------------------

_OPEN = "“‘「『《（("
_CLOSE = "”’」』》）)"


def split_sentences(text: str) -> list[str]:
    """Split at 。；！？ outside quotes and brackets, the stop (and closing quotes right after
    it) kept. Unbalanced quotes fall back to splitting at every stop."""
    out, depth, start, i, n = [], 0, 0, 0, len(text)
    while i < n:
        c = text[i]
        if c in _OPEN:
            depth += 1
        elif c in _CLOSE:
            depth = max(0, depth - 1)
        elif c in _SENTENCE_STOPS and depth == 0:
            j = i + 1
            while j < n and text[j] in _SENTENCE_STOPS + _CLOSE:
                j += 1
            out.append(text[start:j])
            start = i = j
            continue
        i += 1
    if start < n:
        out.append(text[start:])
    if depth > 0 and len(out) == 1:
        out = re.findall(rf"[^{_SENTENCE_STOPS}]+[{_SENTENCE_STOPS}]*|[{_SENTENCE_STOPS}]+", text)
    return [s.strip() for s in out if s.strip()]


_OPENER = re.compile(r"^([一二三四五六七八九十]+是|首先|其次|再次|最后|此外|另外|同时|其中)[，,：:]?")
_INTRO = re.compile(r"[：:]$")


def _clean(sentence: str) -> str:
    """Drop the enumeration opener (一是 / （1） / 1.) a fact does not need on its own."""
    mk = marker(sentence)
    if mk and mk.kind != "一、":
        sentence = sentence[len(mk.text):]
    m = re.match(r"^[一二三四五六七八九十]+是[，,：:]?", sentence)
    return sentence[m.end():] if m else sentence


# a department's preamble, clause by clause: 2023年，在市委、市政府的坚强领导下，我局紧紧围绕“宜居”
# 城市建设目标，各项工作取得明显成效 — the bureau, its leaders and its aims, no matter of the year
_PREAMBLE_CLAUSE = re.compile(
    r"^((今年|全年|一年|(19|20)\d\d年)(以来|来)?|在.*(领导|指导|关心|支持)下"
    r"|(我局|我委|我办|本局|本委|我单位|我中心|我们)?(始终|坚持|全面|认真|紧紧|牢牢)*(围绕|按照|聚焦|对标|贯彻|落实).*"
    r"|(我局|我委|我办|本局|本委|我单位|我中心|我们)?各项(工作|任务|事业)(均|都)?(取得|实现).{0,6}(成效|成绩|进展|突破|成果))$"
)


def _preamble(sentence: str) -> bool:
    """No number and every clause boilerplate (see _PREAMBLE_CLAUSE), with the department or
    its leaders named: the bureau speaking of itself, not a fact of the year."""
    if re.search(r"\d", re.sub(r"(19|20)\d\d年", "", sentence)) or not re.search(r"领导|我局|我委|我办|本局|本委|我单位|我中心|各项工作", sentence):
        return False
    clauses = [c for c in re.split(r"[，,；;。！？]", sentence) if c.strip()]
    return all(_PREAMBLE_CLAUSE.match(c.strip()) for c in clauses)


def _is_fact(sentence: str) -> bool:
    """A sentence worth harvesting: some Chinese words or a figure, not an intro ending in ：
    (现将有关情况报告如下：), not boilerplate and not the department's preamble."""
    if _INTRO.search(sentence) and not re.search(r"\d", sentence):
        return False
    if _preamble(sentence):
        return False
    if _BOILERPLATE.match(sentence) or re.search(r"报告如下|汇报如下|总结如下|如有不妥|不当之处", sentence):
        return False
    return len(re.findall(r"[\u4e00-\u9fff]", sentence)) >= 4 or bool(re.search(r"\d", sentence))


# --- numbers ---------------------------------------------------------------------------------

_UNITS = sorted(set(
    """个百分点 百分点 元/人 亿元 万元 元 亿美元 万美元 美元 万亩 亩 公顷 吨 斤 平方公里 平方米 公里 千米 米
    立方米 千瓦时 千瓦 兆瓦 人次 人 名 户次 户 家次 家 个 项 件 所 条 座 张 套 处 辆 台 场次 场 次 间 栋 批次 批
    类 只 头 株 棵 村 镇 乡 支 部 篇 门 位 种 倍 小时 天 周年 年 月 日 号 方面 宗 块 片 口 眼 公斤 千克 羽
    标箱 床 册 首 期 级 颗 根 盏 组 幢 例 起 单 岁 分钟 秒 度 亿斤 标准煤 微克/立方米""".split()
), key=len, reverse=True)
_UNIT_AFTER = re.compile(
    r"(?:[余多])?(?:万亿|千万|百万|万|亿|千|百)?(?:" + "|".join(re.escape(u) for u in _UNITS) + r")?"
)


def numbers_in(text: str) -> list[str]:
    """Every Arabic number of `text` with its unit as written: 5.14万人, 12%, 2023年."""
    out = []
    for num in extract(text):
        if num.rank:  # 居全省第一: a Chinese numeral, not an Arabic number
            continue
        end = num.end
        if num.percent:
            end = text.index("%" if "%" in text[end:end + 3] else "％", end) + 1
        else:
            unit = _UNIT_AFTER.match(text, end)  # every piece optional: it always matches
            end = unit.end() if unit else end
        out.append(text[num.start:end])
    return out


# --- part by cues ----------------------------------------------------------------------------

# (pattern, weight); positive = achieved, negative = planned
_CUES: list[tuple[re.Pattern, int]] = [
    (re.compile(r"完成|实现|达到|建成|新增|累计|同比|比上年|较上年|获评|获批|荣获|入选|创成|首次|圆满|顺利|"
                r"竣工|投产|投用|建成投用|已经|已|截至|截止|通过.{0,8}验收|位居|居全|(?<![为除])了(?!解)|"
                r"(增强|提升|改善|释放|优化|提高|向好|加快|形成|明显|显著|巩固|落实)[，。；]"), 2),
    (re.compile(r"增长|增加|下降|提升|提高|减少|成功|有效|明显|显著|稳步|全年|共计|共|达|落地|开通|举办|出台|"
                r"印发|召开|发放|争取到|获得|走在|连续"), 1),
    (re.compile(r"(?<!即)将(?!近)|计划|力争|争取(?!到)|确保|预计|拟|明年|下一步|今后|年内|努力|要(?!素|求)|"
                r"到20\d\d年|以上|左右|以内|不低于|不少于"), -2),
    (re.compile(r"推进|推动|加快|深化|持续|着力|全力|大力|积极|不断|进一步|抓好|做好|强化|谋划|健全|完善|坚持|"
                r"聚焦|围绕|优化|提升.{0,4}水平|加强|实施|打造|培育|加大"), -1),
]


PART_PARAGRAPH_WEIGHT = 1.0


def cue_score(sentence: str) -> int:
    """Achieved minus planned cue weight; 0 means the sentence itself does not say."""
    score = 0
    for rx, w in _CUES:
        score += w * len(rx.findall(sentence))
    return score


# --- topic -----------------------------------------------------------------------------------

PARAGRAPH_WEIGHT = 2.0
HINT_WEIGHT = 0.5


def _normed(scores: dict[str, float]) -> dict[str, float]:
    total = sum(scores.values())
    return {t: v / total for t, v in scores.items()} if total > 0 else {}


def topic_of(sentence: str, paragraph: str = "", hint: str | None = None, lex=None, table: BigramTable | None = None,
             prior: dict[str, float] | None = None) -> str:
    """The sentence's topic: the corpus bigram table's posterior (drafter.gather.topic_table:
    the sentence plus its paragraph, and `prior`, the supplying department's field from
    drafter.gather.dept_topics) and the numbered heading's topic at HINT_WEIGHT. Without
    a table, or when it knows none of the bigrams, the mined lexicon over the sentence and
    its paragraph at PARAGRAPH_WEIGHT, normalised to sum 1 together (bench/gather_simulation.py
    --loo: 60.6 % with the lexicon, 65.9 % with the table); seeds, then the hint, when no
    lexicon word occurs, then the department's main field."""
    table = shipped_table() if table is None else table
    total = dict.fromkeys(TOPICS, 0.0)
    posterior = table.posterior(sentence, paragraph, prior=prior) if table is not None else {}
    if posterior:
        for t, v in posterior.items():
            total[t] += v
        if hint in total:
            total[hint] += HINT_WEIGHT
        return max(TOPICS, key=lambda t: total[t])
    lex = shipped_lexicon() if lex is None else lex
    raw = lexicon_scores(sentence, lex)
    if paragraph and paragraph != sentence:
        for t, v in lexicon_scores(paragraph, lex).items():
            raw[t] = raw.get(t, 0.0) + PARAGRAPH_WEIGHT * v
    for t, v in _normed(raw).items():
        total[t] += v
    if hint in total:
        total[hint] += HINT_WEIGHT
    best = max(TOPICS, key=lambda t: total[t])
    if total[best] > 0:
        return best
    seeds = by_seeds(sentence)
    if seeds != "其他":
        return seeds
    if hint:
        return hint
    field = max(prior, key=lambda t: prior[t]) if prior else None  # ties: the order of TOPICS
    return field or by_seeds(paragraph)


# --- the walk --------------------------------------------------------------------------------

@dataclass
class _Sentence:
    text: str
    line: int | str  # 表N第M行 for a table's row
    paragraph: str
    para_id: int
    section_part: str | None  # from a heading that names a part
    hint: str | None  # topic of the nearest numbered heading
    forced: str | None = None  # the sentence's own lead says (2025年，我局将… / 下一步打算：)


@dataclass
class _Walked:
    sentences: list[_Sentence]
    title_part: str | None
    problems: list[str]  # sentences under 存在的问题 (not facts of either part)
    orgs: list[str]  # organ names of the signature lines and the title (宜春市住房和城乡建设局)


_LABEL = re.compile(rf"^([{_CJK}“”]{{2,12}})：(?=.)")
# 今年以来，我局牢牢围绕市委市政府决策部署，实施…: the department speaking of itself
_DEPT_SPEAK = re.compile(
    r"^((今年|(19|20)\d\d年|一年)(以来|来)|今年|全年|(19|20)\d\d年)?[，,]?"
    r"(我局|我委|我办|本局|本委|我单位|我中心|我们)"
    r"(?:(始终|坚持|全面|认真)?(牢牢|紧紧)?(围绕|按照|聚焦|对标|贯彻|落实|在)[^，。；]{0,30}(部署|要求|目标任务|中心工作|领导下)[，,])?"
)
_FUTURE = re.compile(r"^((19|20)\d\d年|明年|来年|新的一年|下一步|今后)[，,]?[^，。；]{0,8}?(将|计划|力争|拟|要|继续|确保)")
_PART_WORDS = {"review": "review", "key_tasks": "key_tasks"}


def _unspeak(sentence: str) -> str:
    """The fact without the department's lead-in (今年以来，我局牢牢围绕…部署， / 我局): the
    report speaks for the government, not for a bureau."""
    sentence = re.sub(r"[（(](详|参)?见附[表件图][^）)]{0,6}[）)]", "", sentence)  # points into the department's file
    m = _DEPT_SPEAK.match(sentence)
    if not m or not m.group(6):
        return sentence
    when = m.group(1) if m.group(1) and re.fullmatch(r"(19|20)\d\d年", m.group(1)) else ""
    rest = sentence[m.end():].lstrip("，,")
    return f"{when}，{rest}" if when and rest else rest


def _walk(lines: list[tuple[int | str, str]]) -> _Walked:
    """The body sentences with their headings' part and topic hint, the document title's part
    (the first heading lines before any body text), the problems and the signatures' organs."""
    out: list[_Sentence] = []
    problems: list[str] = []
    orgs: list[str] = []
    title_part: str | None = None
    section_part: str | None = None
    part_level = 0
    hints: dict[int, str] = {}
    seen_body = False
    for pid, (line, text) in enumerate(lines):
        if _is_noise_line(text):
            org = _DATE_LINE.sub("", text).strip()
            if org and _ORG_END.search(org) and not _BOILERPLATE.match(org):
                orgs.append(org)
            continue
        if _is_heading(text):
            level, words = _heading_level(text)
            named = part_of_heading(words)
            if not seen_body and level == 1 and not marker(text):
                title_part = title_part or named
                if (titled := dept_from_name(words + ".txt")) and _ORG_END.search(titled):
                    orgs.insert(0, titled)
                if named:  # the title decides like a section heading, until a heading names another part
                    section_part, part_level = named, 0
                continue
            if named:
                section_part, part_level = named, level
                hints = {k: v for k, v in hints.items() if k < level}
            elif level <= part_level and marker(text):  # an unnumbered line is no section of its own
                section_part, part_level = None, 0
            if not named or level > 1:
                hints = {k: v for k, v in hints.items() if k < level}
                topic = by_seeds(words)
                if topic != "其他":
                    hints[level] = topic
            continue
        seen_body = True
        body = text
        level, words = _heading_level(text)
        forced: str | None = None
        label = _LABEL.match(words)
        if label:  # 就业工作：… / 下一步打算：…: a category label, a hint and maybe a part, not text
            named = part_of_heading(label.group(1))
            if named and marker(text) and level == 1:  # 三、下一步打算：… decides until the next 四、
                section_part, part_level = named, 1
            elif named:
                forced = named
            elif marker(text) and level <= part_level:
                section_part, part_level = None, 0
            if by_seeds(label.group(1)) != "其他":
                hints[9] = by_seeds(label.group(1))
            words = words[label.end():]
            body = words
        elif level != 1 or words != text:  # a numbered paragraph: its first sentence may be a heading
            first = split_sentences(words)[0] if words else ""
            rest = words[len(first):]
            if rest and not re.search(r"\d", first) and len(first) <= 40 and not any(c in first[:-1] for c in "；;：:") \
                    and first[-1] not in "；;，,":  # 顺利通过复审；高安获评…: a list, not a heading's lead
                named = part_of_heading(first)
                hints = {k: v for k, v in hints.items() if k < level}
                if by_seeds(first) != "其他":
                    hints[level] = by_seeds(first)
                if named and level <= max(part_level, 1):
                    section_part, part_level = named, level
                body = rest
            else:
                body = words
        body = _inline_items(body)
        lead = lead_of(body)  # 优化创新生态。…: names this paragraph's matter, and is a fact too
        if lead and len(body) > len(lead) and by_seeds(lead) != "其他":
            hints[9] = by_seeds(lead)
        if section_part == "problems" and forced is None:
            hints.pop(9, None)
            problems.extend(p for p in (_clean(x).rstrip("；;，,。") for x in _enumerated(body)) if p)
            continue
        hint = hints[max(hints)] if hints else None
        hints.pop(9, None)
        for sentence in split_sentences(body):
            s = _unspeak(_clean(sentence))
            if _FUTURE.match(s):  # 2025年，我局将力争…: a plan, and so is the rest of the paragraph
                forced = "key_tasks"
            if _is_fact(s):
                out.append(_Sentence(s, line, body, pid, section_part, hint, forced))
    return _Walked(out, title_part, problems, orgs)


# ①② / (1)(2) / 1）2） after a stop or comma inside a line: list markers, not text
_MARK = r"\s*(?:[①-⑳]|[（(]\d{1,2}[）)]|\d{1,2}[）)])\s*"
_INLINE_MARK = re.compile(r"(?:^|(?<=[：；。，:;]))" + _MARK)  # ^: after a label (开展了以下工作：) was taken off
# 主要做了以下工作：① / 具体如下：(1) announces the items; it says nothing of its own
_ITEMS_INTRO = re.compile(r"[，,]?[^，。；：]{0,10}(?:以下|如下)[^，。；：]{0,8}[：:]" + _MARK)


def _inline_items(body: str) -> str:
    """「积极推动…“两个转变”，主要做了以下工作：①狠抓…；②完成…」 → 「积极推动…“两个转变”。狠抓…；完成…」:
    the intro goes (the lead before it ends its own sentence), the markers go, the items stay
    the sentences they are (split at ；)."""
    def intro(m: re.Match) -> str:
        return "。" if m.start() and body[m.start() - 1] not in "。；！？" else ""

    body = _ITEMS_INTRO.sub(intro, body)
    return _INLINE_MARK.sub("", body)


def _enumerated(body: str) -> list[str]:
    """一是资金压力较大；二是部分项目进度滞后。 → its items (a problems list is one line)."""
    return [x for s in split_sentences(body) for x in re.split(r"(?=[二三四五六七八九十]是)", s) if x.strip()]


@dataclass
class Material:
    facts: list[Harvested]
    problems: list[str]  # 存在的问题, each item as written (not facts: no part takes them)
    dept: str | None  # the one given, else the organ the file name names, else a signature's or the title's, else `fallback`


def harvest(path: Path, dept: str | None = None, lex=None, table: BigramTable | None = None,
            outline: Outline | None = None) -> list[Harvested]:
    """The facts of one department's material, in document order (see the module doc); `lex`
    and `table` replace the shipped topic lexicon and corpus bigram table
    (bench/gather_simulation.py --loo; an empty table leaves the topic to the lexicon);
    `outline`: the office's own topics per part (office_outline)."""
    return read_material(path, dept, lex, table, outline=outline).facts


class OfficeTopics(frozenset):
    """The topics of the office's own sections for one part, and `covers`: a topic with no section
    of its own that a section's heading also names → that section's topic (the first naming it);
    `titles`: per titled section (topic, {bigram of its title: idf over all the office's titles})."""

    covers: dict[str, str]
    titles: list[tuple[str, dict[str, float]]]

    def __new__(cls, topics, covers: dict[str, str] | None = None,
                titles: list[tuple[str, dict[str, float]]] | None = None) -> OfficeTopics:
        self = super().__new__(cls, topics)
        self.covers = {t: s for t, s in (covers or {}).items() if t not in self}
        self.titles = titles or []
        return self


# part → the topics of the office's own review sections / key-task areas
Outline = dict[str, frozenset[str]]
MIN_OUTLINE = 2  # an office with one topic for a part has no outline to choose among


def office_outline(review: list, key_tasks: list, titles: dict[str, list] | None = None) -> Outline:
    """The office's topics per part (`topic:` of its review sections and key-task areas), each
    part kept when it holds MIN_OUTLINE of them; {} when the office gives none: gather then
    chooses among all of TOPICS, as it did before outlines. `titles`: per part the sections'
    titles beside their topics (None where a section has none): the other topics a title names
    (topics.heading_topics) are that section's too (OfficeTopics.covers)."""
    titles = titles or {}
    # a title's bigram weighs by how few of the office's titles (both parts) hold it
    said = [set(bigrams(t)) for part in ("review", "key_tasks") for t in titles.get(part) or [] if isinstance(t, str)]
    held = Counter(b for s in said for b in s)
    idf = {b: math.log(len(said) / n) for b, n in held.items()}
    out: Outline = {}
    for part, items in (("review", review), ("key_tasks", key_tasks)):
        topics = frozenset(t for t in items if t in TOPICS)
        if len(topics) < MIN_OUTLINE:
            continue
        covers: dict[str, str] = {}
        words: list[tuple[str, dict[str, float]]] = []
        for topic, title in zip(items, titles.get(part) or [], strict=False):
            if topic in TOPICS and isinstance(title, str):
                for named in sorted(heading_topics(title), key=list(TOPICS).index):
                    covers.setdefault(named, topic)
                words.append((topic, {b: idf[b] for b in sorted(set(bigrams(title))) if idf[b] > 0}))
        out[part] = OfficeTopics(topics, covers, words)
    return out


def read_material(path: Path, dept: str | None = None, lex=None, table: BigramTable | None = None,
                  fallback: str | None = None, data: bytes | None = None, outline: Outline | None = None) -> Material:
    """harvest() with the problems and the department found (see Material); `fallback` (gather
    --dept) names only a material whose file name, signature and title name no organ; `data`
    its bytes when already read; `outline` the office's topics per part (office_outline): a
    paragraph's topic is sought first among those of its part."""
    path = Path(path)
    walked = _walk(_paragraphs(path, data))
    sentences, title_part = walked.sentences, walked.title_part
    default = title_part or part_of_heading(path.stem)
    if default not in ("review", "key_tasks"):
        default = None
    # 2024年工作总结.txt names no department; its signature (宜春市住房和城乡建设局) or title does.
    # A file name naming no organ (工作总结.docx, 张三的总结.txt) is no department: two such files
    # from two departments would merge under it; left empty, the gather summary asks for --dept
    named = dept_from_name(path.name)
    named = named if named and _ORG_END.search(named) else None
    dept = dept or named or (walked.orgs[-1] if walked.orgs else None) or fallback
    own = [cue_score(s.text) for s in sentences]
    para_sum: dict[int, float] = {}
    para_n: dict[int, int] = {}
    for s, sc in zip(sentences, own, strict=True):  # a cue score per sentence
        para_sum[s.para_id] = para_sum.get(s.para_id, 0) + sc
        para_n[s.para_id] = para_n.get(s.para_id, 0) + 1
    # a paragraph tells of one time: its mean cue weighs as much as the sentence's own
    scores = [sc + PART_PARAGRAPH_WEIGHT * para_sum[s.para_id] / para_n[s.para_id] for s, sc in zip(sentences, own, strict=True)]
    parts: list[Part] = []
    for s, score in zip(sentences, scores, strict=True):
        # the lead's own part, the section's, else the cues, else the file's
        decided = s.forced if s.forced in ("review", "key_tasks") else s.section_part
        if decided in ("review", "key_tasks"):
            parts.append("review" if decided == "review" else "key_tasks")
        elif score:
            parts.append("review" if score > 0 else "key_tasks")
        else:
            parts.append("key_tasks" if default == "key_tasks" else "review")
    lex = shipped_lexicon() if lex is None else lex
    table = shipped_table() if table is None else table
    paras = {s.para_id: (s.paragraph, s.hint) for s in sentences}  # in document order
    # a paragraph's part for its outline: most of its sentences' (ties: review)
    para_parts: dict[int, list[str]] = {}
    for s, part in zip(sentences, parts, strict=True):
        para_parts.setdefault(s.para_id, []).append(part)
    outline = outline or {}
    allowed = [outline.get(max(("review", "key_tasks"), key=para_parts[pid].count)) for pid in paras]
    prior = field_prior(dept)  # the department's own field: a bias, not an override
    covers = [getattr(own, "covers", None) for own in allowed]
    titles = [getattr(own, "titles", None) for own in allowed]
    topics = table.sequence([p for p, _ in paras.values()], [h for _, h in paras.values()], prior, allowed,
                            covers, titles) if table else []
    para_topic = dict(zip(paras, topics, strict=True))
    told = [para_topic.get(s.para_id) or topic_of(s.text, s.paragraph, s.hint, lex, table, prior) for s in sentences]
    out = [
        Harvested(text=s.text, part=part, topic=topic, source=f"{path.name}:{s.line}", dept=dept, numbers=numbers_in(s.text))
        for s, part, topic in zip(sentences, parts, fill_topics(told, dept), strict=True)
    ]
    return Material(out, walked.problems, dept)
