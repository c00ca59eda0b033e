"""The office's habits: numbering, where targets and self-building sit, part headings.

These change the wording of the draft (markers such as （一） or 一是 are part of the text),
so they live in the data file; fonts and margins live in the style profile.
"""

from __future__ import annotations

from typing import Literal

from pydantic import model_validator

from .base import Model, Text, field


class PartHeadings(Model):
    review: Text | None = field(None, title="回顾部分标题", description="不填为“2024年工作回顾”")
    targets: Text | None = field(
        None, title="目标部分标题", description="目标单列时使用，不填为“2025年工作的总体要求和预期目标”"
    )
    key_tasks: Text | None = field(
        None, title="重点工作标题", description="目标单列时为“2025年重点工作”，合并时为“2025年工作安排”"
    )


class PartSubtitles(Model):
    """A line under a part heading that sums the part up: ——经济稳中有进、发展质效向好."""

    review: Text | None = field(
        None, title="回顾部分副标题", description="部分标题下的一行，如：经济稳中有进、发展质效向好（前面的“——”可不写）"
    )
    targets: Text | None = field(None, title="目标部分副标题", description="目标单列时使用")
    key_tasks: Text | None = field(None, title="重点工作副标题", description="如：奋力开创高质量发展新局面")
    self_building: Text | None = field(None, title="政府自身建设副标题", description="政府自身建设单列一部分时使用")


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
    subtitles: PartSubtitles = field(default_factory=PartSubtitles, title="部分副标题")

    @model_validator(mode="after")
    def _two_levels_not_alike(self) -> Structure:
        # 「三、2025年重点工作」 then 「一、……」: two levels with one marker (凉山, H97)
        if self.numbered and self.task_marker == "一、":
            raise ValueError("部分标题已编号（一、二、三），重点工作的分项再用“一、”就与部分同级："
                             "请把 task_marker 写作 （一） 或 auto，或把 numbered 写作 false")
        return self


class Opening(Model):
    salutation: Text | None = field(None, title="称呼", description="不填为“各位代表：”")
    report: Text | None = field(
        None,
        title="开头报告句",
        description="如：现在，我代表区政府向大会报告工作，请予审议，并请各位政协委员和列席人员提出意见。不填取自语料",
    )
    audience: Text | None = field(
        None,
        title="请提意见的对象",
        description="如：市政协委员和其他列席人员；不填按层级生成",
    )
