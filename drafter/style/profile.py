"""The layout profile: page, fonts and numbering looks of the .docx.

GB/T 9704-2012 is the default (gbt9704.yaml beside this file). An office whose local rules
differ (page numbers, margins, fonts, bold headings) writes its own profile and passes
`--style FILE`; only the keys it gives are changed.
"""

from __future__ import annotations

from decimal import Decimal
from collections.abc import Mapping
from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, model_validator

# 字号 names used in Chinese offices, in points.
SIZE_NAMES = {
    "初号": 42, "小初": 36, "一号": 26, "小一": 24, "二号": 22, "小二": 18, "三号": 16,
    "小三": 15, "四号": 14, "小四": 12, "五号": 10.5, "小五": 9,
}

Align = Literal["left", "center", "right", "justify"]
# OOXML highlight colours (w:highlight) — Word's menu calls green 鲜绿, cyan 青绿, magenta 粉红.
Highlight = Literal["yellow", "green", "cyan", "magenta", "lightGray", "none"]

MAX_FONT_NAME = 64  # the longest real font names (方正小标宋_GBK …) are under 20 characters
MIN_TEXT_BLOCK_MM = 40  # the 版心 left by the margins, each way (GB/T 9704: 156 × 225 mm)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)


def _ranged(lo: float, hi: float, unit: str, names: Mapping[str, float] | None = None) -> BeforeValidator:
    """Checks a float between lo and hi inclusive. Every style number ends up in an XML attribute of
    the .docx: a NaN, an infinity or an absurd value would crash the writer or make a page
    that Word and LibreOffice cannot lay out, so each is refused with its allowed range."""

    def check(v):
        if isinstance(v, str) and names is not None:
            if v not in names:
                raise ValueError(f"未知字号“{v}”，可用：{'、'.join(names)}，或直接写磅值")
            v = names[v]
        if isinstance(v, bool) or not isinstance(v, (int, float, Decimal)):
            raise ValueError(f"应为数字（{lo:g}–{hi:g} {unit}）")
        if v != v or not lo <= v <= hi:  # v != v: NaN
            raise ValueError(f"应在 {lo:g}–{hi:g} {unit}之间，这里是 {_yaml_number(v)}")
        return float(v)

    return BeforeValidator(check)


def _counted(lo: int, hi: int, unit: str) -> BeforeValidator:
    """Checks a whole number between lo and hi inclusive (lines a page, characters a line)."""

    def check(v):
        if isinstance(v, bool) or not isinstance(v, (int, float, Decimal)):
            raise ValueError(f"应为 {lo}–{hi} 之间的整数（{unit}）")
        if v != v or not lo <= v <= hi:  # the range first: 1e999999999 % 1 raises
            raise ValueError(f"应在 {lo}–{hi} {unit}之间，这里是 {_yaml_number(v)}")
        if v != int(v):
            raise ValueError(f"应为整数（{unit}），这里是 {_yaml_number(v)}")
        return int(v)

    return BeforeValidator(check)


def _yaml_number(v) -> str:
    """A number as the user wrote it in YAML (.nan, -.inf, 1e+308)."""
    if v != v:
        return ".nan"
    if v in (float("inf"), float("-inf")):
        return ".inf" if v > 0 else "-.inf"
    return str(v) if isinstance(v, int) else f"{v:g}"


def _font_name(v):
    """A font name is written into w:rFonts: printable, short, not blank."""
    if v is None:
        return v
    if not isinstance(v, str):
        raise ValueError("字体名应为一段文本")
    v = v.strip()
    if not v:
        raise ValueError("字体名不能为空（不需要时删去这一行）")
    if len(v) > MAX_FONT_NAME:
        raise ValueError(f"字体名有 {len(v)} 个字符，超过上限 {MAX_FONT_NAME}")
    bad = next((c for c in v if not c.isprintable()), None)
    if bad is not None:
        raise ValueError(f"字体名含不可见字符（U+{ord(bad):04X}），请删除")
    return v


def _label(limit: int) -> BeforeValidator:
    """Checks short printable text written into the document (page-number format, profile name)."""

    def check(v):
        if not isinstance(v, str):
            raise ValueError("应为一段文本")
        if len(v) > limit:
            raise ValueError(f"有 {len(v)} 个字符，超过上限 {limit}")
        bad = next((c for c in v if not c.isprintable()), None)
        if bad is not None:
            raise ValueError(f"含不可见字符（U+{ord(bad):04X}），请删除")
        return v

    return BeforeValidator(check)


Font = Annotated[str, BeforeValidator(_font_name)]
# Aliases written out as Annotated[...] so that type checkers see float/int/str fields.
PointSize = Annotated[float, _ranged(5, 72, "磅", SIZE_NAMES)]  # 小五 9 pt … 初号 42 pt, with room either side
Chars = Annotated[float, _ranged(0, 10, "字")]
Lines = Annotated[float, _ranged(0, 10, "行")]
PageMM = Annotated[float, _ranged(50, 1200, "毫米")]  # a business card … A0's long side (1189 mm)
MarginMM = Annotated[float, _ranged(0, 100, "毫米")]
PageLines = Annotated[int, _counted(10, 60, "行")]
LineChars = Annotated[int, _counted(10, 60, "字")]
PageNumberFormat = Annotated[str, _label(40)]
ProfileName = Annotated[str, _label(100)]


class TextStyle(_Strict):
    font: Font = Field(description="中文字体名（同时用于西文、数字和标点，除非设置 latin_font）")
    size: PointSize = Field(16, description="字号：磅值或“三号”等字号名")
    bold: bool = Field(False, description="是否加粗")
    align: Align = Field("justify", description="对齐：left / center / right / justify")
    first_line_chars: Chars = Field(0, description="首行缩进字符数")
    space_before_lines: Lines = Field(0, description="段前空行数")
    space_after_lines: Lines = Field(0, description="段后空行数")


class RunStyle(_Strict):
    font: Font | None = Field(None, description="字体；不填则沿用所在段落的字体")
    bold: bool = Field(True, description="是否加粗")


class PageNumber(_Strict):
    font: Font = Field("宋体", description="页码字体")
    size: PointSize = Field(14, description="页码字号（GB/T 9704：4号半角）")
    format: PageNumberFormat = Field("— {page} —", description="页码格式，{page} 处为页码域")
    odd: Literal["left", "center", "right"] = Field("right", description="单页页码位置")
    even: Literal["left", "center", "right"] = Field("left", description="双页页码位置")
    indent_chars: Chars = Field(1, description="页码离版心边缘的字符数（GB/T 9704：空一字）")
    enabled: bool = Field(True, description="是否编页码")


class Page(_Strict):
    width_mm: PageMM = Field(210, description="纸张宽度（毫米）")
    height_mm: PageMM = Field(297, description="纸张高度（毫米）")
    margin_top_mm: MarginMM = Field(37, description="天头（上白边，毫米）")
    margin_bottom_mm: MarginMM = Field(35, description="下白边（毫米）")
    margin_left_mm: MarginMM = Field(28, description="订口（左白边，毫米）")
    margin_right_mm: MarginMM = Field(26, description="翻口（右白边，毫米）")
    lines_per_page: PageLines = Field(22, description="每页行数")
    chars_per_line: LineChars = Field(28, description="每行字数")
    footer_mm: MarginMM = Field(
        25, description="页脚（页码）底边距纸张下边缘的距离（毫米）；25 使页码一字线约在版心下 7 mm"
    )

    @model_validator(mode="after")
    def _leaves_a_text_block(self):
        w = self.width_mm - self.margin_left_mm - self.margin_right_mm
        h = self.height_mm - self.margin_top_mm - self.margin_bottom_mm
        if w < MIN_TEXT_BLOCK_MM:
            raise ValueError(
                f"纸张宽 {self.width_mm:g} 毫米减去左右白边（{self.margin_left_mm:g} + {self.margin_right_mm:g}）"
                f"只剩 {w:g} 毫米，版心宽度至少应有 {MIN_TEXT_BLOCK_MM} 毫米"
            )
        if h < MIN_TEXT_BLOCK_MM:
            raise ValueError(
                f"纸张高 {self.height_mm:g} 毫米减去上下白边（{self.margin_top_mm:g} + {self.margin_bottom_mm:g}）"
                f"只剩 {h:g} 毫米，版心高度至少应有 {MIN_TEXT_BLOCK_MM} 毫米"
            )
        return self


class StyleProfile(_Strict):
    name: ProfileName = Field("GB/T 9704-2012", description="版式名称")
    page: Page = Field(default_factory=Page)
    title: TextStyle
    subtitle: TextStyle
    speaker: TextStyle
    body: TextStyle
    part_heading: TextStyle = Field(
        default_factory=lambda: TextStyle(font="黑体", align="center"),
        description="不编号的部分标题（其下各项编“一、”时，如“2023年工作安排”），居中以与一级标题相区别",
    )
    heading1: TextStyle
    heading2: TextStyle
    inline_heading: RunStyle = Field(description="段首的二级标题句（回顾部分的（一）……。）")
    lead: RunStyle = Field(description="段首的引领句（如“促进创新协同。”）")
    page_number: PageNumber = Field(default_factory=PageNumber)
    latin_font: Font | None = Field(
        None, description="西文和数字字体；不填则与中文同字体（引号、破折号按中文字体显示）"
    )
    placeholder_highlight: Highlight = Field("yellow", description="【待补充】占位符的突出显示颜色")
    suggestion_highlight: Highlight = Field("green", description="语料建议标题的突出显示颜色")

    @model_validator(mode="after")
    def _lines_and_chars_fit(self):
        """Lines of body text must not overlap (the line pitch is exact) and a character cell
        must not be much narrower than the body size (the spacing that fits them is negative)."""
        p, size = self.page, self.body.size
        if self.line_pitch_pt < size:
            raise ValueError(
                f"版心高度排 {p.lines_per_page} 行（page.lines_per_page），行距只有 {self.line_pitch_pt:g} 磅，"
                f"小于正文字号 {size:g} 磅（body.size），文字会重叠：请减少每页行数或减小字号"
            )
        cell = (p.width_mm - p.margin_left_mm - p.margin_right_mm) / 25.4 * 72 / p.chars_per_line
        if cell < size * 0.75:
            raise ValueError(
                f"版心宽度排 {p.chars_per_line} 字（page.chars_per_line），每字只有 {cell:.1f} 磅，"
                f"远小于正文字号 {size:g} 磅（body.size）：请减少每行字数或减小字号"
            )
        return self

    @property
    def line_pitch_pt(self) -> float:
        """Exact line spacing that fits lines_per_page lines into the text block."""
        p = self.page
        text_h_pt = (p.height_mm - p.margin_top_mm - p.margin_bottom_mm) / 25.4 * 72
        # Round down to a twentieth of a point (Word's unit) so the last line still fits.
        return int(text_h_pt / p.lines_per_page * 20) / 20
