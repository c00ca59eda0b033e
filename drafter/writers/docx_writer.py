"""Write a document tree as a .docx laid out per the style profile (GB/T 9704-2012 by default).

Own paragraph styles (报告标题, 报告副标题, 报告人, 报告正文, 部分标题, 一级标题, 二级标题, 报告页码) carry
every layout value of the profile; each paragraph names its style, runs only add what differs
(a bold lead, the 楷体 of an inline section heading, a highlight). Fonts fill all four w:rFonts
slots and every run has w:hint="eastAsia"; lines are exact at the profile's pitch on a
document grid; page numbers are PAGE fields in separate odd and even footers.

The paragraphs are built with lxml directly into python-docx's default package (whose
unused styles and parts are dropped), and the package is saved with fixed zip timestamps, so
the same tree and profile give the same bytes. The paragraphs are body_writer's; a plain draft
(no --annotate) writes them as text into the members docx_package keeps per profile.
"""

from __future__ import annotations

import math
import os
from collections.abc import Callable
from typing import IO, cast

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
from ..tree import Document, Run
from .body_writer import _VAL_0, _VAL_1, _BodyWriter
from .core_props import CORE_TEXT_MAX, write_core_properties  # noqa: F401 (CORE_TEXT_MAX: for callers)
from .docx_comments import Annotator
from .docx_package import draft_members
from .docx_template import new_document
from .docx_xml import (
    R_NS,
    SECTPR_ORDER,
    SETTINGS_ORDER,
    W_NS,
    W_VAL,
    add_page_field,
    add_plain_run,
    half_points,
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
from .style_ids import STYLE_IDS, STYLE_NAMES

__all__ = ["write_docx", "build_docx", "STYLE_IDS", "STYLE_NAMES"]

_OUTLINE = {"part_heading": 0, "heading1": 0, "heading2": 1}
_JC = {"left": "left", "center": "center", "right": "right", "justify": "both"}

# Parts of python-docx's default template a report has no use for.
_DROP_DOC_RELS = (
    RT.NUMBERING,
    RT.CUSTOM_XML,
    "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects",
)
_DROP_PKG_RELS = (RT.THUMBNAIL,)



# --- public API -----------------------------------------------------------------------------

def write_docx(doc: Document, path_or_stream: str | os.PathLike | IO[bytes],
               profile: StyleProfile | None = None,
               annotate: Callable[[Run], str | None] | None = None) -> None:
    """Write `doc` as a .docx to a path or a binary file-like object. `annotate` (optional):
    a run → the text of a Word comment on it, or None (see docx_comments.py)."""
    target = os.fspath(path_or_stream) if isinstance(path_or_stream, os.PathLike) else path_or_stream
    if annotate is None:  # a plain draft: the parts no draft changes are kept per profile
        lay = _Layout(profile or default_profile(), doc.properties.language)
        save_members(draft_members(doc, lay, build_docx), target)
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
    write_core_properties(d, doc)
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
    for key in ("title", "subtitle", "speaker", "body", "part_heading", "heading1", "heading2"):
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


