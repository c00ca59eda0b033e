"""Spans of report text shared by the parser, the miner and the checks (pure string rules, no
imports from drafter): the address that opens a paragraph, and the sentence or clause around
a position."""

from __future__ import annotations

import re

SENTENCE_STOPS = "。！？"
CLAUSE_STOPS = "，；。！？："

# 「各位代表！」「各位代表、各位委员，同志们：」. The parser takes any line opening with 各位代表
# for a salutation line (raw text may still have 各位代表! or 各位代表:); group `address` is set
# only for a whole address ending in ！，：, the part the miner strips before a sentence.
SALUTATION = re.compile(r"^各位代表(?P<address>(?:、各位委员)?(?:[，、]?同志们)?[！，：])?")


def address_end(text: str, pos: int = 0) -> int:
    """Where text goes on after a whole address opening it at `pos`; `pos` when there is none."""
    m = SALUTATION.match(text, pos)
    return m.end() if m and m.group("address") else pos


def widen(text: str, start: int, end: int, stops: str = SENTENCE_STOPS) -> tuple[int, int]:
    """text[start:end] widened to the nearest `stops` on each side, the stops left out."""
    s = start
    while s > 0 and text[s - 1] not in stops:
        s -= 1
    e = end
    while e < len(text) and text[e] not in stops:
        e += 1
    return s, e
