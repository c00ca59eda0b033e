"""A key-task paragraph the office gave no lead, and for which the bank has none that fits, shows
that its lead is missing (issue 10): two readers of the figures-only drafts took an unmarked
lead-less paragraph among paragraphs with leads for a lead lost. `lead: ""` says: no lead here."""

import re

from drafter.api import compose_report, load
from drafter.tree import plain
from tests.conftest import EXAMPLES

LEAD_HOLE = re.compile(r"key_tasks\.areas\[(\d+)\]\.items\[(\d+)\]\.lead")


def _lead_holes(report) -> list[str]:
    return [r.source.ref for r in compose_report(report, seed=0).runs() if r.is_placeholder and LEAD_HOLE.fullmatch(r.source.ref)]


def test_a_paragraph_without_a_fitting_lead_shows_its_hole_as_its_lead():
    report = load(EXAMPLES / "gaoping_2024_figures.yaml")
    holes = _lead_holes(report)
    assert holes, "高平's twin has paragraphs the bank has no fitting lead for"
    doc = compose_report(report, seed=0)
    for _, _, p in doc.paragraphs():
        if any(r.is_placeholder and LEAD_HOLE.fullmatch(r.source.ref) for r in p.lead):
            assert plain(p.lead) == "【待补充：引领句】。" and plain(p.runs)


def test_an_empty_lead_says_no_lead_here():
    report = load(EXAMPLES / "gaoping_2024_figures.yaml")
    first = _lead_holes(report)[0]
    a, i = map(int, LEAD_HOLE.fullmatch(first).groups())
    data = report.model_dump(exclude_unset=True)
    data["key_tasks"]["areas"][a]["items"][i]["lead"] = ""
    assert first not in _lead_holes(type(report).model_validate(data))


def test_the_full_examples_with_their_own_leads_get_no_lead_hole():
    for name in ("xianyang_2024.yaml", "gaoping_2024.yaml", "jintai_2023"):
        assert not _lead_holes(load(EXAMPLES / name)), name
