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
