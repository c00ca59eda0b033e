"""Shared by the review and key-task rules: numbered families, section spans and leads."""

from __future__ import annotations

import re

from ..lines import LIST_INTRO, lead_of, marker, sentences
from ..state import Lead, SectionSpan, State

# 4+4 couplets (民之所盼，政之所向。 / 使命在肩，唯有实干。) are rhetoric that opens a block,
# not a lead phrase naming a task.
_COUPLET = re.compile(r"^[^，,]{4}[，,][^，,]{4}[。！!]$")
_BAD_START = re.compile(r"^(各位代表|同志们|同时|此外|另外|与此同时|其中|以上|上述|——)")
MIN_LEADS = 2  # leads come in parallel sets (3–4 per section); a lone short sentence is prose


def numbered_runs(lines: list[str], lo: int, hi: int, kind: str) -> list[list[int]]:
    """Runs of lines lo..hi opening with `kind` markers numbered 1, 2, 3, … in order.
    A marker that does not continue the current run is ignored (a quoted 三是 in passing)."""
    runs: list[list[int]] = []
    last = 0
    for i in range(lo, hi + 1):
        m = marker(lines[i])
        if m is None or m.kind != kind:
            continue
        if m.number == 1:
            runs.append([i])
            last = 1
        elif runs and m.number == last + 1:
            runs[-1].append(i)
            last = m.number
    return runs


def best_run(lines: list[str], lo: int, hi: int, kinds: tuple[str, ...], minimum: int) -> tuple[str, list[int]] | None:
    """The outermost numbered list in lines lo..hi.

    Per family the longest run counts. Of these the one that starts first wins: a list of
    sections starts before any list nested in a section (一、 sections with （一） sub-items,
    a numbered 民生实事 list in the last section). One exception: a 一是…四是 list that ends
    before another list begins is a preamble (实现上述目标，需要把握好…：一是…), not the
    sections."""
    best: list[tuple[int, str, list[int]]] = []
    for kind in kinds:
        runs = [r for r in numbered_runs(lines, lo, hi, kind) if len(r) >= minimum]
        if runs:
            run = max(runs, key=len)
            best.append((run[0], kind, run))
    best.sort()
    for k, (_, kind, run) in enumerate(best):
        later = best[k + 1 :]
        if kind == "一是" and later and run[-1] < later[0][0]:
            continue
        return kind, run
    return None


def heading_lines(lines: list[str], lo: int, hi: int) -> list[int]:
    """Unnumbered own-line headings, what is left of （一）… when Word's automatic numbering
    is lost: short lines (followed by text) that have no stop at all, or that are a single
    two-clause sentence (坚持把壮大实体作为第一动力，全力推动经济增长。)."""
    out = []
    for i in range(lo, hi):
        line = lines[i]
        if not 6 <= len(line) <= 40 or re.search(r"[；;：:]$", line) or _BAD_START.match(line):
            continue
        if LIST_INTRO.search(line) or re.search(r"以下|如下|下列|主要做了|体现在", line):
            continue
        if not re.search(r"[。！？!?]", line):
            out.append(i)
        elif len(sentences(line)) == 1 and "，" in line and line.endswith("。") and not re.search(r"\d", line):
            out.append(i)
    return out


def make_section(lines: list[str], start: int, end: int, family: str) -> SectionSpan:
    line = lines[start]
    m = marker(line) if family in ("（一）", "一、", "一是") else None
    parts = sentences(line)
    if len(parts) <= 1:
        style, heading = "own_line", line
    else:
        style, heading = "inline", parts[0]
    return SectionSpan(
        start=start, end=end, heading=heading, number=m.text if m else "", style=style, marker=family
    )


def split_sections(lines: list[str], heads: list[int], end: int, family: str) -> list[SectionSpan]:
    out = []
    for k, h in enumerate(heads):
        stop = heads[k + 1] - 1 if k + 1 < len(heads) else end
        out.append(make_section(lines, h, stop, family))
    return out


def is_lead(line: str) -> str | None:
    lead = lead_of(line)
    if lead is None or _COUPLET.match(lead) or lead.startswith("——"):
        return None
    return lead


def find_leads(state: State, section: SectionSpan) -> None:
    """Paragraph-initial lead phrases of the paragraphs after the heading line."""
    lines = state.lines
    found = []
    for i in range(section.start + 1, section.end + 1):
        lead = is_lead(lines[i])
        if lead:
            found.append(Lead(i, lead))
    section.leads = found if len(found) >= MIN_LEADS else []
