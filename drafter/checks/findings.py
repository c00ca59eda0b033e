"""What a check reports: one finding per problem, with where it is and how serious.

错误 is something that is wrong (a figure that disagrees with the data, a wrong year, a
leftover placeholder); 提示 is something a person should look at but that may be right (a
level word in text we cannot attribute). Only 错误 makes `drafter check` exit 1.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["错误", "提示"]
ERROR: Severity = "错误"
HINT: Severity = "提示"

# The groups of the report, in the order they are printed.
TARGETS = "上年目标完成情况"
FACTS = "数字核对"
CONSISTENCY = "一致性"
PREVIOUS = "与上年报告对照"
GROUPS = (TARGETS, FACTS, CONSISTENCY, PREVIOUS)

SUGGESTIONS_LEFT = "待确认的建议"  # kind: green suggestions still in a .docx draft (one 提示 counting them)

EXCERPT = 30


def excerpt(text: str, n: int = EXCERPT) -> str:
    """The first ~30 characters of a paragraph: enough for Word's 查找 to find it."""
    text = text.strip()
    return text if len(text) <= n else text[:n] + "…"


@dataclass(frozen=True)
class Finding:
    group: str  # one of GROUPS
    kind: str  # e.g. 被改动的数字, 规划期, 标点 — the sub-heading it is listed under
    severity: Severity
    message: str
    paragraph: int | None = None  # 1-based paragraph number in the checked text
    excerpt: str = ""  # first ~30 characters of that paragraph
    path: str = ""  # data path, e.g. review.headline[0].value

    @property
    def where(self) -> str:
        if self.paragraph is None:
            return "—"
        return f"第{self.paragraph}段：{self.excerpt}" if self.excerpt else f"第{self.paragraph}段"


def at(paragraphs: list[str], index: int | None) -> tuple[int | None, str]:
    """(1-based number, excerpt) of the 0-based paragraph `index`."""
    if index is None or not 0 <= index < len(paragraphs):
        return None, ""
    return index + 1, excerpt(paragraphs[index])
