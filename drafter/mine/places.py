"""The place list (style_corpus/phrases/places.json), built by `drafter mine`.

Names a draft must not borrow from another report: the corpus's own regions (as written in
full, 芜湖市繁昌区; by their own name, 繁昌区; without the unit, 繁昌), their provinces and parents,
and the words jieba tags as places (ns) in the headings, leads and formulas of the corpus
(秦创原 is not one, 关中 and 成渝 are). Read at draft time by drafter.phrases.places, no jieba.

A region's name without its unit that is also part of common words (长治 of 长治久安, 大安 of 大安全, 安康 of 幸福安康) would
flag innocent phrases: when non-place words holding it occur in AMBIGUOUS_REPORTS reports or
more, only its full forms (长治市) are matched and it is listed under "ambiguous".
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

PLACES_FILE = "places.json"
PLACES_FORMAT = "drafter-place-list"
AMBIGUOUS_REPORTS = 3
_UNIT_END = re.compile(r"(?:自治州|自治县|新区|市|区|县|州|盟|旗)$")
_CJK = re.compile(r"^[\u4e00-\u9fff]+$")

# Words jieba tags ns that name no one region (城市, 美丽, 宜居 …), and generic place words.
NOT_A_PLACE = frozenset(
    """中国 中华 全国 中华人民共和国 国家 中央 全省 全市 全区 全县 城市 新建 城镇 美丽 宜居 新区 深度 美 河湖 河 湖
    文明城市 三区 上市 海洋 大桥 云 两山 英雄 东 西 南 北 开区 新城 法治化 古镇 山水 惠及 都市 江 长城 城中村 黄
    古城 绕城 湖区 上云 入市 治安 台 满意度 老城区 并联 美化 关联 城建 东路 南路 海归 入园 山林 各县区 新旧
    广大干部 城区 乡村 农村 山区 社区 园区 景区 街区 城乡 县城 主城区 中心城区 都市圈 全域 中外 海内外
    全州 全盟 全旗 县区 县市区 市县 市区 各县 各区 城关 东部 西部 南部 北部 中部 东西部 城东 城西 城南 城北
    内陆 沿海 沿江 沿边 边疆 民族地区 革命老区 老区 新时代 亚洲 欧洲 非洲 世界 国际 全球 海外 境外 省内 省外
    市内 市外 区内 县内 北方 南方 大湾区 长江经济带 港澳 港澳台 两岸 海峡 丝路 丝绸之路 一带一路 陆海 东盟
    美丽乡村 和美乡村 宜居宜业 田园 花园 公园 家园 福地 大道 高速 铁路 机场 港口 码头 口岸 新城区 片区
    城市群 中心城市 省会 首府 枢纽 村镇 乡镇 街道 村居 村庄 集镇 小镇 特色小镇 圈 带 廊道 走廊 通道
    三城 上山 东西 之城 五城 中心镇 兴城 内河 内联 内陆地区 加大力度 南北 商城 四区 外联 如山 安乐 安宁 宜居城市
    山海 广度 旧城 普及 江城 江海 沧海 法度 海岛 海港 深度广度 湾区 滨海 特大城市 科教兴市 都市区 重镇 长河 青山
    青山绿水 花城 临江 临港 宽城 阜城 水城 山城 江山 河山 山川 林区 牧区 矿区 港区 城镇化 县域""".split()
)
_GENERIC_START = ("全", "本", "我", "各", "该", "这", "新", "大")

# The prefecture-level regions that are not cities, by their short name (what reports write:
# 黔东南, 湘西, 延边), full name and province: the 30 autonomous prefectures, 3 leagues (盟)
# and 7 prefectures (地区). Listed whether or not the corpus has their report: a phrase naming
# one is another place's. Matched as 湘西, 湘西州 and the full name (ambiguous short names,
# 文山 of 文山会海, only in full, as for the corpus's regions).
PREFECTURES = tuple(
    tuple(row.split(":"))
    for row in """延边:延边朝鲜族自治州:吉林 恩施:恩施土家族苗族自治州:湖北 湘西:湘西土家族苗族自治州:湖南
    阿坝:阿坝藏族羌族自治州:四川 甘孜:甘孜藏族自治州:四川 凉山:凉山彝族自治州:四川
    黔西南:黔西南布依族苗族自治州:贵州 黔东南:黔东南苗族侗族自治州:贵州 黔南:黔南布依族苗族自治州:贵州
    楚雄:楚雄彝族自治州:云南 红河:红河哈尼族彝族自治州:云南 文山:文山壮族苗族自治州:云南
    西双版纳:西双版纳傣族自治州:云南 大理:大理白族自治州:云南 德宏:德宏傣族景颇族自治州:云南
    怒江:怒江傈僳族自治州:云南 迪庆:迪庆藏族自治州:云南 临夏:临夏回族自治州:甘肃 甘南:甘南藏族自治州:甘肃
    海北:海北藏族自治州:青海 黄南:黄南藏族自治州:青海 海南藏族:海南藏族自治州:青海 果洛:果洛藏族自治州:青海
    玉树:玉树藏族自治州:青海 海西:海西蒙古族藏族自治州:青海 昌吉:昌吉回族自治州:新疆
    博尔塔拉:博尔塔拉蒙古自治州:新疆 巴音郭楞:巴音郭楞蒙古自治州:新疆 克孜勒苏:克孜勒苏柯尔克孜自治州:新疆
    伊犁:伊犁哈萨克自治州:新疆 兴安:兴安盟:内蒙古 锡林郭勒:锡林郭勒盟:内蒙古 阿拉善:阿拉善盟:内蒙古
    大兴安岭:大兴安岭地区:黑龙江 阿里:阿里地区:西藏 阿克苏:阿克苏地区:新疆 喀什:喀什地区:新疆
    和田:和田地区:新疆 塔城:塔城地区:新疆 阿勒泰:阿勒泰地区:新疆""".split()
)


def prefecture_forms() -> tuple[set[str], set[str]]:
    """(full names: 湘西土家族苗族自治州, 湘西州, 兴安盟, 喀什地区; short names: 湘西, 兴安, 喀什)."""
    full: set[str] = set()
    short: set[str] = set()
    for name, whole, _ in PREFECTURES:
        full.add(whole)
        if whole.endswith("自治州"):
            full.add(name + "州")
        if name != "海南藏族":  # 海南 is the province
            short.add(name)
    return full, short


def place_candidate(word: str, tag: str | None = "ns") -> bool:
    """A jieba ns word worth listing: a place in jieba's dictionary (`tag`, its dictionary
    POS; words it tags ns by guessing are mostly noise: 兴市, 立市), 2+ Chinese characters,
    not a generic place word."""
    return (
        tag == "ns" and
        len(word) >= 2
        and bool(_CJK.match(word))
        and word not in NOT_A_PLACE
        and not word.startswith(_GENERIC_START)
    )


def forms(name: str) -> set[str]:
    """A region's name with and without its unit: 繁昌区 → {繁昌区, 繁昌}."""
    out = {name} if len(name) >= 2 else set()
    stem = _UNIT_END.sub("", name)
    if len(stem) >= 2:
        out.add(stem)
    return out


def build_places(regions: Iterable[dict], mined: Counter, common: Counter, provinces: Iterable[str]) -> dict:
    """The place list document.

    regions: one dict per report (file, name, full, place, province, parent, level);
    mined: ns word → reports that use it in a heading, lead or formula;
    common: non-place word → reports using it (for ambiguous names)."""
    regions = sorted(regions, key=lambda r: r["file"])
    names: set[str] = set()
    full: set[str] = set()  # names with their unit: never ambiguous
    stems: set[str] = set()  # region names without their unit: 长治, 大安 (may be ambiguous)
    for r in regions:
        for key in ("name", "full", "parent"):
            value = re.sub(r"[（(].*?[）)]", "", r.get(key) or "")
            if value:
                names |= forms(value)
                full.add(value)
                stems |= forms(value) - {value}
            # 芜湖市繁昌区 → 芜湖市 and 芜湖 as well (the parent named in the full name)
            if key == "full" and value != (r.get("name") or value):
                head = value[: len(value) - len(r["name"])] if value.endswith(r["name"]) else ""
                if head:
                    names |= forms(head)
                    full.add(head)
    pref_full, pref_short = prefecture_forms()
    names |= pref_full | pref_short
    full |= pref_full
    stems |= pref_short - full
    province_names = sorted({p for p in provinces if p})
    for p in province_names:
        names.add(p)
        if p not in ("北京", "上海", "天津", "重庆", "内蒙古", "广西", "西藏", "宁夏", "新疆"):
            names.add(p + "省")
            full.add(p + "省")
    kept_mined = {w: n for w, n in mined.items() if place_candidate(w)}
    names |= set(kept_mined)
    index: dict[str, list[str]] = {}
    for word, n in common.items():
        if n >= AMBIGUOUS_REPORTS:
            for i in range(len(word) - 1):
                index.setdefault(word[i:i + 2], []).append(word)
    ambiguous = sorted(n for n in stems - set(province_names) if n not in full and _ambiguous(n, index))
    return {
        "format": PLACES_FORMAT,
        "version": 1,
        "regions": regions,
        "provinces": province_names,
        "mined": dict(sorted(kept_mined.items())),
        "ambiguous": ambiguous,
        "names": sorted(names - set(ambiguous)),
    }


def _ambiguous(name: str, index: dict[str, list[str]]) -> bool:
    """Some longer common non-place word (in AMBIGUOUS_REPORTS reports or more) holds the name.
    (The name itself tagged otherwise, 合肥/nr, is jieba's doubt, not another word.)"""
    unit = re.compile(re.escape(name) + r"(?:市|区|县|州|盟|省|人)")
    return any(name in w and len(w) > len(name) and not unit.match(w) for w in index.get(name[:2], ()))
