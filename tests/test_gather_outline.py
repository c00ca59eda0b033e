"""Gathered facts go to the office's own sections (H124, issue 11 'topics right'): with the
office's file in DATA_DIR giving its review sections and key-task areas a `topic:`, each
paragraph's topic is sought among those of its part first (materials.office_outline,
topic_table.OUTSIDE_PENALTY); a paragraph far more likely of a topic the office lacks keeps it
and the summary says so. Real materials: tests/fixtures/materials_h95 (芜湖市繁昌区)."""

from __future__ import annotations

import shutil
from pathlib import Path

from drafter.gather import gather
from drafter.gather.materials import harvest, office_outline
from drafter.gather.topic_table import BigramTable, corpus_counts
from drafter.readers.yaml_data import load_data
from tests.conftest import load_bench

FIXTURES = Path(__file__).parent / "fixtures" / "materials_h95"
MATERIALS = ("区文旅体局2023总结.docx", "安全生产总结.txt", "区科技局总结.txt")
# the office has no 开放, 安全 or 创新 section or area
OFFICE = """meta: {region: 芜湖市繁昌区, level: 区, year: 2024}
review:
  sections:
    - {topic: 经济, title: 经济运行稳中向好, facts: []}
    - {topic: 产业, facts: []}
    - {topic: 民生, title: 民生福祉持续增进, facts: []}
    - {topic: 城乡, facts: []}
key_tasks:
  areas:
    - {topic: 产业, items: []}
    - {topic: 民生, items: []}
    - {topic: 城乡, items: []}
    - {topic: 生态, items: []}
"""


def _gather(tmp_path: Path, office: str | None):
    mats = tmp_path / "materials"
    mats.mkdir()
    for name in MATERIALS:
        shutil.copy(FIXTURES / name, mats / name)
    data = tmp_path / "data"
    data.mkdir()
    if office is not None:
        (data / "繁昌区2024.yaml").write_text(office, encoding="utf-8")
    result = gather([mats], data)
    return result, {(g.shown.rsplit("/", 1)[-1], t.part): t.topic for g in result.sources for t in g.texts}, data


def test_facts_go_to_the_offices_sections(tmp_path):
    """Without an outline the 文旅体局's plans went to 开放 and the safety material to 安全, two
    sections the office never planned; now they go to its 民生."""
    _, topics, data = _gather(tmp_path, OFFICE)
    assert topics[("区文旅体局2023总结.docx", "key_tasks")] == "民生"  # was 开放
    assert topics[("安全生产总结.txt", "review")] == topics[("安全生产总结.txt", "key_tasks")] == "民生"  # was 安全
    review = [s.get("topic") for s in load_data(data).data["review"]["sections"]]
    assert review == ["经济", "民生", "创新"]  # the empty 产业 / 城乡 are left out; 创新: the next test


def test_a_fact_far_from_every_office_topic_keeps_its_own_and_is_said(tmp_path):
    """The 科技局's talent and patent figures are far more 创新 than anything the office has:
    they keep 创新 (a new section, drafted after the office's) and the summary names it."""
    result, topics, data = _gather(tmp_path, OFFICE)
    assert topics[("区科技局总结.txt", "review")] == topics[("区科技局总结.txt", "key_tasks")] == "创新"
    note = next(line for line in result.summary.lines() if "另起方面" in line)
    assert "回顾·创新 3 条" in note and "重点工作·创新 2 条" in note
    assert [s.get("topic") for s in load_data(data).data["review"]["sections"]][-1] == "创新"  # after the office's


def test_no_office_topics_gather_as_before(tmp_path):
    """No office file (or one with no topic:): every topic open, as harvest() alone gives."""
    result, topics, _ = _gather(tmp_path, None)
    for name in MATERIALS:
        for h in harvest(FIXTURES / name):
            assert topics[(name, h.part)] == h.topic
    assert topics[("区文旅体局2023总结.docx", "key_tasks")] == "开放"
    assert topics[("安全生产总结.txt", "review")] == "安全"
    assert not any("另起方面" in line for line in result.summary.lines())


def test_a_part_with_one_topic_is_no_outline():
    assert office_outline(["民生", None, "其他"], ["产业", "民生", "产业"]) == {"key_tasks": frozenset({"产业", "民生"})}
    assert office_outline([], []) == {}


def test_the_reports_own_outline_places_more_facts_right(tmp_path):
    """bench/gather_simulation.py --loo --outline on one report: its skeleton's topics (no facts)
    raise the share of facts given their real section's topic."""
    bench = load_bench("gather_simulation")
    name = "2022_陇南市.txt"  # the lowest without an outline (49.4 %)
    table = BigramTable.build(corpus_counts(), exclude=name)
    report = bench.CORPUS / name
    without = bench.simulate(report, "headings", tmp_path, table=table).shares()["topic"]
    outline = bench.own_outline(report)
    assert set(outline) == {"review", "key_tasks"}
    with_outline = bench.simulate(report, "headings", tmp_path, table=table, outline=outline).shares()["topic"]
    assert with_outline > without + 0.05
