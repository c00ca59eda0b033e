"""部门分工 worded by templates/division.j2: an office overrides it with `--templates DIR` as it
overrides the report, and the runs keep their sources (template line, data path)."""

from __future__ import annotations

import re
import shutil

import docx
import pytest
from openpyxl import load_workbook

from drafter.errors import DrafterError
from drafter.office import division_document, division_items
from drafter.office.division import write_division
from drafter.resources import templates_dir
from drafter.stages import load
from drafter.tree import Heading, Paragraph
from tests.conftest import EXAMPLES

XIANYANG = EXAMPLES / "xianyang_2024.yaml"


def _texts(path) -> list[str]:
    return [p.text for p in docx.Document(str(path)).paragraphs if p.text.strip()]


def _lines(folder) -> list[str]:
    return (folder / "division.j2").read_text(encoding="utf-8").splitlines()


def _office_copy(tmp_path, *edits: tuple[str, str]):
    """The shipped division.j2 copied into an office folder, with wording changed."""
    folder = tmp_path / "本单位模板"
    folder.mkdir()
    text = (templates_dir() / "division.j2").read_text(encoding="utf-8")
    for old, new in edits:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    (folder / "division.j2").write_text(text, encoding="utf-8")
    return folder


def test_an_office_rewords_the_division_with_its_own_template(tmp_path, run_cli):
    folder = _office_copy(
        tmp_path,
        ("等按职责分工负责\n", "配合\n"),
        ("报送{{ w.gov_short }}督查室", "报送{{ w.gov_short }}办公室"),
    )
    shipped, own = tmp_path / "自带.docx", tmp_path / "本单位.docx"
    assert run_cli("division", XIANYANG, "-o", shipped)[0] == 0
    code, printed, err = run_cli("division", XIANYANG, "-o", own, "--templates", folder)
    assert code == 0, err
    before, after = _texts(shipped), _texts(own)
    assert len(before) == len(after)
    changed = [(a, b) for a, b in zip(before, after, strict=True) if a != b]
    # only the items with cooperating units and the reporting paragraph changed, and only there
    assert changed and all(a.replace("等按职责分工负责）", "配合）").replace("督查室", "办公室") == b
                           for a, b in changed)
    assert any("市发改委、市财政局、市人社局配合）" in b for _, b in changed)
    assert "报送市政府办公室" in after[-1] and "督查室" not in "".join(after)
    assert "31 项任务" in printed  # the items come from the data, not the template


def test_division_runs_name_their_template_line_or_data_path():
    report = load(XIANYANG)
    doc = division_document(report)
    runs = list(doc.runs())
    lines = _lines(templates_dir())
    worded = [r for r in runs if r.source.kind == "template" and r.source.ref.startswith("division.j2:")]
    # the rest is the tasks' own clause wording (增长, %, 。), shared with the spreadsheet
    rest = {r.text for r in runs if r.source.kind == "template"} - {r.text for r in worded}
    assert rest and all(len(t) <= 4 and "牵头" not in t and "负责" not in t for t in rest)
    assert all(any(w in r.text for r in worded) for w in ("牵头", "等按职责分工负责", "督查室", "）"))
    flat = "".join(x.strip() for x in lines)  # a paragraph's layout line breaks are dropped
    for r in worded:  # the ref is the line of the para or heading tag the text stands in
        line = int(r.source.ref.split(":")[1])
        assert "{%" in lines[line - 1] and r.text in flat
        assert not re.search(r"\d", r.text)  # no figure is the template's own
    data = {r.source.ref for r in runs if r.source.kind == "data"}
    assert "key_tasks.areas[0].items[0].lead_depts[0]" in data and "meta.meeting" in data
    items = division_items(report)
    assert len(items) == 31 == sum(p.role == "item" for p in doc.find_all(Paragraph))
    assert [h.text for h in doc.find_all(Heading)][:2] == ["一、2024年主要预期目标", "二、2024年重点工作"]


def test_a_broken_office_template_is_named_with_its_line(tmp_path, run_cli):
    folder = _office_copy(tmp_path, ("{{ it.task }}", "{{ it.no_such_field }}"))
    out = tmp_path / "分工.docx"
    code, _printed, err = run_cli("division", XIANYANG, "-o", out, "--templates", folder)
    assert code == 2 and not out.exists()
    line = next(i for i, x in enumerate(_lines(folder), 1) if "no_such_field" in x)
    assert f"本单位模板/division.j2:{line} " in err and "no_such_field" in err and "Traceback" not in err
    with pytest.raises(DrafterError, match=r"division\.j2"):
        division_document(load(XIANYANG), folder)


def test_a_template_folder_without_division_keeps_the_shipped_wording(tmp_path, run_cli):
    folder = tmp_path / "只改报告"
    shutil.copytree(templates_dir(), folder, ignore=shutil.ignore_patterns("division*"))
    a, b = tmp_path / "a.docx", tmp_path / "b.docx"
    assert run_cli("division", XIANYANG, "-o", a)[0] == 0
    assert run_cli("division", XIANYANG, "-o", b, "--templates", folder)[0] == 0
    assert _texts(a) == _texts(b)


def test_an_office_rewords_a_part_heading_and_the_tracker_follows(tmp_path, run_cli):
    folder = _office_copy(
        tmp_path,
        ("{{ year }}年重点工作{% endblock %}", "{{ year }}年重点任务{% endblock %}"),
        ("{% block hole_units %}牵头单位{% endblock %}", "{% block hole_units %}主责单位{% endblock %}"),
    )
    report = load(XIANYANG)
    report.key_tasks.areas[0].items[0].lead_depts = []
    report.key_tasks.areas[0].items[0].coop_depts = []
    report.key_tasks.areas[0].items[0].all_depts = False
    doc = division_document(report, folder)
    headings = list(doc.find_all(Heading))
    assert [h.text for h in headings][:2] == ["一、2024年主要预期目标", "二、2024年重点任务"]
    # the heading keeps its sources: the year from the data, the words from the office's line
    runs = headings[1].runs
    line = next(i for i, x in enumerate(_lines(folder), 1) if "年重点任务" in x)
    assert [(r.text, r.source.kind, r.source.ref) for r in runs] == [
        ("2024", "derived", "meta.year"), ("年重点任务", "template", f"division.j2:{line}")]
    assert "【待补充：主责单位】" in "".join(p.text for p in doc.find_all(Paragraph))
    # the tracking sheet takes the same wording from the same template
    out = tmp_path / "分工.xlsx"
    write_division(report, out, templates=folder)
    cells = [c.value for row in load_workbook(out).active.iter_rows() for c in row]
    assert "【待补充：主责单位】" in cells and "【待补充：牵头单位】" not in cells


def test_an_older_office_copy_without_the_wording_blocks_keeps_the_shipped_words(tmp_path):
    text = (templates_dir() / "division.j2").read_text(encoding="utf-8")
    start, end = text.index("{% if false %}"), text.index("{% endif %}\n\n{% title %}")
    folder = tmp_path / "旧模板"
    folder.mkdir()
    (folder / "division.j2").write_text(text[:start] + text[end + len("{% endif %}\n"):], encoding="utf-8")
    doc = division_document(load(XIANYANG), folder)
    assert [h.text for h in doc.find_all(Heading)][:2] == ["一、2024年主要预期目标", "二、2024年重点工作"]
