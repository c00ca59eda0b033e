"""The 主要预期目标 paragraph of a report → Target entries.

    parse_targets(text)    -> list[Target]   「生产总值增长6%左右，……居民消费价格指数涨幅控制在3%以内。」
    parse_clauses(text)    -> list[Clause]   the same, clause by clause, keeping what could not be
                                             read as a target (定性目标 such as 外贸外资促稳提质)
    find_targets_text(doc) -> TargetsText | None   the targets passage of a parsed report
    find_targets(doc)      -> list[Target]
    describe(target)       -> str            a target written back as a clause, for comments
    task_wording(clause)   -> str | None     the office's own words of a task target
                                             (控制在省定目标以内), for this year's data file

How each phrasing is read (the forms of the corpus, tests/fixtures/corpus/targets.tsv):

    增长6% / 增长6%左右 / 以上 / 以内     kind growth, value 6, qualifier "" / 左右 / 以上 / 以内
    同口径增长6.5%                        kind growth, verb 同口径增长 (so the draft says it again)
    降低2.5% / 下降2%左右                 kind growth, value -2.5, verb 降低 / 下降: a falling target is
                                          a negative growth (drafter.model.verdict judges value < 0 as
                                          「降幅达到目标」); the verb keeps the report's word
    分别增长6.5%、8%左右                  value 6.5, value2 8, qualifier 左右 (the trailing one);
                                          分别增长5.5%左右和5.5%以上 has two qualifiers, the model one:
                                          the second is kept (it is where the draft writes it)
    A、B分别增长8%和10%                   two targets when A and B are both indicators
    控制在3%以内 / 控制在3%左右            kind control, qualifier 控制在以内 / 左右
    涨幅3%以内                            kind control, qualifier 以内
    城镇新增就业4.5万人以上                kind level, value 4.5, unit 万人, qualifier 以上
    达到600亿元 / 完成35亿元               kind level, verb 达到 / 完成; with no indicator before the verb
                                          (增长6.7%、达到600亿元) the previous indicator's name
    A、B增长15%                           one target per indicator, same value
    (增速)与经济增长(基本)同步            qualifier 与经济增长同步 / 与经济增长基本同步 (与地区生产总值
                                          同步增长 reads as 与经济增长同步)
    (增速)高于经济增长(水平)              qualifier 高于经济增长
    完成(省/自治区/市)下达(的)目标任务,
    控制在…下达目标之内, 达市定目标,
    按照…要求全面完成, 完成X任务           qualifier 完成上级下达任务, one target per indicator
    在实际工作中争取更好结果 / 争取更好成绩 /
    力争…                                 a rider: the note of the preceding target; after the
                                          last target it speaks for the whole list (targets.rider,
                                          closing_riders), 益阳's 「……基本同步，在实际工作中争取
                                          更好的结果。」

Anything else (促稳提质, 保持稳定, 略高于省州平均水平, 与经济增长相适应, 高于全市平均水平) has no
place in the model: it is returned as a Clause of kind "other" and left out of parse_targets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

from ..model import Target
from ..model.targets import ASSIGNED, default_unit
from ..tree import Document

__all__ = [
    "Clause", "TargetsText", "parse_targets", "parse_clauses", "find_targets_text", "find_targets",
    "describe", "closing_riders", "task_wording",
]

_NUM = r"(\d+(?:\.\d+)?)"
_Q = r"(左右|以上|以内|之内|以下)?"
_FULLWIDTH = str.maketrans("０１２３４５６７８９％．", "0123456789%.")

# A clause ends at ， ； 。 ！ and at a 、 that follows a number and is not followed by another
# (增长6.7%、达到600亿元 / 增长7%以上、争取更好成绩 — but not 分别增长6.5%、8%).
_CLAUSE_SPLIT = re.compile(r"[，；。！,;]|(?<=[%\d上右内])、(?!\d)")
_SENTENCE_END = re.compile(r"(?<=[。！])")

# The sentence that introduces the list: 主要预期目标是： / 经济发展预期目标是： / 奋斗目标是：,
# and with no 是/为 when a colon follows: 主要预期目标： (合肥), 主要预期目标建议为： (淄博),
# 主要预期目标建议： (广元)
_MARKER = re.compile(r"(?:预期|主要|奋斗|发展)目标(?:建议)?(?:(?:是|为)[：:]?|[：:])")

_RIDER = re.compile(r"^(?:全年)?(?:在?实际工作中|力争|争取|努力|尽可能)")
# The rest of a rider after its comma (镇江 「在实际工作中，我们将努力争取更好结果」): part of it
_RIDER_TAIL = re.compile(r"^(?:我们)?.{0,8}?(?:争取|力争|干得|做得).{0,6}?(?:更好|好的)")
_TASK = re.compile(
    r"下达|省定|市定|州定|区定|责任目标|要求全面完成|约束性指标(?:确保|全面|均)?完成$"
    r"|[省市州区]控|调控(?:目标)?范围内"  # 控制在省调控目标范围内 / 在省控范围内 / 不高于省控线
)
_TASK_OBJECT = re.compile(r"^(?:全面)?完成(?:[^的]{0,12}?下达的?)?(?P<obj>.+)$")
_TASK_SUBJECT = re.compile(
    r"(?:等(?:约束性)?指标)?(?:确保|均|全面|都)?(?:完成|控制在|达到?(?=[省市州区县]定)|按照|(?:在|不高于)(?=[省国]))"
)
_RELATIVE = re.compile(
    r"^(?P<subj>.+?)(?:增速|增长)?"
    r"(?:(?P<sync>[与和](?:经济增长|经济|地区生产总值(?:增速|增长)?|生产总值(?:增长)?|经济发展)(?:保持)?"
    r"(?P<basic>基本)?(?:保持)?同步)"
    r"|(?P<higher>高于(?:经济增长|经济增速|GDP增速|地区生产总值增速)(?:水平|速度)?))(?:增长)?$"
)
_CONTROL = re.compile(rf"^(?P<subj>.+?)控制在{_NUM}(?P<unit>%|‰)?{_Q}$")
_CEILING = re.compile(rf"^(?P<subj>.+?涨幅){_NUM}(?P<unit>%)(?P<q>以内|之内|以下|左右)$")
# 分别增长6.5%、8%左右 / 分别增长5%、9%、6%: two or more values, one per indicator named before
_VALUE = rf"{_NUM}(%)?{_Q}"
_SPLIT = re.compile(
    rf"^(?P<subj>.+?)分别(?P<verb>同口径增长|同比增长|增长|下降|降低)"
    rf"(?P<values>{_VALUE}(?:[、和及]{_VALUE})+)$"
)
# 增速/增幅 6%以上 is a growth of the indicator before it (地区生产总值增速6%以上), not a level
# target named 地区生产总值增速
_GROWTH = re.compile(
    rf"^(?P<subj>.*?)(?P<verb>同口径增长|同比增长|增长|(?:增速|增幅)(?:达到|保持在|为)?|下降|降低)"
    rf"(?P<floor>不低于|高于)?{_NUM}(?P<unit>%){_Q}$"
)
# 固定资产投资保持稳定增长、力争达到3%: a growth of 3 %, the verb kept as the report words it
_STEADY = re.compile(rf"^(?P<subj>.+?)(?P<verb>(?:保持)?稳定增长、?(?:力争|争取)?(?:达到)?){_NUM}%{_Q}$")
# 地区生产总值增速“保8争9”: growth 8, striving for 9 (the note)
_KEEP_STRIVE = re.compile(r"^(?P<subj>.+?)(?:增速|增长)?[“\"]?保(?P<keep>\d+(?:\.\d+)?)%?争(?P<strive>\d+(?:\.\d+)?)%?[”\"]?$")
# 增速高于全省平均水平 / 高于省平1个百分点(、7%左右) / 高于全省0.5个百分点左右 / 增幅高于全省平均:
# 高于平均水平 with its scope; the points above it are the note (the model has no field for them)
_ABOVE_AVERAGE = re.compile(
    r"^(?P<subj>.+?)(?:增速|增幅|增长)高于(?P<scope>全国|全省|全市|全州|全区|自治区|省平|省均)(?:平均(?:水平)?)?"
    rf"(?P<points>{_NUM}个百分点{_Q})?(?:、{_NUM}%{_Q})?$"
)
_LEVEL_VERB = re.compile(
    rf"^(?P<subj>.*?)(?P<verb>力争达到|达到|达|完成|突破|超过|保持在|稳定在|新增){_NUM}(?P<unit>[^\d，；。]{{0,4}}?){_Q}$"
)
_LEVEL = re.compile(rf"^(?P<subj>.*?\D){_NUM}(?P<unit>[^\d，；。]{{1,4}}?){_Q}$")


@dataclass
class Clause:
    """One clause of the targets passage, as written, and what it was read as."""

    text: str
    kind: Literal["target", "rider", "other"]
    targets: list[Target] = field(default_factory=list)


@dataclass
class TargetsText:
    """The targets passage of a report: the text after the marker, and where it was found."""

    text: str
    line: int | None = None
    marker: str = ""  # 主要预期目标是：


def _clean(text: str) -> str:
    return re.sub(r"\s+", "", text.translate(_FULLWIDTH))


def _number(s: str) -> int | Decimal:
    d = Decimal(s)
    return int(d) if d == d.to_integral_value() and "." not in s else d


def _neg(v: int | Decimal) -> int | Decimal:
    return -v


def _qualifier(q: str | None) -> str:
    if not q:
        return ""
    return "以内" if q in ("之内", "以下") else q


def _split_subject(subj: str) -> list[str]:
    """「固定资产投资、社会消费品零售总额」 → two indicators; 「城镇和农村居民人均可支配收入」,
    「城镇、农村居民人均可支配收入」 and 「城镇常住居民、农村居民人均可支配收入」 stay one (a part of
    two characters, or a population, is a modifier of the last). A bare head after an indicator
    shares its subject: 「规上工业总产值、增加值」 → 规上工业总产值, 规上工业增加值;
    「粮食产量及播种面积」 → 粮食产量, 粮食播种面积. A closing 等 is not part of a name."""
    parts = [p for p in re.split(r"[、和及]", subj) if p]
    if len(parts) < 2 or any(len(p) <= 2 for p in parts) or any(_POPULATION.search(p) for p in parts[:-1]):
        return [subj]
    parts = [p.removesuffix("等") if len(p) > 3 else p for p in parts]
    first = parts[0]
    head = next((h for h in _HEADS if first.endswith(h) and len(first) > len(h)), None)
    if head is not None:
        stem = first[: -len(head)]
        parts = [first] + [stem + p if p in _HEADS else p for p in parts[1:]]
    return parts


# What an indicator ends with, and may stand alone after another one: 规上工业总产值、增加值
_HEADS = sorted(
    ("总产值", "产值", "增加值", "营业收入", "营业额", "利润总额", "利润", "产量", "播种面积", "面积",
     "总额", "余额", "投资"),
    key=len, reverse=True,
)
_POPULATION = re.compile(r"(?:居民|人口)$")

# 三次产业 / 一、二、三产业增加值 / 一产、二产、三产 / 第一、第二、第三产业增加值: the three
# industries' value added
_INDUSTRIES = re.compile(
    r"^(?:三次产业|第?一(?:产业?)?[、和]第?二(?:产业?)?[、和及]第?三(?:产业?)?)(?:增加值)?$"
)


def _industries(subj: str) -> list[str] | None:
    if not _INDUSTRIES.match(subj):
        return None
    return ["第一产业增加值", "第二产业增加值", "第三产业增加值"]


# An adverb before the verb is not part of the name: 地区生产总值确保增长6.5%,
# 其他约束性指标确保完成省下达任务
_ADVERB_END = re.compile(r"(?:确保|力争|争取|努力|全面|均|都)+$")


def _name(subj: str) -> str:
    # 其中一、二、三产分别增长…: 其中 points back to the 生产总值 before, it names nothing
    subj = re.sub(r"^其中[：:]?", "", subj.strip("，、：:；"))
    return _ADVERB_END.sub("", subj) or subj


def _target(**kw) -> Target:
    data = {k: v for k, v in kw.items() if v is not None and v != ""}
    if kw.get("qualifier") == "":
        data.pop("qualifier", None)
    return Target(**data)


def _unit(u: str | None, kind: str) -> str | None:
    if u in (None, ""):
        return None
    if u == default_unit(kind):
        return None  # the model's default (% for growth and control)
    return u


def _read_clause(s: str, previous: str | None) -> Clause:
    """One clause → a Clause. `previous` is the last indicator named, for 「、达到600亿元」.
    Riders first; then the readers of its phase (a clause with a number of its own or
    without), in order: the first that recognises the clause says what it is."""
    if not s:
        return Clause(s, "other")
    if _RIDER.match(s):
        return Clause(s, "rider")
    has_number = bool(re.search(r"\d", re.sub(r"\d{4}年|“十[一二三四五六七八九]五”", "", s)))
    for read in _WITH_NUMBER if has_number else _WITHOUT_NUMBER:
        clause = read(s, previous)
        if clause is not None:
            if any(_NOT_A_NAME.search(t.name) for t in clause.targets):
                break  # 规模工业增加值增长6%-7%: a form the model cannot hold, left for the user
            return clause
    return Clause(s, "other")


# A name never holds a figure or the 分别 of a list of them, a comparison, a slogan or a
# qualitative aim (常州 「实际使用外资稳中提质、进出口总额增长高于全省平均」): what a reader took
# for a name when it missed the clause's form
_NOT_A_NAME = re.compile(r"\d%|分别|高于|低于|[“\"][^”\"]*\d|即|稳中|提质|促稳|保持")


# Each reader returns None when the clause is not of its form, so the next one may try.

def _read_task(s: str, previous: str | None) -> Clause | None:
    """完成省下达的节能减排任务 / 约束性指标按照省、晋城市要求全面完成: one target per indicator."""
    if not (_TASK.search(s) or re.match(r"^(?:全面)?完成", s)):
        return None
    m = _TASK_OBJECT.match(s)
    if m and s.startswith(("完成", "全面完成")):
        obj = m.group("obj")
        if obj.endswith("任务") and not obj.endswith("目标任务") and len(obj) > 4:
            obj = obj[:-2]
        names = _split_subject(obj)
    else:
        m = _TASK_SUBJECT.search(s)
        subj = s[: m.start()] if m and m.start() > 0 else s
        names = _split_subject(_name(subj))
    ts = [_target(name=n, qualifier=ASSIGNED) for n in names if n]
    return Clause(s, "target", ts) if ts else Clause(s, "other")


def task_wording(text: str) -> str | None:
    """What a task clause says after its indicators, in the office's words: 「城镇调查失业率控制在
    省定目标以内」 → 控制在省定目标以内, 「主要污染物排放等指标完成省上下达目标」 → 完成省上下达目标.
    None when the clause starts with its verb (完成省下达的节能减排任务: the indicator is inside)
    or is not a task."""
    s = _clean(text)
    if s.startswith(("完成", "全面完成")) or not _TASK.search(s):
        return None
    m = _TASK_SUBJECT.search(s)
    if not m or m.start() == 0:
        return None
    words = re.sub(r"^等(?:约束性)?指标(?:均|都)?", "", s[m.start():])
    return words or None


def _read_relative(s: str, previous: str | None) -> Clause | None:
    """居民收入增长与经济增长(基本)同步 / 高于经济增长."""
    m = _RELATIVE.match(s)
    if not m:
        return None
    if m.group("sync"):
        q = "与经济增长基本同步" if m.group("basic") else "与经济增长同步"
    else:
        q = "高于经济增长"
    ts = [_target(name=n, kind="growth", qualifier=q) for n in _split_subject(_name(m.group("subj")))]
    return Clause(s, "target", ts)


def _read_ceiling(s: str, previous: str | None) -> Clause | None:
    """控制在3%以内 / 居民消费价格涨幅3%左右."""
    m = _CONTROL.match(s)
    if m:
        q = _qualifier(m.group(4))
        return Clause(s, "target", [_target(
            name=_name(m.group("subj")), kind="control", value=_number(m.group(2)),
            unit=_unit(m.group("unit"), "control"), qualifier="左右" if q == "左右" else "控制在以内",
        )])
    m = _CEILING.match(s)
    if m:
        q = _qualifier(m.group("q"))
        return Clause(s, "target", [_target(
            name=_name(m.group("subj")), kind="control", value=_number(m.group(2)), qualifier=q,
        )])
    return None


def _read_split(s: str, previous: str | None) -> Clause | None:
    """分别增长6.5%、8%左右: one target with two values (城乡居民人均可支配收入), or one target
    per indicator when as many are named as there are values (A、B分别增长8%和10%, 三次产业分别
    增长5%、9%、6%). A value without a qualifier takes the trailing one (分别增长5%、9%、6%左右).
    When names and values do not pair up, the clause is left for the user, never a name with
    the numbers in it."""
    m = _SPLIT.match(s)
    if not m:
        return None
    verb = m.group("verb")
    found = re.findall(rf"{_NUM}(%)?{_Q}", m.group("values"))
    values = [_number(v) for v, _, _ in found]
    if verb in ("下降", "降低"):
        values = [_neg(v) for v in values]
    qs = [_qualifier(q) for _, _, q in found]
    trailing = qs[-1]
    kw = {"verb": verb if verb != "增长" else None}
    subj = _name(m.group("subj"))
    names = _industries(subj) or _split_subject(subj)
    if len(names) == len(values):
        return Clause(s, "target", [
            _target(name=n, kind="growth", value=v, qualifier=q or trailing, **kw)
            for n, v, q in zip(names, values, qs, strict=True)
        ])
    if len(values) == 2 and len(names) == 1:  # 城乡居民人均可支配收入分别增长6%、9%
        return Clause(s, "target", [_target(
            name=names[0], kind="growth", value=values[0], value2=values[1], qualifier=trailing or qs[0], **kw,
        )])
    return Clause(s, "other")


def _read_growth(s: str, previous: str | None) -> Clause | None:
    """增长6%左右 / 下降2.5% / 增速6%以上; with no indicator named, the one before."""
    m = _GROWTH.match(s)
    if not m:
        return None
    verb = m.group("verb")
    v = _number(m.group(4))
    if verb in ("下降", "降低"):
        v = _neg(v)
    subj = _name(m.group("subj")) or previous
    if not subj:
        return Clause(s, "other")
    q = _qualifier(m.group(6)) or ("以上" if m.group("floor") else "")  # 不低于5% is 5%以上
    return Clause(s, "target", [
        _target(name=n, kind="growth", value=v, qualifier=q,
                verb=verb if verb != "增长" and not verb.startswith(("增速", "增幅")) else None)
        for n in _split_subject(subj)
    ])


def _read_level(s: str, previous: str | None) -> Clause | None:
    """达到600亿元 / 城镇新增就业4.5万人以上: a level, with its verb when there is one."""
    m = _LEVEL_VERB.match(s)
    if m:
        subj = _name(m.group("subj")) or previous
        if subj:
            return Clause(s, "target", [_target(
                name=subj, kind="level", verb=m.group("verb"), value=_number(m.group(3)),
                unit=m.group("unit") or None, qualifier=_qualifier(m.group(5)),
            )])
    m = _LEVEL.match(s)
    if m and not re.search(r"\d年$", m.group("subj")):
        subj = _name(m.group("subj"))
        return Clause(s, "target", [_target(
            name=subj, kind="level", value=_number(m.group(2)), unit=m.group("unit") or None,
            qualifier=_qualifier(m.group(4)),
        )])
    return None


def _read_keep_strive(s: str, previous: str | None) -> Clause | None:
    """「保8争9」: growth 8, with 争取9% as its note."""
    m = _KEEP_STRIVE.match(s)
    if not m:
        return None
    return Clause(s, "target", [_target(
        name=_name(m.group("subj")), kind="growth", value=_number(m.group("keep")),
        note=f"争取{m.group('strive')}%",
    )])


def _read_steady(s: str, previous: str | None) -> Clause | None:
    m = _STEADY.match(s)
    if not m:
        return None
    return Clause(s, "target", [_target(
        name=_name(m.group("subj")), kind="growth", value=_number(m.group(3)), verb=m.group("verb"),
        qualifier=_qualifier(m.group(4)),
    )])


def _read_above_average(s: str, previous: str | None) -> Clause | None:
    """高于全省平均水平 → qualifier 高于平均水平, scope 全省; with a figure of its own (德阳
    「增速高于省平1个百分点、7%左右」) a growth of that figure, the comparison its note."""
    m = _ABOVE_AVERAGE.match(s)
    if not m:
        return None
    scope = {"省平": "全省", "省均": "全省", "自治区": "全区"}.get(m.group("scope"), m.group("scope"))
    subj = _name(m.group("subj"))
    above = s[s.index("高于", len(m.group("subj"))):].split("、")[0]  # 高于省平1个百分点
    if m.group(6) is not None:
        return Clause(s, "target", [_target(
            name=subj, kind="growth", value=_number(m.group(6)), qualifier=_qualifier(m.group(7)), note=above,
        )])
    note = above if m.group("points") else None
    return Clause(s, "target", [
        _target(name=n, kind="growth", qualifier="高于平均水平", scope=scope, note=note) for n in _split_subject(subj)
    ])


_WITHOUT_NUMBER = (_read_task, _read_relative, _read_above_average)
_WITH_NUMBER = (_read_keep_strive, _read_above_average, _read_steady, _read_ceiling, _read_split, _read_growth,
                _read_level)


# A slogan and what it stands for (崇左 「“7个100”即地区生产总值比增100亿元以上，…」): the
# explanation of a slogan is no list of targets; the rest of its sentence is left for the user
_SLOGAN = re.compile(r"^[“\"][^”\"]*\d[^”\"]*[”\"]即")
# An indicator at the head of a clause the model cannot hold (潜江 「地区生产总值跨越千亿台阶，
# 增长7%以上」): the subject of a following clause that names none
_HEAD_INDICATOR = re.compile(r"^(.{2,16}?(?:生产总值|增加值|总产值|产值|收入|投资|总额|产量))(?=[^、和及与])")


def _clauses_of(text: str, previous: str | None = None) -> list[Clause]:
    out: list[Clause] = []
    for sentence in _SENTENCE_END.split(_clean(text)):
        slogan = False
        for marked in _CLAUSE_SPLIT.split(sentence):
            piece = re.sub(r"^(?:——|—|-|\d+[.、．]|（[一二三四五六七八九十\d]+）|[一二三四五六七八九十]+是)", "", marked)
            if not piece or re.fullmatch(r"(?:\d{4}年|全年|今年|明年|其中[：:]?)", piece):
                continue
            slogan = slogan or bool(_SLOGAN.match(piece))
            if out and out[-1].kind == "rider" and not _has_digit(piece) and _RIDER_TAIL.match(piece):
                out[-1] = Clause(f"{out[-1].text}，{piece}", "rider")
                continue
            c = Clause(piece, "other") if slogan else _read_clause(piece, previous)
            if c.targets:
                previous = c.targets[-1].name
            elif c.kind == "other" and (head := _HEAD_INDICATOR.match(piece)):
                previous = head.group(1)
            out.append(c)
    return out


def _has_digit(text: str) -> bool:
    return bool(re.search(r"\d", text))


def closing_riders(clauses: list[Clause]) -> list[Clause]:
    """The riders after the last target that name no figure (在实际工作中争取更好的结果): they
    speak for the whole list (targets.rider); 「力争累计降低10%」 stays the last target's note."""
    last = max((i for i, c in enumerate(clauses) if c.kind == "target"), default=-1)
    after = clauses[last + 1:] if last >= 0 else []
    return [c for c in after if c.kind == "rider" and not re.search(r"\d", c.text)]


def _attach_riders(clauses: list[Clause]) -> None:
    """A rider between targets becomes the note of the target before it; the closing ones stay
    clauses (closing_riders)."""
    closing = {id(c) for c in closing_riders(clauses)}
    last: Target | None = None
    for c in clauses:
        if c.kind == "target" and c.targets:
            last = c.targets[-1]
        elif c.kind == "rider" and last is not None and id(c) not in closing:
            last.note = f"{last.note}，{c.text}" if last.note else c.text


def parse_clauses(text: str) -> list[Clause]:
    """The targets passage (with or without the 主要预期目标是： marker) clause by clause.
    Riders between targets are attached to the preceding target as its note; all riders are
    also kept as clauses."""
    m = _MARKER.search(_clean(text))
    body = _clean(text)[m.end():] if m else _clean(text)
    clauses = _clauses_of(body)
    _attach_riders(clauses)
    return clauses


def parse_targets(text: str) -> list[Target]:
    """「主要预期目标是：生产总值增长6%左右，……」 → the targets, in the order written."""
    return [t for c in parse_clauses(text) if c.kind == "target" for t in c.targets]


def _sentence_is_targets(sentence: str) -> bool:
    """A sentence continues the targets passage when its first clause reads as a target:
    天水's 「地区生产总值增长6.5%。规模以上工业增加值增长8%，……」, 高平's closing
    「约束性指标按照省、晋城市要求全面完成。」; not 「落实总体要求，实现预期目标，……」."""
    clauses = _clauses_of(sentence)
    return bool(clauses) and clauses[0].kind == "target"


def _passage(text: str, following: list[str]) -> str | None:
    """The targets passage that starts after the marker in `text`: the first sentence, then
    every following sentence that still lists targets. A marker line ending in ： takes its
    list from the following paragraphs (——地区生产总值增长6%左右；)."""
    m = _MARKER.search(text)
    if not m:
        return None
    rest = text[m.end():]
    if not rest.strip():
        lines = []
        for line in following:
            if not _sentence_is_targets(line):
                break
            lines.append(line)
        return "".join(x if x.endswith(("。", "；", "，")) else x + "；" for x in lines) or None
    first = _SENTENCE_END.split(rest, maxsplit=1)[0]  # the marker's sentence, kept whatever it says
    passage = first + _listing(rest[len(first):])
    # the rider may be a sentence of its own after the list (镇江 「……保持基本稳定。在实际
    # 工作中，我们将努力争取更好结果。」): targets.rider
    after = next((x for x in _SENTENCE_END.split(rest[len(passage):]) if x.strip()), "")
    said = _clauses_of(after) if _RIDER.match(after.strip()) and not _has_digit(after) else []
    if said and all(c.kind == "rider" for c in said):  # not 滁州's 「在实际工作中，各地各部门要……」
        passage += after
    # a paragraph that stops at a ； or ， (a wrapped copy split at 「增速不低于5%;」, 广州)
    # goes on in the next ones while they list targets
    for line in following if not passage.endswith(("。", "！")) else []:
        more = _listing(line)
        passage += more
        if not more or more != line or more.endswith(("。", "！")):
            break
    return passage if any(c.kind == "target" for c in _clauses_of(passage)) else None


def _listing(text: str) -> str:
    """The sentences at the head of `text` that list targets."""
    kept = []
    for s in (s for s in _SENTENCE_END.split(text) if s):
        if not _sentence_is_targets(s):
            break
        kept.append(s)
    return "".join(kept)


def find_targets_text(doc: Document) -> TargetsText | None:
    """The targets passage of a parsed report: looked for in the targets part first (the
    paragraph with 主要预期目标是： / 预期目标是： / 奋斗目标是：), then anywhere in the report.
    A list below a marker line is read on whatever part the parser gave its lines to."""
    paras = [(part.type, p) for part, _, p in doc.paragraphs()]
    texts = [_clean(p.text) for _, p in paras]
    for wanted in (lambda t: t == "targets", lambda t: t != "targets"):
        for i, ((ptype, p), text) in enumerate(zip(paras, texts, strict=True)):
            if not wanted(ptype):
                continue
            # the marker may sit after the 总体要求 in the same paragraph (定西)
            passage = _passage(text, texts[i + 1:])
            if passage:
                m = _MARKER.search(text)
                return TargetsText(passage, p.line, m.group() if m else "")
    # no marker anywhere: the list may open its paragraph with no words before it (绵阳, right
    # after the 总体要求) or after a lead-in (晋城 「综合考虑各方面因素，今年地区生产总值增长6％左右，…」)
    for i, ((ptype, p), text) in enumerate(zip(paras, texts, strict=True)):
        if ptype == "targets" or (i > 0 and _REQUIREMENTS.search(texts[i - 1])):
            passage = _unmarked_passage(text)
            if passage:
                return TargetsText(passage, p.line, "")
    return None


# The paragraph of the 总体要求, after which an unmarked list may come: 政府工作的总体要求是：… /
# 做好今年政府工作，要坚持…
_REQUIREMENTS = re.compile(r"总体要求|^做好(?:今年|明年|\d{4}年)?(?:的)?政府工作")
# What may come before an unmarked list: 综合考虑各方面因素，今年 / 2024年全市
_LEAD_IN = re.compile(r"^(?:综合(?:考虑|各方面)[^，。]{0,12}[，,])?(?:今年|明年|\d{4}年)?(?:全[市县区州旗])?")
_UNMARKED_MIN = 3  # an unmarked paragraph is the targets list only when it names this many
_NOT_PLANNED = re.compile(r"预计|过去|去年|上年|完成了|实现了")


def _unmarked_passage(text: str) -> str | None:
    """The sentences of a paragraph that open on a target and go on listing them, when they
    name at least _UNMARKED_MIN targets and report none as done (预计…增长, 完成了)."""
    lead = _LEAD_IN.match(text)  # matches at least the empty string
    passage = _listing(text[lead.end():] if lead else text)
    if _NOT_PLANNED.search(passage):
        return None
    n = sum(len(c.targets) for c in _clauses_of(passage) if c.kind == "target")
    return passage if n >= _UNMARKED_MIN else None


def find_targets(doc: Document) -> list[Target]:
    found = find_targets_text(doc)
    return parse_targets(found.text) if found else []


def _num_text(v) -> str:
    if isinstance(v, float) and v == int(v):
        return str(int(v))
    return str(abs(v)) if not isinstance(v, str) else v


def describe(t: Target) -> str:
    """The target as a clause, 「生产总值增长6%左右」, for comments beside last year's targets."""
    q = t.qualifier
    if t.assigned_by_superior:
        return f"{t.name}{q}"
    if t.relative_to_growth:
        return f"{t.name}增长{q}"
    if q == "高于平均水平":
        return f"{t.name}增速高于{t.scope}平均水平" + (f"，{t.note}" if t.note else "")
    unit = t.effective_unit

    def num(v) -> str:
        return "…" if v is None else _num_text(v) + unit

    values = num(t.value) + (f"、{num(t.value2)}" if t.value2 is not None else "")
    if t.controlled:
        if q == "以内":
            text = f"{t.name}{values}以内"
        else:
            text = f"{t.name}控制在{values}{'左右' if q == '左右' else '以内'}"
    elif t.kind == "growth":
        verb = t.verb or ("下降" if t.value is not None and t.value < 0 else "增长")
        text = f"{t.name}{'分别' if t.value2 is not None else ''}{verb}{values}{q}"
    else:
        text = f"{t.name}{t.verb or ''}{values}{q}"
    return f"{text}，{t.note}" if t.note else text
