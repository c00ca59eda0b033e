"""Shared helpers for the test_check*.py files (no tests here): real drafts, edited by hand
with python-docx."""

from __future__ import annotations

import io
from pathlib import Path

import docx
from rich.console import Console

from drafter.api import draft
from drafter.checks.run import CheckOptions, run_check
from drafter.cli import print_check
from tests.conftest import EXAMPLES

XIANYANG = EXAMPLES / "xianyang_2024.yaml"
JINTAI = EXAMPLES / "jintai_2023"


def make_draft(data: Path, out: Path, seed: int = 0) -> Path:
    draft(data, out, seed=seed)
    return out


def edit_docx(src: Path, dst: Path, old: str, new: str) -> int:
    """Replace `old` by `new` in the first paragraph holding it, the way a person edits in
    Word (inside the run where possible); returns the 0-based paragraph index."""
    d = docx.Document(str(src))
    for i, p in enumerate(d.paragraphs):
        if old not in p.text:
            continue
        for r in p.runs:
            if old in r.text:
                r.text = r.text.replace(old, new, 1)
                break
        else:  # spread over runs: rewrite the paragraph as one run
            text = p.text.replace(old, new, 1)
            for r in p.runs[1:]:
                r.text = ""
            p.runs[0].text = text
        d.save(str(dst))
        return i
    raise AssertionError(f"not in the draft: {old}")


def check(data: Path, **kw):
    """run_check with its terminal output captured; returns (result, printed text)."""
    buf = io.StringIO()
    result = run_check(data, CheckOptions(**kw))
    print_check(result, Console(file=buf, width=200))
    return result, buf.getvalue()


def xianyang_variant(tmp_path: Path, name: str = "data.yaml", **subs: str) -> Path:
    """A copy of the 咸阳 data with literal replacements (old → new, given as pairs)."""
    text = XIANYANG.read_text(encoding="utf-8")
    for old, new in subs.values():
        assert old in text, old
        text = text.replace(old, new, 1)
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


CHECKS = """review:
  checks:
    - {name: 生产总值, kind: growth, value: 6, qualifier: 左右, actual: 4.3, actual_status: 核实, actual_dept: 市统计局}
    - {name: 城镇新增就业, kind: level, value: 4.5, unit: 万人, qualifier: 以上, actual: 5.14, actual_dept: 市人社局}
    - {name: 居民消费价格指数涨幅, kind: control, value: 3, actual: 0.2, actual_dept: 市统计局}
"""


def with_checks(tmp_path: Path, year: int = 2024, checks: str = CHECKS) -> Path:
    body = checks.split("\n", 1)[1]
    subs = {"checks": ("review:\n", "review:\n" + body)}
    if year != 2024:
        subs["year"] = ("  year: 2024", f"  year: {year}")
    return xianyang_variant(tmp_path, f"checks_{year}.yaml", **subs)


def paragraphs(path: Path) -> list[str]:
    return [p.text for p in docx.Document(str(path)).paragraphs]
