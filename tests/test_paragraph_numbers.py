"""One paragraph numbering everywhere, Word's (字数统计 → 段落数: every paragraph with text,
headings and header lines included): `draft`'s and `outline`'s 「N 段」, `check`'s 「第N段」
and the 核对表's 段落 column, all against what python-docx reads back from the written file."""

from __future__ import annotations

import re

import docx
import openpyxl
import pytest

from tests.conftest import EXAMPLES
from tests.test_check_helpers import JINTAI, XIANYANG, check, edit_docx


def _word_paragraphs(path) -> list[str]:
    """The file's paragraphs as Word counts them: python-docx's, the empty ones left out."""
    return [p.text for p in docx.Document(str(path)).paragraphs if p.text.strip()]


def _reported_count(out: str) -> int:
    return int(re.search(r"（(\d+) 段", out).group(1))


@pytest.mark.parametrize("data", ["xianyang_2024.yaml", "gaoping_2024.yaml", "jintai_2023",
                                  "xianyang_2024_figures.yaml"])
def test_draft_reports_the_paragraphs_python_docx_sees(data, tmp_path, run_cli):
    out = tmp_path / "初稿.docx"
    code, printed, err = run_cli("draft", EXAMPLES / data, "-o", out)
    assert code == 0, err
    seen = docx.Document(str(out)).paragraphs
    assert _reported_count(printed) == len(_word_paragraphs(out)) == len(seen)  # a draft has no empty paragraph
    assert seen[0].text.strip() and any(p.style.name == "一级标题" for p in seen)


def test_the_txt_and_md_drafts_have_the_same_paragraphs(tmp_path, run_cli):
    counts = []
    for suffix in (".docx", ".txt", ".md"):
        code, printed, err = run_cli("draft", XIANYANG, "-o", tmp_path / f"初稿{suffix}")
        assert code == 0, err
        counts.append(_reported_count(printed))
    lines = [ln for ln in (tmp_path / "初稿.md").read_text(encoding="utf-8").splitlines() if ln.strip()]
    assert counts == [len(_word_paragraphs(tmp_path / "初稿.docx"))] * 3 == [len(lines)] * 3


def test_outline_counts_its_headings(tmp_path, run_cli):
    out = tmp_path / "提纲.docx"
    code, printed, err = run_cli("outline", JINTAI, "-o", out)
    assert code == 0, err
    seen = docx.Document(str(out)).paragraphs
    headings = [p for p in seen if p.style.name in ("一级标题", "二级标题")]
    assert len(headings) >= 10
    assert _reported_count(printed) == len(_word_paragraphs(out)) == len(seen) > len(headings)


def test_a_findings_paragraph_is_the_one_python_docx_has_at_that_number(tmp_path, run_cli):
    draft = tmp_path / "初稿.docx"
    assert run_cli("draft", XIANYANG, "-o", draft)[0] == 0
    edited = tmp_path / "改.docx"
    i = edit_docx(draft, edited, "生产总值达到2878亿元", "生产总值达到2900亿元")
    j = edit_docx(edited, edited, "咸永一级公路停止收费。", "咸永一级公路为为停止收费。")
    # Empty paragraphs typed in before both edits: Word does not count them, nor does check.
    d = docx.Document(str(edited))
    for k in (3, 3, 8):
        d.paragraphs[k].insert_paragraph_before("")
    d.save(str(edited))
    result, _ = check(XIANYANG, draft=edited)
    seen = _word_paragraphs(edited)
    changed = next(f for f in result.findings if "2900" in f.message)
    doubled = next(f for f in result.findings if "为为" in f.message)
    assert (changed.paragraph, doubled.paragraph) == (i + 1, j + 1)
    for f, text in ((changed, "2900亿元"), (doubled, "为为停止收费")):
        assert text in seen[f.paragraph - 1] and seen[f.paragraph - 1].startswith(f.excerpt.rstrip("…"))
        assert f.where.startswith(f"第{f.paragraph}段")


def test_the_confirm_sheet_cites_the_drafts_paragraphs(tmp_path):
    draft = tmp_path / "初稿.docx"
    from drafter.api import draft as do_draft

    do_draft(XIANYANG, draft)
    sheet = tmp_path / "核对表.xlsx"
    check(XIANYANG, draft=draft, confirm_sheet=sheet)
    seen = _word_paragraphs(draft)
    rows = 0
    for ws in openpyxl.load_workbook(sheet).worksheets[1:]:
        header = [c.value for c in ws[2]]
        for row in ws.iter_rows(min_row=3, values_only=True):
            r = dict(zip(header, row, strict=True))
            n = int(re.fullmatch(r"第(\d+)段", r["段落"]).group(1))
            sentence = r["文稿中的句子"].strip("…")
            assert sentence[:20] in seen[n - 1], (n, sentence)
            rows += 1
    assert rows > 50


def test_the_check_report_says_how_paragraphs_are_numbered(tmp_path):
    from drafter.checks.render import NUMBERING

    data = tmp_path / "data.yaml"
    data.write_text(XIANYANG.read_text(encoding="utf-8").replace("各位代表", "各位代表为为", 1), encoding="utf-8")
    report = tmp_path / "检查.txt"
    result, printed = check(data, report=report)
    assert result.findings and NUMBERING in report.read_text(encoding="utf-8")
    assert "字数统计" in printed
