"""Split a plan part (one heading over targets and key tasks: 2023年工作安排) in two.

After a separate targets part (二、2024年工作要求和目标), a plan heading (三、今年重点工作)
heads the key tasks alone, unless a 预期目标 paragraph precedes its first section (a report
whose separate part set the five-year goals and whose plan part opens with the year's targets).

The targets block (context, 总体要求是：…, 主要预期目标是：…, principles, the list intro) runs
up to the first key-task section heading; the key tasks start there. This follows
structure.json's segments, where a list intro such as 重点抓好八个方面工作： stays with the
targets in 17 of 19 reports. Sections are looked for only after the 预期目标/总体要求 paragraph,
so numbered principles inside the targets block cannot pass for key-task sections.
"""

from __future__ import annotations

from ..lines import LIST_INTRO, REQUIREMENTS_PARAGRAPH, TARGETS_PARAGRAPH
from ..state import PartSpan, State
from .key_tasks import find_sections

TARGETS_WINDOW = 12  # the targets block is a handful of paragraphs at the top of the part


def _split_point(state: State, part: PartSpan, after_targets: bool) -> int | None:
    """Index of the first key-task line, or None when the part has no targets block."""
    lines = state.lines
    lo = part.heading + 1 if part.heading is not None else part.start
    anchor = None
    for i in range(lo, min(part.end, lo + TARGETS_WINDOW) + 1):
        if TARGETS_PARAGRAPH.search(lines[i]) or (
            not after_targets and REQUIREMENTS_PARAGRAPH.search(lines[i])
        ):
            anchor = i
            if TARGETS_PARAGRAPH.search(lines[i]):
                break
    if after_targets and anchor is None:
        return None
    sections = find_sections(state, anchor + 1 if anchor is not None else lo, part.end)
    if sections:
        first = sections[0].start
        return first if first > lo else None
    if anchor is None:
        return None
    intro = next((i for i in range(anchor + 1, part.end + 1) if LIST_INTRO.search(lines[i])), None)
    return (intro if intro is not None else anchor) + 1


def rule(state: State) -> None:
    out: list[PartSpan] = []
    has_plan = any(p.type in ("plan", "key_tasks") for p in state.parts)
    for part in state.parts:
        if part.type == "targets" and not has_plan:
            # a targets heading over the year's tasks too (益阳 全力实现2024年…的奋斗目标)
            split = _split_point(state, part, False)
            if split is not None and part.start < split <= part.end:
                out.append(PartSpan("targets", part.start, split - 1, part.heading))
                out.append(PartSpan("key_tasks", split, part.end, None))
                continue
        if part.type != "plan":
            out.append(part)
            continue
        split = _split_point(state, part, any(p.type == "targets" for p in out))
        if split is None or split > part.end:
            out.append(PartSpan("key_tasks", part.start, part.end, part.heading))
            continue
        out.append(PartSpan("targets", part.start, split - 1, part.heading))
        out.append(PartSpan("key_tasks", split, part.end, None))
    state.parts = out
