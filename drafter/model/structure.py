"""The office's habits: numbering, where targets and self-building sit, part headings.

These change the wording of the draft (markers such as （一） or 一是 are part of the text),
so they live in the data file; fonts and margins live in the style profile.
"""

from __future__ import annotations

from typing import Literal

from .base import Model, Text, field


class PartHeadings(Model):
    review: Text | None = field(None, title="回顾部分标题", description="不填为“2024年工作回顾”")
    targets: Text | None = field(
        None, title="目标部分标题", description="目标单列时使用，不填为“2025年工作的总体要求和预期目标”"
    )
    key_tasks: Text | None = field(
        None, title="重点工作标题", description="目标单列时为“2025年重点工作”，合并时为“2025年工作安排”"
    )


class Structure(Model):
    numbered: bool = field(True, title="部分编号", description="true：一、二、三；false：部分标题不编号")
    targets_part: Literal["separate", "combined"] = field(
        "combined",
        title="目标是否单列",
        description="separate：总体要求和预期目标单列一部分；combined：与重点工作合为“工作安排”",
    )
    review_marker: Literal["（一）", "——", "一是", "none"] = field(
        "（一）", title="回顾分项标记", description="（一） / —— / 一是 / none（不加标记）"
    )
    task_marker: Literal["auto", "（一）", "一、"] = field(
        "auto", title="重点工作分项标记", description="auto：部分编号时用（一），不编号时用一、"
    )
    task_style: Literal["own_line", "inline"] = field(
        "own_line", title="重点工作标题形式", description="own_line 单独成行 / inline 段首标题句"
    )
    headings: PartHeadings = field(default_factory=PartHeadings, title="部分标题")


class Opening(Model):
    audience: Text | None = field(
        None,
        title="请提意见的对象",
        description="如：市政协委员和其他列席人员；不填按层级生成",
    )
