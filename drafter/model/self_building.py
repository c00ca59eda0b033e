"""政府自身建设 and the closing."""

from __future__ import annotations

from typing import Literal

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
    intro: Text | None = field(None, title="导语")
    items: list[SelfBuildingItem] = list_field("要点")


class Closing(Model):
    couplet: Text | None = field(
        None, title="结尾对句", description="如：新生活因奋斗而成就，新征程因拼搏而精彩"
    )
    spirit: Text | None = field(None, title="精神状态", description="如：踔厉奋发，勇毅前行")
    vision: Text | None = field(
        None, title="奋斗目标", description="如：加快建设现代化“西部名市丝路名都”"
    )
    ending: Text | None = field(
        None, title="结束语", description="如：为谱写陕西新篇、争做西部示范贡献更大力量；不填写作“为……而团结奋斗”"
    )
