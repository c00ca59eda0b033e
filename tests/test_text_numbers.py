"""Numbers in the office's free text are figures too, and a figure is its number with its
unit, qualifier and direction: the xianyang draft edited by hand with python-docx, checked;
the 数据核对表 read back with openpyxl; the --annotate comments read from the .docx."""

from __future__ import annotations

import zipfile

import openpyxl
import pytest
from lxml import etree

from drafter.checks.facts import CHANGED, DIRECTION, MISSING, QUALIFIER, UNIT
from drafter.checks.findings import FACTS
from drafter.checks.paths import fact_dept
from drafter.api import draft
from tests.test_check_helpers import XIANYANG, check, edit_docx, make_draft, xianyang_variant


@pytest.fixture(scope="module")
def xy_draft(tmp_path_factory):
    return make_draft(XIANYANG, tmp_path_factory.mktemp("xy") / "初稿.docx")


# (old, new, kind, data path, words the message must hold)
EDITS = [
    ("累计为企业减免退缓税费28.7亿元", "累计为企业减免退缓税费28.7万元", UNIT,
     "review.sections[0].facts[1].value", ("数据为 28.7亿元", "文稿为 28.7万元")),
    ("到位资金1600亿元以上", "到位资金1600亿元左右", QUALIFIER,
     "key_tasks.areas[2].items[1].measures[6].value", ("“以上”", "“左右”")),
    ("贷款余额同比新增316亿元、增长12%", "贷款余额同比新增316亿元、下降12%", DIRECTION,
     "review.sections[0].facts[2].growth", ("数据为增长", "文稿写作下降")),
    ("综合指数下降4.1%", "综合指数增长4.1%", DIRECTION,
     "review.sections[5].facts[4].growth", ("数据为下降", "文稿写作增长")),
    ("79个重点工业项目、技改项目建成投产，", "", MISSING,
     "review.sections[0].facts[9]", ("文字中的数字 79个 未出现在文稿中", "市工信局", "79个重点工业项目、技改项目建成投产")),
    ("2个县义务教育优质均衡发展通过省级验收。", "", MISSING,
     "review.sections[4].facts[3]", ("文字中的数字 2个", "2个县义务教育优质均衡发展通过省级验收")),
    ("5.6万户自改户", "6.5万户自改户", CHANGED,
     "review.sections[5].facts[2]", ("文字中的数字（市生态环境局）", "数据为 5.6万户，文稿为 6.5万户")),
    ("等11条互联互通道路完成提升，6个口袋公园", "等11条互联互通道路完成提升，6个口袋公园", None, "", ()),
]


@pytest.mark.parametrize("old,new,kind,path,words", EDITS, ids=[e[0][:12] for e in EDITS])
def test_each_hand_edit_is_a_finding_with_its_paragraph(xy_draft, tmp_path, old, new, kind, path, words):
    edited = tmp_path / "改.docx"
    i = edit_docx(xy_draft, edited, old, new)
    result, _ = check(XIANYANG, draft=edited)
    found = result.group(FACTS)
    if kind is None:  # the untouched draft: nothing to report
        assert found == []
        return
    [f] = found
    assert (f.kind, f.path, f.paragraph) == (kind, path, i + 1)
    for w in words:
        assert w in f.message, f.message


def test_a_deleted_fact_with_two_numbers_is_one_finding_naming_both(xy_draft, tmp_path):
    edited = tmp_path / "改.docx"
    i = edit_docx(xy_draft, edited, "迎宾大道、白马河路等11条互联互通道路完成提升，6个口袋公园建成开放", "")
    result, _ = check(XIANYANG, draft=edited)
    [f] = [f for f in result.group(FACTS) if f.path == "review.sections[3].facts[1]"]
    assert f.kind == MISSING and f.paragraph == i + 1
    assert "11条、6个" in f.message


def test_departments_of_text_facts_are_the_nearest_dept_in_their_section_or_item():
    from drafter.api import load

    report = load(XIANYANG)
    # between 兑付工业扶持资金 (市工信局, before) and 工业投资 (市统计局, after): the one before
    assert fact_dept(report, "review.sections[0].facts[9]") == "市工信局"
    # a figure's own name holding a number: that figure's department
    assert fact_dept(report, "key_tasks.areas[2].items[1].measures[5].name") == "市招商局"
    # nothing with a department around it
    assert fact_dept(report, "targets.context") is None


def test_confirm_sheet_lists_text_numbers_with_path_and_department(tmp_path):
    out = tmp_path / "数据核对表.xlsx"
    check(XIANYANG, confirm_sheet=out)
    wb = openpyxl.load_workbook(out)
    rows = []
    for ws in wb.worksheets[1:]:
        header = [c.value for c in ws[2]]
        for row in ws.iter_rows(min_row=3, values_only=True):
            r = dict(zip(header, row, strict=True))
            if r["指标"] == "文字中的数字":
                rows.append((ws.title, r))
    by = {(r["数据路径"], r["数值"]): (title, r) for title, r in rows}
    title, r = by[("review.sections[0].facts[9]", 79)]
    assert title == "市工信局" and r["单位"] == "个" and "79个重点工业项目、技改项目建成投产" in r["文稿中的句子"]
    assert r["段落"] == "第12段"
    assert by[("review.sections[5].facts[2]", 4.5)][1]["单位"] == "亿元"
    assert by[("review.sections[5].facts[2]", 5.6)][0] == "市生态环境局"
    # names are not figures: 地铁1号线, 国道327, 「16+8+3」, 2023行动
    paths = {p for p, _ in by}
    assert "key_tasks.areas[2].items[1].measures[1]" not in paths
    assert "review.highlights[0].facts[0]" not in paths  # 地铁1号线
    assert not any(v in (327, 2023) for _, v in by)  # 国道327, 2023行动
    # the summary counts them with the department's figures
    summary = {row[0]: row[1] for row in wb["汇总"].iter_rows(min_row=3, values_only=True)}
    assert sum(summary.values()) == sum(ws.max_row - 2 for ws in wb.worksheets[1:])


W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def test_annotate_comments_each_number_of_a_text_fact(tmp_path):
    out = tmp_path / "初稿.docx"
    draft(XIANYANG, out, annotate=True)
    with zipfile.ZipFile(out) as z:
        comments = etree.fromstring(z.read("word/comments.xml"))
        body = etree.fromstring(z.read("word/document.xml"))
    texts = {c.get(W + "id"): "".join(t.text or "" for t in c.iter(W + "t")) for c in comments.iter(W + "comment")}
    anchored = {}
    for start in body.iter(W + "commentRangeStart"):
        r = start.getnext()
        anchored[start.get(W + "id")] = "".join(t.text or "" for t in r.iter(W + "t"))
    text_notes = {cid: t for cid, t in texts.items() if t.startswith("文字中的数字")}
    pairs = {(anchored[cid], t) for cid, t in text_notes.items()}
    assert ("79个", "文字中的数字：review.sections[0].facts[9]（市工信局）") in pairs
    assert ("4.5亿元", "文字中的数字：review.sections[5].facts[2]（市生态环境局）") in pairs
    assert ("5.6万户", "文字中的数字：review.sections[5].facts[2]（市生态环境局）") in pairs
    # the whole sentence is not commented any more, and a name (地铁1号线) gets no comment
    assert not any("重点工业项目" in a for a in anchored.values())
    assert not any("review.highlights[0].facts[0]" in t for t in text_notes.values())


def test_a_figure_s_own_department_beats_its_section_s():
    """A number in a figure's name is that figure's department's, even in a section with a
    `dept` of its own (the section's stood in for it, issue 11)."""
    from drafter.api import load

    report = load(XIANYANG)
    section = report.review.sections[0]
    i = next(i for i, f in enumerate(section.facts) if getattr(f, "dept", None) == "市工信局")
    report.review.sections[0] = section.model_copy(update={"dept": "市统计局"})
    assert fact_dept(report, f"review.sections[0].facts[{i}].name") == "市工信局"
    assert fact_dept(report, f"review.sections[0].facts[{i}]") == "市工信局"


def test_a_magnitude_before_its_approximate_word_is_read_as_the_draft_writes_it(tmp_path):
    """「32.7万余户」 (余 after 万 after a decimal, as compose writes it): unit 万户, qualifier 余 —
    dropping the 余 by hand is a qualifier change, not a unit change."""
    from drafter.checks import numbers

    text = "市场主体发展到32.7万余户，新增50多亿元以上"
    a, b = numbers.extract(text)
    assert (numbers.unit_after(text, a), numbers.qualifier(text, a)) == ("万户", "余")
    assert (numbers.unit_after(text, b), numbers.qualifier(text, b)) == ("亿元", "多以上")
    data = xianyang_variant(tmp_path, v=("value: 32.7, unit: 万户", "value: 32.7, approx: 余, unit: 万户"))
    edited = tmp_path / "改.docx"
    edit_docx(make_draft(data, tmp_path / "初稿.docx"), edited, "32.7万余户", "32.7万户")
    result, _ = check(data, draft=edited)
    [f] = result.group(FACTS)
    assert f.kind == QUALIFIER and "“余”" in f.message, f.message


def test_annotate_comments_a_number_with_its_yu_and_unit_whole(tmp_path):
    """「3000余户」 was commented up to 余 (「3000余」): the span took the unit's length only."""
    from tests.conftest import MINIMAL

    data = tmp_path / "d.yaml"
    data.write_text(MINIMAL.replace(
        "        - {name: 规上工业增加值, growth: 7.2, compare: [{scope: 全省, diff: 2.2}]}\n",
        "        - {name: 规上工业增加值, growth: 7.2, compare: [{scope: 全省, diff: 2.2}]}\n"
        "        - {text: 新建保障房3000余户，改造老旧小区32.7万余户, dept: 市住建局}\n"), encoding="utf-8")
    out = tmp_path / "初稿.docx"
    draft(data, out, annotate=True)
    with zipfile.ZipFile(out) as z:
        body = etree.fromstring(z.read("word/document.xml"))
    anchored = {"".join(t.text or "" for t in s.getnext().iter(W + "t")) for s in body.iter(W + "commentRangeStart")}
    assert {"3000余户", "32.7万余户"} <= anchored, anchored
