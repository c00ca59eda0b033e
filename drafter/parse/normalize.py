"""Text → lines: one paragraph per line, spaces normalised, empty lines dropped.

Full-width punctuation is kept as written (no NFKC): headings and leads are quoted back to the
user and matched against the corpus, so （一） must stay （一）.
"""

from __future__ import annotations

import re

from .runon import split_run_on

# Spaces that Word, WPS and web pages put into Chinese text. They become ASCII spaces, then
# runs collapse to one, and the line is stripped: the 全角空格 indentation of a paragraph
# ("　　各位代表：") therefore disappears.
_SPACES = re.compile(r"[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t]+")
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_CJK = r"[\u3400-\u9fff\uf900-\ufaff]"
# A letter-spaced title (政 府 工 作 报 告): single CJK characters separated by spaces.
_LETTER_SPACED = re.compile(rf"^{_CJK}( {_CJK})+$")
_RUN_OF_SPACES = re.compile(r" {2,}")


def normalize_line(line: str) -> str:
    line = _INVISIBLE.sub("", line)
    line = _CONTROL.sub("", line)
    line = _SPACES.sub(" ", line)
    line = _RUN_OF_SPACES.sub(" ", line).strip()
    if _LETTER_SPACED.match(line):
        line = line.replace(" ", "")
    return line


INDENT = "\u3000\u3000"


def split_lines(text: str, keep_indent: bool = False) -> list[str]:
    """Non-empty, normalised lines; str.splitlines also breaks at \\r, \\u2028 and \\x0c, and a
    report saved as one line is cut into paragraphs first (runon.py).
    keep_indent: a line that began with spaces keeps INDENT in front, for parse/unwrap.py
    (a PDF indents the first line of each paragraph); normalize_line removes it again."""
    out = []
    for raw in split_run_on(text.splitlines()):
        line = normalize_line(raw)
        if line:
            out.append(INDENT + line if keep_indent and raw[:1].isspace() else line)
    return out


# Half-width punctuation in Chinese text (typed on an English keyboard, or a web page's
# export): (十) 、! 、; 、: 、, become their full-width forms when a Chinese character stands on
# either side, so every marker and every stop has one form for the rules. Between figures
# they stay: 1,234 / 8:30 / (1.5).
_HAN = r"[\u3400-\u9fff\uf900-\ufaff“”‘’、。（）《》]"
_PUNCT_HALF = re.compile(rf"(?<={_HAN}) ?([,:;!?]) ?|([,:;!?]) ?(?={_HAN})")
_FULL = {",": "，", ":": "：", ";": "；", "!": "！", "?": "？"}
# a bracket pair whose content has no bracket and is Chinese or a list number: (十) (1) (含…)
_BRACKETS = re.compile(rf"\(([^()（）]*{_HAN}[^()（）]*|[一二三四五六七八九十\d]{{1,3}})\)")


def full_width_punctuation(line: str) -> str:
    line = _BRACKETS.sub(lambda m: f"（{m.group(1)}）", line)
    return _PUNCT_HALF.sub(lambda m: _FULL[m.group(1) or m.group(2)], line)
