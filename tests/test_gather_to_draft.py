"""Numbers in department materials reach the draft (issue 11): a real report cut into three
departments' materials, gathered into an init skeleton's folder and drafted, keeps every
Arabic number of its review and key-task sections."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))


@pytest.mark.parametrize("report", ["2024_咸阳市.txt", "2023_金台区.txt"])
def test_every_number_of_the_materials_reaches_the_draft(tmp_path: Path, report: str):
    from gather_to_draft import one

    total, kept = one(ROOT / "style_corpus" / report, tmp_path)
    assert total > 100
    assert kept == total
