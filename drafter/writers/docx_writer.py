"""Write a document tree as a .docx laid out per the style profile (GB/T 9704-2012 by default).

Own paragraph styles (报告标题, 报告副标题, 报告人, 报告正文, 一级标题, 二级标题, 报告页码) carry
every layout value of the profile; each paragraph names its style, runs only add what differs
(a bold lead, the 楷体 of an inline section heading, a highlight). Fonts fill all four w:rFonts
slots and every run has w:hint="eastAsia"; lines are exact at the profile's pitch on a
document grid; page numbers are PAGE fields in separate odd and even footers.

The paragraphs are built with lxml directly into python-docx's default package (whose
unused styles and parts are dropped), and the package is saved with fixed zip timestamps, so
the same tree and profile give the same bytes.
"""

from __future__ import annotations

import datetime as dt
import math
import os
import re
import unicodedata
from itertools import pairwise
from typing import IO, TYPE_CHECKING, cast
from collections.abc import Callable

import docx
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.oxml.parser import OxmlElement, parse_xml
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.parts.hdrftr import FooterPart
from docx.parts.styles import StylesPart
from lxml import etree

from ..style import StyleProfile, default_profile
from ..tree import Document, Heading, Paragraph, Run
from .docx_comments import Annotator
from .docx_package import draft_members
from .docx_template import new_document
from .docx_xml import (
    HINT_ONLY,
    R_NS,
    SECTPR_ORDER,
    SETTINGS_ORDER,
    W_NS,
    W_VAL,
    XML_SPACE,
    add_page_field,
    add_plain_run,
    half_points,
    highlight_val,
    mm_to_twips,
    on_off,
    pt_to_twips,
    rfonts_attrs,
    save_members,
    save_package,
    set_child,
    strip_theme_fonts,
    sub,
    w,
    xml_safe,
)

if TYPE_CHECKING:  # imported only with --annotate
    from .docx_comments import Annotator

__all__ = ["write_docx", "build_docx", "STYLE_IDS", "STYLE_NAMES"]

# profile key -> style id (ASCII, stable for other tools) and the name Word shows
STYLE_IDS = {
    "title": "ReportTitle",
    "subtitle": "ReportSubtitle",
    "speaker": "ReportSpeaker",
    "body": "ReportBody",
    "heading1": "ReportHeading1",
    "heading2": "ReportHeading2",
    "page_number": "ReportPageNumber",
}
# Not "正文"/"标题"/"页脚": Chinese Word shows its built-in Normal/Title/Footer under those names.
STYLE_NAMES = {
    "title": "报告标题",
    "subtitle": "报告副标题",
    "speaker": "报告人",
    "body": "报告正文",
    "heading1": "一级标题",
    "heading2": "二级标题",
    "page_number": "报告页码",
}
_OUTLINE = {"heading1": 0, "heading2": 1}
_JC = {"left": "left", "center": "center", "right": "right", "justify": "both"}

# Parts of python-docx's default template a report has no use for.
_DROP_DOC_RELS = (
    RT.NUMBERING,
    RT.CUSTOM_XML,
    "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects",
)
_DROP_PKG_RELS = (RT.THUMBNAIL,)

_W_P, _W_PPR, _W_PSTYLE, _W_OVERFLOW = w("p"), w("pPr"), w("pStyle"), w("overflowPunct")
_W_R, _W_RPR, _W_RFONTS, _W_T = w("r"), w("rPr"), w("rFonts"), w("t")
_W_B, _W_BCS, _W_HIGHLIGHT = w("b"), w("bCs"), w("highlight")
_VAL_0, _VAL_1 = {W_VAL: "0"}, {W_VAL: "1"}


# --- public API -----------------------------------------------------------------------------

def write_docx(doc: Document, path_or_stream: str | os.PathLike | IO[bytes],
               profile: StyleProfile | None = None,
               annotate: Callable[[Run], str | None] | None = None) -> None:
    """Write `doc` as a .docx to a path or a binary file-like object. `annotate` (optional):
    a run → the text of a Word comment on it, or None (see docx_comments.py)."""
    target = os.fspath(path_or_stream) if isinstance(path_or_stream, os.PathLike) else path_or_stream
    if annotate is None:  # a plain draft: the parts no draft changes are kept per profile
        lay = _Layout(profile or default_profile(), doc.properties.language)
        save_members(draft_members(doc, lay), target)
        return
    d = build_docx(doc, profile, annotate)
    save_package(d.part.package, target)


def build_docx(doc: Document, profile: StyleProfile | None = None,
               annotate: Callable[[Run], str | None] | None = None) -> docx.document.Document:
    """The python-docx Document for `doc` (save it with `write_docx` for reproducible bytes;
    `Document.save` works too but stamps the zip entries with the current time)."""
    lay = _Layout(profile or default_profile(), doc.properties.language)
    d = new_document()
    _trim_package(d)
    _replace_styles(d, lay)
    _write_sections(d, lay)
    _write_settings(d, lay)
    _write_footers(d, lay)
    body = _BodyWriter(lay)
    # Hook for `drafter draft --annotate`: Word comments on the runs `annotate` picks. Without
    # it (the default) nothing below or in _BodyWriter.para changes.
    if annotate is not None:
        body.annotator = Annotator(annotate)
    body.write(doc, d.element.body)
    if body.annotator is not None:
        body.annotator.finish(d, lay.profile.body.font, lay.latin)
    _write_core_properties(d, doc)
    return d


# --- layout values derived from the profile -------------------------------------------------

class _Layout:
    def __init__(self, profile: StyleProfile, language: str = "zh-CN"):
        self.profile = profile
        # East Asian language of the text (w:lang/@w:eastAsia); a report is Chinese.
        self.lang = language if (language or "").lower().startswith("zh") else "zh-CN"
        pg = profile.page
        self.latin = profile.latin_font or None
        self.pitch = pt_to_twips(profile.line_pitch_pt)  # twips per line
        self.page_w, self.page_h = mm_to_twips(pg.width_mm), mm_to_twips(pg.height_mm)
        self.top, self.bottom = mm_to_twips(pg.margin_top_mm), mm_to_twips(pg.margin_bottom_mm)
        self.left, self.right = mm_to_twips(pg.margin_left_mm), mm_to_twips(pg.margin_right_mm)
        self.footer = mm_to_twips(pg.footer_mm)
        self.body_size = profile.body.size
        # chars_per_line: 28 characters of 16 pt (448 pt) do not fit the 156 mm text width
        # (442.2 pt). Word's character grid (linesAndChars) squeezes them, LibreOffice's puts
        # each one in two grid cells (14 a line), so instead the body-size styles get the
        # character spacing that fits: (width / chars - size), rounded down to 1/20 pt.
        self.text_w_pt = text_w_pt = (self.page_w - self.left - self.right) / 20
        char_pt = text_w_pt / pg.chars_per_line
        self.char_spacing = math.floor((char_pt - self.body_size) * 20)  # 1/20 pt, w:spacing

    def text_style(self, key: str):
        return getattr(self.profile, key)


# --- package, styles, sections, settings, footers -------------------------------------------

def _trim_package(d) -> None:
    part = d.part
    for rId, rel in list(part.rels.items()):
        if rel.reltype in _DROP_DOC_RELS:
            part.drop_rel(rId)
    pkg_rels = part.package.rels
    for rId, rel in list(pkg_rels.items()):
        if rel.reltype in _DROP_PKG_RELS:
            del pkg_rels[rId]


def _style(styles: etree._Element, kind: str, style_id: str, name: str, *, default=False,
           based_on: str | None = None, next_id: str | None = None, custom=True,
           semi_hidden=False) -> etree._Element:
    attrs = {w("type"): kind}
    if default:
        attrs[w("default")] = "1"
    if custom:
        attrs[w("customStyle")] = "1"
    attrs[w("styleId")] = style_id
    st = sub(styles, "style", attrs)
    sub(st, "name", {W_VAL: name})
    if based_on:
        sub(st, "basedOn", {W_VAL: based_on})
    if next_id:
        sub(st, "next", {W_VAL: next_id})
    if semi_hidden:
        sub(st, "uiPriority", {W_VAL: "99"})
        sub(st, "semiHidden")
        sub(st, "unhideWhenUsed")
    else:
        sub(st, "qFormat")
    return st


def _size_props(rpr: etree._Element, size: float) -> None:
    hp = half_points(size)
    sub(rpr, "sz", {W_VAL: hp})
    sub(rpr, "szCs", {W_VAL: hp})


def _replace_styles(d, lay: _Layout) -> None:
    """A new styles part in place of the template's 440 kB of unused (and blue) styles."""
    part = d.part
    for rId, rel in list(part.rels.items()):
        if rel.reltype == RT.STYLES:
            old = rel.target_part
            part.drop_rel(rId)
            break
    else:  # pragma: no cover - the default template has a styles part
        old = None
    styles = _built(lay, "styles", _new_styles)
    partname = old.partname if old is not None else PackURI("/word/styles.xml")
    part.relate_to(StylesPart(partname, CT.WML_STYLES, styles, part.package), RT.STYLES)


def _new_styles(lay: _Layout) -> BaseOxmlElement:
    # python-docx makes its CT_Styles for w:styles; OxmlElement is annotated "or a plain _Element"
    styles = cast(BaseOxmlElement, OxmlElement("w:styles", nsdecls={"w": W_NS}))
    _write_styles(styles, lay)
    return styles


# The styles and footers depend on the profile and language alone: built once per profile and
# kept as XML, each draft parses its own copy (~0.05 ms instead of ~0.7 ms of a warm draft).
_BUILT: dict[tuple[str, str, str], bytes] = {}
MAX_BUILT = 32  # a few profiles at a time (a server with several offices' styles)


def _built(lay: _Layout, what: str, build: Callable[[_Layout], etree._Element]) -> BaseOxmlElement:
    key = (what, lay.lang, lay.profile.model_dump_json())
    xml = _BUILT.get(key)
    if xml is None:
        if len(_BUILT) >= MAX_BUILT:
            _BUILT.clear()
        xml = _BUILT[key] = etree.tostring(build(lay))
    # parse_xml: python-docx's element classes (CT_Styles, CT_HdrFtr), as OxmlElement makes
    return parse_xml(xml)


def _write_styles(styles: etree._Element, lay: _Layout) -> None:
    """docDefaults, the four default styles and ours."""
    body_fonts = rfonts_attrs(lay.profile.body.font, lay.latin, hint=False)
    _write_defaults(styles, lay, body_fonts)
    _write_builtin_styles(styles, lay, body_fonts)
    for key in ("title", "subtitle", "speaker", "body", "heading1", "heading2"):
        _write_text_style(styles, lay, key)
    _write_page_number_style(styles, lay)
    strip_theme_fonts(styles)


def _write_defaults(styles: etree._Element, lay: _Layout, body_fonts: dict[str, str]) -> None:
    dd = sub(styles, "docDefaults")
    rpr = sub(sub(dd, "rPrDefault"), "rPr")
    sub(rpr, "rFonts", body_fonts)
    _size_props(rpr, lay.profile.body.size)
    sub(rpr, "lang", {W_VAL: "en-US", w("eastAsia"): lay.lang, w("bidi"): "ar-SA"})
    ppr = sub(sub(dd, "pPrDefault"), "pPr")
    sub(ppr, "widowControl", _VAL_0)
    sub(ppr, "overflowPunct", _VAL_1)
    sub(ppr, "spacing", {w("after"): "0", w("line"): "240", w("lineRule"): "auto"})


def _write_builtin_styles(styles: etree._Element, lay: _Layout, body_fonts: dict[str, str]) -> None:
    """Normal, Default Paragraph Font, Normal Table and No List."""
    # Normal repeats the body font and size: LibreOffice takes the character grid's base size
    # from the Normal style, Word from the defaults.
    normal = _style(styles, "paragraph", "Normal", "Normal", default=True, custom=False)
    ppr = sub(normal, "pPr")
    sub(ppr, "widowControl", _VAL_0)
    sub(ppr, "overflowPunct", _VAL_1)
    rpr = sub(normal, "rPr")
    sub(rpr, "rFonts", body_fonts)
    _size_props(rpr, lay.profile.body.size)
    _style(styles, "character", "DefaultParagraphFont", "Default Paragraph Font", default=True,
           custom=False, semi_hidden=True)
    tbl = _style(styles, "table", "TableNormal", "Normal Table", default=True, custom=False,
                 semi_hidden=True)
    tblpr = sub(tbl, "tblPr")
    sub(tblpr, "tblInd", {w("w"): "0", w("type"): "dxa"})
    mar = sub(tblpr, "tblCellMar")
    for side, val in (("top", "0"), ("left", "108"), ("bottom", "0"), ("right", "108")):
        sub(mar, side, {w("w"): val, w("type"): "dxa"})
    _style(styles, "numbering", "NoList", "No List", default=True, custom=False,
           semi_hidden=True)


def _write_text_style(styles: etree._Element, lay: _Layout, key: str) -> None:
    """One of our paragraph styles (title, body, headings …) from the style profile."""
    ts = lay.text_style(key)
    st = _style(styles, "paragraph", STYLE_IDS[key], STYLE_NAMES[key], based_on="Normal",
                next_id=STYLE_IDS["body"])
    ppr = sub(st, "pPr")
    if key in _OUTLINE:
        sub(ppr, "keepNext")
    sub(ppr, "widowControl", _VAL_0)
    sub(ppr, "overflowPunct", _VAL_1)
    if ts.size != lay.body_size:
        # The character grid is sized for body text; a larger title would take two cells
        # a character in Word.
        sub(ppr, "snapToGrid", _VAL_0)
    sub(ppr, "spacing", _spacing_attrs(ts, lay.pitch))
    if ts.first_line_chars:
        sub(ppr, "ind", {
            w("firstLineChars"): str(round(ts.first_line_chars * 100)),
            w("firstLine"): str(pt_to_twips(ts.first_line_chars * ts.size)),
        })
    else:
        sub(ppr, "ind", {w("firstLineChars"): "0", w("firstLine"): "0"})
    sub(ppr, "jc", {W_VAL: _JC[ts.align]})
    if key in _OUTLINE:
        sub(ppr, "outlineLvl", {W_VAL: str(_OUTLINE[key])})
    rpr = sub(st, "rPr")
    sub(rpr, "rFonts", rfonts_attrs(ts.font, lay.latin))
    on_off(rpr, "b", ts.bold)
    on_off(rpr, "bCs", ts.bold)
    if ts.size == lay.body_size and lay.char_spacing:
        sub(rpr, "spacing", {W_VAL: str(lay.char_spacing)})
    _size_props(rpr, ts.size)


def _spacing_attrs(ts, pitch: int) -> dict[str, str]:
    """Exact line pitch; space before/after in lines (Word) and in twips (LibreOffice)."""
    sp = {}
    if ts.space_before_lines:
        sp[w("before")] = str(round(ts.space_before_lines * pitch))
        sp[w("beforeLines")] = str(round(ts.space_before_lines * 100))
    else:
        sp[w("before")] = "0"
    sp[w("after")] = str(round(ts.space_after_lines * pitch))
    if ts.space_after_lines:
        sp[w("afterLines")] = str(round(ts.space_after_lines * 100))
    sp[w("line")] = str(pitch)
    sp[w("lineRule")] = "exact"
    return sp


def _write_page_number_style(styles: etree._Element, lay: _Layout) -> None:
    pn = lay.profile.page_number
    st = _style(styles, "paragraph", STYLE_IDS["page_number"], STYLE_NAMES["page_number"],
                based_on="Normal")
    ppr = sub(st, "pPr")
    sub(ppr, "widowControl", _VAL_0)
    sub(ppr, "snapToGrid", _VAL_0)
    sub(ppr, "spacing", {w("before"): "0", w("after"): "0",
                         w("line"): str(_footer_line(lay)), w("lineRule"): "exact"})
    sub(ppr, "ind", {w("firstLineChars"): "0", w("firstLine"): "0"})
    rpr = sub(st, "rPr")
    sub(rpr, "rFonts", rfonts_attrs(pn.font, None))
    sub(rpr, "b", _VAL_0)
    sub(rpr, "bCs", _VAL_0)
    _size_props(rpr, pn.size)


def _footer_line(lay: _Layout) -> int:
    """Exact line height of the page-number line: 1.3 × its size, but no taller than the room
    between the footer distance and the bottom margin (a taller footer would push the text
    block up and lose a line of the page)."""
    size = pt_to_twips(lay.profile.page_number.size)
    room = lay.bottom - lay.footer
    return max(size, min(round(size * 1.3), room))


def _write_sections(d, lay: _Layout) -> None:
    grid = {w("type"): "lines", w("linePitch"): str(lay.pitch)}
    for sect in d.element.body.iter(w("sectPr")):
        set_child(sect, "pgSz", SECTPR_ORDER, {w("w"): str(lay.page_w), w("h"): str(lay.page_h)})
        set_child(sect, "pgMar", SECTPR_ORDER, {
            w("top"): str(lay.top), w("right"): str(lay.right), w("bottom"): str(lay.bottom),
            w("left"): str(lay.left), w("header"): str(lay.footer), w("footer"): str(lay.footer),
            w("gutter"): "0",
        })
        set_child(sect, "docGrid", SECTPR_ORDER, grid)


def _write_settings(d, lay: _Layout) -> None:
    settings = d.settings.element
    pn = lay.profile.page_number
    if pn.enabled:
        set_child(settings, "evenAndOddHeaders", SETTINGS_ORDER, {})
    else:
        old = settings.find(w("evenAndOddHeaders"))
        if old is not None:
            settings.remove(old)
    set_child(settings, "characterSpacingControl", SETTINGS_ORDER, {W_VAL: "doNotCompress"})
    tfl = settings.find(w("themeFontLang"))
    if tfl is not None:
        tfl.set(w("eastAsia"), lay.lang)
    for cs in settings.iter(w("compatSetting")):
        if cs.get(w("name")) == "compatibilityMode":
            cs.set(W_VAL, "15")  # not Word 2010 "compatibility mode"


def _write_footers(d, lay: _Layout) -> None:
    """Default (odd) and even footers with the page number, built here rather than from
    python-docx's footer template (which would be parsed and then emptied)."""
    pn = lay.profile.page_number
    if not pn.enabled:
        return
    doc_part = d.part
    package = doc_part.package
    r_id = "{%s}id" % R_NS
    for sect in d.element.body.iter(w("sectPr")):
        for old in sect.findall(w("footerReference")):
            sect.remove(old)
        for index, kind in enumerate(("default", "even")):
            ftr = _built(lay, f"footer-{kind}", _footer_builder(kind))
            part = FooterPart(package.next_partname("/word/footer%d.xml"), CT.WML_FOOTER, ftr,
                              package)
            rid = doc_part.relate_to(part, RT.FOOTER)
            ref = sect.makeelement(w("footerReference"), {w("type"): kind, r_id: rid})
            sect.insert(index, ref)  # references come first in w:sectPr


def _footer_builder(kind: str) -> Callable[[_Layout], etree._Element]:
    """The page-number footer of odd ("default") or even pages, as w:ftr."""

    def build(lay: _Layout) -> etree._Element:
        pn = lay.profile.page_number
        pos = pn.odd if kind == "default" else pn.even
        spec = {"rFonts": rfonts_attrs(pn.font, None), "sz": half_points(pn.size)}
        ind_chars = str(round(pn.indent_chars * 100))
        ind_twips = str(pt_to_twips(pn.indent_chars * pn.size))
        before, sep, after = pn.format.partition("{page}")
        ftr = OxmlElement("w:ftr", nsdecls={"w": W_NS, "r": R_NS})
        p = sub(ftr, "p")
        ppr = sub(p, "pPr")
        sub(ppr, "pStyle", {W_VAL: STYLE_IDS["page_number"]})
        if pos == "right":
            sub(ppr, "ind", {w("rightChars"): ind_chars, w("right"): ind_twips,
                             w("firstLineChars"): "0", w("firstLine"): "0"})
        elif pos == "left":
            sub(ppr, "ind", {w("leftChars"): ind_chars, w("left"): ind_twips,
                             w("firstLineChars"): "0", w("firstLine"): "0"})
        sub(ppr, "jc", {W_VAL: pos})
        if before:
            add_plain_run(p, xml_safe(before), spec)
        add_page_field(p, spec)
        if after and sep:
            add_plain_run(p, xml_safe(after), spec)
        return ftr

    return build


CORE_TEXT_MAX = 255  # python-docx refuses longer core properties (ValueError)


def _core_text(value: str | None) -> str:
    """A core property (title, keywords …) is metadata, not the text: cut to what python-docx
    accepts rather than fail a draft over a long region or title."""
    text = xml_safe(value or "")
    return text if len(text) <= CORE_TEXT_MAX else text[: CORE_TEXT_MAX - 1] + "…"


def _write_core_properties(d, doc: Document) -> None:
    el = d.part.package.part_related_by(RT.CORE_PROPERTIES).element
    set_core_properties(d.core_properties, el, doc)


def set_core_properties(cp, el: etree._Element, doc: Document) -> None:
    """The draft's properties on python-docx's CoreProperties `cp` over docProps/core.xml `el`."""
    props = doc.properties
    cp.title = _core_text(props.title)
    cp.subject = _core_text(props.subject)
    cp.author = _core_text(props.author)
    cp.keywords = _core_text(props.keywords)
    cp.comments = _core_text(props.comments)
    cp.language = _core_text(props.language)
    cp.category = ""
    cp.last_modified_by = _core_text(props.author)
    cp.revision = 1
    # Dates: taken from the properties if the tree carries them, else SOURCE_DATE_EPOCH, else
    # left out, so that the same tree gives the same core.xml.
    created = _as_datetime(getattr(props, "created", None))
    modified = _as_datetime(getattr(props, "modified", None)) or created
    if created is None and os.environ.get("SOURCE_DATE_EPOCH", "").isdigit():
        created = modified = dt.datetime.fromtimestamp(
            int(os.environ["SOURCE_DATE_EPOCH"]), dt.UTC)
    # python-docx has no API to clear a date: remove the template's 2013 ones from the XML.
    for name, value in (("created", created), ("modified", modified)):
        if value is not None:
            setattr(cp, name, value)
        else:
            for old in el.findall("{http://purl.org/dc/terms/}%s" % name):
                el.remove(old)


def _as_datetime(value) -> dt.datetime | None:
    if value is None or isinstance(value, dt.datetime):
        return value
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day, tzinfo=dt.UTC)
    return None


def heading_style(hd: Heading) -> str:
    """一、 is a first-level heading (黑体) and （一） a second-level one (楷体) by GB/T 9704,
    whatever nesting in the data produced them (金台区's key tasks are 一、 at the data's
    second level); a heading without such a marker goes by its level."""
    number = hd.number or ""
    if _FIRST_MARK.fullmatch(number):
        return "heading1"
    if _SECOND_MARK.fullmatch(number):
        return "heading2"
    return "heading1" if hd.level <= 1 else "heading2" if hd.level == 2 else "body"


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
        for ln in doc.lines():
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
        self.para(STYLE_IDS[heading_style(hd)], self.heading_segments(hd, (None, None)))

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

    def _paragraph(self, parent: etree._Element, style_id: str, flush_left: bool) -> etree._Element:
        """A new w:p with its properties, at the end of `parent`."""
        p = etree.SubElement(parent, _W_P)
        ppr = etree.SubElement(p, _W_PPR)
        etree.SubElement(ppr, _W_PSTYLE, {W_VAL: style_id})
        etree.SubElement(ppr, _W_OVERFLOW, _VAL_1)
        if flush_left:
            etree.SubElement(ppr, w("ind"), {w("firstLineChars"): "0", w("firstLine"): "0"})
        return p

    def _line_break(self, p: etree._Element) -> None:
        etree.SubElement(etree.SubElement(p, _W_R), w("br"))

    def _close(self, p: etree._Element) -> None:
        """The paragraph is complete (the text writer closes its w:p here)."""

    def para(self, style_id: str, segments: list, flush_left: bool = False) -> None:
        p = self._paragraph(self.body, style_id, flush_left)
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

