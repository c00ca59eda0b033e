"""Facts joined as an office writer joins them (issue 10 §3): a shared verb or predicate said
once, counted things in the order their verb asks for, a new sub-topic as a new sentence — on
the real figures-only examples, with every data path still in the draft exactly once."""

from __future__ import annotations

from collections import Counter

import pytest

from drafter.api import compose_report, load
from drafter.compose.aggregate import Clause, join
from drafter.readers.yaml_data import format_path
from drafter.tree import Run, Source
from tests.conftest import EXAMPLES


@pytest.fixture(scope="module")
def drafts():
    out = {}
    for name in ("xianyang_2024_figures.yaml", "jintai_2023_figures", "gaoping_2024_figures.yaml"):
        report = load(EXAMPLES / name)
        doc = compose_report(report, seed=0)
        out[name] = (report, doc, "".join(p.text for _, _, p in doc.paragraphs()))
    return out


@pytest.mark.parametrize("name, phrase", [
    ("xianyang_2024_figures.yaml", "，承办中国茶业经济年会、第三届陕西面食大会，"),
    ("xianyang_2024_figures.yaml", "，益海嘉里中央厨房、神电智能电器项目建成，"),
    # a transitive verb goes before the things counted, a completion predicate after them
    ("xianyang_2024_figures.yaml", "出台促进工业投资、支持民营经济发展等4方面政策措施。累计"),
    ("xianyang_2024_figures.yaml", "，79个重点工业项目、技改项目建成投产，"),
    # a sub-topic after a complete clause opens a new sentence
    ("jintai_2023_figures", "红枫大道入选全省最美农村公路。第三产业繁荣发展，荟萃广场开业在即，"),
    ("jintai_2023_figures", "疫情防控平稳转段。依法治区稳步推进，"),
    # a subject's own clause is not a sub-topic: the sentence goes on
    ("jintai_2023_figures", "全年民生支出19.8亿元，民生“十件实事”全面落实，"),
])
def test_figures_only_examples_read_as_reports_write_them(drafts, name, phrase):
    assert phrase in drafts[name][2]


@pytest.mark.parametrize("name", ["xianyang_2024_figures.yaml", "jintai_2023_figures", "gaoping_2024_figures.yaml"])
def test_every_fact_keeps_its_data_path_once(drafts, name):
    report, doc, _ = drafts[name]
    seen = Counter(r.source.ref for r in doc.runs() if r.source.kind == "data")
    facts = [(("review", "sections", si, "facts", fi), f)
             for si, s in enumerate(report.review.sections) for fi, f in enumerate(s.facts)]
    assert facts
    for path, fact in facts:
        if isinstance(fact, str):  # a measure phrase: one run, never dropped nor doubled
            assert seen[format_path(path)] == 1, format_path(path)
        else:  # a figure: its name is said once
            assert seen[format_path(path + ("name",))] == 1, format_path(path)


def test_merged_phrases_lose_only_the_shared_words(drafts):
    _, doc, _ = drafts["xianyang_2024_figures.yaml"]
    texts = {r.source.ref: r.text for r in doc.runs() if r.source.kind == "data"}
    assert texts["review.sections[0].facts[21]"] == "承办中国茶业经济年会"
    assert texts["review.sections[0].facts[22]"] == "第三届陕西面食大会"
    assert texts["review.sections[2].facts[1]"] == "益海嘉里中央厨房"
    assert texts["review.sections[2].facts[2]"] == "神电智能电器项目建成"


def _phrase(text: str, i: int) -> Clause:
    return Clause([Run(text, Source("data", f"f[{i}]"))], None, phrase=True)


def _joined(*clauses: Clause) -> str:
    return "".join(r.text for r in join([], list(clauses)))


def test_no_merge_where_a_number_would_read_as_a_total_or_the_office_ended_the_clause():
    assert _joined(_phrase("承办甲大会", 0), _phrase("承办乙大会", 1)) == "承办甲大会、乙大会"
    assert _joined(_phrase("5个甲项目建成", 0), _phrase("乙项目建成", 1)) == "5个甲项目建成，乙项目建成"
    ended = Clause([Run("承办甲大会", Source("data", "f[0]"))], Run("。", Source("data", "f[0].end")), True)
    assert _joined(ended, _phrase("承办乙大会", 1)) == "承办甲大会。承办乙大会"
    # a head noun is shared only when every phrase has it: 甲园、乙小区 would cut a word
    assert _joined(_phrase("甲工业园区建成", 0), _phrase("乙小区建成", 1)) == "甲工业园区、乙小区建成"
    assert _joined(_phrase("甲厂房项目建成", 0), _phrase("乙库房项目建成", 1)) == "甲厂房、乙库房项目建成"


def test_the_offices_end_mark_wins_over_a_new_sentence():
    comma = Clause([Run("红枫大道入选最美公路", Source("data", "f[0]"))], Run("，", Source("data", "f[0].end")), True)
    assert _joined(comma, _phrase("第三产业繁荣发展", 1)) == "红枫大道入选最美公路，第三产业繁荣发展"
    assert _joined(_phrase("红枫大道入选最美公路", 0), _phrase("第三产业繁荣发展", 1)) == (
        "红枫大道入选最美公路。第三产业繁荣发展")
    # two sub-topics in a row, or one opening the paragraph, stay in one sentence
    assert _joined(_phrase("乡村振兴深入实施", 0), _phrase("短板弱项加快补齐", 1)) == "乡村振兴深入实施，短板弱项加快补齐"


@pytest.mark.parametrize("name", ["xianyang_2024.yaml", "xianyang_2024_figures.yaml"])
def test_the_count_of_sections_is_derived_and_written_in_chinese_numerals(name):
    report = load(EXAMPLES / name)
    doc = compose_report(report, seed=0)
    intro = next(p for _, _, p in doc.paragraphs() if p.text.endswith("个方面工作："))
    assert intro.text == "主要做了六个方面工作：" and len(report.review.sections) == 6
    assert [r.source.kind for r in intro.runs if "六" in r.text] == ["derived"]
