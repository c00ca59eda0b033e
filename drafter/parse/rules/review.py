"""Review sections and their leads.

The review's list of achievements is marked in one of several ways (ANALYSIS §4.4):
（一） 14 reports, —— 3, 一是 2, 这一年 / ——这一年 / 一年来 / ——一年来 1 each, none 2.
Numbered families win over unnumbered openers, because —— and 这一年 also mark the
highlights that precede a numbered list (咸阳, 安康, 定西 …). Among openers, the earliest
family with three members wins: 这一年 sections come before their —— sub-items (陇南) and
before the 一年来，我们… reflections after the list. Without any marker the sections are the
own-line heading lines (numbering lost), or else the short headline sentences that open
paragraphs (经济运行稳健向好。).
The list ends at the first 各位代表 / thanks / problems paragraph after it.
"""

from __future__ import annotations

import re

from ..lines import PROBLEMS_FORMULA, SALUTATION, THANKS_FORMULA, headline_of, marker, opener
from ..state import SectionSpan, State
from .sections import best_run, find_leads, heading_lines, is_lead, split_sections
from .self_building import SELF_BUILDING

NUMBERED = ("（一）", "一是", "一、", "1.", "（1）")  # 泰州 numbers its review 1. 2. 3.
MIN_OPENERS = 3
HEADLINE_MAX = 26


def _tail(lines: list[str], lo: int, hi: int) -> int:
    """First index after lo that closes the list of achievements (hi + 1 if none)."""
    for i in range(lo + 1, hi + 1):
        line = lines[i]
        if SALUTATION.match(line) or THANKS_FORMULA.search(line) or PROBLEMS_FORMULA.search(line[:40]):
            return i
    return hi + 1


# Paragraphs that follow the list rather than continue a section: the other-work round-up
# (民族、宗教…等工作取得新成效。), connectives (同时，/此外，), 回顾… and the review's own
# self-building paragraph (一年来，我们从严从实抓好政府自身建设… / …的同时，我们…).
_AFTER_LIST = re.compile(
    r"^(同时|此外|另外|与此同时|回顾)|^.{0,24}的同时，|^[^。]{0,160}等(各项)?(工作|事业)(都|均|也)?"
    r"(取得|持续|扎实|不断|深入|有序|稳步|全面)"
)


def _after_list(line: str) -> bool:
    return bool(_AFTER_LIST.search(line) or SELF_BUILDING.search(line[:40]))


def _trim(lines: list[str], s: SectionSpan) -> None:
    for i in range(s.start + 1, s.end + 1):
        if not is_lead(lines[i]) and _after_list(lines[i]):
            s.end = i - 1
            return


def _family(lines: list[str], heads: list[int]) -> str:
    """The opener the heading lines share (一年来), else none."""
    kinds = {opener(lines[i]) for i in heads}
    only = kinds.pop() if len(kinds) == 1 else None
    return only or "none"


_OPENING_PHRASE = re.compile(r"^([^，,。；：]{2,8})[，,]")


def _repeated_opener(lines: list[str], lo: int, hi: int) -> tuple[str, list[int]] | None:
    """Sections opened by a repeated phrase instead of a marker (呼和浩特, 温州: 过去一年，我们…
    seven times): the earliest phrase that opens MIN_OPENERS paragraphs or more. A
    self-building paragraph in the same form (过去一年，我们全面加强自身建设…) is one of them,
    as 一年来，我们…政府自身建设持续加强。 is in a 一年来 list."""
    found: dict[str, list[int]] = {}
    for i in range(lo, hi + 1):
        m = _OPENING_PHRASE.match(lines[i])
        if m and not _AFTER_LIST.search(lines[i][m.end():]):
            found.setdefault(m.group(1), []).append(i)
    candidates = [(v[0], k, v) for k, v in found.items() if len(v) >= MIN_OPENERS]
    if not candidates:
        return None
    _, kind, heads = min(candidates)
    return kind, heads


def _headlines(lines: list[str], lo: int, hi: int) -> list[int]:
    """Paragraphs opening with a headline sentence (经济运行稳健向好。…)."""
    return [i for i in range(lo, hi + 1) if headline_of(lines[i], HEADLINE_MAX)]


def find_sections(state: State, lo: int, hi: int) -> list[SectionSpan]:
    lines = state.lines
    if lo > hi:
        return []
    marked = [i for i in range(lo, hi + 1) if marker(lines[i]) or opener(lines[i])]
    body_end = _tail(lines, marked[0] if marked else lo, hi) - 1
    best = best_run(lines, lo, body_end, NUMBERED, minimum=2)
    if best is not None:
        kind, heads = best
        return split_sections(lines, heads, body_end, kind)
    heads = heading_lines(lines, lo, body_end + 1)
    if len(heads) >= MIN_OPENERS:
        return split_sections(lines, heads, body_end, _family(lines, heads))
    families: dict[str, list[int]] = {}
    for i in range(lo, body_end + 1):
        o = opener(lines[i])
        if o:
            families.setdefault(o, []).append(i)
    candidates = [(v[0], k, v) for k, v in families.items() if len(v) >= MIN_OPENERS]
    repeated = _repeated_opener(lines, lo, body_end)
    if candidates:
        _, kind, heads = min(candidates)
        # highlights (one paragraph each, back to back), then the list's headline paragraphs
        # whose （一） was dropped; openers with text between them are the sections themselves
        later = [i for i in _headlines(lines, lo, body_end) if i > heads[-1]]
        if len(later) >= MIN_OPENERS and heads[-1] - heads[0] == len(heads) - 1:
            return split_sections(lines, later, body_end, "none")
        if not (repeated and repeated[1][0] > heads[-1]):
            return split_sections(lines, heads, body_end, kind)
        # —— highlights, then the list opened by a repeated phrase (威海 过去的一年，我们…)
    if repeated:
        kind, heads = repeated
        return split_sections(lines, heads, body_end, kind)
    heads = _headlines(lines, lo, body_end)
    if len(heads) >= MIN_OPENERS:
        return split_sections(lines, heads, body_end, "none")
    return []


def rule(state: State) -> None:
    for part in state.parts:
        if part.type != "review":
            continue
        lo = part.heading + 1 if part.heading is not None else part.start
        sections = find_sections(state, lo, part.end)
        for s in sections:
            _trim(state.lines, s)
            find_leads(state, s)
        state.sections[part.start] = sections
