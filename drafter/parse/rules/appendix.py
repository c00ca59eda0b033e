"""名词解释 / 附件 glossary: a short heading line followed by term：definition lines.

Everything from the heading to the end is the appendix. The heading alone is not enough (a
report may mention 名词解释 in a sentence), so the next lines must look like glossary entries.
"""

from __future__ import annotations

import re

from ..state import State

HEADING = re.compile(r"^(附件|附录)[0-9一二三四五六七八九]?[：:]?|名词解释|名词注释|名词解读|术语解释|注释[：:]?$|^注[：:]?$")


def is_heading(line: str) -> bool:
    return len(line) <= 40 and not line.endswith("。") and bool(HEADING.search(line))


def entry_like(line: str) -> bool:
    """A glossary line: a term before ：, or a short term line such as 亩均论英雄（P2）."""
    head = line[:30]
    return "：" in head or ":" in head or len(line) <= 30


def rule(state: State) -> None:
    lines = state.lines
    for i in range(state.body_start, len(lines)):
        if not is_heading(lines[i]):
            continue
        following = lines[i + 1 : i + 6]
        if not following or sum(entry_like(x) for x in following) >= 0.6 * len(following):
            state.appendix = (i, len(lines) - 1)
            return
