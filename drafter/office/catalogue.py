"""The default catalogue of indicators each department supplies, for `drafter forms`.

Department names here are bare (统计局); a form names them as model/depts.department does
(市统计局 / 州统计局 / 区统计局 / 县统计局; 县级市 → 市, 省 → 省). An indicator is listed for its
department only when the data does not already name it (by `name` or an alias) anywhere: the
data knows better who supplies what. `levels` limits an indicator to some levels; levels=("none",) marks one that only assigns a
department to the figures so named and is never listed by itself.
When the data names a merged bureau (县教体局: model/depts.MERGED), the indicators of its
parts (教育局) are its own: the office told us how its government is organised.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from ..model.depts import department


@dataclass(frozen=True)
class Indicator:
    name: str
    unit: str
    aliases: tuple[str, ...] = ()
    levels: tuple[str, ...] = ()  # empty: every level


CATALOGUE: dict[str, tuple[Indicator, ...]] = {
    "统计局": (
        Indicator("地区生产总值", "亿元", ("生产总值", "GDP")),
        Indicator("规上工业增加值", "亿元", ("规模以上工业增加值",)),
        Indicator("固定资产投资", "亿元"),
        Indicator("社会消费品零售总额", "亿元"),
        Indicator("城镇居民人均可支配收入", "元"),
        Indicator("农村居民人均可支配收入", "元"),
        # the pair as a headline figure or a target (分别增长5%、7%): listed for its parts
        Indicator("城乡居民人均可支配收入", "元", ("城镇和农村居民人均可支配收入", "居民人均可支配收入"), levels=("none",)),
        # one figure of all residents (呼和浩特's target 全体居民人均可支配收入增长6.5%左右)
        Indicator("全体居民人均可支配收入", "元", levels=("none",)),
        Indicator("居民消费价格指数涨幅", "%", ("居民消费价格涨幅", "CPI涨幅", "居民消费价格总水平涨幅")),
        # 完成上级下达的能耗任务: the corpus names no bureau; the 统计局 gives the year's figure
        # (繁昌区's returned its own row 「单位生产总值能耗 -3, 完成节能减排任务」)
        Indicator("单位GDP能耗降幅", "%", ("单位GDP能耗", "单位生产总值能耗", "单位地区生产总值能耗", "单位生产总值能耗降幅",
                                       "单位GDP能耗降低", "单位生产总值能耗降低", "能耗强度", "能耗双控", "节能"), levels=("none",)),
    ),
    "财政局": (
        Indicator("一般公共预算收入", "亿元", ("地方一般公共预算收入",)),
        Indicator("一般公共预算支出", "亿元"),
        Indicator("民生支出占一般公共预算支出比重", "%", ("民生支出占比",)),
    ),
    "人社局": (
        Indicator("城镇新增就业", "万人", ("城镇就业",)),
        Indicator("城镇调查失业率", "%", ("城镇登记失业率",)),
    ),
    "发改委": (
        Indicator("重点项目完成投资", "亿元", ("省市重点项目完成投资",)),
    ),
    "商务局": (
        Indicator("进出口总额", "亿元", ("外贸进出口总额",)),
        Indicator("实际使用外资", "万美元"),
    ),
    "科技局": (
        Indicator("技术合同成交额", "亿元"),
        Indicator("高新技术企业", "家"),
    ),
    "工信局": (
        Indicator("新增规上工业企业", "家"),
    ),
    "农业农村局": (
        Indicator("粮食总产量", "万吨", ("粮食产量", "总产")),
    ),
    "生态环境局": (
        Indicator("空气质量优良天数", "天", ("优良天数",)),
        Indicator("PM2.5平均浓度", "微克/立方米", ("细颗粒物平均浓度",)),
        # a target written 「主要污染物排放完成省下达目标」: whose done the bureau answers for
        Indicator("主要污染物排放", "", ("主要污染物减排", "节能减排", "环境保护目标任务", "主要污染物排放总量削减",
                                    "主要污染物排放总量"), levels=("none",)),
        # its own indicator: an alias of the one above would make the two one form row
        Indicator("碳排放", "", ("碳排放降幅", "单位GDP二氧化碳排放降幅", "碳排放强度", "单位生产总值二氧化碳排放降幅"),
                  levels=("none",)),
    ),
    # the figures reports give most for these bureaus (corpus: 新增学位 90, 接待游客 86,
    # 旅游综合收入 30 + 旅游总收入 31); a merged bureau (教体局, 文旅体局…) takes them over
    "教育局": (
        Indicator("新增学位", "个"),
    ),
    "文旅局": (
        Indicator("接待游客", "万人次", ("游客接待量",)),
        Indicator("旅游综合收入", "亿元", ("旅游总收入",)),
    ),
}


def catalogue_for(level: str, merged: Mapping[str, str] = MappingProxyType({})) -> dict[str, tuple[Indicator, ...]]:
    """{department as named at this level: its indicators}. `merged` (model/depts.merged_parts
    of the data's departments) gives a part's indicators to the merged bureau the data names."""
    out: dict[str, tuple[Indicator, ...]] = {}
    for dept, items in CATALOGUE.items():
        name = department(dept, level)
        name = merged.get(name, name)
        out[name] = out.get(name, ()) + tuple(i for i in items if not i.levels or level in i.levels)
    return out


def catalogue_unit(name: str) -> str | None:
    """The unit the catalogue gives an indicator (by name or alias): the amount a growth
    target's row asks for beside its growth (地区生产总值 → 亿元)."""
    for items in CATALOGUE.values():
        for i in items:
            if (name == i.name or name in i.aliases) and i.unit:
                return i.unit
    return None


def catalogue_dept(name: str, level: str, merged: Mapping[str, str] = MappingProxyType({})) -> str | None:
    """The department the catalogue gives an indicator to, by name or alias (`merged`: as in
    catalogue_for); a task of the level above named with 目标 / 任务 after it (呼和浩特's
    「节能减排目标」, H115) is the indicator it names."""
    for key in dict.fromkeys((name, _TASK_END.sub("", name))):
        for dept, items in CATALOGUE.items():
            if any(key == i.name or key in i.aliases for i in items):
                return merged.get(department(dept, level), department(dept, level))
    return None


_TASK_END = re.compile(r"(?<=.{2})(目标任务|目标|任务)$")


def known_names(name: str) -> set[str]:
    """The indicator's name and its catalogue aliases (生产总值 ↔ 地区生产总值)."""
    for items in CATALOGUE.values():
        for i in items:
            if name == i.name or name in i.aliases:
                return {i.name, *i.aliases}
    return {name}
