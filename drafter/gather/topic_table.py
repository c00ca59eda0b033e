"""Topic of a harvested sentence by naive Bayes over the character bigrams of the corpus.

    corpus_counts() -> {report: {topic: Counter(bigram)}}     (style_corpus/, parsed once)
    BigramTable.build(counts, exclude=None).posterior(sentence, paragraph) -> {topic: p}

Every paragraph of a review section or key-task area whose heading has a seed topic
(drafter.phrases.topics.by_seeds — the label the simulation checks against), and of the
self-building part as 政府, adds its Chinese character bigrams to that topic's counts. A text's
topic scores are the multinomial log-likelihoods (add-ALPHA smoothing, no class prior) of its
bigrams the table has seen; unseen ones say nothing.

Built at gather time from the shipped style_corpus/ (161 reports parse in about 1 s): no
shipped table, no jieba. Per-report counts make leave-one-out honest: `exclude` leaves the
held-out report's own counts out (bench/gather_simulation.py --loo).
Measured there (23 complete reports, leave-one-out, "cues" layout): topic right 60.6 % with the
mined word lexicon → 65.9 % with this table per sentence and paragraph → 68.0 % with
`sequence` (one topic per paragraph along the material); a k-nearest-sentence vote (idf-weighted
bigram cosine, k 15) reached 62.8 % at ten times the cost; pruning bigrams seen under 5 times
65.4 %; complement NB, TF-IDF weights and an averaged perceptron were no better (the bench doc).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..parse import parse_report
from ..parse.errors import ParseError
from ..phrases.topics import TOPICS, by_seeds
from ..resources import style_corpus_dir
from ..tree import Paragraph, plain

ALPHA = 0.1  # add-α smoothing: 0.03 / 0.1 / 1 gave 65.1 / 65.9 / 64.2 % (leave-one-out)
# natural-log cost of a topic change between neighbouring paragraphs (--loo: 5 / 10 / 20 / 30 / 40
# gave 66.7 / 66.7 / 67.9 / 67.9 / 67.0 %; 0 is each paragraph on its own, 66.3 %)
SWITCH_PENALTY = 20.0
# what the topic of a numbered heading or of a paragraph's lead adds to the paragraph's
# log-likelihood (0 / 5 / 10 / 20 gave 67.9 / 68.0 / 68.0 / 67.8 %)
HINT_WEIGHT = 5.0
# what the supplying department's field adds, × its share (dept_topics.field_prior), to a
# paragraph's or sentence's log-likelihood: as much as one topic switch. On 咸阳 2022's items
# with a lead department (bench/gather_dept_topic.py, the only table with departments, so the
# choice is optimistic) 0 / 5 / 12 / 20 / 50 gave 71.9 / 71.9 / 75.0 / 75.0 / 62.5 %
DEPT_WEIGHT = 20.0
# what a topic the office's outline lacks costs a paragraph (natural log), a fixed part plus a
# part per known bigram (a long paragraph's scores differ by hundreds): the office's own
# sections come first, a paragraph far more likely of another topic keeps it (a new section).
# Chosen on the harder setting, last year's outline (bench/gather_simulation.py --outline-prev,
# 4 places): the largest margin that does not lose against no outline; harder margins win on
# the report's own outline and lose on last year's (the bench doc's table)
OUTSIDE_PENALTY = 20.0
OUTSIDE_PER_BIGRAM = 0.4
# the share of that margin a topic pays that the office gives no section of its own but one of
# its headings names (惠民生、防风险、保稳定 names 民生 beside 安全): the heading says such facts
# belong there, though they are not its main matter. --loo own outline / last year's: without
# the titles 74.8 / 75.9 %; share 0 / 0.25 / 0.5 / 0.75 / 1 gave 77.6 / 77.4 / 77.3 / 77.4 / 77.2 %
# and 75.6 / 75.6 / 75.9 / 75.9 / 75.9 % (below 0.5, 银川 2022's 协同推进生态大保护大治理 draws the
# 班列 and 陆海新通道 plans, 开放 by its 协同, into 生态): the least that does not lose on last year's
COVERED_SHARE = 0.5
# what each of a paragraph's bigrams that an office title holds adds to that title's topic, × the
# bigram's idf over all the office's titles (log(titles / titles holding it): 一年来 and 坚持,
# in every title, weigh nothing; 数字 in 着力建设数字济南 alone weighs most); a topic takes its
# best title. --loo own outline / last year's: 0 / 2 / 3 / 4 / 8 gave 77.3 / 78.3 / 79.0 / 79.4 /
# 79.2 % and 75.9 / 76.8 / 77.2 / 76.5 / 74.5 %: the best on last year's
TITLE_WEIGHT = 3.0
_HAN = re.compile(r"[\u4e00-\u9fff]+")


def bigrams(text: str) -> list[str]:
    """The Chinese character bigrams of `text`, within runs of Chinese characters."""
    return [run[i:i + 2] for run in _HAN.findall(text) for i in range(len(run) - 1)]


def report_counts(path: Path) -> dict[str, Counter]:
    """topic → Counter(bigram) of one report's labelled sections."""
    doc = parse_report(path)
    out: dict[str, Counter] = {}
    for part in doc.parts:
        if part.type in ("review", "key_tasks"):
            labelled = [(by_seeds(plain(s.heading.runs)) if s.heading else "其他", s.blocks) for s in part.sections]
        elif part.type == "self_building":
            paras = [b for b in part.blocks if isinstance(b, Paragraph)]
            labelled = [("政府", paras + [p for s in part.sections for p in s.blocks])]
        else:
            continue
        for topic, blocks in labelled:
            if topic == "其他":
                continue
            c = out.setdefault(topic, Counter())
            for p in blocks:
                c.update(bigrams(plain(p.runs)))
    return out


@lru_cache(maxsize=1)
def corpus_counts() -> dict[str, dict[str, Counter]]:
    """Per report of the shipped style corpus (its folder and subfolders, by relative path)."""
    root = style_corpus_dir()
    out: dict[str, dict[str, Counter]] = {}
    for path in sorted(root.glob("*.txt")) + sorted(root.glob("*/*.txt")):
        try:
            out[path.relative_to(root).as_posix()] = report_counts(path)
        except ParseError:  # not a report: it teaches nothing
            continue
    return out


@dataclass(frozen=True)
class BigramTable:
    counts: dict[str, dict[str, int]]  # topic → bigram → count (> 0)
    vocab: frozenset[str]
    log_denominator: dict[str, float]  # topic → log(total + α·|vocab|)

    @classmethod
    def build(cls, per_report: dict[str, dict[str, Counter]], exclude: str | None = None) -> BigramTable:
        total: dict[str, Counter] = {}
        for name, topics in per_report.items():
            if name == exclude:
                continue
            for topic, c in topics.items():
                total.setdefault(topic, Counter()).update(c)
        counts = {t: dict(total[t]) for t in TOPICS if t in total}
        vocab = frozenset(b for c in counts.values() for b in c)
        denom = {t: math.log(sum(c.values()) + ALPHA * len(vocab)) for t, c in counts.items()}
        return cls(counts, vocab, denom)

    def log_likelihoods(self, text: str) -> dict[str, float]:
        seen = Counter(b for b in bigrams(text) if b in self.vocab)
        return {
            t: sum(n * (math.log(c.get(b, 0) + ALPHA) - self.log_denominator[t]) for b, n in seen.items())
            for t, c in self.counts.items()
        } if seen else {}

    def sequence(self, paragraphs: list[str], hints: list[str | None] | None = None,
                 prior: dict[str, float] | None = None,
                 allowed: list[frozenset[str] | None] | None = None,
                 covers: list[dict[str, str] | None] | None = None,
                 titles: list[list[tuple[str, dict[str, float]]] | None] | None = None) -> list[str | None]:
        """One topic per paragraph of a department's material, in order: the Viterbi path over
        each paragraph's log-likelihoods that pays SWITCH_PENALTY whenever the topic changes
        from one paragraph to the next, since a department writes of one matter for several
        paragraphs. A numbered heading's topic (`hints`) weighs HINT_WEIGHT, the supplying
        department's field (`prior`: topic → share) DEPT_WEIGHT × share. `allowed`: per
        paragraph the topics of the office's own sections for its part (None: any), every
        other topic paying OUTSIDE_PENALTY. `covers`: per paragraph, topics a section's heading
        names without a section of their own → that section's topic; such a topic pays
        COVERED_SHARE of the margin and is answered as its section's. `titles`: per paragraph
        the office's sections of its part as (topic, {title bigram: idf}); a topic gains
        TITLE_WEIGHT × the idf of the bigrams its best title shares with the paragraph. None
        for every paragraph when the table knows none of their bigrams (the lexicon decides)."""
        hints = hints or [None] * len(paragraphs)
        allowed = allowed or [None] * len(paragraphs)
        named: list[dict[str, str]] = [c or {} for c in covers] if covers else [{}] * len(paragraphs)
        words = [t or [] for t in titles] if titles else [[]] * len(paragraphs)
        prior = prior or {}
        lls = [self.log_likelihoods(text) for text in paragraphs]
        if not any(lls):
            return [None] * len(paragraphs)
        emissions = []
        for ll, hint, own, cover, sections, text in zip(lls, hints, allowed, named, words, paragraphs, strict=True):
            outside = OUTSIDE_PENALTY + OUTSIDE_PER_BIGRAM * sum(b in self.vocab for b in bigrams(text)) if own else 0.0
            said = set(bigrams(text))
            by_title: dict[str, float] = {}
            for topic, idf in sections:
                by_title[topic] = max(by_title.get(topic, 0.0), sum(v for b, v in idf.items() if b in said))
            e = {t: ll.get(t, 0.0) + (HINT_WEIGHT if t == hint else 0.0) + DEPT_WEIGHT * prior.get(t, 0.0)
                 + TITLE_WEIGHT * by_title.get(t, 0.0)
                 - (0.0 if own is None or t in own else outside * COVERED_SHARE if t in cover else outside)
                 for t in self.counts}
            top = max(e.values())
            emissions.append({t: v - top for t, v in e.items()})  # only differences matter
        topics = list(self.counts)
        best = dict(emissions[0])
        back: list[dict[str, str]] = []
        for e in emissions[1:]:
            leader = max(topics, key=lambda t: best[t])  # ties: the order of TOPICS
            step, came = {}, {}
            for t in topics:
                stay, switch = best[t], best[leader] - SWITCH_PENALTY
                came[t] = t if stay >= switch else leader
                step[t] = max(stay, switch) + e[t]
            best = step
            back.append(came)
        path = [max(topics, key=lambda t: best[t])]
        for came in reversed(back):
            path.append(came[path[-1]])
        return [cover.get(t, t) for t, cover in zip(reversed(path), named, strict=True)]

    def posterior(self, sentence: str, paragraph: str = "", paragraph_weight: float = 1.0,
                  prior: dict[str, float] | None = None) -> dict[str, float]:
        """topic → probability from the sentence's bigrams plus its paragraph's at
        `paragraph_weight` (0.5 / 1 / 1.5 gave 65.5 / 65.9 / 66.1 %) and the department's
        field at DEPT_WEIGHT × share (as in `sequence`); {} when no bigram is known."""
        score = self.log_likelihoods(sentence)
        if paragraph and paragraph != sentence:
            for t, v in self.log_likelihoods(paragraph).items():
                score[t] = score.get(t, 0.0) + paragraph_weight * v
        if not score:
            return {}
        for t, share in (prior or {}).items():
            if t in score:
                score[t] += DEPT_WEIGHT * share
        top = max(score.values())
        e = {t: math.exp(v - top) for t, v in score.items()}
        z = sum(e.values())
        return {t: v / z for t, v in e.items()}


@lru_cache(maxsize=1)
def shipped_table() -> BigramTable | None:
    """The table of the whole shipped corpus; None when there is none (the lexicon decides)."""
    per = corpus_counts()
    return BigramTable.build(per) if per else None
