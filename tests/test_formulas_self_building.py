"""The review's 自身建设 intro formula (drafter.mine.formulas) on real paragraphs: the span runs
to the end of the clause that names 自身建设, also when the sentence starts after a salutation
(各位代表！), where a position counted within the sentence is not one in the paragraph."""

from __future__ import annotations

from pathlib import Path

from drafter.mine import formulas, seg
from drafter.parse import lines_from_bytes, parse_lines, read_report_bytes
from drafter.parse.unwrap import unwrap

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "style_corpus"


def _paragraphs(path: Path) -> list[str]:
    """The paragraph texts as the miner sees them (joined, parsed, normalised)."""
    joined, _ = unwrap(lines_from_bytes(read_report_bytes(path), path))
    return [seg.normalize(p.text) for _, _, p in parse_lines(joined).paragraphs() if p.text]


def _intros(text: str) -> list[str]:
    return [text[s:e] for slot, s, e in formulas.find("review", text, False, False, False)
            if slot == "review.self_building_intro"]


def test_intro_after_a_salutation_reaches_the_clause_naming_self_building():
    text = next(t for t in _paragraphs(CORPUS / "more" / "2024_随州.txt") if "自身建设" in t)
    assert text.startswith("各位代表！过去一年")
    # was 过去一年，我们从主题教育中汲取治理智慧和奋进力量， (cut before 自身建设)
    assert _intros(text) == ["过去一年，我们从主题教育中汲取治理智慧和奋进力量，政府自身建设和治理效能再上新台阶。"]


def test_every_corpus_intro_names_self_building_and_ends_a_clause():
    found = 0
    for path in sorted(CORPUS.glob("*.txt")) + sorted((CORPUS / "more").glob("*.txt")):
        for text in _paragraphs(path):
            for span in _intros(text) if "自身建设" in text else []:
                found += 1
                ends = span[-1] in "，。；！" or text.endswith(span)  # or a heading's end
                assert "自身建设" in span and ends, (path.name, span)
    assert found >= 30
