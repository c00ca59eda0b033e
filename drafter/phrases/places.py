"""The place list mined from the corpus (style_corpus/phrases/places.json; docs/phrase-bank.md),
for keeping other places' names out of a draft. Plain JSON, no jieba.

    places() -> frozenset[str]      every name to match (regions with and without their unit,
                                    provinces, parents, place names of headings/leads/formulas)
    names_place(text) -> bool       whether `text` holds one of them
"""

from __future__ import annotations

import json
import re
from functools import lru_cache

from ..resources import style_corpus_dir

PLACES_FILE = "places.json"
PLACES_FORMAT = "drafter-place-list"


def parse_places(data: object) -> frozenset[str]:
    if not isinstance(data, dict) or data.get("format") != PLACES_FORMAT:
        return frozenset()
    return frozenset(n for n in data.get("names") or () if isinstance(n, str) and len(n) >= 2)


@lru_cache(maxsize=1)
def places() -> frozenset[str]:
    """The shipped place list (empty when it is missing)."""
    try:
        text = (style_corpus_dir() / "phrases" / PLACES_FILE).read_text(encoding="utf-8")
        return parse_places(json.loads(text))
    except (OSError, ValueError):
        return frozenset()


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern | None:
    names = sorted(places(), key=lambda n: (-len(n), n))
    return re.compile("|".join(map(re.escape, names))) if names else None


def names_place(text: str) -> bool:
    """Whether `text` names a place of the list (咸阳, 西咸新区, 关中 …)."""
    pattern = _pattern()
    return bool(pattern and pattern.search(text))
