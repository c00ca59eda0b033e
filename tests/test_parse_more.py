"""The parser on reports it was not built on (issue 12): the 136 unlabelled reports of
style_corpus/more/ (copies of ../shared/corpus/more).

A parse is plausible when it has a review, key tasks and a closing, and review and key tasks
each have 3–15 section headings. bench/parse_more.py prints the failing reports and why.
"""

from __future__ import annotations

from pathlib import Path

import json

import pytest
from test_parse_corpus import _line_labels, tally

from drafter.parse import parse_report, to_json
from drafter.parse.normalize import split_lines

ROOT = Path(__file__).resolve().parents[1]
MORE = ROOT / "style_corpus" / "more"
LABELLED = ROOT / "tests" / "fixtures" / "more_structure.json"  # 20 hand-checked reports of more/
PLAUSIBLE_HELD = 132  # measured: 132/136 (121 before); the rest: 日照, 阿坝 cut short, 绵阳 no headings, 马鞍山 lost its 二、


def plausibility_problems(js: dict) -> list[str]:
    """Why a parse is not plausible ([] when it is)."""
    types = [p["type"] for p in js["parts"]]
    out = [f"no {t}" for t in ("review", "key_tasks", "closing") if t not in types]
    for t in ("review", "key_tasks"):
        n = sum(1 for p in js["parts"] if p["type"] == t for s in p["sections"] if s["heading"])
        if t in types and not 3 <= n <= 15:
            out.append(f"{t} {n} sections")
    return out


def more_files() -> list[Path]:
    return sorted(MORE.glob("*.txt"))


def test_most_unseen_reports_parse_to_a_plausible_structure():
    files = more_files()
    assert len(files) == 136
    bad = {f.name: why for f in files if (why := plausibility_problems(to_json(parse_report(f))))}
    assert len(files) - len(bad) >= PLAUSIBLE_HELD, bad


@pytest.mark.parametrize("name, sections", [
    ("2024_泸州.txt", 7),  # no break at all between paragraphs: one sentence per line
    ("2024_潍坊.txt", 6),  # paragraphs separated by a space
    ("2024_枣庄.txt", 6),  # a PDF's printed lines separated by a space
])
def test_report_saved_as_one_line_is_cut_into_paragraphs(name, sections):
    path = MORE / name
    assert len(path.read_text(encoding="utf-8").splitlines()) == 1
    js = to_json(parse_report(path))
    assert plausibility_problems(js) == []
    review = next(p for p in js["parts"] if p["type"] == "review")
    assert len(review["sections"]) == sections
    assert js["parts"][-1]["type"] == "closing"
    assert "紧密地团结在" in parse_report(path).parts[-1].blocks[-1].text


def test_run_on_split_keeps_a_figure_with_its_unit_and_short_lines_as_they_are():
    text = "各位代表： 现在，我代表市人民政府向大会报告工作。一、2023年工作回顾 投资增长8% 左右，2023 年是关键一年。" * 80
    lines = split_lines(text)
    assert lines[:4] == ["各位代表：", "现在，我代表市人民政府向大会报告工作。", "一、2023年工作回顾",
                         "投资增长8% 左右，2023 年是关键一年。"]
    assert len(lines) == 4 * 80
    assert split_lines("一、工作回顾 过去一年。") == ["一、工作回顾 过去一年。"]  # short: untouched


@pytest.mark.parametrize("name, first, count", [
    ("2024_呼和浩特.txt", 5, 10),  # 过去一年，我们… opens every section: a repeated phrase, no marker
    ("2024_温州.txt", 6, 6),  # the same, with 各位代表，过去一年… (thanks) left out of the list
    ("2024_泰州.txt", 5, 5),  # review sections numbered 1. 2. 3.
])
def test_review_sections_without_the_usual_markers(name, first, count):
    js = to_json(parse_report(MORE / name))
    review = next(p for p in js["parts"] if p["type"] == "review")
    lines = [s["line"] for s in review["sections"]]
    assert lines[0] == first and len(lines) == count


@pytest.mark.parametrize("name, heading", [
    ("2024_烟台.txt", "二、在绿色低碳高质量发展中奋力走在前"),
    ("2024_镇江.txt", "二、把主题教育成果转化为干事创业的生动实践"),
])
def test_part_heading_of_unknown_wording_keeps_the_numbering_chain(name, heading):
    js = to_json(parse_report(MORE / name))
    types = [p["type"] for p in js["parts"]]
    assert "key_tasks" in types
    assert next(p for p in js["parts"] if p["type"] == "targets")["heading"] == heading


def test_review_list_after_dash_highlights_and_a_run_missing_one_number():
    js = to_json(parse_report(MORE / "2024_威海.txt"))  # —— highlights, then 过去的一年，我们… ×7
    review = next(p for p in js["parts"] if p["type"] == "review")
    assert [s["line"] for s in review["sections"]] == list(range(9, 16))
    js = to_json(parse_report(MORE / "2024_淮安.txt"))  # (四) then (六): (五) lost in the copy
    review = next(p for p in js["parts"] if p["type"] == "review")
    assert [s["line"] for s in review["sections"]] == list(range(5, 12))


def test_parts_named_by_year_and_a_targets_heading_over_the_tasks():
    js = to_json(parse_report(MORE / "2024_益阳.txt"))
    assert [(p["type"], p["start_line"]) for p in js["parts"]][:5] == [
        ("opening", 2), ("review", 3), ("targets", 14), ("key_tasks", 20), ("self_building", 66)]


# Measured on the 20 labelled reports (the parser of 2026-11-30 before this work: lines 95.64 %,
# review R 83.45 %, key tasks R 95.88 %, leads P 98.50 % R 90.52 %). 马鞍山, a damaged copy that
# lost its 二、 heading and three key-task headings, holds most of what is left.
HELD = {"lines": 0.966, "review": (1.0, 1.0), "key_tasks": (1.0, 0.958), "leads": (0.998, 0.989)}


def test_labelled_sample_of_unseen_reports_holds_the_measured_level():
    doc = json.loads(LABELLED.read_text(encoding="utf-8"))
    assert len(doc["reports"]) == 20
    counts = {k: [0, 0, 0] for k in ("review", "key_tasks", "leads")}  # tp, fp, fn
    right = total = 0
    for r in doc["reports"]:
        js = to_json(parse_report(MORE / r["file"]))
        gold_lines, parsed_lines = _line_labels(r, js)
        right += sum(g == p for g, p in zip(gold_lines, parsed_lines, strict=True))
        total += len(gold_lines)
        tally(counts, r, js)
    assert right / total >= HELD["lines"], (right, total)
    for k, (tp, fp, fn) in counts.items():
        precision, recall = tp / (tp + fp), tp / (tp + fn)
        assert precision >= HELD[k][0] and recall >= HELD[k][1], (k, tp, fp, fn)
