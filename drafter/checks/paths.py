"""Data paths back to the data: `review.headline[0].value` → the figure it belongs to, its
name, unit, status (预计 / 快报 / 核实) and the department that supplied it; and every number
the office wrote anywhere in its data file."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from pydantic import BaseModel

from ..compose.numbers import cn_number, format_number
from ..compose.typography import normalize
from ..datapath import DataPath, resolve
from ..model import Comparison, Figure, Rank, Report, Target, TargetCheck
from ..model.depts import department
from ..model.review import SaidText
from . import numbers


def steps(path: str) -> tuple[str | int, ...]:
    """The steps of a run's data path; () when the text is not one."""
    return DataPath.of(path) or ()


def is_number(v: Any) -> bool:
    return isinstance(v, (int, float, Decimal)) and not isinstance(v, bool)


@dataclass(frozen=True)
class FigureInfo:
    """What a department is asked to confirm about one number of the draft."""

    path: str
    name: str  # 生产总值
    what: str  # 数值 / 增速 / 高于全省 / 排名 / 目标值 / 实际完成值
    value: Any  # as in the data file (signed: 下降4.1% is -4.1)
    unit: str
    status: str | None
    dept: str | None

    @property
    def label(self) -> str:
        return f"{self.name}（{self.what}）" if self.what and self.what != "数值" else self.name

    @property
    def shown(self) -> str:
        if not is_number(self.value):
            return str(self.value)
        if self.what == "排名":
            return f"第{cn_number(int(self.value))}"
        return format_number(self.value) + (self.unit if self.unit == "%" else "")


def _target_unit(t: Target) -> str:
    return t.effective_unit


def figure_info(report: Report, path: str) -> FigureInfo | None:
    """Details of the numeric field at `path`; None if the path is not a number of the data."""
    st = steps(path)
    if not st or not isinstance(st[-1], str):
        return None
    value = resolve(report, st)
    if not is_number(value):
        return None
    leaf, parent = st[-1], resolve(report, st[:-1])
    if isinstance(parent, Figure):
        what = {"value": "数值", "value2": "第二个数值", "growth": "增速"}.get(leaf, leaf)
        unit = "%" if leaf == "growth" else (parent.unit or "")
        return FigureInfo(path, parent.name, what, value, unit, parent.status, parent.dept)
    if isinstance(parent, Comparison):
        fig = resolve(report, st[:-3])
        word = "高于" if value >= 0 else "低于"
        name = fig.name if isinstance(fig, Figure) else ""
        return FigureInfo(path, name, f"{word}{parent.scope}", value, parent.unit,
                          getattr(fig, "status", None), getattr(fig, "dept", None))
    if isinstance(parent, Rank):
        fig = resolve(report, st[:-2])
        name = fig.name if isinstance(fig, Figure) else ""
        return FigureInfo(path, name, "排名", value, "位", getattr(fig, "status", None), getattr(fig, "dept", None))
    if isinstance(parent, TargetCheck) and leaf in ("actual", "actual2"):
        return FigureInfo(path, parent.name, "实际完成值", value, _target_unit(parent),
                          parent.actual_status, parent.actual_dept or parent.dept)
    if isinstance(parent, Target):
        what = "上年目标值" if isinstance(parent, TargetCheck) else "目标值"
        return FigureInfo(path, parent.name, what, value, _target_unit(parent), parent.status, parent.dept)
    name = getattr(parent, "name", "") if parent is not None else ""
    return FigureInfo(path, name or str(leaf), "数值", value, "", None, None)


def _walk(obj: Any) -> Iterator[Any]:
    if isinstance(obj, BaseModel):
        for name in type(obj).model_fields:
            yield from _walk(getattr(obj, name))
    elif isinstance(obj, list):
        for item in obj:
            yield from _walk(item)
    else:
        yield obj


def data_numbers(report: Report) -> set[Decimal]:
    """Every number the office wrote: numeric fields (as magnitudes: 下降4.1% is written 4.1)
    and the numbers inside its own text (地铁1号线, 4个县域园区, 2035年), read the way the
    composer prints that text."""
    out: set[Decimal] = set()
    for v in _walk(report):
        if is_number(v):
            out.add(numbers.key(Decimal(format_number(v))))
        elif isinstance(v, str):
            out.update(numbers.key(n.value) for n in numbers.extract(normalize(v)))
    if report.meta.date is not None:
        d = report.meta.date
        out.update(Decimal(x) for x in (d.year, d.month, d.day))
    return out


def derived_numbers(report: Report) -> set[Decimal]:
    """Numbers the draft may write without their being data: the plan year and review year,
    and counts of the report's own lists (主要做了6个方面工作, 10件民生实事)."""
    counts = [
        len(report.review.sections), len(report.review.highlights), len(report.key_tasks.areas),
        len(report.review.problems), len(report.self_building.items), len(report.targets.indicators),
        len(report.review.checks),
    ]
    if report.key_tasks.livelihood is not None:
        counts.append(len(report.key_tasks.livelihood.items))
    years = [report.meta.year, report.review_year]
    return {Decimal(n) for n in counts + years if n}


# --- Numbers inside the office's text ------------------------------------------------------
TEXT_NUMBER = "文字中的数字"


# Lists whose entries are the office's facts: review sections and highlights, key-task
# measures, self-building, livelihood projects, other work. Not the 形势 context (新中国成立
# 75周年) or the meeting line: those are no department's figures.
_FACT_LISTS = {"facts", "measures", "self_building", "highlights", "livelihood", "other_work"}
_ROAD = ("国道", "省道", "县道")


def is_text_fact(path: str) -> bool:
    return any(isinstance(s, str) and s in _FACT_LISTS for s in steps(path))


def figures_in_text(text: str) -> list[numbers.Number]:
    """The numbers of a text fact a department must confirm: 79个, 4.5亿元, 1—2个 — not a
    year (2035年, 2023行动), a road or line number (国道327, 地铁1号线) or a 「16+8+3」
    programme, which are names; 5G is not a number at all (numbers.extract)."""
    out = []
    for n in numbers.extract(text):
        year = (not n.percent and not n.rank and "." not in n.text and 1900 <= n.value <= 2100
                and (text.startswith("年", n.end) or not numbers.unit_after(text, n)))
        name = (text.startswith(("号", "+"), n.end) or text[:n.start].endswith(_ROAD + ("+",)))
        if not (year or name):
            out.append(n)
    return out


def _dept_of(obj: Any) -> str | None:
    d = getattr(obj, "dept", None) if isinstance(obj, (BaseModel, SaidText)) else None
    return d.strip() if isinstance(d, str) and d.strip() else None


def fact_dept(report: Report, path: str) -> str | None:
    """The department to confirm the numbers of the text at `path`: the nearest `dept` in its
    section or item.

    Nearest means: the text's own (a figure whose name or note holds the number, a text written
    {text: …, dept: …} as gather writes it), else the `dept` of the review section holding it,
    else the figure with a `dept` closest to it in the same list (facts of a review section,
    measures of a key-task item; on a tie the one before it, since a text fact usually
    continues the sentence of the figure before), else the item's first 牵头单位; None when
    none of these names one (the sheet then says 未注明部门). No neighbour answers in a list
    where texts name their own departments: a section merged from several departments'
    fragments keeps no `dept`, and 卫健委's 医疗集团2个 beside 财政局's 民生支出 is no 财政局 number."""
    d = _nearest_dept(report, path)
    return department(d, report.meta.level, report.meta.region) if d else None


def _nearest_dept(report: Report, path: str) -> str | None:
    st = steps(path)
    chain = [resolve(report, st[:k]) for k in range(len(st) + 1)]
    for k in range(len(st), -1, -1):
        obj = chain[k]
        if (d := _dept_of(obj)) is not None:
            return d
        own = k > 0 and _dept_of(chain[k - 1]) is not None  # a section's own dept beats a neighbour's
        if isinstance(obj, list) and any(isinstance(f, SaidText) for f in obj):  # merged: no neighbour
            return _dept_of(chain[k - 1]) if k > 0 else None
        if k < len(st) and isinstance(i := st[k], int) and isinstance(obj, list) and not own:
            for dist in range(1, len(obj)):
                for j in (i - dist, i + dist):
                    if 0 <= j < len(obj) and (d := _dept_of(obj[j])) is not None:
                        return d
        leads = getattr(obj, "lead_depts", None) if isinstance(obj, BaseModel) else None
        if leads:
            return leads[0]
    return None
