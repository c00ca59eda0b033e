"""The topic lexicon: per topic, the content words distinctive of its sections' bodies.

Training data: every review section and key-task area of the corpus whose heading has a seed
topic (drafter.phrases.topics.by_seeds), and the self-building part as 政府. A section's body
(its paragraphs, heading excluded) gives its set of jieba content words (CONTENT_POS, two
characters or more, no digits, not the report's own place names); a word counts once per
section. For each topic the words are ranked by the log-odds ratio with an informative
Dirichlet prior (Monroe, Colaresi & Quinn 2008) of "sections of this topic" against "sections
of the other topics", as a z-score; kept are words in at least MIN_SECTIONS sections of the
topic with z ≥ MIN_Z, the TOP_WORDS best. The weight written is the z-score (3 decimals).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping

from ..phrases.topics import LEXICON_FORMAT, TOPICS, classify

CONTENT_POS = ("n", "v", "vn", "nz", "an", "nt", "l", "i", "j")
_EXCLUDED_POS = ("ns", "nr", "nrt", "nrfg", "vg", "ng")
MIN_SECTIONS = 3
MIN_Z = 2.0
TOP_WORDS = 150
PRIOR = 1000.0  # total pseudo-count of the prior, spread over words by their share of all sections


def content_word(word: str, pos: str) -> bool:
    return (
        len(word) >= 2
        and pos.startswith(CONTENT_POS)
        and not pos.startswith(_EXCLUDED_POS)
        and not any(c.isdigit() or c.isascii() for c in word)
    )


def add_counts(total: dict[str, Counter], part: Mapping[str, Counter], sign: int = 1) -> None:
    for topic, words in part.items():
        t = total.setdefault(topic, Counter())
        if sign > 0:
            t.update(words)
        else:
            t.subtract(words)


def build_lexicon(counts: Mapping[str, Counter]) -> dict[str, dict[str, float]]:
    """topic → {word: z} from topic → Counter(word → sections of the topic holding it)."""
    everything: Counter = Counter()
    for words in counts.values():
        everything.update({w: n for w, n in words.items() if n > 0})
    n_all = sum(everything.values())
    if not n_all:
        return {}
    out: dict[str, dict[str, float]] = {}
    for topic in TOPICS:
        mine = counts.get(topic) or Counter()
        n_t = sum(n for n in mine.values() if n > 0)
        n_o = n_all - n_t
        a0 = PRIOR
        scored = []
        for word, y_t in mine.items():
            if y_t < MIN_SECTIONS:
                continue
            y_o = everything[word] - y_t
            a = PRIOR * everything[word] / n_all
            d = math.log((y_t + a) / (n_t + a0 - y_t - a)) - math.log((y_o + a) / (n_o + a0 - y_o - a))
            z = d / math.sqrt(1 / (y_t + a) + 1 / (y_o + a))
            if z >= MIN_Z:
                scored.append((-round(z, 3), word))
        scored.sort()
        out[topic] = {w: -nz for nz, w in scored[:TOP_WORDS]}
    return out


def lexicon_document(lexicon: Mapping[str, Mapping[str, float]], sections: Mapping[str, int]) -> dict:
    return {
        "format": LEXICON_FORMAT,
        "version": 1,
        "sections": dict(sorted(sections.items())),
        "topics": {t: dict(sorted(w.items(), key=lambda kv: (-kv[1], kv[0]))) for t, w in lexicon.items()},
    }


def agreement(items: Iterable[tuple[str, str]], lexicon: Mapping[str, Mapping[str, float]]) -> tuple[int, int]:
    """(agreeing, total) of (body, heading topic) pairs classified by the lexicon."""
    ok = n = 0
    for body, topic in items:
        n += 1
        ok += classify(body, lexicon) == topic
    return ok, n
