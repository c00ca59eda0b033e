"""Who wrote a stretch of the checked text — for rules that only apply to wording the office
did not write itself (level words) — and which data path it came from, to name it in a
finding.

    office   the office's data (its own sentences, names, numbers) and placeholders
    level    words the composer derives from the data (全区 from the level, 2024 from the year)
    machine  template and phrase-bank wording, and template choices
    hand     characters of a .docx that do not map to the composition: typed by hand
"""

from __future__ import annotations

from ..tree import Source
from .align import Alignment
from .composed import ComposedParagraph


def kind_of(src: Source | None) -> str:
    if src is None:
        return "hand"
    if src.kind in ("data", "placeholder", "source"):
        return "office"
    if src.kind == "derived" and not src.ref.startswith("choose:"):
        return "level"
    return "machine"


class Origins:
    """Origins of the composition's own paragraphs."""

    def __init__(self, composed: list[ComposedParagraph]):
        self.composed = composed

    def source(self, para: int, offset: int) -> Source | None:
        return self.composed[para].source_at(offset)

    def kinds(self, para: int, start: int, end: int) -> set[str]:
        return {kind_of(self.source(para, x)) for x in range(start, end)}

    def path(self, para: int, offset: int) -> str:
        """The data path of the office's text at this place, if it is the office's text."""
        src = self.source(para, offset)
        return src.ref if src is not None and src.kind in ("data", "placeholder") else ""


class DraftOrigins(Origins):
    """Origins of a draft's paragraphs, through its alignment with the composition."""

    def __init__(self, composed: list[ComposedParagraph], al: Alignment):
        super().__init__(composed)
        self.al = al

    def source(self, para: int, offset: int) -> Source | None:
        pos = self.al.d2c[para][offset] if 0 <= offset < len(self.al.d2c[para]) else None
        return None if pos is None else self.composed[pos[0]].source_at(pos[1])
