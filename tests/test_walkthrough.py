"""A new office's first day, step by step on the shipped example: what the walkthrough found
wrong stays fixed."""

from __future__ import annotations

from drafter import api
from tests.conftest import ROOT

EXAMPLE = ROOT / "examples" / "xianyang_2024.yaml"


def test_a_check_unit_the_office_wrote_counts_as_stated(tmp_path):
    # init --from last year's data carries 城镇新增就业 4.5 万人以上 into review.checks; the
    # draft writes 「预期目标为4.5万人以上」, so validate must not call that unit unused.
    data = tmp_path / "咸阳2025.yaml"
    api.init_from(data, EXAMPLE)
    unused = [str(p) for p in api.validate(data).unused]
    assert not [p for p in unused if "review.checks" in p and ".unit" in p], unused
    api.draft(data, tmp_path / "初稿.txt")
    assert "预期目标为4.5万人以上" in (tmp_path / "初稿.txt").read_text(encoding="utf-8")


COMMANDS = ("draft", "check", "outline", "division", "validate", "init", "parse", "mine", "phrases",
            "gather", "forms", "schema")


def test_every_commands_help_reads_in_chinese(capsys):
    from drafter.cli import main

    for command in COMMANDS:
        assert main([command, "-h"]) == 0
        text = capsys.readouterr().out
        assert text.startswith(f"用法：drafter {command}"), text
        # typer's type labels were English (gather's inputs showed 「<list[Path]>」)
        for english in ("<list[", "<path>", "<str>", "<int>", "Usage", "Options", "Arguments"):
            assert english not in text, (command, english, text)


def _typed_over(docx_path, old: str, new: str) -> None:
    """Edit the .docx by hand as the office would: one run's text retyped."""
    import docx

    d = docx.Document(str(docx_path))
    runs = [r for p in d.paragraphs for r in p.runs if old in r.text]
    assert runs, old
    runs[0].text = runs[0].text.replace(old, new, 1)
    d.save(str(docx_path))


def test_a_digit_changed_inside_a_figure_is_caught(tmp_path):
    # 2878 → 2898 keeps the first and last digits in place, so the alignment maps both ends
    # onto the draft's number; check used to take it as the same figure and say nothing.
    out = tmp_path / "初稿.docx"
    api.draft(EXAMPLE, out)
    _typed_over(out, "2878", "2898")
    result = api.check(EXAMPLE, draft=out)
    changed = [f for f in result.findings if f.kind == "被改动的数字"]
    assert [(f.path, f.message) for f in changed] == [
        ("review.headline[0].value", "生产总值：数据为 2878，文稿为 2898")]


def test_the_label_of_a_hole_left_in_the_draft_is_no_number(tmp_path):
    # init --from leaves 【待补充：城乡居民人均可支配收入的第二个目标值】; its 「第二」 was read as a
    # number typed over the hole (「数字 第二 填在了【待补充】处」), an error on an untouched draft.
    data = tmp_path / "咸阳2025.yaml"
    api.init_from(data, EXAMPLE)
    out = tmp_path / "初稿.docx"
    api.draft(data, out)
    api.draft(data, tmp_path / "初稿.txt")
    assert "的第二个目标值】" in (tmp_path / "初稿.txt").read_text(encoding="utf-8")
    result = api.check(data, draft=out)
    assert [f.message for f in result.findings if f.kind == "数据中没有的数字"] == []
