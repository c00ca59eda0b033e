"""Where the data states the same figure twice, and values no report would print.

Departments fill their own fragments of a data folder, so one indicator can arrive twice: the
统计局's 地区生产总值 in the headline and the 发改局's in its own file, or a headline figure and a
section fact. Two different numbers for one indicator is an error (the draft would print both in
one sentence); the same number twice is printed twice, which `validate` warns about. Paths are
data paths (tuples) for the reader to turn into file:line:column.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Any, NamedTuple

from pydantic import BaseModel

from .base import Number
from .figures import Figure, written_number
from .targets import Target, TargetCheck
from .verdict import bare_name

# A growth this large is a level typed in the growth field (8600 for 86.00) or a slip.
GROWTH_LIMIT = 1000


class Said(NamedTuple):
    """One number the data gives for an indicator: 地区生产总值 / growth / 4.1."""

    path: tuple  # the number's own data path
    key: tuple  # (indicator, basis[, unit], (approx, qualifier)): the same key is the same figure
    number: Decimal
    name: str  # as the data writes it


def _name_key(name: str) -> str:
    return bare_name(name.removeprefix("全社会"))


def walk(model: Any, path: tuple = ()) -> Iterator[tuple[tuple, BaseModel]]:
    """Every sub-model of the report with its data path, in the order of the data."""
    if isinstance(model, BaseModel):
        yield path, model
        for name in type(model).model_fields:
            yield from walk(getattr(model, name), (*path, name))
    elif isinstance(model, list):
        for i, item in enumerate(model):
            yield from walk(item, (*path, i))


def figure_said(f: Figure, p: tuple, qualified: bool = False) -> list[Said]:
    """The exact numbers a figure states (约 / 以上 / a pair are no single exact number), or with
    `qualified` also those with a qualifier, keyed with it: 「增长7%以上」 twice is one figure
    printed twice (聊城, H80), though 7%以上 and 7.5% are no conflict."""
    q = (f.approx or "", f.qualifier or "")
    if (any(q) and not qualified) or f.value2 is not None:
        return []
    name = _name_key(f.name)
    out = []
    if f.growth is not None:
        out.append(Said((*p, "growth"), (name, "growth", q), Decimal(str(f.growth)), f.name))
    if f.value is not None:
        out.append(Said((*p, "value"), (name, "value", f.unit or "", q), Decimal(str(f.value)), f.name))
    return out


def check_said(c: TargetCheck, p: tuple, qualified: bool = False) -> Said | None:
    """The actual a check of last year's target states, as a figure would."""
    q = (c.actual_approx or "", c.actual_qualifier or "")
    if c.actual is None or c.actual2 is not None or c.value2 is not None or (any(q) and not qualified):
        return None
    if not c.states_number or c.relative_to_benchmark:
        return None
    name = _name_key(c.name)
    key = (name, "growth", q) if c.kind == "growth" else (name, "value", c.effective_unit, q)
    return Said((*p, "actual"), key, Decimal(str(c.actual)), c.name)


def _headline_and_checks(review: Any, skip: frozenset[int] = frozenset(), qualified: bool = False) -> list[Said]:
    """The numbers the headline figures and last year's checks (but those in `skip`) state."""
    said = [s for i, f in enumerate(review.headline) for s in figure_said(f, ("review", "headline", i), qualified)]
    return said + [s for i, c in enumerate(review.checks)
                   if i not in skip and (s := check_said(c, ("review", "checks", i), qualified))]


def conflicts(report: Any) -> list[tuple[Said, Said]]:
    """Pairs (first, later) of the headline figures and last year's checks that give one
    indicator two different numbers."""
    said = _headline_and_checks(report.review)
    first: dict[tuple, Said] = {}
    out = []
    for s in said:
        seen = first.setdefault(s.key, s)
        if seen is not s and seen.number != s.number:
            out.append((seen, s))
    return out


def repeats(report: Any, absorbed: dict[int, int]) -> list[tuple[Said, Said]]:
    """Pairs (first, again) of one figure the draft prints twice: a headline figure twice, or a
    headline figure or a check's actual again as a fact of a section. `absorbed`: checks the
    headline states for them (headline index → check index), said once already."""
    review = report.review
    stated = _headline_and_checks(review, frozenset(absorbed.values()), qualified=True)
    # the review's facts only: the key tasks' figures are this year's plans, another period
    facts = [s for p, m in walk(review, ("review",)) if isinstance(m, Figure) and p[:2] != ("review", "headline")
             for s in figure_said(m, p, qualified=True)]
    first: dict[tuple, Said] = {}
    out = []
    for s in stated:
        seen = first.setdefault(s.key, s)
        if seen is not s and seen.number == s.number:
            out.append((seen, s))
    for s in facts:  # two facts of the review alike are left alone: 产量 in two sections is two crops
        earlier = first.get(s.key)
        if earlier is not None and earlier.number == s.number:
            out.append((earlier, s))
    return out


def differs(report: Any) -> list[tuple[Said, Said]]:
    """Pairs (first, other) where a fact of the review gives an indicator another number than
    the headline or a check does, or than another fact of its own section: a department's
    fragment merged under a topic (生产总值增长4.5% against the headline's 4.3%, H100). Two
    sections' facts are left alone, as in `repeats`; an error in `conflicts` is not said again."""
    review = report.review
    first: dict[tuple, Said] = {}
    for s in _headline_and_checks(review, qualified=True):
        first.setdefault(s.key, s)
    out = []
    in_section: dict[tuple, Said] = {}
    for p, m in walk(review, ("review",)):
        if not isinstance(m, Figure) or p[:2] == ("review", "headline") or m.examples:
            continue  # 「金河工业园等20个项目建成投产」: its examples scope it (金台's 20, 19 and 31)
        for s in figure_said(m, p, qualified=True):
            earlier = first.get(s.key) or in_section.get((p[:3], s.key))
            if earlier is not None and earlier.number != s.number:
                out.append((earlier, s))
            in_section.setdefault((p[:3], s.key), s)
    return out


def doubtful(report: Any) -> list[tuple[tuple, str]]:
    """(data path, why) for values that parse but that no report would print: a growth of
    8600 %, a negative total, a growth target in 亿元, a second value with nothing to pair."""
    out: list[tuple[tuple, str]] = []
    for p, m in walk(report):
        if isinstance(m, Figure):
            if m.growth is not None and _huge(m.growth):
                out.append(((*p, "growth"), f"增速 {m.growth}% 不像真实数据：增速只写百分数里的数（8.6），总量写在 value"))
            for key in ("value", "value2"):
                v = getattr(m, key)
                if v is not None and v < 0:
                    out.append(((*p, key), f"数值是负数（{v}），初稿会写成“{m.name}{v}{m.unit or ''}”；"
                                           "减少写作增速 growth 的负数（下降），或写正数并用动词（减少、压减）"))
            out += _approx_doubts(m, p)
            if m.value2 is not None and not _pairs(m.name, m.verb):
                out.append(((*p, "value2"), f"第二个数值只用于“分别”两项（如 城镇、农村居民收入分别达到…），"
                                            f"这里会写成“{m.name}…{m.value}、{m.value2}”：请在名称里写出两项，或在 verb 写“分别达到”"))
        elif isinstance(m, Target):
            growth = m.kind == "growth"
            if growth and m.unit not in (None, "%"):
                out.append(((*p, "unit"), f"增长目标的单位是 %，这里是“{m.unit}”，初稿会写成“增长{m.value}{m.unit}”；"
                                          "总量目标请写 kind: level"))
            # 「规模工业增加值分别增长6%、7%」 for a range 6%—7%: ranges are rare in reports (3
            # in 161, against 281 「分别增长」 pairs), so value2 stays the second of two (H102)
            if m.value2 is not None and not _pairs(m.name, m.verb) and not any(w in m.name for w in TWO_IN_ONE):
                out.append(((*p, "value2"), f"第二个目标值会写成“{m.name}分别…{m.value}、{m.value2}”：“分别”要有两项指标，"
                                            "请在名称里写出两项（如 城镇、农村居民人均可支配收入）；区间目标（6%—7%）"
                                            "报告极少写，请只写一个目标值；名称本身是两项（如 存贷款余额）时可不改"))
            numbers = [("value", m.value), ("value2", m.value2)]
            if isinstance(m, TargetCheck):
                numbers += [("actual", m.actual), ("actual2", m.actual2)]
            for key, v in numbers:
                if v is None:
                    continue
                if growth and _huge(v):
                    out.append(((*p, key), f"增速 {v}% 不像真实数据：增长目标只写百分数里的数（如 6）"))
                elif m.kind == "level" and v < 0:
                    out.append(((*p, key), f"总量目标是负数（{v}）：下降的目标请写 kind: growth 的负数"))
    return out


def _approx_doubts(f: Figure, p: tuple) -> list[tuple[tuple, str]]:
    """An approximate word that no report pairs so: with a qualifier (「约98%以上」, 「1200余家以上」:
    both bound the number) or with nothing (「近0万人」)."""
    if not f.approx:
        return []
    out = []
    if f.qualifier and not (f.value is None and f.growth is not None):  # else the growth's: 约…、增长6%左右
        out.append(((*p, "approx"), f"约数词“{f.approx}”和限定词“{f.qualifier}”都限定这个数，初稿会写成"
                                    f"“{_shown(f)}”：报告只写其中一个，请删去一个"))
    if f.value is not None and f.value == 0:
        out.append(((*p, "approx"), f"数值是 0，初稿会写成“{_shown(f)}”：约数词不用于 0，"
                                    "请删去约数词或填写实际数"))
    return out


def _shown(f: Figure) -> str:
    """The figure's number as the draft writes it, near enough for a message: 约98%以上."""
    return f"{written_number('…' if f.value is None else str(f.value), f.approx, f.unit)}{f.qualifier}"


def _huge(growth: Number) -> bool:
    return bool(abs(Decimal(str(growth))) >= GROWTH_LIMIT)


# Names that are two indicators in one word (城乡居民收入分别增长6.5%、8%; 存贷款余额分别增长…).
TWO_IN_ONE = ("城乡", "存贷", "产销", "进出口", "收支", "三次产业", "一二三产")


def _pairs(name: str, verb: str | None) -> bool:
    """Does the figure name two things (城镇、农村居民…) or say 分别?"""
    return "分别" in (verb or "") or any(sep in name for sep in ("、", "和", "与", "及"))
