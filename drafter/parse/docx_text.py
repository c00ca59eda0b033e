""".docx → paragraph texts, one per paragraph (empty ones are dropped by the caller).

Heading levels are decided later from the text, not from Word styles: real reports are rarely
styled (a heading is usually Normal text in bold or 黑体). Word's automatic numbering is part
of the text a reader sees, though, and python-docx leaves it out, so it is rendered back
here (一、 / （一） / 1.) from numbering.xml; the structure rules then see the same line as in
a .txt copy. Tables are skipped: a report's tables are attachments, not its structure.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from .errors import ParseError

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_CN = "〇一二三四五六七八九"


def _chinese(n: int) -> str:
    if n < 10:
        return _CN[n]
    if n < 20:
        return "十" + (_CN[n % 10] if n % 10 else "")
    if n < 100:
        return _CN[n // 10] + "十" + (_CN[n % 10] if n % 10 else "")
    return str(n)


def _format(n: int, fmt: str) -> str:
    if fmt in ("chineseCounting", "chineseCountingThousand", "chineseLegalSimplified",
               "ideographTraditional", "japaneseCounting", "taiwaneseCounting",
               "taiwaneseCountingThousand", "koreanCounting"):
        return _chinese(n)
    if fmt in ("decimalFullWidth", "decimalFullWidth2"):
        return "".join(chr(ord(c) + 0xFEE0) for c in str(n))
    if fmt == "lowerLetter":
        return chr(ord("a") + (n - 1) % 26)
    if fmt == "upperLetter":
        return chr(ord("A") + (n - 1) % 26)
    if fmt == "decimalEnclosedCircle" and 1 <= n <= 20:
        return chr(0x2460 + n - 1)
    if fmt in ("none", "bullet"):
        return ""
    return str(n)


class _Numbering:
    """Renders list labels as Word shows them: counters per abstract list and level, lower
    levels restarting when a higher one advances."""

    def __init__(self, document):
        self.levels: dict[tuple[str, int], tuple[int, str, str]] = {}  # (abstract, ilvl) → start, fmt, text
        self.abstract: dict[str, str] = {}  # numId → abstractNumId
        self.counters: dict[str, list[int]] = {}
        try:
            root = document.part.numbering_part.element
        except Exception:  # no numbering part
            return
        for an in root.iter(f"{_W}abstractNum"):
            aid = an.get(f"{_W}abstractNumId")
            for lvl in an.iter(f"{_W}lvl"):
                il = int(lvl.get(f"{_W}ilvl", "0"))
                start = lvl.find(f"{_W}start")
                fmt = lvl.find(f"{_W}numFmt")
                text = lvl.find(f"{_W}lvlText")
                self.levels[(aid, il)] = (
                    int(start.get(f"{_W}val")) if start is not None else 1,
                    fmt.get(f"{_W}val") if fmt is not None else "decimal",
                    text.get(f"{_W}val") if text is not None else "",
                )
        for num in root.iter(f"{_W}num"):
            ref = num.find(f"{_W}abstractNumId")
            if ref is not None:
                self.abstract[num.get(f"{_W}numId")] = ref.get(f"{_W}val")

    def label(self, num_id: str, ilvl: int) -> str:
        aid = self.abstract.get(num_id)
        if aid is None or (aid, ilvl) not in self.levels:
            return ""
        counters = self.counters.setdefault(aid, [0] * 9)
        start, fmt, text = self.levels[(aid, ilvl)]
        counters[ilvl] = counters[ilvl] + 1 if counters[ilvl] else start
        for deeper in range(ilvl + 1, 9):
            counters[deeper] = 0
        if fmt == "bullet":
            return ""

        def sub(m: re.Match) -> str:
            k = int(m.group(1)) - 1
            lv = self.levels.get((aid, k))
            value = counters[k] or (lv[0] if lv else 1)
            return _format(value, lv[1] if lv else "decimal")

        return re.sub(r"%(\d)", sub, text)


def _num_pr(paragraph, styles_num: dict[str, tuple[str, int]]) -> tuple[str, int] | None:
    ppr = paragraph._p.pPr
    if ppr is not None and ppr.numPr is not None and ppr.numPr.numId is not None:
        num_id = str(ppr.numPr.numId.val)
        ilvl = ppr.numPr.ilvl.val if ppr.numPr.ilvl is not None else 0
        return (num_id, ilvl) if num_id != "0" else None
    style_id = ppr.pStyle.val if ppr is not None and ppr.pStyle is not None else None
    return styles_num.get(style_id) if style_id else None


def _style_numbering(document) -> dict[str, tuple[str, int]]:
    """Numbering attached to paragraph styles (a 标题 1 style numbered 一、)."""
    out = {}
    try:
        for st in document.styles.element.iter(f"{_W}style"):
            num = st.find(f"{_W}pPr/{_W}numPr")
            if num is None:
                continue
            nid = num.find(f"{_W}numId")
            il = num.find(f"{_W}ilvl")
            if nid is not None and nid.get(f"{_W}val") != "0":
                out[st.get(f"{_W}styleId")] = (nid.get(f"{_W}val"), int(il.get(f"{_W}val")) if il is not None else 0)
    except Exception:
        return {}
    return out


def docx_paragraphs(data: bytes, path: str | Path) -> list[str]:
    name = Path(path).name
    try:
        import docx  # python-docx
        from docx.opc.exceptions import PackageNotFoundError

        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError, PackageNotFoundError) as e:
        raise ParseError(f"{name} 不是有效的 .docx 文件（文件可能已损坏）：{type(e).__name__}", path)
    except Exception as e:  # lxml errors on a broken document.xml, etc.
        raise ParseError(f"{name} 无法作为 .docx 读取（文件可能已损坏）：{type(e).__name__}", path)
    numbering = _Numbering(document)
    styles_num = _style_numbering(document)
    out = []
    for p in document.paragraphs:
        # A soft line break (w:br) inside a paragraph is layout, not a new paragraph.
        text = p.text.replace("\n", "").replace("\r", "")
        if text.strip():
            try:
                np = _num_pr(p, styles_num)
                label = numbering.label(*np) if np else ""
            except Exception:  # a malformed numbering definition: keep the bare text
                label = ""
            text = label + text
        out.append(text)
    return out
