"""`drafter draft` names each suggestion (a mined heading or lead, green in the .docx) by its place
in the report — 「回顾·（二）标题」, 「重点任务·（三）引领句」 — never by its phrase id
(an audit saw 「（heading.review.review_section.acc1c496）」)."""

from __future__ import annotations

import re
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def _listed(out: str) -> list[str]:
    lines = out.splitlines()
    at = next(i for i, x in enumerate(lines) if "建议标题或引领句" in x)
    return [x.strip() for x in lines[at + 1:] if x.startswith("  ")]


def test_numbered_sections_are_named_by_part_and_number(tmp_path, run_cli):
    code, out, err = run_cli("draft", EXAMPLES / "xianyang_2024_figures.yaml", "-o", tmp_path / "x.docx")
    assert code == 0, err
    listed = _listed(out)
    assert "回顾·（一）标题：经济发展实现新突破" in listed
    assert "重点任务·（一）引领句：大力推动科技创新" in listed
    assert not re.search(r"heading\.|lead\.|[0-9a-f]{8}）", out)


def test_unnumbered_sections_are_counted_as_their_placeholders_are(tmp_path, run_cli):
    code, out, err = run_cli("draft", EXAMPLES / "gaoping_2024_figures.yaml", "-o", tmp_path / "g.txt")
    assert code == 0, err
    assert "回顾·第二方面标题：乡村振兴深入实施，农业农村短板弱项加快补齐" in _listed(out)
    assert "review_section" not in out
