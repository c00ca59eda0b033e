"""Header (title, meeting line, speaker) and opening (各位代表： + 现在，我代表…报告工作…).

The opening formula is the most stable sentence of a report (24 of 24 reports that have an
opening), so it anchors the split; the salutation line before it joins the opening.
"""

from __future__ import annotations

import re

from ..lines import OPENING_FORMULA, is_salutation_only
from ..state import State

# Lines a header is made of: the title, the ——date在…会议上 line, the speaker, a file number.
HEADER_HINT = re.compile(
    r"政府工作报告|人民代表大会|代表大会|会议|^——|^在\d|\d{4}年\d{1,2}月\d{1,2}日|"
    r"(省|市|区|县|州|盟|旗)长|主任|主席|文件"
)
FRONT_WINDOW = 8  # the opening is always among the first lines


def rule(state: State) -> None:
    lines = state.lines
    window = range(min(len(lines), FRONT_WINDOW))
    formula = next((i for i in window if OPENING_FORMULA.match(lines[i])), None)
    salutation = next(
        (i for i in window if is_salutation_only(lines[i]) and (formula is None or i < formula)), None
    )
    if salutation is not None:
        end = formula if formula is not None and formula - salutation <= 2 else salutation
        state.header = list(range(salutation))
        state.opening = (salutation, end)
        state.body_start = end + 1
    elif formula is not None:
        state.header = list(range(formula))
        state.opening = (formula, formula)
        state.body_start = formula + 1
    else:
        # No opening (an abridged report): the header is the run of header-like lines.
        i = 0
        while i < min(len(lines), 5) and HEADER_HINT.search(lines[i]) and len(lines[i]) <= 60:
            i += 1
        state.header = list(range(i))
        state.body_start = i
