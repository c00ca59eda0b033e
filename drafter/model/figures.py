"""Figures: a named indicator with value, unit, growth and comparisons.

Every figure carries its status (预计 / 快报 / 核实) and the department that supplied it:
drafting offices send each figure back to its department to confirm, and estimated figures
are written with 预计 as real reports do.
"""

from __future__ import annotations

from typing import Annotated, ClassVar, Literal

from pydantic import Discriminator, Tag, model_validator

from .base import Model, Number, Text, field, list_field

Status = Literal["预计", "快报", "核实"]


class Comparison(Model):
    # one item as `validate` shows it when `compare` is not a list (compare: 1.5)
    EXAMPLE: ClassVar[str] = "{scope: 全省, diff: 1.5}（高于全省1.5个百分点）"

    scope: Text = field(title="比较对象", description="如：全省、全国、全市平均；没有差值时写全，如“全国、全省平均水平”")
    diff: Number | None = field(
        None, title="差值", description="正数写作“高于”，负数写作“低于”，0 写作“持平”，如 2.2；报告只说高于或低于时留空，填 relation"
    )
    unit: Text = field("个百分点", title="差值单位")
    relation: Literal["", "高于", "低于", "持平"] = field(
        "", title="比较关系", description="没有差值时必填：高于 / 低于 / 持平（“高于全国、全省平均水平”）；有差值时按正负写"
    )

    @model_validator(mode="after")
    def _direction_known(self) -> Comparison:
        if self.diff is None and not self.relation:
            raise ValueError("没有差值（diff）时请填写比较关系 relation：高于 / 低于 / 持平，否则无法成句")
        # a diff of 0 is 持平 (与全省持平), never 「高于全省0个百分点」
        sign = "持平" if self.diff == 0 else ("高于" if self.diff is not None and self.diff > 0 else "低于")
        if self.diff is not None and self.relation and self.relation != sign:
            raise ValueError(f"比较关系“{self.relation}”与差值 {self.diff} 的正负不符（正数为高于，负数为低于，0 为持平）")
        return self


class Rank(Model):
    scope: Text = field(title="排名范围", description="如：全省、全省县（市）")
    place: int = field(title="名次", description="如 1 写作“第一”", ge=1, le=999)
    of: Literal["增速", "总量", ""] | None = field(
        None,
        title="排名依据",
        description="增速 / 总量 / \"\"（只说“排名全市第3”）；不写时按指标推断：只有数值排的是数值（140家、居全省第一），"
        "有增速排的是增速（增长8%、居全省第一）",
    )
    from_bottom: bool = field(False, title="倒数排名", description="true 写作“倒数第二”")
    numeral: Literal["汉字", "数字"] = field(
        "汉字", title="名次写法", description="汉字：第三（默认）；数字：第3，与部门报送的写法一致"
    )



def ranks_of(rank: Rank | list[Rank] | None) -> list[Rank]:
    """A rank field (a figure's, a check's) as a list: none, one, or two."""
    if rank is None:
        return []
    return rank if isinstance(rank, list) else [rank]


def settle_rank_basis(ranks: list[Rank], growth: bool) -> None:
    """An unwritten basis is 增速 when the growth is what is ranked (`growth`, or another rank
    names 总量), else '' (the value, or the indicator itself). Set past pydantic, so `of`
    stays unwritten."""
    by_value = not growth and not any(r.of == "总量" for r in ranks)
    for r in ranks:
        if r.of is None:
            object.__setattr__(r, "of", "" if by_value else "增速")

# The approximate words written after the number, before its unit (3000余家); the rest go before it.
APPROX_AFTER = ("余", "多")
# Magnitude words a unit may start with; longest first (万亿元 before 万元).
MAGNITUDES = ("万亿", "亿", "万")


def approx_after_magnitude(number: str, unit: str | None) -> str:
    """The head of `unit` that a 余 / 多 follows, '' when it follows the `number` as written. After a
    decimal it goes after 万 / 亿: 4.23万余户 (corpus 33 万余 : 0 余万 after decimals), never
    4.23余万户; after a whole number both occur (20余万人 22, 20万余人 38; 50多亿元 10, 50亿多 4)
    and it stays before, as it was. 千 starts units (千瓦, 千米), not magnitudes."""
    if not unit or "." not in number:
        return ""
    return next((m for m in MAGNITUDES if unit.startswith(m)), "")


def written_number(number: str, approx: str, unit: str | None) -> str:
    """The number with its approximate word and unit as the draft writes them, for messages:
    约3000户, 3000余户, 4.23万余户 (compose/figures writes the same as runs)."""
    unit = unit or ""
    if approx not in APPROX_AFTER:
        return f"{approx}{number}{unit}"
    mag = approx_after_magnitude(number, unit)
    return f"{number}{mag}{approx}{unit[len(mag):]}"


class Figure(Model):
    """One fact with a number: 「生产总值达到2878亿元、增长4.3%」."""

    name: Text = field(title="指标或事项", description="如：生产总值、新增规上工业企业、累计为企业减免退缓税费")
    verb: Text | None = field(
        None, title="动词", description="数值前的动词，如 达到、新增、完成；总体指标不填时用“达到”，其他不填则不加"
    )
    value: Number | None = field(None, title="数值", description="只写数字，如 2878；单位写在 unit")
    approx: Literal["", "约", "余", "多", "超", "近"] = field(
        "", title="约数词", description="约 / 超 / 近写在数值前（约3000家），余 / 多写在数值后（3000余家、300多项）"
    )
    unit: Text | None = field(None, title="单位", description="如：亿元、万户、家、%")
    value2: Number | None = field(None, title="第二个数值", description="“分别达到93%、91%”的第二个数")
    qualifier: Literal["", "左右", "以上", "以内", "以下"] = field(
        "", title="限定词",
        description="左右 / 以上 / 以内 / 以下（降至35%以下），写在数值后；只有增速时写在增速后；约 / 超 / 近 / 余 / 多写在 approx",
    )
    growth: Number | None = field(None, title="增速（%）", description="同比增速，负数写作“下降”")
    growth_verb: Text | None = field(None, title="增速动词", description="默认“增长”，可写“同比增长”")
    compare: list[Comparison] = list_field("比较", "如 高于全省2.2个百分点")
    rank: Rank | list[Rank] | None = field(
        None, title="排名", description="如 增速居全省第一；两个排名写成列表：增速全省第二、总量全省第三"
    )
    form: Literal["", "name_first", "verb_first", "number_first"] = field(
        "",
        title="句式",
        description="留空按语料措辞；name_first 指标在前（城镇就业新增5.14万人）；verb_first 动词在前"
        "（办复人大代表建议55件）；number_first 数在前（……等16个项目建成投产；出台、实施等及物动词仍在前："
        "出台……等4方面政策措施）",
    )
    examples: list[Text] = list_field(
        "举例", "数在前句式中“等”之前的例子，如 西电智慧产业园、神电智能电器 → ……等16个项目建成投产"
    )
    note: Text | None = field(None, title="补充说明", description="接在数字后的说明，如“连续两年获全省促消费稳增长先进市”")
    end: Literal["，", "、", "；", "。"] | None = field(
        None, title="之后的标点", description="与下一项之间的标点：默认“，”；“、”并列，“；”分句，“。”结束句子"
    )
    status: Status | None = field(None, title="数据状态", description="预计 / 快报 / 核实；预计数在文中写“预计”")
    dept: Text | None = field(None, title="提供部门", description="如：市统计局")

    @property
    def ranks(self) -> list[Rank]:
        return ranks_of(self.rank)

    @model_validator(mode="after")
    def _rank_basis(self) -> Figure:
        """A rank whose basis is not written ranks what the figure states: its value when it
        has no growth (「新升规工业企业140家、居全省第一」), else its growth — the corpus writes
        「增长7%、增速居全省第3位」 after a value and a growth, never 增速 after a value alone.
        Set past pydantic, so `of` stays unwritten (the frames leave an unwritten 增速 unsaid)."""
        has_growth = self.growth is not None or "growth" in self.model_fields_set
        # With neither a value nor a growth it ranks the indicator itself, with no basis
        # (「营商环境评价排名全省第二」, never an invented 增速, H107). …Unless another rank
        # names 总量: then the unwritten one is the growth's (「46亿元、增速居全省第二、总量居全省第三」)
        settle_rank_basis(self.ranks, growth=has_growth)
        return self

    @model_validator(mode="after")
    def _nothing_silently_lost(self) -> Figure:
        if self.examples and self.form != "number_first":
            raise ValueError("举例（examples）只用于数在前句式：请写 form: number_first，否则例子不会写入初稿")
        if self.form == "number_first" and (self.value is None and "value" not in self.model_fields_set):
            raise ValueError("数在前句式（number_first）需要数值 value，如 16（……等16个项目建成投产）")
        return self


def _fact_kind(v: object) -> str:
    return "figure" if isinstance(v, (dict, Figure)) else "text"


# A fact in a review section or a key-task item: free text, or a structured figure.
Fact = Annotated[
    Annotated[Text, Tag("text")] | Annotated[Figure, Tag("figure")],
    Discriminator(_fact_kind),
]
