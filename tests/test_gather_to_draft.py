"""Numbers in department materials reach the draft (issue 11): a real report cut into three
departments' materials, gathered into an init skeleton's folder and drafted, keeps every
Arabic number of its review and key-task sections."""

from __future__ import annotations

import re
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))


@pytest.mark.parametrize("report", ["2024_咸阳市.txt", "2023_金台区.txt"])
def test_every_number_of_the_materials_reaches_the_draft(tmp_path: Path, report: str):
    from gather_to_draft import one

    total, kept = one(ROOT / "style_corpus" / report, tmp_path)
    assert total > 100
    assert kept == total


# --- each gathered text keeps its department (H91) --------------------------------------------
# 宜宾's 2024 民生 work, as its 卫健 and 教育 bureaus would send it; the office's own 民生
# section holds 财政局's figure. The three merge into one section, which keeps no one `dept`.
_OFFICE_MINSHENG = """review:
  sections:
    - topic: 民生
      facts:
        - {name: 民生支出占一般公共预算支出比重, value: 65, unit: "%", qualifier: 以上, dept: 区财政局}
"""
_HEALTH = "建成城市医疗集团2个，组建专科联盟5个，新增二级甲等疾控机构4个。\n基本医疗保险参保率达95%以上。\n"
_EDUCATION = ("新（改、扩）建中小学、幼儿园146个。\n"
              "累计创建省级示范性幼儿园25所、省一级示范性普通高中6所。\n"
              "高考本科上线人数连续14年增长，职教本科上线人数居全省第1位。\n")


def _minsheng_office(tmp_path: Path) -> Path:
    from drafter.api import gather, init

    data, mats = tmp_path / "data", tmp_path / "materials"
    data.mkdir()
    mats.mkdir()
    init(data / "00_金台区2025.yaml", "金台区", "区", 2025)
    (data / "10_民生.yaml").write_text(_OFFICE_MINSHENG, encoding="utf-8")
    (mats / "区卫健局2024年工作总结.txt").write_text(_HEALTH, encoding="utf-8")
    (mats / "区教育局2024年工作总结.txt").write_text(_EDUCATION, encoding="utf-8")
    gather([mats], data)
    return data


def _sheet_depts(path: Path) -> dict[tuple[str, object], str]:
    """(text holding the number's sentence, number) → the sheet it is on, for text numbers."""
    import openpyxl

    out = {}
    for ws in openpyxl.load_workbook(path).worksheets[1:]:
        header = [c.value for c in ws[2]]
        for row in ws.iter_rows(min_row=3, values_only=True):
            r = dict(zip(header, row, strict=True))
            if r["指标"] == "文字中的数字":
                out[(r["文稿中的句子"], r["数值"])] = ws.title
    return out


def test_gathered_texts_keep_their_department_in_a_merged_section(tmp_path: Path):
    from drafter.api import check, load, validate
    from drafter.model.review import SaidText

    data = _minsheng_office(tmp_path)
    report = load(data)
    [section] = [s for s in report.review.sections if s.topic == "民生"]
    said = {str(f): f.dept for f in section.facts if isinstance(f, SaidText)}
    assert said["高考本科上线人数连续14年增长，职教本科上线人数居全省第1位。"] == "区教育局"
    assert section.dept is None  # merged from three departments: none of its own

    sheet = tmp_path / "核对表.xlsx"
    assert not [p for p in validate(data).unused if p.path.endswith(".text")]  # drafted, not unused
    check(data, confirm_sheet=sheet)
    depts = _sheet_depts(sheet)
    on = {(n, d) for (_sentence, n), d in depts.items()}
    for n in (2, 5, 4, 95):
        assert (n, "区卫健局") in on, depts
    for n in (146, 25, 6, 14, 1):  # 1: 居全省第1位
        assert (n, "区教育局") in on, depts
    assert "区财政局" not in depts.values()  # its figure's neighbours are not its numbers


def test_check_draft_names_the_department_of_a_deleted_text_number(tmp_path: Path):
    from drafter.api import check, draft
    from tests.test_check_helpers import edit_docx

    data = _minsheng_office(tmp_path)
    out = draft(data, tmp_path / "初稿.docx").path
    edited = tmp_path / "改.docx"
    edit_docx(out, edited, "高考本科上线人数连续14年增长，职教本科上线人数居全省第1位", "高考成绩稳步提升")
    messages = [f.message for f in check(data, draft=edited).findings if "14年" in f.message]
    assert messages and all("区教育局" in m and "区财政局" not in m for m in messages), messages


def test_annotate_names_the_department_of_a_gathered_text(tmp_path: Path):
    from drafter.api import draft

    out = draft(_minsheng_office(tmp_path), tmp_path / "初稿.docx", annotate=True).path
    with zipfile.ZipFile(out) as z:
        comments = z.read("word/comments.xml").decode("utf-8")
    # one comment per number of a text fact: 「文字中的数字：review.sections[3].facts[1]（区卫健局）」
    named = re.findall(r"文字中的数字：[^<（]*（([^）]*)）", comments)
    assert {"区卫健局", "区教育局"} == set(named) and len(named) == 9, named
