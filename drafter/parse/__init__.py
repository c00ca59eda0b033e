"""Read an existing 政府工作报告 (.txt or .docx) into the document tree.

    read_lines(path)   -> list[str]   decoded, normalised, non-empty lines (one paragraph each);
                                      = lines_from_bytes(read_report_bytes(path), path)
    parse_lines(lines) -> Document    structure from the text alone (rules/, see rules/__init__)
    parse_report(path) -> Document    read_lines + parse_lines
    to_json(doc)       -> dict        {"parts": [{type, heading, start_line, end_line,
                                                  sections: [{heading, line, leads: [{text, line}],
                                                              inline_leads: [{text, line}]}]}]}
    ParseError                         unreadable input; a Chinese message naming the file

Line numbers are 1-based over the non-empty lines, so for the corpus files they are the
line numbers of structure.json; a paragraph joined from hard-wrapped lines has the number of
its first line, and a report saved as one line is numbered by the paragraphs cut from it
(runon.py). Pure string rules: no jieba, no Word styles.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import DrafterError
from ..limits import MAX_REPORT_BYTES, check_paragraphs, read_capped
from ..tree import Document, Paragraph, plain
from .build import build
from .decode import OLE_MAGIC, ZIP_MAGIC, decode_text, ole_message
from .docx_text import docx_paragraphs
from .errors import ParseError
from .normalize import full_width_punctuation, normalize_line, split_lines
from .rules import run
from .rules.sections import inline_leads
from .state import State
from .unwrap import unwrap

__all__ = [
    "ParseError", "read_report_bytes", "lines_from_bytes", "read_lines", "parse_lines", "parse_report", "to_json",
]


def read_report_bytes(path: str | Path) -> bytes:
    """The file's bytes, read with the report cap (drafter/limits.py): a device, a FIFO, a
    folder, a symlink loop or an oversized (even sparse) file is a ParseError naming it."""
    p = Path(path)
    try:
        return read_capped(p, MAX_REPORT_BYTES, p.name)
    except DrafterError as e:
        raise ParseError(e.message, p) from None


def lines_from_bytes(data: bytes, path: str | Path, keep_indent: bool = False) -> list[str]:
    """The report's paragraphs as lines. The format is decided by the bytes, not the suffix:
    a zip package is read as .docx, the OLE compound file of a .doc is refused."""
    p = Path(path)
    if data.startswith(OLE_MAGIC):
        raise ParseError(ole_message(data, p.name), p)
    if data.startswith(ZIP_MAGIC) or p.suffix.lower() == ".docx":
        if not data:
            raise ParseError(f"{p.name} 是空文件，没有可以解析的内容", p)
        if not data.startswith(ZIP_MAGIC):
            raise ParseError(f"{p.name} 不是有效的 .docx 文件（文件可能已损坏或并非 Word 文档）", p)
        lines = [x for x in (normalize_line(t) for t in docx_paragraphs(data, p)) if x]
    else:
        lines = split_lines(decode_text(data, p), keep_indent)
        try:
            check_paragraphs(len(lines), p.name)
        except DrafterError as e:
            raise ParseError(e.message, p) from None
    if not lines:
        raise ParseError(f"{p.name} 没有任何文字内容", p)
    return lines


def read_lines(path: str | Path) -> list[str]:
    """The report's paragraphs as lines (read_report_bytes + lines_from_bytes)."""
    return lines_from_bytes(read_report_bytes(path), path)


def parse_lines(lines: list[str]) -> Document:
    """The document tree of a report given as its non-empty lines. A hard-wrapped text is
    joined into paragraphs first (unwrap.py) and half-width punctuation in Chinese text made
    full-width (（十）, ！, ；); line numbers stay those of `lines`."""
    indented = [t[:1].isspace() for t in lines if normalize_line(t)]
    lines = [full_width_punctuation(x) for x in (normalize_line(t) for t in lines) if x]
    joined, origin = unwrap(lines, indented)
    return build(run(State(joined, origin=origin, n_input=len(lines))))


def parse_report(path: str | Path) -> Document:
    """read_lines + parse_lines, with the indentation of a .txt kept for unwrap."""
    return parse_lines(lines_from_bytes(read_report_bytes(path), path, keep_indent=True))


def _leads(paragraphs: list[Paragraph]) -> list[dict]:
    return [{"text": plain(p.lead), "line": p.line} for p in paragraphs if p.lead]


def _inline_leads(paragraphs: list[Paragraph]) -> list[dict]:
    """Numbered leads inside the section's paragraphs (一是…。二是…。); a paragraph's own lead
    (一是扩大有效投资。 opening it) is in `leads`, not here."""
    found = inline_leads([p.text for p in paragraphs])
    return [{"text": t, "line": paragraphs[k].line} for k, t in found if t != plain(paragraphs[k].lead)]


def to_json(doc: Document) -> dict:
    """The parse summary.

    Parts follow structure.json's `segments` (the header is not a part): a heading over both
    targets and key tasks (2023年工作安排) stays with the targets part and the key_tasks part
    that follows has heading None. Part heading: the full line. Section heading: the whole
    line for own-line headings, the first sentence for inline ones. Self-building items (lead
    paragraphs directly under a part: 旗帜鲜明讲政治。 / （一）坚持政治引领。) are given as one
    section with heading None."""
    parts = []
    for part in doc.parts:
        sections = []
        for block in part.sections:
            sections.append({
                "heading": block.heading.text if block.heading else None,
                "line": block.line,
                "leads": _leads(block.blocks),
                "inline_leads": _inline_leads(block.blocks),
            })
        loose = [b for b in part.blocks if isinstance(b, Paragraph) and b.lead]
        if loose:
            sections.append({"heading": None, "line": loose[0].line, "leads": _leads(loose), "inline_leads": []})
        parts.append({
            "type": part.type,
            "heading": part.heading.text if part.heading else None,
            "start_line": part.line,
            "end_line": part.end_line,
            "sections": sections,
        })
    return {"parts": parts}
