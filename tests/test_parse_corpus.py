"""Measure the report parser against the hand-checked structure of the 25 corpus reports.

Inputs are the project copies: ``style_corpus/*.txt`` and
``tests/fixtures/corpus/structure.json``. Every figure is micro-averaged over all 25 reports
and printed (run ``pytest -s`` to see it); on failure the per-report misses are printed too.
Line numbers are 1-based over the file's non-empty lines, as in structure.json.

(a) LINES — share of lines given the right part type, goal >= 98 %.
    Gold: every line 1..n_lines gets the label of the structure.json ``segments`` entry that
    covers it (header, opening, review, targets, key_tasks, self_building, closing, appendix;
    a ``plan`` part is already split into targets + key_tasks there).
    Parsed: the ``type`` of the ``to_json`` part whose start_line..end_line covers the line.
    Lines before the first part are "header" (the parser puts them in Document.header); any
    other line no part covers is "none" and counts as wrong. Header lines are counted like any
    other line. Share = right lines / all lines.

(b) REVIEW SECTIONS — precision and recall of the review's second-level headings, goal >= 95 %
    each. Gold: the ``line`` of every ``review.sections[]`` entry, whatever its marker (（一）,
    一是, ——, 这一年, 一年来, ——这一年, ——一年来, none) and style (own_line / inline). Not
    gold: ``highlight_items`` (the 这一年 / —— summary bullets before a numbered list) and the
    —— ``children`` of a section. Parsed: the ``line`` of every section with a heading in a
    ``review`` part. Matched by line number.

(c) KEY-TASK SECTIONS — the same for ``key_tasks.sections[]`` against the sections of the
    ``key_tasks`` parts, goal >= 95 % each. Self-building written as the last key task (抚州
    (八), 银川 十、…) is a key-task section in both.

(d) LEADS — precision and recall of paragraph-initial lead phrases, goal >= 95 % each.
    Gold: the ``line`` of every lead in ``review.sections[].leads`` and
    ``key_tasks.sections[].leads``, plus every ``self_building.items[]`` entry (the items of a
    separate or unheaded self-building part, e.g. 旗帜鲜明讲政治。 or （一）坚持政治引领。).
    Parsed: every lead of the review, key_tasks and self_building parts of ``to_json``
    (self-building items come as a section with heading None). Matched by line number; a
    paragraph has at most one lead.
    Decision on inline sub-leads (ANALYSIS §7): the ``inline_leads`` of a section and the
    ``sub_leads`` of a lead (second and later sentences inside a paragraph, e.g. 安康
    全力以赴保增量。, 望城 坚持招大不放小。, 菏泽 一是扩大有效投资。) are NOT scored, neither as
    gold nor as output. They are annotated only in the six reports with
    ``inline_leads_annotated: true``; elsewhere they exist unlabelled (龙子湖 盘活用地出实招。,
    繁昌 以更高眼界谋划一批新项目。), so scoring them would measure annotation coverage, not
    the parser. The tree holds one lead per paragraph, so the parser does not emit them.

Besides the line-number match, the TEXT of matched headings and leads is compared (section
heading: the whole line for own-line headings, the first sentence for inline ones; lead: the
sentence with its 。, marker included for numbered self-building items); goal >= 98 %.

Known, accepted disagreements (conventions, not special-cased):
  * 银川 line 27 and 定西 line 24: the list intro (重点抓好以下十个方面的工作：) is labelled
    key_tasks, while 17 other reports with a list intro label it targets; the parser follows the
    majority rule — targets run up to the first key-task section heading.
  * 繁昌 line 45 (以更实举措保障一批好项目。…) is a page-break continuation of lead 44 that
    opens with a lead-shaped sentence; the parser reports it as a lead.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import pytest

from drafter.parse import parse_report, to_json

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "style_corpus"
STRUCTURE = ROOT / "tests" / "fixtures" / "corpus" / "structure.json"

GOAL_LINES = 0.98
GOAL_PR = 0.95
GOAL_TEXT = 0.98
FLOOR_REPORT_LINES = 0.90  # no single report may be badly wrong behind a good average


def _gold_sets(r: dict) -> dict[str, dict[int, str]]:
    review = {s["line"]: s["heading"] for s in r["review"]["sections"]}
    key = {s["line"]: s["heading"] for s in r["key_tasks"]["sections"]}
    leads: dict[int, str] = {}
    for k in ("review", "key_tasks"):
        for s in r[k]["sections"]:
            for lead in s["leads"]:
                leads[lead["line"]] = lead["text"]
    for item in (r.get("self_building") or {}).get("items", []):
        leads[item["line"]] = item["text"]
    return {"review": review, "key_tasks": key, "leads": leads}


def _parsed_sets(js: dict) -> dict[str, dict[int, str]]:
    out: dict[str, dict[int, str]] = {"review": {}, "key_tasks": {}, "leads": {}}
    for part in js["parts"]:
        for s in part["sections"]:
            if s["heading"] is not None and part["type"] in ("review", "key_tasks"):
                out[part["type"]][s["line"]] = s["heading"]
            if part["type"] in ("review", "key_tasks", "self_building"):
                for lead in s["leads"]:
                    out["leads"][lead["line"]] = lead["text"]
    return out


def _line_labels(r: dict, js: dict) -> tuple[list[str], list[str]]:
    n = r["n_lines"]
    gold = ["?"] * (n + 1)
    for seg in r["segments"]:
        for line in range(seg["start"], seg["end"] + 1):
            gold[line] = seg["segment"]
    parsed = ["none"] * (n + 1)
    first = min((p["start_line"] for p in js["parts"]), default=n + 1)
    for line in range(1, min(first, n + 1)):
        parsed[line] = "header"
    for p in js["parts"]:
        for line in range(p["start_line"], min(p["end_line"], n) + 1):
            parsed[line] = p["type"]
    return gold[1:], parsed[1:]


def tally(counts: dict[str, list[int]], r: dict, js: dict) -> list[str]:
    """Add one report's true positives, false positives and misses of each kind to `counts`;
    returns the extra and missed items, described."""
    gold, parsed = _gold_sets(r), _parsed_sets(js)
    miss: list[str] = []
    for kind, c in counts.items():
        g, p = set(gold[kind]), set(parsed[kind])
        c[0] += len(g & p)
        c[1] += len(p - g)
        c[2] += len(g - p)
        miss += [f"{kind}: extra {x} {parsed[kind][x]!r}" for x in sorted(p - g)]
        miss += [f"{kind}: missed {x} {gold[kind][x]!r}" for x in sorted(g - p)]
    return miss


@pytest.fixture(scope="module")
def measurement() -> dict:
    reports = json.loads(STRUCTURE.read_text(encoding="utf-8"))
    assert len(reports) == 25
    counts = {k: [0, 0, 0] for k in ("review", "key_tasks", "leads")}  # tp, fp, fn
    text_ok = text_all = 0
    lines_ok = lines_all = 0
    misses: dict[str, list[str]] = defaultdict(list)
    per_report: dict[str, float] = {}
    for r in reports:
        doc = parse_report(CORPUS / r["file"])
        js = to_json(doc)
        gold_lines, parsed_lines = _line_labels(r, js)
        right = sum(g == p for g, p in zip(gold_lines, parsed_lines, strict=True))
        lines_ok += right
        lines_all += len(gold_lines)
        per_report[r["file"]] = right / len(gold_lines)
        for i, (g, p) in enumerate(zip(gold_lines, parsed_lines, strict=True), start=1):
            if g != p:
                misses[r["file"]].append(f"line {i}: {g} parsed as {p}")
        gold, parsed = _gold_sets(r), _parsed_sets(js)
        for k in counts:
            g, p = set(gold[k]), set(parsed[k])
            counts[k][0] += len(g & p)
            counts[k][1] += len(p - g)
            counts[k][2] += len(g - p)
            for line in sorted(p - g):
                misses[r["file"]].append(f"{k}: extra line {line} {parsed[k][line]!r}")
            for line in sorted(g - p):
                misses[r["file"]].append(f"{k}: missed line {line} {gold[k][line]!r}")
            for line in sorted(g & p):
                text_all += 1
                if gold[k][line] == parsed[k][line]:
                    text_ok += 1
                else:
                    misses[r["file"]].append(
                        f"{k}: line {line} text {parsed[k][line]!r} != {gold[k][line]!r}"
                    )
    figures = {"lines": lines_ok / lines_all, "text": text_ok / max(1, text_all)}
    for k, (tp, fp, fn) in counts.items():
        figures[f"{k}_precision"] = tp / max(1, tp + fp)
        figures[f"{k}_recall"] = tp / max(1, tp + fn)
    report = [
        f"lines right: {figures['lines']:.2%} ({lines_ok}/{lines_all})",
        *(
            f"{k}: precision {figures[k + '_precision']:.2%}  recall {figures[k + '_recall']:.2%}"
            f"  (tp {tp}, fp {fp}, fn {fn})"
            for k, (tp, fp, fn) in counts.items()
        ),
        f"heading/lead text agreement: {figures['text']:.2%} ({text_ok}/{text_all})",
    ]
    print("\n" + "\n".join(report))
    detail = "\n".join(f"{f}:\n  " + "\n  ".join(m) for f, m in sorted(misses.items()))
    return {"figures": figures, "per_report": per_report, "detail": detail, "summary": report}


def _check(measurement: dict, ok: bool, what: str) -> None:
    assert ok, f"{what}\n" + "\n".join(measurement["summary"]) + "\nmisses:\n" + measurement["detail"]


def test_lines_get_the_right_part(measurement):
    _check(measurement, measurement["figures"]["lines"] >= GOAL_LINES, f"line share below {GOAL_LINES:.0%}")
    worst = min(measurement["per_report"].items(), key=lambda kv: kv[1])
    _check(measurement, worst[1] >= FLOOR_REPORT_LINES, f"{worst[0]} has only {worst[1]:.1%} of its lines right")


@pytest.mark.parametrize("kind", ["review", "key_tasks", "leads"])
def test_heading_precision_and_recall(measurement, kind):
    f = measurement["figures"]
    _check(measurement, f[f"{kind}_precision"] >= GOAL_PR, f"{kind} precision below {GOAL_PR:.0%}")
    _check(measurement, f[f"{kind}_recall"] >= GOAL_PR, f"{kind} recall below {GOAL_PR:.0%}")


def test_heading_and_lead_text(measurement):
    _check(measurement, measurement["figures"]["text"] >= GOAL_TEXT, "heading/lead text differs")


def test_part_headings_are_the_lines_of_the_file():
    """Part headings in JSON are the full heading line, as structure.json's parts[].heading."""
    reports = json.loads(STRUCTURE.read_text(encoding="utf-8"))
    for r in reports:
        js = to_json(parse_report(CORPUS / r["file"]))
        parsed = {p["heading"] for p in js["parts"] if p["heading"]}
        for part in r["parts"]:
            if part["heading"]:
                assert part["heading"] in parsed, (r["file"], part["heading"])
