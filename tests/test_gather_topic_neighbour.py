"""A gathered fact whose topic cannot be told takes its neighbour's, then its department's
field (dept_topics.fill_topics), instead of opening a draft section titled 其他 (H115, issue 11:
呼和浩特's 「新增奶牛 6万头左右」)."""

from __future__ import annotations

import shutil
from pathlib import Path

from drafter.api import gather
from drafter.gather.dept_topics import fill_topics
from drafter.gather.forms_in import read_form
from drafter.gather.materials import harvest
from drafter.gather.topic_table import BigramTable

H115 = Path(__file__).resolve().parent / "fixtures" / "materials_h115"


def test_a_form_row_of_no_topic_takes_the_row_before():
    """市农业农村局's returned form: 新建高标准农田 (乡村) | 新增奶牛 | 新增设施农业 (产业)."""
    path = H115 / "市农业农村局.xlsx"
    figures = read_form(path, path.read_bytes(), path.name).figures
    assert [(f.name, f.topic) for f in figures] == [("新建高标准农田", "乡村"), ("新增奶牛", "乡村"), ("新增设施农业", "产业")]


def test_the_gathered_fragment_opens_no_untitled_section(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    shutil.copy(H115 / "呼和浩特市2025.yaml", data)
    gather([H115 / "市农业农村局.xlsx"], data)
    text = (data / "30_gather_市农业农村局.yaml").read_text(encoding="utf-8")
    assert "topic: null" not in text and "新增奶牛" in text


def test_a_material_sentence_of_no_topic_takes_the_paragraph_before(tmp_path):
    """No table and no lexicon: the seed words alone tell the first paragraph (乡村), not the second."""
    path = tmp_path / "总结.txt"
    path.write_text("粮食产量稳定在40万吨，乡村振兴取得实效。\n\n预计新增奶牛6万头左右。\n", encoding="utf-8")
    facts = harvest(path, lex={}, table=BigramTable.build({}))
    assert [f.topic for f in facts] == ["乡村", "乡村"]


def test_before_then_after_then_the_department():
    assert fill_topics(["其他", "民生", "其他", "其他", "生态"], None) == ["民生", "民生", "民生", "民生", "生态"]
    assert fill_topics(["其他", "其他"], "市教育局") == ["民生", "民生"]
    assert fill_topics(["其他"], None) == ["其他"]
