"""One department, one name: 统计局, 市统计局, 咸阳市统计局 and 市人力资源和社会保障局 / 市人社局
are each one office in 咸阳市.

`drafter init`, forms and gather write the full form with the level's unit word, as the
examples do (市统计局 / 州统计局 / 区统计局 / 县统计局; 县级市 → 市); people type that, the bare name, the
name with the region in front, or the long official name (市发展和改革委员会 for 市发改委). Forms, gather and
the confirm sheet all name a department through `department`, so it gets one form, one sheet
and one group whatever was typed. Names outside the known list (市委宣传部, 国网供电公司) are
kept as written: a unit word there would be a guess.
"""

from __future__ import annotations

from collections.abc import Iterable

from .meta import BELOW_PREFECTURE, LEVEL_WORDS, prefecture_short

# Bare department names that take the level's unit word, as forms and the confirm sheet write
# them: the short forms the forms catalogue (office/catalogue.py) and the examples' `dept` use.
BARE_DEPARTMENTS = frozenset({
    "统计局", "财政局", "人社局", "发改委", "发改局", "商务局", "科技局", "工信局", "农业农村局",
    "生态环境局", "税务局", "教育局", "卫健委", "卫健局", "民政局", "医保局", "市场监管局",
    "自然资源局", "住建局", "交通运输局", "水利局", "林业局", "文旅局", "应急管理局", "公安局",
    "司法局", "审计局", "行政审批局", "招商局", "大数据管理局", "政府办公室", "退役军人事务局",
    "城市管理局", "乡村振兴局",
    "体育局", "广电局", *("教体局", "文旅体局", "文广旅局", "城管执法局"),  # merged bureaus: MERGED below
})

# Long official names and usual short forms → the bare name above. 发改 and 卫健 are a
# 委员会 in a 省 or 市 and a 局 in a 区, 县 or 县级市 (咸阳: 市发改委; 金台区, 高平市: 发改局),
# so both spellings of those map to "发改委" / "卫健委" and `_at_level` picks the level's.
ALIASES: dict[str, str] = {
    "人力资源和社会保障局": "人社局", "人力资源社会保障局": "人社局",
    "发展和改革委员会": "发改委", "发展改革委员会": "发改委", "发展改革委": "发改委",
    "发展和改革局": "发改委", "发展改革局": "发改委", "发改局": "发改委",
    "住房和城乡建设局": "住建局", "住房城乡建设局": "住建局",
    "自然资源和规划局": "自然资源局", "规划和自然资源局": "自然资源局",
    "农业局": "农业农村局",
    "市场监督管理局": "市场监管局",
    "卫生健康委员会": "卫健委", "卫生健康委": "卫健委", "卫生健康局": "卫健委", "卫健局": "卫健委",
    "环保局": "生态环境局", "环境保护局": "生态环境局",
    "文化和旅游局": "文旅局", "文化旅游局": "文旅局",
    "工业和信息化局": "工信局", "工业和信息化委员会": "工信局", "经济和信息化局": "工信局",
    "科学技术局": "科技局",
    "交通局": "交通运输局",
    "医疗保障局": "医保局",
    "应急局": "应急管理局",
    "行政审批服务局": "行政审批局", "审批局": "行政审批局",
    "大数据局": "大数据管理局",
    "政府办": "政府办公室",
    "城管局": "城市管理局",
    # merged bureaus (MERGED): every long spelling and usual short form → one short form
    "教育体育局": "教体局", "教育和体育局": "教体局",
    "文化旅游体育局": "文旅体局", "文化和旅游体育局": "文旅体局", "文化旅游和体育局": "文旅体局",
    "文化体育和旅游局": "文旅体局", "文化体育旅游局": "文旅体局", "文体旅游局": "文旅体局", "文体旅局": "文旅体局",
    "文化广电和旅游局": "文广旅局", "文化广电旅游局": "文广旅局", "文化广电体育和旅游局": "文广旅局",
    "文化广电旅游体育局": "文广旅局", "文广旅体局": "文广旅局", "文广体旅局": "文广旅局",
    "城市管理执法局": "城管执法局", "城市管理综合执法局": "城管执法局", "城市管理行政执法局": "城管执法局",
    "城市管理和综合执法局": "城管执法局", "城市管理综合行政执法局": "城管执法局", "综合行政执法局": "城管执法局",
}

# Counties and districts merge bureaus. A merged bureau is a department of its own, never one
# of its parts (教体局 → 教育局 would rename a real office): merged bureau → the bare names of
# the parts whose catalogue indicators it supplies once the data names it (office/catalogue.py).
# Short forms as real reports write them (../shared/corpus, 161 reports, counted 2026-11):
# 「区教体局」 1, 「教体事业」「教体文卫」 2; 「文旅体」 19 (文旅体融合, 市文旅体投); 文广旅 0 and no
# 文化广电…旅游局 spelling either, so 文广旅局 takes the same initials pattern; 「城管执法」 2
# (城管执法体制改革) where 「城管」 alone (41: 数字城管, 大城管, 城管进社区) is city management as a
# whole. So 城管局 stays 城市管理局, and the 执法 spellings (综合行政执法局 included: the
# county office that took over 城管's enforcement) are 城管执法局; a region has one or the other,
# and when its data names 城管执法局 that office also supplies 城市管理局's indicators.
MERGED: dict[str, tuple[str, ...]] = {
    "教体局": ("教育局", "体育局"),
    "文旅体局": ("文旅局", "体育局"),
    "文广旅局": ("文旅局", "广电局"),
    "城管执法局": ("城市管理局",),
}

# 委员会 at 省, 市 and 州, 局 below (a 县级市 included, though its unit word is 市).
_BUREAU_BELOW_CITY = {"发改委": "发改局", "卫健委": "卫健局"}


def level_unit(level: str | None) -> str:
    """市 / 区 / 县 / 省: the word before a department's bare name (市 when the level is unknown)."""
    return LEVEL_WORDS[level].unit if level in LEVEL_WORDS else "市"


def _at_level(bare: str, level: str | None) -> str | None:
    """The department's bare name at this level, or None when `bare` is not a known one."""
    bare = ALIASES.get(bare, bare)
    if bare not in BARE_DEPARTMENTS:
        return None
    return _BUREAU_BELOW_CITY.get(bare, bare) if level in BELOW_PREFECTURE else bare


def merged_parts(named: Iterable[str], level: str | None) -> dict[str, str]:
    """{part as named at this level: the merged bureau as named at this level} for the merged
    bureaus among `named` (departments already passed through `department`): 县教体局 in
    the data → {县教育局: 县教体局, 县体育局: 县教体局}."""
    unit = level_unit(level)
    out: dict[str, str] = {}
    for name in sorted(set(named)):  # sorted: two merged bureaus sharing a part pick the same one each run
        bare = name[len(unit):] if name.startswith(unit) else None
        for part in MERGED.get(bare or "", ()):
            out.setdefault(department(part, level), name)
        # a branch of the city's bureau serves as the district's: 宝鸡市生态环境局金台分局 is 金台's
        # 区生态环境局 (a second form under the catalogue's name went nowhere, H94)
        if name.endswith("分局"):
            own = next((b for b in sorted(BARE_DEPARTMENTS, key=len, reverse=True) if b in name[:-2]), None)
            if own is not None:
                out.setdefault(department(own, level), name)
    return out


def bare_department(name: str) -> str:
    """The department's bare name by its longest known ending, whatever stands before it
    (咸阳市人力资源和社会保障局 → 人社局, 市市场监管局 → 市场监管局); the name itself, stripped,
    when no known name ends it."""
    name = name.strip()
    for i in range(len(name) - 1):  # the longest ending first: 市场监管局 before 场监管局
        ending = name[i:]
        if ending in BARE_DEPARTMENTS or ending in ALIASES:
            return ALIASES.get(ending, ending)
    return name


def department(name: str, level: str | None, region: str | None = None) -> str:
    """The department's one name at this level: 统计局 → 市统计局, 咸阳市统计局 → 市统计局 (in
    咸阳市), 繁昌区住房和城乡建设局 → 区住建局 (in 芜湖市繁昌区), 市人力资源和社会保障局 → 市人社局; 区统计局 in a 市 stays, and so does a name
    outside BARE_DEPARTMENTS and ALIASES, stripped, as written."""
    name = name.strip()
    unit = level_unit(level)
    region = (region or "").strip()
    # the whole name first: 市场监管局 is bare, not 市 + 场监管局; then the region as a
    # signature writes it, in full or by its running name (芜湖市繁昌区 / 繁昌区住房和城乡建设局 →
    # 区住建局), never its parent's (芜湖市住建局 is the city's office)
    own = ([region[i:] for i in range(len(region) - 2)] or [region]) if region.endswith(unit) else []  # 繁昌区, not 昌区; 眉县
    if unit == "州" and (short := prefecture_short(region)):  # 凉山州统计局 in 凉山彝族自治州
        own.append(short)
    prefixes = ["", *own, unit]
    for prefix in prefixes:
        if name.startswith(prefix) and (bare := _at_level(name[len(prefix):], level)):
            return unit + bare
    return name
