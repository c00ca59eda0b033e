"""Top-level parts from their headings.

A part heading is a short line of its own (no ，。；！？), numbered 一、 or not (ten of 25 reports
lose the numbering), and named by its wording:
    回顾/总结, or 过去/去年 …工作            → review      (2022年工作回顾, 一、过去一年的工作)
    政府 + 建设/治理…, or 自身建设          → self_building (加快建设实干政府, 四、切实提升政府治理能力)
    要求/目标/思路 without 重点/任务/安排    → targets     (二、2024年工作要求和目标)
      or with them, when another plan heading follows (二、…思路和目标任务 / 三、2024年工作安排)
    今后五年 … (a new government's term)     → targets
    工作/任务/重点/安排 + a year or 重点/主要 → plan        (2023年工作安排, 三、今年重点工作)
rules/targets.py later decides whether a plan part holds targets before its key tasks.
Headings must come in report order (review → targets → plan → self-building) and share one
numbering style: once the first heading is numbered 一、, the next must be 二、 and so on;
when it is not, a numbered line is a key-task section (银川 十、全面加强政府自身建设…).
"""

from __future__ import annotations

import re

from ..lines import PROBLEMS_FORMULA, REQUIREMENTS_PARAGRAPH, TARGETS_PARAGRAPH, marker
from ..state import PartSpan, State

_PART_NUMBER = re.compile(r"^(第[一二三四五六七八九十]+部分[：:、\s]*)")
_TIME = re.compile(r"(19|20)\d{2}年|今年|明年|去年|过去|本年|年度|新的一年|上一?年|近年|五年")
_RANK = {"review": 0, "targets": 1, "plan": 2, "key_tasks": 2, "self_building": 3}


def heading_parts(line: str) -> tuple[str, str]:
    """(number as written, rest) for a candidate part heading."""
    m = _PART_NUMBER.match(line)
    if m:
        return m.group(1), line[m.end():]
    mk = marker(line)
    if mk and mk.kind == "一、":
        return mk.text, line[len(mk.text):]
    if mk:
        return mk.text, ""  # （一）/一是 lines are sections, never parts
    return "", line


def part_type(line: str) -> str | None:
    """The part a heading line opens, or None if the line is not a part heading."""
    number, rest = heading_parts(line)
    rest = rest.strip()
    # A trailing colon or 以下/方面 makes a list intro (主要做了6个方面工作：), not a heading.
    if not 2 <= len(rest) <= 30 or re.search(r"[，,。；;！!？?：:]|方面|以下|如下", rest):
        return None
    if rest[0] in "（(“\"[【" or re.search(r"\d+(\.\d+)?%|亿元|万元", rest):
        return None
    if re.search(r"回顾|总结", rest) or (
        re.search(r"过去|去年|上年|上一年", rest) and not re.search(r"安排|任务|目标|要求|重点|思路", rest)
    ):
        return "review"
    if re.search(r"(今后|未来)[一二三四五]年|[一二三四五]年(目标|任务|规划|奋斗)", rest):
        return "targets"
    if "自身建设" in rest or (
        re.search(r"政府|政务", rest) and not re.search(r"工作|任务|安排|目标|要求|重点|报告", rest)
    ):
        return "self_building"
    if re.search(r"要求|目标|思路", rest) and not re.search(r"重点|任务|安排", rest):
        return "targets"
    if re.search(r"工作|任务|重点|安排", rest) and (
        number or _TIME.search(rest) or re.search(r"重点|主要", rest)
    ):
        return "plan"
    return None


# A plan heading that names the goals (总体思路和目标任务) is the targets part when a second plan
# heading without them (工作安排) follows: the year's tasks then stand under their own heading.
_GOALS = re.compile(r"要求|目标|思路")


def _year(line: str) -> int:
    m = re.search(r"((?:19|20)\d{2})年", line)
    return int(m.group(1)) if m else 0


def _next_numbered_heading(line: str, last: int) -> bool:
    """An own-line heading numbered right after the last part heading, whatever its wording
    (烟台 二、在绿色低碳高质量发展中奋力走在前, 镇江 二、把主题教育成果转化为…): the part
    between the review and the year's work, read as its targets part."""
    mk = marker(line)
    rest = line[len(mk.text):] if mk else ""
    return bool(mk and mk.kind == "一、" and mk.number == last + 1 and 4 <= len(rest) <= 30
                and not re.search(r"[，,。；;！!？?：:]", rest))


def _fallback(state: State, start: int, end: int) -> list[PartSpan]:
    """No headings at all: review up to the problems paragraph before the targets paragraph (or
    the 总体要求 paragraph when no targets paragraph is marked), the rest is the plan."""
    lines = state.lines
    t = next((i for i in range(start, end + 1) if TARGETS_PARAGRAPH.search(lines[i])), None)
    if t is None:  # 绵阳: 政府工作的总体要求是：… then the targets without a 主要预期目标是：
        t = next((i for i in range(start, end + 1) if REQUIREMENTS_PARAGRAPH.search(lines[i])), None)
    if t is None:
        return [PartSpan("review", start, end)]
    p = next((i for i in range(t - 1, start - 1, -1) if PROBLEMS_FORMULA.search(lines[i])), None)
    split = p + 1 if p is not None else t
    if split <= start:
        return [PartSpan("plan", start, end)]
    return [PartSpan("review", start, split - 1), PartSpan("plan", split, end)]


def rule(state: State) -> None:
    lines = state.lines
    start, end = state.body_start, state.body_end
    if start > end:
        return
    found: list[tuple[int, str]] = []
    rank = -1
    seen: set[str] = set()
    numbered: bool | None = None
    last_number = 0
    typed = [(i, part_type(lines[i])) for i in range(start, end + 1)]
    years = [(i, _year(lines[i])) for i, t in typed if t is not None and _year(lines[i])]
    for i, by_words in typed:
        t = by_words  # the part type its words say, corrected by its place below
        if t == "plan" and any(j > i and y > _year(lines[i]) for j, y in years):
            t = "review"  # 一、2023年主要工作 before 二、2024年主要目标和重点工作
        if t is None and numbered and rank == _RANK["review"] and _next_numbered_heading(lines[i], last_number):
            t = "targets"  # 二、在绿色低碳高质量发展中奋力走在前 between the review and the plan
        promote = (t == "plan" and bool(found) and found[-1][1] == "plan" and "targets" not in seen
                   and bool(_GOALS.search(lines[found[-1][0]])) and not _GOALS.search(lines[i]))
        if t is None or _RANK[t] < rank or (t in seen and not promote):
            continue
        mk = marker(lines[i])
        n = mk.number if mk and mk.kind == "一、" else None
        if numbered is not None and (n is not None) != numbered:
            continue
        if n is not None and numbered and n != last_number + 1:
            continue
        if promote:
            found[-1] = (found[-1][0], "targets")  # 二、…总体思路和目标任务 then 三、2024年工作安排
            seen.add("targets")
        numbered = n is not None
        last_number = n or 0
        found.append((i, t))
        seen.add(t)
        rank = _RANK[t]
    if not found:
        state.parts = _fallback(state, start, end)
        return
    spans: list[PartSpan] = []
    first = found[0][0]
    if first > start:
        if found[0][1] != "review" and first - start > 2:
            spans.append(PartSpan("review", start, first - 1))  # an unheaded review
        elif state.opening is not None:
            state.opening = (state.opening[0], first - 1)  # extra opening paragraphs
        else:
            state.header = list(range(first))
    for k, (i, t) in enumerate(found):
        stop = found[k + 1][0] - 1 if k + 1 < len(found) else end
        spans.append(PartSpan(t, i, stop, heading=i))
    state.parts = spans
