"""Consistency: years, the five-year plan, level words, number formats, punctuation,
repeated sentences and leftover placeholders — on real drafts edited by hand and on fresh
compositions of data files."""

from __future__ import annotations

import pytest

from drafter.checks import consistency as C
from drafter.checks.findings import CONSISTENCY, ERROR, HINT
from tests.test_check_helpers import JINTAI, XIANYANG, check, edit_docx, make_draft, xianyang_variant


@pytest.fixture(scope="module")
def xy_draft(tmp_path_factory):
    return make_draft(XIANYANG, tmp_path_factory.mktemp("xy") / "初稿.docx")


@pytest.fixture(scope="module")
def jt_draft(tmp_path_factory):
    return make_draft(JINTAI, tmp_path_factory.mktemp("jt") / "初稿.docx")


def _kinds(result, kind):
    return [f for f in result.group(CONSISTENCY) if f.kind == kind]


@pytest.mark.parametrize("data", [XIANYANG, JINTAI])
def test_examples_are_consistent(data):
    result, _ = check(data)
    assert result.group(CONSISTENCY) == [], [f.message for f in result.findings]
    assert result.exit_code == 0


def test_a_district_draft_with_quanshi_typed_in_is_a_hint(jt_draft, tmp_path):
    # the district's own wording 建设全市首善之区 stays unreported before and after the edit
    result, _ = check(JINTAI, draft=jt_draft)
    assert _kinds(result, C.LEVEL) == []
    edited = tmp_path / "改.docx"
    i = edit_docx(jt_draft, edited, "我们也清醒认识到，当前金台", "我们也清醒认识到，当前全市")
    result, _ = check(JINTAI, draft=edited)
    [f] = _kinds(result, C.LEVEL)
    assert f.severity == HINT and "全市" in f.message and "全区" in f.message and f.paragraph == i + 1
    assert result.exit_code == 0  # a hint alone does not fail


def test_level_words_in_template_wording_of_a_composition_are_errors(tmp_path):
    templates = tmp_path / "tpl"
    templates.mkdir()
    from drafter.resources import templates_dir

    text = (templates_dir() / "closing.j2").read_text(encoding="utf-8")
    (templates / "closing.j2").write_text(text.replace("各位代表！\n", "各位代表！全县人民！\n", 1), encoding="utf-8")
    result, _ = check(XIANYANG, templates=templates)
    [f] = _kinds(result, C.LEVEL)
    assert f.severity == ERROR and "全县" in f.message


def test_ascii_punctuation_duplicates_and_placeholders_in_a_draft(xy_draft, tmp_path):
    edited = tmp_path / "改.docx"
    edit_docx(xy_draft, edited, "主要做了六个方面工作：", "主要做了六个方面工作:")
    edit_docx(edited, edited, "坚持就业优先，", "坚持就业优先,")
    edit_docx(edited, edited, "咸永一级公路停止收费。", "咸永一级公路停止收费。2个县义务教育优质均衡发展通过省级验收。")
    edit_docx(edited, edited, "支持中医事业发展。", "支持中医事业发展。【待补充：中医院床位数】")
    result, _ = check(XIANYANG, draft=edited)
    punct = _kinds(result, C.PUNCT)
    assert {f.message[:6] for f in punct} == {"半角冒号“:", "半角逗号“,"}
    [dup] = _kinds(result, C.DUPLICATE)
    assert "2个县义务教育优质均衡发展" in dup.message and "与第16段重复" in dup.message
    [ph] = _kinds(result, C.PLACEHOLDER)
    assert ph.severity == ERROR and "【待补充：中医院床位数】" in ph.message
    assert result.exit_code == 1


def test_a_placeholder_left_by_missing_data_is_an_error(tmp_path):
    data = xianyang_variant(tmp_path, gdp=("{name: 生产总值, verb: 达到, value: 2878,", "{name: 生产总值, verb: 达到, value: ,"))
    result, _ = check(data)
    [ph] = _kinds(result, C.PLACEHOLDER)
    assert "生产总值的数值" in ph.message and ph.path == "review.headline[0].value"


def test_number_formats(xy_draft, tmp_path):
    edited = tmp_path / "改.docx"
    edit_docx(xy_draft, edited, "支持中医事业发展。",
              "支持中医事业发展，床位增长6 %、使用率提高６%、门诊增长百分之六、费用下降5%%、占比提高2.2%个百分点。")
    result, _ = check(XIANYANG, draft=edited)
    messages = " ".join(f.message for f in _kinds(result, C.FORMAT))
    for expected in ("百分号前不应有空格", "全角数字“６”", "“百分之六”", "重复的百分号", "“个百分点”不与 % 连用"):
        assert expected in messages


def test_years_of_review_and_plan(xy_draft, tmp_path):
    edited = tmp_path / "改.docx"
    edit_docx(xy_draft, edited, "一、2023年工作回顾", "一、2022年工作回顾")
    edit_docx(edited, edited, "今年发展主要预期目标是：", "今年（2023年）发展主要预期目标是：")
    result, _ = check(XIANYANG, draft=edited)
    messages = [f.message for f in _kinds(result, C.YEAR)]
    assert len(messages) == 2
    assert "应为“2023年工作回顾”" in messages[0] and "今年是2024年" in messages[1]


def test_plan_period_rules(tmp_path):
    old = "今年是新中国成立75周年，是实现“十四五”规划目标任务的关键一年。"
    # 2026 belongs to 十五五: calling 十四五 this year's plan is wrong …
    data = xianyang_variant(tmp_path, "a.yaml", year=("  year: 2024", "  year: 2026"), ctx=(old, "今年是“十四五”规划收官之年。"))
    result, _ = check(data)
    [f] = _kinds(result, C.PLAN)
    assert f.severity == ERROR and "“十五五”" in f.message and f.path == "targets.context"
    # … while naming 十四五's achievements is a reference, and fine
    data = xianyang_variant(tmp_path, "b.yaml", year=("  year: 2024", "  year: 2026"),
                            ctx=(old, "今年是“十五五”规划开局之年，我们要巩固“十四五”以来取得的成就。"))
    assert _kinds(check(data)[0], C.PLAN) == []
    # 2025 closes 十四五 and plans 十五五
    data = xianyang_variant(tmp_path, "c.yaml", year=("  year: 2024", "  year: 2025"),
                            ctx=(old, "今年是“十四五”规划收官之年，也是“十五五”规划谋篇布局之年。"))
    assert _kinds(check(data)[0], C.PLAN) == []
    # 2024 is not the closing year
    data = xianyang_variant(tmp_path, "d.yaml", ctx=(old, "今年是“十四五”规划收官之年。"))
    [f] = _kinds(check(data)[0], C.PLAN)
    assert "不是收官之年" in f.message


def test_the_next_plans_opening_named_in_the_last_year_of_this_one(tmp_path):
    old = "今年是新中国成立75周年，是实现“十四五”规划目标任务的关键一年。"
    good = "今年是“十四五”规划收官之年，我们要全力以赴，为实现“十五五”良好开局打牢基础。"
    data = xianyang_variant(tmp_path, "a.yaml", year=("  year: 2024", "  year: 2025"), ctx=(old, good))
    result, _ = check(data)
    assert _kinds(result, C.PLAN) == []
    # in 2024 the same words still name the wrong plan as this year's
    data = xianyang_variant(tmp_path, "b.yaml", ctx=(old, "今年要为实现“十五五”良好开局打牢基础。"))
    [f] = _kinds(check(data)[0], C.PLAN)
    assert "“十五五”" in f.message


def test_identical_placeholders_are_not_repeated_sentences():
    from drafter.api import load
    from drafter.checks.composed import composed_paragraphs
    from drafter.api import compose_report
    from drafter.checks.consistency import check_consistency
    from drafter.checks.origins import Origins

    report = load(XIANYANG)
    composed = composed_paragraphs(compose_report(report))
    hole = "【待补充：本方面的工作和成效（请在数据文件中填写）】。"
    mine = [hole, hole, "这是一句足够长的、被写了两遍的句子，用来核对重句。"] * 2
    paras = [c.text for c in composed][:-len(mine)] + mine
    found = check_consistency(report, paras, Origins(composed), docx=True)
    dups = [f for f in found if f.kind == C.DUPLICATE]
    assert [f.paragraph for f in dups] == [len(paras)]  # the real sentence, not the holes


def test_a_doubled_character_or_mark_typed_in_a_draft_is_an_error(xy_draft, tmp_path):
    edited = tmp_path / "改.docx"
    i = edit_docx(xy_draft, edited, "咸永一级公路停止收费。", "咸永一级公路停止收费。。")
    edit_docx(edited, edited, "坚持就业优先，", "坚持的的就业优先，")
    result, _ = check(XIANYANG, draft=edited)
    found = {f.message.split("：")[0]: f for f in _kinds(result, C.DOUBLED)}
    assert set(found) == {"标点“。”重复了一次", "字“的”重复了一次"}
    assert found["标点“。”重复了一次"].paragraph == i + 1 and result.exit_code == 1


def _doubled(text: str) -> list[str]:
    from drafter.checks.composed import ComposedParagraph
    from drafter.checks.origins import Origins

    lines = text.split("\n")
    c = C._Collector(lines, Origins([ComposedParagraph() for _ in lines]))  # no data behind them
    for i, line in enumerate(c.paras):
        C._doubled(c, i, line)
    return [f.message for _, f in c.found]


def test_doubles_in_the_corpus_reports_are_not_flagged():
    from tests.conftest import CORPUS

    files = sorted(CORPUS.glob("*.txt"))
    assert len(files) >= 25
    flagged = [(f.name, m) for f in files for m in _doubled(f.read_text(encoding="utf-8"))]
    assert flagged == []
    # legitimate reduplications and word junctions, and the typos next to them
    assert _doubled("看看常常天天人人一一户户层层村村，的的确确，实实在在，成为为民办事，可以以此为契机") == []
    assert len(_doubled("为为加快推进。我们的的目标。。")) == 3
