"""`drafter forms`: one .xlsx per supplying department, read back with openpyxl and after a
LibreOffice round trip (the layout is the contract `drafter gather` reads)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest

from drafter.api import forms, init
from drafter.cli import main
from drafter.errors import DrafterError
from drafter.lastyear import init_from
from drafter.office.forms import HEADER, META_SHEET, WORK_HEADER, read_meta

ROOT = Path(__file__).resolve().parent.parent
XIANYANG = ROOT / "examples" / "xianyang_2024.yaml"


def _rows(wb) -> list[tuple]:
    return [r for r in wb["数据"].iter_rows(min_row=2, values_only=True) if any(v is not None for v in r)]


def _no_formulas(wb) -> None:
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", f"{ws.title}!{cell.coordinate} 是公式：{cell.value!r}"


def _check_layout(path: Path) -> openpyxl.Workbook:
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["数据", "工作和措施", "填写说明", META_SHEET]
    ws = wb["数据"]
    assert tuple(c.value for c in ws[1]) == HEADER
    assert tuple(c.value for c in wb["工作和措施"][1]) == WORK_HEADER
    assert wb[META_SHEET].sheet_state == "hidden"
    assert ws.protection.sheet and wb["工作和措施"].protection.sheet
    assert all(c.protection.locked for c in ws[1])
    assert not ws["E2"].protection.locked and not ws["H2"].protection.locked
    n = len(_rows(wb))
    assert not ws.cell(n + 2, 1).protection.locked  # a department adds its own rows below
    checks = {dv.type: str(dv.sqref) for dv in ws.data_validations.dataValidation}
    assert checks["list"].startswith("G2:G")
    assert checks["decimal"].startswith("C2:F")
    status = next(dv for dv in ws.data_validations.dataValidation if dv.type == "list")
    assert status.formula1 == '"预计,快报,核实"'
    help_text = "\n".join(str(c.value) for c in wb["填写说明"]["A"] if c.value)
    assert "请勿改动工作表名称" in help_text and "状态" in help_text and "发回" in help_text
    _no_formulas(wb)
    return wb


@pytest.fixture(scope="module")
def xianyang_forms(tmp_path_factory):
    out = tmp_path_factory.mktemp("forms") / "报表"
    return forms(XIANYANG, out)


def test_one_form_per_department_of_the_example(xianyang_forms):
    result = xianyang_forms
    depts = [f.dept for f in result.files]
    assert len(depts) == len(set(depts)) >= 20
    assert {"市统计局", "市财政局", "市人社局", "市科技局", "人民银行咸阳市分行"} <= set(depts)
    assert sorted(p.name for p in result.files[0].path.parent.iterdir()) == sorted(f"{d}.xlsx" for d in depts)
    assert result.unassigned == []
    for f in result.files:
        wb = _check_layout(f.path)
        assert len(_rows(wb)) == f.rows
        meta = read_meta(wb)
        assert meta.info["部门"] == f.dept and meta.info["地区"] == "咸阳市"
        assert meta.info["年度"] == 2024 and meta.info["本年"] == 2023
        assert sorted(meta.rows) == list(range(2, f.rows + 2))


def test_header_comments_say_which_year_benian_is(xianyang_forms):
    """The header stays 本年数 (gather's contract); its comment and the instructions say 2023."""
    wb = openpyxl.load_workbook(xianyang_forms.files[0].path)
    header = [c.value for c in wb["数据"][1]]
    assert header == ["指标", "单位", "上年数", "本年目标", "本年数", "增长(%)", "状态", "备注"]
    notes = {c.value: c.comment.text for c in wb["数据"][1] if c.comment}
    assert "2023年数" in notes["本年数"] and "2022年数" in notes["上年数"] and "2023年目标" in notes["本年目标"]
    assert "2023年比2022年" in notes["增长(%)"]
    help_text = "\n".join(str(c.value) for c in wb["填写说明"]["A"] if c.value)
    assert "“本年”指2023年" in help_text


def test_values_and_paths_come_from_the_data(xianyang_forms):
    stats = next(f for f in xianyang_forms.files if f.dept == "市统计局")
    wb = openpyxl.load_workbook(stats.path)
    rows = {r[0]: r for r in _rows(wb)}
    assert rows["生产总值"][:7] == ("生产总值", "亿元", None, None, 2878, 4.3, "核实")
    assert rows["社会消费品零售总额"][5] == 5.3
    assert "城镇居民人均可支配收入" in rows  # from the catalogue: the data does not name it
    assert "地区生产总值" not in rows  # the data names it 生产总值 (an alias)
    meta = read_meta(wb)
    first = meta.rows[2]
    assert first["本年数"] == "review.headline[0].value" and first["增长(%)"] == "review.headline[0].growth"
    assert first["来源"] == "数据"
    # the department of a plan measure gets a row for it; its target is only in 元数据
    tech = openpyxl.load_workbook(next(f for f in xianyang_forms.files if f.dept == "市科技局").path)
    targets = [m["明年目标"] for m in read_meta(tech).rows.values() if m["明年目标"]]
    assert any(t.startswith("key_tasks.areas[") for t in targets)


def test_skeleton_forms_name_departments_by_level_and_carry_last_years_targets(tmp_path):
    init(tmp_path / "金台区2025.yaml", "金台区", "区", 2025)
    result = forms(tmp_path / "金台区2025.yaml", tmp_path / "区报表")
    depts = {f.dept: f for f in result.files}
    assert {"区统计局", "区财政局", "区人社局", "区发改局"} <= set(depts)  # a 区's 发改 is a 局 (model/depts.py)
    assert not any(d in depts for d in ("统计局", "市统计局"))
    wb = _check_layout(depts["区人社局"].path)
    assert {"城镇新增就业", "城镇调查失业率"} <= {r[0] for r in _rows(wb)}

    # init --from last year's data: its targets are this form's 本年目标
    init_from(tmp_path / "咸阳市2025.yaml", XIANYANG)
    result = forms(tmp_path / "咸阳市2025.yaml", tmp_path / "市报表")
    wb = _check_layout(next(f for f in result.files if f.dept == "市人社局").path)
    row = next(r for r in _rows(wb) if r[0] == "城镇新增就业")
    assert row[1] == "万人" and row[3] == 4.5
    assert read_meta(wb).rows[2]["本年数"].startswith("review.checks[")


def test_hostile_department_names_stay_text(tmp_path):
    data = tmp_path / "d.yaml"
    data.write_text(
        "meta: {region: 某县, level: 县, year: 2025}\n"
        "review:\n  headline:\n"
        "    - {name: '=HYPERLINK(\"http://x\")', value: 1, unit: 个, dept: '=1+1'}\n"
        "    - {name: 无主指标, value: 2}\n",
        encoding="utf-8",
    )
    result = forms(data, tmp_path / "out")
    f = next(f for f in result.files if f.dept == "=1+1")
    assert f.path.name == "=1+1.xlsx"
    wb = _check_layout(f.path)
    assert wb[META_SHEET]["B2"].value == "=1+1" and wb[META_SHEET]["B2"].data_type == "s"
    assert wb["数据"]["A2"].value.startswith("=HYPERLINK") and wb["数据"]["A2"].data_type == "s"
    assert result.unassigned == ["无主指标（review.headline[1]）"]  # named, path in brackets


def test_existing_forms_are_kept_without_force(tmp_path, capsys):
    out = tmp_path / "out"
    forms(XIANYANG, out)
    target = out / "市统计局.xlsx"
    before = target.read_bytes()
    with pytest.raises(DrafterError, match="已存在"):
        forms(XIANYANG, out)
    assert target.read_bytes() == before
    assert main(["forms", str(XIANYANG), "-o", str(out)]) == 2
    assert "已存在" in capsys.readouterr().err
    assert main(["forms", str(XIANYANG), "-o", str(out), "--force"]) == 0
    assert "市统计局.xlsx" in capsys.readouterr().out
    assert not list(out.glob(".*.part"))
    (tmp_path / "file").write_text("x")
    with pytest.raises(DrafterError, match="不是文件夹"):
        forms(XIANYANG, tmp_path / "file")


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice 未安装")
def test_forms_survive_a_libreoffice_round_trip(xianyang_forms, tmp_path):
    src = next(f for f in xianyang_forms.files if f.dept == "市统计局").path
    profile = (tmp_path / "profile").as_uri()  # its own profile: another soffice may be running
    subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "xlsx",
                    "--outdir", str(tmp_path / "lo"), str(src)], check=True, capture_output=True)
    again = tmp_path / "lo" / src.name
    before, after = openpyxl.load_workbook(src), _check_layout(again)
    assert _rows(after) == _rows(before)
    assert read_meta(after).rows == read_meta(before).rows


YICHUN_2022 = ROOT / "style_corpus" / "2022_宜春市.txt"


@pytest.fixture(scope="module")
def yichun_forms(tmp_path_factory):
    """init --from 宜春's 2022 report (its targets: 城镇和农村居民人均可支配收入分别增长…, 节能减排…)."""
    folder = tmp_path_factory.mktemp("yichun")
    init_from(folder / "宜春市2023.yaml", YICHUN_2022)
    return folder / "宜春市2023.yaml", forms(folder / "宜春市2023.yaml", folder / "报表")


def _form(result, dept):
    wb = openpyxl.load_workbook(next(f for f in result.files if f.dept == dept).path)
    return wb, {r[0]: r for r in _rows(wb)}


def test_one_indicator_is_one_row_with_its_growth_and_the_checks_actual(yichun_forms):
    """H81 M6: 一般公共预算收入 was listed twice (headline, and the growth target in %)."""
    _, result = yichun_forms
    wb, rows = _form(result, "市财政局")
    assert [r[0] for r in _rows(wb)].count("一般公共预算收入") == 1
    row = rows["一般公共预算收入"]
    assert row[1] == "亿元" and row[3] is not None  # the amount's unit; 本年目标 is the growth target
    listed = next(m for m in read_meta(wb).rows.values() if m["指标"] == "一般公共预算收入")
    assert listed["增长(%)"].split() == ["review.headline[1].growth", "review.checks[1].actual"]
    assert listed["本年数"] == "review.headline[1].value"
    row_no = next(n for n, m in read_meta(wb).rows.items() if m["指标"] == "一般公共预算收入")
    assert "增长目标" in wb["数据"].cell(row_no, 4).comment.text
    # 统计局: 生产总值 (亿元) and the 地区生产总值 growth target are one row too (S6)
    wb, rows = _form(result, "市统计局")
    names = [r[0] for r in _rows(wb)]
    assert "生产总值" in names and "地区生产总值" not in names


def test_a_target_of_two_indicators_is_a_row_each_and_every_target_has_a_department(yichun_forms):
    """H81 S6/M8: 城镇和农村居民人均可支配收入分别增长 went to no department; PM2.5/节能减排 likewise."""
    _, result = yichun_forms
    assert result.unassigned == []
    wb, rows = _form(result, "市统计局")
    meta = {m["指标"]: m for m in read_meta(wb).rows.values()}
    assert meta["城镇居民人均可支配收入"]["增长(%)"] == "review.checks[5].actual"
    assert meta["农村居民人均可支配收入"]["增长(%)"] == "review.checks[5].actual2"
    assert rows["农村居民人均可支配收入"][3] == 7.5  # value2 as its 本年目标
    _, rows = _form(result, "市生态环境局")
    assert "节能减排" in rows


def test_unassigned_figures_are_named_and_forms_are_not_overwritten(tmp_path):
    data = tmp_path / "d.yaml"
    data.write_text("meta: {region: 某县, level: 县, year: 2025}\n"
                    "review:\n  headline:\n    - {name: 无主指标, value: 2}\n", encoding="utf-8")
    assert forms(data, tmp_path / "out").unassigned == ["无主指标（review.headline[0]）"]
    with pytest.raises(DrafterError) as e:
        forms(data, tmp_path / "out")
    assert "表格" in e.value.message and "文稿" not in e.value.message


def test_an_energy_target_named_with_its_task_word_goes_to_the_environment_bureau(tmp_path):
    """H115 (呼和浩特, from init --from): 「节能减排目标」 (完成上级下达任务) was listed under
    未注明部门; 节能减排 is the 生态环境局's, 目标 / 任务 after it name the same indicator."""
    data = ROOT / "tests" / "fixtures" / "materials_h115" / "呼和浩特市2025.yaml"
    result = forms(data, tmp_path / "报表")
    assert not any("节能减排" in u for u in result.unassigned)
    _, rows = _form(result, "市生态环境局")
    assert "节能减排目标" in rows
