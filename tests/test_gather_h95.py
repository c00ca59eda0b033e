"""Defects a district office (繁昌区, issue 11) met with gather: --dept against a signature, a
numbered item wrapped before its figure, employment figures' section, a table row repeating the
text, energy-saving targets, a merged bureau's material (H95)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from drafter.api import gather, init
from drafter.gather.materials import read_material

FIX = Path(__file__).parent / "fixtures" / "materials_h95"


@pytest.fixture
def office(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    init(data / "00_繁昌区2024.yaml", "芜湖市繁昌区", "区", 2024)
    return data


def test_dept_names_only_the_material_that_names_no_department(office, tmp_path):
    """--dept 区应急局 rewrote 年度工作总结.txt (signed 繁昌区农业农村局) as 区应急管理局."""
    mats = tmp_path / "materials"
    mats.mkdir()
    for name in ("年度工作总结.txt", "安全生产总结.txt"):  # GB18030 CRLF signed; UTF-8 unsigned
        shutil.copy(FIX / name, mats / name)
    result = gather([mats], office, dept="区应急局")
    depts = {r.source.rsplit("/", 1)[-1]: r.dept for r in result.summary.rows}
    assert depts["年度工作总结.txt"].endswith("区农业农村局")  # its signature
    assert depts["安全生产总结.txt"] in ("区应急局", "区应急管理局")
    if depts["安全生产总结.txt"] != "区应急局":  # renamed: the summary says so
        assert any("--dept 区应急局" in n and "区应急管理局" in n for n in result.summary.notes)
    text = (office / "30_gather_年度工作总结.yaml").read_text(encoding="utf-8")
    assert "应急" not in text


def test_numbered_item_wrapped_before_its_figure_keeps_its_subject():
    """「3. 授权发明专利⏎100件.」 was drafted 「100件。」 with no subject."""
    texts = [h.text for h in read_material(FIX / "区科技局总结.txt").facts]
    assert "授权发明专利100件。" in texts
    assert not any(t.startswith("100件") for t in texts)
    # a numbered heading is still not joined with the body under it
    assert any(t.startswith("新增高新技术企业30家以上，技术合同成交额达到2.5亿元") for t in texts)


ROOT = Path(__file__).parent.parent


@pytest.fixture
def fanchang(tmp_path):
    """繁昌区's data file as `init --from` its 2022 report writes it."""
    from drafter.api import init_from

    data = tmp_path / "data"
    data.mkdir()
    init_from(data / "芜湖市繁昌区2024.yaml", ROOT / "style_corpus" / "2022_芜湖市繁昌区.txt")
    return data


def test_employment_indicators_are_livelihood():
    """城镇 is a seed of 城乡 and 岗位 of none: the forms' job rows went to urban construction and
    to a section of their own under 政府."""
    from drafter.phrases.topics import indicator_topic

    for name in ("城镇新增就业", "城镇调查失业率", "城镇登记失业率", "开发基层服务等岗位", "新增就业岗位"):
        assert indicator_topic(name) == "民生", name
    assert indicator_topic("城镇化率") == "城乡"  # only job indicators move


def test_a_restated_clause_leaves_its_figure_where_the_sentence_was(fanchang, tmp_path):
    """人社局's form: 城镇新增就业 7700 and the line 「打造"三公里"就业圈,城镇新增就业7700人」: the
    clause was cut, the figure drafted under 城乡 and 民生 got the stub 「打造“三公里”就业圈。」."""
    from drafter.api import draft

    forms = tmp_path / "returned"
    forms.mkdir()
    shutil.copy(FIX / "区人社局.xlsx", forms / "区人社局.xlsx")  # re-saved by LibreOffice, one row added
    gather([forms], fanchang)
    body = draft(fanchang, tmp_path / "d.txt").path.read_text(encoding="utf-8")
    paragraphs = [p for p in body.splitlines() if "三公里" in p or "1000余个" in p]
    assert len(paragraphs) == 1, paragraphs  # one section: the figures stand with the sentence
    one = paragraphs[0]
    assert "城镇新增就业7700人" in one and "三公里" in one and "开发基层服务等岗位1000余个" in one
    assert one.count("7700") == 1


def test_a_table_row_the_text_states_with_its_head_noun_is_no_new_fact():
    """Text 「新增公办幼儿学位450个、托位571个」 and the row 「新增托位(个) 571」 drafted 「…新增托位571个。」."""
    texts = [h.text for h in read_material(FIX / "区教育局工作总结.docx").facts]
    assert sum("571" in t for t in texts) == 1, texts
    assert any("托位571个" in t and "学位450个" in t for t in texts)


def test_energy_and_emission_targets_go_to_a_bureau(fanchang, tmp_path):
    """繁昌区's 「单位GDP能耗降幅和碳排放降幅、主要污染物排放总量削减完成市下达任务」: 6 entries with no
    department, on no form."""
    import openpyxl

    from drafter.api import forms

    result = forms(fanchang, tmp_path / "forms")
    assert result.unassigned == []

    def rows(name):
        ws = openpyxl.load_workbook(tmp_path / "forms" / f"{name}.xlsx")["数据"]
        return [r[0] for r in ws.iter_rows(min_row=2, values_only=True) if r[0]]

    assert "单位GDP能耗降幅" in rows("区统计局")
    assert {"碳排放降幅", "主要污染物排放总量削减"} <= set(rows("区生态环境局"))  # two rows, not one


def test_a_note_completing_the_task_answers_the_check(fanchang, tmp_path):
    """统计局's own row 「单位生产总值能耗 -3, 备注 完成节能减排任务」 left review.checks[4].done empty."""
    from drafter.api import draft

    forms = tmp_path / "returned"
    forms.mkdir()
    shutil.copy(FIX / "区统计局.xlsx", forms / "区统计局.xlsx")
    result = gather([forms], fanchang)
    assert any("review.checks[4]" in n for n in result.summary.notes)
    body = draft(fanchang, tmp_path / "d.txt").path.read_text(encoding="utf-8")
    assert "单位GDP能耗降幅完成" in body and "单位GDP能耗降幅是否完成" not in body
    assert "单位生产总值能耗下降3%" in body  # the row's own number still drafted
    assert body.count("完成节能减排任务") == 0  # said once, by the task


@pytest.mark.parametrize("note, done", [("完成节能减排任务", True), ("已完成", True), ("未完成市下达目标任务", False),
                                        ("尚未完成节能任务", False), ("约", None), ("完成投资", None)])
def test_done_of_a_note(note, done):
    from drafter.gather.forms_in import done_of

    assert done_of(note) is done


def test_a_merged_bureaus_material_answers_for_its_parts(fanchang, tmp_path):
    """区文旅体局's material left 区文旅局 (the catalogue's form) in 尚未报送."""
    mats = tmp_path / "materials"
    mats.mkdir()
    shutil.copy(FIX / "区文旅体局2023总结.docx", mats / "区文旅体局2023总结.docx")
    result = gather([mats], fanchang)
    assert [r.dept for r in result.summary.rows] == ["区文旅体局"]
    assert not [d for d in result.summary.missing if "文旅" in d or "体育" in d]
    assert "区统计局" in result.summary.missing  # the others still are
