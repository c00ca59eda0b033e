"""One department, one name (drafter/model/depts.py): forms, gather and the confirm sheet
name 统计局 / 市统计局 / 咸阳市统计局 alike, and numbers in sentences gathered from a
department's materials stay that department's on the confirm sheet."""

from __future__ import annotations

from pathlib import Path

import docx
import openpyxl
import pytest

from drafter.api import forms, gather
from drafter.checks.sheet import NO_DEPT
from drafter.model.depts import ALIASES, BARE_DEPARTMENTS, department, merged_parts
from drafter.office.catalogue import CATALOGUE
from tests.test_check_helpers import JINTAI, XIANYANG, check, xianyang_variant

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
    check(XIANYANG, confirm_sheet=tmp_path / "原.xlsx")
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


# Long official names (and one usual short form) → the name forms and the confirm sheet use,
# at each level: a 区, 县 or 县级市 has a 发改局 / 卫健局 where a 市 has a 发改委 / 卫健委.
LONG_NAMES = {
    "人力资源和社会保障局": "人社局", "发展和改革委员会": "发改委", "住房和城乡建设局": "住建局",
    "自然资源和规划局": "自然资源局", "农业局": "农业农村局", "市场监督管理局": "市场监管局",
    "卫生健康委员会": "卫健委", "环保局": "生态环境局", "文化和旅游局": "文旅局",
    "工业和信息化局": "工信局", "交通局": "交通运输局", "医疗保障局": "医保局",
    "应急局": "应急管理局", "行政审批服务局": "行政审批局",
}
BELOW_CITY = {"发改委": "发改局", "卫健委": "卫健局"}


@pytest.mark.parametrize("level, unit, region", [
    ("市", "市", "咸阳市"), ("区", "区", "金台区"), ("县", "县", "眉县"), ("县级市", "市", "高平市"),
])
def test_every_alias_is_one_department_at_each_level(level, unit, region):
    for alias, bare in {**LONG_NAMES, **ALIASES}.items():
        short = bare if level == "市" else BELOW_CITY.get(bare, bare)
        one = unit + short
        assert department(one, level, region) == one  # the canonical name is a fixed point
        for typed in (alias, unit + alias, region + alias, f" {unit}{alias} "):
            assert department(typed, level, region) == one, typed
    # the other form of 发改 / 卫健 is the same bureau: 区发改委 → 区发改局, 市发改局 → 市发改委
    assert department(unit + "发改委", level) == department(unit + "发改局", level)
    assert department(unit + "卫健局", level) == department(unit + "卫健委", level)
    # 市场监管局 begins with 市 but is a bare name, and a prefecture's bureau is not the district's
    assert department("市场监管局", level) == unit + "市场监管局"
    assert department("宝鸡市生态环境局金台分局", level, region) == "宝鸡市生态环境局金台分局"
    if unit != "市":
        assert department("市人力资源和社会保障局", level, region) == "市人力资源和社会保障局"


def test_confirm_sheet_is_the_same_with_departments_in_long_form(tmp_path):
    text = XIANYANG.read_text(encoding="utf-8")
    long = {"市人社局": "咸阳市人力资源和社会保障局", "市发改委": "市发展和改革委员会",
            "市住建局": "市住房和城乡建设局", "市卫健委": "市卫生健康委员会",
            "市市场监管局": "市市场监督管理局", "市工信局": "市工业和信息化局",
            "市交通运输局": "市交通局", "市医保局": "市医疗保障局", "市行政审批局": "市行政审批服务局"}
    for short, full in long.items():
        assert f"dept: {short}}}" in text, short
        text = text.replace(f"dept: {short}}}", f"dept: {full}}}")
    (tmp_path / "long.yaml").write_text(text, encoding="utf-8")
    check(XIANYANG, confirm_sheet=tmp_path / "原.xlsx")
    check(tmp_path / "long.yaml", confirm_sheet=tmp_path / "全称.xlsx")
    before, after = _sheet_rows(tmp_path / "原.xlsx"), _sheet_rows(tmp_path / "全称.xlsx")
    assert set(long) <= set(before) and list(after) == list(before) and after == before
    summary = [[[c.value for c in row] for row in openpyxl.load_workbook(tmp_path / f).worksheets[0].iter_rows()]
               for f in ("原.xlsx", "全称.xlsx")]
    assert summary[0] == summary[1]


def test_a_districts_data_and_the_catalogue_name_one_development_bureau(tmp_path):
    # 金台区's data says 区发改局, the catalogue 发改委: one form, under the data's name
    depts = {f.dept for f in forms(JINTAI, tmp_path / "报表").files}
    assert "区发改局" in depts and "区发改委" not in depts


# Merged bureaus of counties and districts (model/depts.MERGED): every spelling, with or
# without the level's unit word or the region, is one department under one short form.
MERGED_SPELLINGS = {
    "教体局": ("教育体育局", "教育和体育局", "教体局"),
    "文旅体局": ("文化旅游体育局", "文化和旅游体育局", "文旅体局", "文化体育和旅游局", "文体旅游局"),
    "文广旅局": ("文化广电和旅游局", "文化广电体育和旅游局", "文广旅局"),
    "城管执法局": ("城市管理执法局", "城市管理综合执法局", "综合行政执法局", "城市管理和综合执法局", "城管执法局"),
}


@pytest.mark.parametrize("level, unit, region", [
    ("县", "县", "眉县"), ("区", "区", "金台区"), ("县级市", "市", "高平市"), ("市", "市", "咸阳市"),
])
def test_merged_bureaus_are_one_department_in_any_spelling(level, unit, region):
    for short, spellings in MERGED_SPELLINGS.items():
        for spelling in spellings:
            for typed in (spelling, unit + spelling, region + spelling, f" {unit}{spelling} "):
                assert department(typed, level, region) == unit + short, typed
    # a merged bureau is never one of its parts, and the parts stay themselves
    assert department("教育局", level) == unit + "教育局" != department("教体局", level)
    assert department("文化和旅游局", level) == unit + "文旅局"
    # 城管 alone is city management as a whole (数字城管, 大城管): 城管局 is 城市管理局
    assert department("城管局", level) == department("城市管理局", level) == unit + "城市管理局"


def test_merged_parts_names_the_parts_at_the_level():
    assert merged_parts({"县教体局", "县统计局"}, "县") == {"县教育局": "县教体局", "县体育局": "县教体局"}
    assert merged_parts({"区城管执法局"}, "区") == {"区城市管理局": "区城管执法局"}
    assert merged_parts({"县教育局", "教体局"}, "县") == {}  # 教体局 without the unit word is not a named department
