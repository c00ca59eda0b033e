"""Key-task sections （一）… / 一、… / 一是… and their lead phrases.

Sections are the outermost numbered list of the part: （一） in 22 reports, 一、 in 2, 一是 in 1
(see sections.best_run); 1、/（1） when that is the first marker after the part heading and
never restarts (sections.first_marker_run: 1、 under 一、 in some reports). Without numbers (lost with Word's automatic numbering) they are the
own-line heading lines. A heading is own-line when the line is a single sentence (or has no
stop at all), else inline: the first sentence.
"""

from __future__ import annotations

from ..state import SectionSpan, State
from .sections import best_run, find_leads, first_marker_run, heading_lines, headline_heads, split_sections

FAMILIES = ("（一）", "一、", "一是")


def find_sections(state: State, lo: int, hi: int) -> list[SectionSpan]:
    if lo > hi:
        return []
    best = best_run(state.lines, lo, hi, FAMILIES, minimum=2)
    sub = first_marker_run(state.lines, lo, hi)  # 1、 sections under the part's 一、 (a lead list is not)
    # a 1.–10. list that ends before the （一） sections begin is a preamble (眉山's 民生实事)
    if sub is not None and (best is None or sub[1][0] < best[1][0] < sub[1][-1]):
        best = sub
    if best is None:
        heads = heading_lines(state.lines, lo, hi)
        if len(heads) < 2:
            heads = headline_heads(state.lines, lo, hi)  # inline headings without their numbers
        return split_sections(state.lines, heads, hi, "none") if len(heads) >= 2 else []
    kind, heads = best
    return split_sections(state.lines, heads, hi, kind)


def rule(state: State) -> None:
    for part in state.parts:
        if part.type != "key_tasks":
            continue
        lo = part.heading + 1 if part.heading is not None else part.start
        sections = find_sections(state, lo, part.end)
        numbering: dict[str, int] = {}  # numbered leads may run on across sections
        for s in sections:
            find_leads(state, s, dash=True, last=numbering)
        state.sections[part.start] = sections
