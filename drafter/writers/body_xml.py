"""The body of a plain draft as XML text, written straight into word/document.xml (issue 13).

docx_writer's _BodyWriter makes ~800 lxml elements a draft (each w:r five or six) that are
then serialised again (~1.2 ms of a ~22 ms warm draft). Here the same paragraphs, merged the
same way (the writer's own `emit` and `para`), are written as text: each paragraph's opening
and each look's w:rPr are built once by the element writer and serialised, so their markup
is lxml's own; only the text between them is escaped here, as libxml2 escapes it.
tests/test_fast_paths.py checks the bytes against the element writer's on the examples and
the escaping on every character.
"""

from __future__ import annotations

from lxml import etree

from ..tree import Document
from .body_writer import _BodyWriter
from .docx_xml import W_NS, w, xml_safe

_NS_DECL = f' xmlns:w="{W_NS}"'
# What libxml2 escapes in text content (quotes are left as they are; tab and LF too).
_TEXT_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"})


def escape_text(text: str) -> str:
    # four substring tests (memchr) before any translation: most text has none of them
    if "&" in text or "<" in text or ">" in text or "\r" in text:
        return text.translate(_TEXT_ESCAPES)
    return text


def _markup(el: etree._Element) -> str:
    """An element's markup as it stands inside w:body (no namespace declaration of its own)."""
    return etree.tostring(el, encoding="unicode").replace(_NS_DECL, "", 1)


class BodyText(_BodyWriter):
    """The paragraphs of a draft as the XML text lxml would serialise for _BodyWriter's
    elements. Plain drafts only: comments (--annotate) need the elements."""

    def text(self, doc: Document) -> str:
        self.out: list[str] = []
        self.body = etree.Element(w("body"), nsmap={"w": W_NS})  # stays empty: see _paragraph
        self._openings: dict[tuple[str, bool, int | None], str] = {}
        self._looks: dict[tuple, str] = {}
        self.emit(doc)
        return "".join(self.out)

    def _paragraph(self, parent: etree._Element, style_id: str, flush_left: bool,
                   outline: int | None = None) -> etree._Element:
        """The paragraph's opening (w:p and w:pPr) as text; `parent` is returned as the
        paragraph for para to hand back to the methods below, which write text and ignore it."""
        key = (style_id, flush_left, outline)
        opening = self._openings.get(key)
        if opening is None:
            p = super()._paragraph(etree.Element(w("body"), nsmap={"w": W_NS}), style_id, flush_left, outline)
            opening = self._openings[key] = _markup(p).removesuffix("</w:p>")
        self.out.append(opening)
        return parent

    def _close(self, p: etree._Element) -> None:
        self.out.append("</w:p>")

    def _line_break(self, p: etree._Element) -> None:
        self.out.append("<w:r><w:br/></w:r>")

    def _run(self, p: etree._Element, key: tuple, text: str) -> None:
        text = xml_safe(text)
        if not text:
            return
        look = self._looks.get((key, self.squeeze))
        if look is None:
            r = etree.Element(w("r"), nsmap={"w": W_NS})
            self._run_props(r, key)
            look = self._looks[(key, self.squeeze)] = _markup(r[0])
        t = '<w:t xml:space="preserve">' if text[0].isspace() or text[-1].isspace() else "<w:t>"
        self.out.append(f"<w:r>{look}{t}{escape_text(text)}</w:t></w:r>")
