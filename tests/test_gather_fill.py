"""Gathered figures fill the empty entries of the office's own file (drafter/readers/fill.py):
the init skeleton of 咸阳市 2024, forms from `drafter forms`, figures from the real 2024 report
(生产总值达到2878亿元、增长4.3%; 一般公共预算收入增长19.9%)."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from drafter.api import draft, forms, gather, init
from drafter.errors import DataErrors
from drafter.readers import load_data

REPORT = Path(__file__).resolve().parent.parent / "style_corpus" / "2024_咸阳市.txt"


def _facts(data) -> list[dict]:
    return [e for s in data["review"].get("sections") or [] for e in s.get("facts") or [] if isinstance(e, dict)]


@pytest.fixture
def office(tmp_path):
    assert "生产总值达到2878亿元、增长4.3%" in REPORT.read_text(encoding="utf-8")
    data = tmp_path / "data"
    data.mkdir()
    init(data / "00_咸阳市2024.yaml", "咸阳市", "市", 2024)
    forms(data, tmp_path / "forms")
    return data, tmp_path / "forms"


def _fill_gdp(forms_dir: Path) -> Path:
    for form in sorted(forms_dir.glob("*.xlsx")):
        wb = openpyxl.load_workbook(form)
        if (wb["数据"]["A2"].value, wb["数据"]["B2"].value) == ("生产总值", "亿元"):  # not the growth target row in %
            wb["数据"]["E2"], wb["数据"]["F2"] = 2878, 4.3
            wb.save(form)
            return form
    raise AssertionError("no form lists 生产总值")


def test_form_value_fills_the_skeleton_entry_instead_of_a_second_one(office, tmp_path):
    data, forms_dir = office
    form = _fill_gdp(forms_dir)
    result = gather([form], data)
    assert any("review.headline[0]" in n for n in result.summary.notes)
    loaded = load_data(data)
    gdp = loaded.data["review"]["headline"][0]
    assert (gdp["name"], gdp["value"], str(gdp["growth"]), gdp["unit"]) == ("生产总值", 2878, "4.3", "亿元")
    assert not any(e.get("name") == "生产总值" for e in _facts(loaded.data))
    # file:line:column of the filled value is the fragment's, so a problem there names it
    assert Path(loaded.values[("review", "headline", 0, "value")].file).name.startswith("30_gather_")
    body = draft(data, tmp_path / "初稿.txt").path.read_text(encoding="utf-8")
    assert body.count("2878亿元") == 1 and "4.3%" in body


def test_row_a_department_added_fills_the_entry_of_the_same_name(office):
    data, forms_dir = office
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "数据"
    ws.append(["指标", "单位", "上年数", "本年目标", "本年数", "增长(%)", "状态", "备注"])
    ws.append(["一般公共预算收入", None, None, None, None, 19.9, "快报", None])
    wb.create_sheet("工作和措施").append(["主要工作和成效", "明年主要措施"])
    wb.save(forms_dir / "市财政局报表.xlsx")
    gather([forms_dir / "市财政局报表.xlsx"], data)
    loaded = load_data(data)
    entry = loaded.data["review"]["headline"][1]
    assert entry["name"] == "一般公共预算收入" and str(entry["growth"]) == "19.9"
    # the skeleton's `status: 预计` on an entry with no number was a default: the department's 快报 wins
    assert entry["status"] == "快报"
    assert not any(e.get("name") == "一般公共预算收入" for e in _facts(loaded.data))


def test_two_fills_of_one_entry_with_different_values_name_both_files(office):
    data, forms_dir = office
    gather([_fill_gdp(forms_dir)], data)
    fragment = next(data.glob("30_gather_*.yaml"))
    other = data / "31_另一份.yaml"
    other.write_text(fragment.read_text(encoding="utf-8").replace("value: 2878", "value: 2900"), encoding="utf-8")
    with pytest.raises(DataErrors) as e:
        load_data(data)
    text = " ".join(f"{p.file} {p.message}" for p in e.value.problems)
    assert "31_另一份.yaml" in text and fragment.name in text and "2900" in text and "2878" in text


def test_fill_with_no_empty_entry_is_refused_at_its_line(office):
    data, _ = office
    (data / "40_手填.yaml").write_text('fill:\n  - {name: "不存在的指标", value: 1}\n', encoding="utf-8")
    with pytest.raises(DataErrors) as e:
        load_data(data)
    (problem,) = e.value.problems
    assert (Path(problem.file).name, problem.line) == ("40_手填.yaml", 2) and "不存在的指标" in problem.message
