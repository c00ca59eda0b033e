"""The body of a draft as w:p elements: headings, paragraphs with their lead, the meeting line.

docx_writer's build_docx appends them to python-docx's package (with Word comments for
--annotate); body_xml writes the same paragraphs as text for a plain draft.
"""

from __future__ import annotations

import math
import re
import unicodedata
from itertools import pairwise
from typing import TYPE_CHECKING

from lxml import etree

from ..tree import Document, Heading, Line, Paragraph, Run
from .docx_xml import (
    HINT_ONLY,
    W_NS,
    W_VAL,
    XML_SPACE,
    highlight_val,
    rfonts_attrs,
    w,
    xml_safe,
)
from .style_ids import STYLE_IDS

if TYPE_CHECKING:
    from .docx_comments import Annotator
    from .docx_writer import _Layout

_W_P, _W_PPR, _W_PSTYLE, _W_OVERFLOW = w("p"), w("pPr"), w("pStyle"), w("overflowPunct")
_W_R, _W_RPR, _W_RFONTS, _W_T = w("r"), w("rPr"), w("rFonts"), w("t")
_W_B, _W_BCS, _W_HIGHLIGHT = w("b"), w("bCs"), w("highlight")
_VAL_0, _VAL_1 = {W_VAL: "0"}, {W_VAL: "1"}


def heading_style(hd: Heading, parted: bool = False) -> str:
    """一、 is a first-level heading (黑体) and （一） a second-level one (楷体) by GB/T 9704,
    whatever nesting in the data produced them (金台区's key tasks are 一、 at the data's
    second level); a heading without such a marker goes by its level. In a `parted` document
    (its lower headings are 一、) an unnumbered part heading is a part heading of its own,
    centred as such reports print 「2023年工作安排」 above its 一、 areas; as 一级标题 it read
    as one more area."""
    number = hd.number or ""
    if _FIRST_MARK.fullmatch(number):
        return "heading1"
    if _SECOND_MARK.fullmatch(number):
        return "heading2"
    if hd.level <= 1:
        return "part_heading" if parted and not number else "heading1"
    return "heading2" if hd.level == 2 else "body"


def is_parted(lines: list[Line]) -> bool:
    """The document's key-task areas (headings below its parts) are numbered 一、."""
    return any(
        ln.heading is not None and ln.heading.level >= 2 and _FIRST_MARK.fullmatch(ln.heading.number or "")
        for ln in lines
    )


# The navigation pane's level of a paragraph whose style's level is one too high: in a parted
# document the 一、 areas sit under a part heading, their （一） under them.
PARTED_OUTLINE = {"heading1": 1, "heading2": 2}


_FIRST_MARK = re.compile(r"[一二三四五六七八九十百]+、")
_SECOND_MARK = re.compile(r"（[一二三四五六七八九十百]+）")


# A w:br inside a paragraph (the meeting line's break); compared by identity.
LINE_BREAK = Run("\n")


def _width(text: str) -> float:
    """Width in body characters: full-width (and ambiguous: — “ ”) 1, digits and Latin ½, and
    ¼ for each change between them (the space Word and LibreOffice put between 年 and 1)."""
    wide = [unicodedata.east_asian_width(c) in "FWA" for c in text]
    changes = sum(a != b for a, b in pairwise(wide))
    return sum(1.0 if x else 0.5 for x in wide) + changes / 4


def meeting_lines(runs: list[Run], chars_per_line: int, text_w_pt: float, size: float) -> tuple[list[list[Run]], int]:
    """The meeting line 「——2024年1月10日在高平市……第三次会议上」 as (lines, character
    spacing in 1/20 pt). Left to wrap, it strands 「议上」 alone on a second line. Up to 8 %
    too long, it is fitted on one line by tighter spacing (高平's, 29½ characters); longer, it
    is broken after the date, before 「在」, where a reader pauses, with a w:br (which check's
    reader takes as layout, not text)."""
    text = "".join(r.text for r in runs)
    width = _width(text)
    if width <= chars_per_line:
        return [runs], 0
    if width <= chars_per_line * 1.08:
        return [runs], math.floor((text_w_pt - width * size) / len(text) * 20)
    m = re.search(r"日(?=在)", text)
    if m is None or _width(text[m.end():]) > chars_per_line:
        return [runs], 0
    cut, first, second, pos = m.end(), [], [], 0
    for r in runs:
        end = pos + len(r.text)
        if end <= cut:
            first.append(r)
        elif pos >= cut:
            second.append(r)
        else:
            first.append(Run(r.text[: cut - pos], r.source))
            second.append(Run(r.text[cut - pos:], r.source))
        pos = end
    return [first, second], 0


# --- the body -----------------------------------------------------------------------------

class _BodyWriter:
    """Appends w:p elements for the tree to w:body (before its final w:sectPr)."""

    def __init__(self, lay: _Layout):
        p = lay.profile
        self.lay = lay
        self.hl = {
            "placeholder": highlight_val(p.placeholder_highlight),
            "suggestion": highlight_val(p.suggestion_highlight),
        }
        self.rpr_cache: dict[tuple, tuple] = {}
        self.inline_fmt = self._run_fmt(p.inline_heading.font, p.inline_heading.bold, p.body.bold)
        self.lead_fmt = self._run_fmt(p.lead.font, p.lead.bold, p.body.bold)
        self.annotator: Annotator | None = None  # for --annotate; None by default
        self.squeeze = 0  # character spacing of the paragraph being written, 1/20 pt; 0: the style's
        self.parted = False  # the document being written has 一、 areas under unnumbered parts

    @staticmethod
    def _run_fmt(font: str | None, bold: bool, para_bold: bool) -> tuple:
        return (font or None, None if bold == para_bold else bold)

    def write(self, doc: Document, body: etree._Element) -> None:
        sect = body.find(w("sectPr"))
        for child in list(body):
            body.remove(child)
        # Built in a plain lxml tree (no python-docx element classes to instantiate for each
        # new element), then moved into w:body in one go.
        self.body = etree.Element(w("body"), nsmap={"w": W_NS})
        self.emit(doc)
        body.extend(list(self.body))
        if sect is not None:
            body.append(sect)

    def emit(self, doc: Document) -> None:
        """Every paragraph of `doc`, in order, through self.para."""
        h = doc.header
        plain_fmt = (None, None)
        if h.label:  # 金台区第十九届人大二次会议文件（15）: flush left above the title
            self.para(STYLE_IDS["body"], [(h.label, plain_fmt)], flush_left=True)
        for key, runs in (("title", h.title), ("subtitle", h.subtitle), ("speaker", h.speaker)):
            if runs:
                lines, self.squeeze = [runs], 0
                if key == "subtitle":
                    lay = self.lay
                    lines, self.squeeze = meeting_lines(runs, lay.profile.page.chars_per_line, lay.text_w_pt, lay.body_size)
                segs = [(lines[0], plain_fmt)]
                if len(lines) == 2:
                    segs += [([LINE_BREAK], plain_fmt), (lines[1], plain_fmt)]
                self.para(STYLE_IDS[key], segs)
                self.squeeze = 0
        body_id = STYLE_IDS["body"]
        body_lines = list(doc.lines())
        self.parted = is_parted(body_lines)
        for ln in body_lines:
            hd, para = ln.heading, ln.paragraph
            if hd is not None and (ln.section is None or ln.section.style != "inline"):
                self.heading(hd)  # a heading on its own line
            elif hd is not None:  # an inline heading opens its first paragraph, in its own look
                opening = self.heading_segments(hd, self.inline_fmt)
                self.para(body_id, opening + (self.paragraph_segments(para) if para is not None else []))
            elif para is not None:
                # 各位代表： stands flush left, like the addressee line of an official document
                flush = ln.section is None and para.role == "salutation"
                self.para(body_id, self.paragraph_segments(para), flush_left=flush)

    def heading(self, hd: Heading) -> None:
        key = heading_style(hd, self.parted)
        outline = PARTED_OUTLINE.get(key) if self.parted else None
        self.para(STYLE_IDS[key], self.heading_segments(hd, (None, None)), outline=outline)

    @staticmethod
    def heading_segments(hd: Heading, fmt: tuple) -> list:
        segs = []
        if hd.number:
            segs.append(([Run(hd.number)], fmt))
        segs.append((hd.runs, fmt))
        return segs

    def paragraph_segments(self, para: Paragraph) -> list:
        segs = []
        if para.lead:
            segs.append((para.lead, self.lead_fmt))
        segs.append((para.runs, (None, None)))
        return segs

    def _paragraph(self, parent: etree._Element, style_id: str, flush_left: bool,
                   outline: int | None = None) -> etree._Element:
        """A new w:p with its properties, at the end of `parent`; `outline`: its own outline
        level in place of its style's."""
        p = etree.SubElement(parent, _W_P)
        ppr = etree.SubElement(p, _W_PPR)
        etree.SubElement(ppr, _W_PSTYLE, {W_VAL: style_id})
        etree.SubElement(ppr, _W_OVERFLOW, _VAL_1)
        if flush_left:
            etree.SubElement(ppr, w("ind"), {w("firstLineChars"): "0", w("firstLine"): "0"})
        if outline is not None:
            etree.SubElement(ppr, w("outlineLvl"), {W_VAL: str(outline)})
        return p

    def _line_break(self, p: etree._Element) -> None:
        etree.SubElement(etree.SubElement(p, _W_R), w("br"))

    def _close(self, p: etree._Element) -> None:
        """The paragraph is complete (the text writer closes its w:p here)."""

    def para(self, style_id: str, segments: list, flush_left: bool = False,
             outline: int | None = None) -> None:
        p = self._paragraph(self.body, style_id, flush_left, outline)
        # Merge neighbouring runs of the same look into one w:r.
        hl = self.hl
        notes = self.annotator
        cur: tuple | None = None  # the look of the runs in buf; None only while buf is empty
        buf: list[str] = []
        for runs, (font, bold) in segments:
            for run in runs:
                if run is LINE_BREAK:
                    if buf and cur is not None:
                        self._run(p, cur, "".join(buf))
                    cur, buf = None, []
                    self._line_break(p)
                    continue
                text = run.text
                if not text:
                    continue
                key = (font, bold, hl.get(run.source.kind))
                # --annotate only: a run with a comment stays its own w:r inside a comment range.
                if notes is not None and (note := notes.note(run)) is not None:
                    if buf and cur is not None:
                        self._run(p, cur, "".join(buf))
                    cur, buf = None, []
                    cid = notes.open(p, note)
                    self._run(p, key, text)
                    notes.close(p, cid)
                    continue
                if key != cur:
                    if buf and cur is not None:
                        self._run(p, cur, "".join(buf))
                    cur, buf = key, [text]
                else:
                    buf.append(text)
        if buf and cur is not None:
            self._run(p, cur, "".join(buf))
        self._close(p)

    def _run(self, p: etree._Element, key: tuple, text: str) -> None:
        text = xml_safe(text)
        if not text:
            return
        r = etree.SubElement(p, _W_R)
        self._run_props(r, key)
        t = etree.SubElement(r, _W_T)
        t.text = text
        if text[0].isspace() or text[-1].isspace():
            t.set(XML_SPACE, "preserve")

    def _run_props(self, r: etree._Element, key: tuple) -> None:
        """w:rPr of a run of look `key` (font, bold, highlight) in the paragraph being written."""
        spec = self.rpr_cache.get(key)
        if spec is None:
            font, bold, highlight = key
            fonts = rfonts_attrs(font, self.lay.latin) if font else HINT_ONLY
            spec = self.rpr_cache[key] = (fonts, bold, highlight)
        fonts, bold, highlight = spec
        rpr = etree.SubElement(r, _W_RPR)
        etree.SubElement(rpr, _W_RFONTS, fonts)
        if bold is not None:
            v = None if bold else _VAL_0
            etree.SubElement(rpr, _W_B, v) if v else etree.SubElement(rpr, _W_B)
            etree.SubElement(rpr, _W_BCS, v) if v else etree.SubElement(rpr, _W_BCS)
        if self.squeeze:  # the meeting line fitted on one line (meeting_lines)
            etree.SubElement(rpr, w("spacing"), {W_VAL: str(self.squeeze)})
        if highlight:
            etree.SubElement(rpr, _W_HIGHLIGHT, {W_VAL: highlight})
