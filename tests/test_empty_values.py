"""`""` means "not this sentence" for a field, and an empty item of a list is refused: an office's
empty value never drafts as a default it asked to leave out, nor as 「民族宗教、等工作」 (H100)."""

from __future__ import annotations

from pathlib import Path

import pytest

from drafter.api import compose_report, load
from drafter.errors import DataErrors
from drafter.tree import plain
from tests.conftest import MINIMAL


def _draft(tmp_path: Path, text: str) -> str:
    data = tmp_path / "d.yaml"
    data.write_text(text, encoding="utf-8")
    return plain(list(compose_report(load(data)).runs()))


def test_empty_strings_leave_their_sentences_out(tmp_path: Path):
    full = _draft(tmp_path, MINIMAL)
    empty = _draft(tmp_path, MINIMAL
                   .replace("targets:\n", "targets:\n  intro: \"\"\n")
                   .replace("  problems: [经济回升向好的基础尚不稳固]\n",
                            "  problems: [经济回升向好的基础尚不稳固]\n  problems_intro: \"\"\n"
                            "  problems_response: \"\"\n")
                   .replace("closing:\n", "closing:\n  salutation: \"\"\n  couplet: \"\"\n"))
    closing = full[full.rindex("人民满意的政府"):]
    assert "主要预期目标是：" in full and "各位代表！" in closing and "对此，" in full
    assert "经济回升向好的基础尚不稳固。" in empty and "生产总值增长6%左右" in empty
    for gone in ("主要预期目标是：", "对此，"):
        assert gone not in empty, gone
    # the closing starts with its call: no salutation, no couplet
    assert empty[empty.rindex("人民满意的政府"):].split("坚决做到“两个维护”。")[1].startswith("让我们")


@pytest.mark.parametrize("old,new,path,line", [
    ("  problems: [经济回升向好的基础尚不稳固]", "  problems: [经济回升向好的基础尚不稳固, \"\"]", "review.problems", 16),
    ("self_building:\n", "self_building:\n  title: \"\"\n", "self_building.title", 27),
])
def test_an_empty_list_item_or_part_heading_is_refused_where_it_is(tmp_path: Path, old, new, path, line):
    data = tmp_path / "d.yaml"
    assert old in MINIMAL
    data.write_text(MINIMAL.replace(old, new), encoding="utf-8")
    with pytest.raises(DataErrors) as e:
        load(data)
    [problem] = e.value.problems
    assert problem.path.startswith(path + "（") and problem.line == line, problem.format()
    assert "空" in problem.message


def test_numbered_parts_and_task_areas_marked_like_them_are_refused(tmp_path: Path):
    """「三、2025年重点工作」 followed by 「一、……」 (凉山, H97): two levels with one marker."""
    data = tmp_path / "d.yaml"
    data.write_text(MINIMAL.replace("targets:\n", "structure:\n  task_marker: 一、\ntargets:\n", 1), encoding="utf-8")
    with pytest.raises(DataErrors) as e:
        load(data)
    [problem] = e.value.problems
    assert problem.path.startswith("structure") and "task_marker" in problem.message and problem.line > 0
    data.write_text(MINIMAL.replace("targets:\n", "structure:\n  numbered: false\n  task_marker: 一、\ntargets:\n", 1),
                    encoding="utf-8")
    assert load(data).structure.task_marker == "一、"
