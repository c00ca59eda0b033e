"""Office outputs: the outline (提纲), the department division (部门分工 .docx and its .xlsx
tracking sheet) and the annotated draft (Word comments on every figure). Each is written to
a file and read back with python-docx / openpyxl / the raw XML."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import docx
import openpyxl
import pytest
from lxml import etree

from drafter import api
from drafter.api import compose_report, draft, load
from drafter.datapath import resolve
from drafter.errors import DrafterError
from drafter.office import (
    comments_of,
    division_document,
    division_items,
    figure_notes,
    outline,
    write_division,
    write_division_xlsx,
)
from drafter.office.division import PROGRESS_CHOICES, XLSX_COLUMNS
from drafter.tree import Document, Header, Heading, Paragraph, Part, Run, Source, plain
from drafter.writers.docx_writer import build_docx, write_docx
from tests.conftest import EXAMPLES

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = "{%s}" % W_NS
XIANYANG = EXAMPLES / "xianyang_2024.yaml"
JINTAI = EXAMPLES / "jintai_2023"
GAOPING = EXAMPLES / "gaoping_2024.yaml"


@pytest.fixture(scope="module")
def xianyang():
    return load(XIANYANG)


def _paras(path: Path) -> list[tuple[str, str]]:
    return [(p.style.name, p.text) for p in docx.Document(str(path)).paragraphs]


def _document_xml(path: Path) -> etree._Element:
    with zipfile.ZipFile(path) as z:
        return etree.fromstring(z.read("word/document.xml"))


def _in_order(texts: list[str], wanted: list[str]) -> None:
    """Each of `wanted` is one of `texts`, in the same order."""
    pos = -1
    for w in wanted:
        hits = [i for i, t in enumerate(texts) if i > pos and t == w]
        assert hits, f"missing or out of order: {w!r}"
        pos = hits[0]


# --- outline ------------------------------------------------------------------------------------

def test_outline_docx_has_every_heading_and_lead_in_order(tmp_path, xianyang):
    out = tmp_path / "提纲.docx"
    result = api.outline(XIANYANG, out)
    assert result.format == "docx"
    paras = _paras(out)
    texts = [t for _, t in paras]
    style = {t: s for s, t in paras}
    r = xianyang
    cn = "一二三四五六七八九十"
    wanted: list[str] = ["政府工作报告"]
    wanted.append(f"一、{r.review_year}年工作回顾")
    for i, sec in enumerate(r.review.sections):
        wanted.append(f"（{cn[i]}）{sec.title}")  # inline in the draft, own line here
    wanted.append(f"二、{r.meta.year}年工作的总体要求和预期目标")
    wanted.append(f"三、{r.meta.year}年重点工作")
    for i, area in enumerate(r.key_tasks.areas):
        wanted.append(f"（{cn[i]}）{area.title}")
        wanted.extend(f"{it.lead}。" for it in area.items)
    _in_order(texts, wanted)
    # nothing else than the header, the headings and the leads
    assert len(texts) == len(wanted) + 2  # + subtitle and speaker
    # same styles as the draft
    for w in wanted[1:]:
        if re.match(r"^[一二三四五六七八九十]、", w):
            assert style[w] == "一级标题", w
        elif w.startswith("（"):
            assert style[w] == "二级标题", w
        else:
            assert style[w] == "报告正文", w
    assert style["政府工作报告"] == "报告标题"
    # no body sentence
    body = "\n".join(texts)
    for area in r.key_tasks.areas:
        for it in area.items:
            for m in it.measures:
                if isinstance(m, str):
                    assert m[:12] not in body
    assert r.review.intro[:12] not in body
    assert r.closing.couplet not in body
    assert "名词解释" not in body


def test_outline_leads_are_bold_and_tree_keeps_sources(xianyang):
    doc = outline(xianyang)
    leads = [p for _, _, p in doc.paragraphs()]
    assert leads and all(p.lead and not p.runs for p in leads)
    assert all(r.source.kind == "data" for p in leads for r in p.lead if r.text != "。")
    assert doc.properties.title.endswith("（提纲）")


@pytest.mark.parametrize("suffix", [".md", ".txt"])
def test_outline_text_formats(tmp_path, xianyang, suffix):
    out = tmp_path / f"提纲{suffix}"
    api.outline(XIANYANG, out)
    text = out.read_text(encoding="utf-8")
    assert xianyang.key_tasks.areas[0].items[0].lead in text
    assert xianyang.key_tasks.areas[0].items[0].measures[0][:10] not in text


def _trim(runs: list[Run]) -> list[Run]:
    text = plain(runs)
    return [Run(text.rstrip("。"))]


def test_outline_of_other_examples(tmp_path):
    for data in (JINTAI, GAOPING):
        report = load(data)
        doc = outline(report)
        full = compose_report(report)
        # every heading and lead of the draft, nothing of the appendix
        draft_leads = [plain(p.lead) for part, _, p in full.paragraphs()
                       if part.type != "appendix" and p.lead]
        assert [plain(p.lead) for _, _, p in doc.paragraphs()] == draft_leads
        draft_headings = [s.heading.number + plain(_trim(s.heading.runs)) for part in full.parts
                          if part.type != "appendix" for s in part.sections if s.heading]
        assert [s.heading.text for part in doc.parts for s in part.sections] == draft_headings
        assert all(p.type != "appendix" for p in doc.parts)
        out = tmp_path / f"{report.meta.region}.docx"
        api.outline(data, out)
        assert docx.Document(str(out)).paragraphs


def test_outline_keeps_existing_file(tmp_path):
    out = tmp_path / "提纲.docx"
    out.write_bytes(b"hand edited")
    with pytest.raises(DrafterError, match="已存在"):
        api.outline(XIANYANG, out)
    assert out.read_bytes() == b"hand edited"
    api.outline(XIANYANG, out, force=True)
    assert docx.Document(str(out)).paragraphs


# --- division .docx ----------------------------------------------------------------------------

_ITEM = re.compile(r"^(\d+)\.(.*)（([^（）]*)）$", re.S)


def _expected_clause(lead: list[str], coop: list[str], all_depts: bool = False, gov="市政府") -> str:
    lead = [x for x in lead if x.strip()]
    coop = [x for x in coop if x.strip() and x not in lead]
    if all_depts:
        return (f"{'、'.join(lead)}牵头，" if lead else "") + f"{gov}各部门" + ("按职责分工负责" if lead else "负责")
    if lead and coop:
        return f"{'、'.join(lead)}牵头，{'、'.join(coop)}等按职责分工负责"
    if lead:
        return f"{'、'.join(lead)}牵头"
    if coop:
        return f"{'、'.join(coop)}等按职责分工负责"
    return "【待补充：牵头单位】牵头"


def _division_parts(path: Path) -> list[tuple[str, list[tuple[int, str, str]]]]:
    """[(part heading, [(number, task text, clause)])] read back from the .docx."""
    parts: list[tuple[str, list]] = []
    for style, text in _paras(path):
        if style == "一级标题":
            parts.append((text, []))
            continue
        m = _ITEM.match(text)
        if m and parts:
            parts[-1][1].append((int(m.group(1)), m.group(2), m.group(3)))
    return parts


def test_division_docx_xianyang(tmp_path, xianyang):
    out = tmp_path / "分工.docx"
    result = write_division(XIANYANG, out)
    assert result.format == "docx"
    paras = _paras(out)
    texts = [t for _, t in paras]
    assert texts[0] == "咸阳市人民政府关于落实《政府工作报告》重点工作部门分工的意见"
    assert paras[0][0] == "报告标题"
    assert texts[1] == "各县市区人民政府，市人民政府各工作部门、派出机构、直属事业机构："
    assert texts[2].startswith("为全面完成咸阳市第九届人民代表大会第四次会议审议通过的《政府工作报告》")

    parts = _division_parts(out)
    assert [h for h, _ in parts] == ["一、2024年主要预期目标", "二、2024年重点工作"]
    for _, items in parts:  # 1. 2. … afresh in each part, no gaps
        assert [n for n, _, _ in items] == list(range(1, len(items) + 1))
    # the sections follow the report's key-task areas, then self-building
    sections = [t for s, t in paras if s == "二级标题"]
    cn = "一二三四五六七八九十"
    assert sections == [f"（{cn[i]}）{a.title}" for i, a in enumerate(xianyang.key_tasks.areas)] + [
        "（十）加强政府自身建设"]

    # every key-task item exactly once, in order, with its departments from the data
    key_items = parts[1][1]
    data_items = [it for a in xianyang.key_tasks.areas for it in a.items]
    assert len(key_items) == len(data_items) + 1  # + the self-building item
    for (n, task, clause), it in zip(key_items[:-1], data_items, strict=True):  # the last: self-building
        assert task.startswith(f"{it.lead}。"), (n, task[:20])
        assert sum(1 for _, t, _ in key_items if t.startswith(f"{it.lead}。")) == 1
        assert clause == _expected_clause(it.lead_depts, it.coop_depts, it.all_depts)
    # a measure's text and a figure of the data are in the item
    first = xianyang.key_tasks.areas[0].items[1]
    assert "全年技术合同成交额达到62亿元" in key_items[1][1]
    assert first.measures[0] in key_items[1][1]
    # self-building → 各部门负责
    assert key_items[-1][2] == "市政府各部门负责"
    assert not key_items[-1][1].startswith("各位代表")
    # targets: the indicators' departments, each once
    (n, task, clause), = parts[0][1]
    assert "生产总值增长6%左右" in task
    assert clause == "市发改委、市财政局、市人社局等按职责分工负责"

    # departments never invented
    known = {d for it in data_items for d in it.lead_depts + it.coop_depts}
    known |= {t.dept for t in xianyang.targets.indicators if t.dept}
    for _, items in parts:
        for _, _, clause in items:
            if clause.endswith("各部门负责"):
                continue
            body = re.sub(r"(牵头|等按职责分工负责)", "", clause).replace("，", "、")
            assert set(body.split("、")) <= known, clause

    # the closing: requirements, then the schedule with its dates left to fill
    body = "\n".join(texts)
    assert "目标定量化、管理清单化、实施项目化、推进常态化" in body
    last = texts[-1]
    assert "【待补充：台账报送日期】" in last and "市政府督查室" in last
    assert not re.search(r"\d+月\d+日", "\n".join(texts[-2:]))
    assert not re.search(r"\d+月\d+日前", body)


def test_division_items_match_document(xianyang):
    items = division_items(xianyang)
    ids = [it.id for it in items]
    assert ids[0] == "一.1" and ids[1] == "二.1" and len(set(ids)) == len(ids)
    assert [it.kind for it in items].count("key_task") == sum(len(a.items) for a in xianyang.key_tasks.areas)
    doc = division_document(xianyang)
    # 咸阳's data names units for every item: the only blanks are the closing's dates
    assert {r.source.ref for r in doc.placeholders()} == {"division.closing"}
    # unit runs come from the data, with their paths
    for it in items:
        for r in it.lead_depts + it.coop_depts:
            assert r.source.kind == "data"
            assert resolve(xianyang, r.source.ref) == r.text


def test_division_levels_and_self_building_part(tmp_path):
    out = tmp_path / "金台.docx"
    write_division(JINTAI, out)
    texts = [t for _, t in _paras(out)]
    assert texts[0] == "金台区人民政府关于落实《政府工作报告》重点工作部门分工的意见"
    assert texts[1] == "各街道办事处，区人民政府各工作部门："
    parts = _division_parts(out)
    sb_part = parts[-1]
    assert sb_part[0] == "三、全面加强政府自身建设"
    report = load(JINTAI)
    assert len(sb_part[1]) == len(report.self_building.items)
    assert all(c == "区政府各部门负责" for _, _, c in sb_part[1])
    assert "市政府" not in "\n".join(texts)
    assert "区政府督查室" in texts[-1]

    out = tmp_path / "高平.docx"
    write_division(GAOPING, out)
    texts = [t for _, t in _paras(out)]
    assert texts[1] == "各乡镇人民政府、街道办事处，市人民政府各工作部门："
    parts = _division_parts(out)
    # 高平's data names no department for its key tasks: visible placeholders, never a guess
    assert parts[1][1] and all(c == "【待补充：牵头单位】牵头" for _, _, c in parts[1][1])
    assert all(c == "市政府各部门负责" for _, _, c in parts[2][1])


def test_division_markdown(tmp_path):
    out = tmp_path / "分工.md"
    result = write_division(XIANYANG, out)
    assert result.format == "md"
    text = out.read_text(encoding="utf-8")
    assert "（市科技局牵头，市发改委、市教育局" in text


def test_division_unknown_suffix(tmp_path):
    with pytest.raises(DrafterError, match=r"\.xlsx"):
        write_division(XIANYANG, tmp_path / "分工.pdf")


# --- division .xlsx ----------------------------------------------------------------------------

def test_division_xlsx_xianyang(tmp_path, xianyang):
    out = tmp_path / "分工.xlsx"
    result = write_division(XIANYANG, out)
    assert result.format == "xlsx"
    wb = openpyxl.load_workbook(out)
    ws = wb.active
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0] == XLSX_COLUMNS
    body = rows[1:]
    items = division_items(xianyang)
    assert len(body) == len(items)
    assert [r[0] for r in body] == [it.id for it in items]
    key_rows = [r for r in body if r[0].startswith("二.")][: sum(len(a.items) for a in xianyang.key_tasks.areas)]
    data_items = [it for a in xianyang.key_tasks.areas for it in a.items]
    assert len(key_rows) == len(data_items)
    for row, it in zip(key_rows, data_items, strict=True):  # report order, departments in their columns
        _seq, task, lead, coop, deadline, progress = row
        assert task.startswith(f"{it.lead}。")
        assert (lead or "") == "、".join(it.lead_depts)
        assert (coop or "") == "、".join(d for d in it.coop_depts if d not in it.lead_depts)
        assert (deadline or "") == (it.deadline or "")
        assert progress in (None, "")
    # targets row and self-building row
    assert body[0][0] == "一.1" and (body[0][2] or "") == ""
    assert body[-1][3] == "市政府各部门"
    # header styling, frozen header, wrapped text, widths, drop-down on 进展
    assert ws.freeze_panes == "A2"
    assert ws["A1"].font.b and ws["B2"].alignment.wrap_text
    assert ws.column_dimensions["B"].width > ws.column_dimensions["A"].width
    dvs = ws.data_validations.dataValidation
    assert len(dvs) == 1 and dvs[0].type == "list"
    assert dvs[0].formula1 == '"%s"' % ",".join(PROGRESS_CHOICES)
    assert str(dvs[0].sqref) == f"F2:F{len(items) + 1}"


def test_division_xlsx_keeps_existing_file(tmp_path, xianyang):
    out = tmp_path / "分工.xlsx"
    out.write_bytes(b"offices filled this in")
    with pytest.raises(DrafterError, match="已存在"):
        write_division_xlsx(xianyang, out)
    with pytest.raises(DrafterError, match="已存在"):
        write_division(XIANYANG, out)
    assert out.read_bytes() == b"offices filled this in"
    assert write_division_xlsx(xianyang, out, force=True) == len(division_items(xianyang))


# --- bad input -----------------------------------------------------------------------------

BAD = """\
meta:
  region: 宝鸡市金台区
  level: 区
  year: 2025
targets:
  indicators:
    - {name: 地区生产总值, value: 6, qualifier: 左右}
key_tasks:
  areas:
    - title: 坚定不移抓项目
      items:
        - lead: 超前谋划项目
          measures: [谋划储备一批大项目。]
          lead_depts: []
          coop_depts: []
          deadline: 2025年12月底前
        - lead: 全力推进项目
          measures: [推进重点项目。]
        - lead: 精准招引项目
          measures: [招引优质项目。]
          coop_depts: [区商务局, 区商务局, 区招商服务中心]
        - lead: 人人有责
          measures: [全区各部门共同推进。]
          all_depts: true
    - items: []
"""


@pytest.fixture
def bad(tmp_path) -> Path:
    p = tmp_path / "bad.yaml"
    p.write_text(BAD, encoding="utf-8")
    return p


def test_division_missing_departments_are_placeholders(tmp_path, bad):
    out = tmp_path / "分工.docx"
    result = write_division(bad, out)
    texts = [t for _, t in _paras(out)]
    parts = _division_parts(out)
    clauses = [c for _, _, c in parts[1][1]]
    assert clauses == [
        "【待补充：牵头单位】牵头",
        "【待补充：牵头单位】牵头",
        "区商务局、区招商服务中心等按职责分工负责",
        "区政府各部门负责",
    ]
    # the targets name no department either
    assert parts[0][1][0][2] == "【待补充：牵头单位】牵头"
    # the area without title or items: placeholders, not a crash
    assert "（二）【待补充：第二方面重点工作的标题】" in texts
    assert "【待补充：这方面的工作事项】" in texts
    refs = {r.source.ref for r in result.placeholders}
    assert "key_tasks.areas[0].items[0].lead_depts" in refs
    assert "key_tasks.areas[0].items[1].lead_depts" in refs
    assert len(result.missing_units) == 3
    # highlighted in Word
    root = _document_xml(out)
    hl = [r for r in root.iter(W + "r") if "【待补充：牵头单位】" in "".join(t.text or "" for t in r.iter(W + "t"))]
    assert hl and all(r.find(f"{W}rPr/{W}highlight") is not None for r in hl)


def test_division_xlsx_missing_departments(tmp_path, bad):
    out = tmp_path / "分工.xlsx"
    write_division(bad, out)
    ws = openpyxl.load_workbook(out).active
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    assert [r[0] for r in rows] == ["一.1", "二.1", "二.2", "二.3", "二.4"]
    assert rows[1][2] == "【待补充：牵头单位】" and rows[1][4] == "2025年12月底前"
    assert ws["C3"].fill.fgColor.rgb.endswith("FFFF00")
    assert rows[3][2] in (None, "") and rows[3][3] == "区商务局、区招商服务中心"
    assert rows[4][3] == "区政府各部门"


# --- annotations ---------------------------------------------------------------------------

def _figure_runs(report, doc: Document) -> list[Run]:
    """Independently of the annotator: data runs with a digit, or whose value is a number —
    except the office's text facts, whose numbers are commented one by one."""
    out = []
    for r in doc.runs():
        if r.source.kind != "data" or not r.text:
            continue
        value = resolve(report, r.source.ref)
        if isinstance(value, str) and re.search(r"(facts|measures|highlights)\[", r.source.ref):
            continue
        if re.search(r"\d", r.text) or (isinstance(value, (int, float)) and not isinstance(value, bool)):
            out.append(r)
    return out


def test_annotated_draft(tmp_path, xianyang):
    out = tmp_path / "初稿.docx"
    result = draft(XIANYANG, out, annotate=True)
    d = docx.Document(str(out))
    every = list(d.comments)
    comments = [c for c in every if c.text.startswith("数据：")]
    figures = _figure_runs(xianyang, result.document)
    assert len(comments) == len(figures) > 50 and result.comments == len(every)
    assert [t for _, t in comments_of(xianyang, result.document)] == [c.text for c in every]
    for c, run in zip(comments, figures, strict=True):
        assert c.author == "drafter"
        m = re.fullmatch(r"数据：(\S+?)(（(.*)）)?", c.text)
        assert m, c.text
        assert m.group(1) == run.source.ref
        assert resolve(xianyang, m.group(1)) is not None
    texts = {c.text for c in comments}
    assert "数据：review.headline[0].value（市统计局，核实）" in texts
    assert "数据：review.headline[0].growth（市统计局，核实）" in texts
    assert "数据：targets.indicators[0].value（市发改委）" in texts
    # each comment anchored on its figure: range start, the run, range end, reference
    root = _document_xml(out)
    starts = list(root.iter(W + "commentRangeStart"))
    assert len(starts) == len(list(root.iter(W + "commentRangeEnd"))) == len(
        list(root.iter(W + "commentReference"))) == len(every)
    texts_of = {c.comment_id: c.text for c in every}
    figure_starts = [s for s in starts if texts_of[int(s.get(W + "id"))].startswith("数据：")]
    assert len(figure_starts) == len(figures) and len(starts) == len(every)
    for s, run in zip(figure_starts, figures, strict=True):
        r = s.getnext()
        assert "".join(t.text for t in r.iter(W + "t")) == run.text
        assert r.getnext().tag == W + "commentRangeEnd"

    # the same text as the draft without annotations, and that one has no comments part
    plain = tmp_path / "plain.docx"
    draft(XIANYANG, plain)
    assert [p.text for p in docx.Document(str(plain)).paragraphs] == [p.text for p in d.paragraphs]
    with zipfile.ZipFile(plain) as z:
        assert "word/comments.xml" not in z.namelist()
        assert b"comment" not in z.read("word/document.xml")
        assert b"comments" not in z.read("[Content_Types].xml")
    with zipfile.ZipFile(out) as z:
        assert "word/comments.xml" in z.namelist()
        assert b"CommentReference" in z.read("word/styles.xml")


def test_annotations_status_and_actual_dept(xianyang):
    note = figure_notes(xianyang)
    assert note(Run("2878", Source("data", "review.headline[0].value"))) == "数据：review.headline[0].value（市统计局，核实）"
    assert note(Run("生产总值", Source("data", "review.headline[0].name"))) is None
    assert note(Run("4.3", Source("template", "x"))) is None
    # a rank's place is a number written in words
    assert note(Run("一", Source("data", "review.sections[2].facts[5].rank.place"))) == (
        "数据：review.sections[2].facts[5].rank.place（市商务局，核实）")
    assert resolve(xianyang, "review.headline[9].value") is None
    assert resolve(xianyang, "review..x") is None


def test_annotate_refuses_other_formats_and_existing_files(tmp_path):
    with pytest.raises(DrafterError, match=r"\.docx"):
        draft(XIANYANG, tmp_path / "初稿.md", annotate=True)
    out = tmp_path / "初稿.docx"
    out.write_bytes(b"edited by hand")
    with pytest.raises(DrafterError, match="已存在"):
        draft(XIANYANG, out, annotate=True)
    assert out.read_bytes() == b"edited by hand"
    assert draft(XIANYANG, out, annotate=True, force=True).comments > 0


def test_writer_hook_keeps_annotated_runs_apart(tmp_path):
    """Same-look neighbours merge into one w:r; an annotated run stays its own, the text and
    the default output do not change."""
    doc = Document(
        header=Header(title=[Run("政府工作报告")]),
        parts=[Part("review", Heading([Run("工作回顾")], 1, "一、"), [
            Paragraph([Run("生产总值达到"), Run("2878", Source("data", "a.value")), Run("亿元、增长"),
                       Run("4.3", Source("data", "a.growth")), Run("%。")]),
        ])],
    )
    plain = build_docx(doc)
    body = plain.element.body
    assert len(body[2].findall(W + "r")) == 1  # merged
    annotated = build_docx(doc, annotate=lambda r: f"数据：{r.source.ref}" if r.source.kind == "data" else None)
    p = annotated.element.body[2]
    assert [el.tag.split("}")[1] for el in p if el.tag != W + "pPr"] == [
        "r", "commentRangeStart", "r", "commentRangeEnd", "r", "r", "commentRangeStart", "r",
        "commentRangeEnd", "r", "r"]
    assert [q.text for q in plain.paragraphs] == [q.text for q in annotated.paragraphs]
    assert [c.text for c in annotated.comments] == ["数据：a.value", "数据：a.growth"]
    # the same bytes without an annotator as before the hook existed: no callback, no part
    a, b = tmp_path / "a.docx", tmp_path / "b.docx"
    write_docx(doc, a)
    write_docx(doc, b, annotate=None)
    assert a.read_bytes() == b.read_bytes()
    # an annotator that picks nothing adds nothing
    c = tmp_path / "c.docx"
    write_docx(doc, c, annotate=lambda r: None)
    assert c.read_bytes() == a.read_bytes()


def test_annotated_draft_opens_in_libreoffice(tmp_path):
    """LibreOffice reads every comment with its range (as WPS and Word do)."""
    import os
    import shutil
    import subprocess

    if not shutil.which("soffice"):
        pytest.skip("LibreOffice (soffice) is not installed")
    out = tmp_path / "annotated.docx"
    result = draft(XIANYANG, out, annotate=True)
    env = dict(os.environ, HOME=str(tmp_path))
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{tmp_path}/lo-profile", "--headless",
         "--convert-to", "fodt", "--outdir", str(tmp_path), str(out)],
        check=True, capture_output=True, env=env, timeout=180,
    )
    fodt = (tmp_path / "annotated.fodt").read_text(encoding="utf-8")
    assert fodt.count("<office:annotation ") == result.comments
    assert fodt.count("<office:annotation-end ") == result.comments
    assert "数据：review.headline[0].value（市统计局，核实）" in fodt
