"""A fact of the review that gives an indicator another number than the headline, or than a
fact of its own section, is a warning at file:line (H100): a department's fragment merged by
topic printed 「生产总值增长4.3%……生产总值增长4.5%」 and validate said 检查通过."""

from __future__ import annotations

from pathlib import Path

from drafter.api import validate
from tests.conftest import MINIMAL

DIFFERS = "同一指标写了两个不同的数"


def _warnings(tmp_path: Path, files: dict[str, str]) -> list[str]:
    d = tmp_path / "data"
    d.mkdir()
    for name, text in files.items():
        (d / name).write_text(text, encoding="utf-8")
    return [p.format() for p in validate(d).doubtful if DIFFERS in p.message]


def test_a_department_s_growth_against_the_headline(tmp_path: Path):
    dept = ("review:\n  sections:\n    - topic: 经济\n      facts:\n"
            "        - {name: 地区生产总值, growth: 4.5, dept: 市发改委}\n")
    office = MINIMAL.replace("    - title: 综合施策稳增长，经济运行回升向好\n",
                             "    - title: 综合施策稳增长，经济运行回升向好\n      topic: 经济\n")
    [w] = _warnings(tmp_path, {"00_office.yaml": office, "10_dept.yaml": dept})
    assert "10_dept.yaml:5:" in w and "生产总值增长4.5%" in w and "00_office.yaml:11:" in w and "增长4.3%" in w


def test_two_numbers_in_one_section_but_not_facts_scoped_by_their_examples(tmp_path: Path):
    two = MINIMAL.replace(
        "        - {name: 规上工业增加值, growth: 7.2, compare: [{scope: 全省, diff: 2.2}]}\n",
        "        - {name: 规上工业增加值, growth: 7.2, compare: [{scope: 全省, diff: 2.2}]}\n"
        "        - {name: 规上工业增加值, growth: 7.5}\n"
        "        - {name: 项目建成投产, value: 20, unit: 个, form: number_first, examples: [金河工业园]}\n"
        "        - {name: 项目建成投产, value: 19, unit: 个, form: number_first, examples: [方硕食品]}\n")
    [w] = _warnings(tmp_path, {"d.yaml": two})
    assert "d.yaml:16:" in w and "规上工业增加值增长7.5%" in w and "增长7.2%" in w
