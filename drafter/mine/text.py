"""Sentences, clauses and number markers of report text (pure string rules)."""

from __future__ import annotations

import re

CJK = r"\u3400-\u9fff"
SENTENCE_END = "。！？；"
CLAUSE_END = "，。！？；："

# Number markers that open headings, leads and items: （一） 一、 一是 1. （1） ——
MARKER = re.compile(
    r"^(?:——|—|"
    r"[（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+[、是]|"
    r"[（(]\d+[）)]|\d+[.、．]|第[一二三四五六七八九十]+[，,、]?)\s*"
)
_SLOT_OR_BRACE = re.compile(r"\{\{|\}\}|\{[^{}]+\}")


def strip_marker(text: str) -> str:
    prev = None
    while prev != text:
        prev = text
        text = MARKER.sub("", text, count=1)
    return text


def sentences(text: str, ends: str = SENTENCE_END) -> list[tuple[int, int]]:
    """(start, end) spans of sentences, each ending with its 。！？； (closing quotes kept)."""
    out, start, i, n = [], 0, 0, len(text)
    while i < n:
        if text[i] in ends:
            j = i + 1
            while j < n and text[j] in "”’）)":
                j += 1
            out.append((start, j))
            start = i = j
            continue
        i += 1
    if start < n:
        out.append((start, n))
    return out


def clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) spans of clauses of text[start:end], punctuation excluded."""
    out, s = [], start
    for i in range(start, end):
        if text[i] in CLAUSE_END:
            if i > s:
                out.append((s, i))
            s = i + 1
    if s < end:
        out.append((s, end))
    return out


def literal_segments(frame: str) -> list[tuple[str, bool]]:
    """A frame → [(text, is_slot)]; {{ and }} are literal braces."""
    out: list[tuple[str, bool]] = []
    pos = 0
    for m in _SLOT_OR_BRACE.finditer(frame):
        if m.start() > pos:
            out.append((frame[pos:m.start()], False))
        g = m.group()
        if g in ("{{", "}}"):
            out.append((g[0], False))
        else:
            out.append((g[1:-1], True))
        pos = m.end()
    if pos < len(frame):
        out.append((frame[pos:], False))
    # merge adjacent literals
    merged: list[tuple[str, bool]] = []
    for t, s in out:
        if merged and not s and not merged[-1][1]:
            merged[-1] = (merged[-1][0] + t, False)
        else:
            merged.append((t, s))
    return merged


def literal_text(frame: str) -> str:
    """The literal text of a frame (slots removed)."""
    return "".join(t for t, s in literal_segments(frame) if not s)


def escape(text: str) -> str:
    return text.replace("{", "{{").replace("}", "}}")
