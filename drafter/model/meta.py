"""Who, where and when: the region, its level, the meeting, the speaker."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from typing import Annotated, Literal

from pydantic import AfterValidator, BeforeValidator

from .base import Model, Text, field

Level = Literal["省", "市", "州", "区", "县", "县级市"]
LEVELS: tuple[str, ...] = ("省", "市", "州", "区", "县", "县级市")


@dataclass(frozen=True)
class LevelWords:
    """The words a level implies; offices never type them, so a district's draft cannot say 全市."""

    unit: str  # 市: 全市 / 市政府 / 市委 / 市长 / 市统计局
    superior_scope: str  # 全省: 高于全省
    task_giver: str  # 省: 完成省下达的目标任务
    leadership: str  # 省委、省政府和市委 (a 县级市 with meta.parent is worded from it instead)
    speaker: str  # 市长
    outside: str  # 中央和省驻 (……咸单位)
    addressees: str  # the 部门分工 notice's addressee line: 各县市区人民政府，市人民政府各工作部门……：
    subordinate: str  # the units below the government: 各县市区 (……要结合实际抓好落实)


LEVEL_WORDS: dict[str, LevelWords] = {
    "省": LevelWords("省", "全国", "国家", "党中央、国务院和省委", "省长", "中央驻",
                     "各市（区）人民政府，省人民政府各工作部门、各直属机构：", "各市（区）"),
    "市": LevelWords("市", "全省", "省", "省委、省政府和市委", "市长", "中央和省驻",
                     "各县市区人民政府，市人民政府各工作部门、派出机构、直属事业机构：", "各县市区"),
    # An autonomous prefecture (自治州), a prefecture like 市, as 凉山's and 黔东南's reports write
    # it: 州长, 州人民政府, 省委、省政府和州委, 中央和省驻州单位; its counties are 各县（市）.
    "州": LevelWords("州", "全省", "省", "省委、省政府和州委", "州长", "中央和省驻",
                     "各县（市）人民政府，州人民政府各工作部门、各直属机构：", "各县（市）"),
    # The prefecture above a 区 or 县, as their reports write it: 市委、市政府和区委.
    "区": LevelWords("区", "全市", "市", "市委、市政府和区委", "区长", "中央、省、市驻",
                     "各街道办事处，区人民政府各工作部门：", "各街道"),
    "县": LevelWords("县", "全市", "市", "市委、市政府和县委", "县长", "中央、省、市驻",
                     "各乡镇人民政府，县人民政府各工作部门：", "各乡镇"),
    # A 县级市's own 市委 would be ambiguous next to its prefecture's: 上级 when the parent is unknown.
    "县级市": LevelWords("市", "全市", "上级", "上级党委、政府和市委", "市长", "中央、省和上级驻",
                        "各乡镇人民政府、街道办事处，市人民政府各工作部门：", "各乡镇（街道）"),
}


def level_words(level: str | LevelWords, province: str | None = None) -> LevelWords:
    """The level's words where its province is an autonomous region: 梧州 thanks 中央和自治区驻梧单位,
    compares with 全区 and finishes the tasks 自治区 set, as 广西's reports write them. Words
    already chosen are returned as they are."""
    if isinstance(level, LevelWords):
        return level
    words = LEVEL_WORDS[level]
    if level == "省" or not (province or "").endswith("自治区"):
        return words
    return replace(
        words,
        superior_scope=words.superior_scope.replace("全省", "全区"),
        task_giver=words.task_giver.replace("省", "自治区"),
        leadership=words.leadership.replace("省委、省政府", "自治区党委、政府"),
        outside=re.sub(r"(?<=[和、])省(?=[、和驻])", "自治区", words.outside),
    )


# Levels the corpus holds no report of (no 盟 or 地区 report among the 161): their own words
# (盟行政公署, 盟长, 行署专员) would be guesses, so they are refused with what to do instead.
UNSUPPORTED_LEVELS: dict[str, str] = {
    "盟": "暂不支持“盟”（语料中没有盟的报告，盟行政公署、盟长等用语无从依据）；可暂填 市 起草，再改写层级用语",
    "地区": "暂不支持“地区”（语料中没有地区行署的报告）；可暂填 市 起草，再改写层级用语",
    "旗": "暂不支持“旗”；可暂填 县 起草，再把“县”改为“旗”",
    "自治州": "自治州的层级请填 州",
    "自治县": "自治县的层级请填 县",
}


def level_problem(level: str) -> str | None:
    """What is wrong with a level given to `init --level`, in Chinese; None if nothing."""
    if level in LEVELS:
        return None
    return UNSUPPORTED_LEVELS.get(level, "") or f"层级“{level}”无效，可用：{'、'.join(LEVELS)}"


def year_problem(year: int) -> str | None:
    """What is wrong with a year given to `init --year` (the model's own bounds), or None."""
    return None if 2000 <= year <= 2100 else f"年度 {year} 不在 2000–2100 之间"


def _known_level(v: object) -> object:
    if isinstance(v, str) and v.strip() in UNSUPPORTED_LEVELS:
        raise ValueError(UNSUPPORTED_LEVELS[v.strip()])
    return v


# The ethnic part of an autonomous prefecture's name: 延边朝鲜族自治州 → 延边州, as running text
# and department names write it (凉山州统计局).
_ETHNIC = re.compile(r"^(.{2,}?)(?:朝鲜|土家|蒙古|哈萨克|柯尔克孜|布依|景颇|傈僳|哈尼|苗|侗|彝|藏|羌|傣|白|壮|回|瑶|黎)族?.*自治州$")


def prefecture_short(region: str) -> str | None:
    """凉山彝族自治州 → 凉山州; None for a name that is not an autonomous prefecture's."""
    m = _ETHNIC.match(region)
    return m.group(1) + "州" if m else None


# Levels with a prefecture city above them: their leadership chain, departments and parent name it.
BELOW_PREFECTURE = ("区", "县", "县级市")


# The longest real region names (新疆维吾尔自治区 and autonomous prefectures / counties such as
# 黔东南苗族侗族自治州) are under 20 characters; the region is repeated in the title, the core
# properties and every level word, so a runaway value is refused here.
MAX_REGION = 50


def _region_length(v: str) -> str:
    if len(v) > MAX_REGION:
        raise ValueError(f"地区全称有 {len(v)} 个字，超过上限 {MAX_REGION}：只写地区名，如：咸阳市、金台区")
    return v


class Meta(Model):
    region: Annotated[Text, AfterValidator(_region_length)] = field(
        title="地区全称", description="如：咸阳市、金台区、高平市、庄浪县",
        json_schema_extra={"maxLength": MAX_REGION},
    )
    level: Annotated[Level, BeforeValidator(_known_level)] = field(
        title="行政层级", description="省 / 市 / 州 / 区 / 县 / 县级市（州：自治州，如凉山彝族自治州；盟、地区暂不支持）"
    )
    year: int = field(
        title="报告年度", description="报告部署工作的年度（计划年度），如 2025；回顾的是上一年", ge=2000, le=2100
    )
    name: Text | None = field(
        None,
        title="文中称谓",
        description="正文中对本地区的称呼，如：清苑区；不填则用全称去掉前面的上级地区名（保定市清苑区 → 清苑区）",
    )
    place: Text | None = field(
        None, title="地名", description="如：清苑（用于“清苑发展”“建设美丽清苑”）；不填则用文中称谓去掉“市/区/县”"
    )
    short_name: Text | None = field(
        None, title="地区简称", description="如：咸（用于“驻咸部队”）；不填则同地名（州为“州”：驻州部队）"
    )
    parent: Text | None = field(
        None,
        title="上级地区",
        description="区、县、县级市填写所属的市，如：宝鸡市；县级市据此写作“晋城市委、市政府和高平市委”",
    )
    province: Text | None = field(None, title="所在省份", description="如：陕西省")
    meeting: Text | None = field(
        None, title="会议名称", description="如：咸阳市第九届人民代表大会第四次会议"
    )
    date: dt.date | None = field(None, title="会议日期", description="如 2025-01-20")
    speaker: Text | None = field(None, title="报告人姓名", description="如：冷劲松")
    speaker_title: Text | None = field(
        None, title="报告人职务", description="如：咸阳市市长；不填按层级写作“××市市长”等"
    )
    leadership: Text | None = field(
        None,
        title="上级领导表述",
        description="回顾“是……坚强领导的结果”和结尾“在……的坚强领导下”中的表述，如：省委、省政府和市委；"
        "不填按层级推定（州为“省委、省政府和州委”，区为“市委、市政府和区委”，县级市填了上级地区时为“晋城市委、市政府和高平市委”）",
    )
    government: Literal["人民政府", "政府"] = field(
        "人民政府",
        title="政府自称",
        description="人民政府：我代表区人民政府；政府：我代表区政府",
    )
    plan_period: Text | None = field(
        None, title="五年规划期", description="如：十四五；不填按年度推算（2021–2025 十四五，2026–2030 十五五）"
    )
    title: Text = field("政府工作报告", title="文稿标题")
    label: Text | None = field(
        None, title="文件标识", description="标题上方的一行，如：金台区第十九届人大二次会议文件（15）"
    )
