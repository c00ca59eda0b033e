"""Merged bureaus (县教体局, 区文旅体局, 区城管执法局: model/depts.MERGED) in `drafter forms` and
`drafter gather`: a data file that names one gets one form for it, holding its parts'
catalogue indicators; a data file that names none gets the forms it always got."""

from __future__ import annotations

import openpyxl
import pytest

from drafter.api import forms, gather
from drafter.office import forms as forms_module
from drafter.office.forms import META_SHEET, form_rows, read_meta
from drafter.readers import load_report
from tests.test_check_helpers import EXAMPLES, JINTAI, XIANYANG

# a 县's office file: 县教育体育局 names its own figure; 新增学位 and 接待游客 name no
# department, so the catalogue decides (教育局's and 文旅局's)
COUNTY = (
    "meta: {region: 眉县, level: 县, year: 2025}\n"
    "review:\n  headline:\n"
    "    - {name: 地区生产总值, value: 150.2, unit: 亿元, dept: 县统计局}\n"
    "    - {name: 新建改扩建学校, value: 6, unit: 所, dept: 眉县教育体育局}\n"
    "    - {name: 新增学位, value: 3200, unit: 个}\n"
    "    - {name: 接待游客, value: 1200, unit: 万人次}\n"
)


def _county(tmp_path, text=COUNTY):
    data = tmp_path / "data"
    data.mkdir(exist_ok=True)
    (data / "00_眉县2025.yaml").write_text(text, encoding="utf-8")
    return data


def _names(rows):
    return [(r.name, r.origin) for r in rows]


def test_a_named_merged_bureau_gets_its_parts_indicators(tmp_path):
    groups, unassigned = form_rows(load_report(_county(tmp_path)))
    assert not unassigned
    assert "县教育局" not in groups and "县教育体育局" not in groups
    assert _names(groups["县教体局"]) == [("新建改扩建学校", "数据"), ("新增学位", "数据")]
    # 文旅局 is not a part of 教体局: its indicators keep their own form
    assert _names(groups["县文旅局"]) == [("接待游客", "数据"), ("旅游综合收入", "目录")]
    assert groups["县统计局"][0].name == "地区生产总值"


def test_the_rule_before_merged_bureaus_gave_a_separate_education_form(tmp_path, monkeypatch):
    # what the comparison with the examples below switches off does change this county's forms
    monkeypatch.setattr(forms_module, "merged_parts", lambda named, level: {})
    groups, _ = form_rows(load_report(_county(tmp_path)))
    assert _names(groups["县教体局"]) == [("新建改扩建学校", "数据")]
    assert _names(groups["县教育局"]) == [("新增学位", "数据")]


def test_its_catalogue_rows_follow_it_too(tmp_path):
    # no figure of 新增学位 in the data: the catalogue's row lands on 县教体局's form
    data = _county(tmp_path, COUNTY.replace("    - {name: 新增学位, value: 3200, unit: 个}\n", ""))
    groups, _ = form_rows(load_report(data))
    assert _names(groups["县教体局"]) == [("新建改扩建学校", "数据"), ("新增学位", "目录")]
    assert "县教育局" not in groups


def test_without_a_merged_bureau_the_county_keeps_an_education_form(tmp_path):
    data = _county(tmp_path, COUNTY.replace("眉县教育体育局", "县教育局"))
    groups, _ = form_rows(load_report(data))
    assert _names(groups["县教育局"]) == [("新建改扩建学校", "数据"), ("新增学位", "数据")]
    assert not any("教体" in d for d in groups)


@pytest.mark.parametrize("data", [XIANYANG, EXAMPLES / "gaoping_2024.yaml", JINTAI], ids=["咸阳", "高平", "金台"])
def test_examples_get_the_forms_they_got_before(data, monkeypatch):
    """None of the examples names 教体局 / 文旅体局 / 文广旅局; 金台 names 区城市管理执法局
    (→ 区城管执法局), whose part 城市管理局 has no catalogue indicators. So every form is the one
    the rule before merged bureaus gives (merged_parts switched off), except that a branch of the
    city's bureau (晋城市生态环境局高平分局, 宝鸡市生态环境局金台分局) takes the catalogue's rows of
    生态环境局 rather than a second form under that name (H94)."""
    report = load_report(data)
    now, _ = form_rows(report)
    monkeypatch.setattr(forms_module, "merged_parts", lambda named, level: {})
    before, _ = form_rows(report)
    branch = next((d for d in now if d.endswith("生态环境局高平分局") or d.endswith("生态环境局金台分局")), None)
    if branch is not None:
        own = next(d for d in before if d[1:] == "生态环境局")  # 市生态环境局 / 区生态环境局
        assert [r.name for r in now[branch]] == [r.name for r in before[branch] + before.pop(own)]
        before[branch] = now[branch]
    assert list(now) == list(before) and now == before
    assert not any(d.endswith(("教体局", "文旅体局", "文广旅局")) for d in now)


def test_a_districts_enforcement_bureau_is_one_form_in_any_spelling(tmp_path):
    text = (JINTAI / "10_工作回顾.yaml").read_text(encoding="utf-8")
    assert "dept: 区城市管理执法局" in text
    depts = {f.dept for f in forms(JINTAI, tmp_path / "报表").files}
    assert "区城管执法局" in depts and "区城市管理执法局" not in depts


def test_a_form_returned_under_the_long_name_lands_on_the_same_department(tmp_path):
    data = _county(tmp_path, COUNTY.replace("    - {name: 新增学位, value: 3200, unit: 个}\n", ""))
    made = {f.dept: f.path for f in forms(data, tmp_path / "报表").files}
    assert "县教体局" in made and "县教育局" not in made
    # the bureau types its full name over the form's and saves it under that name
    wb = openpyxl.load_workbook(made["县教体局"])
    assert read_meta(wb).info["部门"] == "县教体局"
    row = next(r for r in range(2, 10) if wb["数据"].cell(r, 1).value == "新增学位")
    wb["数据"].cell(row, 5).value = 3200
    wb[META_SHEET]["B2"] = "眉县教育体育局"
    returned = tmp_path / "收回" / "眉县教育体育局.xlsx"
    returned.parent.mkdir()
    wb.save(returned)
    result = gather([returned], data)
    assert [r.dept for r in result.summary.rows] == ["县教体局"]
    assert "县教体局" not in result.summary.missing and "县教育局" not in result.summary.missing
    fragment = next(data.glob("30_gather_*.yaml")).read_text(encoding="utf-8")
    assert 'dept: "县教体局"' in fragment and "3200" in fragment
