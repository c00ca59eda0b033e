"""政府自身建设: the unheaded block before the closing, and the items of a self-building part.

Four of 25 reports put the new year's self-building after the last key task without a heading
(咸阳, 安康, 陇南, 酒泉). The block opens with a paragraph that names the government's own
work (自身建设 / 政府系统 / 法治政府 …) and is followed only by parallel item leads or more
self-building prose, if anything; a remark inside the last key task is followed by that task's
measures instead. When the last key-task section is itself about self-building, there is no
separate block.
Items are parallel lead phrases (旗帜鲜明讲政治。) optionally numbered （一）: the first
paragraph of the part is its intro unless it is an item itself.
"""

from __future__ import annotations

import re

from ..lines import marker
from ..state import Lead, PartSpan, State
from .sections import DASH, MIN_LEADS, is_lead, parallel_leads

# Wording of self-building prose; a block may run over several such paragraphs.
SELF_BUILDING_PROSE = re.compile(r"依法行政|廉洁|廉政|作风|政治建设|从严治党|政府|干部|担当|实干")
SELF_BUILDING = re.compile(
    r"自身建设|自身硬|政府系统|政府建设|法治政府|政府效能|政府治理|行政效能|服务型政府|三个务必|"
    r"(建设|打造).{0,20}政府[。，,]"
)


def _item(line: str) -> str | None:
    m = marker(line)
    if m and m.kind in ("（一）", "一是", "一、", "（1）", "1."):
        lead = is_lead(line[len(m.text):], numbered=True)
        return m.text + lead if lead else None
    if line.startswith(DASH) and not line.startswith(DASH * 2):  # ——铸牢政治忠诚。
        lead = is_lead(line[len(DASH):])
        return DASH + lead if lead else None
    return is_lead(line)


def _unheaded_block(state: State) -> None:
    if state.part("self_building") is not None or not state.parts:
        return
    kt = state.parts[-1]
    if kt.type != "key_tasks":
        return
    lines = state.lines
    sections = state.sections.get(kt.start, [])
    if sections and SELF_BUILDING.search(sections[-1].heading):
        return  # self-building is the last key-task section (（八）…加强自身建设…)
    after = sections[-1].start + 1 if sections else (kt.heading + 1 if kt.heading is not None else kt.start)
    if len(sections) >= 2 and sections[-1].marker == "none":
        after = sections[-2].start + 1  # the block's first item may pass for an unnumbered section
    for p in range(after, kt.end + 1):
        if _item(lines[p]) or not SELF_BUILDING.search(lines[p]):
            continue
        rest = range(p + 1, kt.end + 1)
        if not all(_item(lines[q]) or SELF_BUILDING_PROSE.search(lines[q]) for q in rest):
            continue
        state.parts.append(PartSpan("self_building", p, kt.end, None))
        kt.end = p - 1
        sections[:] = [x for x in sections if x.start < p]
        if sections:
            last = sections[-1]
            last.end = min(last.end, p - 1)
            last.leads = [x for x in last.leads if x.index < p]
            if len(last.leads) < MIN_LEADS:
                last.leads = []
        return


def rule(state: State) -> None:
    _unheaded_block(state)
    lines = state.lines
    for part in state.parts:
        if part.type != "self_building":
            continue
        lo = part.heading + 1 if part.heading is not None else part.start
        items = [Lead(i, t) for i in range(lo, part.end + 1) if (t := _item(lines[i]))]
        if len(items) < MIN_LEADS:
            items = parallel_leads(lines, lo, part.end)  # 突出政治建设，增强…的自觉。 ×4
        state.items[part.start] = items if len(items) >= MIN_LEADS else []
