"""Chinese typography for text the office typed: full-width punctuation, curly quotes,
half-width digits, and no doubled punctuation where a data sentence meets template wording."""

from __future__ import annotations

import re

from ..tree import Run

# Full-width digits and Latin letters → half-width (reports write 2024, not ２０２４). Only
# these: NFKC would also turn full-width punctuation half-width, which we must keep.
_WIDE = {chr(c): chr(c - 0xFEE0) for c in range(0xFF10, 0xFF1A)}
_WIDE.update({chr(c): chr(c - 0xFEE0) for c in range(0xFF21, 0xFF3B)})
_WIDE.update({chr(c): chr(c - 0xFEE0) for c in range(0xFF41, 0xFF5B)})
_WIDE.update({"％": "%", "．": "."})
_WIDE_TABLE = str.maketrans(_WIDE)

_SIMPLE = str.maketrans({";": "；", "!": "！", "?": "？", "(": "（", ")": "）"})
_COMMA = re.compile(r"(?<!\d),|,(?!\d)")  # 1,345 keeps its comma; 之后, becomes ，
_COLON = re.compile(r"(?<!\d):|:(?!\d)")  # 10:30 keeps its colon
_ELLIPSIS = re.compile(r"\.{3,}|(?<!…)…(?!…)")
_DASH = re.compile(r"--+")  # a single — is the 一字线 of 西安—咸阳, keep it


def _quotes(text: str) -> str:
    """Straight quotes → “ ” and ‘ ’, alternating open/close."""
    if '"' not in text and "'" not in text:
        return text
    out, double_open, single_open = [], True, True
    for ch in text:
        if ch == '"':
            out.append("“" if double_open else "”")
            double_open = not double_open
        elif ch == "'":
            out.append("‘" if single_open else "’")
            single_open = not single_open
        else:
            out.append(ch)
    return "".join(out)


def normalize(text: str) -> str:
    text = text.translate(_WIDE_TABLE).translate(_SIMPLE)
    text = _COMMA.sub("，", text)
    text = _COLON.sub("：", text)
    text = _ELLIPSIS.sub("……", text)
    text = _DASH.sub("——", text)
    return _quotes(text)


_STOP = "。！？"
_SOFT = "，、；："


def tidy(runs: list[Run]) -> list[Run]:
    """Drop doubled punctuation at run boundaries: 「回升向好。」+「。」, 「…，」+「。」."""
    out: list[Run] = []
    for run in runs:
        if not run.text:
            continue
        if out:
            prev = out[-1]
            a, b = prev.text[-1], run.text[0]
            if a in _STOP and b in _STOP + _SOFT:
                run = Run(run.text[1:], run.source)
            elif a in _SOFT and b in _STOP + _SOFT:
                out[-1] = Run(prev.text[:-1], prev.source)
                if not out[-1].text:
                    out.pop()
            if not run.text:
                continue
        out.append(run)
    return out
