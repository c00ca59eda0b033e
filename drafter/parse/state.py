"""The state the rules share, like markdown-it's StateBlock: the lines and what has been found.

Indices are 0-based positions in `lines`; the tree and the JSON use 1-based line numbers.
A rule reads what earlier rules found and adds its own findings; the builder turns the final
state into a `drafter.tree.Document`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal


@dataclass
class PartSpan:
    """A top-level part. `type` is a tree part type, or "plan" (one heading over targets and
    key tasks) until rules/targets.py splits it."""

    type: str
    start: int
    end: int  # inclusive
    heading: int | None = None  # index of the heading line, if the part has one


@dataclass
class Lead:
    index: int
    text: str


@dataclass
class SectionSpan:
    """A second-level unit. For an inline section `heading` is the first sentence of the line
    (number included); for an own-line section it is the whole line."""

    start: int
    end: int  # inclusive
    heading: str
    number: str  # the marker as written: （三） / 三、 / 三是 / "" when unnumbered
    style: Literal["own_line", "inline"]
    marker: str  # family: （一） 一、 一是 —— 这一年 一年来 ——这一年 ——一年来 none
    leads: list[Lead] = field(default_factory=list)


@dataclass
class State:
    lines: list[str]
    # origin[i]: the 1-based input line where paragraph i starts (hard-wrapped lines joined,
    # parse/unwrap.py); the tree's line numbers are these. Empty: line i is i + 1.
    origin: list[int] = field(default_factory=list)
    n_input: int = 0  # input lines (for the last paragraph's end line)
    header: list[int] = field(default_factory=list)
    body_start: int = 0  # first line after the header and opening
    opening: tuple[int, int] | None = None
    closing: tuple[int, int] | None = None
    appendix: tuple[int, int] | None = None
    parts: list[PartSpan] = field(default_factory=list)
    # sections per part, keyed by the part's start index
    sections: dict[int, list[SectionSpan]] = field(default_factory=dict)
    # self-building items found outside sections, keyed by the part's start index
    items: dict[int, list[Lead]] = field(default_factory=dict)

    def line_no(self, i: int) -> int:
        """The 1-based input line where paragraph i starts."""
        return self.origin[i] if self.origin else i + 1

    def end_line_no(self, i: int) -> int:
        """The 1-based input line where paragraph i ends (the line before the next one starts)."""
        if not self.origin:
            return i + 1
        return self.origin[i + 1] - 1 if i + 1 < len(self.origin) else self.n_input

    def part(self, type_: str) -> PartSpan | None:
        return next((p for p in self.parts if p.type == type_), None)

    @property
    def body_end(self) -> int:
        """Last index of the body: before the closing / appendix."""
        for span in (self.closing, self.appendix):
            if span is not None:
                return span[0] - 1
        return len(self.lines) - 1
