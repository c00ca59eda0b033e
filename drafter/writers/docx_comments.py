"""Word comments (批注) for the .docx writer: `drafter draft --annotate`.

The body writer merges neighbouring runs of the same look into one w:r; with an annotator it
keeps each annotated run as its own w:r and wraps it as Word does:

    <w:commentRangeStart w:id="0"/>
    <w:r>…2878…</w:r>
    <w:commentRangeEnd w:id="0"/>
    <w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:commentReference w:id="0"/></w:r>

and `finish` writes the comments part (word/comments.xml, its relationship and content type)
plus the two styles the comments name (批注文字, 批注引用). python-docx's CommentsPart is used
as the part class, so `docx.Document(path).comments` reads them back; its `add_comment` is
not, because it stamps each comment with the current time (the same data must give the same
file) and builds every comment by parsing a string.
"""

from __future__ import annotations

from typing import cast
from collections.abc import Callable

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.oxml.comments import CT_Comments
from docx.oxml.parser import parse_xml
from docx.parts.comments import CommentsPart
from lxml import etree

from ..tree import Run
from .docx_xml import W_NS, W_VAL, XML_SPACE, rfonts_attrs, sub, w, xml_safe

__all__ = ["Annotator", "COMMENT_AUTHOR", "COMMENT_STYLE_IDS"]

COMMENT_AUTHOR = "drafter"
COMMENT_STYLE_IDS = {"text": "CommentText", "reference": "CommentReference"}

_RANGE_START, _RANGE_END = w("commentRangeStart"), w("commentRangeEnd")
_W_ID = w("id")


class Annotator:
    """Collects the comments of one document while the body writer runs.

    `note(run)` gives the comment text for a run, or None for runs without one.
    """

    def __init__(self, note: Callable[[Run], str | None], author: str = COMMENT_AUTHOR,
                 initials: str = "DR", size_pt: float = 10.5):
        self.note = note
        self.author = author
        self.initials = initials
        self.size_pt = size_pt
        self.comments: list[str] = []

    # --- in the body --------------------------------------------------------------------

    def open(self, p: etree._Element, text: str) -> str:
        """Start a comment range in paragraph `p`; returns its id."""
        cid = str(len(self.comments))
        self.comments.append(text)
        etree.SubElement(p, _RANGE_START, {_W_ID: cid})
        return cid

    def close(self, p: etree._Element, cid: str) -> None:
        """End the range and add the reference mark (a run of its own, without text)."""
        etree.SubElement(p, _RANGE_END, {_W_ID: cid})
        r = etree.SubElement(p, w("r"))
        rpr = etree.SubElement(r, w("rPr"))
        etree.SubElement(rpr, w("rStyle"), {W_VAL: COMMENT_STYLE_IDS["reference"]})
        etree.SubElement(r, w("commentReference"), {_W_ID: cid})

    # --- the package --------------------------------------------------------------------

    def finish(self, d, font: str | None = None, latin: str | None = None) -> None:
        """Add the comments part and the comment styles to python-docx document `d`.
        Nothing is added when no run had a note."""
        if not self.comments:
            return

        root = etree.Element(w("comments"), nsmap={"w": W_NS})
        for cid, text in enumerate(self.comments):
            c = sub(root, "comment", {_W_ID: str(cid), w("author"): self.author,
                                      w("initials"): self.initials})
            p = sub(c, "p")
            sub(sub(p, "pPr"), "pStyle", {W_VAL: COMMENT_STYLE_IDS["text"]})
            r = sub(p, "r")
            sub(sub(r, "rPr"), "rStyle", {W_VAL: COMMENT_STYLE_IDS["reference"]})
            sub(r, "annotationRef")
            r = sub(p, "r")
            t = sub(r, "t", None, xml_safe(text))
            if text[:1].isspace() or text[-1:].isspace():
                t.set(XML_SPACE, "preserve")
        # parse_xml gives python-docx's element classes (CT_Comments), which its reader expects
        element = cast(CT_Comments, parse_xml(etree.tostring(root, encoding="UTF-8", standalone=True)))
        part = CommentsPart(PackURI("/word/comments.xml"), CT.WML_COMMENTS, element,
                            d.part.package)
        d.part.relate_to(part, RT.COMMENTS)
        self._add_styles(d.part.part_related_by(RT.STYLES).element, font, latin)

    def _add_styles(self, styles: etree._Element, font: str | None, latin: str | None) -> None:
        ids = {s.get(w("styleId")) for s in styles.iter(w("style"))}
        hp = str(round(self.size_pt * 2))
        if COMMENT_STYLE_IDS["text"] not in ids:
            st = sub(styles, "style", {w("type"): "paragraph",
                                       w("styleId"): COMMENT_STYLE_IDS["text"]})
            sub(st, "name", {W_VAL: "annotation text"})
            sub(st, "basedOn", {W_VAL: "Normal"})
            sub(st, "uiPriority", {W_VAL: "99"})
            sub(st, "unhideWhenUsed")
            ppr = sub(st, "pPr")
            sub(ppr, "snapToGrid", {W_VAL: "0"})
            sub(ppr, "spacing", {w("before"): "0", w("after"): "0", w("line"): "240",
                                 w("lineRule"): "auto"})
            sub(ppr, "ind", {w("firstLineChars"): "0", w("firstLine"): "0"})
            sub(ppr, "jc", {W_VAL: "left"})
            rpr = sub(st, "rPr")
            if font:
                sub(rpr, "rFonts", rfonts_attrs(font, latin))
            sub(rpr, "sz", {W_VAL: hp})
            sub(rpr, "szCs", {W_VAL: hp})
        if COMMENT_STYLE_IDS["reference"] not in ids:
            st = sub(styles, "style", {w("type"): "character",
                                       w("styleId"): COMMENT_STYLE_IDS["reference"]})
            sub(st, "name", {W_VAL: "annotation reference"})
            sub(st, "basedOn", {W_VAL: "DefaultParagraphFont"})
            sub(st, "uiPriority", {W_VAL: "99"})
            sub(st, "unhideWhenUsed")
            rpr = sub(st, "rPr")
            sub(rpr, "sz", {W_VAL: hp})
            sub(rpr, "szCs", {W_VAL: hp})
