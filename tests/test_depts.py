"""One department, one name (drafter/model/depts.py): forms, gather and the confirm sheet
name 统计局 / 市统计局 / 咸阳市统计局 alike, and numbers in sentences gathered from a
department's materials stay that department's on the confirm sheet."""

from __future__ import annotations

from pathlib import Path

import docx
import openpyxl

from drafter.api import gather
from drafter.checks.sheet import NO_DEPT
from drafter.model.depts import BARE_DEPARTMENTS, department
from drafter.office.catalogue import CATALOGUE
from tests.test_check_helpers import XIANYANG, check, xianyang_variant

# A real sentence of the 咸阳 2024 review (style_corpus/2024_咸阳市.txt, 公共服务优供给).
JOBS = "坚持就业优先，组织招聘活动240场次，城镇就业新增5.14万人。"


def test_one_name_per_department_at_each_level():
    assert department("统计局", "区") == "区统计局" and department("区统计局", "区") == "区统计局"
    assert department("统计局", "县级市") == "市统计局" and department(" 财政局 ", "县") == "县财政局"
    assert department("咸阳市统计局", "市", "咸阳市") == "市统计局"
    assert department("市委宣传部", "市") == "市委宣传部"  # not a bare name: kept as written
    assert set(CATALOGUE) <= BARE_DEPARTMENTS  # every form supplier is named with the unit


def _sheet_rows(path: Path) -> dict[str, list[dict]]:
    wb = openpyxl.load_workbook(path)
    out: dict[str, list[dict]] = {}
    for ws in wb.worksheets[1:]:
        header = [c.value for c in ws[2]]
        out[ws.title] = [dict(zip(header, [c.value for c in r], strict=True)) for r in ws.iter_rows(min_row=3)]
    return out


def test_confirm_sheet_has_one_sheet_whatever_form_was_typed(tmp_path):
    data = xianyang_variant(tmp_path, a=("dept: 市统计局}", "dept: 统计局}"), b=("dept: 市统计局}", "dept: 咸阳市统计局}"))
    check(data, confirm_sheet=tmp_path / "核对表.xlsx")
    sheets = _sheet_rows(tmp_path / "核对表.xlsx")
    assert [t for t in sheets if "统计局" in t] == ["市统计局"]
    whole, _ = check(XIANYANG, confirm_sheet=tmp_path / "原.xlsx")
    assert len(sheets["市统计局"]) == len(_sheet_rows(tmp_path / "原.xlsx")["市统计局"])


def test_numbers_gathered_from_a_departments_materials_stay_its_own(tmp_path):
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    # the office's file without the two 人社局 figures: they now come in the bureau's summary
    data = xianyang_variant(
        data_dir, name="10_office.yaml",
        a=("        - {name: 组织招聘活动, value: 240, unit: 场次, status: 核实, dept: 市人社局}\n", ""),
        b=("        - {name: 城镇就业, verb: 新增, value: 5.14, unit: 万人, end: 。, status: 核实, dept: 市人社局}\n", ""),
    )
    assert data.parent == data_dir
    d = docx.Document()
    d.add_paragraph(JOBS)
    material = tmp_path / "材料" / "人社局2023年工作总结.docx"
    material.parent.mkdir()
    d.save(str(material))
    gather([material.parent], data_dir)
    fragment = next(data_dir.glob("30_gather_*.yaml")).read_text(encoding="utf-8")
    assert "dept: \"市人社局\"" in fragment  # bare 人社局 named as the forms name it
    check(data_dir, confirm_sheet=tmp_path / "核对表.xlsx")
    sheets = _sheet_rows(tmp_path / "核对表.xlsx")
    gathered = [r for r in sheets["市人社局"] if r["指标"] == "文字中的数字"]
    assert sorted(float(r["数值"]) for r in gathered) == [5.14, 240]
    assert all(JOBS[:-1] in r["文稿中的句子"] or "5.14万人" in r["文稿中的句子"] for r in gathered)
    assert not any(r["数值"] in (240, 5.14) for r in sheets.get(NO_DEPT, []))
