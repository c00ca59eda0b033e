"""名词解释 / 注释 / 附件 / 附： glossary (bracketed 【名词解释】 and starred ＊名词解释 too): a
short heading line followed by term：definition lines.

Everything from the heading to the end is the appendix. The heading alone is not enough (a
report may mention 名词解释 in a sentence), so the next lines must look like glossary entries.
"""

from __future__ import annotations

import re

from ..state import State

HEADING = re.compile(r"^(附件|附录)[0-9一二三四五六七八九]?[：:]?|名词解释|名词注释|名词解读|术语解释|注释[：:]?$|^注[：:]?$")
# The marker alone, once its decoration is stripped: 附： / 附件1 / 注释 / 注解 / 说明 /
# 附：名词解释 / 本报告名词解释 / 【名词解释】 / ＊名词解释 / ［注释］
_DECORATION = "【】[]［］〔〕〈〉《》＊*※★☆ 　：:"
_BARE = re.compile(
    r"^(附[件录]?[0-9一二三四五六七八九]?[：:、]?)?((本报告|报告)?(名词|术语|词语)?(解释|注释|解读|注解|说明)|注)?$"
)


def is_heading(line: str) -> bool:
    if len(line) > 40 or line.endswith("。"):
        return False
    bare = line.strip(_DECORATION)
    return bool(HEADING.search(line)) or bool(bare and _BARE.match(bare))


NOTES_SHARE = 0.6  # of the lines after a heading that must look like glossary entries


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
        if not following or sum(entry_like(x) for x in following) >= NOTES_SHARE * len(following):
            state.appendix = (i, len(lines) - 1)
            return
