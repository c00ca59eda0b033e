"""Words said twice where an office writer says them once. Three rules, each read off the
161 reports of style_corpus/ (the published reports are the standard) and the audit drafts
that had the defects:

重复的动词  A figure verb twice in one clause, at most 4 characters apart, with a number (or a
        【待补充】) after it: 「城镇新增就业新增7.4万人」「新增城镇新增就业6万人以上」 — the data
        gave `verb: 新增` and the indicator's name already holds it. Only the verbs drafter
        puts before figures are looked at (compose/verbs.py and the quantity verbs below): a
        noun said twice is common and right (交易所交易额, 就业困难人员就业, 新建绿色建筑占新建民用
        建筑). Two verbs joined by 和 / 与 / 及 / 占 / 或 are a parallel, not a repeat. On the corpus:
        0 hits (a gap of 6 would add 3 right ones: 新建绿色建筑占新建…).
重复的领导机关  One leadership chain (two or more bodies: 省委、省政府, 党中央、国务院) said again
        within 40 characters of the same sentence, or inside a longer chain there: 「是省委、
        省政府关心关怀的结果，是省委、省政府和市委团结带领……的结果」. A single body twice
        (在市委的坚强领导下……市委……) is everyday report language and is not looked at. On the
        corpus: 1 hit (汉中: 落实省委、省政府工作部署和省委、省政府主要领导……指示要求), which
        reads better with the second chain left out; chains further apart (南充, 德州) are not hits.
引领句重复  A lead (a paragraph's first sentence, at most 30 characters) and the sentence right
        after it that says nothing more: the second is at most 6 characters of verb and
        adverb (持续推进, 坚持旗帜鲜明), then an object of 3 or more characters from the lead, then
        nothing or 建设 / 工作 — 「打造水平更高的法治政府。持续推进法治政府建设。」. A longer second
        sentence that shares the object and goes on (争创全国法治政府建设示范市, 顶格推进营商环境
        建设，激发……) is how reports unfold a lead, and 1,208 corpus leads share 4 or more
        characters with their next sentence. On the corpus: 0 hits.
"""

from __future__ import annotations

import re
from itertools import pairwise

from ..compose.verbs import COUNT_NUMBER_FIRST, COUNT_VERB_FIRST

# Verbs a figure follows, besides the counted things' verbs: the growth and level verbs.
_QUANTITY_VERBS = ("增长", "增加", "达到", "实现", "提高", "提升", "下降", "降低", "减少", "累计", "突破",
                   "超过", "净增", "新增", "完成", "引进", "招引")
FIGURE_VERBS = frozenset(v for v in COUNT_VERB_FIRST | COUNT_NUMBER_FIRST | set(_QUANTITY_VERBS) if len(v) == 2)
_CLAUSE = re.compile(r"[^，；。！？：、,;:!?]+")
_PARALLEL = re.compile(r"[和与及占或]")
_NUMBER_AFTER = re.compile(r"\d|【待补充")
_VERB_GAP = 4

_BODY = re.compile(
    r"党中央|国务院|自治区党委|自治区(?:人民)?政府"
    r"|[省市县区州旗盟]委(?!员|托|会|书记|办)|[省市县区州旗盟](?:人民)?政府|[省市县区州旗盟]人大(?:常委会)?|[省市县区州旗盟]政协"
)
_CHAIN = re.compile(rf"(?:{_BODY.pattern})(?:[、和及与]?(?:{_BODY.pattern}))+")
_CHAIN_GAP = 40

_SENTENCE = re.compile(r"[^。！？]+[。！？]")
# Numbering and markers before a lead: （一） 一、 一是 1. ——
_LEAD_MARK = re.compile(r"^\s*(?:[（(][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+[、是]|\d+[.．、]|——)\s*")
_LEAD_MAX = 30
_ECHO_PREFIX = 6
_ECHO_OBJECT = 3
_ECHO_ENDS = ("", "建设", "工作")
_CJK_ONLY = re.compile(r"[\u4e00-\u9fff]+")


def _context(text: str, start: int, end: int, n: int = 10) -> str:
    s, e = max(0, start - n), min(len(text), end + n)
    return ("…" if s else "") + text[s:e] + ("…" if e < len(text) else "")


def doubled_verbs(text: str) -> list[tuple[int, str]]:
    """(offset, message) for each figure verb said twice in one clause."""
    found = []
    for clause in _CLAUSE.finditer(text):
        s, base = clause.group(0), clause.start()
        places: dict[str, list[int]] = {}
        for k in range(len(s) - 1):
            if s[k:k + 2] in FIGURE_VERBS and s[k:k + 3] != "增加值":
                places.setdefault(s[k:k + 2], []).append(k)
        for verb, at in places.items():
            for a, b in pairwise(at):
                between = s[a + 2:b]
                if len(between) > _VERB_GAP or _PARALLEL.search(between) or not _NUMBER_AFTER.search(s[b:]):
                    continue
                found.append((base + a, f"“{verb}”在一个分句里说了两次：{_context(text, base + a, base + b + 2)}"
                              f"（指标名称已含“{verb}”时，不必再写动词）"))
                break
    return sorted(found)


def _bodies(chain: str) -> frozenset[str]:
    return frozenset(b.replace("人民", "") for b in _BODY.findall(chain))


def repeated_chains(text: str) -> list[tuple[int, str]]:
    """(offset, message) for each leadership chain said again close by in its sentence."""
    found = []
    for sentence in re.finditer(r"[^。！？]+", text):
        chains = [(m, _bodies(m.group(0))) for m in _CHAIN.finditer(sentence.group(0))]
        for (m1, a), (m2, b) in pairwise(chains):
            if m2.start() - m1.end() > _CHAIN_GAP or not (a <= b or b <= a):
                continue
            s, e = sentence.start() + m1.start(), sentence.start() + m2.end()
            again = "又" if a == b else "又在“" + m2.group(0) + "”中"
            found.append((s, f"同一句里“{m1.group(0)}”{again}写了一次：{_context(text, s, e, 6)}"))
    return found


def _echo(lead: str, nxt: str) -> str | None:
    """The lead's object that `nxt` merely repeats (持续推进 + 法治政府 + 建设), or None."""
    for end in _ECHO_ENDS:
        if end and not nxt.endswith(end):
            continue
        body = nxt[:len(nxt) - len(end)]
        for k in range(min(_ECHO_PREFIX, len(body) - _ECHO_OBJECT) + 1):
            obj = body[k:]
            if _CJK_ONLY.fullmatch(obj) and obj in lead:
                return obj
    return None


def lead_echoes(text: str) -> list[tuple[int, str]]:
    """(offset, message) when the sentence after a paragraph's lead only repeats the lead."""
    sentences = list(_SENTENCE.finditer(text))
    if len(sentences) < 2:
        return []
    lead = _LEAD_MARK.sub("", sentences[0].group(0)).rstrip("。！？").strip()
    nxt = sentences[1].group(0).rstrip("。！？").strip()
    if len(lead) > _LEAD_MAX or not _CJK_ONLY.fullmatch(nxt):
        return []
    obj = _echo(lead, nxt)
    if obj is None:
        return []
    return [(sentences[1].start(), f"引领句“{lead}”与下一句“{nxt}”都说“{obj}”，下一句没有新内容：请改写下一句或删去")]
