"""Low-level WordprocessingML bits for the .docx writer.

Everything here works on lxml elements directly (python-docx's object layer is slow and
writes only half of what Chinese documents need): units, fonts, the ordered children of
w:pPr / w:sectPr / w:settings, XML-safe text, and a deterministic package writer (fixed zip
timestamps, no python-docx leftovers), so that two runs give byte-identical files.
"""

from __future__ import annotations

import math
import re
import zipfile
from typing import IO
from collections.abc import Iterable, Iterator

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.spec import default_content_types
from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W = "{%s}" % W_NS
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"


def w(tag: str) -> str:
    """Clark name of a w: tag or attribute."""
    return _W + tag


W_VAL = w("val")

# Characters XML 1.0 cannot carry: C0 controls but tab/LF/CR, lone surrogates, U+FFFE/U+FFFF.
# (Written as the positive class: the negated one takes 6 ms to compile.)
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """`text` without the characters lxml refuses; the caller should never pass any."""
    return _XML_INVALID.sub("", text)


# --- units --------------------------------------------------------------------------------

def _round(x: float) -> int:
    return math.floor(x + 0.5)


def mm_to_twips(mm: float) -> int:
    return _round(mm * 1440 / 25.4)


def pt_to_twips(pt: float) -> int:
    return _round(pt * 20)


def half_points(pt: float) -> str:
    return str(_round(pt * 2))


# --- fonts --------------------------------------------------------------------------------

def rfonts_attrs(font: str, latin: str | None, hint: bool = True) -> dict[str, str]:
    """All four font slots of w:rFonts: ascii/hAnsi/cs get the Latin font if one is set,
    else the CJK font; eastAsia the CJK font. hint=eastAsia makes the punctuation that
    Unicode shares with Western text (“ ” ‘ ’ — …) come from the CJK font, full width."""
    west = latin or font
    attrs = {w("ascii"): west, w("hAnsi"): west, w("eastAsia"): font, w("cs"): west}
    if hint:
        attrs[w("hint")] = "eastAsia"
    return attrs


HINT_ONLY = {w("hint"): "eastAsia"}

# The profile names highlight colours as Word's menu does; w:highlight (ST_HighlightColor)
# has other names for three of them, and ignores unknown ones without a word.
_ST_HIGHLIGHT = {
    "black", "blue", "cyan", "green", "magenta", "red", "yellow", "white", "darkBlue",
    "darkCyan", "darkGreen", "darkMagenta", "darkRed", "darkYellow", "darkGray", "lightGray",
}


def highlight_val(name: str | None) -> str | None:
    """The w:highlight value for a profile colour; None for "none"."""
    if not name or name == "none":
        return None
    val = name
    if val not in _ST_HIGHLIGHT:
        raise ValueError(f"unknown highlight colour {name!r}")
    return val


# --- ordered children ---------------------------------------------------------------------

SECTPR_ORDER = (
    "headerReference", "footerReference", "footnotePr", "endnotePr", "type", "pgSz", "pgMar",
    "paperSrc", "pgBorders", "lnNumType", "pgNumType", "cols", "formProt", "vAlign",
    "noEndnote", "titlePg", "textDirection", "bidi", "rtlGutter", "docGrid", "printerSettings",
    "sectPrChange",
)
SETTINGS_ORDER = (
    "writeProtection", "view", "zoom", "removePersonalInformation", "removeDateAndTime",
    "doNotDisplayPageBoundaries", "displayBackgroundShape", "printPostScriptOverText",
    "printFractionalCharacterWidth", "printFormsData", "embedTrueTypeFonts",
    "embedSystemFonts", "saveSubsetFonts", "saveFormsData", "mirrorMargins",
    "alignBordersAndEdges", "bordersDoNotSurroundHeader", "bordersDoNotSurroundFooter",
    "gutterAtTop", "hideSpellingErrors", "hideGrammaticalErrors", "activeWritingStyle",
    "proofState", "formsDesign", "attachedTemplate", "linkStyles", "stylePaneFormatFilter",
    "stylePaneSortMethod", "documentType", "mailMerge", "revisionView", "trackRevisions",
    "doNotTrackMoves", "doNotTrackFormatting", "documentProtection", "autoFormatOverride",
    "styleLockTheme", "styleLockQFSet", "defaultTabStop", "autoHyphenation",
    "consecutiveHyphenLimit", "hyphenationZone", "doNotHyphenateCaps", "showEnvelope",
    "summaryLength", "clickAndTypeStyle", "defaultTableStyle", "evenAndOddHeaders",
    "bookFoldRevPrinting", "bookFoldPrinting", "bookFoldPrintingSheets",
    "drawingGridHorizontalSpacing", "drawingGridVerticalSpacing",
    "displayHorizontalDrawingGridEvery", "displayVerticalDrawingGridEvery",
    "doNotUseMarginsForDrawingGridOrigin", "drawingGridHorizontalOrigin",
    "drawingGridVerticalOrigin", "doNotShadeFormData", "noPunctuationKerning",
    "characterSpacingControl", "printTwoOnOne", "strictFirstAndLastChars", "noLineBreaksAfter",
    "noLineBreaksBefore", "savePreviewPicture", "doNotValidateAgainstSchema",
    "saveInvalidXml", "ignoreMixedContent", "alwaysShowPlaceholderText",
    "doNotDemarcateInvalidXml", "saveXmlDataOnly", "useXSLTWhenSaving", "saveThroughXslt",
    "showXMLTags", "alwaysMergeEmptyNamespace", "updateFields", "hdrShapeDefaults",
    "footnotePr", "endnotePr", "compat", "docVars", "rsids",
)


def set_child(parent: etree._Element, tag: str, order: tuple[str, ...],
              attrs: dict[str, str] | None = None) -> etree._Element:
    """The child `tag` of `parent` (created in schema order if missing), its attributes
    replaced by `attrs` when given."""
    qtag = w(tag)
    child = parent.find(qtag)
    if child is None:
        rank = order.index(tag) if tag in order else len(order)
        child = parent.makeelement(qtag, {})
        for i, sib in enumerate(parent):
            name = etree.QName(sib).localname if isinstance(sib.tag, str) else ""
            if name in order and order.index(name) > rank and sib.tag.startswith(_W):
                parent.insert(i, child)
                break
        else:
            parent.append(child)
    if attrs is not None:
        for k in list(child.attrib):
            del child.attrib[k]
        for k, v in attrs.items():
            child.set(k, v)
    return child


def sub(parent: etree._Element, tag: str, attrs: dict[str, str] | None = None,
        text: str | None = None) -> etree._Element:
    el = etree.SubElement(parent, w(tag), attrs) if attrs else etree.SubElement(parent, w(tag))
    if text is not None:
        el.text = text
    return el


def on_off(parent: etree._Element, tag: str, value: bool) -> None:
    sub(parent, tag) if value else sub(parent, tag, {W_VAL: "0"})


def strip_theme_fonts(root: etree._Element) -> None:
    """Drop asciiTheme/eastAsiaTheme/hAnsiTheme/cstheme: they override the named fonts."""
    names = [w(n) for n in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme")]
    for rf in root.iter(w("rFonts")):
        for n in names:
            if n in rf.attrib:
                del rf.attrib[n]


# --- text runs ----------------------------------------------------------------------------

def add_text(r: etree._Element, text: str) -> None:
    t = etree.SubElement(r, w("t"))
    t.text = text
    if text[:1].isspace() or text[-1:].isspace():
        t.set(XML_SPACE, "preserve")


def add_page_field(p: etree._Element, rpr_attrs: dict) -> None:
    """A PAGE field as fldChar begin / instrText / separate / end runs, no cached number:
    Word and LibreOffice compute it when laying out each page."""
    for kind in ("begin", "instr", "separate", "end"):
        r = sub(p, "r")
        _run_props(r, rpr_attrs)
        if kind == "instr":
            sub(r, "instrText", {XML_SPACE: "preserve"}, " PAGE ")
        else:
            sub(r, "fldChar", {w("fldCharType"): kind})


def _run_props(r: etree._Element, spec: dict) -> None:
    rpr = sub(r, "rPr")
    sub(rpr, "rFonts", spec["rFonts"])
    if "sz" in spec:
        sub(rpr, "sz", {W_VAL: spec["sz"]})
        sub(rpr, "szCs", {W_VAL: spec["sz"]})


def add_plain_run(p: etree._Element, text: str, spec: dict) -> None:
    r = sub(p, "r")
    _run_props(r, spec)
    add_text(r, text)


# --- package ------------------------------------------------------------------------------

_FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
# zlib's fastest level: a draft's document.xml deflates in 0.37 ms instead of 1.0 ms at the default
# 6, and the file grows by about 2 kB in 20 (a warm draft of 咸阳: 24.9 → 24.1 ms, 6 rounds of 15)
_ZIP_LEVEL = 1


def iter_parts(package) -> Iterator:
    """Each part reachable from the package relationships once, depth first (the order
    python-docx's own save uses)."""
    seen: set[int] = set()
    stack = [iter(list(package.rels.values()))]
    while stack:
        rel = next(stack[-1], None)
        if rel is None:
            stack.pop()
            continue
        if rel.is_external:
            continue
        part = rel.target_part
        if id(part) in seen:
            continue
        seen.add(id(part))
        yield part
        stack.append(iter(list(part.rels.values())))


def content_types_xml(parts: Iterable) -> bytes:
    defaults = {"rels": CT.OPC_RELATIONSHIPS, "xml": CT.XML}
    overrides: dict[str, str] = {}
    for part in parts:
        ext = part.partname.ext
        if (ext.lower(), part.content_type) in default_content_types:
            defaults[ext] = part.content_type
        else:
            overrides[str(part.partname)] = part.content_type
    # None is lxml's key for the default namespace; lxml-stubs' nsmap type allows only str keys
    root = etree.Element("{%s}Types" % CT_NS, nsmap={None: CT_NS})  # type: ignore[dict-item]
    for ext in sorted(defaults):
        etree.SubElement(root, "{%s}Default" % CT_NS, Extension=ext, ContentType=defaults[ext])
    for name in sorted(overrides):
        etree.SubElement(root, "{%s}Override" % CT_NS, PartName=name, ContentType=overrides[name])
    return etree.tostring(root, encoding="UTF-8", standalone=True)


def package_members(package) -> list[tuple[str, bytes]]:
    """(zip member name, bytes) of an OPC package, in the order a .docx stores them."""
    parts = list(iter_parts(package))
    for part in parts:
        part.before_marshal()
    members = [("[Content_Types].xml", content_types_xml(parts)), ("_rels/.rels", package.rels.xml)]
    for part in parts:
        members.append((part.partname.membername, part.blob))
        if len(part.rels):
            members.append((part.partname.rels_uri.membername, part.rels.xml))
    return members


def save_package(package, target: str | IO[bytes]) -> None:
    """Write the OPC package as a zip with fixed timestamps (reproducible output)."""
    save_members(package_members(package), target)


def save_members(members: Iterable[tuple[str, bytes]], target: str | IO[bytes]) -> None:
    """The members as a zip with fixed timestamps and settings: the same members give the
    same bytes, whoever made them (docx_writer's package, or docx_package's kept parts)."""
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, blob in members:
            info = zipfile.ZipInfo(name, date_time=_FIXED_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, blob, compresslevel=_ZIP_LEVEL)
