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


# --- 宜春 (init --from its 2022 report), the forms filled as in the H81 trial ---------------

YICHUN_2022 = Path(__file__).resolve().parent.parent / "style_corpus" / "2022_宜春市.txt"


@pytest.fixture
def yichun(tmp_path):
    from drafter.lastyear import init_from

    data = tmp_path / "data"
    data.mkdir()
    init_from(data / "宜春市2023.yaml", YICHUN_2022)
    forms(data, tmp_path / "forms")
    return data, tmp_path / "forms", tmp_path / "returned"


def _fill(forms_dir: Path, returned: Path, name: str, cells: dict[str, object]) -> Path:
    """The department's copy with `cells` filled by the row's 指标 (column letter + indicator)."""
    wb = openpyxl.load_workbook(forms_dir / name)
    ws = wb["数据"]
    rows = {ws.cell(r, 1).value: r for r in range(2, ws.max_row + 1) if ws.cell(r, 1).value}
    for where, value in cells.items():
        column, indicator = where.split(":", 1)
        if indicator not in rows:  # a row the department adds below the listed ones
            rows[indicator] = max(rows.values()) + 1
            ws.cell(rows[indicator], 1).value = indicator
        ws[f"{column}{rows[indicator]}"] = value
    returned.mkdir(exist_ok=True)
    wb.save(returned / name)
    return returned / name


def test_one_growth_fills_the_headline_and_the_last_years_target(yichun, tmp_path):
    """H81 M6/M8/S4: 4.5 given once reaches headline and check; the incomes reach the check's
    actual / actual2, and the confirm sheet files each actual under its department."""
    from drafter.api import check

    data, forms_dir, returned = yichun
    _fill(forms_dir, returned, "市财政局.xlsx", {"F:一般公共预算收入": 4.5, "G:一般公共预算收入": "核实"})
    _fill(forms_dir, returned, "市统计局.xlsx", {"F:城镇居民人均可支配收入": 3.8, "F:农村居民人均可支配收入": 6.1})
    gather([returned], data)
    loaded = load_data(data)
    review = loaded.data["review"]
    assert str(review["headline"][1]["growth"]) == "4.5"
    income, incomes = review["checks"][1], review["checks"][5]
    assert (str(income["actual"]), income["actual_dept"]) == ("4.5", "市财政局")
    assert (str(incomes["actual"]), str(incomes["actual2"])) == ("3.8", "6.1")
    assert not _facts(loaded.data)  # nothing became a loose section
    body = draft(data, tmp_path / "初稿.txt").path.read_text(encoding="utf-8")
    assert "分别增长3.8%、6.1%" in body and "【待补充：城镇和农村居民人均可支配收入的实际完成值】" not in body
    check(data, confirm_sheet=tmp_path / "核对表.xlsx")
    wb = openpyxl.load_workbook(tmp_path / "核对表.xlsx")
    labels = {ws.title: {str(r[2]) for r in ws.iter_rows(min_row=3, values_only=True)} for ws in wb.worksheets[1:]}
    assert "城镇和农村居民人均可支配收入（实际完成值）" in labels["市统计局"]
    assert not any("实际完成值" in label for label in labels.get("未注明部门", ()))


def test_notes_column_reaches_the_draft(yichun, tmp_path):
    """H81 M7: 备注 约 / 左右 / 列全省第N / other words were only YAML comments."""
    data, forms_dir, returned = yichun
    _fill(forms_dir, returned, "市商务局.xlsx", {"E:进出口总额": 120, "H:进出口总额": "约"})
    _fill(forms_dir, returned, "市工信局.xlsx", {"E:新增规上工业企业": 400, "H:新增规上工业企业": "列全省第1"})
    _fill(forms_dir, returned, "市统计局.xlsx", {"F:生产总值": 4, "H:生产总值": "左右",
                                                 "B:新增“五上”企业": "家", "E:新增“五上”企业": 1079,
                                                 "H:新增“五上”企业": "总量创历史新高"})
    result = gather([returned], data)
    body = draft(data, tmp_path / "初稿.txt").path.read_text(encoding="utf-8")
    assert "约120亿元" in body
    assert "新增规上工业企业400家" in body and "全省第1" in body
    assert "1079家，总量创历史新高" in body or "1079家、总量创历史新高" in body
    assert "增长4%左右" in body
    # 教育局 and 文旅局 were sent catalogue forms and returned nothing (H81 M10)
    assert {"市教育局", "市文旅局", "市科技局"} <= set(result.summary.missing)


def test_a_row_with_no_listed_path_answers_the_growth_target_of_its_indicator(yichun):
    """H81 M8, forms made before a split target had its rows: 城镇/农村居民人均可支配收入 added by
    the department became loose sections while checks[5] stayed 【待补充】."""
    data, _, returned = yichun
    returned.mkdir()
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "数据"
    ws.append(["指标", "单位", "上年数", "本年目标", "本年数", "增长(%)", "状态", "备注"])
    ws.append(["城镇居民人均可支配收入", "元", None, None, None, 3.8, "预计", None])
    ws.append(["农村居民人均可支配收入", "元", None, None, None, 6.1, "预计", None])
    ws.append(["规上工业增加值", None, None, None, None, 5, "预计", None])
    wb.save(returned / "市统计局.xlsx")
    gather([returned], data)
    loaded = load_data(data)
    checks = loaded.data["review"]["checks"]
    assert (str(checks[5]["actual"]), str(checks[5]["actual2"]), str(checks[2]["actual"])) == ("3.8", "6.1", "5")
    assert not _facts(loaded.data)


def test_a_bound_and_a_verb_in_the_notes_column_are_said(tmp_path):
    """H87's 宜宾 forms: 以下 on 城镇登记失业率 became a note only validate showed; 提升至 on
    常住人口城镇化率 gave 「常住人口城镇化率54.35%，提升至。」. 汉中 2024 set 城镇登记失业率控制在4.3%以内."""
    from drafter.lastyear import init_from

    data, forms_dir, returned = tmp_path / "data", tmp_path / "forms", tmp_path / "returned"
    data.mkdir()
    init_from(data / "汉中市2024.yaml", REPORT.with_name("2024_汉中市.txt"))
    forms(data, forms_dir)
    _fill(forms_dir, returned, "市人社局.xlsx", {"E:城镇登记失业率": 4.2, "H:城镇登记失业率": "以下"})
    _fill(forms_dir, returned, "市统计局.xlsx", {"B:常住人口城镇化率": "%", "E:常住人口城镇化率": 54.35,
                                                 "H:常住人口城镇化率": "提升至"})
    gather([returned], data)
    loaded = load_data(data)
    rate = next(c for c in loaded.data["review"]["checks"] if c["name"] == "城镇登记失业率")
    assert (str(rate["actual"]), rate["actual_qualifier"], rate.get("note")) == ("4.2", "以内", None)
    body = draft(data, tmp_path / "初稿.txt").path.read_text(encoding="utf-8")
    assert "城镇登记失业率控制在4.2%以内" in body  # a ceiling known as a bound (H102: not 为4.2%以内)
    assert "常住人口城镇化率提升至54.35%" in body and "提升至。" not in body


def test_a_task_the_level_above_set_is_answered_in_the_notes_column(tmp_path):
    """宜宾 2024 set 「完成省上下达的碳排放和环境保护目标任务」: the form asks 已完成 / 未完成 in 备注,
    and a row with only that answer was counted blank and dropped (H86 left it)."""
    from drafter.lastyear import init_from

    data = tmp_path / "data"
    data.mkdir()
    init_from(data / "宜宾市2025.yaml", Path(__file__).resolve().parent.parent / "style_corpus" / "more" / "2024_宜宾.txt")
    forms(data, tmp_path / "forms")
    form = _fill(tmp_path / "forms", tmp_path / "returned", "市生态环境局.xlsx",
                 {"H:碳排放": "已完成", "H:环境保护目标任务": "未完成"})
    result = gather([form], data)
    checks = {c["name"]: c for c in load_data(data).data["review"]["checks"]}
    assert checks["碳排放"]["done"] is True and checks["环境保护目标任务"]["done"] is False
    assert checks["碳排放"]["actual_dept"] == "市生态环境局"
    assert any("review.checks[7]" in n for n in result.summary.notes)
    body = draft(data, tmp_path / "初稿.txt").path.read_text(encoding="utf-8")
    assert "碳排放完成省下达的目标任务；环境保护目标任务未完成省下达的目标任务" in body
