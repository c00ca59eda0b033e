"""Facts of one paragraph joined the way an office writer joins them.

    承办中国茶业经济年会，承办第三届陕西面食大会   → 承办中国茶业经济年会、第三届陕西面食大会
    益海嘉里中央厨房项目建成，神电智能电器项目建成 → 益海嘉里中央厨房、神电智能电器项目建成
    ……入选全省最美农村公路，第三产业繁荣发展，…   → ……入选全省最美农村公路。第三产业繁荣发展，…

Only short measure phrases the office typed are merged (never figures, never a phrase with a
number, never across an end mark the office gave). The shared verb or predicate is said once;
every fact keeps its own data run, so each data path still appears exactly once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..tree import Run, Source
from .verbs import LEADING_VERBS, SHARED_HEADS, TOPIC_PREDICATES, TRAILING_PREDICATES

_STOPS = "。！？；…："
_DIGIT = re.compile(r"[0-9０-９]")
_PUNCT = set("，、；。！？：…（）()")


@dataclass
class Clause:
    """One fact as runs; `end` is the office's own end mark (it always wins); `phrase` is set
    for a short measure phrase that may share its verb with a neighbour."""

    runs: list[Run]
    end: Run | None = None
    phrase: bool = False


def _text(c: Clause) -> str | None:
    """The phrase of a mergeable fact: one data run, no number, no punctuation, no end mark."""
    if not c.phrase or c.end is not None or len(c.runs) != 1 or c.runs[0].source.kind != "data":
        return None
    t = c.runs[0].text
    if _DIGIT.search(t) or not _PUNCT.isdisjoint(t) or is_topic(t):
        return None
    return t


def is_topic(text: str) -> bool:
    """乡村建设扎实推进: a subject and a sub-topic predicate, nothing more."""
    return (6 <= len(text) <= 14 and text[-4:] in TOPIC_PREDICATES and not _DIGIT.search(text)
            and _PUNCT.isdisjoint(text))


def _leading(t: str) -> str | None:
    return next((v for v in LEADING_VERBS if t.startswith(v) and len(t) - len(v) >= 2), None)


def _trailing(t: str) -> str | None:
    return next((p for p in TRAILING_PREDICATES if t.endswith(p) and len(t) - len(p) >= 2), None)


def _with(run: Run, text: str) -> Run:
    return Run(text, run.source)


def _merge(clauses: list[Clause]) -> list[Clause]:
    """Consecutive phrases with the same leading verb or trailing predicate → one clause."""
    out: list[Clause] = []
    i = 0
    while i < len(clauses):
        t = _text(clauses[i])
        group_end, shared, lead = i + 1, None, True
        if t is not None:
            for key, lead_ in ((_leading(t), True), (_trailing(t), False)):
                if key is None:
                    continue
                j = i + 1
                while j < len(clauses) and (u := _text(clauses[j])) is not None and (
                        (_leading(u) if lead_ else _trailing(u)) == key):
                    j += 1
                if j - i >= 2:
                    group_end, shared, lead = j, key, lead_
                    break
        if shared is None:
            out.append(clauses[i])
            i += 1
            continue
        group = clauses[i:group_end]
        texts = [g.runs[0].text for g in group]
        if lead:  # the first says the verb: 承办A、B
            parts = [texts[0]] + [x[len(shared):] for x in texts[1:]]
        else:  # the last says the predicate, with a head noun every phrase shares: A、B项目建成
            head = next((h for h in SHARED_HEADS
                         if all(x[: -len(shared)].endswith(h) and len(x) - len(shared) - len(h) >= 2
                                for x in texts)), "")
            tail = head + shared
            parts = [x[: -len(tail)] for x in texts[:-1]] + [texts[-1]]
        runs: list[Run] = []
        for k, (g, part) in enumerate(zip(group, parts, strict=True)):  # a part per clause
            if k:
                runs.append(Run("、", Source("template", "aggregate")))
            runs.append(_with(g.runs[0], part))
        out.append(Clause(runs, None, False))
        i = group_end
    return out


def ends_clause(text: str, marks: str) -> bool:
    """Does `text` already end with punctuation from `marks`? A closing quote counts only
    when a stop precedes it: 「……“增彩延绿”」 goes on, 「……。”」 has ended."""
    if not text:
        return True
    if text[-1] in "”’" and len(text) > 1:
        return text[-2] in "。！？"
    return text[-1] in marks


def join(first: list[Run], clauses: list[Clause]) -> list[Run]:
    """Clauses joined by ， (or the office's own end marks); a sub-topic opening after a complete
    clause starts a new sentence. The template adds the paragraph's final 。."""
    out: list[Run] = list(first)
    prev_topic = False
    prev_end = False
    for c in _merge(clauses):
        topic = c.phrase and len(c.runs) == 1 and is_topic(c.runs[0].text)
        if out and not ends_clause(out[-1].text, _STOPS + "，、"):
            stop = topic and clauses and not prev_topic and not prev_end and len(out) > len(first)
            out.append(Run("。" if stop else "，", Source("template", "facts")))
        out.extend(c.runs)
        if c.end is not None:
            out.append(c.end)
        prev_topic, prev_end = topic, c.end is not None
    if out and out[-1].text and out[-1].text[-1] in "，、；":
        out[-1] = Run(out[-1].text[:-1], out[-1].source)  # the template ends the sentence
    return out
