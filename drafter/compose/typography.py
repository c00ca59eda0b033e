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


# Every character a step of `normalize` changes or looks for (keep in step with the tables and
# patterns above): most office text has none, and one scan is ~2 ms of a draft less than six.
_TOUCHED = re.compile("[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a％．;!?(),:.…\\-\"']")


def normalize(text: str) -> str:
    if not _TOUCHED.search(text):
        return text
    text = text.translate(_WIDE_TABLE).translate(_SIMPLE)
    text = _COMMA.sub("，", text)
    text = _COLON.sub("：", text)
    text = _ELLIPSIS.sub("……", text)
    text = _DASH.sub("——", text)
    return _quotes(text)


_STOP = "。！？"
_SOFT = "，、；："
_STOP_SOFT = _STOP + _SOFT
_CLOSE_QUOTES = "”’"
# Function characters a template writes next to office text: 「为」+「为加快推进……」. Doubled at
# such a join they are a seam, not the office's words; doubled inside one text they stay.
_JOINERS = "为在是以把向和与对将"


def _ended(text: str) -> bool:
    """Has `text` closed its sentence? 「……持则可圆。”」 has; 「……“增彩延绿”」 has not."""
    end = text.rstrip(_CLOSE_QUOTES)
    return bool(end) and end[-1] in _STOP


def _office(run: Run) -> bool:
    return run.source.kind in ("data", "placeholder")


def tidy(runs: list[Run]) -> list[Run]:
    """Mend the seams where runs meet: doubled punctuation (「回升向好。」+「。」, 「…，」+「。」,
    「……。”」+「。」) and a function character doubled between template and office text
    (「为」+「为加快推进」). The office's own punctuation wins over a template's."""
    out: list[Run] = []
    for given in runs:
        run = given  # trimmed below where it meets the previous run
        if not run.text:
            continue
        if out:
            prev = out[-1]
            a, b = prev.text[-1], run.text[0]
            if b in _STOP_SOFT and _ended(prev.text):  # cheap test first: ~1,300 runs a draft
                run = Run(run.text[1:], run.source)
            elif a in _SOFT and b in _STOP_SOFT:
                if b in _SOFT and _office(prev) and not _office(run):
                    run = Run(run.text[1:], run.source)  # the office's 「；」 stays
                else:
                    out[-1] = Run(prev.text[:-1], prev.source)
            elif a == b and a in _JOINERS and _office(prev) != _office(run):
                if _office(prev):
                    run = Run(run.text[1:], run.source)
                else:
                    out[-1] = Run(prev.text[:-1], prev.source)
            if not out[-1].text:
                out.pop()
            if not run.text:
                continue
        out.append(run)
    return out
