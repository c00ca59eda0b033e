"""Hard-wrapped reports (text copied out of a PDF, one printed line per line) → paragraphs.

In such a text a line ends wherever the page ran out of width (…加快推动以县城为 /
重要载体的新型城镇化建设。…), so the parser would take each printed line for a paragraph and
its first sentence for a lead: 「重要载体的新型城镇化建设」, 「大力发展新质生产力，以科技创新赋能
现代化产业体」. The miner joins the lines back before parsing. Only the miner does this: an
office's own .txt is parsed as written.

    unwrap(lines) -> (lines, origin)   origin[i]: the 1-based line of the file where line i starts
"""

from __future__ import annotations

import re

from ..parse.lines import marker

# A line "ends open" when its last character is not one that ends a sentence, a clause
# list or a quotation. Own-line headings end open too, but in a report typed as paragraphs
# they are a small share of the lines (≤ 25 % in the 160 reports of style_corpus/);
# in a hard-wrapped one nearly all lines are (承德: 90 %).
_CLOSED = set("。！？；：”’）)!?;:」』")
WRAPPED_SHARE = 0.5
_MIN_LINE = 8  # shorter lines (page numbers, part titles) do not decide
PAGE_NUMBER = re.compile(r"^\s*[—–-]+\s*\d+\s*[—–-]*\s*$")  # — 18 — (a page footer)
_SHORT_TITLE = 5  # a numbered line this much shorter than the print width is a title, not a wrap


def _open(line: str) -> bool:
    s = line.rstrip()
    return bool(s) and s[-1] not in _CLOSED


def hard_wrapped(lines: list[str]) -> bool:
    longer = [ln for ln in lines if len(ln.strip()) >= _MIN_LINE]
    return bool(longer) and sum(map(_open, longer)) >= WRAPPED_SHARE * len(longer)


def unwrap(lines: list[str]) -> tuple[list[str], list[int]]:
    """The lines of a hard-wrapped report joined into paragraphs, page footers dropped, and
    the file line each starts on; any other report's lines unchanged."""
    if not hard_wrapped(lines):
        return lines, list(range(1, len(lines) + 1))
    widths = sorted(len(ln.strip()) for ln in lines if _open(ln) and len(ln.strip()) >= _MIN_LINE)
    width = widths[len(widths) // 2]  # the print width, in characters (median of open lines)
    out: list[str] = []
    origin: list[int] = []
    joining = False
    for i, line in enumerate(lines, 1):
        text = line.strip()
        if PAGE_NUMBER.match(text):
            continue  # a footer in mid-paragraph: the paragraph goes on after it
        if joining and text:
            out[-1] += text
        else:
            out.append(text)
            origin.append(i)
        last = out[-1]
        title = marker(text) is not None and len(text) < width - _SHORT_TITLE
        joining = _open(last) and not (title and last == text)
    return out, origin
