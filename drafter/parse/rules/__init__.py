"""The rule chain, in the order it runs. Each rule reads the state earlier rules left and adds
its own findings (markdown-it style: one rule per file, small and named for what it finds).

    front          header lines (title / meeting / speaker) and the 各位代表： opening
    appendix       名词解释 / 附件 glossary at the end
    closing        各位代表！…让我们更加紧密地团结在…周围…奋斗！
    parts          top-level headings → review / targets / plan / key_tasks / self_building
    targets        a plan part (工作安排) → targets part + key_tasks part
    key_tasks      key-task sections （一）/一、/一是 and their lead phrases
    self_building  the unheaded 政府自身建设 block before the closing, and its items
    review         review sections （一）/一是/——/这一年/一年来/headlines and their leads
(sections.py holds what the review and key-task rules share: numbered runs, leads.)
"""

from __future__ import annotations

from collections.abc import Callable

from ..state import State
from . import appendix, closing, front, key_tasks, parts, review, self_building, targets

RULES: list[tuple[str, Callable[[State], None]]] = [
    ("front", front.rule),
    ("appendix", appendix.rule),
    ("closing", closing.rule),
    ("parts", parts.rule),
    ("targets", targets.rule),
    ("key_tasks", key_tasks.rule),
    ("self_building", self_building.rule),
    ("review", review.rule),
]


def run(state: State) -> State:
    for _name, rule in RULES:
        rule(state)
    return state
