"""Closing: 各位代表！<couplet>。让我们更加紧密地团结在…周围，…而团结奋斗！

The formula line is found near the end of the body (a self-building item may quote the same
团结在…周围 words earlier on). A 各位代表！ line right before a formula line that does not
open with the salutation belongs to the closing too (a paragraph split in two). Notes after
the closing with no heading of their own become the appendix.
"""

from __future__ import annotations

import re

from ..lines import CLOSING_FORMULA, SALUTATION
from ..state import State
from .appendix import NOTES_SHARE, entry_like

TAIL = 3  # the closing is one of the last lines of the body
_RALLY = re.compile(r"(奋斗|篇章|新局面|贡献|梦想|前进|征程)[！!。]?$")


NOTES_WINDOW = 80  # lines of notes that may follow the closing without a heading


def _closing_before_notes(state: State, end: int) -> int | None:
    """The closing formula line followed only by unheaded notes (三大攻坚战：… / [8]农村“三路”：…),
    or None: the last formula line of the last NOTES_WINDOW lines, ending on a rallying call."""
    lines = state.lines
    for i in range(end, max(state.body_start, end - NOTES_WINDOW) - 1, -1):
        if CLOSING_FORMULA.search(lines[i]) and _RALLY.search(lines[i]):
            after = lines[i + 1 : end + 1]
            if after and sum(entry_like(x) for x in after) >= NOTES_SHARE * len(after):
                return i
            return None
    return None


def rule(state: State) -> None:
    lines = state.lines
    end = state.appendix[0] - 1 if state.appendix else len(lines) - 1
    if state.appendix is None:
        last = _closing_before_notes(state, end)
        if last is not None and last < end - TAIL + 1:
            state.appendix = (last + 1, end)
            end = last
    lo = max(state.body_start, end - TAIL + 1)
    start = None
    for i in range(end, lo - 1, -1):
        if CLOSING_FORMULA.search(lines[i]):
            start = i
            break
    if start is None:
        # 让我们在…的坚强领导下，…而努力奋斗！ without 团结在
        for i in range(end, lo - 1, -1):
            if "让我们" in lines[i] and lines[i].endswith(("！", "!")):
                start = i
                break
    if start is None:
        # No formula: a last 各位代表！… paragraph that ends on a rallying call.
        if end >= state.body_start and SALUTATION.match(lines[end]) and _RALLY.search(lines[end]):
            start = end
        else:
            return
    if (
        start - 1 >= state.body_start
        and not SALUTATION.match(lines[start])
        and SALUTATION.match(lines[start - 1])
        and len(lines[start - 1]) <= 60
    ):
        start -= 1
    state.closing = (start, end)
