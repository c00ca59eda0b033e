"""What last year's parsed report says that this year's data file reuses (for drafter.lastyear).

    structure(doc)                   numbering, where the targets sit, review / task markers
    section_titles(doc, part_type)   review section / key-task area headings, as written
    section_bodies(doc, part_type)   their paragraphs' text, in the same order
    topics(titles, bodies)           the `topic:` of each section (None when unsure), each
                                     topic given to one section at most
    problems(doc)                    the 困难和问题 paragraph, item by item
    glossary(doc)                    the 名词解释 appendix: (term, definition) pairs
    areas_marked_shi(doc)            whether the key-task areas are headed 一是… / 二是… (望城)
    self_building_area(doc)          the last key-task area when it is 政府建设 (望城's 七是…)
    self_building_untitled(doc)      whether self-building is a block with no title (before_closing)
    self_building_leads(doc)         the lead sentences of the 自身建设 items
    livelihood(doc)                  the 民生实事 items (庄浪's 十件实事), each its first clause
    thanks(doc)                      whom the thanks paragraph names: groups and helpers
    headings(doc, year, structure)   part headings that differ from the draft's defaults, the
                                     years in them advanced to this year's report
    speaker(lines, region)           (name, title) from the header, spaces inside the name removed
    leadership_said(doc)             the chain of 是…坚强领导的结果 and the closing's 在…的坚强领导下
    meeting_hint(meeting)            what this year's meeting probably is, for a comment only

Pure string rules over drafter.parse's tree: no jieba.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from .parse.about import COMMITTEE, LEADERSHIP, after_meeting
from .parse.lines import PROBLEMS_FORMULA, cn_number, marker
from .parse.rules.parts import part_type
from .parse.rules.sections import SUB_KINDS
from .parse.rules.self_building import SELF_BUILDING
from .phrases.topics import TOPICS, lexicon_scores, shipped_lexicon, topic_scores
from .tree import Document, Heading, Paragraph, Section

__all__ = [
    "structure", "section_titles", "section_bodies", "topics", "problems", "glossary", "headings", "speaker", "meeting_hint",
    "leadership_said", "areas_marked_shi", "self_building_area", "self_building_untitled", "self_building_leads", "livelihood", "thanks",
]

_CN_DIGITS = "零一二三四五六七八九"


def structure(doc: Document) -> dict[str, Any]:
    out: dict[str, Any] = {}
    parts = {p.type: p for p in doc.parts}
    review = parts.get("review")
    # numbered as the first part heading is (柳州's review has none, its 二、 says it); a report
    # with no part heading at all (梧州, 泸州) has nothing numbered
    # (the parser keeps a part heading's 一、 / 一. / 第一部分 as its number)
    part_heads = [p.heading for p in doc.parts if p.heading is not None and p.type not in ("closing", "appendix")]
    out["numbered"] = bool(part_heads) and bool(part_heads[0].number)
    kt = parts.get("key_tasks")
    if kt is not None:
        out["targets_part"] = "separate" if kt.heading is not None else "combined"
        headed = _first_headed(kt.sections)
        if headed is not None:
            out["task_style"] = headed[0].style
            number = headed[1].text
            if number.startswith("（一）") or _sub_numbered(number):
                out["task_marker"] = "（一）"  # 1、 under 一、 is the second level, which the draft writes （一）
            elif number.startswith("一、"):
                out["task_marker"] = "一、"
            # 一是 / 二是 (望城) has no task_marker value: areas_marked_shi
    if review is not None:
        headed = _first_headed(review.sections)
        if headed is not None:
            first = headed[1].text
            for marker in ("（一）", "——", "一是"):
                if first.startswith(marker):
                    out["review_marker"] = marker
                    break
            else:
                out["review_marker"] = "（一）" if _sub_numbered(first) else "none"
    return out


def _sub_numbered(heading: str) -> bool:
    """Numbered 1、 / 1. / （1）: the level below the part's, written （一） in the draft."""
    m = marker(heading)
    return m is not None and m.kind in SUB_KINDS


def areas_marked_shi(doc: Document) -> bool:
    """Whether key-task areas are headed 一是… / 二是… (望城): structure.task_marker has no such
    value, so lastyear says so in a comment."""
    return any(
        s.heading is not None and s.heading.number.endswith("是")
        for p in doc.parts if p.type == "key_tasks" for s in p.sections
    )


def _first_headed(sections: list[Section]) -> tuple[Section, Heading] | None:
    """The first section that has a heading, with that heading."""
    for b in sections:
        if b.heading:
            return b, b.heading
    return None


def section_titles(doc: Document, part_type: str) -> list[str]:
    """The section headings of every part of `part_type` (review / key_tasks), as written."""
    out = []
    for part in doc.parts:
        if part.type != part_type:
            continue
        for b in part.sections:
            if b.heading and b.heading.text.strip():
                out.append(b.heading.text.strip())
    return out


def headless(doc: Document) -> bool:
    """No part heading and no numbered section (绵阳: review, targets and tasks run on): the
    parts are guessed from the problems and 总体要求 paragraphs, and their sections from
    short sentences, too loosely to carry as last year's sections and areas."""
    body = [p for p in doc.parts if p.type in ("review", "targets", "key_tasks", "self_building")]
    return bool(body) and all(p.heading is None for p in body) and not any(
        s.heading is not None and s.heading.number for p in body for s in p.sections
    )


# The work of the 群团 and the offices the review lists in one breath (镇江 「——过去一年，老龄、
# 妇女儿童、青少年、残疾人、工会……等事业实现新发展，民族、宗教、审计……」): review.other_work, not a
# section of its own (H122: it became one of topic 政府)
_OTHER_WORK = ("老龄", "妇女儿童", "青少年", "残疾人", "工会", "共青团", "妇联", "红十字", "慈善", "关心下一代",
               "民族", "宗教", "审计", "统计", "外事", "对台", "港澳", "侨务", "档案", "史志", "地方志",
               "防震减灾", "气象", "国防动员", "双拥", "人民防空", "人防", "退役军人")
_OTHER_WORK_MIN = 6  # 镇江's names 23; no other review section of the 161 corpus reports names 4


def other_work(text: str) -> bool:
    """Does a review section's first sentence list the other work (_OTHER_WORK)?"""
    first = re.split(r"[。！]", text, maxsplit=1)[0]
    return sum(w in first for w in _OTHER_WORK) >= _OTHER_WORK_MIN


def section_bodies(doc: Document, part_type: str) -> list[str]:
    """The text of each headed section of `part_type`, aligned with section_titles."""
    return [
        "".join(p.text for p in b.blocks)
        for part in doc.parts if part.type == part_type
        for b in part.sections if b.heading and b.heading.text.strip()
    ]


# A title's seed words count half as much as the body's lexicon: 宜宾's 「坚持工业当先、创新赋能，
# 着力打造绿色低碳优势产业集聚区」 has more 生态 seeds (绿色低碳) than 产业 ones, its body is industry.
_TITLE_WEIGHT = 0.5
# a topic holding under this share of a section's score is a guess (0.3 left 宜宾's 七 人民生活水平,
# 民生 0.29, without one; 0.2 gave 16 of 357 sections in 26 reports none instead of 20, no better)
_SURE = 0.25
# a section still without a topic takes its body's best untaken one from this share on: 0.19 keeps
# 呼和浩特's 五宜城市 (民生 0.191) and 五个大起底 (项目 0.197), not 龙子湖's 转型升级 (安全 0.16)
_GUESS = 0.19


def _shares(scores: Mapping[str, float]) -> dict[str, float]:
    total = sum(scores.values())
    return {t: (scores.get(t, 0) / total if total else 0.0) for t in TOPICS}


def topics(titles: list[str], bodies: list[str]) -> list[str | None]:
    """The topic of each section, by its body's lexicon words together with its title's seed
    words. A topic goes to one section at most (gathered facts of that topic merge into the
    first section that has it, drafter/readers/yaml_data): pairs (section, topic) are taken most
    certain first, so a section whose best topic went to a surer one may get its second. A
    section left without one (no untaken topic holds _SURE of its score) gets its body's best
    untaken topic when that holds _GUESS of the body; else none."""
    lex = shipped_lexicon()
    body_shares = [_shares(lexicon_scores(body, lex) if lex else topic_scores(body)) for body in bodies]
    scored: list[tuple[float, int, str]] = []
    for i, (title, by_body) in enumerate(zip(titles, body_shares, strict=True)):
        by_title = _shares(topic_scores(title))
        # a title without seed words (a body without lexicon words) does not dilute the other
        wb = 1.0 if any(by_body.values()) else 0.0
        wt = _TITLE_WEIGHT if any(by_title.values()) else 0.0
        if not wb + wt:
            continue
        scored += [(s, i, t) for t in TOPICS if (s := (wb * by_body[t] + wt * by_title[t]) / (wb + wt)) >= _SURE]
    out: list[str | None] = [None] * len(titles)
    taken: set[str] = set()
    _assign(scored, out, taken)
    # Left without one (呼和浩特's 「全力打造“五个区域中心”」: no seed word in the title, 创新 0.22
    # of the body): the best topic nobody took, by the body alone, when it holds _GUESS of it.
    guesses = [
        (s, i, t)
        for i, by_body in enumerate(body_shares) if out[i] is None
        for t, s in by_body.items()
        if t not in taken and s >= _GUESS
    ]
    _assign(guesses, out, taken)
    return out


def _assign(scored: list[tuple[float, int, str]], out: list[str | None], taken: set[str]) -> None:
    """Pairs (score, section, topic), most certain first, each section and topic once."""
    for _, i, topic in sorted(scored, key=lambda x: (-x[0], x[1])):
        if out[i] is None and topic not in taken:
            out[i] = topic
            taken.add(topic)


# ---------------------------------------------------------------------------------------------
# problems

# The sentence that turns to the problems. PROBLEMS_FORMULA (清醒认识到, 知弱, 知忧…) is the
# parser's; the rest are the corpus's other turns: 固原 「还有不少矛盾问题需要解决：」, 珲春 「一些
# 问题和短板：」, 庄浪 「有差距、有短板、有弱项，主要表现在：」, 定西 「…依然突出，主要表现为：」.
_PROBLEM_MARK = re.compile(
    PROBLEMS_FORMULA.pattern
    + r"|清醒地?(?:知道|意识到)"  # 镇江 「我们清醒地知道，…主要有：」: else 短板弱项 inside an item matched
    + r"|困难和问题|问题和不足|短板和不足|不足和问题|问题和短板|矛盾问题|差距和不足|短板弱项|主要表现(?:为|在)"
)
_PROBLEM_STOP = re.compile(r"^(?:对此|对于这些|针对这些|这些问题|我们将|我们一定|我们要|我们必须|对这些|我们决心)")
_ITEM_MARK = re.compile(r"[一二三四五六七八九十]+是")
_LIST_START = re.compile(r"^(?:[一二三四五六七八九十]+是|（[一二三四五六七八九十]+）|\d+[.、．])")


def _review_paragraphs(doc: Document) -> list[Paragraph]:
    paras: list[Paragraph] = []
    for part in doc.parts:
        if part.type == "review":
            paras.extend(part.paragraphs())
    return paras


# The turn said without a formula, read only in the review's last paragraphs (_TAIL), where a
# sentence on problems is the problems: 呼和浩特 「还存在一些“绕不开、挪不走”的问题。一是…」, 十堰
# 「还存在一些困难问题：」, 河池 「…深层次问题依然突出：」, 遂宁 「不少问题和挑战，主要是：」, 来宾
# 「问题和困难，主要体现在：」, 哈尔滨 「我们也认识到：」. A problem word then a colon, or a full
# stop right before 一是 (a sentence in between: 「解决了…问题。开展…」 is an achievement).
_PROBLEM_TURN = re.compile(
    r"(?:问题|困难|不足|短板|挑战|矛盾|差距|弱项)[^。：:；]{0,16}?(?:[：:]|。(?=[一二三四五六七八九十]+是))"
    r"|(?:认识到|意识到|看到)[：:]"
)
_TAIL = 3


def _problem_body(paras: list[Paragraph], i: int) -> str | None:
    """The text listing the problems, from the paragraph `i` that turns to them, or None when
    that paragraph only mentions problems (着力解决……等问题)."""
    text = paras[i].text
    m = _PROBLEM_MARK.search(text)
    if not m:
        return None
    rest = text[m.end():]
    if re.search(r"[：:]\s*$", rest):  # 平凉: 「…还存在不少差距：」, the list in what follows
        return _list_after(paras, i)
    item = _ITEM_MARK.search(rest)
    colon = re.search(r"[：:]", rest)
    if item and (colon is None or item.start() <= colon.end()):
        return rest[item.start():]
    if colon:
        return rest[colon.end():]
    if "，" in rest:  # 咸阳: 「我们也清醒认识到，全市经济回升向好的基础尚不稳固，…」
        return rest.split("，", 1)[1]
    return None


def _list_after(paras: list[Paragraph], i: int) -> str | None:
    """The list in the paragraphs after `i`: the first, and those that go on numbering it."""
    body: list[str] = []
    for p in paras[i + 1:]:
        if body and not _LIST_START.match(p.text):
            break
        body.append(p.text)
    return "".join(body) or None


def _turn_body(paras: list[Paragraph], i: int) -> str | None:
    """What follows a _PROBLEM_TURN of paragraph `i`: the rest of it, else the list below."""
    m = _PROBLEM_TURN.search(paras[i].text)
    if not m:
        return None
    return paras[i].text[m.end():].strip() or _list_after(paras, i)


def _problem_items(body: str) -> list[str]:
    sentences = []
    for s in re.split(r"(?<=。)", body):
        if _PROBLEM_STOP.match(s.strip()):
            break
        sentences.append(s)
    body = "".join(sentences)
    if len(_ITEM_MARK.findall(body)) >= 2:  # 一是…。二是…: the head of each item
        items = [re.split(r"[。；]", x, maxsplit=1)[0] for x in _ITEM_MARK.split(body)]
    else:
        items = [x for x in re.split(r"[；;]", body) if x.strip()]
        whole = [x for x in re.split(r"(?<=。)", body) if x.strip()]
        if len(whole) >= len(items):  # 中卫: 最基本的市情是…。最主要的矛盾是…；…。最突出的短板是…。
            items = whole
        if len(items) == 1 and items[0].count("，") >= 2:  # 咸阳: one sentence, a problem per clause
            items = items[0].split("，")
    out = []
    for item in items:
        x = re.sub(r"^(?:[一二三四五六七八九十]+是|（[一二三四五六七八九十]+）|\d+[.、．])", "", item.strip()).rstrip("。；，")
        if len(x) >= 4:
            out.append(x if len(x) <= 120 else x[:118] + "……")
    return out


def problems(doc: Document) -> list[str]:
    """The problems paragraph of the review, item by item ([] when the report has none)."""
    paras = _review_paragraphs(doc)
    tail = range(max(0, len(paras) - _TAIL), len(paras))
    for read, where in ((_problem_body, range(len(paras))), (_turn_body, tail)):
        for i in where:
            body = read(paras, i)
            items = _problem_items(body) if body else []
            if items:
                return items
    return []


# ---------------------------------------------------------------------------------------------
# glossary, headings, speaker, meeting

_TERM = re.compile(r"^(?P<term>[^：:。，]{1,30})[：:](?P<definition>.+)$")
# 银川 writes two entries on one line: 「“四水四定”：以水定城……。“六权”：用水权……」
_NEXT_ENTRY = re.compile(r"(?<=。)(?=[^。：:，]{1,20}[：:])")
# …but 望城's 「“一二三六”发展思路：“一”即突出一个主题：…。“二”即聚焦两个板块：…」 is one entry
# whose parts are 「“二”即…」: a piece that starts so goes back to the entry before it.
_INNER_PART = re.compile(r"^(?:“[^”]{1,8}”|[^。：:，“”]{1,8})(?:即|是指|指)")
# A list number before the term: 「19．“1234”目标」, 「3.」, 「（4）」
_LIST_NUMBER = re.compile(r"^(?:\d{1,3}[．.、]|[（(]\d{1,3}[）)])\s*")


def _entries(text: str) -> list[str]:
    pieces: list[str] = []
    for piece in _NEXT_ENTRY.split(text):
        if pieces and _INNER_PART.match(piece.strip()):
            pieces[-1] += piece
        else:
            pieces.append(piece)
    return pieces


# The footer of the web page a report was copied from (益阳's 信息来源：… 湘公网安备：…): the
# notes end where it begins.
_WEB_FOOTER = re.compile(r"^(?:信息来源|来源|责任编辑|编辑|主办单位|承办单位|备案号|网站标识码|.{1,2}公网安备|发布时间|版权所有)$")


def glossary(doc: Document) -> list[tuple[str, str]]:
    """The 名词解释 appendix as (term, definition) pairs; lines that are not 「term：definition」
    (宜春's 《政府工作报告》有关内容名词注释, 龙子湖's 亩均论英雄（P2）) are left out, and so is
    everything from a web page's footer on."""
    out: list[tuple[str, str]] = []
    seen: set[str] = set()
    for part in doc.parts:
        if part.type != "appendix":
            continue
        for p in part.paragraphs():
            for piece in _entries(p.text.strip()):
                m = _TERM.match(_LIST_NUMBER.sub("", piece.strip()))
                if not m:
                    continue
                term, definition = m.group("term").strip(), m.group("definition").strip()
                if _WEB_FOOTER.match(term):
                    return out
                if term and definition and term not in seen:
                    seen.add(term)
                    out.append((term, definition))
    return out


# ---------------------------------------------------------------------------------------------
# what has a place in the model but is carried as a comment only: self-building, 民生实事, thanks


def self_building_area(doc: Document) -> Section | None:
    """The last key-task area when it is the government's own building (望城: 「七是在加强政府
    建设中树立新形象」) and the report has no self-building part of its own: the data file then
    carries it once, as self_building.placement key_task_section, not as a 7th area too."""
    if any(p.type == "self_building" for p in doc.parts):
        return None
    areas = [b for p in doc.parts if p.type == "key_tasks" for b in p.sections]
    last = areas[-1] if areas else None
    if last is not None and last.heading is not None and SELF_BUILDING.search(last.heading.text):
        return last
    return None


def self_building_untitled(doc: Document) -> bool:
    """Whether the self-building is a block without a title of its own before the closing
    (梧州's 「各位代表！做好今年各项工作……」 then 加强政治建设。…; 咸阳, 陇南): placement
    before_closing, not a part."""
    parts = [p for p in doc.parts if p.type == "self_building"]
    return bool(parts) and all(p.heading is None for p in parts)


def _leads(text: str) -> list[str]:
    """The lead sentences in an item paragraph: its first sentence when short (庄浪: 坚持政治为先
    忠诚为政。牢固树立…), or the short sentences run on inside it (望城's one paragraph:
    …服务型政府。打造法治政府。忠实履行…). A heading sentence (七是…) is not one."""
    sentences = [re.sub(r"^（[一二三四五六七八九十]+）", "", x.strip()) for x in re.findall(r"[^。！？]+(?=。)", text)]
    first = sentences[0] if len(sentences) > 1 else ""
    if len(first) <= 24 and not re.search(r"^各位代表|^[一二三四五六七八九十]+是|[，；]", first):
        return [first] if first else []
    return [x for x in sentences[1:] if 4 <= len(x) <= 12 and "，" not in x]


def self_building_leads(doc: Document) -> list[str]:
    """The lead sentences of the 自身建设 items: of the self-building part, else of the
    key-task area that is self-building."""
    paras: list[Paragraph] = []
    for part in doc.parts:
        if part.type == "self_building":
            paras.extend(part.paragraphs())
    if not paras and (area := self_building_area(doc)) is not None:
        paras = list(area.blocks)
    return [x for p in paras for x in _leads(p.text)]


_LIVELIHOOD = re.compile(r"实事[”」]?[：:]")


def livelihood(doc: Document) -> list[str]:
    """The 民生实事 of the plan (庄浪: 「…措办惠及民生的“十件实事”：一是…二是…」), each item
    up to its first full stop or semicolon."""
    for part in doc.parts:
        if part.type not in ("targets", "key_tasks", "plan"):
            continue
        for p in part.paragraphs():
            m = _LIVELIHOOD.search(p.text)
            if not m:
                continue
            body = p.text[m.end():]
            if len(_ITEM_MARK.findall(body)) < 2:
                continue
            items = [re.split(r"[。；]", x, maxsplit=1)[0].strip() for x in _ITEM_MARK.split(body)]
            return [x if len(x) <= 80 else x[:78] + "……" for x in items if len(x) >= 4]
    return []


_THANKS_TO = re.compile(r"我谨?代表[^，,]{0,16}政府[，,]?(?P<to>向.+?)(?:表示|致以)")
_HELPERS = re.compile(r"帮扶|协作|对口|援助|援建|支援")


def thanks(doc: Document) -> list[str]:
    """Whom last year's thanks paragraph names: each 向… group, then the clauses that name
    helpers (庄浪: 倾注着天津市河西区、南开大学和各级帮扶单位的无私援助与倾情帮扶)."""
    for p in _review_paragraphs(doc):
        m = _THANKS_TO.search(p.text)
        if not m or "感谢" not in p.text:
            continue
        groups = [g.strip("，,；、 ") for g in re.split(r"[，,；]?向", m.group("to")) if g.strip("，,；、 ")]
        helpers = [c for c in re.split(r"[，,；。]", p.text[: m.start()]) if _HELPERS.search(c)]
        return groups + helpers
    return []


def advance_years(text: str, year: int) -> str:
    """「2024年工作回顾」 of the report that planned `year` - 1 → 「2025年工作回顾」: every year of
    last year's report (its plan year and the year it reviewed) moves on by one."""
    def bump(m: re.Match) -> str:
        y = int(m.group(1))
        return f"{y + 1}年" if y in (year - 2, year - 1) else m.group(0)

    return re.sub(r"(\d{4})年", bump, text)


def headings(doc: Document, year: int, structure_: dict[str, Any]) -> tuple[dict[str, str], str | None]:
    """(structure.headings, self_building.title) for this year's report `year`: the part
    headings of last year's report, number removed and years advanced, where they differ from
    what the draft writes when the field is empty."""
    combined = structure_.get("targets_part", "combined") == "combined"
    defaults = {
        "review": f"{year - 1}年工作回顾",
        "targets": f"{year}年工作的总体要求和预期目标",
        "key_tasks": f"{year}年工作安排" if combined else f"{year}年重点工作",
    }
    out: dict[str, str] = {}
    self_title = None
    # A part typed targets by its place only (镇江 二、把主题教育成果转化为干事创业的生动实践,
    # between the review and 三、2024年主要预期目标和重点工作) names no goals: its heading is
    # the year's only when no heading of targets says so in words (H122)
    worded = {id(p) for p in doc.parts if p.type == "targets" and p.heading is not None
              and part_type(p.heading.text.strip()) is not None}
    for part in doc.parts:
        if part.heading is None or (part.type == "targets" and worded and id(part) not in worded):
            continue
        text = part.heading.text.strip()
        if part.heading.number and text.startswith(part.heading.number):
            text = text[len(part.heading.number):]
        text = advance_years(re.sub(r"^[一二三四五六七八九十]+、", "", text).strip(), year)
        if not text:
            continue
        if part.type == "review":
            key = "review"
        elif part.type == "targets":
            key = "key_tasks" if combined else "targets"  # combined: one part, 2025年工作安排
        elif part.type == "key_tasks" and not combined:
            key = "key_tasks"
        elif part.type == "self_building":
            if text != "加强政府自身建设":
                self_title = text
            continue
        else:
            continue
        if key not in out and text != defaults[key]:
            out[key] = text
    return out, self_title


_SPEAKER_LINE = re.compile(
    r"^(?P<title>[^\s　]{0,24}?(?:代理|代)?(?:省|市|区|县|旗|州|盟)长)[\s　]*(?P<name>.*)$"
)
_NAME = re.compile(r"^[\u4e00-\u9fff·•]{2,12}$")


def speaker(header_lines: list[str], region: str | None) -> tuple[str, str] | None:
    """(name, title) from the speaker line of the header: 「咸阳市市长 冷劲松」, 「市长 冷劲松」,
    「咸阳市市长 冷 劲 松」 (letter-spaced names), or the title alone with the name on the next
    line. A title without the region (市长, 代市长) gets it: the draft prints the title as given."""
    for i, raw in enumerate(header_lines):
        line = after_meeting(raw.strip()) or raw.strip()  # 玉林: …第六次会议上 市长 张惠强
        m = _SPEAKER_LINE.match(line)
        if not m or len(line) > 40:
            continue
        name = re.sub(r"[\s　]+", "", m.group("name"))
        if not name and i + 1 < len(header_lines):
            name = re.sub(r"[\s　]+", "", header_lines[i + 1])
        if not _NAME.match(name):
            continue
        title = m.group("title")
        if region and re.match(r"^(?:代理|代)?[省市区县旗州盟]长$", title) and region.endswith(title[-2]):
            title = region + title
        return name, title
    return None


_SHORT_MEETING = re.compile(
    r"(?:在|——)?(?P<who>[^\d在—年月日\s]{0,24}?)第?(?P<term>[一二三四五六七八九十]+)届人大(?P<standing>常委会)?"
    r"第?(?P<session>[一二三四五六七八九十]+)次(?:全体)?会议"
)


def meeting_in_header(header_lines: list[str], name: str) -> str:
    """The meeting written the short way, 「——2024年1月8日在市十七届人大三次会议上」 /
    「金台区第十九届人大二次会议文件」, in full: 咸阳市第十七届人民代表大会第三次会议."""
    for line in header_lines:
        m = _SHORT_MEETING.search(line)
        if not m:
            continue
        who = m.group("who")
        if name and (not who or (who[-1] == name[-1] and len(who) == 1)):
            who = name  # 「在市十七届人大…」: the region's own name
        standing = "常务委员会" if m.group("standing") else ""
        return f"{who}第{m.group('term')}届人民代表大会{standing}第{m.group('session')}次会议"
    return ""


_SESSION = re.compile(r"第([一二三四五六七八九十]+)届人民代表大会第([一二三四五六七八九十]+)次会议")


def _cn(n: int) -> str:
    if n < 10:
        return _CN_DIGITS[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else _CN_DIGITS[tens]) + "十" + ("" if ones == 0 else _CN_DIGITS[ones])


def meeting_hint(meeting: str) -> str | None:
    """The session after last year's, 「……第九届人民代表大会第五次会议」, and the one that opens
    a new term, for a comment: whether this year is a 换届 year the report cannot tell."""
    m = _SESSION.search(meeting)
    if not m:
        return None
    term, session = cn_number(m.group(1)), cn_number(m.group(2))
    if term is None or session is None or term >= 99 or session >= 99:
        return None
    head = meeting[: m.start()]
    nxt = f"{head}第{_cn(term)}届人民代表大会第{_cn(session + 1)}次会议"
    new_term = f"{head}第{_cn(term + 1)}届人民代表大会第一次会议"
    return f"{nxt}；如今年换届，则为{new_term}"


# ---------------------------------------------------------------------------------------------
# leadership

_LED = r"的?(?:坚强|正确|科学|有力|直接)*的?领导"
_TEAM_LED = re.compile(rf"[，,；;]\s*(?:也|更|还)?是({COMMITTEE})(?:团结|带领|领导)")


def leadership_said(doc: Document) -> tuple[str | None, str | None, str | None]:
    """(the chain the review thanks, the chain the closing names, the closing's words):
    聊城's 「是省委省政府和市委坚强领导的结果」 and 「在市委的坚强领导下」 → (省委省政府和市委, 市委,
    在市委的坚强领导下). 23 of the 54 reports of style_corpus that say both name two chains."""
    ack = close = words = None
    for part in doc.parts:
        for p in part.paragraphs():
            for m in LEADERSHIP.finditer(p.text):
                after = p.text[m.end():]
                if ack is None and (res := re.match(_LED + "的结果", after)):
                    # 是省委、省政府坚强领导的结果，是市委团结带领…的结果: one chain, 省委、省政府和市委
                    own = _TEAM_LED.match(after[res.end():])
                    ack = m.group() + (f"和{own.group(1)}" if own and own.group(1) not in m.group() else "")
                before = re.search(r"在(?:中共[^，、在]{1,8}?)?$", p.text[:m.start()])  # 在中共宁波市委的
                if part.type == "closing" and before and (led := re.match(_LED + "下", after)):
                    close, words = m.group(), before.group() + m.group() + led.group()
    return ack, close, words
