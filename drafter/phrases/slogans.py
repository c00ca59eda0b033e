"""Headings and leads that carry a slogan of one or two provinces (H123).

「制造业当家战略深入实施」 was offered to places of every province: 制造业当家 is the slogan of
广东 and 湖北 only. A slogan is told by its shape, not by a list of slogans:

- X当家 (制造业当家), not 当家作主;
- X强市, X立市, X兴市 and the same of a 区 (科教强市, 海洋强市, 制造业立市), a city's strategy;
  not 强县 (强县域, 扩权强县: national wording), and not 区域 or 市场;
- one designation no shape tells: 国家重大战略任务, the tasks the state gives 上海.

A phrase holding one is offered only in the provinces whose headings, leads, formulas and number
frames (one_province.EVIDENCE) use it, when those are one or two. A slogan of three provinces or more
(工业强市) is everyone's. Being seen in one or two provinces proves nothing for a word of no such shape
(nearly every mined phrase is: one_province), and a quoted term's spread in the bank is no guide
either: the bank's phrases hold 一带一路 and 急难愁盼 from one province each.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Iterable

from .bank import Bank
from .one_province import EVIDENCE, PHRASES

# two characters and the slogan's end: the stretch whose spread is counted (造业当家 of 制造业当家)
SHAPE = re.compile(r"(?=(\w\w当家(?![作做]主)|\w\w[强立兴][市区](?![域场])|国家重大战略任务))")
FEW = 2  # provinces: a slogan of more is everyone's

_CACHE: weakref.WeakKeyDictionary[Bank, dict[str, frozenset[str]]] = weakref.WeakKeyDictionary()


def slogans(entries: Iterable) -> dict[str, frozenset[str]]:
    """The ids of the headings and leads among `entries` (of the EVIDENCE kinds) holding a slogan of
    at most FEW provinces → the provinces where they may be offered."""
    entries = [e for e in entries if e.provinces]
    terms = {e.id: {m.group(1) for m in SHAPE.finditer(e.text)} for e in entries if e.kind in PHRASES}
    spread: dict[str, set[str]] = {t: set() for ts in terms.values() for t in ts}
    for e in entries:
        for t in spread:
            if t in e.text:
                spread[t].update(e.provinces)
    out = {}
    for i, ts in terms.items():
        few = [frozenset(spread[t]) for t in ts if len(spread[t]) <= FEW]
        if few:
            out[i] = frozenset.intersection(*few)
    return out


def slogans_of(bank: Bank) -> dict[str, frozenset[str]]:
    if bank not in _CACHE:  # once per bank: a batch or a server drafts many places
        _CACHE[bank] = slogans(e for kind in EVIDENCE for e in bank.of(kind))
    return _CACHE[bank]
