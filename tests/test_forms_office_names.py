"""Forms and the 尚未报送 list name a department as the office's data does (H94, on the shipped
金台 example): its environment bureau is 宝鸡市生态环境局金台分局, and its data writes
区城市管理执法局 / 区文化和旅游局 while the forms are named 区城管执法局 / 区文旅局."""

from __future__ import annotations

import shutil

import openpyxl

from drafter.api import forms, gather
from tests.conftest import EXAMPLES


def test_a_branch_bureau_gets_the_catalogues_rows_and_returned_forms_count(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(EXAMPLES / "jintai_2023", data)
    forms(data, tmp_path / "forms")
    names = sorted(p.name for p in (tmp_path / "forms").glob("*.xlsx"))
    assert "区生态环境局.xlsx" not in names  # no second form for a bureau the data names otherwise
    env = openpyxl.load_workbook(tmp_path / "forms" / "宝鸡市生态环境局金台分局.xlsx")["数据"]
    assert "空气质量优良天数" in {env.cell(r, 1).value for r in range(2, env.max_row + 1)}

    returned = tmp_path / "returned"
    returned.mkdir()
    shutil.copy(tmp_path / "forms" / "区城管执法局.xlsx", returned)
    wb = openpyxl.load_workbook(returned / "区城管执法局.xlsx")
    wb["数据"]["E2"] = 5.2  # the value the office's file already has: no conflict
    wb.save(returned / "区城管执法局.xlsx")
    missing = gather([returned], data).summary.missing
    assert not any("城市管理执法局" in d or "城管执法局" in d for d in missing), missing
    assert "区文化和旅游局" not in missing and "区文旅局" in missing  # once, as its form is named
