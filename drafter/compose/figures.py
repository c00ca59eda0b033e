"""Figures and targets written as report clauses, each number a run that knows its data path.

    生产总值达到2878亿元、增长4.3%
    规上工业增加值增长7.2%、高于全省2.2个百分点
    实际使用外资6376万美元、增速居全省第一
    城乡居民人均可支配收入分别增长6.5%、8%左右
    居民消费价格指数涨幅控制在3%以内
    城镇新增就业4.5万人以上
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from ..datapath import format_path
from ..model.figures import APPROX_AFTER, approx_after_magnitude
from ..model import Figure, LevelWords, Number, Rank, Report, Target, level_words
from ..model.verdict import bare_name, gdp_growth_of, judge_each, judged_checks, lent
from ..tree import Run, Source
from . import aggregate
from ..phrases.bank import Bank
from .frames import GETTING_TO, FrameChooser, figure_pattern, render, target_pattern
from .numbers import cn_number, format_number, magnitude
from .values import Data, Runs, model_of, path_of, placeholder, to_runs
from .verbs import held_by_name, verb_goes_first


class _Clause:
    """Collects runs for one clause; template wording is tagged with the helper's name."""

    def __init__(self, ref: str):
        self.runs: list[Run] = []
        self.ref = ref

    def template(self, text: str) -> None:
        if text:
            self.runs.append(Run(text, Source("template", self.ref)))

    def data(self, text: str | None, path: tuple) -> None:
        if text:  # an empty or missing word writes nothing
            self.runs.append(Run(text, Source("data", format_path(path))))

    def num(self, value: Number, path: tuple) -> None:
        self.data(format_number(value), path)

    def hole(self, path: tuple, label: str) -> None:
        self.runs.append(placeholder(format_path(path), label))


def _obj_path(x: Data) -> tuple[Any, tuple]:
    return model_of(x), path_of(x)


def _verb_unsaid(m: Any) -> tuple[Any, str | None]:
    """The figure / target / check with a verb its name holds taken out (held_by_name), and
    that verb: the name's run says it (_name_says)."""
    verb = getattr(m, "verb", None)
    if held_by_name(verb, m.name):
        return m.model_copy(update={"verb": None}), verb
    return m, None


def _name_says(runs: list[Run], name: str, verb: str | None, p: tuple) -> list[Run]:
    """The name's run split round the verb it holds, so that the verb keeps its data path
    (validate counts it said): 城镇 / 新增 (….verb) / 就业."""
    if not verb:
        return runs
    name_ref = format_path(p + ("name",))
    for i, r in enumerate(runs):
        if r.source.kind == "data" and r.source.ref == name_ref and r.text == name:
            k = name.index(verb)
            parts = [Run(name[:k], r.source), Run(verb, Source("data", format_path(p + ("verb",)))),
                     Run(name[k + len(verb):], r.source)]
            return runs[:i] + [x for x in parts if x.text] + runs[i + 1:]
    return runs


def _number_runs(c: _Clause, f: Figure, p: tuple, key: str = "value") -> list[Run]:
    """The figure's number with its approximate word: 约3000 / 3000余 / 300多 / 超3000 / 近3000;
    after a decimal with 万 / 亿 the 余 follows them (4.23万余), and _unit_runs writes the rest."""
    sub = _Clause(c.ref)
    v = getattr(f, key)
    after = f.approx in APPROX_AFTER
    if f.approx and not after:
        sub.data(f.approx, p + ("approx",))
    if v is None:
        sub.hole(p + (key,), f"{f.name}的{'第二个' if key == 'value2' else ''}数值")
    else:
        sub.num(v, p + (key,))
    if after:
        sub.data(_magnitude_before_approx(f, key), p + ("unit",))
        sub.data(f.approx, p + ("approx",))
    return sub.runs


def _magnitude_before_approx(f: Figure, key: str) -> str:
    v = getattr(f, key)
    if f.approx not in APPROX_AFTER or v is None:
        return ""
    return approx_after_magnitude(format_number(v), f.unit)


def _unit_runs(f: Figure, p: tuple, key: str = "value") -> list[Run]:
    """The figure's unit after its number, less the 万 / 亿 that went before a 余 (4.23万余户)."""
    unit = (f.unit or "")[len(_magnitude_before_approx(f, key)):]
    return [Run(unit, Source("data", format_path(p + ("unit",))))] if unit else []


def _growth_runs(c: _Clause, f: Figure, p: tuple) -> list[Run]:
    sub = _Clause(c.ref)
    if f.growth is None:
        sub.hole(p + ("growth",), f"{f.name}的增速")
    else:
        sub.num(magnitude(f.growth), p + ("growth",))
    sub.template("%")
    return sub.runs


def _place(r: Rank) -> str:
    return str(r.place) if r.numeral == "数字" else cn_number(r.place)


def _rank_words(c: _Clause, r: Rank, rp: tuple, verb: str, wei: str, same_basis: bool,
               basis_unsaid: bool = False) -> None:
    """「增速居全省第一」 / 「排名全市第3」 / 「总量居全省倒数第二」. A further rank on the same
    basis goes on without its verb (「居全省第二位、全市第一位」); one on another basis repeats
    the first rank's verb (「增速排名全省第二、总量排名全省第三」). `wei` mirrors the 位 of the
    first rank, so the ranks of one figure read alike. `basis_unsaid`: the growth just stated
    says 增速 (「增长8%、居全省第一」); the verb then stands for the basis the office wrote."""
    if not same_basis:
        if r.of and not basis_unsaid:
            c.data(r.of, rp + ("of",))
            c.template(verb)
        elif basis_unsaid and "of" in r.model_fields_set:
            c.runs.append(_basis_in_verb(verb, rp))
        else:
            c.template(verb)
    c.data(r.scope, rp + ("scope",))
    if r.from_bottom:
        c.data("倒数", rp + ("from_bottom",))
    c.template("第")
    c.data(_place(r), rp + ("place",))
    c.template(wei)


def _wei(verb: str, r: Rank) -> str:
    """位 after a rank in digits with 居: the corpus writes 居全省第3位 (233) more than 居全省第3
    (103), but 居全省第一 (218) over 居全省第一位 (7), and 排名全省第3 (25) as often as
    排名全省第3位 (23)."""
    return "位" if verb == "居" and r.numeral == "数字" else ""


def _basis_in_verb(verb: str, rp: tuple) -> Run:
    """The 居 of a rank whose written basis (of: 增速) the growth before it says."""
    return Run(verb, Source("derived", format_path(rp + ("of",)) + "#said_by_growth"))


def basis_goes_unsaid(ranks: list[Rank], has_value: bool, has_growth: bool, says_basis: bool) -> bool:
    """Whether the first rank's 增速 goes unsaid after the growth the figure states: always for
    a growth alone (「增长8%、居全省第一」, never 「增长8%、增速居」), after a value and a growth
    as the draft's one form says (FrameChooser.says_basis); said where another rank has another
    basis (增速居全省第一、总量居全省第三) or no growth is stated (6376万美元、增速居全省第一)."""
    if not ranks or ranks[0].of != "增速" or not has_growth:
        return False
    if any(r.of != "增速" for r in ranks[1:]):
        return False
    return not (has_value and says_basis)


def _ranks(c: _Clause, ranks: list[Rank], path: Any, verb: str, wei: str | None = None, start: int = 0,
           after_number: bool = True, basis_unsaid: bool = False) -> None:
    """The ranks from `start` on, each after 、: the first one's 居 / 排名 and 位 for all."""
    if wei is None:
        wei = _wei(verb, ranks[0]) if ranks else ""
    for i, r in enumerate(ranks):
        if i < start:
            continue
        if i or after_number:
            c.template("、")
        _rank_words(c, r, path(i), verb, wei, same_basis=i > 0 and r.of == ranks[i - 1].of,
                    basis_unsaid=basis_unsaid and i == 0)


def _verb_says_basis(c: _Clause, framed: re.Match, rp: tuple) -> None:
    """In a frame's 「、居全省第N」, the 居 stands for the written 增速 it leaves unsaid: cut it
    out of the frame's phrase run as a run of its own at the rank's `of`."""
    verb = framed.group("rverb")
    for j in range(len(c.runs) - 1, -1, -1):
        r = c.runs[j]
        at = r.text.rfind(verb) if r.source.kind == "phrase" else -1
        if at >= 0:
            parts = [Run(r.text[:at], r.source), _basis_in_verb(verb, rp), Run(r.text[at + len(verb):], r.source)]
            c.runs[j:j + 1] = [x for x in parts if x.text]
            return


def _rank_path(f: Any, p: tuple, i: int) -> tuple:
    return p + (("rank", i) if isinstance(f.rank, list) else ("rank",))


def _comparisons(c: _Clause, f: Figure, p: tuple) -> None:
    for i, cmp in enumerate(f.compare):
        cp = p + ("compare", i)
        if cmp.diff == 0:  # 与全省持平, never 「高于全省0个百分点」 (H107)
            c.template("、与")
            c.data(cmp.scope, cp + ("scope",))
            c.runs.append(Run("持平", Source("derived", format_path(cp + ("diff",)) + "#flat")))
            continue
        if cmp.diff is None:
            if cmp.relation == "持平":
                c.template("、与")
                c.data(cmp.scope, cp + ("scope",))
                c.data("持平", cp + ("relation",))
            else:
                c.template("、")
                c.data(cmp.relation, cp + ("relation",))
                c.data(cmp.scope, cp + ("scope",))
            continue
        c.template("、高于" if cmp.diff >= 0 else "、低于")
        c.data(cmp.scope, cp + ("scope",))
        c.num(magnitude(cmp.diff), cp + ("diff",))
        c.data(cmp.unit, cp + ("unit",))


def _framed_core(c: _Clause, f: Figure, p: tuple, fr: FrameChooser, used: set[str], key: str,
                 headline: bool, has_value: bool, has_growth: bool) -> re.Match | None:
    """The figure's value / growth / first rank in a mined frame: the frame's match, or None
    when none fits."""
    got = figure_pattern(f, headline, has_value, has_growth)
    if got is None:
        return None
    shape, rx = got
    pick = fr.pick(shape, rx, key, used)
    if pick is None:
        return None
    frame, m = pick
    slots: dict[str, list[Run]] = {
        "指标": [Run(f.name, Source("data", format_path(p + ("name",))))],
        "数": _number_runs(c, f, p),
        "数2": _number_runs(c, f, p, "value2"),
        "单位": _unit_runs(f, p),
    }
    if has_growth or shape == "rank":
        slots["百分比"] = _growth_runs(c, f, p)
    else:  # a level in percent: 报销比例提高到70.2%
        slots["百分比"] = slots["数"] + slots["单位"]
    if f.ranks:
        r, rp = f.ranks[0], _rank_path(f, p, 0)
        slots["范围"] = [Run(r.scope, Source("data", format_path(rp + ("scope",))))]
        slots["名次"] = [Run(_place(r), Source("data", format_path(rp + ("place",))))]
    fields = {"verb": "verb", "verb_b": "verb", "gverb": "growth_verb", "qual": "qualifier", "qual_b": "qualifier",
              "gqual": "qualifier", "rof": "of"}
    rank_path = _rank_path(f, p, 0) if f.ranks else p

    def data_run(text: str, field_name: str) -> Run:
        base = rank_path if field_name == "of" else p
        return Run(text, Source("data", format_path(base + (field_name,))))

    c.runs.extend(render(frame, m, slots, fields, data_run))
    return m


def figure_runs(x: Data, headline: bool = False, show_estimate: bool = True,
                fr: FrameChooser | None = None, used: set[str] | None = None) -> Runs:
    """One figure as a clause: in a mined frame it fills exactly (when a bank is given), else in
    the hand-written wording below. Comparisons, further ranks and the note follow."""
    f, p = _obj_path(x)
    assert isinstance(f, Figure)
    f, held = _verb_unsaid(f)
    c = _Clause("figure")
    if f.status == "预计" and show_estimate:
        c.runs.append(Run("预计", Source("data", format_path(p + ("status",)))))
    asked = f.model_fields_set  # a key written but left empty asks for its number
    has_growth = f.growth is not None or "growth" in asked
    has_value = f.value is not None or "value" in asked or (not has_growth and not f.ranks)
    framed = None if fr is None else _framed_core(
        c, f, p, fr, used if used is not None else set(), format_path(p), headline, has_value, has_growth)
    ranks_done = 1 if framed and "rverb" in framed.re.groupindex else 0  # the frame said the first rank
    if framed is None:
        _plain_core(c, f, p, headline, has_value, has_growth)
    _comparisons(c, f, p)
    ranks = f.ranks
    wei: str | None = None
    unsaid = basis_goes_unsaid(ranks, has_value, has_growth, fr.says_basis if fr is not None else False)
    if framed is not None and ranks_done:  # the others follow its 居 / 排名 and 位
        verb, wei = framed.group("rverb"), framed.group("rwei") or ""
        if unsaid and "of" in ranks[0].model_fields_set:
            _verb_says_basis(c, framed, _rank_path(f, p, 0))
        if not wei and _wei(verb, ranks[0]):  # a frame mined from 第一 says 第3 as 第3位
            c.template("位")
            wei = "位"
    else:
        verb = "排名" if ranks and not ranks[0].of and not has_value and not has_growth else "居"
    _ranks(c, ranks, lambda i: _rank_path(f, p, i), verb, wei, ranks_done, has_value or has_growth, unsaid)
    if f.note:
        c.template("，")
        c.data(f.note, p + ("note",))
    return Runs(_name_says(c.runs, f.name, held, p))


def _plain_core(c: _Clause, f: Figure, p: tuple, headline: bool, has_value: bool, has_growth: bool) -> None:
    """The hand-written wording: 生产总值达到2878亿元、增长4.3% / ……等16个项目建成投产."""
    # 争取到 keeps its object after it whatever the frame (frames.GETTING_TO)
    verb_first = f.form == "verb_first" or (not f.form and f.verb in GETTING_TO)
    if f.form == "number_first":
        verb_first = verb_goes_first(f.verb)  # 出台……等4方面政策措施 / ……等16个项目建成投产
        if verb_first:
            c.data(f.verb, p + ("verb",))
        for i, ex in enumerate(f.examples):
            if i:
                c.template("、")
            c.data(ex, p + ("examples", i))
        # 等 says the list is not whole: 「生猪、黄梨、潞绸3个专业镇」 names all three (高平 2024)
        if f.examples and not (f.value is not None and f.value == len(f.examples)):
            c.template("等")
        c.runs.extend(_number_runs(c, f, p) + _unit_runs(f, p))
        c.data(f.name, p + ("name",))
        if f.verb and not verb_first:
            c.data(f.verb, p + ("verb",))
        has_value = False
    elif verb_first and f.verb and has_value:
        c.data(f.verb, p + ("verb",))
        c.data(f.name, p + ("name",))
    else:
        c.data(f.name, p + ("name",))
    if has_value:
        if not verb_first or not f.verb:
            if f.verb is not None:
                c.data(f.verb, p + ("verb",))
            else:
                c.template("达到" if headline else "")
        c.runs.extend(_number_runs(c, f, p) + _unit_runs(f, p))
        if f.value2 is not None:
            c.template("、")
            c.runs.extend(_number_runs(c, f, p, "value2") + _unit_runs(f, p, "value2"))
        # the qualifier follows the number the data gives: with the value missing it is the
        # growth's (「达到【待补充】亿元、增长6%左右」, not 「……亿元左右、增长6%」, H92)
        q_on_growth = f.value is None and has_growth
        if f.qualifier and not q_on_growth:
            c.data(f.qualifier, p + ("qualifier",))
    if has_growth:
        if has_value or f.form == "number_first":
            c.template("、")
        falling = f.growth is not None and f.growth < 0
        if f.growth_verb:
            verb = f.growth_verb.replace("增长", "下降") if falling else f.growth_verb
            c.data(verb, p + ("growth_verb",))
        else:
            c.template("下降" if falling else "增长")
        c.runs.extend(_growth_runs(c, f, p))
        if f.qualifier and (not has_value or f.value is None):
            c.data(f.qualifier, p + ("qualifier",))


def facts_runs(items: Any, headline: bool = False, first: Any = None,
               fr: FrameChooser | None = None) -> Runs:
    """A list of facts → one run of text: figures and unfinished sentences joined by ，.

    Text that ends a sentence (。！？) closes it; the template adds the final 。. The list is one
    paragraph: no mined frame is used twice in it.
    """
    used: set[str] = set()
    clauses: list[aggregate.Clause] = []  # joined (and merged where they share a verb) in aggregate.py
    for item in items:
        if isinstance(item, Data):
            end = model_of(item).end
            clauses.append(aggregate.Clause(figure_runs(item, headline, fr=fr, used=used).runs,
                                            Run(end, Source("data", f"{item.path}.end")) if end else None))
        else:
            clauses.append(aggregate.Clause(to_runs(item), None, phrase=True))
    return Runs(aggregate.join(to_runs(first) if first else [], clauses))


def restated(figure: Figure, check: Any) -> bool:
    """Does headline `figure` state the very number `check` reports as last year's actual?
    Same indicator (全年 / 地区 aside), same single actual, same number."""
    if bare_name(figure.name) != bare_name(check.name) or check.actual is None:
        return False
    if check.value2 is not None or check.actual2 is not None:
        return False
    if check.actual_status == "预计" and figure.status != "预计":
        return False  # the check's paragraph says 预计; the headline would drop it
    # 左右 alike on both: the headline's qualifier is the growth's when it gives no total (H96)
    if check.actual_qualifier and not (check.kind == "growth" and figure.value is None
                                       and figure.qualifier == check.actual_qualifier):
        return False
    # a figure's approx is its value's (近1200亿元); a growth carries none (增长近7% is the check's own)
    if check.actual_approx != ("" if check.kind == "growth" else figure.approx):
        return False
    # a 同步 target's actual is a growth like any other (镇江's 居民人均可支配收入增长5.1% was said in
    # the headline and again in the check paragraph, H125); its verdict needs no number of its own
    if not (check.states_number or check.relative_to_growth) or check.relative_to_benchmark:
        return False
    if check.kind == "growth":
        return figure.growth is not None and Decimal(str(figure.growth)) == Decimal(str(check.actual))
    return (figure.value is not None and (figure.unit or "") == check.effective_unit
            and Decimal(str(figure.value)) == Decimal(str(check.actual)))


def _same_ranks(figure: Figure, check: Any) -> bool:
    return [r.model_dump() for r in figure.ranks] == [r.model_dump() for r in check.ranks]


def absorbed_checks(headline: list[Figure], checks: list[Any]) -> dict[int, int]:
    """headline index → check index, for checks the headline already states (stated once):
    the same number, or the number a check left empty."""
    out: dict[int, int] = {}
    for hi, f in enumerate(headline):
        for ci, c in enumerate(checks):
            if getattr(c, "ranks", None) and not _same_ranks(f, c):
                continue  # the check's own rank would be lost with it: it keeps its paragraph
            if ci not in out.values() and (restated(f, c) or lent(f, c)):
                out[hi] = ci
                break
    return out


def headline_runs(items: Any, fr: FrameChooser | None = None, checks: Any = None, level: str | LevelWords = "市") -> Runs:
    """「全年生产总值达到2878亿元、增长4.3%，一般公共预算收入增长19.9%」; when every figure is
    an estimate the sentence opens 「预计全年」 instead of repeating 预计. A figure that is also
    one of last year's targets carries its verdict here (「……增长4.3%，未完成6%左右的预期目标」)
    and the check paragraph leaves it out."""
    figs = list(items)
    all_estimated = bool(figs) and all(model_of(f).status == "预计" for f in figs)
    first_estimated = bool(figs) and model_of(figs[0]).status == "预计"
    lead = "全年"  # 预计 stands before each estimate only: 「全年生产总值……，预计一般公共预算收入……」
    check_list = list(checks) if checks else []
    heads, raw = [model_of(f) for f in figs], [model_of(c) for c in check_list]
    verdicts = absorbed_checks(heads, raw)
    judged = judged_checks(heads, raw)
    gdp = gdp_growth_of(judged, heads)
    out: list[Run] = [Run(lead, Source("template", "headline"))]
    used: set[str] = set()
    for i, f in enumerate(figs):
        if i:
            end = model_of(figs[i - 1]).end
            if end:
                out.append(Run(end, Source("data", f"{figs[i - 1].path}.end")))
            else:
                out.append(Run("；" if (i in verdicts or i - 1 in verdicts) else "，", Source("template", "headline")))
        # the first estimate's 预计 opens the sentence (预计全年, not 全年预计); when all are
        # estimates it covers the list
        shown = not all_estimated and not (i == 0 and first_estimated)
        out.extend(figure_runs(f, headline=True, show_estimate=shown, fr=fr, used=used).runs)
        if i in verdicts:
            out.append(Run("，", Source("template", "headline")))
            clause = _verdict_clause(check_list[verdicts[i]], level, gdp, judged[verdicts[i]])
            out.extend(_standing_for(clause, check_list[verdicts[i]]))
    if first_estimated:
        out[0] = Run("预计全年", Source("data", f"{figs[0].path}.status"))
    return Runs(out)


def _standing_for(clause: list[Run], x: Data) -> list[Run]:
    """The verdict clause of a check the headline states: its 「预期目标」 words stand for the
    check's own name, and for its actual and actual_qualifier that the headline's number says
    (「增长5%左右，预期目标为6%左右」, H107) — stated once, not reported unused. The word is cut
    into one piece per path (as _met_as_set does), so each path has a run of the draft."""
    check, p = model_of(x), path_of(x)
    said = {r.source.ref.partition("#")[0] for r in clause}
    keys = ["name"] + [k for k in ("actual", "actual_approx", "actual_qualifier")
                        if getattr(check, k, None) not in (None, "")]
    refs = [format_path(p + (k,)) for k in keys]
    refs = [r for r in refs if r not in said]
    at = next((j for j in range(len(clause) - 1, -1, -1)
               if clause[j].source.kind == "template" and "目标" in clause[j].text), None)
    if at is None or not refs or len(clause[at].text) < len(refs):
        return clause
    pieces = _one_piece_each(clause[at].text, [Source("derived", f"{r}#stated_once") for r in refs])
    return clause[:at] + pieces + clause[at + 1:]


def _one_piece_each(text: str, sources: list[Source]) -> list[Run]:
    """`text` said once for several paths: a run for each, one character each and the rest to
    the last (预期目标 → 预/期/目标), so each path is stated; needs len(text) >= len(sources)."""
    n = len(sources)
    cuts = [text[k] for k in range(n - 1)] + [text[n - 1:]]
    return [Run(t, src) for t, src in zip(cuts, sources, strict=True)]


_RELATIVE_WORDING = {"不高于上年": "不高于上年", "不低于上年": "不低于上年"}


def _relative_words(c: _Clause, t: Target, p: tuple) -> None:
    """高于全市平均水平 / 不高于上年 — a target stated against another figure. The scope is a
    run of its own, so validate and check see 全市 used (it was flagged as never drafted)."""
    q = Source("data", format_path(p + ("qualifier",)))
    if t.qualifier == "高于平均水平":
        c.runs.append(Run("高于", q))
        c.data(t.scope, p + ("scope",))
        c.runs.append(Run("平均水平", q))
        return
    c.runs.append(Run(_RELATIVE_WORDING[t.qualifier], q))


def _numeric_target(c: _Clause, t: Target, p: tuple) -> None:
    unit = t.effective_unit
    unit_path = p + ("unit",)

    def value(v: Number | None, vp: tuple, label: str = "目标值") -> None:
        if v is None:
            c.hole(vp, f"{t.name}的{label}")
        else:
            c.num(magnitude(v) if t.kind == "growth" else v, vp)
        if unit:
            if t.unit is None:
                c.template(unit)
            else:
                c.data(unit, unit_path)

    if t.controlled:
        c.template("控制在")
    elif t.kind == "growth":
        if t.verb:
            c.data(t.verb, p + ("verb",))
        elif t.value is not None and t.value < 0:
            c.template("下降")
        else:
            c.template("分别增长" if (t.value2 is not None or "value2" in t.model_fields_set) else "增长")
    elif t.verb:
        c.data(t.verb, p + ("verb",))
    value(t.value, p + ("value",))
    if t.value2 is not None or "value2" in t.model_fields_set:
        c.template("、")
        value(t.value2, p + ("value2",), "第二个目标值")
    _target_qualifier(c, t, p)


def _target_qualifier(c: _Clause, t: Target, p: tuple) -> None:
    """The word after a target's number: the office's 左右 / 以上 / 以内 (validate counted a
    control's 左右 lost, H80), else the 以内 a control implies (控制在3%以内)."""
    q = t.qualifier
    if t.controlled and q not in ("左右", "以内"):
        c.template("以内")
    elif q:
        c.data(q, p + ("qualifier",))


def _framed_target(c: _Clause, t: Target, p: tuple, fr: FrameChooser, used: set[str]) -> bool:
    got = target_pattern(t)
    if got is None:
        return False
    pick = fr.pick(got[0], got[1], format_path(p), used)
    if pick is None:
        return False
    frame, m = pick
    sub = _Clause("target")

    def number(key: str, label: str) -> list[Run]:
        sub.runs = []
        v = getattr(t, key)
        if v is None:
            sub.hole(p + (key,), f"{t.name}的{label}")
        else:
            sub.num(magnitude(v) if t.kind == "growth" else v, p + (key,))
        return sub.runs

    unit_run = [Run(t.unit, Source("data", format_path(p + ("unit",))))] if t.unit else []
    pct = number("value", "目标值") + (unit_run if t.unit else [Run("%", Source("template", "target"))])
    slots = {"指标": [Run(t.name, Source("data", format_path(p + ("name",))))], "百分比": pct,
             "数": number("value", "目标值"), "数2": number("value2", "第二个目标值"), "单位": unit_run}

    def data_run(text: str, field_name: str) -> Run:
        return Run(text, Source("data", format_path(p + (field_name,))))

    c.runs.extend(render(frame, m, slots, {"verb": "verb", "verb_b": "verb", "qual": "qualifier", "qual_b": "qualifier"}, data_run))
    return True


def target_runs(x: Data, level: str | LevelWords = "市", fr: FrameChooser | None = None, used: set[str] | None = None) -> Runs:
    t, p = _obj_path(x)
    assert isinstance(t, Target)
    t, held = _verb_unsaid(t)
    return Runs(_name_says(_target_runs(t, p, level, fr, used).runs, t.name, held, p))


def _target_runs(t: Target, p: tuple, level: str | LevelWords, fr: FrameChooser | None, used: set[str] | None) -> Runs:
    c = _Clause("target")
    q = t.qualifier
    if fr is not None and _framed_target(c, t, p, fr, used if used is not None else set()):
        return _with_note(c, t, p)
    c.data(t.name, p + ("name",))
    if t.relative_to_growth:
        c.template("增长")
        c.data(q, p + ("qualifier",))
        return _with_note(c, t, p)
    if t.assigned_by_superior:  # the office's own words (控制在省定目标以内) when it wrote them
        if t.verb:
            c.data(t.verb, p + ("verb",))
        else:
            c.template(f"完成{level_words(level).task_giver}下达的目标任务")
        return _with_note(c, t, p)
    if t.relative_to_benchmark:
        if t.kind == "growth" and q == "高于平均水平":
            c.template("增长")
        _relative_words(c, t, p)
        return _with_note(c, t, p)
    _numeric_target(c, t, p)
    return _with_note(c, t, p)


def _with_note(c: _Clause, t: Target, p: tuple) -> Runs:
    if t.note:
        c.template("，")
        c.data(t.note, p + ("note",))
    return Runs(c.runs)


def targets_runs(items: Any, level: str | LevelWords = "市", fr: FrameChooser | None = None) -> Runs:
    """The targets list, the one builder the draft (templates/targets.j2) and the division use:
    clauses joined by ， (or by each target's own `end`); one with no number (kind text,
    生态环境质量持续改善) as written. One paragraph: no frame twice."""
    out: list[Run] = []
    prev = None
    used: set[str] = set()
    for group in _assigned_together(list(items)):
        if prev is not None:
            end = model_of(prev).end
            out.append(
                Run(end, Source("data", f"{prev.path}.end")) if end else Run("，", Source("template", "targets"))
            )
        if len(group) == 1 and model_of(group[0]).as_text:
            t, p = _obj_path(group[0])
            c = _Clause("target")
            c.data(t.name, p + ("name",))
            out.extend(_with_note(c, t, p).runs)
            prev = group[-1]
            continue
        if len(group) == 1:
            out.extend(target_runs(group[0], level, fr, used).runs)
            prev = group[-1]
            continue
        for i, x in enumerate(group):
            if i:
                out.append(Run("、", Source("template", "targets")))
            out.append(Run(model_of(x).name, Source("data", f"{x.path}.name")))
        if model_of(group[-1]).relative_to_growth:
            # 「地方级财政收入、城乡居民人均可支配收入增长与经济增长同步」 (吉林, H97): the qualifier
            # they share is said once, cut into one piece per target so each is stated
            out.append(Run("增长", Source("template", "targets")))
            q = model_of(group[-1]).qualifier
            out.extend(_one_piece_each(q, [Source("data", f"{x.path}.qualifier") for x in group]))
        else:  # 「单位GDP能耗降幅、碳排放降幅……完成市下达的目标任务」, said once
            verb = model_of(group[-1]).verb
            # the verb they all gave is printed once, the last one's (checks/unused knows)
            out.append(Run(verb, Source("data", f"{group[-1].path}.verb")) if verb
                       else Run(f"完成{level_words(level).task_giver}下达的目标任务", Source("template", "targets")))
        prev = group[-1]
    return Runs(out)


def _assigned_together(items: list) -> list[list]:
    """The targets in runs: consecutive 完成上级下达任务 ones with the same verb (or none), or
    同步 ones with the same qualifier, and no note or end between them share one 「完成市下达的
    目标任务」 / 「增长与经济增长同步」; every other target stands alone."""
    def plain(x: Any) -> bool:
        t = model_of(x)
        return isinstance(t, Target) and (t.assigned_by_superior or t.relative_to_growth) and not t.note

    groups: list[list] = []
    for x in items:
        last = groups[-1][-1] if groups else None
        if last is not None and plain(x) and plain(last) and not model_of(last).end \
                and model_of(x).verb == model_of(last).verb \
                and model_of(x).qualifier == model_of(last).qualifier and len(model_of(x).qualifier) >= len(groups[-1]) + 1:
            groups[-1].append(x)
        else:
            groups.append([x])
    return groups


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


def _unit(c: _Clause, t: Any, p: tuple, unit: str) -> None:
    """The unit the office wrote is data (validate would call it unused otherwise); the % a
    growth or control target goes without is the template's."""
    if t.unit is None:
        c.template(unit)
    else:
        c.data(unit, p + ("unit",))


def _pair(c: _Clause, t: Any, p: tuple, keys: tuple[str, ...], unit: str, label: str) -> None:
    """One or two numbers of a target or check (「6.5%、8%」), a placeholder for each one missing."""
    for i, key in enumerate(keys):
        v = getattr(t, key)
        if i:
            c.template("、")
        approx = getattr(t, "actual_approx", "") if key.startswith("actual") else ""
        if approx and approx not in APPROX_AFTER:  # 增长近7% / 超49亿美元
            c.data(approx, p + ("actual_approx",))
        if v is None:
            c.hole(p + (key,), f"{t.name}的{'第二个' if i else ''}{label}")
        else:
            c.num(magnitude(v) if t.kind == "growth" else v, p + (key,))
        if approx in APPROX_AFTER and v is not None:  # 100余亿元, 4.23万余户 (never a %: the model says)
            mag = approx_after_magnitude(format_number(v), unit)
            if mag:
                c.data(mag, p + ("unit",))
            c.data(approx, p + ("actual_approx",))
            if unit[len(mag):]:
                c.data(unit[len(mag):], p + ("unit",))
        else:
            _unit(c, t, p, unit)
        if key.startswith("actual") and getattr(t, "actual_qualifier", None):
            c.data(t.actual_qualifier, p + ("actual_qualifier",))


def _target_phrase(c: _Clause, t: Target, p: tuple, level: str | LevelWords, suffix: bool = True,
                   said_control: bool = False) -> None:
    """The target's number as the verdict quotes it: 6%左右 / 控制在3%以内 / 4.5万人以上,
    followed by 「的预期目标」 unless `suffix` is off; no 控制在 when the actual just said it
    (控制在5%以内，完成5.5%以内的预期目标)."""
    q = t.qualifier
    if t.assigned_by_superior:
        c.template(f"{level_words(level).task_giver}下达的目标任务")
        return
    if t.relative_to_growth or t.relative_to_benchmark:
        if t.relative_to_growth:
            c.data(q, p + ("qualifier",))
        else:
            _relative_words(c, t, p)
        if suffix:
            c.template("的目标")
        return
    unit = t.effective_unit
    if t.controlled:
        if not said_control:
            c.template("控制在")
    elif t.kind == "growth" and t.value is not None and t.value < 0:
        c.template("下降")  # 「未完成下降2.5%的预期目标」, not an ambiguous 「2.5%」
    _pair(c, t, p, ("value", "value2") if t.value2 is not None else ("value",), unit, "目标值")
    _target_qualifier(c, t, p)
    if suffix:
        c.template("的预期目标")


def _benchmark(c: _Clause, t: Any, p: tuple, unit: str) -> None:
    """「全市平均增长7.6%」 / 「上年为0.52吨标准煤」: what a relative target is measured against."""
    if not t.relative_to_benchmark:
        return
    c.template("，")
    c.template(f"{t.scope}平均" if t.qualifier == "高于平均水平" else "上年")
    # a falling benchmark is 下降 and its magnitude, as an actual is (上年下降1.8%, H107)
    falling = t.benchmark is not None and t.benchmark < 0
    c.template(("下降" if falling else "增长") if t.kind == "growth" else "为")
    if t.benchmark is None:
        c.hole(p + ("benchmark",), f"{t.name}的比较基准实际数")
    else:
        c.num(magnitude(t.benchmark) if t.kind == "growth" else t.benchmark, p + ("benchmark",))
    _unit(c, t, p, unit)


def _held_within(t: Any) -> bool:
    """A control whose one actual is known as a ceiling: 「失业率控制在5.5%以内」."""
    return (t.kind == "control" and getattr(t, "actual_qualifier", "") == "以内"
            and t.actual2 is None and t.value2 is None)


def _met_as_set(t: Any) -> bool:
    """The actual says the target's very words (控制在5.5%以内 of 5.5%以内): the verdict then
    says 「完成预期目标」 rather than quote the same ceiling again."""
    return (_held_within(t) and t.actual is not None and t.value is not None
            and Decimal(str(t.actual)) == Decimal(str(t.value)) and t.qualifier in ("", "以内", "控制在以内"))


def _verdict_clause(x: Data, level: str | LevelWords, gdp_growth: Any, judged: Any = None) -> list[Run]:
    """「未完成6%左右的预期目标」, 「均未完成7%的预期目标」, 「分别完成、未完成……」; an unknown
    verdict claims nothing: 「预期目标为7%」. `judged`: the check with the headline's actual."""
    t, p = _obj_path(x)
    if judged is not None:
        t = judged
    c = _Clause("check")
    outcomes = judge_each(t, gdp_growth)
    if t.assigned_by_superior or t.done_by_word:
        if outcomes[0].verdict == "待核实":
            c.hole(p + ("done",), f"{t.name}是否完成")
            return c.runs
        c.runs.append(Run("完成" if outcomes[0].verdict == "完成" else "未完成",
                          Source("derived", format_path(p + ("done",)) + "#verdict")))
        _target_phrase(c, t, p, level)
        return c.runs
    if any(o.verdict == "待核实" for o in outcomes):
        c.template("预期目标为")
        _target_phrase(c, t, p, level, suffix=False)
        return c.runs
    ref = Source("derived", format_path(p + ("actual",)) + "#verdict")
    if len(outcomes) == 2 and outcomes[0].verdict == outcomes[1].verdict:
        c.template("均")
        c.runs.append(Run(outcomes[0].verdict, ref))
    elif len(outcomes) == 2:
        c.template("分别")
        c.runs.append(Run(outcomes[0].verdict, ref))
        c.template("、")
        c.runs.append(Run(outcomes[1].verdict, Source("derived", format_path(p + ("actual2",)) + "#verdict")))
    else:
        c.runs.append(Run(outcomes[0].verdict, ref))
    if _met_as_set(t):  # the target's number and 以内 are the actual's, said just before
        c.runs.append(Run("预期", Source("derived", format_path(p + ("value",)) + "#met_as_set")))
        c.runs.append(Run("目标", Source("derived", format_path(p + (("qualifier",) if t.qualifier else ("value",)))
                                          + "#met_as_set")))
        return c.runs
    _target_phrase(c, t, p, level, said_control=_held_within(t))
    return c.runs


def check_runs(x: Data, level: str | LevelWords = "市", gdp_growth: Any = None) -> Runs:
    """「生产总值增长4.3%，未完成6%左右的预期目标」 — the verdict comes from the model."""
    t, p = _obj_path(x)
    t, held = _verb_unsaid(t)
    return Runs(_name_says(_check_runs(x, t, p, level, gdp_growth).runs, t.name, held, p))


def _check_runs(x: Data, t: Any, p: tuple, level: str | LevelWords, gdp_growth: Any) -> Runs:
    c = _Clause("check")
    if t.actual_status == "预计":  # written as a figure's is (README): 预计固定资产投资增长9.1%
        c.data("预计", p + ("actual_status",))
    c.data(t.name, p + ("name",))
    if t.assigned_by_superior or t.done_by_word:  # 收入完成与经济增长同步的目标
        return Runs(c.runs + _verdict_clause(x, level, gdp_growth))
    unit = t.effective_unit
    two = t.value2 is not None or t.actual2 is not None
    if t.kind == "growth":
        falling = (t.actual if t.actual is not None else t.value or 0) < 0
        if t.verb and falling == any(w in t.verb for w in ("降", "减")):
            c.data(("分别" if two else "") + t.verb, p + ("verb",))  # 降低 for 能耗降低2.5%
        else:
            c.template(("分别" if two else "") + ("下降" if falling else "增长"))
    elif t.kind == "control":  # 失业率控制在5.5%以内 when only the ceiling is known, else 为5.3%
        c.template("分别为" if two else ("控制在" if _held_within(t) else "为"))
    elif t.verb:
        c.data(t.verb, p + ("verb",))
    elif t.actual_approx != "超":  # 「实际使用外资超49亿美元」: 超 says what 达到 would
        c.template("分别达到" if two else "达到")
    _pair(c, t, p, ("actual", "actual2") if two else ("actual",), unit, "实际完成值")
    # 6.1万人、居全区第1位; 增长6.5%、居全省第一 (the growth says 增速)
    _ranks(c, t.ranks, lambda i: _rank_path(t, p, i), "居",
           basis_unsaid=basis_goes_unsaid(t.ranks, False, t.kind == "growth", False))
    _benchmark(c, t, p, unit)
    c.template("，")
    return Runs(c.runs + _verdict_clause(x, level, gdp_growth))


def checks_runs(items: Any, level: str | LevelWords = "市", skip: Any = (), judged: Any = None,
                headline: Any = ()) -> Runs:
    """Last year's targets judged, joined by ；, except those the headline already stated.
    `judged`: the checks with the headline's actuals (GDP growth for 与经济增长同步)."""
    all_items = list(items)
    gdp = gdp_growth_of(list(judged) if judged is not None else [model_of(x) for x in all_items], headline)
    out: list[Run] = []
    for i, x in enumerate(all_items):
        if i in skip:
            continue
        if out:
            out.append(Run("；", Source("template", "checks")))
        out.extend(check_runs(x, level, gdp).runs)
    return Runs(out)


def helpers(report: Report, seed: int, bank: Bank | None) -> dict[str, Any]:
    """The figure helpers templates call, bound to this draft's seed and phrase bank."""
    level = report.meta.level
    fr = FrameChooser(bank, seed, report.meta.province, level)
    words = level_words(level, report.meta.province)  # 完成自治区下达的目标任务 in 广西
    review = Data(report).review
    absorbed = absorbed_checks(report.review.headline, report.review.checks)
    judged = judged_checks(report.review.headline, report.review.checks)
    return {
        "figure": lambda x, headline=False: figure_runs(x, headline, fr=fr, used=set()),
        "facts": lambda items, headline=False, first=None: facts_runs(items, headline, first, fr=fr),
        "headline": lambda items: headline_runs(items, fr, review.checks, words),
        "target": lambda t: target_runs(t, words, fr),
        "targets": lambda ts: targets_runs(ts, words, fr),
        "checks": lambda cs: checks_runs(cs, words, skip=set(absorbed.values()), judged=judged,
                                         headline=report.review.headline),
    }
