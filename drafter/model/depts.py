"""One department, one name: 统计局, 市统计局 and 咸阳市统计局 are the same office in 咸阳市.

`drafter init` writes bare names (统计局), forms and gather the full form with the level's
unit word (市统计局 / 区统计局 / 县统计局; 县级市 → 市), and people type either, or with the
region in front. Forms, gather and the confirm sheet all name a department through
`department`, so it gets one form, one sheet and one group whatever was typed. Names outside
the known list (市委宣传部, 国网供电公司) are kept as written: a unit word there would be a guess.
"""

from __future__ import annotations

from .meta import LEVEL_WORDS

# Bare department names that take the level's unit word; the first nine are the forms
# catalogue's (office/catalogue.py) suppliers.
BARE_DEPARTMENTS = frozenset({
    "统计局", "财政局", "人社局", "发改委", "商务局", "科技局", "工信局", "农业农村局", "生态环境局",
    "税务局", "教育局", "卫健委", "卫健局", "民政局", "医保局", "市场监管局", "自然资源局", "住建局",
    "交通运输局", "水利局", "林业局", "文旅局", "应急管理局", "公安局", "司法局", "审计局",
    "行政审批局", "招商局", "大数据管理局", "政府办公室", "退役军人事务局", "城市管理局", "乡村振兴局",
})


def level_unit(level: str | None) -> str:
    """市 / 区 / 县 / 省: the word before a department's bare name (市 when the level is unknown)."""
    return LEVEL_WORDS[level].unit if level in LEVEL_WORDS else "市"


def department(name: str, level: str | None, region: str | None = None) -> str:
    """The department's one name at this level: 统计局 → 市统计局, 咸阳市统计局 → 市统计局 (in
    咸阳市), 区统计局 stays; a name outside BARE_DEPARTMENTS is returned stripped, as written."""
    name = name.strip()
    unit = level_unit(level)
    region = (region or "").strip()
    if region and region.endswith(unit) and name.startswith(region) and name[len(region):] in BARE_DEPARTMENTS:
        return unit + name[len(region):]
    return unit + name if name in BARE_DEPARTMENTS else name
