"""One reviewed golden text per example (tests/golden/<example>.txt, seed 0): any change of
wording shows here as a diff. After a deliberate change run `python tests/golden/update.py`
and review `git diff tests/golden`. Other tests check meaning; this one catches every word."""

from __future__ import annotations

import difflib

import pytest

from tests.golden.update import draft_text, examples, golden_path


@pytest.mark.parametrize("example", examples(), ids=lambda p: p.name)
def test_draft_matches_its_golden_text(example, tmp_path):
    out = tmp_path / "draft.txt"
    draft_text(example, out)
    want = golden_path(example).read_text(encoding="utf-8").splitlines()
    got = out.read_text(encoding="utf-8").splitlines()
    diff = list(difflib.unified_diff(want, got, "golden", "drafted", n=1, lineterm=""))
    assert not diff, "\n".join(diff[:60]) + "\n（措辞有意改动时：python tests/golden/update.py，再审阅 git diff tests/golden）"
