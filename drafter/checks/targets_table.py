"""The table of last year's targets against what was achieved (review.checks), judged by
model.verdict.judge — the same judgement the composer writes into the review."""

from __future__ import annotations

from dataclasses import dataclass

from ..compose.numbers import format_number
from ..model import LevelWords, Report, Target, TargetCheck, level_words
from ..model.verdict import gdp_growth_of, judge, judged_checks
from .findings import HINT, TARGETS, Finding


@dataclass(frozen=True)
class TargetRow:
    name: str  # 指标
    target: str  # 目标: 增长6%左右 / 4.5万人以上 / 控制在3%以内
    actual: str  # 实际: 增长4.3% / 5.14万人 / 已完成 / —
    verdict: str  # 结论: 超额完成 / 完成 / 基本完成 / 未完成 / 待核实
    reason: str  # 说明
    path: str


def _values(c: Target, a, b) -> str:
    unit = c.effective_unit
    shown = [format_number(abs(v) if c.kind == "growth" else v) + unit for v in (a, b) if v is not None]
    return "、".join(shown)


def target_text(c: Target, level: str | LevelWords) -> str:
    """A target as the review quotes it: 增长6%左右 / 4.5万人以上 / 控制在3%以内."""
    q = c.qualifier
    if c.assigned_by_superior:  # worded as the composer words it (compose/figures.py)
        return f"完成{level_words(level).task_giver}下达的目标任务"
    if c.relative_to_growth:
        return q
    if c.value is None:
        return "—"
    values = _values(c, c.value, c.value2)
    if c.controlled:
        return f"控制在{values}{'左右' if q == '左右' else '以内'}"
    if c.kind == "growth":
        return ("下降" if c.value < 0 else "增长") + values + q
    return (c.verb or "") + values + q


def _actual_text(c: TargetCheck) -> str:
    if c.assigned_by_superior:
        return {True: "已完成", False: "未完成", None: "—"}[c.done]
    if c.actual is None:
        return "—"
    values = _values(c, c.actual, c.actual2 if c.value2 is not None else None)
    if c.kind == "growth":
        return ("下降" if c.actual < 0 else "增长") + values
    return values


def target_rows(report: Report) -> list[TargetRow]:
    checks = judged_checks(report.review.headline, report.review.checks)  # as the review judges them
    gdp = gdp_growth_of(checks, report.review.headline)
    rows = []
    for i, c in enumerate(checks):
        outcome = judge(c, gdp)
        rows.append(TargetRow(c.name, target_text(c, level_words(report.meta.level, report.meta.province)), _actual_text(c), outcome.verdict,
                              outcome.reason, f"review.checks[{i}]"))
    return rows


def target_findings(rows: list[TargetRow]) -> list[Finding]:
    """A target that cannot be judged leaves the review without its verdict: a 提示."""
    return [
        Finding(TARGETS, "待核实", HINT, f"{r.name}：{r.reason}" + ("" if "无法判断" in r.reason else "，无法判定完成情况"),
                path=r.path)
        for r in rows if r.verdict == "待核实"
    ]
