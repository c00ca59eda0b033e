"""Where a run sits in a draft, in the words an office uses to find it: 「回顾·（二）标题」,
「重点任务·（三）引领句」. A phrase id (heading.review.review_section.acc1c496) means nothing to
a user; the part and the section's own number do."""

from __future__ import annotations

from ..compose.numbers import cn_number
from ..tree import Document, Run

PART_NAMES = {"opening": "开头", "review": "回顾", "targets": "目标", "key_tasks": "重点任务",
              "self_building": "自身建设", "closing": "结尾", "appendix": "附件"}


def suggestion_places(document: Document) -> list[tuple[str, Run]]:
    """Every suggestion run (a mined heading or lead, green in the .docx) with its place, in
    document order."""
    out: list[tuple[str, Run]] = []
    for line in document.lines():
        part = PART_NAMES.get(line.part.type, line.part.type)
        section = line.section
        number = ""
        if section is not None:
            own = section.heading.number if section.heading is not None else ""
            # a section drafted without a number is named as its placeholders are: 第二方面
            number = own.rstrip("、. ") or f"第{cn_number(line.part.sections.index(section) + 1)}方面"
        where = f"{part}·{number}" if number else part
        groups = [(line.heading.runs if line.heading else [], "标题" if section is not None else "部分标题"),
                  (line.paragraph.lead if line.paragraph else [], "引领句"),
                  (line.paragraph.runs if line.paragraph else [], "")]
        for runs, kind in groups:
            out += [(f"{where}{kind}", r) for r in runs if r.is_suggestion]
    return out
