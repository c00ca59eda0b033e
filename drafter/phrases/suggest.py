"""Headings and leads offered where the office left one empty, chosen by what the section says.

A section's own text (its facts and measures) picks the topic (topics.classify) and then ranks
the bank's headings or leads of that topic by how much of their wording the section shares:
a section on air quality gets 「持续打好蓝天保卫战」 rather than any 生态 heading. Never offered:
a phrase naming a place (the corpus's regions, and the places the miner found), a phrase the
miner marked local (one report, or one province only), another report's section markers, a
frame with unfilled slots, or a sentence too long for a heading. Among equal fits the same
province comes first, then the same level. Deterministic by seed and place; no entry twice.
"""

from __future__ import annotations

import hashlib
import math
from typing import Iterable

from .bank import Bank, Entry

SUGGESTION_MAX = 28  # a heading to offer: two short clauses, not a paragraph's opening sentence
LEAD_MAX = 16  # a lead phrase is short: 促进创新协同
TOP = 3  # the seed varies the choice among this many best fits
TOPIC_BONUS = 0.3  # same topic as the section's text
MIN_FIT = 0.35  # below this nothing fits: leave the placeholder
_MARKERS = ("这一年", "一年来", "——", "过去一年", "一是", "二是", "三是", "首先", "同时", "此外")
_DROP = set("，。、；：！？“”‘’（）《》—…的和与在了是把为及等着")


def bigrams(text: str) -> frozenset[str]:
    s = "".join(c for c in text if c not in _DROP and not c.isspace() and not c.isdigit())
    return frozenset(s[i : i + 2] for i in range(len(s) - 1))


def _ticket(seed: int, key: str, n: int) -> int:
    digest = hashlib.sha256(f"{seed}\x00suggest\x00{key}".encode()).digest()
    return int.from_bytes(digest[:8], "big") % n


class Suggester:
    def __init__(self, bank: Bank, seed: int, province: str | None = None, level: str | None = None,
                 places: Iterable[str] = ()):
        self.bank = bank
        self.seed = seed
        self.province = (province or "").removesuffix("省").removesuffix("市")
        self.level = level
        self.places = tuple(sorted(set(bank.places) | set(places), key=len, reverse=True))
        self.used: set[str] = set()

    def _allowed(self, e: Entry, kind: str) -> bool:
        t = e.text
        if "{" in t or t.startswith(_MARKERS) or getattr(e, "local", False):
            return False
        if len(t) > (LEAD_MAX if kind == "lead" else SUGGESTION_MAX):
            return False
        return not any(p in t for p in self.places)

    def _preference(self, e: Entry) -> float:
        """Same province first, then same level; corpus frequency breaks ties."""
        score = math.log1p(e.count)
        provinces = getattr(e, "provinces", None) or {}
        levels = getattr(e, "levels", None) or {}
        if self.province and self.province in provinces:
            score += 1.0
        if self.level and self.level in levels:
            score += 0.5
        return score

    def choose(self, kind: str, slot: str | None, text: str, key: str) -> Entry | None:
        from .topics import classify

        topic = classify(text)
        grams = bigrams(text)
        pool = [e for e in self.bank.of(kind, slot) if e.id not in self.used and self._allowed(e, kind)]
        idf = self._idf(kind, slot)
        scored = []
        for e in pool:
            own = bigrams(e.text)
            total = sum(idf.get(g, 1.0) for g in own)
            shared = sum(idf.get(g, 1.0) for g in own & grams) / total if total else 0.0
            fit = shared + (TOPIC_BONUS if topic != "其他" and e.topic == topic else 0.0)
            scored.append((-round(fit, 2), -self._preference(e), e.id, e))
        scored.sort(key=lambda x: x[:3])
        if not scored or -scored[0][0] < MIN_FIT:
            return None
        best = [x[3] for x in scored[:TOP] if scored[0][0] - x[0] > -0.05] or [scored[0][3]]
        entry = best[_ticket(self.seed, key, len(best))]
        self.used.add(entry.id)
        return entry

    def _idf(self, kind: str, slot: str | None) -> dict[str, float]:
        """Rare bigrams say more about a phrase than 发展 or 推进 do."""
        key = (kind, slot)
        cache = self.__dict__.setdefault("_idf_cache", {})
        if key not in cache:
            df: dict[str, int] = {}
            entries = self.bank.of(kind, slot)
            for e in entries:
                for g in bigrams(e.text):
                    df[g] = df.get(g, 0) + 1
            n = len(entries) or 1
            cache[key] = {g: math.log((n + 1) / (c + 0.5)) for g, c in df.items()}
        return cache[key]

    def text(self, kind: str, slot: str | None, about: str, key: str) -> str:
        e = self.choose(kind, slot, about, key)
        return e.text if e else ""
