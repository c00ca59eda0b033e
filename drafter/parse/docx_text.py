""".docx → paragraph texts, one per paragraph (empty ones are dropped by the caller).

Heading levels are decided later from the text, not from Word styles: real reports are rarely
styled (a heading is usually Normal text in bold or 黑体). Word's automatic numbering is part
of the text a reader sees, though, and python-docx leaves it out, so it is rendered back
here (一、 / （一） / 1.) from numbering.xml; the structure rules then see the same line as in
a .txt copy. Tables are skipped: a report's tables are attachments, not its structure.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from pathlib import Path
from typing import Any

from ..errors import DrafterError
from ..limits import check_docx_package, check_docx_xml, check_paragraphs
from .errors import ParseError

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_CN = "〇一二三四五六七八九"


def _chinese(n: int) -> str:
    if n < 10:
        return _CN[n]
    if n < 20:
        return "十" + (_CN[n % 10] if n % 10 else "")
    if n < 100:
        return _CN[n // 10] + "十" + (_CN[n % 10] if n % 10 else "")
    return str(n)


def _format(n: int, fmt: str) -> str:
    if fmt in ("chineseCounting", "chineseCountingThousand", "chineseLegalSimplified",
               "ideographTraditional", "japaneseCounting", "taiwaneseCounting",
               "taiwaneseCountingThousand", "koreanCounting"):
        return _chinese(n)
    if fmt in ("decimalFullWidth", "decimalFullWidth2"):
        return "".join(chr(ord(c) + 0xFEE0) for c in str(n))
    if fmt == "lowerLetter":
        return chr(ord("a") + (n - 1) % 26)
    if fmt == "upperLetter":
        return chr(ord("A") + (n - 1) % 26)
    if fmt == "decimalEnclosedCircle" and 1 <= n <= 20:
        return chr(0x2460 + n - 1)
    if fmt in ("none", "bullet"):
        return ""
    return str(n)


def _val(el, child: str) -> str | None:
    found = el.find(f"{_W}{child}")
    return found.get(f"{_W}val") if found is not None else None


def _int(text: str | None, default: int) -> int:
    """A number attribute as Word reads it; anything else (abc, 1e9, missing) is the default."""
    if text is None:
        return default
    try:
        n = int(text)
    except ValueError:
        return default
    return n if 0 <= n < 100_000 else default


def _level(text: str | None) -> int | None:
    """A list level 0–8 (Word has nine), None for anything else."""
    n = _int(text, -1)
    return n if 0 <= n <= 8 else None


class _Numbering:
    """Renders list labels as Word shows them: counters per abstract list and level, lower
    levels restarting when a higher one advances."""

    def __init__(self, document):
        self.levels: dict[tuple[str, int], tuple[int, str, str]] = {}  # (abstract, ilvl) → start, fmt, text
        self.abstract: dict[str, str] = {}  # numId → abstractNumId
        self.counters: dict[str, list[int]] = {}
        try:
            root = document.part.numbering_part.element
        # no numbering part (python-docx cannot make an empty one), or one whose content type it
        # does not know, loaded as a plain Part without .element
        except (NotImplementedError, AttributeError):
            return
        for an in root.iter(f"{_W}abstractNum"):
            aid = an.get(f"{_W}abstractNumId")
            for lvl in an.iter(f"{_W}lvl"):
                il = _level(lvl.get(f"{_W}ilvl", "0"))
                if il is None:  # ilvl="abc" or 99: Word ignores such a level, so do we
                    continue
                self.levels[(aid, il)] = (
                    _int(_val(lvl, "start"), 1),
                    _val(lvl, "numFmt") or "decimal",
                    _val(lvl, "lvlText") or "",
                )
        for num in root.iter(f"{_W}num"):
            ref = num.find(f"{_W}abstractNumId")
            if ref is not None:
                self.abstract[num.get(f"{_W}numId")] = ref.get(f"{_W}val")

    def label(self, num_id: str, ilvl: int) -> str:
        aid = self.abstract.get(num_id)
        if aid is None or (aid, ilvl) not in self.levels:
            return ""
        counters = self.counters.setdefault(aid, [0] * 9)
        start, fmt, text = self.levels[(aid, ilvl)]
        counters[ilvl] = counters[ilvl] + 1 if counters[ilvl] else start
        for deeper in range(ilvl + 1, 9):
            counters[deeper] = 0
        if fmt == "bullet":
            return ""

        def sub(m: re.Match) -> str:
            k = int(m.group(1)) - 1
            lv = self.levels.get((aid, k))
            value = counters[k] or (lv[0] if lv else 1)
            return _format(value, lv[1] if lv else "decimal")

        return re.sub(r"%(\d)", sub, text)


def _num_pr(p_el, styles_num: dict[str, tuple[str, int]]) -> tuple[str, int] | None:
    """(numId, ilvl) of a paragraph: its own w:numPr, else its style's; numId 0 switches
    numbering off."""
    ppr = p_el.find(f"{_W}pPr")
    num = ppr.find(f"{_W}numPr") if ppr is not None else None
    nid = _val(num, "numId") if num is not None else None
    if nid is not None:
        return _ref(nid, _val(num, "ilvl"))
    style_id = _val(ppr, "pStyle") if ppr is not None else None
    return styles_num.get(style_id) if style_id else None


def _ref(num_id: str, ilvl: str | None) -> tuple[str, int] | None:
    il = _level("0" if ilvl is None else ilvl)  # absent is level 0; present but bad is no level
    return (num_id, il) if num_id != "0" and il is not None else None


def _style_numbering(document) -> dict[str, tuple[str, int]]:
    """Numbering attached to paragraph styles (a 标题 1 style numbered 一、)."""
    out = {}
    for st in document.styles.element.iter(f"{_W}style"):
        num = st.find(f"{_W}pPr/{_W}numPr")
        nid = _val(num, "numId") if num is not None else None
        ref = _ref(nid, _val(num, "ilvl")) if nid is not None else None
        if ref is not None:
            out[st.get(f"{_W}styleId")] = ref
    return out


def open_docx(data: bytes, path: str | Path, shown: str | None = None):
    """A python-docx Document, or a ParseError naming the file: a zip bomb and an XML bomb are
    refused before python-docx unpacks anything (drafter/limits.py), and whatever python-docx or
    lxml raise on a damaged package becomes the same Chinese message."""
    shown = shown or Path(path).name
    try:
        check_docx_package(data, shown)
        check_docx_xml(data, shown)
    except DrafterError as e:
        raise ParseError(e.message, path) from None

    import docx  # python-docx (heavy): only when a .docx is read
    from docx.exceptions import PythonDocxError
    from docx.opc.exceptions import OpcError
    from lxml.etree import LxmlError

    try:
        return docx.Document(io.BytesIO(data))
    # KeyError for a missing part, AttributeError for a part of an unknown content type, lxml
    # errors on broken XML, zip/zlib errors on a damaged archive, ValueError on bad attribute values
    except (KeyError, AttributeError, ValueError, LxmlError, zipfile.BadZipFile, zlib.error, EOFError,
            OpcError, PythonDocxError) as e:
        raise ParseError(f"{shown} 无法作为 .docx 读取（文件可能已损坏，或不是 Word 文档）：{type(e).__name__}", path) from None


def body_paragraphs(document, path: str | Path, shown: str) -> list:
    """The body's w:p elements (python-docx's `document.paragraphs`, without a proxy object
    each), refused past the paragraph cap before any is read."""
    body = document.element.find(f"{_W}body")
    if body is None:  # a main part whose root is not a w:document with its w:body
        raise ParseError(f"{shown} 无法作为 .docx 读取（文件可能已损坏）：没有正文（w:body）", path)
    try:
        check_paragraphs(len(body), shown)
    except DrafterError as e:
        raise ParseError(e.message, path) from None
    return [el for el in body if el.tag == f"{_W}p"]


# Run content as python-docx 1.2's `Paragraph.text` renders it. Its per-run xpath costs ~10 µs,
# seconds for a long document, so the same walk is done here on the elements. Line breaks
# (w:br, w:cr) are left out: inside a paragraph they are layout, not text.
_RUN_TEXT = {f"{_W}tab": "\t", f"{_W}ptab": "\t", f"{_W}noBreakHyphen": "-"}


def paragraph_text(p_el) -> str:
    """The text of a w:p: its runs and the runs of its hyperlinks, as python-docx reads it."""
    out = []
    for child in p_el:
        runs = (child,) if child.tag == f"{_W}r" else child.iterchildren(f"{_W}r") if child.tag == f"{_W}hyperlink" else ()
        for r in runs:
            for el in r:
                if el.tag == f"{_W}t":
                    out.append(el.text or "")
                elif el.tag in _RUN_TEXT:
                    out.append(_RUN_TEXT[el.tag])
    return "".join(out)


def docx_paragraphs(data: bytes, path: str | Path) -> list[str]:
    return docx_body(data, path)[1]


def docx_body(data: bytes, path: str | Path) -> tuple[Any, list[str]]:
    """The w:body element and the texts of its w:p children in order (docx_paragraphs), from
    one parse: a reader that also walks the tables between them opens the file once."""
    document = open_docx(data, path)
    paragraphs = body_paragraphs(document, path, Path(path).name)
    try:
        return document.element.find(f"{_W}body"), _texts(document, paragraphs)
    except AttributeError as e:  # a styles part of an unknown content type: a plain Part, no .element
        raise ParseError(f"{Path(path).name} 无法作为 .docx 读取（文件可能已损坏）：{type(e).__name__}", path) from None


def _texts(document, paragraphs: list) -> list[str]:
    numbering = _Numbering(document)
    styles_num = _style_numbering(document)
    out = []
    for p in paragraphs:
        text = paragraph_text(p)
        if text.strip():
            np = _num_pr(p, styles_num)
            text = (numbering.label(*np) if np else "") + text
        out.append(text)
    return out
