"""The fit bench grades each report's suggestions with a bank that has not seen that report
(bench/suggestion_fit.py, docs/suggestion-fit.md): otherwise a report's own headings would come
back as perfect suggestions and the measured fit would be flattered."""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from suggestion_fit import sections_of, without_report  # noqa: E402

from drafter.phrases.bank import default_bank  # noqa: E402

REPORT = "2024_咸阳市.txt"


def test_the_bank_without_a_report_keeps_no_entry_mined_only_from_it():
    bank = default_bank()
    own = [e for e in bank.entries if e.sources and {s[0] for s in e.sources} == {REPORT}]
    assert own, "the shipped bank has entries mined only from 咸阳 2024"
    held = without_report(bank, REPORT)
    assert not {e.id for e in own} & {e.id for e in held.entries}
    shared = [e for e in held.entries if any(s[0] == REPORT for s in e.sources)]
    assert not shared, "entries seen elsewhere stay, with 咸阳's sources taken off"


def test_the_bench_reads_every_section_with_its_heading_and_leads():
    sections = list(sections_of(ROOT / "style_corpus" / REPORT))
    assert {part for part, *_ in sections} == {"review", "key_tasks"}
    assert all(heading and body for _, heading, body, _ in sections)
    assert sum(len(leads) for *_, leads in sections) > 10
