"""The numbering pass: 一、 for parts, （一） / 一、 / —— / 一是 for sections.

Numbers are not typed in templates or data: they follow the office's habits in
`structure`, so reordering or removing a section never leaves a gap.
"""

from __future__ import annotations

from ..model import Structure
from ..tree import Document
from .numbers import cn_number


def _marker(style: str, i: int) -> str:
    n = cn_number(i)
    return {
        "（一）": f"（{n}）",
        "一、": f"{n}、",
        "一是": f"{n}是",
        "——": "——",
        "none": "",
    }[style]


def task_marker(structure: Structure) -> str:
    if structure.task_marker != "auto":
        return structure.task_marker
    return "（一）" if structure.numbered else "一、"


def number(doc: Document, structure: Structure) -> None:
    i = 0
    for part in doc.parts:
        if part.type == "appendix":  # 名词解释 is an attachment, outside the report's numbering
            continue
        if part.heading is not None:
            i += 1
            part.heading.number = f"{cn_number(i)}、" if structure.numbered else ""
        style: str  # a key of _marker's table
        if part.type == "review":
            style = structure.review_marker
        elif part.type in ("key_tasks", "self_building"):
            style = task_marker(structure)
        else:
            style = "（一）"
        for k, section in enumerate(part.sections, 1):
            if section.heading is not None:
                section.heading.number = _marker(style, k)
