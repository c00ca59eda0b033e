"""Hard-wrapped reports (copied out of a PDF or a web page, one printed line per line) →
paragraphs, before any rule looks at them.

In such a text a line ends wherever the page ran out of width (…加快推动以县城为 /
重要载体的新型城镇化建设。…), so every printed line would be taken for a paragraph and its first
sentence for a lead (「重要载体的新型城镇化建设」). The one home of this rule: the parser
applies it to every input, the miner reaches it through parse_lines.

    hard_wrapped(lines) -> bool
    unwrap(lines) -> (lines, origin)   origin[i]: the 1-based input line where paragraph i starts

A text is hard-wrapped when at least half of its lines of 8+ characters end open (no stop).
Own-line headings end open too, but in a report typed as paragraphs they are a small share
of the lines (≤ 25 % in the 160 reports of style_corpus/); in a hard-wrapped one nearly all
lines are (承德: 90 %). A paragraph-form text is returned unchanged.
"""

from __future__ import annotations

import unicodedata

import re
from collections import Counter

from .lines import marker

# A line "ends open" when its last character is not one that ends a sentence, a clause
# list or a quotation.
_CLOSED = set("。！？；：”’）)!?;:」』")
WRAPPED_SHARE = 0.5
_MIN_LINE = 8  # shorter lines (page numbers, part titles) do not decide
_SHORT = 5  # a line this much shorter than the print width is a paragraph's end or a title
# PDF page footers: — 18 —, -18-, 18, 第3页, 第 3 页 共 20 页, 3/20
PAGE_NUMBER = re.compile(
    r"^\s*(?:[—–-]*\s*\d{1,4}\s*[—–-]*|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?"
    r"|\d{1,4}\s*/\s*\d{1,4})\s*$"
)
# A running head is a short line printed on every page (XX市人民政府工作报告).
_RUNNING_HEAD_MAX = 30
_RUNNING_HEAD_MIN_REPEATS = 3
_MIN_LINES = 6  # fewer lines than this cannot show a print width
# Markers that open a new paragraph even after an open line (一是 is left out: an inline
# 一是…，二是… list may be wrapped right before its marker).
_PARAGRAPH_KINDS = ("（一）", "一、", "（1）", "1.")
# No sentence or paragraph opens with these: such a line carries on the one before it (a
# wrap right after a closing quote: …“三条红线” / ，实行最严格的水资源管理。).
_NO_START = set("，、。；：！？）」』”’,;:!?)")
_ORDINAL = re.compile(r"^第[一二三四五六七八九十]{1,3}[，,、]")
# A line cut inside a number or a clause goes on, however short: no title or paragraph ends in
# 「…增长8%左」 / 「…增长6」 / 「…稳中求进，」 (三亚, 崇左 wrapped at 30-40 characters: a short line
# inside the targets paragraph lost every target after it)
_CUT_MID = re.compile(r"(?:\d[.．]?|[\d%％][左以]|[，、,（(“‘《])$")


def _open(line: str) -> bool:
    s = line.rstrip()
    return bool(s) and s[-1] not in _CLOSED


_QUOTE_END = set("”’」』）)")
_STOPS = set("。！？!?；;：:")


def _ends_open(text: str) -> bool:
    """Open, or closed only by a quote or bracket with no stop inside it (…“千万工程” / 经验，…):
    the sentence goes on after the quotation. Used for text cut at a count only: a PDF copy's
    paragraphs (枣庄) are numbered by the shipped bank's sources as they are joined today."""
    return _open(text) or (len(text) > 1 and text[-1] in _QUOTE_END and text[-2] not in _STOPS)


def hard_wrapped(lines: list[str]) -> bool:
    """Most printed lines end without a stop. Titles (numbered lines, the report's title) end
    open in every report and do not count, nor does a text too short to tell."""
    longer = [t for t in (ln.strip() for ln in lines)
              if len(t) >= _MIN_LINE and not _starts_paragraph(t) and "政府工作报告" not in t]
    return len(longer) >= _MIN_LINES and sum(map(_open, longer)) >= WRAPPED_SHARE * len(longer)


_SALUTATION = re.compile(r"^各位代表[：:！!，,、]")
_TITLE_SLACK = 1  # at a fixed width, a numbered line this much short of it is a title, not wrapped
_FIXED_SHARE = 0.8


def _starts_paragraph(text: str) -> bool:
    m = marker(text)
    return (bool(m and m.kind in _PARAGRAPH_KINDS) or bool(_ORDINAL.match(text)) or text.startswith("——")
            or bool(_SALUTATION.match(text)))


# A running head names the document (XX市人民政府工作报告 / 第十七届人民代表大会第三次会议); any
# other repeated line is text and is kept.
_RUNNING_HEAD_WORDS = re.compile(r"报告|人民政府|人民代表大会|会议文件")


def _running_heads(texts: list[str]) -> set[str]:
    counts = Counter(t for t in texts if t and len(t) <= _RUNNING_HEAD_MAX and _open(t) and not marker(t)
                     and _RUNNING_HEAD_WORDS.search(t))
    return {t for t, n in counts.items() if n >= _RUNNING_HEAD_MIN_REPEATS}


def _indent_marks_paragraphs(texts: list[str], indented: list[bool] | None) -> bool:
    """A PDF indents each paragraph's first line (　　): then indentation, not the line end,
    tells a new paragraph from a printed line that happens to end at a 。 ."""
    if not indented:
        return False
    longer = [ind for t, ind in zip(texts, indented, strict=True) if len(t) >= _MIN_LINE]  # a mark per line (parse_lines)
    return bool(longer) and 0.03 <= sum(longer) / len(longer) <= 0.6


def _width(text: str) -> float:
    """Printed width in full-width characters: 「全市PM2.5」 fills 6 cells, not 8 (a line ending
    in Latin letters and digits is as long as its neighbours, not short)."""
    return sum(1.0 if unicodedata.east_asian_width(c) in "WF" else 0.5 for c in text)


def unwrap(lines: list[str], indented: list[bool] | None = None) -> tuple[list[str], list[int]]:
    """The lines of a hard-wrapped report joined into paragraphs, page footers, repeated
    running heads and blank lines dropped, and the input line each paragraph starts on; any
    other report's lines unchanged. `indented[i]`: line i began with spaces in the file."""
    if not hard_wrapped(lines):
        return lines, list(range(1, len(lines) + 1))
    texts = [ln.strip() for ln in lines]
    widths = sorted(_width(t) for t in texts if _open(t) and len(t) >= _MIN_LINE)
    width = widths[len(widths) // 2]  # the print width, in characters (median of open lines)
    # a text cut at a fixed count of characters (a web page's text export) has nearly all its
    # open lines at exactly that count; a PDF's lines vary with the glyphs (承德: 57 %)
    counts = Counter(len(t) for t in texts if _open(t) and len(t) >= _MIN_LINE)
    cut, n_cut = counts.most_common(1)[0]
    fixed = n_cut >= _FIXED_SHARE * sum(counts.values())
    heads = _running_heads(texts)
    by_indent = _indent_marks_paragraphs(texts, indented)
    seen_heads: set[str] = set()
    out: list[str] = []
    origin: list[int] = []
    joining = False
    for i, text in enumerate(texts, 1):
        if not text or PAGE_NUMBER.match(text):
            continue  # a blank line or a footer in mid-paragraph: the paragraph goes on after it
        if text in heads:
            if text in seen_heads:
                continue  # the running head of a later page
            seen_heads.add(text)
        if by_indent and indented is not None and indented[i - 1]:  # by_indent implies the marks
            joining = False
        inside = (joining and not _starts_paragraph(text)) or (bool(out) and text[0] in _NO_START)
        if inside:
            out[-1] += text
        else:
            out.append(text)
            origin.append(i)
        # a short open line that starts a paragraph is a title, never a wrap; inside a
        # paragraph a short line without a stop still goes on (「…全市PM2.5」 / 「平均浓度…」)
        if fixed and not by_indent:
            # cut at a count: only a full open line goes on; a shorter one ends its paragraph even
            # without a stop (the last piece of a wrapped heading, with the lead after it)
            joining = _ends_open(text) and len(text) >= cut - _TITLE_SLACK
        else:
            joining = (_open(text) or by_indent) and (_width(text) >= width - _SHORT or (inside and _open(text)))
        if joining and fixed and not by_indent and not inside and _starts_paragraph(text) and len(text) < cut - _TITLE_SLACK:
            joining = False  # （一）强化创新驱动，加快建设…先行区: an own-line heading nearly as wide as a line
        joining = joining or bool(_CUT_MID.search(text))
    return out, origin
