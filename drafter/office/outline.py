"""`drafter outline`: the draft reduced to its skeleton — header, part headings, section
headings and the lead phrase of each lead paragraph — for the office to agree the structure
before the full text is worked on. Same composer, same numbering, same writer as the draft.

Paragraphs without a lead phrase are dropped, so parts made only of such paragraphs (the
opening, the closing, a self-building paragraph without heading) leave nothing; the glossary
appendix is left out (the outline ends with the closing). A review section whose heading
opens its first paragraph (inline) stands on its own line here, without the closing 。, so
that it keeps its heading style (二级标题) and its place in Word's navigation pane.

The file itself is written by the draft pipeline (drafter/pipeline.py, `outline=True`).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from ..compose import compose
from ..model import Report
from ..tree import Document, Header, Heading, Paragraph, Part, Run, Section

__all__ = ["outline", "outline_of"]

_STOPS = "。．.；;："


def _trim_stop(runs: list[Run]) -> list[Run]:
    """An inline heading ends with 。 (it opens a paragraph); on its own line it does not."""
    out = list(runs)
    while out and out[-1].text and out[-1].text[-1] in _STOPS:
        last = out[-1]
        text = last.text.rstrip(_STOPS)
        out[-1] = Run(text, last.source)
        if text:
            break
        out.pop()
    return out


def _heading(h: Heading | None, inline: bool = False) -> Heading | None:
    if h is None:
        return None
    runs = _trim_stop(h.runs) if inline else list(h.runs)
    return Heading(runs, h.level, h.number, h.line)


def _lead_only(p: Paragraph) -> Paragraph | None:
    if not any(r.text for r in p.lead):
        return None
    # the lead alone: as a body paragraph it keeps its bold lead look
    return Paragraph(runs=[], lead=list(p.lead), role=p.role, line=p.line)


def outline_of(doc: Document) -> Document:
    """The outline of a composed document tree (the tree is not changed)."""
    parts: list[Part] = []
    for part in doc.parts:
        if part.type == "appendix":
            continue
        blocks: list[Paragraph | Section] = []
        for block in part.blocks:
            if isinstance(block, Section):
                leads = [q for q in (_lead_only(p) for p in block.blocks) if q is not None]
                heading = _heading(block.heading, inline=block.style == "inline")
                if heading is None and not leads:
                    continue
                blocks.append(Section(heading, "own_line", leads, block.line, block.end_line))
            else:
                q = _lead_only(block)
                if q is not None:
                    blocks.append(q)
        if part.heading is None and not blocks:
            continue
        parts.append(Part(part.type, _heading(part.heading), blocks, part.line, part.end_line))
    h = doc.header
    header = Header(list(h.label), list(h.title), list(h.subtitle), list(h.speaker))
    title = doc.properties.title
    props = replace(doc.properties, title=f"{title}（提纲）" if title else "",
                    comments="drafter 生成的提纲")
    return Document(header, parts, props)


def outline(report: Report, seed: int = 0, bank: Any = None,
            templates: str | Path | None = None) -> Document:
    """The outline of the draft of `report` (same seed and phrase bank give the same wording)."""
    doc = compose(report, seed=seed, templates=Path(templates) if templates else None, bank=bank)
    return outline_of(doc)

