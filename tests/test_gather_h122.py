"""Audit H122 (镇江 2025, tests/fixtures/gather_h122): every cell a department filled reaches the
data or the summary says why; a growth-only form row cuts the material's clause restating it; a
department that sent a material but not its form is named with the rows its form lists."""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
import pytest

from drafter.api import draft, gather
from drafter.readers import load_data

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "gather_h122"
FORM = "收回/市统计局.xlsx"
MATERIAL = "材料/市工信局2024年工作总结.txt"


@pytest.fixture
def office(tmp_path) -> Path:
    shutil.copytree(FIXTURE, tmp_path / "h122", ignore=shutil.ignore_patterns("SOURCES.tsv"))
    return tmp_path / "h122"


def _facts(data) -> list[dict]:
    return [e for s in data["review"].get("sections") or [] for e in s.get("facts") or [] if isinstance(e, dict)]


def test_a_value_no_office_entry_takes_becomes_a_review_figure(office):
    # 社零's row in 元数据 has a path for its growth (review.checks[4].actual) and none for 本年数
    result = gather([office / FORM], office / "数据")
    loaded = load_data(office / "数据")
    retail = [e for e in _facts(loaded.data) if e.get("name") == "社会消费品零售总额"]
    assert [(str(e["value"]), e["unit"], e.get("growth")) for e in retail] == [("1520.3", "亿元", None)]
    assert str(loaded.data["review"]["checks"][4]["actual"]) == "4.2"  # the growth still answers the target
    assert any("市统计局.xlsx!E4 社会消费品零售总额 1520.3亿元" in n for n in result.summary.notes)


def test_last_year_cells_are_named_and_a_changed_target_too(office):
    form = office / FORM
    wb = openpyxl.load_workbook(form)
    wb["数据"]["D4"] = 6.5  # the office prefilled 6 (review.checks[4].value); D2's 5.2 stays the prefill
    wb.save(form)
    notes = gather([form], office / "数据").summary.notes
    last = [n for n in notes if n.startswith("上年数")]
    assert len(last) == 1 and "1 格" in last[0] and "市统计局.xlsx!C7 城镇居民人均可支配收入 68100" in last[0]
    target = [n for n in notes if n.startswith("本年目标")]
    assert len(target) == 1 and "市统计局.xlsx!D4 社会消费品零售总额 6.5" in target[0] and "D2" not in target[0]


def test_a_growth_only_row_cuts_the_material_clause_restating_it(office, tmp_path):
    result = gather([office / FORM, office / MATERIAL], office / "数据")
    assert any("分句已删去" in n for n in result.summary.notes)
    body = draft(office / "数据", tmp_path / "初稿.txt").path.read_text(encoding="utf-8")
    assert body.count("规上工业增加值增长7.1%") == 1
    assert "规上工业增加值增长7.1%，高于全省1.2个百分点" in body  # the form's figure, with its 备注
    assert "工业企业技改投资增长19.6%" in body  # the rest of the material's sentence stays


def test_departments_that_sent_materials_but_not_their_forms_are_named(office):
    lines = gather([office / FORM, office / MATERIAL], office / "数据").summary.lines()
    no_form = [x for x in lines if x.startswith("已交材料、未交报表的部门")]
    assert len(no_form) == 1 and "市工信局（新增规上工业企业）" in no_form[0]
    assert "市统计局" not in no_form[0]  # its form is in
    assert any(x.startswith("尚未报送的部门") and "市工信局" not in x for x in lines)
    # a later run with the material alone: the 统计局 form's fragment from the first run answers for it
    again = gather([office / MATERIAL], office / "数据").summary.lines()
    assert not any("市统计局（" in x for x in again if x.startswith("已交材料"))
