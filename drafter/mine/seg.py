"""jieba, loaded lazily and quietly, and the text normalisation it needs.

Only the miner imports this module. jieba is imported on first use (not at import time of
drafter), its logger is set to WARNING (no "Building prefix dict…" on stderr) and its cache
file goes to a drafter folder in the system temp dir.
"""

from __future__ import annotations

import logging
import os
import re
import tempfile
import warnings
from functools import cache
from typing import NamedTuple

# Full-width digits and letters → ASCII, one character for one (offsets stay valid). NFKC
# would also turn full-width punctuation (，：（）) half-width, which the frames must keep.
_FULLWIDTH = {chr(0xFF10 + i): str(i) for i in range(10)}
_FULLWIDTH.update({chr(0xFF21 + i): chr(0x41 + i) for i in range(26)})
_FULLWIDTH.update({chr(0xFF41 + i): chr(0x61 + i) for i in range(26)})
_TABLE = str.maketrans(_FULLWIDTH)
_FW_POINT = re.compile(r"(?<=\d)．(?=\d)")
_FW_PERCENT = re.compile(r"(?<=\d)％")


def normalize(text: str) -> str:
    """Full-width digits/letters → ASCII; ． between digits → .; ％ after a digit → %.
    Same length as the input, so character offsets map back to the original text."""
    text = text.translate(_TABLE)
    if "．" in text:
        text = _FW_POINT.sub(".", text)
    if "％" in text:
        text = _FW_PERCENT.sub("%", text)
    return text


class Token(NamedTuple):
    word: str
    pos: str
    start: int
    end: int


@cache
def posseg():
    """jieba.posseg, initialised once per process."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import jieba  # 0.6–0.9 s and 75 MB: only the miner loads it, never drafting
        import jieba.posseg as pseg
    jieba.setLogLevel(logging.WARNING)
    cache_dir = os.path.join(tempfile.gettempdir(), "drafter-jieba")
    try:
        os.makedirs(cache_dir, exist_ok=True)
        jieba.dt.tmp_dir = cache_dir
    except OSError:
        pass  # jieba falls back to the temp dir itself
    jieba.dt.initialize()
    return pseg


def tokens(text: str) -> list[Token]:
    """POS-tagged tokens of an already normalised text, with character offsets."""
    out: list[Token] = []
    pos = 0
    for pair in posseg().cut(text):
        w = pair.word
        if not w:
            continue
        if text.startswith(w, pos):
            start = pos
        else:  # jieba dropped or changed something: find the word again
            start = text.find(w, pos)
            if start < 0:
                continue
        out.append(Token(w, pair.flag, start, start + len(w)))
        pos = start + len(w)
    return out


def dictionary_tag(word: str) -> str | None:
    """The POS jieba's dictionary gives `word` (None for a word it only guessed)."""
    return posseg().dt.word_tag_tab.get(word)
