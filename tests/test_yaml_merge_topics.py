"""A data folder's sections and areas with a `topic` merge by topic (issue 11, gather → draft):
gathered facts land in the office's own section of that topic, in the office's order, even
though gather's fragments (30_gather_*) sort before the office's file (宜春市2025.yaml)."""

from __future__ import annotations

import typing
from pathlib import Path

import pytest

from drafter.api import draft, init_from, validate
from drafter.errors import DataErrors
from drafter.model.review import ReviewSection, Topic
from drafter.model.tasks import Area
from drafter.phrases.topics import TOPICS
from drafter.readers import load_data, load_report
from tests.conftest import ROOT

OFFICE = """\
meta: {region: 宜春市, level: 市, year: 2025}
review:
  sections:
    - title: 千方百计稳增长，经济运行回升向好
      topic: 经济
      facts: ["新登记市场主体22.6万户"]
    - title:
      facts: []
      topic: 城乡
    - title:
      facts: []
      topic: 民生
    - title:
      facts: []
      topic: 改革
key_tasks:
  areas:
    - title:
      topic: 产业
      items:
        - lead:
          measures: []
    - title:
      topic: 安全
      items:
        - lead:
          measures: []
"""

# two departments' fragments as gather writes them (H81's 住建局 and 人社局 materials)
ZHUJIAN = """\
review:
  sections:
    - topic: 城乡
      facts:
        - "全市改造老旧小区147个、背街小巷60条"
        - "新增停车位9081个"
      dept: "市住建局"
    - topic: 生态
      facts:
        - "扎实开展省级“无废城市”建设"
      dept: "市住建局"
key_tasks:
  areas:
    - topic: 产业
      items:
        - measures:
            - "力争新增规上工业企业200家以上"
          lead_depts: ["市工信局"]
"""
RENSHE = """\
review:
  sections:
    - topic: 民生
      facts:
        - {name: "城镇新增就业", value: 4.68, unit: "万人", dept: "市人社局"}
        - "新增转移农村劳动力7.76万人"
      dept: "市人社局"
    - topic: 城乡
      facts:
        - "建成保障性租赁住房3200套"
      dept: "市人社局"
"""


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    d = tmp_path / "data"
    d.mkdir()
    (d / "宜春市2025.yaml").write_text(OFFICE, encoding="utf-8")
    (d / "30_gather_人社局工作总结.yaml").write_text(RENSHE, encoding="utf-8")
    (d / "30_gather_市住建局2024年工作总结.yaml").write_text(ZHUJIAN, encoding="utf-8")
    return d


def test_topic_names_are_the_standard_topics():
    assert list(typing.get_args(Topic)) == list(TOPICS)
    for model in (ReviewSection, Area):
        assert "topic" in model.model_fields


def test_fragments_merge_into_the_office_sections_in_the_office_order(folder: Path):
    loaded = load_data(folder)
    sections = loaded.data["review"]["sections"]
    # 改革 stayed empty and is left out; 生态 is new and comes after the office's sections
    assert [s["topic"] for s in sections] == ["经济", "城乡", "民生", "生态"]
    # the fragments in name order after the office's own facts
    assert sections[1]["facts"] == ["建成保障性租赁住房3200套", "全市改造老旧小区147个、背街小巷60条", "新增停车位9081个"]
    assert sections[2]["facts"][1] == "新增转移农村劳动力7.76万人"
    # 城乡 holds two departments' texts: neither department is claimed for all of them
    assert "dept" not in sections[1] and sections[2]["dept"] == "市人社局"
    areas = loaded.data["key_tasks"]["areas"]
    assert [a["topic"] for a in areas] == ["产业"]  # 安全 left out
    assert areas[0]["items"] == [{"measures": ["力争新增规上工业企业200家以上"], "lead_depts": ["市工信局"]}]
    # positions travel with the merged facts: each names its own file and line
    pos = loaded.where(("review", "sections", 1, "facts", 0))
    assert (Path(pos.file).name, pos.line) == ("30_gather_人社局工作总结.yaml", 10)
    pos = loaded.where(("review", "sections", 1, "facts", 2))
    assert (Path(pos.file).name, pos.line) == ("30_gather_市住建局2024年工作总结.yaml", 6)
    pos = loaded.where(("review", "sections", 3, "facts", 0))
    assert (Path(pos.file).name, pos.line) == ("30_gather_市住建局2024年工作总结.yaml", 10)


def test_an_error_in_a_merged_fact_names_its_fragment(folder: Path):
    frag = folder / "30_gather_人社局工作总结.yaml"
    frag.write_text(RENSHE.replace("value: 4.68", 'value: "4.68万"'), encoding="utf-8")
    with pytest.raises(DataErrors) as e:
        load_report(folder)
    [p] = e.value.problems
    assert Path(p.file).name == frag.name and p.line == 5 and p.path.startswith("review.sections[2].facts[0]")


def test_a_title_given_twice_with_different_text_names_both_places(folder: Path):
    (folder / "30_gather_人社局工作总结.yaml").write_text(
        RENSHE.replace("    - topic: 民生\n", "    - topic: 民生\n      title: 就业形势稳定向好\n"), encoding="utf-8")
    office = (folder / "宜春市2025.yaml")
    office.write_text(OFFICE.replace("    - title:\n      facts: []\n      topic: 民生",
                                     "    - title: 用心用情办实事，民生福祉持续增进\n      facts: []\n      topic: 民生"),
                      encoding="utf-8")
    with pytest.raises(DataErrors) as e:
        load_data(folder)
    [p] = e.value.problems
    assert Path(p.file).name == "30_gather_人社局工作总结.yaml" and p.line == 4
    assert "宜春市2025.yaml:10:" in p.message and "冲突" in p.message


def test_a_title_only_one_file_gives_fills_the_office_blank(folder: Path):
    (folder / "30_gather_人社局工作总结.yaml").write_text(
        RENSHE.replace("    - topic: 民生\n", "    - topic: 民生\n      title: 就业形势稳定向好\n"), encoding="utf-8")
    assert load_data(folder).data["review"]["sections"][2]["title"] == "就业形势稳定向好"


def test_an_empty_topic_section_is_not_drafted_and_validate_names_it(folder: Path, tmp_path: Path):
    text = draft(folder, tmp_path / "d.txt").path.read_text(encoding="utf-8")
    assert "主要做了四个方面工作" in text or "主要做了4个方面工作" in text
    assert "第五方面工作的标题" not in text and text.count("新增停车位9081个") == 1
    warned = [p for p in validate(folder).doubtful if "没有标题也没有内容" in p.message]
    assert [(Path(p.file).name, p.line, p.path) for p in warned] == [
        ("宜春市2025.yaml", 13, "review.sections[3]"), ("宜春市2025.yaml", 23, "key_tasks.areas[1]")]
    assert "主题：改革" in warned[0].message


def test_a_skeleton_alone_keeps_its_sections(tmp_path: Path):
    d = tmp_path / "data"
    d.mkdir()
    (d / "宜春市2025.yaml").write_text(OFFICE.replace('facts: ["新登记市场主体22.6万户"]', "facts: []")
                                      .replace("title: 千方百计稳增长，经济运行回升向好", "title:"), encoding="utf-8")
    assert len(load_data(d).data["review"]["sections"]) == 4  # nothing to draft but the skeleton


def test_init_from_writes_the_topic_of_last_year_titles(tmp_path: Path):
    out = tmp_path / "中卫市2023.yaml"
    init_from(out, ROOT / "style_corpus" / "2022_中卫市.txt")
    data = load_data(out).data
    topics = [s.get("topic") for s in data["review"]["sections"]] + [a.get("topic") for a in data["key_tasks"]["areas"]]
    assert sum(t is not None for t in topics) >= len(topics) // 2
    assert set(topics) - {None} <= set(TOPICS)


def test_validate_warns_when_a_file_gives_one_topic_to_two_sections(folder: Path):
    office = folder / "宜春市2025.yaml"
    office.write_text(OFFICE.replace("      facts: []\n      topic: 改革", "      facts: []\n      topic: 城乡"),
                      encoding="utf-8")
    warned = [p for p in validate(folder).doubtful if "已给了" in p.message]
    assert [(Path(p.file).name, p.line, p.path) for p in warned] == [("宜春市2025.yaml", 15, "review.sections[3].topic")]
    assert "review.sections[1]" in warned[0].message and "城乡" in warned[0].message


def test_an_office_file_without_topics_is_told_once_what_to_do(folder: Path):
    # a data file from an init before topics: gathered sections all start new ones beside it
    office = folder / "宜春市2025.yaml"
    office.write_text("\n".join(line for line in OFFICE.splitlines() if "topic:" not in line) + "\n", encoding="utf-8")
    told = [p for p in validate(folder).doubtful if "没有 topic" in p.message]
    assert len(told) == 1 and Path(told[0].file).name == "宜春市2025.yaml" and told[0].line == 3
    assert "另起了 4 个方面" in told[0].message and "drafter init --from" in told[0].message
    office.write_text(OFFICE, encoding="utf-8")  # with topics: nothing to say
    assert not [p for p in validate(folder).doubtful if "没有 topic" in p.message]


def test_a_fragment_giving_one_topic_to_two_sections_is_not_warned_and_keeps_both(folder: Path, tmp_path: Path):
    # a district office moved 人社局's 城乡 facts to 民生 inside the fragment (繁昌区, H92):
    # both sections merge into the office's 民生 section, nothing is dropped
    (folder / "30_gather_人社局工作总结.yaml").write_text(RENSHE.replace("topic: 城乡", "topic: 民生"), encoding="utf-8")
    assert not [p for p in validate(folder).doubtful if "已给了" in p.message]
    out = tmp_path / "d.txt"
    draft(folder, out)
    assert "3200套" in out.read_text(encoding="utf-8") and "4.68万人" in out.read_text(encoding="utf-8")


def test_the_duplicate_topic_warning_says_the_second_keeps_its_own_facts(folder: Path):
    office = folder / "宜春市2025.yaml"
    office.write_text(OFFICE.replace("      facts: []\n      topic: 改革", "      facts: []\n      topic: 城乡"),
                      encoding="utf-8")
    (message,) = [p.message for p in validate(folder).doubtful if "已给了" in p.message]
    assert "并入review.sections[1]" in message and "只写本文件里填的内容" in message
    assert "一条也不会有" not in message
