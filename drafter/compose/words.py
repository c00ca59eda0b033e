"""Words that follow from the region's level: 全市/全区/全县, 市人民政府, 市政协委员 …

Offices never type these; they are derived so a district's draft cannot say 全市.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Meta

# level → the one-character unit used in 全市 / 市政府 / 市委 / 市长.
_UNIT = {"省": "省", "市": "市", "区": "区", "县": "县", "县级市": "市"}
# The level above, for 高于全省 / 省委 wording.
_SUPERIOR = {"省": "全国", "市": "全省", "区": "全市", "县": "全市", "县级市": "全市"}
_LEADERSHIP = {
    "省": "党中央、国务院和省委",
    "市": "省委、省政府和市委",
    "区": "市委、市政府和区委",
    "县": "市委、市政府和县委",
    "县级市": "上级党委、政府和市委",  # the parent city varies: offices set meta.leadership
}
_SPEAKER = {"省": "省长", "市": "市长", "区": "区长", "县": "县长", "县级市": "市长"}


def plan_period(year: int) -> str:
    """The five-year plan in force in `year`: 2021–2025 十四五, 2026–2030 十五五 …"""
    from .numbers import cn_number

    return cn_number((year - 2021) // 5 + 14) + "五"


def period_position(year: int) -> str:
    """开局 / 收官 / 关键 — where `year` sits in its five-year plan."""
    k = (year - 2021) % 5
    return {0: "开局之年", 4: "收官之年"}.get(k, "关键一年")


@dataclass(frozen=True)
class Words:
    level: str  # 市 / 区 / 县 / 县级市 / 省
    unit: str  # 市
    scope: str  # 全市
    people: str  # 全市人民
    gov: str  # 市人民政府
    gov_short: str  # 市政府
    party: str  # 市委
    cppcc: str  # 市政协委员
    superior_scope: str  # 全省
    leadership: str  # 省委、省政府和市委
    speaker_title: str  # 咸阳市市长
    place: str  # 咸阳 (the region without 市/区/县)
    short_name: str  # 咸
    period: str  # 十四五

    @classmethod
    def of(cls, meta: Meta) -> "Words":
        u = _UNIT[meta.level]
        region = meta.region
        place = _strip_suffix(region)
        short = meta.short_name or place
        speaker_title = meta.speaker_title or f"{region}{_SPEAKER[meta.level]}"
        leadership = meta.leadership or _LEADERSHIP[meta.level]
        return cls(
            level=meta.level,
            unit=u,
            scope=f"全{u}",
            people=f"全{u}人民",
            gov=f"{u}人民政府",
            gov_short=f"{u}政府",
            party=f"{u}委",
            cppcc=f"{u}政协委员",
            superior_scope=_SUPERIOR[meta.level],
            leadership=leadership,
            speaker_title=speaker_title,
            place=place,
            short_name=short,
            period=meta.plan_period or plan_period(meta.year),
        )


def _strip_suffix(region: str) -> str:
    for suffix in ("自治县", "自治州", "新区", "市", "区", "县", "省"):
        if region.endswith(suffix) and len(region) > len(suffix) + 1:
            return region[: -len(suffix)]
    return region


# Units outside the government's chain that reports thank: 中央和省驻咸单位 …
_OUTSIDE = {"省": "中央驻", "市": "中央和省驻", "区": "中央、省、市驻", "县": "中央、省、市驻", "县级市": "中央、省和上级驻"}


def default_thanks(w: Words, region: str) -> list[str]:
    """The usual list of those thanked, as most reports of this level write it."""
    short = w.short_name
    return [
        w.people,
        "各位人大代表、政协委员",
        "各民主党派、工商联、无党派人士和人民团体",
        f"驻{short}部队和武警官兵、公安干警、消防救援指战员",
        f"{_OUTSIDE[w.level]}{short}单位",
        f"所有关心支持{w.place}发展的各界人士",
    ]
