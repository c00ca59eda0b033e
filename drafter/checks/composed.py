"""The composition laid out as the writers lay it out: one paragraph per Word paragraph
(header lines, headings, an inline section heading opening its first paragraph), each
remembering which run — and so which data path — every character came from."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from ..tree import Document, Heading, Paragraph, Run, Source

_NUMBERING = Source("derived", "numbering")


@dataclass
class ComposedParagraph:
    text: str = ""
    starts: list[int] = field(default_factory=list)  # start offset of each run
    runs: list[Run] = field(default_factory=list)

    def add(self, runs: list[Run]) -> None:
        for r in runs:
            if r.text:
                self.starts.append(len(self.text))
                self.runs.append(r)
                self.text += r.text

    def source_at(self, offset: int) -> Source | None:
        i = bisect_right(self.starts, offset) - 1
        return self.runs[i].source if 0 <= i < len(self.runs) and offset < len(self.text) else None

    def spans(self):
        """(start, end, run) for every run."""
        for s, r in zip(self.starts, self.runs, strict=True):  # appended together
            yield s, s + len(r.text), r


def _heading_runs(h: Heading) -> list[Run]:
    return ([Run(h.number, _NUMBERING)] if h.number else []) + list(h.runs)


def _para_runs(p: Paragraph) -> list[Run]:
    return list(p.lead) + list(p.runs)


def composed_paragraphs(doc: Document) -> list[ComposedParagraph]:
    """Mirrors writers/text.render_text and the .docx writer: the same paragraphs in the same
    order, so paragraph numbers of a fresh draft and of this list agree."""
    out: list[ComposedParagraph] = []

    def para(*groups: list[Run]) -> None:
        p = ComposedParagraph()
        for g in groups:
            p.add(g)
        if p.text:
            out.append(p)

    h = doc.header
    for runs in (h.label, h.title, h.subtitle, h.speaker):
        para(runs)
    for ln in doc.lines():
        para(_heading_runs(ln.heading) if ln.heading else [], _para_runs(ln.paragraph) if ln.paragraph else [])
    return out
