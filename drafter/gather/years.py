"""A gathered fact that names a year before the one its part tells of (H115, issue 11).

    earlier_year(text, part, year) -> int | None

The review tells of meta.year − 1, the key tasks of meta.year. A department's 2023年工作总结
sent for the 2024 review (呼和浩特: 「2023年，出台支持教育发展10条硬措施」) is kept — the office
may mean it — but gather lists it and comments it in the fragment. Not flagged: comparisons
(比2023年增长 / 较2023年 / 与2023年相比 / 2023年同期), 「2023年以来」 (it runs into the year), and a
period that reaches the year (2023—2025年, 2023年至2025年).
"""

from __future__ import annotations

import re

_YEAR = r"(?:19|20)\d\d"
# 2023—2025年 / 2023-2025年度 / 2023年11月至2024年: a period, judged by its end
_PERIOD = re.compile(rf"({_YEAR})年?(?:\d{{1,2}}月(?:\d{{1,2}}日)?)?\s*[—–\-~～至到]+\s*({_YEAR})年")
_ONE = re.compile(rf"(?<!\d)({_YEAR})年")
_COMPARED_BEFORE = re.compile(r"(比|较|与|同|对比|相比|高于|低于|超过)$")
_COMPARED_AFTER = re.compile(r"^(度)?(以来|同期|相比|水平|基础上|基数|的\d)")


def earlier_year(text: str, part: str, year: int | None) -> int | None:
    """The earliest year `text` names before the year its `part` tells of (review: year − 1,
    key_tasks: year), or None; `year` is the data's meta.year (None: nothing to compare)."""
    if not year:
        return None
    told = year - 1 if part == "review" else year
    found: list[int] = []
    covered: list[tuple[int, int]] = []
    for m in _PERIOD.finditer(text):
        covered.append(m.span())
        if int(m.group(2)) < told:
            found.append(int(m.group(1)))
    for m in _ONE.finditer(text):
        if any(a <= m.start() < b for a, b in covered) or int(m.group(1)) >= told:
            continue
        if _COMPARED_BEFORE.search(text[max(0, m.start() - 2):m.start()]) or _COMPARED_AFTER.match(text[m.end():]):
            continue
        found.append(int(m.group(1)))
    return min(found) if found else None
