"""Nothing the office wrote is lost without a word: every value of the data file appears in
the draft, or `validate` says why it will not.

The draft's runs know the data path they came from, so the check is a set difference: the
paths of the values written in the data file, less the paths the composed document used.
What is left is either a field that never goes into the text by design (the department that
supplied a figure, a layout choice; see NOT_IN_TEXT with the reason) or a value the draft
dropped — a warning naming file:line:column, the field and why.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable

from ..datapath import format_path
from ..errors import Problem
from ..model.targets import ASSIGNED, NO_NUMBER, RELATIVE
from ..readers.yaml_data import Loaded
from ..tree import Document

# Fields that shape the draft without being printed, by their own name; the reason is the
# message `validate` would give if asked.
NOT_IN_TEXT: dict[str, str] = {
    "dept": "提供部门只用于数据核对表和批注",
    "actual_dept": "提供部门只用于数据核对表和批注",
    "status": "数据状态只用于核对表；预计数在文中写“预计”",
    "actual_status": "数据状态只用于核对表；预计数在文中写“预计”",
    "lead_depts": "牵头单位用于部门分工（drafter division）",
    "coop_depts": "责任单位用于部门分工（drafter division）",
    "all_depts": "用于部门分工（drafter division）",
    "deadline": "完成时限用于分工跟踪表",
    "kind": "指标类型决定措辞（增长 / 达到 / 控制在）",
    "level": "层级决定用语（全市 / 全区 …）",
    "province": "所在省份用于选择措辞",
    "parent": "上级地区用于上级领导和致谢用语",
    "after_area": "决定民生实事放在第几个方面之后",
    "placement": "决定政府自身建设放在哪里",
    "wording": "决定致谢用语",
    "end": "决定与下一项之间的标点",
    "layout": "决定政府自身建设的排法",
    "form": "决定数字的写法（数字在前 / 动词在前）",
    "from_bottom": "决定名次的写法（倒数第几）",
    "numeral": "决定名次的写法（第一 / 第1）",
    "relation": "决定比较的写法",
    "topic": "主题用于把数据文件夹中同一主题的方面合为一个",
}
# Meta words that only the default wordings print (驻咸部队, 在……的坚强领导下).
_DEFAULT_WORDING_ONLY = ("short_name", "leadership", "speaker_title", "name", "place", "government", "parent")
# Qualifiers the composer says in its own fixed words around the target (「控制在5%以内」,
# 「完成省下达的目标任务」), whether by hand or in a mined frame: stated with the target's name.
_WORDED_QUALIFIERS = ("控制在以内", ASSIGNED)
# Whole branches that are settings, not text.
SETTINGS = ("structure",)
_FROM_DATA = frozenset(("data", "placeholder", "derived"))  # the kinds of run whose ref is a data path
# Words of the draft that come from meta fields by way of a phrase slot or a default list.
_SLOT_FIELDS = {
    "上级领导": ("meta.leadership", "meta.parent"),
    "简称": ("meta.short_name",),
    "地区": ("meta.region", "meta.place", "meta.name"),
    "地区全称": ("meta.region", "meta.name"),
    "规划": ("meta.plan_period",),
}
_WORD_FIELDS = {"words.thanks": ("meta.short_name", "meta.region", "meta.place")}


class _Used:
    """The paths the draft states: a value is used when its own path, or a path inside it,
    made a run (review.headline[0] is used by review.headline[0].value), or a slot or word
    list names it. Most values are stated by their own path, a set lookup (`stated`); only
    the few values left out that are not containers look for a path inside them (`inside`,
    by bisection in the sorted paths), rather than every stated path adding all the paths
    above it."""

    def __init__(self, doc: Document, extra: Iterable[str]):
        # a set first: a draft states ~700 paths, a few of them twice
        written = {r.source.ref for r in doc.runs() if r.source.kind in _FROM_DATA}
        written.update(extra)
        self.paths: set[str] = set()
        named: set[str] = set()  # fields named by a slot or a word list, without their parents
        for given in written:
            path, _, slot = given.partition("#")
            self.paths.add(path)
            if slot:  # a phrase's slot filled with the draft's own words (…#上级领导)
                named.update(_SLOT_FIELDS.get(slot, ()))
            elif given in _WORD_FIELDS:
                named.update(_WORD_FIELDS[given])
        self.named = named
        self._sorted: list[str] | None = None  # made on the first path not stated as it is

    def stated(self, shown: str) -> bool:
        return shown in self.paths or shown in self.named

    def inside(self, shown: str) -> bool:
        """Whether a stated path lies inside `shown` (review.headline[0].value inside
        review.headline[0]): what every stated path adding the paths above it would say."""
        if self._sorted is None:
            self._sorted = sorted(self.paths)
        return any(_has_prefix(self._sorted, shown + step) for step in ".[")


def _has_prefix(ordered: list[str], prefix: str) -> bool:
    """Whether a string of the sorted list starts with `prefix`."""
    i = bisect_left(ordered, prefix)
    return i < len(ordered) and ordered[i].startswith(prefix)


def unused_values(loaded: Loaded, doc: Document, extra_used: Iterable[str] = ()) -> list[Problem]:
    used = _Used(doc, extra_used)
    problems: list[Problem] = []
    data = loaded.data
    for path in loaded.value_paths():  # a Pos only for the values left out
        if not path or path[0] in SETTINGS:
            continue
        # Most values are stated: their shown path first, and nothing else. format_path keeps
        # the paths it formatted (the composer formats the same ones), so in a warm draft this
        # is a lookup; only the few values left are looked up in the data.
        shown = format_path(path)
        if used.stated(shown):
            continue
        if path[-1] == "text" and used.stated(format_path(path[:-1])):
            continue  # {text: …, dept: …}: the fact is drafted as its text (model/review.SaidText)
        value = _value_at(data, path)
        if isinstance(value, (dict, list)):
            continue  # a container
        last = path[-1] if isinstance(path[-1], str) else next((p for p in reversed(path) if isinstance(p, str)), "")
        if last in NOT_IN_TEXT or value is None or value == "":
            continue  # not printed by design, or empty on purpose ("" means "no such sentence")
        if used.inside(shown):
            continue
        if last == "verb" and _verb_said_by_a_later_target(data, path, used):
            continue
        if last == "qualifier" and value in _WORDED_QUALIFIERS and used.stated(shown.removesuffix("qualifier") + "name"):
            continue
        pos = loaded.value_at(path)
        assert pos is not None  # one of the paths of the values
        problems.append(Problem(pos.file, pos.line, pos.column, shown, f"这个值不会出现在初稿中：{why(shown, loaded)}"))
    return problems


def _verb_said_by_a_later_target(data, path: tuple, used: _Used) -> bool:
    """完成上级下达任务 targets in a row with one verb are drafted with it once, after the last
    of them (compose/figures.targets_runs): 「单位GDP能耗降幅、碳排放降幅完成市下达任务」."""
    items = _get(data, "targets.indicators")
    if path[:2] != ("targets", "indicators") or len(path) != 4 or not isinstance(items, list):
        return False
    i = path[2]
    while i + 1 < len(items):
        a, b = items[i], items[i + 1]
        if not (isinstance(a, dict) and isinstance(b, dict) and a.get("qualifier") == ASSIGNED == b.get("qualifier")
                and not a.get("note") and not b.get("note") and not a.get("end") and a.get("verb") == b.get("verb")):
            return False
        i += 1
        if used.stated(format_path(("targets", "indicators", i, "verb"))):
            return True
    return False


def _get(data, dotted: str):
    return _value_at(data, _parse(dotted))


def _owner(data, path: str):
    return _get(data, path.rsplit(".", 1)[0])


# (pattern of the path, when it applies, reason): where a template leaves a value out on purpose.
_REASONS = (
    (r"^opening\.audience$", lambda d, p: bool(_get(d, "opening.report")),
     "已写了 opening.report（整句开场白），请提意见的对象写在那句里"),
    (r"^meta\.plan_period$", lambda d, p: bool(_get(d, "targets.context")),
     "规划期只用于默认的年度定位句，本文件已写了 targets.context"),
    (r"^review\.self_building_intro$", lambda d, p: not _get(d, "review.self_building"),
     "没有 review.self_building 事项时不写这句导语"),
    (r"^review\.checks_intro$", lambda d, p: not _get(d, "review.checks"),
     "没有上年目标完成情况（review.checks）时不写这句导语"),
    (r"^review\.other_work_ending$", lambda d, p: not _get(d, "review.other_work"),
     "没有其他工作（review.other_work）时不写这句结语"),
    (r"^self_building\.title$", lambda d, p: (_get(d, "self_building.placement") or "part") != "part",
     "政府自身建设不单列一部分（placement 不是 part）时没有标题"),
    (r"^glossary_title$", lambda d, p: not _get(d, "glossary"), "没有名词解释条目时不生成附录"),
    (r"^key_tasks\.livelihood\.counted_as$",
     lambda d, p: bool(_get(d, "key_tasks.livelihood.intro")) or not _get(d, "key_tasks.livelihood.items"),
     "民生实事写了导语（intro）或没有事项时，量词不出现：请写在导语里"),
    (r"\.(value|value2|unit|verb)$",
     lambda d, p: isinstance(_owner(d, p), dict) and _owner(d, p).get("qualifier") in NO_NUMBER,
     "这项目标按限定（与经济增长同步 / 完成上级下达任务 等）表述，不写数值、单位和动词"),
    (r"\.(value|value2|unit|verb)$",
     lambda d, p: isinstance(_owner(d, p), dict) and _owner(d, p).get("qualifier") in RELATIVE,
     "“高于平均水平 / 不高于上年 / 不低于上年”的目标不写数值、单位和动词；要写“增速高于全省1个百分点”，"
     "请把它写成总量目标（kind: level，名称“地区生产总值增速高于全省”，value: 1，unit: 个百分点）"),
    (r"(?:indicators|checks)\[\d+\]\.verb$",
     lambda d, p: isinstance(_owner(d, p), dict) and (
         _owner(d, p).get("kind") == "control" or _owner(d, p).get("qualifier") == "控制在以内"),
     "控制类目标写作“控制在…以内”，不另写动词；要照自己的说法写，请改为总量目标（kind: level）并写 verb"),
)


def why(path: str, loaded: Loaded) -> str:
    """The likely reason, for the common cases; otherwise say where to look."""
    for pattern, applies, reason in _REASONS:
        if re.search(pattern, path) and applies(loaded.data, path):
            return reason
    if path.startswith("meta.") and path.removeprefix("meta.") in _DEFAULT_WORDING_ONLY:
        return "这一项只用于默认措辞（如默认的致谢对象、成绩归因和结尾），本文件已写了自己的句子"
    if path.endswith(".value2"):
        return "第二个数值只在有第一个数值时写出"
    return "当前模板没有用到这个字段（请检查它是否放错了位置，或在自定义模板中使用它）"


def _value_at(data, path):
    for p in path:
        try:
            data = data[p]
        except (KeyError, IndexError, TypeError):
            return None
    return data


_STEP = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


def _parse(path: str) -> tuple:
    return tuple(int(i) if i else name for name, i in _STEP.findall(path))
