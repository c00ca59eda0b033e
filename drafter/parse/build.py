"""Parse state → drafter.tree.Document (the tree the composer builds and the writers write).

Every run carries Source("source", ref="<1-based input line>") (where its paragraph starts
when hard-wrapped lines were joined), so a parsed report can be written
back as .docx/markdown and each piece traced to its line.
"""

from __future__ import annotations

import re

from ..tree import Document, Header, Heading, Paragraph, Part, Run, Section, Source
from .lines import is_salutation_only
from .rules.parts import heading_parts
from .state import Lead, PartSpan, SectionSpan, State

_SUBTITLE = re.compile(r"^——|^在?\d{4}年\d{1,2}月\d{1,2}日|会议上|代表大会")
_SPEAKER = re.compile(r"(省|市|区|县|州|盟|旗)长|代市长|主任|主席|副")


def _run(state: State, i: int, text: str | None = None) -> Run:
    return Run(state.lines[i] if text is None else text, Source("source", str(state.line_no(i))))


def _paragraph(state: State, i: int, lead: str | None = None, role: str = "body", text: str | None = None) -> Paragraph:
    line = state.lines[i] if text is None else text
    if is_salutation_only(line):
        role = "salutation"
    if lead and line.startswith(lead):
        return Paragraph(
            runs=[_run(state, i, line[len(lead):])] if len(line) > len(lead) else [],
            lead=[_run(state, i, lead)],
            role=role,
            line=state.line_no(i),
        )
    return Paragraph(runs=[_run(state, i, line)], role=role, line=state.line_no(i))


def _header(state: State) -> Header:
    h = Header()
    for i in state.header:
        line = state.lines[i]
        if "政府工作报告" in line and not _SUBTITLE.search(line):
            h.title.append(_run(state, i))
        elif _SUBTITLE.search(line):
            h.subtitle.append(_run(state, i))
        elif _SPEAKER.search(line) and len(line) <= 30:
            h.speaker.append(_run(state, i))
        elif not h.title:
            h.label.append(_run(state, i))  # a file-number line above the title
        else:
            h.title.append(_run(state, i))
    return h


def _section(state: State, s: SectionSpan) -> Section:
    line = state.lines[s.start]
    leads = {x.index: x.text for x in s.leads}
    text = s.heading[len(s.number):] if s.number and s.heading.startswith(s.number) else s.heading
    heading = Heading(runs=[_run(state, s.start, text)], level=2, number=s.number, line=state.line_no(s.start))
    blocks: list[Paragraph] = []
    if s.style == "inline":
        rest = line[len(s.heading):]
        if rest:
            blocks.append(_paragraph(state, s.start, text=rest))
    for i in range(s.start + 1, s.end + 1):
        blocks.append(_paragraph(state, i, leads.get(i)))
    return Section(heading=heading, style=s.style, blocks=blocks, line=state.line_no(s.start), end_line=state.end_line_no(s.end))


def _part(state: State, span: PartSpan) -> Part:
    heading = None
    first = span.start
    if span.heading is not None:
        number, rest = heading_parts(state.lines[span.heading])
        heading = Heading(runs=[_run(state, span.heading, rest)], level=1, number=number, line=state.line_no(span.heading))
        first = span.heading + 1
    items: dict[int, Lead] = {x.index: x for x in state.items.get(span.start, [])}
    sections = state.sections.get(span.start, [])
    blocks: list[Paragraph | Section] = []
    i = first
    for s in sections:
        while i < s.start:
            blocks.append(_paragraph(state, i))
            i += 1
        blocks.append(_section(state, s))
        i = s.end + 1
    while i <= span.end:
        item = items.get(i)
        blocks.append(_paragraph(state, i, item.text if item else None, "item" if item else "body"))
        i += 1
    return Part(type=span.type, heading=heading, blocks=blocks, line=state.line_no(span.start), end_line=state.end_line_no(span.end))


def _plain_part(state: State, type_: str, span: tuple[int, int]) -> Part:
    a, b = span
    return Part(type=type_, blocks=[_paragraph(state, i) for i in range(a, b + 1)], line=state.line_no(a), end_line=state.end_line_no(b))


def build(state: State) -> Document:
    parts: list[Part] = []
    if state.opening is not None:
        parts.append(_plain_part(state, "opening", state.opening))
    parts.extend(_part(state, span) for span in state.parts if span.start <= span.end)
    if state.closing is not None:
        parts.append(_plain_part(state, "closing", state.closing))
    if state.appendix is not None:
        a, b = state.appendix
        heading = Heading(runs=[_run(state, a)], level=1, line=state.line_no(a))
        blocks: list[Paragraph | Section] = [_paragraph(state, i) for i in range(a + 1, b + 1)]
        parts.append(Part(type="appendix", heading=heading, blocks=blocks, line=state.line_no(a), end_line=state.end_line_no(b)))
    return Document(header=_header(state), parts=parts)
