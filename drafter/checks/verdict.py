"""完成 / 超额完成 / 基本完成 / 未完成: last year's targets against what was achieved.

The rules are strict on purpose: a draft must never claim a target met that the figures say
was missed. 左右 allows a shortfall only as 基本完成 (within TOLERANCE), never as 完成.

    qualifier                 met when                          超额 when
    "" / 以上 (growth, level)  actual ≥ target                    actual > target (以上: also)
    左右                       actual ≥ target                    actual > target + tolerance
                              (target − tolerance ≤ actual < target: 基本完成)
    以内 / 控制在以内 / control actual ≤ target                    never (a ceiling is not beaten)
    与经济增长同步             actual ≥ GDP growth                 never
    与经济增长基本同步          actual ≥ GDP growth − tolerance     never
    高于经济增长               actual > GDP growth                 never
    完成上级下达任务            done is true                       never
    falling target (value < 0) actual ≤ target                    actual < target − tolerance

Missing actual figures give 待核实: no claim at all.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from ..model import TargetCheck

Verdict = Literal["超额完成", "完成", "基本完成", "未完成", "待核实"]
RANK = {"超额完成": 4, "完成": 3, "基本完成": 2, "未完成": 1, "待核实": 0}
TOLERANCE_PP = Decimal("0.5")  # percentage points, for % targets
TOLERANCE_SHARE = Decimal("0.02")  # 2 % of the target, for other units


@dataclass(frozen=True)
class Outcome:
    verdict: Verdict
    reason: str


def _d(x) -> Decimal:
    return x if isinstance(x, Decimal) else Decimal(str(x))


def _tolerance(check: TargetCheck, target: Decimal) -> Decimal:
    unit = check.unit if check.unit is not None else ("%" if check.kind in ("growth", "control") else "")
    return TOLERANCE_PP if unit == "%" else abs(target) * TOLERANCE_SHARE


def _one(check: TargetCheck, target, actual) -> Outcome:
    if actual is None:
        return Outcome("待核实", "缺少实际完成值")
    if target is None:
        return Outcome("待核实", "缺少目标值")
    t, a = _d(target), _d(actual)
    tol = _tolerance(check, t)
    q = check.qualifier
    if check.kind == "control" or q in ("以内", "控制在以内"):
        if q == "左右":
            return Outcome("完成", "在目标附近") if a <= t + tol else Outcome("未完成", "超出控制目标")
        return Outcome("完成", "未超过控制目标") if a <= t else Outcome("未完成", "超过控制目标")
    if t < 0:  # a falling target: 下降2.5%
        if a <= t - tol:
            return Outcome("超额完成", "降幅超过目标")
        return Outcome("完成", "降幅达到目标") if a <= t else Outcome("未完成", "降幅未达到目标")
    if q == "左右":
        if a > t + tol:
            return Outcome("超额完成", f"高于目标{tol}以上")
        if a >= t:
            return Outcome("完成", "达到目标")
        if a >= t - tol:
            return Outcome("基本完成", f"低于目标不超过{tol}")
        return Outcome("未完成", "低于目标")
    if a > t:
        return Outcome("超额完成", "高于目标")
    if a == t:
        return Outcome("完成", "等于目标")
    return Outcome("未完成", "低于目标")


def judge(check: TargetCheck, gdp_growth=None) -> Outcome:
    """The verdict for one check. `gdp_growth` is the actual GDP growth, for 同步 targets."""
    q = check.qualifier
    if q == "完成上级下达任务":
        if check.done is None:
            return Outcome("待核实", "未填写是否完成")
        return Outcome("完成", "已完成上级下达任务") if check.done else Outcome("未完成", "未完成上级下达任务")
    if q in ("与经济增长同步", "与经济增长基本同步", "高于经济增长"):
        if check.actual is None:
            return Outcome("待核实", "缺少实际完成值")
        if gdp_growth is None:
            return Outcome("待核实", "缺少生产总值实际增速，无法比较")
        a, g = _d(check.actual), _d(gdp_growth)
        if q == "高于经济增长":
            return Outcome("完成", "高于经济增长") if a > g else Outcome("未完成", "未高于经济增长")
        floor = g - (TOLERANCE_PP if q == "与经济增长基本同步" else 0)
        return Outcome("完成", "与经济增长同步") if a >= floor else Outcome("未完成", "低于经济增长")
    first = _one(check, check.value, check.actual)
    if check.value2 is None:
        return first
    second = _one(check, check.value2, check.actual2)
    return min((first, second), key=lambda o: RANK[o.verdict])  # a pair is as good as its worse half


def gdp_growth_of(checks: list[TargetCheck]):
    for c in checks:
        if "生产总值" in c.name and c.kind == "growth" and c.actual is not None:
            return c.actual
    return None
