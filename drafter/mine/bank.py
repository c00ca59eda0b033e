"""Aggregates of reports → the phrase bank (docs/phrase-bank.md), deterministically.

`Merger` adds report aggregates one at a time (memory grows with the bank, not the corpus);
`bank()` filters, frames the headings with the corpus's frame words, and sorts. The same set
of reports gives the same bank whatever the order they were added in.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from typing import Any

from ..phrases.slots import CONTEXT_SLOTS, FIGURE_SLOTS, LEVEL_SLOTS
from .headings import frame_lexicon, frame_of
from .lexicon import add_counts, build_lexicon, lexicon_document
from .local import LocalRule, Spread
from .places import build_places
from .report import MAX_SOURCES, Key, ReportAgg
from .text import literal_segments

FORMAT = "drafter-phrase-bank"
VERSION = 1
# An expression is kept when it occurs at least this often in the corpus.
EXPRESSION_MIN_COUNT = 2
# A number frame is kept when it frames at least this many clauses of the corpus; an entry
# of it (frame + indicator) when seen twice, or when its indicator is this common.
NUMBER_MIN_FRAME = 2
NUMBER_COMMON_INDICATOR = 3
# Level words the slot vocabulary (drafter.phrases.slots) has no slot for yet: 市人大, 市政协.
# A composer that cannot fill them passes the formula over.
EXTRA_LEVEL_SLOTS = {"本级人大": "{u}人大", "本级政协": "{u}政协"}


DUPLICATE_SHARE = 0.8  # of the shorter report's sentences found in another: the same report


class Merger:
    def __init__(self) -> None:
        self.items: dict[Key, list] = {}
        self.heading_tokens: dict[str, tuple] = {}
        self.corpus: list[dict[str, Any]] = []
        self.seen_text: dict[str, str] = {}  # text sha256 → file
        self.fingerprints: list[tuple[str, frozenset[int]]] = []
        self.topic_words: dict[str, Counter] = {}
        self.topic_sections: Counter = Counter()
        self.place_words: Counter = Counter()  # ns word → reports
        self.common_words: Counter = Counter()  # non-place word → reports
        self.regions: list[dict[str, str]] = []
        self.bigrams = Spread()  # character pair → the one province using it (local.py)
        self.texts: dict[str, list[str]] = {}  # province → its reports' texts (quoted terms)

    def duplicate_of(self, agg: ReportAgg) -> str | None:
        """The report already added that `agg` repeats: the same text, or nearly all of its
        sentences (a copy with a title line added or its lines rewrapped)."""
        same = self.seen_text.get(agg.text_sha256)
        if same or not agg.fingerprint:
            return same
        for file, fp in self.fingerprints:
            shared = len(fp & agg.fingerprint)
            if shared >= DUPLICATE_SHARE * min(len(fp), len(agg.fingerprint)):
                return file
        return None

    def add(self, agg: ReportAgg) -> None:
        self.seen_text.setdefault(agg.text_sha256, agg.file)
        if agg.fingerprint:
            self.fingerprints.append((agg.file, agg.fingerprint))
        self.corpus.append(
            {"file": agg.file, "sha256": agg.sha256, "place": agg.place, "level": agg.level,
             "plan_year": agg.plan_year, "province": agg.province}
        )
        self.regions.append({"file": agg.file, **agg.region})
        add_counts(self.topic_words, agg.topic_words)
        self.topic_sections.update(agg.topic_sections)
        self.place_words.update(agg.place_words)
        self.common_words.update(agg.common_words)
        where = agg.province or f"?{agg.file}"  # a report of unknown province is a place of its own
        self.bigrams.add(agg.bigrams, where)
        self.texts.setdefault(where, []).append(agg.text)
        for text, toks in agg.heading_tokens.items():
            self.heading_tokens.setdefault(text, toks)
        spread = agg.spread  # one tuple per report, shared by all its keys
        for key, (count, sources, ex) in agg.items.items():
            rec = self.items.get(key)
            if rec is None:
                self.items[key] = [count, sorted(sources)[:MAX_SOURCES], ex, [spread]]
            else:
                rec[0] += count
                rec[1] = sorted(set(rec[1]) | set(sources))[:MAX_SOURCES]
                if ex[0] < rec[2][0]:
                    rec[2] = ex
                rec[3].append(spread)

    def bank(self) -> dict[str, Any]:
        provinces = {c["province"] for c in self.corpus}
        places = build_places(self.regions, self.place_words, self.common_words, provinces)
        local = LocalRule(places["names"], self.bigrams, self.texts, len(provinces - {""}), self.heading_tokens)
        bank = build_bank(self.items, self.heading_tokens, self.corpus, local)
        bank["places"] = places
        bank["topics"] = lexicon_document(build_lexicon(self.topic_words), self.topic_sections)
        return bank


def spread_fields(kind: str, text: str, slots: dict, spreads: list[tuple], local: LocalRule | None = None) -> dict[str, Any]:
    """reports, provinces, levels and local of an entry (docs/phrase-bank.md); `spreads`
    holds one (province, level, file) per report the entry occurs in."""
    provinces = Counter(s[0] for s in spreads if s[0])
    levels = Counter(s[1] for s in spreads if s[1])
    rule = local or LocalRule((), Spread(), {}, 0)
    return {
        "reports": len(spreads),
        "provinces": dict(sorted(provinces.items())),
        "levels": dict(sorted(levels.items())),
        "local": rule.why(kind, text, slots, spreads) is not None,
    }


def slot_types(*frames: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for frame in frames:
        for name, is_slot in literal_segments(frame):
            if not is_slot:
                continue
            if name in LEVEL_SLOTS or name in EXTRA_LEVEL_SLOTS:
                out[name] = "level"
            elif name in CONTEXT_SLOTS:
                out[name] = "context"
            elif name in FIGURE_SLOTS:
                out[name] = "figure"
            else:
                out[name] = name.rstrip("0123456789")
    return out


def entry_id(kind: str, part: str, group: str, text: str, extra: str = "") -> str:
    digest = hashlib.sha1((text + extra).encode("utf-8")).hexdigest()[:8]
    return f"{kind}.{part}.{group}.{digest}"


def _number_keep(items: dict[Key, list]) -> set[Key]:
    """The number entries worth shipping: frames seen at least NUMBER_MIN_FRAME times, and of
    those the entries seen twice, the entries of common indicators, and for every frame its
    most frequent entry (so every kept frame has one)."""
    frame_count: Counter[str] = Counter()
    indicator_count: Counter[str] = Counter()
    for key, rec in items.items():
        if key[0] == "number":
            frame_count[key[3]] += rec[0]
            indicator_count[dict(key[4]).get("indicator", "")] += rec[0]
    keep: set[Key] = set()
    best: dict[tuple, tuple] = {}
    for key, rec in items.items():
        if key[0] != "number" or frame_count[key[3]] < NUMBER_MIN_FRAME:
            continue
        indicator = dict(key[4]).get("indicator", "")
        if rec[0] >= 2 or indicator_count[indicator] >= NUMBER_COMMON_INDICATOR:
            keep.add(key)
        group = key[:4]
        rank = (-rec[0], len(indicator), key)
        if group not in best or rank < best[group]:
            best[group] = rank
    keep.update(rank[2] for rank in best.values())
    return keep


def build_bank(items: dict[Key, list], heading_tokens: dict[str, tuple], corpus: list[dict],
               local: LocalRule | None = None) -> dict[str, Any]:
    numbers = _number_keep(items)
    headings = [
        (heading_tokens[key[3]], [f for f, _ in rec[1]])
        for key, rec in items.items()
        if key[0] == "heading" and key[3] in heading_tokens
    ]
    lexicon = frame_lexicon(sorted(headings), len(corpus))
    entries = []
    for key, (count, sources, (_, example), *rest) in items.items():
        kind, part, slot, text, extra_pairs = key
        extra = dict(extra_pairs)
        if kind == "expression" and count < EXPRESSION_MIN_COUNT:
            continue
        if kind == "number" and key not in numbers:
            continue
        e: dict[str, Any] = {
            "kind": kind,
            "part": part,
            "slot": slot,
            "text": text,
            "example": example,
            "count": count,
            "sources": [{"file": f, "line": line} for f, line in sorted(sources)[:MAX_SOURCES]],
        }
        frames = [text]
        if kind == "heading":
            frame, _ = frame_of(heading_tokens.get(text, ()), lexicon)
            e["frame"] = frame
            frames.append(frame)
        e.update(extra)
        e["slots"] = slot_types(*frames)
        if rest:
            e.update(spread_fields(kind, text, e["slots"], rest[0], local))
        if kind == "number":
            ident = "|".join((extra.get("indicator", ""), extra.get("unit", ""), extra.get("qualifier", "")))
            e["id"] = entry_id(kind, part, slot, text, "|" + ident)
        elif kind == "lead":
            e["id"] = entry_id(kind, part, extra.get("topic", ""), text)
        else:
            e["id"] = entry_id(kind, part, slot, text)
        entries.append(e)
    entries.sort(key=_order)
    return {
        "format": FORMAT,
        "version": VERSION,
        "corpus": sorted(corpus, key=lambda c: c["file"]),
        "entries": entries,
        NUMBER_FRAMES: number_frames(entries, {k: items[k] for k in numbers}, local),
    }


def _order(e: dict) -> tuple:
    return (e["kind"], e["part"], e["slot"], -e["count"], e["text"], e["id"])


# What drafting reads of the number entries (drafter.compose.frames.frames_of merges the
# entries of a shape by text: the id of the most frequent, the counts summed): one entry per
# (shape, text), its spread that of all the reports using the frame. Written as the split
# bank's number.json; the entries by indicator go to number.sources.json.
NUMBER_FRAMES = "number_frames"
FRAME_FIELDS = ("id", "kind", "part", "slot", "text", "slots", "topic")


def number_frames(entries: list[dict], items: dict[Key, list], local: LocalRule | None) -> list[dict]:
    """`items`: the number entries kept (the others are not in the bank, so not in a frame)."""
    spreads: dict[tuple[str, str], dict[str, tuple]] = {}
    for key, rec in items.items():
        if key[0] == "number" and len(rec) > 3:
            spreads.setdefault((key[2], key[3]), {}).update((s[2], s) for s in rec[3])
    groups: dict[tuple[str, str], list[dict]] = {}
    for e in entries:
        if e["kind"] == "number":
            groups.setdefault((e["slot"], e["text"]), []).append(e)
    out = []
    for (slot, text), es in groups.items():
        best = min(es, key=lambda e: (-e["count"], e["id"]))
        frame = {k: best[k] for k in FRAME_FIELDS if k in best}
        frame["count"] = sum(e["count"] for e in es)
        spread = sorted(spreads.get((slot, text), {}).values())
        if spread:
            frame.update(spread_fields("number", text, frame["slots"], spread, local))
        out.append(frame)
    out.sort(key=_order)
    return out


def dumps(bank: dict[str, Any]) -> str:
    """The one-file bank (number frames are the split bank's digest, not repeated here)."""
    return json.dumps({k: v for k, v in bank.items() if k != NUMBER_FRAMES},
                      ensure_ascii=False, indent=1, sort_keys=True) + "\n"
