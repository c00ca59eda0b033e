"""Reports saved as one line (a web page's text copied without its paragraph breaks) →
paragraphs, before normalisation and unwrapping.

Three forms are met in style_corpus/more/ (泸州, 潍坊, 枣庄: one line of 12–16 k characters;
no real paragraph is longer than about 2 200):
  * paragraphs separated by a space (潍坊: 工作回顾 过去的一年… / …步伐。 ——经济运行…);
  * a PDF's printed lines separated by a space (枣庄: …并 请各位…): split here, they are
    joined again by unwrap.py like any hard-wrapped text;
  * nothing at all between paragraphs (泸州): the best left is one sentence per line, so
    that headings and leads (项目投资拉动有力。) open a line again.
In every form a numbered heading glued after a stop (…意见。一、2023年工作回顾) starts a line.
A space after a figure (8% 左右, 2023 年) is the PDF's spacing, not a break.
"""

from __future__ import annotations

import re

from .lines import sentences

RUN_ON = 4000  # characters: a line this long is many paragraphs run together
_SPACED = 1 / 400  # spaces per character above which spaces mark the breaks
_CJK = r"\u3400-\u9fff\uf900-\ufaff"
_BREAK_SPACE = re.compile(rf"(?<=[{_CJK}。！？：；，、”’）》」』—])[ \u3000\u00a0]+")
_GLUED = re.compile(
    r"(?<=[。！？：”])(?=[（(][一二三四五六七八九十]{1,3}[）)]|[一二三四五六七八九十]{1,3}、|各位代表|——)"
)


def split_run_on(raw_lines: list[str]) -> list[str]:
    """`raw_lines` with every run-on line (RUN_ON characters or more) cut into paragraphs;
    other lines unchanged."""
    out: list[str] = []
    for raw in raw_lines:
        if len(raw) < RUN_ON:
            out.append(raw)
            continue
        text = raw.strip()
        if text.count(" ") + text.count("\u3000") >= _SPACED * len(text):
            pieces = _BREAK_SPACE.split(text)
        else:
            pieces = sentences(text)
        for piece in pieces:
            out.extend(p for p in _GLUED.split(piece) if p.strip())
    return out
