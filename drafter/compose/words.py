"""Words that follow from the region's level: 全市/全区/全县, 市人民政府, 市政协委员 …

Offices never type these; they are derived so a district's draft cannot say 全市.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..model import BELOW_PREFECTURE, LEVEL_WORDS, Meta, level_words
from ..model.meta import prefecture_short
from ..tree import Runs
from .numbers import cn_number


def plan_period(year: int) -> str:
    """The five-year plan in force in `year`: 2021–2025 十四五, 2026–2030 十五五 …"""
    return cn_number((year - 2021) // 5 + 14) + "五"


def period_position(year: int) -> str:
    """开局 / 承上启下 / 关键 / 收官 — where `year` sits in its five-year plan: its middle year is
    承上启下的关键之年 (2023), not 实现……目标任务的关键一年 (2024)."""
    k = (year - 2021) % 5
    return {0: "开局之年", 2: "承上启下的关键之年", 4: "收官之年"}.get(k, "关键一年")


@dataclass(frozen=True)
class Words:
    level: str  # 市 / 州 / 区 / 县 / 县级市 / 省
    unit: str  # 市
    scope: str  # 全市
    people: str  # 全市人民 (全州各族人民)
    gov: str  # 市人民政府
    gov_short: str  # 市政府
    party: str  # 市委
    cppcc: str  # 市政协委员
    superior_scope: str  # 全省
    leadership: str  # 省委、省政府和市委
    speaker_title: str  # 咸阳市市长
    name: str  # 清苑区 (the region as running text names it, without its parent city)
    place: str  # 清苑 (the name without 市/区/县: 清苑发展)
    short_name: str  # 咸
    period: str  # 十四五
    outside: str  # 中央和省驻 (……咸单位)

    @classmethod
    def of(cls, meta: Meta) -> Words:
        u = LEVEL_WORDS[meta.level].unit
        region = meta.region
        name = meta.name or running_name(region, meta.level, meta.parent)
        place = meta.place or _strip_suffix(name, meta.level)
        if not meta.place and meta.province and place == _strip_suffix(meta.province):
            place = name  # 吉林省吉林市: 关心支持吉林市发展, not the province's 吉林 (H97)
        # an autonomous prefecture's reports write 驻州部队, 中央和省驻州单位 (凉山, 黔东南)
        short = meta.short_name or (u if meta.level == "州" else place)
        # below a prefecture the running name (繁昌区区长, not 芜湖市繁昌区区长)
        titled = name if meta.level in BELOW_PREFECTURE else region
        speaker_title = meta.speaker_title or f"{titled}{LEVEL_WORDS[meta.level].speaker}"
        lw = level_words(meta.level, meta.province)
        leadership = meta.leadership or _leadership(meta.level, name, meta.parent, meta.province)
        return cls(
            level=meta.level,
            unit=u,
            scope=f"全{u}",
            people=f"全{u}各族人民" if meta.level == "州" or _of_many_peoples(meta.province) else f"全{u}人民",
            gov=f"{u}{meta.government}",
            gov_short=f"{u}政府",
            party=f"{u}委",
            cppcc=f"{u}政协委员",
            superior_scope=lw.superior_scope,
            leadership=leadership,
            speaker_title=speaker_title,
            name=name,
            place=place,
            short_name=short,
            period=meta.plan_period or plan_period(meta.year),
            outside=_outside(meta.level, meta.parent, meta.province),
        )


# 全州各族人民: every 州 report thanks its peoples so (凉山, 黔东南); so do the cities of these
# autonomous regions (style_corpus/more: 乌鲁木齐 2, 南宁 2, 柳州 1, 桂林 2, 北海 1, 钦州 1, 贵港 1,
# 百色 2, 来宾 1, 崇左 2), while 宁夏's 银川 and 内蒙古's 呼和浩特 write 全市人民 (H125).
_MANY_PEOPLES = ("新疆", "广西", "西藏")


def _of_many_peoples(province: str | None) -> bool:
    return (province or "").startswith(_MANY_PEOPLES)


# 保定市清苑区 → 保定市 + 清苑区: a prefecture (市 / 自治州 / 盟 / 地区) and two or more
# characters of a district, county or county-level city. 沙市区 or 通州区 alone do not split.
_WITH_PARENT = re.compile(r"^(?:.{2,}?(?:省|自治区))?(.{2,}?(?:市|州|盟|地区))(.+(?:区|县|市|旗))$")


def running_name(region: str, level: str, parent: str | None = None) -> str:
    """How the report names its region in running text: 保定市清苑区 → 清苑区. A prefecture
    city keeps its name (咸阳市); a province prefix is dropped (山西省高平市 → 高平市)."""
    if parent and region.startswith(parent) and len(region) > len(parent) + 1:
        return region[len(parent) :]
    if level in BELOW_PREFECTURE:
        m = _WITH_PARENT.match(region)
        if m:
            return m.group(2)
    m = re.match(r"^.{2,}?(?:省|自治区)(.{2,})$", region)
    return m.group(1) if m and level != "省" else region


def _organ(parent: str) -> tuple[str, str]:
    """A prefecture's party committee and government as a subordinate's report names them:
    晋城市 → (晋城市委, 市政府); 延边朝鲜族自治州 → (延边州委, 州政府)."""
    parent = running_name(parent, "县级市") if not parent.endswith(("省", "自治区")) else parent
    short = prefecture_short(parent)
    if short:
        return f"{short}委", "州政府"
    if parent.endswith("盟"):
        return f"{parent}委", "行署"
    if parent.endswith("地区"):
        return f"{parent[:-2]}地委", "行署"
    unit = parent[-1] if parent[-1] in "市州" else "市"
    return f"{parent}委", f"{unit}政府"


def _leadership(level: str, name: str, parent: str | None, province: str | None = None) -> str:
    """The chain 「在……的坚强领导下」 names: the level above and the region's own party
    committee. A 县级市 names its prefecture (晋城市委、市政府和高平市委), since plain 市委
    is its own."""
    if level != "县级市" or not parent:
        return level_words(level, province).leadership
    if parent.endswith("自治区"):
        return "自治区党委、政府和市委"
    if parent.endswith("省"):  # 省直管 (仙桃市)
        return "省委、省政府和市委"
    party, gov = _organ(parent)
    return f"{party}、{gov}和{name}委"


def _strip_suffix(region: str, level: str = "") -> str:
    short = prefecture_short(region) or (region if level == "州" and len(region) > 2 else "")
    if short.endswith("州"):  # 凉山彝族自治州, 凉山州 → 凉山 (建设美丽凉山), not 凉山彝族
        return short[:-1]
    for suffix in ("自治县", "自治州", "新区", "市", "区", "县", "省"):
        if region.endswith(suffix) and len(region) > len(suffix) + 1:
            return region[: -len(suffix)]
    return region


def _outside(level: str, parent: str | None, province: str | None = None) -> str:
    """Who keeps units in the region: 中央、省、市驻 for a 区; a 县级市 names its prefecture
    (中央、省、晋城市驻高单位) rather than 上级, which only stands in for an unknown parent."""
    lw = level_words(level, province)
    if level != "县级市" or not parent:
        return lw.outside
    if parent.endswith(("省", "自治区")):  # 省直管 (仙桃市)
        return f"中央和{'自治区' if parent.endswith('自治区') else '省'}驻"
    upper = "自治区" if "自治区" in lw.outside else "省"
    return f"中央、{upper}、{prefecture_short(parent) or running_name(parent, '县级市')}驻"


def default_thanks(w: Words) -> list[str]:
    """The usual list of those thanked, as most reports of this level write it."""
    short = w.short_name
    return [
        w.people,
        "各位人大代表、政协委员",
        "各民主党派、工商联、无党派人士和人民团体",
        f"驻{short}部队和武警官兵、公安干警、消防救援指战员",
        f"{w.outside}{short}单位",
        f"所有关心支持{w.place}发展的各界人士",
    ]


# The closing's 「踔厉奋发、勇毅前行」: wordings of national documents, fit for any region. A
# province's own slogan (Shaanxi's 追赶超越) is offered only to a draft of that province.
NATIONAL_SPIRITS: tuple[str, ...] = (
    "踔厉奋发、勇毅前行",
    "踔厉奋发、笃行不怠",
    "凝心聚力、实干笃行",
    "坚定信心、同心同德，埋头苦干、奋勇前进",
)
PROVINCE_SPIRITS: dict[str, tuple[str, ...]] = {
    "陕西省": ("坚定信心、发扬踔厉、追赶超越",),
}


def closing_spirits(province: str | None) -> list[str]:
    return [*NATIONAL_SPIRITS, *PROVINCE_SPIRITS.get(province or "", ())]


# Organs above a prefecture: a district's or county's mined sentence naming them directly
# (「省委、省政府坚强领导」) skips the prefecture that leads it.
_ABOVE_PREFECTURE = re.compile(r"国务院|省委|省政府|省、州|省州|自治区党委|自治区政府|自治区人民政府")
_AUTONOMOUS = re.compile(r"自治区党委|自治区政府|自治区人民政府")
# An autonomous prefecture's or league's own organs and people (州人大、州政协、全州各族人民): a
# 黔东南 formula thanked them in 宜宾市's draft (H87).
_PREFECTURE_OF_ITS_OWN = re.compile(r"全([州盟])|([州盟])(?:委|人大|政协|人民政府|政府)")


# A province's literary name in a mined sentence (「津沽大地发生的变化」) ties it to that
# province: offered to a draft of that province only. Names that are also ordinary words
# (中原城市群 is Henan's, but 江南 or 天府 are not safe either way) are left out.
_PROVINCE_NICKNAMES: dict[str, str] = {
    "津沽": "天津", "津门": "天津", "申城": "上海", "三秦": "陕西", "三晋": "山西", "齐鲁": "山东",
    "燕赵": "河北", "中原大地": "河南", "荆楚": "湖北", "三湘": "湖南", "潇湘": "湖南", "八桂": "广西",
    "巴渝": "重庆", "巴蜀": "四川", "陇原": "甘肃", "江淮大地": "安徽", "八闽": "福建", "赣鄱": "江西",
    "岭南": "广东", "龙江": "黑龙江", "塞上": "宁夏", "天山南北": "新疆", "雪域": "西藏", "琼州": "海南",
    "黔山贵水": "贵州", "七彩云南": "云南", "浙里": "浙江", "吉林大地": "吉林",
}


def names_other_province(text: str, province: str | None) -> bool:
    """Does `text` call another province by its literary name (三秦大地 in a Shanxi draft)?"""
    own = province or ""
    return any(nick in text and not own.startswith(prov) for nick, prov in _PROVINCE_NICKNAMES.items())


def fits_place(text: str, w: Words, province: str | None) -> bool:
    """Is a mined sentence right for this region's level and province? The draft's own
    leadership wording (filled into the slot) is not held against it."""
    rest = text.replace(w.leadership, "")
    if names_other_province(rest, province):
        return False
    if w.level in BELOW_PREFECTURE and _ABOVE_PREFECTURE.search(rest):
        return False
    if _AUTONOMOUS.search(rest) and not (province or "").endswith("自治区"):
        return False
    if any((m.group(1) or m.group(2)) != w.unit for m in _PREFECTURE_OF_ITS_OWN.finditer(rest)):
        return False
    return "人民政府" not in rest or "人民政府" in w.gov  # else the office calls itself 区政府


def phrase_fits(
    text: str,
    w: Words,
    province: str | None,
    need: str | None = None,
    without: str | None = None,
    not_start: str | tuple[str, ...] = (),
) -> bool:
    """A mined formula a template may use: right for the place, holding what the template
    requires (`need`, e.g. the leadership chain), free of what it will add itself (`without`),
    and not opening with words that point back at something absent (`not_start`, 「这是」)."""
    return (
        fits_place(text, w, province)
        and (not need or need in text)
        and (not without or without not in text)
        and not (not_start and text.startswith(tuple(not_start) if not isinstance(not_start, str) else not_start))
    )


def first_fitting(pick: Callable[[str], Any], key: str, fits: Callable[[str], bool], tries: int = 6) -> Any:
    """The first pick that fits; each refused entry is spent, so the next try draws another.
    The first try uses the plain key, so a fitting choice is the same as without the test."""
    for i in range(tries):
        runs = pick(key if i == 0 else f"{key}#{i}")
        if not runs or fits(str(runs)):
            return runs
    return Runs([])
