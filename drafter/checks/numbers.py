"""Numbers as they stand in a report's text: 2878, 4.3%, 1,345, and ranks written 居全省第一.

Both the draft and our own composition are read with the same extractor, so a number that
was not touched is found at the same place with the same text on both sides.

Not numbers here: digits glued to Latin letters (5G, G8.5+, PM2.5, 4A级) — they are names —
and Chinese numerals other than ranks (第三届, 十四五, 二十连丰 are words, not figures).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

# Full-width digits, point and percent sign read as their half-width forms. One character
# for one, so offsets in the normalised text are offsets in the original.
_WIDE = str.maketrans({**{chr(0xFF10 + i): str(i) for i in range(10)}, "．": ".", "％": "%"})

_NUMBER = re.compile(
    r"(?<![A-Za-z\d.])"
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?![A-Za-z\d])"
    r"(?P<pct>\s*%)?"
)
_CN_DIGITS = "零〇一二两三四五六七八九"
_CN_VALUE = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
# A rank: 居全省第一 / 位居全国第四 / 排名全市第二位 — 第 after a ranking verb and its scope.
_RANK = re.compile(
    r"(?:居|位列|排名|排在|列|跃升至|升至)[^，。；！？、：\d]{0,12}?第"
    r"(?P<cn>[零〇一二两三四五六七八九十百千]+)(?:名|位)?"
)


@dataclass(frozen=True)
class Number:
    start: int  # offsets of the digits (without the %) in the paragraph
    end: int
    text: str  # as written, e.g. "2878", "4.3", "一"
    value: Decimal
    percent: bool = False
    rank: bool = False

    @property
    def shown(self) -> str:
        """The number as a reader sees it: 4.3%, 第一, 2878."""
        if self.rank:
            return f"第{self.text}"
        return self.text + ("%" if self.percent else "")


def half_width(text: str) -> str:
    return text.translate(_WIDE)


def cn_to_int(text: str) -> int | None:
    """一 → 1, 十二 → 12, 二十 → 20, 一百零五 → 105; None if it is not a numeral."""
    if not text:
        return None
    if all(c in _CN_DIGITS for c in text):  # 一二 written digit by digit
        n = 0
        for c in text:
            n = n * 10 + _CN_VALUE[c]
        return n
    total, digit = 0, None
    for c in text:
        if c in _CN_VALUE:
            digit = _CN_VALUE[c]
        elif c in "十百千":
            mult = {"十": 10, "百": 100, "千": 1000}[c]
            total += (1 if digit is None else digit) * mult
            digit = None
        else:
            return None
    return total + (digit or 0)


def extract(text: str) -> list[Number]:
    """Every number in `text`, in order of position."""
    norm = half_width(text)
    out: list[Number] = []
    for m in _NUMBER.finditer(norm):
        raw = m.group("num")
        try:
            value = Decimal(raw.replace(",", ""))
        except InvalidOperation:  # pragma: no cover - the pattern only matches numerals
            continue
        out.append(Number(m.start("num"), m.end("num"), text[m.start("num"):m.end("num")], value,
                          percent=m.group("pct") is not None))
    for m in _RANK.finditer(norm):
        n = cn_to_int(m.group("cn"))
        if n is not None:
            out.append(Number(m.start("cn"), m.end("cn"), m.group("cn"), Decimal(n), rank=True))
    out.sort(key=lambda x: x.start)
    return out


def same(a: Decimal, b: Decimal) -> bool:
    """4.10 and 4.1 are the same number; 2878 and 2900 are not."""
    return a.normalize() == b.normalize()


def key(value: Decimal) -> Decimal:
    return abs(value).normalize()
