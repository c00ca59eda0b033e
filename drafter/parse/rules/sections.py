"""Shared by the review and key-task rules: numbered families, section spans and leads."""

from __future__ import annotations

import re
from typing import Literal

from ..lines import LEAD_MAX, LIST_INTRO, cn_number, headline_of, lead_of, marker, sentences
from ..state import Lead, SectionSpan, State

# 4+4 couplets (民之所盼，政之所向。 / 使命在肩，唯有实干。) are rhetoric that opens a block,
# not a lead phrase naming a task.
_COUPLET = re.compile(r"^[^，,]{4}[，,][^，,]{4}[。！!]$")
_BAD_START = re.compile(r"^(各位代表|同志们|同时|此外|另外|与此同时|其中|以上|上述|——)")
MIN_LEADS = 2  # leads come in parallel sets (3–4 per section); a lone short sentence is prose


GAP_KINDS = ("（一）", "一、")  # own-line markers: a run may skip one number lost in copying


def numbered_runs(lines: list[str], lo: int, hi: int, kind: str) -> list[list[int]]:
    """Runs of lines lo..hi opening with `kind` markers numbered 1, 2, 3, … in order.
    A marker that does not continue the current run is ignored (a quoted 三是 in passing);
    a （一）/一、 run may skip one number (淮安 （四） then （六）: （五） lost in the copy)."""
    runs: list[list[int]] = []
    last = 0
    for i in range(lo, hi + 1):
        m = marker(lines[i])
        if m is None or m.kind != kind:
            continue
        if m.number == 1:
            runs.append([i])
            last = 1
        elif runs and (m.number == last + 1 or (kind in GAP_KINDS and m.number == last + 2 and last >= 2)):
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


SUB_KINDS = ("1.", "（1）")  # the third and fourth levels, used for sections by some reports (1、 under 一、)


def first_marker_run(lines: list[str], lo: int, hi: int, kinds: tuple[str, ...] = SUB_KINDS) -> tuple[str, list[int]] | None:
    """The list the part's sections use when it is marked 1、/（1） rather than （一）: the first
    marker after the part heading opens it (number 1), and it goes on without restarting, so
    it is the one run of its family (leads numbered 1、2、3、 start again in every section;
    numbers running on across sections, 泰州's 1.–9., leave the part's first marker to an
    unnumbered section heading or to a （一）). Unnumbered own-line headings between its items
    say the items are leads under them."""
    first = next((i for i in range(lo, hi + 1) if marker(lines[i])), None)
    m = marker(lines[first]) if first is not None else None
    if m is None or m.kind not in kinds or m.number != 1:
        return None
    runs = numbered_runs(lines, lo, hi, m.kind)
    if len(runs) != 1 or len(runs[0]) < 3 or runs[0][0] != first:
        return None
    run = runs[0]
    if any(i not in run for i in heading_lines(lines, run[0], run[-1])):
        return None
    return m.kind, run


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
        if not re.search(r"[。！？!?]", line) or (len(sentences(line)) == 1 and "，" in line and line.endswith("。") and not re.search(r"\d", line)):
            out.append(i)
    return out


SHORT_SECTION = 160  # characters: a heading sentence and a one- or two-sentence intro
HEADLINE_MAX = 48  # 坚定不移建设区域性中心城市，加快构建…的区域协调发展格局。


def headline_heads(lines: list[str], lo: int, hi: int) -> list[int]:
    """Sections whose （一） was dropped and whose heading is the first sentence of its
    paragraph (加快建设现代产业新区。深入实施…). Two levels without markers: when short
    paragraphs (a heading and its intro) each open a group of two or more paragraphs, those
    are the sections and the groups' headline sentences their leads; else every paragraph
    opening with a headline sentence is a section."""
    heads = [i for i in range(lo, hi + 1) if headline_of(lines[i], HEADLINE_MAX) and not LIST_INTRO.search(lines[i])]
    short = [i for i in heads if len(lines[i]) <= SHORT_SECTION and len(sentences(lines[i])) <= 3 and i + MIN_LEADS <= hi]
    chosen = _grouped(short)
    # the sections' headings share one form: two clauses (坚定不移强工业，加快建设…。) or one
    # (加快建设现代产业新区。); a short lead paragraph of the other form is none of them
    commas = [_two_clauses(lines[i]) for i in chosen]
    if chosen and commas.count(True) != commas.count(False):
        form = commas.count(True) > commas.count(False)
        chosen = _grouped([i for i in short if _two_clauses(lines[i]) == form])
    if len(chosen) >= MIN_LEADS and len(heads) >= (MIN_LEADS + 1) * len(chosen):
        return chosen
    return heads


def _two_clauses(line: str) -> bool:
    return "，" in sentences(line)[0]


def _grouped(candidates: list[int]) -> list[int]:
    """Candidates that each open a group of MIN_LEADS paragraphs or more: a short lead paragraph
    inside a group is skipped; of two short paragraphs back to back the second is the heading
    (the first is a remark closing the previous section)."""
    out: list[int] = []
    for i in candidates:
        if out and i == out[-1] + 1:
            out[-1] = i
        elif not out or i - out[-1] > MIN_LEADS:
            out.append(i)
    return out


def make_section(lines: list[str], start: int, end: int, family: str) -> SectionSpan:
    line = lines[start]
    m = marker(line) if family in ("（一）", "一、", "一是", *SUB_KINDS) else None
    parts = sentences(line)
    style: Literal["own_line", "inline"]
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


def is_lead(line: str, numbered: bool = False) -> str | None:
    lead = lead_of(line, numbered)
    if lead is None or _COUPLET.match(lead) or lead.startswith("——"):
        return None
    return lead


# Numbered leads: 一是扩大有效投资。 / （1）强化产业支撑。 / 1.推动投资提速增效。 / 第一，坚持稳中求进。
# In key tasks a dash marks them too (——加强科技创新引领。); in the review —— opens highlights.
LEAD_MARKERS = ("一是", "（1）", "1.")
ORDINAL = re.compile(r"^第[一二三四五六七八九十]{1,3}[，,、]")
DASH = "——"


def lead_marker(line: str, dash: bool = False) -> tuple[str, str, int]:
    """(numbering as written, family, number) in front of a possible lead; ("", "", 0) if
    none. A dash has number 0: it needs no order."""
    m = marker(line)
    if m and m.kind in LEAD_MARKERS:
        return m.text, m.kind, m.number
    o = ORDINAL.match(line)
    if o:
        return o.group(0), "第一", cn_number(o.group(0)[1:-1]) or 0
    if dash and line.startswith(DASH) and not line.startswith(DASH * 2):
        return DASH, DASH, 0
    return "", "", 0


def paragraph_lead(line: str, dash: bool = False) -> str | None:
    """The lead phrase opening a paragraph, its number (or dash) included when it has one."""
    number, family, _n = lead_marker(line, dash)
    if not number:
        return is_lead(line)
    lead = is_lead(line[len(number):], numbered=family != DASH)
    return number + lead if lead else None


def in_order(family: str, n: int, last: dict[str, int]) -> bool:
    """A numbered lead continues its family's run (or starts one at 1); a dash always fits."""
    return family == DASH or n == 1 or n == last.get(family, 0) + 1


def inline_leads(paragraphs: list[str]) -> list[tuple[int, str]]:
    """Numbered leads inside the paragraphs of a section, the most common form in county
    reports: …。一是疫情防控有力有效。…二是市场运行平稳有序。… (also （1）… and 第一，…), as
    (paragraph index, lead). Each is a lead-shaped sentence; the numbers run from 1 across
    the section (a list may go on in the next paragraph); fewer than MIN_LEADS are prose."""
    found: list[tuple[int, str]] = []
    last: dict[str, int] = {}
    for k, text in enumerate(paragraphs):
        for sentence in sentences(text):
            number, family, n = lead_marker(sentence)
            if not family or n != last.get(family, 0) + 1:
                continue
            lead = is_lead(sentence[len(number):], numbered=True)
            if lead:
                last[family] = n
                found.append((k, number + lead))
    return found if len(found) >= MIN_LEADS else []


# A statement, not an action: X是Y。/ X就是Y。 / 绿色决定发展成色。
_STATEMENT = re.compile(r"^[^是]{2,}是|决定")
PARALLEL_MIN = 3


def parallel_leads(lines: list[str], lo: int, hi: int) -> list[Lead]:
    """Items too long or too comma-rich for lead_of that are leads by their parallel form: at
    least PARALLEL_MIN paragraphs whose short first sentences open with the same character
    (坚持依法行政，推进法治政府建设。/ 坚持系统观念，… ; 在政治引领中把准前进方向。/ 在科学决策中…)."""
    by_start: dict[str, list[Lead]] = {}
    for i in range(lo, hi + 1):
        s = sentences(lines[i])[0] if lines[i] else ""
        if len(sentences(lines[i])) < 2 or not s.endswith("。") or not 6 <= len(s) <= LEAD_MAX:
            continue
        if re.search(r"[：:；;\d]", s) or _BAD_START.match(s) or marker(s):
            continue
        by_start.setdefault(s[:1], []).append(Lead(i, s))
    best = max(by_start.values(), key=len, default=[])
    return best if len(best) >= PARALLEL_MIN else []


def find_leads(state: State, section: SectionSpan, dash: bool = False, last: dict[str, int] | None = None) -> None:
    """Paragraph-initial lead phrases of the paragraphs after the heading line. Numbered
    leads count only as a run from 1 (a 民生实事 list （5）实行…。（6）… is not one); `last`
    carries the numbers on from the part's earlier sections (泰州 numbers 1.–9. across three).
    dash: ——X。 paragraphs are leads too (key tasks)."""
    lines = state.lines
    found = []
    last = {} if last is None else last
    for i in range(section.start + 1, section.end + 1):
        _text, family, n = lead_marker(lines[i], dash)
        if family and not in_order(family, n, last):
            continue
        lead = paragraph_lead(lines[i], dash)
        if lead:
            if family:
                last[family] = n
            found.append(Lead(i, lead))
    if len(found) > MIN_LEADS and found[0].index == section.start + 1 and _STATEMENT.search(found[0].text):
        found = found[1:]  # the section's intro (产业是城市的筋骨、经济的脊梁。), not a task
    section.leads = found if len(found) >= MIN_LEADS else []
