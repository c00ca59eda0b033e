"""Leave-one-out coverage of number frames.

For each report R of a corpus: mine the other reports into a bank, and count the share of
R's number-bearing clauses whose number frame the bank holds.

*Clause*: a stretch of a sentence between ，；。！？： (split at 、 when both sides carry their
own figure), with a clause that only continues the figure before it (…，增长4.3% /
…，高于全省1.2个百分点) joined to that one; it is *number-bearing* when it has a figure (an
Arabic number that is not a year, a date, an ordinal or part of a name such as 5G).
*Frame held*: the frame the miner makes of the clause (indicator, numbers and units as
slots) is the `text` of a number entry of the bank. A clause the miner cannot frame (no
indicator found, a number left outside the slots) counts as not held.

Works on report aggregates (see report.ReportAgg), so the corpus is segmented once and the
25 banks are merges of 24 aggregates each.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..parse import parse_lines, read_lines
from ..phrases.topics import by_seeds, classify
from .bank import _number_keep
from .lexicon import add_counts, build_lexicon
from .report import ReportAgg, body_text, labelled_sections


@dataclass(frozen=True)
class Coverage:
    file: str
    clauses: int
    held: int

    @property
    def share(self) -> float:
        return self.held / self.clauses if self.clauses else 0.0


def held_frames(aggs: list[ReportAgg]) -> set[str]:
    """The number frames a bank mined from these reports holds."""
    items: dict = {}
    for agg in aggs:
        for key, rec in agg.items.items():
            if key[0] != "number":
                continue
            if key in items:
                items[key] = [items[key][0] + rec[0]]
            else:
                items[key] = [rec[0]]
    return {key[3] for key in _number_keep(items)}


def leave_one_out(aggs: list[ReportAgg]) -> list[Coverage]:
    out = []
    for i, agg in enumerate(aggs):
        frames = held_frames(aggs[:i] + aggs[i + 1:])
        held = sum(n for frame, n in agg.number_frames.items() if frame in frames)
        out.append(Coverage(agg.file, agg.number_clauses, held))
    return out


def mean_share(covs: list[Coverage]) -> float:
    covs = [c for c in covs if c.clauses]
    return sum(c.share for c in covs) / len(covs) if covs else 0.0


# -- topic lexicon ---------------------------------------------------------------------------


@dataclass(frozen=True)
class TopicAgreement:
    file: str
    sections: int
    agree: int
    seeds_agree: int  # the seed keywords alone on the same bodies, for comparison


def section_bodies(path) -> list[tuple[str, str]]:
    """(seed topic of the heading, body text without heading and leads) of every review
    section and key-task area of a report whose heading has a seed topic."""
    doc = parse_lines(read_lines(path))
    review_or_tasks = {id(s.blocks) for p in doc.parts if p.type in ("review", "key_tasks") for s in p.sections}
    return [
        (topic, "".join(body_text(p) for p in paras))
        for topic, _, paras in labelled_sections(doc)
        if id(paras) in review_or_tasks
    ]


def leave_one_out_topics(aggs: list[ReportAgg], corpus) -> list[TopicAgreement]:
    """For each report: the lexicon mined from the other reports classifies the bodies of the
    report's sections; agreement with the seed topic of each section's real heading."""
    total: dict = {}
    for agg in aggs:
        add_counts(total, agg.topic_words)
    out = []
    for agg in aggs:
        rest = {t: c.copy() for t, c in total.items()}
        add_counts(rest, agg.topic_words, -1)
        lex = build_lexicon(rest)
        bodies = section_bodies(Path(corpus) / agg.file)
        agree = sum(classify(body, lex) == topic for topic, body in bodies)
        seeds = sum(by_seeds(body) == topic for topic, body in bodies)
        out.append(TopicAgreement(agg.file, len(bodies), agree, seeds))
    return out
