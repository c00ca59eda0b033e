"""Headings and leads that are one province's own words, though the miner found no place in them.

Issue 10: a phrase seen only in one province's reports is local until proven otherwise. Nearly
every mined heading is seen once (2,392 of the 2,436 offerable ones in one province only), so
being seen once proves nothing either way; what the miner's rule (docs/phrase-bank.md, "Local")
misses are coinages and refrains, which new users found in other provinces' drafts (H104):

- a word no other province's wording uses: four characters side by side whose three pairs the
  bank (its headings, leads, formulas and number frames) holds from one province only (智改数转网联
  of 江苏 over 吉林's investment; 平陆运河, 桑蚕茧丝绸, 东部新城);
- a report's refrain: six characters that three or more phrases share, all of one province
  (…高质量跨越式发展的动力 / 底色 / 基础 …, 蚌埠's series of headings, over 凉山's education).

Such a phrase is offered only to a draft of its own province. The rest of a one-province phrase
is made of words other provinces use and stays offered anywhere.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

# characters of a coinage: three pairs side by side. With two (智改数 but also 住不发 of 守住不发生规模性
# 返贫底线, a national phrase whose pairs the bank happens to hold from one province only) a third of
# the restricted phrases were common wording.
WORD = 4
# the kinds whose texts tell which pairs other provinces use: all a draft reads anyway (expressions it
# does not), so the evidence costs no extra file
EVIDENCE = ("heading", "lead", "formula", "number")
PHRASES = ("heading", "lead")  # what is judged
REFRAIN = 6  # characters a report's series of headings repeats …
REFRAIN_PHRASES = 3  # … in this many phrases
MANY = ""  # a stretch seen in two provinces or more


def _stretches(runs: Iterable[str], n: int) -> set[str]:
    return {r[i : i + n] for r in runs for i in range(len(r) - n + 1)}


def own_words(entries: Iterable, runs_of) -> frozenset[str]:
    """The ids of the one-province headings and leads among `entries` (of the EVIDENCE kinds) that
    hold a word or a refrain of their province only. `runs_of`: a text cut into runs of characters
    (suggest._runs)."""
    entries = [e for e in entries if e.provinces]
    cut = {e.id: runs_of(e.text) for e in entries}
    # stretch → its one province, or MANY once a second one uses it
    pair_province: dict[str, str] = {}
    refrain_province: dict[str, str] = {}
    refrain_phrases: dict[str, set[str]] = defaultdict(set)
    for e in entries:
        one = next(iter(e.provinces)) if len(e.provinces) == 1 else MANY
        for s in _stretches(cut[e.id], 2):
            if pair_province.setdefault(s, one) != one:
                pair_province[s] = MANY
        if e.kind not in PHRASES:  # a refrain is of a report's headings and leads
            continue
        for s in _stretches(cut[e.id], REFRAIN):
            if refrain_province.setdefault(s, one) != one:
                refrain_province[s] = MANY
            refrain_phrases[s].add(e.text)
    out = set()
    for e in entries:
        if len(e.provinces) != 1 or e.kind not in PHRASES:
            continue
        runs = cut[e.id]
        coined = any(all(pair_province[w[i : i + 2]] != MANY for i in range(WORD - 1)) for w in _stretches(runs, WORD))
        refrain = any(refrain_province[s] != MANY and len(refrain_phrases[s]) >= REFRAIN_PHRASES
                      for s in _stretches(runs, REFRAIN))
        if coined or refrain:
            out.add(e.id)
    return frozenset(out)
