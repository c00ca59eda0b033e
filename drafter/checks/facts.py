"""The fact check: every number of the draft against the data it was drafted from.

We compose the data afresh (every number run knows its data path) and align the draft with
it character by character (align.py). Then, for every number of the composition:

1. in place — its characters map onto a number of the draft with the same text: fine;
2. between anchors — the characters just before and after it (within 8 characters, not
   past the end of the sentence) still map to the draft, at most 12 characters further
   apart than the number is long: the number that stands between them in the draft is
   that figure. The same value is fine; another value is a changed figure
   (「数据为 2878，文稿为 2900」);
3. by name — the sentence was rewritten or moved: a draft number, not yet accounted for,
   whose sentence has the figure's name before it and the figure's unit after it (亿元; a %
   for growth rates; 第… for ranks). The same value counts as moved (fine), else changed.
   Numbers from the office's own text have no name: there the four characters before and
   after the number must be the same;
4. what is left: a data figure (a numeric field) no draft number was found for is missing,
   and so is a number of the office's own text (a text fact such as 「79个重点工业项目…」) —
   unless the same number with the same unit still stands unclaimed in that paragraph, the
   sentence reworded around it;
   a draft number matched to nothing is fine if it is one of the office's numbers anywhere
   in the data (numeric fields and numbers in its own text), a year of the report, a count
   of the report's own lists, or a number our composition writes; otherwise it is not in
   the data.

A number found with the same value is the same figure only with the same unit (3.6亿元 is
not 3.6万元), qualifier (8亿元以上 is not 8亿元左右) and direction (同比增长11.3% is not 同比下降
11.3%; compared only when both sides name one, so rewording never reads as a change): each
difference is an error of its own, with the draft paragraph.

Completion verdicts (完成 / 未完成 …) are checked the same way: a verdict the draft words
differently from verdict.judge is an error — a missed target must never read as met.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from ..model import Report
from ..spans import widen
from . import numbers
from .align import Alignment, Pos
from .composed import ComposedParagraph
from .findings import ERROR, FACTS, Finding, at
from .paths import TEXT_NUMBER, FigureInfo, data_numbers, derived_numbers, fact_dept, figure_info, resolve

WINDOW = 8  # how far from a number its anchors may be
SLACK = 12  # how much longer than the number the stretch between anchors may be in the draft
_SENTENCE_END = "。！？；"
_VERDICTS = ("超额完成", "基本完成", "未完成", "完成")
_HOLE = re.compile(r"【待补充[^】]*】")  # a hole left in the draft: its label's 第二 is no figure

INVENTED = "数据中没有的数字"
MISSING = "文稿中缺少的数字"
CHANGED = "被改动的数字"
VERDICT = "被改动的完成情况"
UNIT = "被改动的单位"
QUALIFIER = "被改动的限定词"
DIRECTION = "被改动的增减方向"


@dataclass
class Expected:
    para: int
    num: numbers.Number
    kind: str  # figure (a numeric field) / text (inside the office's text) / derived
    path: str = ""
    info: FigureInfo | None = None


@dataclass
class DraftNumber:
    para: int
    num: numbers.Number
    claimed: bool = False


def sentence_around(text: str, start: int, end: int, width: int = 40) -> str:
    """The sentence holding text[start:end], cut to about `width` characters around it."""
    s, e = widen(text, start, end)
    e = min(len(text), e + 1)  # with its 。
    if e - s > width:
        s2 = max(s, start - width // 2)
        e2 = min(e, s2 + width)
        return ("…" if s2 > s else "") + text[s2:e2] + ("…" if e2 < e else "")
    return text[s:e]


def expected_numbers(report: Report, composed: list[ComposedParagraph]) -> list[Expected]:
    out = []
    for i, cp in enumerate(composed):
        for n in numbers.extract(cp.text):
            src = cp.source_at(n.start)
            if src is None or src.kind == "placeholder":
                continue
            if src.kind == "data":
                info = figure_info(report, src.ref)
                out.append(Expected(i, n, "figure" if info else "text", src.ref, info))
            else:
                out.append(Expected(i, n, "derived", src.ref))
    return out


def _anchors(al: Alignment, cpara: int, text: str, start: int, end: int, dparas: list[str]):
    """Draft positions just before and after composed text[start:end]: (para, lo, hi) with the
    stretch dparas[para][lo+1:hi] standing where the composed text stood; None if unsure."""
    left: Pos | None = None
    right: Pos | None = None
    from_start = to_end = False  # the paragraph start / end, reached with no mapped character, is an anchor too
    for x in range(start - 1, max(-1, start - 1 - WINDOW), -1):
        if (hit := al.c2d[cpara][x]) is not None:
            left = hit
            break
        if text[x] in _SENTENCE_END:
            break
    else:
        from_start = start - 1 - WINDOW < 0 <= start
    for y in range(end, min(len(text), end + WINDOW)):
        if (hit := al.c2d[cpara][y]) is not None:
            right = hit
            break
        if text[y] in _SENTENCE_END:
            break
    else:
        to_end = end + WINDOW >= len(text)
    if from_start and to_end:
        return None
    if from_start:
        if right is None:
            return None
        para, lo = right[0], -1
    elif left is None:
        return None
    else:
        para, lo = left
    hi: int | None
    if to_end:
        hi = len(dparas[para])
    elif right is None:
        return None
    else:
        hi = right[1] if right[0] == para else None
    if hi is None or hi <= lo or hi - lo - 1 > (end - start) + SLACK:
        return None
    return para, lo, hi


def _estimated_para(al: Alignment, cpara: int, offset: int) -> int | None:
    """The draft paragraph where composed (cpara, offset) would be: the nearest character of
    that paragraph that maps."""
    row = al.c2d[cpara]
    for d in range(len(row)):
        for x in (offset - d, offset + d):
            if 0 <= x < len(row) and (hit := row[x]) is not None:
                return hit[0]
    return None


def _left(text: str, start: int, n: int) -> str:
    """At most `n` characters before `start`, within its sentence (； ends one here)."""
    return text[max(widen(text, start, start, _SENTENCE_END)[0], start - n):start]


def _sentence_before(text: str, start: int) -> str:
    return text[widen(text, start, start)[0]:start]


def _fits_by_name(e: Expected, etext: str, d: DraftNumber, dtext: str) -> bool:
    n = d.num
    if e.kind == "figure" and e.info is not None:
        name = e.info.name.strip("“”\"")
        if len(name) < 2 or name not in _sentence_before(dtext, n.start):
            return False
        unit = e.info.unit
        if e.info.what == "排名":
            return n.rank
        if unit == "%":
            return n.percent
        if unit:
            return dtext[n.end:].lstrip().startswith(unit)
        return not n.rank
    if e.kind == "text":
        before = "".join(c for c in _left(etext, e.num.start, 4) if not c.isdigit())
        after = etext[e.num.end:e.num.end + 4]
        if len(before) < 2 and len(after) < 2:
            return False
        return dtext[:n.start].endswith(before) and dtext[n.end:].startswith(after)
    return False


def _figure_changes(e: Expected, etext: str, d: DraftNumber, dtext: str) -> list[tuple[str, str]]:
    """(kind, message) for each way the draft's number is another figure than the data's
    though its digits are the same: unit, qualifier, direction."""
    if e.num.rank:
        return []
    out = []
    name = e.info.label if e.info else TEXT_NUMBER
    shown = e.num.shown
    u1, u2 = numbers.unit_after(etext, e.num), numbers.unit_after(dtext, d.num)
    if u1 != u2:
        out.append((UNIT, f"{name}：数据为 {shown}{'' if u1 == '%' else u1}，文稿为 "
                          f"{d.num.shown}{'' if u2 == '%' else u2 or '（无单位）'}"))
    q1, q2 = numbers.qualifier(etext, e.num), numbers.qualifier(dtext, d.num)
    if q1 != q2:
        out.append((QUALIFIER, f"{name} {shown}：数据的限定词为“{q1 or '无'}”，文稿为“{q2 or '无'}”"
                               f"（{sentence_around(dtext, d.num.start, d.num.end)}）"))
    s1, s2 = numbers.direction(etext, e.num), numbers.direction(dtext, d.num)
    if s1 and s2 and s1 != s2:
        word = {"增": "增长 / 增加 / 高于", "减": "下降 / 减少 / 低于"}
        out.append((DIRECTION, f"{name} {shown}：数据为{word[s1]}，文稿写作{word[s2]}"
                               f"（{sentence_around(dtext, d.num.start, d.num.end)}）"))
    return out


def _numbers_outside_holes(text: str) -> list[numbers.Number]:
    holes = [m.span() for m in _HOLE.finditer(text)]
    return [n for n in numbers.extract(text) if not any(s <= n.start < e for s, e in holes)]


class _Matcher:
    """The draft's numbers matched to the data's, phase by phase; each claimed at most once."""

    def __init__(self, report: Report, composed: list[ComposedParagraph], dparas: list[str], al: Alignment):
        self.report, self.composed, self.dparas, self.al = report, composed, dparas, al
        self.draft = [DraftNumber(i, n) for i, t in enumerate(dparas) for n in _numbers_outside_holes(t)]
        self.by_para: dict[int, list[DraftNumber]] = {}
        self.by_pos: dict[tuple[int, int], DraftNumber] = {}
        for d in self.draft:
            self.by_para.setdefault(d.para, []).append(d)
            self.by_pos[(d.para, d.num.start)] = d
        self.findings: list[tuple[int, Finding]] = []  # (draft paragraph, finding), sorted at the end

    def changed(self, e: Expected, d: DraftNumber) -> None:
        d.claimed = True
        ctext, dparas = self.composed[e.para].text, self.dparas
        if e.kind == "text":
            unit = "" if e.num.percent else numbers.unit_after(ctext, e.num)
            msg = (f"{TEXT_NUMBER}（{fact_dept(self.report, e.path) or '未注明部门'}）：数据为 {e.num.shown}{unit}，"
                   f"文稿为 {d.num.shown}{'' if d.num.percent else numbers.unit_after(dparas[d.para], d.num)}"
                   f"（数据原句：{_fact_text(self.report, e.path, ctext, e.num)}）")
        else:
            msg = f"{e.info.label if e.info else '数据'}：数据为 {e.num.shown}，文稿为 {d.num.shown}"
        n, ex = at(dparas, d.para)
        self.findings.append((d.para, Finding(FACTS, CHANGED, ERROR, msg, n, ex, e.path)))

    def claim(self, e: Expected, d: DraftNumber) -> None:
        """d is e's number, with the same value: check the rest of the figure."""
        d.claimed = True
        if e.kind == "derived":
            return
        n, ex = at(self.dparas, d.para)
        for kind, msg in _figure_changes(e, self.composed[e.para].text, d, self.dparas[d.para]):
            self.findings.append((d.para, Finding(FACTS, kind, ERROR, msg, n, ex, e.path)))

    def in_place(self, expected: list[Expected]) -> list[Expected]:
        """Phases 1 and 2: the number where the alignment puts it, or between the anchors
        around it (a changed value there is a change). Returns the numbers left open."""
        open_ = []
        for e in expected:
            first, last = self.al.c2d[e.para][e.num.start], self.al.c2d[e.para][e.num.end - 1]
            if first is not None and last is not None and first[0] == last[0]:
                d = self.by_pos.get(first)
                # the same value too: 2800.5 typed over as 2810.5 keeps both ends aligned
                if (d is not None and not d.claimed and d.num.end == last[1] + 1
                        and numbers.same(d.num.value, e.num.value)):
                    self.claim(e, d)
                    continue
            gap = _anchors(self.al, e.para, self.composed[e.para].text, e.num.start, e.num.end, self.dparas)
            if gap is not None:
                para, lo, hi = gap
                inside = [d for d in self.by_para.get(para, []) if not d.claimed and d.num.start > lo and d.num.end <= hi]
                same = [d for d in inside if numbers.same(d.num.value, e.num.value)]
                if same:
                    self.claim(e, same[0])
                    continue
                if inside and e.kind in ("figure", "text"):
                    self.changed(e, inside[0])
                    continue
            open_.append(e)
        return open_

    def by_name(self, open_: list[Expected], want_same: bool) -> list[Expected]:
        """Phase 3: a number moved elsewhere (`want_same`) or changed there, found by the
        figure's name before it; the nearest paragraph wins. Returns those still open."""
        still = []
        for e in open_:
            if e.kind == "derived":
                still.append(e)
                continue
            ctext = self.composed[e.para].text
            est = _estimated_para(self.al, e.para, e.num.start)
            fits = [
                d for d in self.draft
                if not d.claimed and numbers.same(d.num.value, e.num.value) == want_same
                and _fits_by_name(e, ctext, d, self.dparas[d.para])
            ]
            if not fits:
                still.append(e)
                continue
            d = min(fits, key=lambda x: abs(x.para - est) if est is not None else 0)
            if want_same:
                self.claim(e, d)
            else:
                self.changed(e, d)
        return still

    def missing(self, open_: list[Expected]) -> None:
        """Phase 4: data numbers the draft no longer states."""
        self.findings += _missing_text(self.report, self.composed, self.dparas, self.al, open_, self.by_para)
        for e in open_:
            if e.kind != "figure":
                continue
            ctext = self.composed[e.para].text
            est = _estimated_para(self.al, e.para, e.num.start)
            n, ex = at(self.dparas, est)
            unit = e.info.unit if e.info and e.info.unit not in ("%", "位") else ""
            msg = (f"{e.info.label if e.info else '数据'} {e.num.shown}{unit} 未出现在文稿中"
                   f"（数据原句：{sentence_around(ctext, e.num.start, e.num.end)}）")
            self.findings.append((est if est is not None else 10**6, Finding(FACTS, MISSING, ERROR, msg, n, ex, e.path)))

    def invented(self, expected: list[Expected]) -> None:
        """Phase 5: draft numbers nobody claimed and the data does not hold anywhere."""
        allowed: set[Decimal] = data_numbers(self.report) | derived_numbers(self.report)
        allowed |= {numbers.key(e.num.value) for e in expected}
        for d in self.draft:
            if d.claimed or numbers.key(d.num.value) in allowed:
                continue
            n, ex = at(self.dparas, d.para)
            context = sentence_around(self.dparas[d.para], d.num.start, d.num.end)
            hole = _placeholder_near(self.composed, self.al, d)
            if hole:
                msg = f"数字 {d.num.shown} 填在了【待补充】处，数据文件中还没有：请补进数据文件（{context}）"
            else:
                msg = f"数字 {d.num.shown} 在数据中找不到（{context}）"
            self.findings.append((d.para, Finding(FACTS, INVENTED, ERROR, msg, n, ex, hole)))


def fact_check(report: Report, composed: list[ComposedParagraph], dparas: list[str], al: Alignment) -> list[Finding]:
    """Changed, moved, missing and invented numbers, then reworded verdicts, in draft order."""
    expected = expected_numbers(report, composed)
    m = _Matcher(report, composed, dparas, al)
    open_ = m.in_place(expected)
    for want_same in (True, False):  # moved first (same value), then changed
        open_ = m.by_name(open_, want_same)
    m.missing(open_)
    m.invented(expected)
    m.findings.extend(_verdicts(composed, dparas, al))
    m.findings.sort(key=lambda x: x[0])
    return [f for _, f in m.findings]


def _fact_text(report: Report, path: str, ctext: str, num: numbers.Number) -> str:
    """The text fact as the office wrote it (cut to 60 characters), else the composed sentence."""
    text = resolve(report, path)
    if isinstance(text, str) and text.strip():
        text = text.strip()
        return text if len(text) <= 60 else text[:60] + "…"
    return sentence_around(ctext, num.start, num.end)


def _missing_text(report: Report, composed: list[ComposedParagraph], dparas: list[str], al: Alignment,
                  open_: list[Expected], by_para: dict[int, list[DraftNumber]]) -> list[tuple[int, Finding]]:
    """Numbers of the office's own text no draft number was found for: one finding per text
    fact and paragraph (a deleted sentence 「12个…和11个…」 is one finding naming both)."""
    groups: dict[tuple[str, int], list[Expected]] = {}
    for e in open_:
        if e.kind != "text" or not e.path or e.path.startswith("meta."):
            continue
        ctext = composed[e.para].text
        est = _estimated_para(al, e.para, e.num.start)
        unit = numbers.unit_after(ctext, e.num)
        near = [d for p in ((est,) if est is not None else ()) for d in by_para.get(p, [])
                if not d.claimed and numbers.same(d.num.value, e.num.value)
                and numbers.unit_after(dparas[p], d.num) == unit]
        if near:  # the sentence was reworded, the number kept
            near[0].claimed = True
            continue
        groups.setdefault((e.path, e.para), []).append(e)
    out = []
    for (path, cpara), group in groups.items():
        ctext = composed[cpara].text
        est = _estimated_para(al, cpara, group[0].num.start)
        n, ex = at(dparas, est)
        shown = "、".join(f"{e.num.shown}{'' if e.num.percent else numbers.unit_after(ctext, e.num)}" for e in group)
        dept = fact_dept(report, path) or "未注明部门"
        msg = f"{TEXT_NUMBER} {shown} 未出现在文稿中（{dept}；数据原句：{_fact_text(report, path, ctext, group[0].num)}）"
        out.append((est if est is not None else 10**6, Finding(FACTS, MISSING, ERROR, msg, n, ex, path)))
    return out


def _placeholder_near(composed: list[ComposedParagraph], al: Alignment, d: DraftNumber) -> str:
    """The data path of the 【待补充】 placeholder a number was typed over, if it was: the
    draft text just before (or after) it maps to the composition right next to a placeholder."""
    row = al.d2c[d.para]
    for x in range(d.num.start - 1, max(-1, d.num.start - 1 - WINDOW), -1):
        if (hit := row[x]) is not None:
            cp, co = hit
            for k in range(co + 1, min(len(composed[cp].text), co + 3)):
                src = composed[cp].source_at(k)
                if src is not None and src.kind == "placeholder":
                    return src.ref
            break
    for y in range(d.num.end, min(len(row), d.num.end + WINDOW)):
        if (hit := row[y]) is not None:
            cp, co = hit
            for k in range(max(0, co - 2), co):
                src = composed[cp].source_at(k)
                if src is not None and src.kind == "placeholder":
                    return src.ref
            break
    return ""


def _verdicts(composed: list[ComposedParagraph], dparas: list[str], al: Alignment) -> list[tuple[int, Finding]]:
    out = []
    for i, cp in enumerate(composed):
        for s, e, run in cp.spans():
            if run.source.kind != "derived" or not run.source.ref.endswith("#verdict"):
                continue
            gap = _anchors(al, i, cp.text, s, e, dparas)
            if gap is None:
                continue
            para, lo, hi = gap
            written = dparas[para][lo + 1:hi]
            if written == run.text or not any(v in written for v in _VERDICTS):
                continue
            path = run.source.ref.removesuffix("#verdict")
            n, ex = at(dparas, para)
            msg = f"完成情况写作“{written}”，按数据判定应为“{run.text}”"
            out.append((para, Finding(FACTS, VERDICT, ERROR, msg, n, ex, path)))
    return out
