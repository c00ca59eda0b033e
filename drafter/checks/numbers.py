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

from ..model.figures import APPROX_AFTER, MAGNITUDES

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


# --- What makes a number a figure: its unit, qualifier and direction -----------------------
# 3.6亿元 and 3.6万元, 8亿元以上 and 8亿元左右, 增长11.3% and 下降11.3% are different figures
# with the same digits; the fact check compares these too once a number is found in place.

# Longest first, so 万人次 wins over 万人 and 人.
_UNITS = sorted({
    "亿元", "万元", "元", "亿美元", "万美元", "美元", "万亩", "亩", "万吨", "吨", "万人次", "人次", "万人",
    "人", "万户", "户", "万个", "个", "家", "项", "件", "所", "条", "公里", "千米", "米", "万座", "座",
    "场次", "场", "次", "批", "处", "台", "辆", "套", "间", "张", "名", "位", "个百分点", "倍", "年",
    "天", "小时", "平方公里", "万平方米", "平方米", "万千瓦", "千瓦", "兆瓦", "亿千瓦时", "万千瓦时",
    "立方米", "万立方米", "亿立方米", "万吨标准煤", "公顷", "万公顷", "张床", "床", "万册", "册", "部",
    "篇", "万辆", "周年",
}, key=len, reverse=True)
_APPROX_BEFORE = ("超过", "约", "近", "超", "逾")
_QUALIFIERS = ("以上", "以下", "左右", "以内", "之内", "上下")
_UP = ("增长", "增加", "提高", "上升", "提升", "高于", "增")
_DOWN = ("下降", "减少", "降低", "回落", "低于", "下滑", "减", "降")


def _after(text: str, num: Number) -> tuple[str, str, int]:
    """(余 / 多, unit, where the unit ends) after a number: 3000余户 → (余, 户); 32.7万余户 →
    (余, 万户), as compose writes 余 after 万 / 亿 after a decimal (model.figures)."""
    i = num.end
    mag = next((m for m in MAGNITUDES if text.startswith(m, i) and text[i + len(m):i + len(m) + 1] in APPROX_AFTER), "")
    i += len(mag)
    approx = text[i] if i < len(text) and text[i] in APPROX_AFTER else ""
    i += len(approx)
    unit = next((u for u in _UNITS if text.startswith(u, i)), "")
    return approx, mag + unit if unit else "", i + len(unit)


def written_end(text: str, num: Number) -> int:
    """Where a number written with its 余 / 多 and unit ends: 3000余户 and 32.7万余户 whole."""
    return _after(text, num)[2]


def unit_after(text: str, num: Number) -> str:
    """The unit written right after a number (after 余 / 多): 亿元, 个, %; '' if none."""
    if num.percent:
        return "%"
    if num.rank:
        return ""
    return _after(text, num)[1]


def qualifier(text: str, num: Number) -> str:
    """约 / 超 before the number, 余 / 多 after it, 以上 / 左右 / 以内 after its unit, joined:
    约3000余家以上 → 约余以上. '' for a bare number."""
    before = next((w for w in _APPROX_BEFORE if text[:num.start].endswith(w)), "")
    if num.percent:
        m = re.match(r"\s*[%％]", text[num.end:])
        after, i = "", num.end + (m.end() if m else 0)
    else:
        after, unit, i = _after(text, num)
        if num.rank:  # a rank has no unit (第3位)
            i -= len(unit)
    tail = next((w for w in _QUALIFIERS if text.startswith(w, i)), "")
    return before + after + tail


def direction(text: str, num: Number) -> str:
    """'增' or '减' for the nearest word of change before a number in its clause (增长11.3%,
    下降4.1%, 高于全省2.2个百分点), '' when there is none."""
    s = num.start
    while s > 0 and num.start - s < 12 and text[s - 1] not in "，。；！？、：,;:":
        s -= 1
    clause = text[s:num.start]
    best, where = "", -1
    for words, sign in ((_UP, "增"), (_DOWN, "减")):
        for w in words:
            k = clause.rfind(w)
            if k > where or (k == where and k >= 0 and len(w) > 1):
                best, where = sign, k
    return best
