"""The root of a region's data file."""

from __future__ import annotations

from .base import Model, Text, field, list_field
from .meta import Meta
from .review import Review
from .self_building import Closing, SelfBuilding
from .structure import Opening, Structure
from .targets import Targets
from .tasks import KeyTasks


class GlossaryTerm(Model):
    term: Text = field(title="名词", description="如：“三个年”活动")
    definition: Text = field(title="解释")


class Report(Model):
    meta: Meta = field(title="基本信息")
    structure: Structure = field(default_factory=Structure, title="结构习惯")
    opening: Opening = field(default_factory=Opening, title="开头")
    review: Review = field(default_factory=Review, title="工作回顾")
    targets: Targets = field(default_factory=Targets, title="总体要求和预期目标")
    key_tasks: KeyTasks = field(default_factory=KeyTasks, title="重点工作")
    self_building: SelfBuilding = field(default_factory=SelfBuilding, title="政府自身建设")
    closing: Closing = field(default_factory=Closing, title="结尾")
    glossary: list[GlossaryTerm] = list_field("名词解释", "报告后附的名词解释，按出现顺序")
    glossary_title: Text | None = field(None, title="名词解释标题", description="不填为“名词解释”")

    @property
    def review_year(self) -> int:
        return self.meta.year - 1
