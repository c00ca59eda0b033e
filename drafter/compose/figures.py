"""Figures and targets written as report clauses, each number a run that knows its data path.

    生产总值达到2878亿元、增长4.3%
    规上工业增加值增长7.2%、高于全省2.2个百分点
    实际使用外资6376万美元、增速居全省第一
    城乡居民人均可支配收入分别增长6.5%、8%左右
    居民消费价格指数涨幅控制在3%以内
    城镇新增就业4.5万人以上
"""

from __future__ import annotations

from typing import Any

from ..model import Figure, Target
from ..readers.yaml_data import format_path
from ..tree import Run, Source
from .numbers import cn_number, format_number
from .values import Data, Runs, placeholder, to_runs

_STOPS = "。！？；…："


class _Clause:
    """Collects runs for one clause; template wording is tagged with the helper's name."""

    def __init__(self, ref: str):
        self.runs: list[Run] = []
        self.ref = ref

    def t(self, text: str) -> None:
        if text:
            self.runs.append(Run(text, Source("template", self.ref)))

    def d(self, text: str, path: tuple) -> None:
        if text:
            self.runs.append(Run(text, Source("data", format_path(path))))

    def num(self, value: float | int, path: tuple) -> None:
        self.d(format_number(value), path)

    def hole(self, path: tuple, label: str) -> None:
        self.runs.append(placeholder(format_path(path), label))


def _obj_path(x: Data) -> tuple[Any, tuple]:
    return x.obj, x._path  # noqa: SLF001 - same package


def figure_runs(x: Data, headline: bool = False, show_estimate: bool = True) -> Runs:
    f, p = _obj_path(x)
    assert isinstance(f, Figure)
    c = _Clause("figure")
    if f.status == "预计" and show_estimate:
        c.runs.append(Run("预计", Source("data", format_path(p + ("status",)))))
    c.d(f.name, p + ("name",))
    asked = f.model_fields_set  # a key written but left empty asks for its number
    want_value = f.value is not None or "value" in asked or (f.growth is None and "growth" not in asked)
    if want_value:
        verb = f.verb if f.verb is not None else ("达到" if headline else "")
        if f.verb is not None:
            c.d(verb, p + ("verb",))
        else:
            c.t(verb)
        if f.value is None:
            c.hole(p + ("value",), f"{f.name}的数值")
        else:
            c.num(f.value, p + ("value",))
        if f.unit:
            c.d(f.unit, p + ("unit",))
        if f.value2 is not None:
            c.t("、")
            c.num(f.value2, p + ("value2",))
            if f.unit:
                c.d(f.unit, p + ("unit",))
        if f.qualifier:
            c.d(f.qualifier, p + ("qualifier",))
    if f.growth is not None or "growth" in asked:
        if want_value:
            c.t("、")
        falling = f.growth is not None and f.growth < 0
        if f.growth_verb:
            verb = f.growth_verb.replace("增长", "下降") if falling else f.growth_verb
            c.d(verb, p + ("growth_verb",))
        else:
            c.t("下降" if falling else "增长")
        if f.growth is None:
            c.hole(p + ("growth",), f"{f.name}的增速")
        else:
            c.num(abs(f.growth), p + ("growth",))
        c.t("%")
        if f.qualifier and not want_value:
            c.d(f.qualifier, p + ("qualifier",))
    for i, cmp in enumerate(f.compare):
        cp = p + ("compare", i)
        c.t("、高于" if cmp.diff >= 0 else "、低于")
        c.d(cmp.scope, cp + ("scope",))
        c.num(abs(cmp.diff), cp + ("diff",))
        c.d(cmp.unit, cp + ("unit",))
    if f.rank is not None:
        rp = p + ("rank",)
        c.t("、")
        if f.rank.of:
            c.d(f.rank.of, rp + ("of",))
        c.t("居")
        c.d(f.rank.scope, rp + ("scope",))
        c.t("第")
        c.d(cn_number(f.rank.place), rp + ("place",))
    if f.note:
        c.t("，")
        c.d(f.note, p + ("note",))
    return Runs(c.runs)


def _ends_clause(text: str, marks: str) -> bool:
    """Does `text` already end with punctuation from `marks`? A closing quote counts only
    when a stop precedes it: 「……“增彩延绿”」 goes on, 「……。”」 has ended."""
    if not text:
        return True
    if text[-1] in "”’" and len(text) > 1:
        return text[-2] in "。！？"
    return text[-1] in marks


def facts_runs(items: Any, headline: bool = False, first: Any = None) -> Runs:
    """A list of facts → one run of text: figures and unfinished sentences joined by ，.

    Text that ends a sentence (。！？) closes it; the template adds the final 。.
    """
    out: list[Run] = []
    if first:  # a text the facts continue, e.g. a highlight's own sentence
        out.extend(to_runs(first))
    for item in items:
        if out and not _ends_clause(out[-1].text, _STOPS + "，、"):
            out.append(Run("，", Source("template", "facts")))
        if isinstance(item, Data):
            out.extend(figure_runs(item, headline).runs)
            end = item.obj.end
            if end:
                out.append(Run(end, Source("data", f"{item.path}.end")))
        else:
            out.extend(to_runs(item))
    if out and out[-1].text and out[-1].text[-1] in "，、；":
        out[-1] = Run(out[-1].text[:-1], out[-1].source)  # the template ends the sentence
    return Runs(out)


def headline_runs(items: Any) -> Runs:
    """「全年生产总值达到2878亿元、增长4.3%，一般公共预算收入增长19.9%」; when every figure is
    an estimate the sentence opens 「预计全年」 instead of repeating 预计."""
    figs = list(items)
    all_estimated = bool(figs) and all(f.obj.status == "预计" for f in figs)
    lead = "预计全年" if all_estimated else "全年"
    out: list[Run] = [Run(lead, Source("template", "headline"))]
    for i, f in enumerate(figs):
        if i:
            end = figs[i - 1].obj.end
            out.append(Run(end, Source("data", f"{figs[i - 1].path}.end")) if end else Run("，", Source("template", "headline")))
        out.extend(figure_runs(f, headline=True, show_estimate=not all_estimated).runs)
    if all_estimated:
        out[0] = Run("预计全年", Source("data", f"{figs[0].path}.status"))
    return Runs(out)


_SUPERIOR_TASK = {"省": "国家", "市": "省", "区": "市", "县": "市", "县级市": "上级"}


def target_runs(x: Data, level: str = "市") -> Runs:
    t, p = _obj_path(x)
    assert isinstance(t, Target)
    c = _Clause("target")
    c.d(t.name, p + ("name",))
    q = t.qualifier
    if q in ("与经济增长同步", "与经济增长基本同步", "高于经济增长"):
        c.t("增长")
        c.d(q, p + ("qualifier",))
        return _with_note(c, t, p)
    if q == "完成上级下达任务":
        c.t(f"完成{_SUPERIOR_TASK[level]}下达的目标任务")
        return _with_note(c, t, p)
    unit = t.unit if t.unit is not None else ("%" if t.kind in ("growth", "control") else "")
    unit_path = p + ("unit",)

    def value(v: float | int | None, vp: tuple, label: str = "目标值") -> None:
        if v is None:
            c.hole(vp, f"{t.name}的{label}")
        else:
            c.num(abs(v) if t.kind == "growth" else v, vp)
        if unit:
            if t.unit is None:
                c.t(unit)
            else:
                c.d(unit, unit_path)

    controlled = t.kind == "control" or q == "控制在以内"
    if controlled:
        c.t("控制在")
    elif t.kind == "growth":
        if t.verb:
            c.d(t.verb, p + ("verb",))
        elif t.value is not None and t.value < 0:
            c.t("下降")
        else:
            c.t("分别增长" if (t.value2 is not None or "value2" in t.model_fields_set) else "增长")
    elif t.verb:
        c.d(t.verb, p + ("verb",))
    value(t.value, p + ("value",))
    if t.value2 is not None or "value2" in t.model_fields_set:
        c.t("、")
        value(t.value2, p + ("value2",), "第二个目标值")
    if controlled:
        c.t("左右" if q == "左右" else "以内")
    elif q:
        c.d(q, p + ("qualifier",))
    return _with_note(c, t, p)


def _with_note(c: _Clause, t: Target, p: tuple) -> Runs:
    if t.note:
        c.t("，")
        c.d(t.note, p + ("note",))
    return Runs(c.runs)


def targets_runs(items: Any, level: str = "市") -> Runs:
    """Target clauses joined by ， (or by each target's own `end`)."""
    out: list[Run] = []
    prev = None
    for x in items:
        if prev is not None:
            end = prev.obj.end
            out.append(
                Run(end, Source("data", f"{prev.path}.end")) if end else Run("，", Source("template", "targets"))
            )
        out.extend(target_runs(x, level).runs)
        prev = x
    return Runs(out)


def joined(items: Any, sep: str = "、", last: str | None = None) -> Runs:
    """Join texts with 、 (or `last` before the final one: 「A、B和C」)."""
    values = [i for i in items]
    out: list[Run] = []
    for i, v in enumerate(values):
        if i:
            s = last if (last and i == len(values) - 1) else sep
            out.append(Run(s, Source("template", "joined")))
        out.extend(to_runs(v))
    return Runs(out)


def enumerated(items: Any, sep: str = "；") -> Runs:
    """一是…；二是…；三是… — how reports list problems and tasks inside one paragraph."""
    out: list[Run] = []
    for i, v in enumerate(items):
        if i:
            out.append(Run(sep, Source("template", "enumerated")))
        out.append(Run(cn_number(i + 1) + "是", Source("derived", "enumerated")))
        runs = to_runs(v)
        if runs and runs[-1].text and runs[-1].text[-1] in "。；":
            runs = runs[:-1] + [Run(runs[-1].text[:-1], runs[-1].source)]
        out.extend(runs)
    return Runs(out)


def _pair(c: _Clause, t: Target, p: tuple, keys: tuple[str, str], unit: str, label: str, pair: bool) -> None:
    """One or two numbers of a target or check (「6.5%、8%」), a placeholder for each one missing."""
    for i, key in enumerate(keys if pair else keys[:1]):
        v = getattr(t, key)
        if i:
            c.t("、")
        if v is None:
            c.hole(p + (key,), f"{t.name}的{'第二个' if i else ''}{label}")
        else:
            c.num(abs(v) if t.kind == "growth" else v, p + (key,))
        c.t(unit)


def _target_phrase(c: _Clause, t: Target, p: tuple, level: str, suffix: bool = True) -> None:
    """The target's number as the verdict quotes it: 6%左右 / 控制在3%以内 / 4.5万人以上,
    followed by 「的预期目标」 unless `suffix` is off."""
    q = t.qualifier
    if q == "完成上级下达任务":
        c.t(f"{_SUPERIOR_TASK[level]}下达的目标任务")
        return
    if q in ("与经济增长同步", "与经济增长基本同步", "高于经济增长"):
        c.d(q, p + ("qualifier",))
        if suffix:
            c.t("的目标")
        return
    unit = t.unit if t.unit is not None else ("%" if t.kind in ("growth", "control") else "")
    controlled = t.kind == "control" or q == "控制在以内"
    if controlled:
        c.t("控制在")
    elif t.kind == "growth" and t.value is not None and t.value < 0:
        c.t("下降")  # 「未完成下降2.5%的预期目标」, not an ambiguous 「2.5%」
    _pair(c, t, p, ("value", "value2"), unit, "目标值", t.value2 is not None)
    if controlled:
        c.t("左右" if q == "左右" else "以内")
    elif q:
        c.d(q, p + ("qualifier",))
    if suffix:
        c.t("的预期目标")


def check_runs(x: Data, level: str = "市", gdp_growth: Any = None) -> Runs:
    """「生产总值增长4.3%，未完成6%左右的预期目标」 — the verdict comes from drafter.checks."""
    from ..checks.verdict import judge

    t, p = _obj_path(x)
    c = _Clause("check")
    c.d(t.name, p + ("name",))
    outcome = judge(t, gdp_growth)
    if t.qualifier == "完成上级下达任务":
        if outcome.verdict == "待核实":
            c.hole(p + ("done",), f"{t.name}是否完成")
            return Runs(c.runs)
        c.t("完成" if outcome.verdict == "完成" else "未完成")
        _target_phrase(c, t, p, level)  # 「完成省下达的目标任务」: that branch adds no suffix
        return Runs(c.runs)
    unit = t.unit if t.unit is not None else ("%" if t.kind in ("growth", "control") else "")
    pair = t.value2 is not None
    if t.kind == "growth":
        falling = (t.actual if t.actual is not None else t.value or 0) < 0
        if t.verb and falling == any(w in t.verb for w in ("降", "减")):
            c.d(("分别" if pair else "") + t.verb, p + ("verb",))  # 降低 for 能耗降低2.5%
        else:
            c.t(("分别" if pair else "") + ("下降" if falling else "增长"))
    elif t.kind == "control":
        c.t("为")
    elif t.verb:
        c.d(t.verb, p + ("verb",))
    else:
        c.t("达到")
    _pair(c, t, p, ("actual", "actual2"), unit, "实际完成值", pair)
    c.t("，")
    if outcome.verdict == "待核实":
        c.t("预期目标为")
        _target_phrase(c, t, p, level, suffix=False)
        return Runs(c.runs)
    c.runs.append(Run(outcome.verdict, Source("derived", format_path(p + ("actual",)) + "#verdict")))
    _target_phrase(c, t, p, level)
    return Runs(c.runs)


def checks_runs(items: Any, level: str = "市") -> Runs:
    from ..checks.verdict import gdp_growth_of

    gdp = gdp_growth_of([x.obj for x in items])
    out: list[Run] = []
    for i, x in enumerate(items):
        if i:
            out.append(Run("；", Source("template", "checks")))
        out.extend(check_runs(x, level, gdp).runs)
    return Runs(out)
