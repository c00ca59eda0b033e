"""Heading frames and lead phrases.

A heading's *frame* keeps its function words and turns its content words into slots named
by their jieba POS: 聚焦碱地治理，…，在保障国家粮食安全上彰显“大安担当” →
聚焦{n1}{v1}，…，在{v2}{n2}上{v3}“{nz}{v4}”. Kept literal: function words (prepositions,
particles, conjunctions, adverbs, pronouns, localisers, numerals, punctuation) and the
*frame words* of the corpus: the words that open or close a heading clause in the headings
of at least FRAME_MIN_REPORTS reports (聚焦, 坚定不移, 着力, 持续发力, 新突破 …).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

from .text import escape

FRAME_MIN_REPORTS = 3
# Frame words jieba tags as nouns (着力/n) or cuts apart; always kept literal.
FRAME_WORDS = frozenset("着力 聚力 全力 奋力 倾力 发力 持续发力 全力以赴 千方百计 坚定不移 新突破 新成效 新局面 新进展".split())
_FUNCTION_POS = ("p", "u", "c", "d", "r", "f", "m", "q", "y", "e", "o", "x", "w")
_CLAUSE_SEP = set("，、；：。！")

# A heading's tokens: (word, pos) pairs; a context slot of the report ({地区}) is ("{地区}", "slot").
Tokens = tuple[tuple[str, str], ...]


_NOUN_POS = ("n", "vn", "j", "eng", "nz", "ns", "nr", "nt", "ng")


def clause_edges(tokens: Tokens) -> set[str]:
    """The first and last word of each clause of a heading, when not a noun: the verbs and
    adverbs that frame a heading (聚焦, 坚定不移, 加快; 持续增进, 稳步改善)."""
    edges: set[str] = set()
    clause: list[tuple[str, str]] = []
    for word, pos in list(tokens) + [("。", "x")]:
        if word in _CLAUSE_SEP or (pos == "x" and not word.strip("“”‘’《》（）()")):
            for w, p in clause[:1] + clause[-1:]:
                if not p.startswith(_NOUN_POS):
                    edges.add(w)
            clause = []
        elif pos not in ("x", "slot"):
            clause.append((word, pos))
    return edges


def frame_lexicon(headings: Iterable[tuple[Tokens, Iterable[str]]], reports: int = 25) -> frozenset[str]:
    """Clause-edge words seen in the headings of at least FRAME_MIN_REPORTS reports (2 in a
    corpus of fewer than 10 reports)."""
    least = FRAME_MIN_REPORTS if reports >= 10 else 2
    files: dict[str, set[str]] = defaultdict(set)
    for tokens, sources in headings:
        srcs = set(sources)
        for w in clause_edges(tokens):
            files[w] |= srcs
    return frozenset(w for w, fs in files.items() if len(fs) >= least and len(w) >= 2) | FRAME_WORDS


def frame_of(tokens: Tokens, lexicon: frozenset[str]) -> tuple[str, dict[str, str]]:
    """The frame of a heading and its POS slots ({slot name: POS})."""
    pieces: list[tuple[str, str | None]] = []  # (literal, None) or ("", pos)
    for word, pos in tokens:
        if pos == "slot":
            pieces.append((word, "slot"))
        elif pos.startswith(_FUNCTION_POS) or word in lexicon or not any("\u4e00" <= c <= "\u9fff" for c in word):
            pieces.append((escape(word), None))
        else:
            tag = {"nrfg": "nr", "nrt": "nr"}.get(pos, pos)
            if pieces and pieces[-1][1] == tag:
                continue  # runs of one POS make one slot
            pieces.append(("", tag))
    totals = Counter(tag for _, tag in pieces if tag and tag != "slot")
    seen: Counter[str] = Counter()
    out: list[str] = []
    slots: dict[str, str] = {}
    for lit, piece_pos in pieces:
        if piece_pos is None or piece_pos == "slot":
            out.append(lit)
            continue
        seen[piece_pos] += 1
        name = f"{piece_pos}{seen[piece_pos]}" if totals[piece_pos] > 1 else piece_pos
        slots[name] = piece_pos
        out.append("{" + name + "}")
    return "".join(out), slots
