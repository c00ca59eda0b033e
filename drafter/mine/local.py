"""Which entries belong to their own place (`local`, docs/phrase-bank.md "Local").

A heading or lead is local when it
  - names a place of the place list (咸阳, 黔东南, 湘西, 长三角 …),
  - holds a quoted term “…” that the corpus text has (quoted or not) in reports of one
    province only (“两都五基地”), or a quoted term with a slot (“健康{地区}”) while the entry
    itself is seen in one province only, or
  - holds a word with a pair of adjacent characters that the corpus text has in reports of
    one province only (创原 of 秦创原, 黔东, 陇东, 八婺): the trace of a local name or coinage.
    Pairs inside the entry's words only, and only words jieba's dictionary does not list as
    common words (it lists names as ns, nr, nz …): a pair across two words (焦以 of
    聚焦以人为核心) is an accident of wording, and a rare common word (咬紧牙关, 本钱) that one
    province happened to use is no name;
otherwise it is made of words used across provinces and is not local, even when its exact
wording occurs once. The pair rule needs a corpus of MIN_PROVINCES provinces or more (in a
one-province corpus every pair is "of one province").

Formulas, number frames and expressions (no words kept for them) keep the stricter rule:
local when they name a place or hold such a quoted term, and when seen in one report or one
province only unless generic (a formula or number frame with slots and no quoted term).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping

from .seg import dictionary_tag
from .text import literal_segments

MIN_PROVINCES = 3
_QUOTED = re.compile(r"“([^“”]+)”")
_CJK_WORD = re.compile(r"^[\u4e00-\u9fff]{2,}$")
NAME_TAGS = frozenset({"ns", "nr", "nrt", "nrfg", "nz", "nt", "j", "s"})


def dictionary_common_word(word: str) -> bool:
    """jieba's dictionary lists `word` as a common word (not a name)."""
    tag = dictionary_tag(word)
    return tag is not None and tag not in NAME_TAGS


class Spread:
    """term → the one province (or report, when its province is unknown) it was seen in,
    or MANY. Fed one report at a time."""

    MANY = ""

    def __init__(self) -> None:
        self.where: dict[str, str] = {}

    def add(self, terms: Iterable[str], place: str) -> None:
        where = self.where
        for t in terms:
            seen = where.get(t)
            if seen is None:
                where[t] = place
            elif seen != place and seen:
                where[t] = self.MANY

    def one_place(self, term: str) -> bool | None:
        """True: seen in one province only; False: in several; None: never seen."""
        seen = self.where.get(term)
        return None if seen is None else seen != self.MANY


def one_place(spreads: list[tuple]) -> bool:
    """Seen in one report only, or only in reports of one (known) province; `spreads` holds
    (province, level, file) per report."""
    reports = {s[2] for s in spreads}
    provinces = Counter(s[0] for s in spreads if s[0])
    return len(reports) == 1 or (len(provinces) == 1 and all(s[0] for s in spreads))


class LocalRule:
    """place_names: the place list's names; bigrams: pair → province (Spread); texts:
    province → its reports' texts; words: heading or lead frame → its jieba words;
    common_word: whether a word is a common one (jieba's dictionary, by default)."""

    def __init__(self, place_names: Iterable[str], bigrams: Spread, texts: Mapping[str, list[str]],
                 provinces: int, words: Mapping[str, tuple] | None = None,
                 common_word: Callable[[str], bool] = dictionary_common_word):
        names = sorted({n for n in place_names if len(n) >= 2}, key=lambda n: (-len(n), n))
        self.places = re.compile("|".join(map(re.escape, names))) if names else None
        self.bigrams = bigrams if provinces >= MIN_PROVINCES else None
        self.texts = {where: "\n".join(t) for where, t in texts.items()}
        self.words = words or {}
        self.common_word = common_word
        self._term_cache: dict[str, bool] = {}

    def term_of_one_place(self, term: str) -> bool:
        """The corpus text has `term` in reports of one province at most."""
        if term not in self._term_cache:
            wheres = 0
            for text in self.texts.values():
                wheres += term in text
                if wheres > 1:
                    break
            self._term_cache[term] = wheres <= 1
        return self._term_cache[term]

    def why(self, kind: str, text: str, slots: dict, spreads: list[tuple]) -> str | None:
        """Why the entry is local (a short Chinese reason), or None when it is not."""
        for piece, is_slot in literal_segments(text):
            m = not is_slot and self.places and self.places.search(piece)
            if m:
                return f"地名 {m.group()}"
        for term in _QUOTED.findall(text):
            if "{" in term:
                if one_place(spreads):
                    return f"一省独有的引号词 “{term}”"
            elif self.term_of_one_place(term):
                return f"一省独有的引号词 “{term}”"
        if self.bigrams is not None and kind in ("heading", "lead"):
            for word, pos in self.words.get(text, ()):
                if pos == "slot" or not _CJK_WORD.match(word) or self.common_word(word):
                    continue
                for i in range(len(word) - 1):
                    if self.bigrams.one_place(word[i:i + 2]):
                        return f"一省独有的字对 {word[i:i + 2]}（{word}）"
        if kind in ("heading", "lead"):
            return None
        generic = kind in ("formula", "number") and bool(slots)
        if one_place(spreads) and (not generic or _QUOTED.search(text)):
            return "只见于一份报告或一个省"
        return None
