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
    同步 etc. with no actual    done is true (the office's word)   never
    falling target (value < 0) actual ≤ target                    actual < target − tolerance
    高于平均水平                actual > benchmark                 never
    不高于上年 / 不低于上年      actual ≤ / ≥ benchmark             never

Missing actual figures (or a missing benchmark) give 待核实: no claim at all.

An actual known only as a bound (`actual_qualifier`: 6%以上, 3%以内, 6%左右) is an interval;
the verdict is the one both ends of the interval give. When they differ, the draft may say
完成 if both ends meet the target, and otherwise says nothing (待核实): 「增长6%以上」 against
a target of 7% could be either.

An actual the report gives as an approximate number (`actual_approx`) is an interval too:
近7% lies just below 7 (within the tolerance), 超7% / 7余 just above it, 约7% either side. So
「增长近7%」 against a 7% target is 未完成 (基本完成 against 7%左右), 「增长超7%」 meets it.

One target against two actuals (城镇、农村 分别增长4.5%、6%, target 7%): `judge_each` gives a
verdict per actual; `judge` the worse of them.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from .figures import Figure
from .targets import TargetCheck

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
    return TOLERANCE_PP if check.effective_unit == "%" else abs(target) * TOLERANCE_SHARE


# How far past its number an approximate actual lies: 近7 is below 7, never 7 itself
_JUST = Decimal("1e-9")


def _interval(check: TargetCheck, a: Decimal, tol: Decimal) -> tuple[Decimal, Decimal]:
    approx = check.actual_approx
    if approx == "近":
        return a - tol, a - _JUST
    if approx in ("超", "余", "多"):
        return a + _JUST, Decimal("Infinity")
    if approx == "约":
        return a - tol, a + tol
    q = check.actual_qualifier
    if q == "以上":
        return a, Decimal("Infinity")
    if q in ("以内", "以下"):  # 控制在3%以内 / 降至35%以下: a ceiling known, not the figure
        return Decimal("-Infinity"), a
    if q == "左右":
        return a - tol, a + tol
    return a, a


def _one(check: TargetCheck, target, actual) -> Outcome:
    if actual is None:
        return Outcome("待核实", "缺少实际完成值")
    if target is None:
        return Outcome("待核实", "缺少目标值")
    t, a = _d(target), _d(actual)
    lo, hi = _interval(check, a, _tolerance(check, t))
    if lo == hi:
        return _exact(check, t, a)
    ends = sorted((_exact(check, t, lo), _exact(check, t, hi)), key=lambda o: RANK[o.verdict])
    if ends[0].verdict == ends[1].verdict:
        return ends[0]
    word = check.actual_approx or check.actual_qualifier
    if RANK[ends[0].verdict] >= RANK["完成"]:
        return Outcome("完成", f"实际数为{word}的约数，至少达到目标")
    return Outcome("待核实", f"实际数为{word}的约数，无法判断是否完成")


def _exact(check: TargetCheck, t: Decimal, a: Decimal) -> Outcome:
    tol = _tolerance(check, t)
    q = check.qualifier
    if check.controlled or q == "以内":  # a ceiling
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


def _relative(check: TargetCheck, actual, gdp_growth) -> Outcome:
    """Targets with no number of their own: against GDP growth or the check's benchmark."""
    q = check.qualifier
    if actual is None:
        return Outcome("待核实", "缺少实际完成值")
    if check.actual_qualifier or check.actual_approx:
        return Outcome("待核实", "实际数只是约数，无法与比较基准相比")
    a = _d(actual)
    if check.relative_to_growth:
        if gdp_growth is None:
            return Outcome("待核实", "缺少生产总值实际增速，无法比较")
        g = _d(gdp_growth)
        if q == "高于经济增长":
            return Outcome("完成", "高于经济增长") if a > g else Outcome("未完成", "未高于经济增长")
        floor = g - (TOLERANCE_PP if q == "与经济增长基本同步" else 0)
        return Outcome("完成", "与经济增长同步") if a >= floor else Outcome("未完成", "低于经济增长")
    if check.benchmark is None:
        return Outcome("待核实", "缺少比较基准的实际数")
    b = _d(check.benchmark)
    if q == "高于平均水平":
        return Outcome("完成", "高于平均水平") if a > b else Outcome("未完成", "未高于平均水平")
    if q == "不高于上年":
        return Outcome("完成", "未高于上年") if a <= b else Outcome("未完成", "高于上年")
    return Outcome("完成", "未低于上年") if a >= b else Outcome("未完成", "低于上年")


def judge_each(check: TargetCheck, gdp_growth=None) -> list[Outcome]:
    """One verdict per actual: two for a pair (6.5%、8% against 7.6%、7%) or for one target
    against split actuals (7% against 4.5%、6%); one otherwise."""
    if check.assigned_by_superior:
        if check.done is None:
            return [Outcome("待核实", "未填写是否完成")]
        return [Outcome("完成", "已完成上级下达任务") if check.done else Outcome("未完成", "未完成上级下达任务")]
    split = check.actual2 is not None and check.value2 is None
    if check.done_by_word:  # the office's word
        return [Outcome("完成", f"据报{check.qualifier}") if check.done else Outcome("未完成", f"据报未{check.qualifier}")]
    if check.relative_to_growth or check.relative_to_benchmark:
        actuals = (check.actual, check.actual2) if split else (check.actual,)
        return [_relative(check, a, gdp_growth) for a in actuals]
    if split:
        return [_one(check, check.value, check.actual), _one(check, check.value, check.actual2)]
    if check.value2 is None:
        return [_one(check, check.value, check.actual)]
    return [_one(check, check.value, check.actual), _one(check, check.value2, check.actual2)]


def judge(check: TargetCheck, gdp_growth=None) -> Outcome:
    """The verdict for one check. `gdp_growth` is the actual GDP growth, for 同步 targets.
    Two actuals are as good as the worse of them."""
    return min(judge_each(check, gdp_growth), key=lambda o: RANK[o.verdict])


def gdp_growth_of(checks: list[TargetCheck], headline: list[Figure] | tuple = ()):
    """The actual GDP growth 同步 targets are judged against: last year's GDP target's actual,
    else the headline's exact GDP growth (宜宾's GDP target was no growth target, and the 统计局's
    增长7.5% stood in the headline while 收入 checks read 「缺少生产总值实际增速」, H87)."""
    for c in checks:
        if "生产总值" in c.name and c.kind == "growth" and c.actual is not None and not (c.actual_qualifier or c.actual_approx):
            return c.actual
    for f in headline:
        if bare_name(f.name) == "生产总值" and f.growth is not None and not (f.qualifier or f.approx):
            return f.growth
    return None


def bare_name(name: str) -> str:
    """生产总值 for 全年生产总值 / 地区生产总值: one indicator under its usual prefixes."""
    for prefix in ("全年", "全市", "全区", "全县", "地区"):
        if name.startswith(prefix):
            name = name[len(prefix):]
    return name


def lent(figure: Figure, check: TargetCheck) -> str | None:
    """The headline field (growth / value) that gives `check` its missing actual: same indicator
    (全年 / 地区 aside), one exact number of the check's kind and unit; None when the headline
    does not state it. A figure is stated once, so the check is judged on the headline's number."""
    if bare_name(figure.name) != bare_name(check.name) or check.actual is not None:
        return None
    if check.value2 is not None or check.assigned_by_superior or check.relative_to_benchmark:
        return None
    if not check.states_number or figure.qualifier or figure.approx or figure.value2 is not None:
        return None  # 约3000 / 6%以上 is no exact actual to judge against
    if check.kind == "growth":
        return "growth" if figure.growth is not None and check.effective_unit == "%" else None
    if figure.value is not None and (figure.unit or "") == check.effective_unit:
        return "value"
    return None


def judged_checks(headline: list[Figure], checks: list[TargetCheck]) -> list[TargetCheck]:
    """The checks as the verdict sees them: an empty actual takes the headline's figure of the
    same indicator (never an invented number; none there, it stays empty: 待核实)."""
    out = list(checks)
    for ci, c in enumerate(checks):
        for f in headline:
            if key := lent(f, c):
                out[ci] = c.model_copy(update={"actual": getattr(f, key)})
                break
    return out
