"""政府自身建设 and the closing."""

from __future__ import annotations

from typing import Literal

from pydantic import field_validator

from .base import Model, Text, field, list_field


class SelfBuildingItem(Model):
    lead: Text | None = field(None, title="引领句", description="如：旗帜鲜明讲政治")
    text: Text | None = field(None, title="展开")


class SelfBuilding(Model):
    placement: Literal["part", "before_closing", "key_task_section"] = field(
        "part",
        title="位置",
        description="part 单列一部分 / before_closing 结尾前不设标题的段落 / key_task_section 重点工作的最后一个方面",
    )
    title: Text | None = field(None, title="标题", description="如：全面加强政府自身建设；不填用“加强政府自身建设”")

    @field_validator("title")
    @classmethod
    def _a_part_has_a_heading(cls, v: str | None) -> str | None:
        if v == "":
            raise ValueError("这一部分的标题不能为空：不写这个字段则用“加强政府自身建设”")
        return v
    intro: Text | None = field(None, title="导语")
    items: list[SelfBuildingItem] = list_field("要点")
    layout: Literal["paragraphs", "一是", "inline"] = field(
        "paragraphs",
        title="要点写法",
        description="paragraphs 每项一段、引领句加粗 / 一是 合为一段“一是……二是……” / inline 合为一段、引领句接续",
    )


class Closing(Model):
    salutation: Text | None = field(None, title="称呼", description="不填为“各位代表！”")
    couplet: Text | None = field(
        None, title="结尾对句", description="如：新生活因奋斗而成就，新征程因拼搏而精彩"
    )
    rally: Text | None = field(
        None,
        title="号召句",
        description="如：让我们更加紧密地团结在以习近平同志为核心的党中央周围；不填取自语料",
    )
    leadership: Text | None = field(
        None,
        title="结尾领导表述",
        description="号召句后的整句表述，如：在市委正确领导下；不填写作“在（上级领导表述）的坚强领导下”；写 \"\" 则不要",
    )
    spirit: Text | None = field(None, title="精神状态", description="如：踔厉奋发，勇毅前行；不填用全国通用表述")
    vision: Text | None = field(
        None, title="奋斗目标", description="如：加快建设现代化“西部名市丝路名都”"
    )
    ending: Text | None = field(
        None, title="结束语", description="如：为谱写陕西新篇、争做西部示范贡献更大力量；不填写作“为……而团结奋斗”"
    )
