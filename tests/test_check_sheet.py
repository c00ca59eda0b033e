"""The 数据核对表: opened back with openpyxl — every figure of the draft once, one sheet per
department, 预计 rows flagged, 未注明部门 when a figure names no department."""

from __future__ import annotations

import openpyxl
import pytest

from drafter.api import compose_report, load
from drafter.checks.composed import composed_paragraphs
from drafter.checks.paths import figure_info
from drafter.checks.sheet import COLUMNS, ESTIMATE_FILL, NO_DEPT
from drafter.errors import DrafterError
from tests.test_check_helpers import JINTAI, XIANYANG, check, xianyang_variant


def _figure_paths(data) -> list[str]:
    """Every run of the composition that carries a number of a numeric field."""
    report = load(data)
    doc = compose_report(report)
    paths = []
    for cp in composed_paragraphs(doc):
        for _, _, run in cp.spans():
            if run.source.kind == "data" and figure_info(report, run.source.ref) is not None:
                paths.append(run.source.ref)
    return paths


def _rows(wb):
    """(sheet title, row dict) for every figure row of every department sheet."""
    header = [name for name, _ in COLUMNS]
    for ws in wb.worksheets[1:]:
        assert [c.value for c in ws[2]] == header
        for row in ws.iter_rows(min_row=3):
            yield ws.title, dict(zip(header, [c.value for c in row], strict=True)), row


def test_every_figure_of_the_xianyang_draft_once_grouped_by_department(tmp_path):
    out = tmp_path / "数据核对表.xlsx"
    result, printed = check(XIANYANG, confirm_sheet=out)
    assert "已写出数据核对表" in printed
    wb = openpyxl.load_workbook(out)
    every = list(_rows(wb))
    rows = [x for x in every if x[1]["指标"] != "文字中的数字"]  # tests/test_text_numbers.py
    expected = _figure_paths(XIANYANG)
    assert len(expected) == len(set(expected)) == len(rows) and result.sheet_figures == len(every)
    assert sorted(r["数据路径"] for _, r, _ in rows) == sorted(expected)
    report = load(XIANYANG)
    for title, r, _ in rows:
        info = figure_info(report, r["数据路径"])
        assert title == info.dept  # the department's own sheet
        assert float(r["数值"]) == float(info.value) and r["单位"] == info.unit
        assert r["数据状态"] == "核实" or info.status is None
        assert r["文稿中的句子"] and r["段落"].startswith("第")
    gdp = next(r for _, r, _ in rows if r["数据路径"] == "review.headline[0].value")
    assert gdp["数值"] == 2878 and gdp["单位"] == "亿元" and "生产总值达到2878亿元" in gdp["文稿中的句子"]
    summary = wb["汇总"]
    assert sum(r[1] for r in summary.iter_rows(min_row=3, values_only=True)) == len(every)
    ws = wb.worksheets[1]
    assert ws.freeze_panes == "A3" and ws.column_dimensions["D"].width >= 40
    assert ws["D3"].alignment.wrap_text
    assert all(t != NO_DEPT for t, _, _ in rows)  # every 咸阳 figure names its department


def test_estimates_are_flagged_and_figures_without_department_grouped(tmp_path):
    out = tmp_path / "表.xlsx"
    check(JINTAI, confirm_sheet=out)
    rows = list(_rows(openpyxl.load_workbook(out)))
    estimated = [(r, cells) for _, r, cells in rows if r["数据状态"] == "预计"]
    assert estimated and all(r["是否预计"] == "是" for r, _ in estimated)
    assert all(c.fill.fgColor.rgb.endswith(ESTIMATE_FILL) for _, cells in estimated for c in cells)
    assert all(r["是否预计"] in (None, "") for _, r, _ in rows if r["数据状态"] != "预计")

    data = xianyang_variant(tmp_path, dept=(", status: 核实, dept: 市税务局}", ", status: 核实}"))
    out = tmp_path / "表2.xlsx"
    check(data, confirm_sheet=out)
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames[-1] == NO_DEPT
    [(_, r, _)] = [x for x in _rows(wb) if x[0] == NO_DEPT and x[1]["指标"] != "文字中的数字"]
    assert r["指标"] == "累计为企业减免退缓税费" and r["数值"] == 28.7


def test_an_existing_sheet_or_report_is_not_overwritten_without_force(tmp_path):
    sheet, report = tmp_path / "表.xlsx", tmp_path / "结果.md"
    sheet.write_bytes(b"old")
    report.write_text("old", encoding="utf-8")
    for kw in ({"confirm_sheet": sheet}, {"report": report}):
        with pytest.raises(DrafterError, match="已存在"):
            check(XIANYANG, **kw)
    assert sheet.read_bytes() == b"old" and report.read_text(encoding="utf-8") == "old"
    check(XIANYANG, confirm_sheet=sheet, report=report, force=True)
    assert openpyxl.load_workbook(sheet).sheetnames[0] == "汇总"
    assert report.read_text(encoding="utf-8").startswith("# 咸阳市2024年政府工作报告检查")


@pytest.mark.parametrize("name,says", [("confirm.xlsx", "数据核对表可能有手工修改"), ("数据核对.xlsx", "数据核对表可能有手工修改"),
                                       ("表.xlsx", "表格可能有手工修改"), ("结果.md", "文稿可能有手工修改")])
def test_the_refusal_names_what_the_existing_output_is(tmp_path, name, says):
    """「confirm.xlsx 已存在，未覆盖（文稿可能有手工修改）」: a confirm sheet is no 文稿 (H92)."""
    out = tmp_path / name
    out.write_bytes(b"old")
    kw = {"report": out} if name.endswith(".md") else {"confirm_sheet": out}
    with pytest.raises(DrafterError, match=says):
        check(XIANYANG, **kw)
