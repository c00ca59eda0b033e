"""drafter gather lists every mistake of every returned form in one refusal (issue 11): an
office with three departments' mistakes fixes them after one run, and nothing is written."""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
import pytest

import drafter.gather as gather_module
from drafter.api import forms, gather
from drafter.cli import main
from drafter.errors import DrafterError

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "xianyang_2024.yaml"


@pytest.fixture
def damaged(tmp_path):
    """Forms from `drafter forms` on the Xianyang example, three of them spoiled as departments do:
    two text numbers in 市统计局, a merged cell in 市财政局, a renamed 数据 sheet in 市教育局."""
    data = tmp_path / "data"
    data.mkdir()
    shutil.copy(EXAMPLE, data / EXAMPLE.name)
    out = tmp_path / "forms"
    forms(data / EXAMPLE.name, out)
    shutil.copy(out / "市统计局.xlsx", tmp_path / "original_stats.xlsx")  # for the fixed run

    def edit(name, change):
        wb = openpyxl.load_workbook(out / name)
        change(wb)
        wb.save(out / name)

    def stats(wb):
        wb["数据"]["F2"] = "6%"
        wb["数据"]["E3"] = "约300"

    edit("市统计局.xlsx", stats)
    edit("市财政局.xlsx", lambda wb: wb["数据"].merge_cells("E2:F2"))
    edit("市教育局.xlsx", lambda wb: setattr(wb["数据"], "title", "Sheet1"))
    return data, out


def test_one_run_lists_every_problem_in_every_form_and_writes_nothing(damaged):
    data, out = damaged
    before = sorted(p.name for p in data.iterdir())
    with pytest.raises(DrafterError) as e:
        gather([out], data)
    lines = e.value.message.splitlines()
    for needles in (("市统计局.xlsx", "工作表“数据”单元格 F2", "“6%”不是数字"),
                    ("市统计局.xlsx", "工作表“数据”单元格 E3", "“约300”不是数字"),
                    ("市财政局.xlsx", "工作表“数据”单元格 E2:F2", "合并单元格"),
                    ("市教育局.xlsx", "找不到工作表“数据”", "“Sheet1”")):
        assert sum(all(n in line for n in needles) for line in lines) == 1, (needles, lines)
    assert lines[-1] == "共 4 处问题，涉及 3 个文件；请改正后重新汇总，未写入任何文件"
    assert len(lines) == 5
    assert sorted(p.name for p in data.iterdir()) == before


def test_cli_exits_2_with_every_problem(damaged, capsys):
    data, out = damaged
    assert main(["gather", str(out), "-o", str(data)]) == 2
    err = capsys.readouterr().err
    assert "F2" in err and "E3" in err and "市财政局.xlsx" in err and "市教育局.xlsx" in err
    assert "Traceback" not in err


def test_long_lists_are_capped_with_a_count_of_the_rest(damaged, monkeypatch):
    data, out = damaged
    monkeypatch.setattr(gather_module, "MAX_FINDINGS_LISTED", 2)
    with pytest.raises(DrafterError) as e:
        gather([out], data)
    lines = e.value.message.splitlines()
    assert len(lines) == 4 and lines[2] == "另有 2 处未列出（只列前 2 处）"
    assert lines[3].startswith("共 4 处问题")


def test_the_same_forms_gather_once_fixed(damaged):
    """The refusal was about those four places only: restored, the 26 forms gather."""
    data, out = damaged
    original = openpyxl.load_workbook(data.parent / "original_stats.xlsx")["数据"]
    wb = openpyxl.load_workbook(out / "市统计局.xlsx")
    wb["数据"]["F2"], wb["数据"]["E3"] = original["F2"].value, original["E3"].value
    wb.save(out / "市统计局.xlsx")
    wb = openpyxl.load_workbook(out / "市财政局.xlsx")
    wb["数据"].unmerge_cells("E2:F2")
    wb.save(out / "市财政局.xlsx")
    wb = openpyxl.load_workbook(out / "市教育局.xlsx")
    wb["Sheet1"].title = "数据"
    wb.save(out / "市教育局.xlsx")
    result = gather([out], data)
    assert len(result.summary.rows) == 26  # 25 + 市文旅局, the catalogue's (office/catalogue.py)


def _plain_form(path: Path, rows) -> Path:
    """A table built to the forms layout by a department's own tool (no 元数据)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "数据"
    ws.append(["指标", "单位", "上年数", "本年目标", "本年数", "增长(%)", "状态", "备注"])
    for r in rows:
        ws.append(list(r))
    wb.save(path)
    return path


def test_one_number_given_twice_by_one_department_is_no_conflict_and_two_are_named_with_their_folder(tmp_path):
    """H81 M6: 财政局 wrote 4.5 as the headline growth (F2) and as the target's actual (E3, %)."""
    data, returned = tmp_path / "data", tmp_path / "returned"
    data.mkdir()
    returned.mkdir()
    _plain_form(returned / "市财政局.xlsx", [("一般公共预算收入", None, None, None, None, 4.5, "核实", None),
                                          ("一般公共预算收入", "%", None, 4.5, 4.5, None, "核实", None)])
    gather([returned], data)  # no refusal
    _plain_form(returned / "市统计局.xlsx", [("一般公共预算收入", None, None, None, None, 4.6, "快报", None)])
    with pytest.raises(DrafterError) as e:
        gather([returned], data)
    assert "returned/市财政局.xlsx!F2" in e.value.message and "returned/市统计局.xlsx!F2" in e.value.message
