"""The layout profile: page, fonts and numbering looks of the .docx.

GB/T 9704-2012 is the default (gbt9704.yaml beside this file). An office whose local rules
differ (page numbers, margins, fonts, bold headings) writes its own profile and passes
`--style FILE`; only the keys it gives are changed.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

# 字号 names used in Chinese offices, in points.
SIZE_NAMES = {
    "初号": 42, "小初": 36, "一号": 26, "小一": 24, "二号": 22, "小二": 18, "三号": 16,
    "小三": 15, "四号": 14, "小四": 12, "五号": 10.5, "小五": 9,
}

Align = Literal["left", "center", "right", "justify"]
# OOXML highlight colours (w:highlight) — Word's menu calls green 鲜绿, cyan 青绿, magenta 粉红.
Highlight = Literal["yellow", "green", "cyan", "magenta", "lightGray", "none"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)


def _size(v):
    if isinstance(v, str):
        if v in SIZE_NAMES:
            return SIZE_NAMES[v]
        raise ValueError(f"未知字号“{v}”，可用：{'、'.join(SIZE_NAMES)}，或直接写磅值")
    return v


class TextStyle(_Strict):
    font: str = Field(description="中文字体名（同时用于西文、数字和标点，除非设置 latin_font）")
    size: float = Field(16, description="字号：磅值或“三号”等字号名")
    bold: bool = Field(False, description="是否加粗")
    align: Align = Field("justify", description="对齐：left / center / right / justify")
    first_line_chars: float = Field(0, description="首行缩进字符数")
    space_before_lines: float = Field(0, description="段前空行数")
    space_after_lines: float = Field(0, description="段后空行数")

    _size = field_validator("size", mode="before")(_size)


class RunStyle(_Strict):
    font: str | None = Field(None, description="字体；不填则沿用所在段落的字体")
    bold: bool = Field(True, description="是否加粗")


class PageNumber(_Strict):
    font: str = Field("宋体", description="页码字体")
    size: float = Field(14, description="页码字号（GB/T 9704：4号半角）")
    format: str = Field("— {page} —", description="页码格式，{page} 处为页码域")
    odd: Literal["left", "center", "right"] = Field("right", description="单页页码位置")
    even: Literal["left", "center", "right"] = Field("left", description="双页页码位置")
    indent_chars: float = Field(1, description="页码离版心边缘的字符数（GB/T 9704：空一字）")
    enabled: bool = Field(True, description="是否编页码")

    _size = field_validator("size", mode="before")(_size)


class Page(_Strict):
    width_mm: float = Field(210, description="纸张宽度（毫米）")
    height_mm: float = Field(297, description="纸张高度（毫米）")
    margin_top_mm: float = Field(37, description="天头（上白边，毫米）")
    margin_bottom_mm: float = Field(35, description="下白边（毫米）")
    margin_left_mm: float = Field(28, description="订口（左白边，毫米）")
    margin_right_mm: float = Field(26, description="翻口（右白边，毫米）")
    lines_per_page: int = Field(22, ge=10, le=60, description="每页行数")
    chars_per_line: int = Field(28, ge=10, le=60, description="每行字数")
    footer_mm: float = Field(
        25, description="页脚（页码）底边距纸张下边缘的距离（毫米）；25 使页码一字线约在版心下 7 mm"
    )


class StyleProfile(_Strict):
    name: str = Field("GB/T 9704-2012", description="版式名称")
    page: Page = Field(default_factory=Page)
    title: TextStyle
    subtitle: TextStyle
    speaker: TextStyle
    body: TextStyle
    heading1: TextStyle
    heading2: TextStyle
    inline_heading: RunStyle = Field(description="段首的二级标题句（回顾部分的（一）……。）")
    lead: RunStyle = Field(description="段首的引领句（如“促进创新协同。”）")
    page_number: PageNumber = Field(default_factory=PageNumber)
    latin_font: str | None = Field(
        None, description="西文和数字字体；不填则与中文同字体（引号、破折号按中文字体显示）"
    )
    placeholder_highlight: Highlight = Field("yellow", description="【待补充】占位符的突出显示颜色")
    suggestion_highlight: Highlight = Field("green", description="语料建议标题的突出显示颜色")

    @property
    def line_pitch_pt(self) -> float:
        """Exact line spacing that fits lines_per_page lines into the text block."""
        p = self.page
        text_h_pt = (p.height_mm - p.margin_top_mm - p.margin_bottom_mm) / 25.4 * 72
        # Round down to a twentieth of a point (Word's unit) so the last line still fits.
        return int(text_h_pt / p.lines_per_page * 20) / 20
