"""The fact check: a real 咸阳 draft, edited by hand with python-docx, read back and checked
against its data — changed, missing and invented numbers, each with its data path."""

from __future__ import annotations

import copy

import docx
import pytest
from docx.text.paragraph import Paragraph

from drafter.checks.facts import CHANGED, INVENTED, MISSING, VERDICT
from drafter.checks.findings import ERROR, FACTS
from tests.test_check_helpers import XIANYANG, check, edit_docx, make_draft, paragraphs, with_checks


@pytest.fixture(scope="module")
def xy_draft(tmp_path_factory):
    return make_draft(XIANYANG, tmp_path_factory.mktemp("xy") / "初稿.docx")


def test_fresh_draft_has_no_findings_and_exits_0(xy_draft):
    result, out = check(XIANYANG, draft=xy_draft)
    assert result.group(FACTS) == []
    assert result.exit_code == 0, [f.message for f in result.findings]
    assert "✓ 数字核对：未发现问题" in out


def test_a_figure_changed_by_hand_is_reported_with_path_and_both_values(xy_draft, tmp_path):
    edited = tmp_path / "改.docx"
    i = edit_docx(xy_draft, edited, "2878", "2900")
    result, out = check(XIANYANG, draft=edited)
    assert result.exit_code == 1
    [f] = result.group(FACTS)
    assert (f.kind, f.severity, f.path) == (CHANGED, ERROR, "review.headline[0].value")
    assert "数据为 2878，文稿为 2900" in f.message and "生产总值" in f.message
    assert f.paragraph == i + 1 and paragraphs(edited)[i].startswith(f.excerpt.rstrip("…"))
    assert "review.headline[0].value" in out and "文稿为 2900" in out


def test_a_changed_growth_rate_and_a_changed_number_in_the_offices_text(xy_draft, tmp_path):
    edited = tmp_path / "改.docx"
    edit_docx(xy_draft, edited, "工业投资增长18.1%", "工业投资增长19%")
    edit_docx(edited, edited, "清洁取暖投入4.5亿元", "清洁取暖投入5亿元")
    result, _ = check(XIANYANG, draft=edited)
    found = {f.path: f.message for f in result.group(FACTS)}
    assert set(found) == {"review.sections[0].facts[10].growth", "review.sections[5].facts[2]"}
    assert "数据为 18.1%，文稿为 19%" in found["review.sections[0].facts[10].growth"]
    assert "数据为 4.5亿元，文稿为 5亿元" in found["review.sections[5].facts[2]"]
    assert "文字中的数字（市生态环境局）" in found["review.sections[5].facts[2]"]


def test_a_deleted_figure_is_missing_and_an_invented_one_is_not_in_the_data(xy_draft, tmp_path):
    edited = tmp_path / "改.docx"
    i = edit_docx(xy_draft, edited, "新增规上工业企业88家，", "")
    edit_docx(edited, edited, "总产达到182万吨，", "总产达到182万吨，新建5G基站987个，")
    result, _ = check(XIANYANG, draft=edited)
    kinds = {f.kind: f for f in result.group(FACTS)}
    assert set(kinds) == {MISSING, INVENTED}
    missing = kinds[MISSING]
    assert missing.path == "review.sections[0].facts[11].value"
    assert "新增规上工业企业 88家 未出现在文稿中" in missing.message
    assert missing.paragraph == i + 1
    invented = kinds[INVENTED]
    assert "987" in invented.message and invented.paragraph == i + 1 and invented.path == ""
    assert result.exit_code == 1


def test_a_deleted_sentence_reports_each_of_its_figures(xy_draft, tmp_path):
    edited = tmp_path / "改.docx"
    edit_docx(xy_draft, edited, "深化农村人居环境整治，新改建卫生厕所3.2万座、农村公路500公里。", "")
    result, _ = check(XIANYANG, draft=edited)
    assert {f.path for f in result.group(FACTS)} == {
        "review.sections[3].facts[11].value", "review.sections[3].facts[12].value"}
    assert all(f.kind == MISSING for f in result.group(FACTS))


def test_rewording_moving_and_splitting_paragraphs_keep_figures_found(xy_draft, tmp_path):
    edited = tmp_path / "改.docx"
    # the sentence rewritten around its figure, which is also changed: found by the figure's name
    edit_docx(xy_draft, edited, "全年生产总值达到2878亿元、增长4.3%", "全市地区生产总值实现2900亿元，同比增长4.3%")
    d = docx.Document(str(edited))
    # a paragraph moved three places down …
    d.paragraphs[15]._p.addnext(d.paragraphs[12]._p)
    # … and another split in two
    p = d.paragraphs[11]
    text = p.text
    k = text.index("千方百计")
    p.runs[0].text = text[:k]
    for r in p.runs[1:]:
        r.text = ""
    tail = copy.deepcopy(p._p)
    p._p.addnext(tail)
    Paragraph(tail, p._parent).runs[0].text = text[k:]
    d.save(str(edited))
    result, _ = check(XIANYANG, draft=edited)
    [f] = result.group(FACTS)
    assert f.kind == CHANGED and f.path == "review.headline[0].value" and "文稿为 2900" in f.message


def test_a_draft_made_with_another_seed_checks_clean(tmp_path):
    other = make_draft(XIANYANG, tmp_path / "seed3.docx", seed=3)
    result, _ = check(XIANYANG, draft=other)
    assert result.group(FACTS) == []


def test_a_verdict_reworded_by_hand_is_an_error(tmp_path):
    data = with_checks(tmp_path)
    drafted = make_draft(data, tmp_path / "初稿.docx")
    text = "\n".join(paragraphs(drafted))
    assert "生产总值达到2878亿元、增长4.3%，未完成6%左右的预期目标" in text  # stated once, in the headline
    result, out = check(data, draft=drafted)
    assert result.group(FACTS) == []
    assert [r.verdict for r in result.targets] == ["未完成", "超额完成", "完成"]
    assert "上年目标完成情况" in out
    edited = tmp_path / "改.docx"
    edit_docx(drafted, edited, "4.3%，未完成6%左右", "4.3%，基本完成6%左右")
    result, _ = check(data, draft=edited)
    [f] = result.group(FACTS)
    assert f.kind == VERDICT and "写作“基本完成”" in f.message and "应为“未完成”" in f.message
    assert f.path == "review.checks[0].actual"


def test_tracked_changes_are_read_as_accepted(xy_draft, tmp_path):
    """Offices edit with 修订 on: 2878 deleted and 2900 inserted as tracked changes."""
    from docx.oxml.ns import qn
    from lxml import etree

    d = docx.Document(str(xy_draft))
    run = next(r for p in d.paragraphs for r in p.runs if "2878" in r.text)
    before, after = run.text.split("2878", 1)
    run.text = before

    def tracked(tag: str, text_tag: str, text: str):
        change = etree.SubElement(run._r.getparent(), qn(tag), {qn("w:id"): "1", qn("w:author"): "办公室"})
        r = etree.SubElement(change, qn("w:r"))
        t = etree.SubElement(r, qn(text_tag))
        t.text = text
        return change

    deleted = tracked("w:del", "w:delText", "2878")
    inserted = tracked("w:ins", "w:t", "2900")
    run._r.addnext(deleted)
    deleted.addnext(inserted)
    rest = copy.deepcopy(run._r)
    inserted.addnext(rest)
    rest.find(qn("w:t")).text = after
    edited = tmp_path / "修订.docx"
    d.save(str(edited))
    result, _ = check(XIANYANG, draft=edited)
    [f] = result.group(FACTS)
    assert f.kind == CHANGED and "数据为 2878，文稿为 2900" in f.message


def test_a_number_typed_over_a_placeholder_must_go_into_the_data(tmp_path):
    from tests.test_check_helpers import xianyang_variant

    data = xianyang_variant(tmp_path, gdp=("{name: 生产总值, verb: 达到, value: 2878,", "{name: 生产总值, verb: 达到, value: ,"))
    drafted = make_draft(data, tmp_path / "初稿.docx")
    edited = tmp_path / "填.docx"
    edit_docx(drafted, edited, "【待补充：生产总值的数值】", "2878")
    result, _ = check(data, draft=edited)
    [f] = result.group(FACTS)
    assert f.kind == INVENTED and f.path == "review.headline[0].value" and "填在了【待补充】处" in f.message


@pytest.mark.parametrize("name", ["xianyang_2024.yaml", "jintai_2023", "gaoping_2024.yaml"])
def test_composed_paragraphs_are_the_drafts_paragraphs(name, tmp_path):
    """Paragraph numbers of findings on a composition are those of the drafted .docx."""
    from drafter.api import compose_report, load
    from drafter.checks.composed import composed_paragraphs
    from tests.conftest import EXAMPLES

    drafted = make_draft(EXAMPLES / name, tmp_path / "初稿.docx")
    composed = [p.text for p in composed_paragraphs(compose_report(load(EXAMPLES / name)))]
    assert composed == paragraphs(drafted)
