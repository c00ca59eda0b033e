"""`drafter check DATA --draft X.docx` says in one 提示 how many green suggestions (mined headings and
leads the office has not yet accepted or rewritten) are still in the draft: the draft is not final
while they are. A hint, not an error: the exit code does not change."""

from __future__ import annotations

import zipfile
from pathlib import Path

from drafter.api import check, draft

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
DATA = EXAMPLES / "xianyang_2024_figures.yaml"
_GREEN = b'<w:highlight w:val="green"/>'


def _left(result) -> list:
    return [f for f in result.findings if f.kind == "待确认的建议"]


def _rewrite(docx: Path, keep: int) -> None:
    """Accept all but the first `keep` green stretches, as an office does by removing the highlight."""
    with zipfile.ZipFile(docx) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    body = parts["word/document.xml"]
    pieces = body.split(_GREEN)
    out = pieces[0]
    for i, piece in enumerate(pieces[1:]):
        out += (_GREEN if i < keep else b"") + piece
    parts["word/document.xml"] = out
    with zipfile.ZipFile(docx, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)


def test_the_suggestions_left_are_counted_in_one_hint(tmp_path):
    made = draft(DATA, tmp_path / "初稿.docx")
    result = check(DATA, draft=made.path)
    left = _left(result)
    assert len(left) == 1 and left[0].severity == "提示"
    assert f"{len(made.suggestions)} 处" in left[0].message and "绿色" in left[0].message
    assert left[0].paragraph is not None  # the first one, so Word's 查找 finds where to start


def test_accepted_suggestions_are_not_counted(tmp_path):
    made = draft(DATA, tmp_path / "初稿.docx")
    _rewrite(made.path, keep=0)
    assert _left(check(DATA, draft=made.path)) == []


def test_the_terminal_shows_the_hint_and_the_exit_code_is_the_checks_own(tmp_path, run_cli):
    made = draft(DATA, tmp_path / "初稿.docx")
    _rewrite(made.path, keep=1)  # the first run of the first suggestion stays green
    code, out, _ = run_cli("check", DATA, "--draft", made.path)
    assert "1 处" in out and "绿色突出显示" in out
    assert code == check(DATA, draft=made.path).exit_code
