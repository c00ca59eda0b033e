"""重点工作: areas → lead phrases → measures with numeric targets."""

from __future__ import annotations

from .base import Model, Text, field, list_field
from .review import Fact, Topic


class TaskItem(Model):
    lead: Text | None = field(None, title="引领句", description="段首短句，如：促进创新协同")
    measures: list[Fact] = list_field(
        "举措和目标", "每项一句文字（要注明提供部门时写 {text: ……, dept: 市卫健委}），或带数字的结构化目标（name/value/unit/qualifier）"
    )
    lead_depts: list[Text] = list_field("牵头单位", "如：市科技局")
    coop_depts: list[Text] = list_field("责任单位", "配合单位，如：市发改委、市财政局")
    all_depts: bool = field(False, title="各部门负责", description="true 表示由政府各部门负责")
    deadline: Text | None = field(None, title="完成时限", description="如：2025年12月底前；用于分工跟踪表")


class Area(Model):
    title: Text | None = field(
        None, title="方面标题", description="如：强化创新驱动，加快建设秦创原科技成果转化先行区"
    )
    intro: Text | None = field(None, title="方面导语", description="标题后的一段统领语（可不填）")
    topic: Topic | None = field(
        None, title="主题", description="如：生态；数据文件夹中同一主题的方面合为一个（drafter gather 汇总的措施并入办公室的方面）"
    )
    items: list[TaskItem] = list_field("工作事项")
    remark: Text | None = field(None, title="方面结语", description="如“各位代表，老百姓的事情是天大的事。……”")


class Livelihood(Model):
    intro: Text | None = field(
        None, title="民生实事导语", description="如：今年全市将集中力量办好以下民生实事"
    )
    items: list[Text] = list_field("民生实事", "每项一件实事；只有导语或说明时不列事项")
    note: Text | None = field(
        None,
        title="民生实事说明",
        description="接在导语（和事项）之后，如：具体项目经人大代表票决后另行印发",
    )
    counted_as: Text | None = field(
        None, title="民生实事的量词", description="事项是类别时如“大类”（办好十大类民生实事）；不填为“件”"
    )
    after_area: int | None = field(
        None, title="放在第几个方面之后", description="如 7 表示放在第七个方面之后；不填放在重点工作最后", ge=1
    )


class KeyTasks(Model):
    intro: Text | None = field(
        None, title="重点工作导语", description="如：重点抓好以下九个方面工作；不填按方面个数生成"
    )
    areas: list[Area] = list_field("工作方面")
    livelihood: Livelihood | None = field(None, title="民生实事")
