"""A suggested lead its own text says again, refused.

Over a self-building item of one short measure the lead and the measure stand side by side, so
a lead that only names what the measure's first clause already says reads as said twice:
「扎实推进法治政府建设。加快建设法治政府。」, 「持续改进作风。持续改进工作作风。」 (益阳, seed 0).
The chooser's own echo rule (phrases/suggest._echoes) compares character pairs and lets these
pass: 推进|法治 and 改进|作风 meet in pairs the measure does not hold. Here the lead's object
(without its opening verbs and the frame words every heading uses) is compared character by
character with the first clause, so a lead passes only if it says something the measure does not.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..phrases.bank import Entry
from ..phrases.suggest import _DROP, _FRAME_PAIRS, _FRAME_WORDS, _echoes, _object, bigrams

_CLAUSE = re.compile(r"[，。；：！？]")
_FRAMES = sorted(_FRAME_WORDS, key=len, reverse=True)
CORE_MIN = 2  # a lead whose object is one character or none says nothing to compare


def restates(lead: str, text: str) -> bool:
    """Is all the lead says already said by the first clause of `text`?"""
    opening = _CLAUSE.split(text, 1)[0]
    if _echoes(lead, bigrams(lead) - _FRAME_PAIRS, opening, bigrams(opening)):
        return True
    core = _object(lead)
    for w in _FRAMES:
        core = core.replace(w, "")
    chars = [c for c in core if c not in _DROP and not c.isspace()]
    return len(chars) >= CORE_MIN and all(c in opening for c in chars)


def not_restating(choose: Callable[[], Entry | None], text: str) -> Entry | None:
    """The suggestion `choose` offers, unless the text restates it. Not asked again: over one
    short measure the next fit is weaker still (「着力建设法治社会。加快建设法治政府。」 after
    「推进法治政府建设」 was refused), and the placeholder asks the office for its own lead."""
    entry = choose()
    return None if entry is not None and restates(entry.text, text) else entry
