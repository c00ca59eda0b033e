"""Reading the draft to check: a .docx written by `drafter draft` (possibly edited by hand
since), or the .txt / .md the same command writes.

Paragraph numbers are Word's (字数统计 → 段落数): 第n段 is the n-th paragraph of the body that
has text — title, meeting line and headings included, empty paragraphs skipped — in
`Document(path).paragraphs` of a .docx and among the lines of a .txt / .md. A fresh draft has
no empty paragraph, so there n is also python-docx's index + 1, `draft`'s count is the last n,
and the 核对表 numbers the same paragraphs. What is refused, with a message saying why: a .doc, a file that is not a Word
package or is damaged, and a document that is not a 政府工作报告 at all (no report title near
the top and no drafter mark in its properties) — checking the wrong file would report every
figure as missing.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import DrafterError, display_path
from ..limits import MAX_REPORT_BYTES, check_paragraphs, read_capped
from ..model import Report
from ..parse.decode import ole_message
from ..parse.docx_text import body_paragraphs, open_docx
from ..style.profile import StyleProfile

ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the compound file of a .doc / .xls
DRAFTER_MARK = "drafter"  # core property `comments` of every .docx drafter writes
_TEXT_SUFFIXES = (".txt", ".md", ".markdown")
_MD_MARKS = re.compile(r"^#+\s*|\*+")  # headings and emphasis; reports have no asterisks
# the colour `draft` marks its suggestions with, unless a style profile chose another
SUGGESTION_HIGHLIGHT = StyleProfile.model_fields["suggestion_highlight"].default


def _read_bytes(path: Path) -> bytes:
    if not os.path.lexists(path):
        raise DrafterError(f"找不到文稿 {display_path(path)}")
    return read_capped(path, MAX_REPORT_BYTES)  # refuses a FIFO, /dev/zero, a folder, a link loop


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _paragraph_text(p) -> str:
    """The paragraph as it reads with all tracked changes accepted: text inside 修订 insertions
    (w:ins) and hyperlinks counts, deleted text (w:delText) does not. A soft line break is
    layout, not text."""
    out = []
    for el in p.iter(f"{_W}t", f"{_W}tab"):
        out.append(el.text or "" if el.tag == f"{_W}t" else "\t")
    return "".join(out)


def _suggestions_in(p) -> int:
    """The stretches of green text in a paragraph: `draft` highlights each mined heading or lead
    it offers (style profile suggestion_highlight) and the office removes the highlight when it
    accepts or rewrites one; deleted text (修订) does not count."""
    n, green = 0, False
    for r in p.iter(f"{_W}r"):
        if not any((t.text or "").strip() for t in r.iter(f"{_W}t")):
            continue
        h = r.find(f"{_W}rPr/{_W}highlight")
        now = h is not None and h.get(f"{_W}val") == SUGGESTION_HIGHLIGHT
        n += now and not green
        green = now
    return n


def _docx_paragraphs(data: bytes, path: Path) -> tuple[list[str], list[int], str, str]:
    """(paragraph texts, the suggestions left in each, core title, core comments)."""
    shown = display_path(path)
    document = open_docx(data, path, shown)  # zip and XML bombs refused first; Chinese errors
    paragraphs = body_paragraphs(document, path, shown)  # refused past the paragraph cap
    try:
        paras = [_paragraph_text(p) for p in paragraphs]
        left = [_suggestions_in(p) for p in paragraphs]
        cp = document.core_properties
        return paras, left, cp.title or "", cp.comments or ""
    except AttributeError as e:  # a docProps/core.xml that is no core properties part (other root or content type)
        raise DrafterError(f"{shown} 无法作为 .docx 读取（文件可能已损坏）：{type(e).__name__}") from None


def _text_paragraphs(data: bytes, path: Path) -> list[str]:
    for enc in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(enc)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - gb18030 decodes nearly anything
        raise DrafterError(f"{display_path(path)} 无法识别文字编码，请另存为 UTF-8")
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    check_paragraphs(len(lines), display_path(path))
    if path.suffix.lower() in (".md", ".markdown"):
        lines = [_MD_MARKS.sub("", ln.strip()) for ln in lines]
    return lines


@dataclass
class DraftText:
    paragraphs: list[str]  # those with text, in order (index + 1 is Word's paragraph number)
    suggestions: list[int]  # a .docx's green suggestions still in it: the index of each one's paragraph


def read_draft(path: str | Path, report: Report) -> DraftText:
    """The draft's paragraphs that have text, in order (index + 1 is Word's paragraph number),
    and where the suggestions the office has not yet confirmed are.

    A .docx whose properties name another region or year was drafted from other data
    (last year's file, a neighbour's): checking it would report every figure, so it is
    refused with a message naming both."""
    path = Path(path)
    data = _read_bytes(path)
    shown = display_path(path)
    if data.startswith(OLE_MAGIC):
        raise DrafterError(ole_message(data, shown))
    if not data.strip():
        raise DrafterError(f"{shown} 是空文件，没有可以检查的文字")
    title, comments = "", ""
    if data.startswith(ZIP_MAGIC):
        paras, left, title, comments = _docx_paragraphs(data, path)
    elif path.suffix.lower() in _TEXT_SUFFIXES:
        paras = _text_paragraphs(data, path)
        left = [0] * len(paras)  # plain text has no highlight
    else:
        raise DrafterError(
            f"{shown} 不是 .docx 文件（文件可能已损坏，或并非 Word 文档）；请给出 drafter draft 生成的 .docx"
        )
    kept = [(p, k) for p, k in zip(paras, left, strict=True) if p.strip()]  # Word does not count an empty paragraph
    paras = [p for p, _ in kept]
    suggestions = [i for i, (_, k) in enumerate(kept) for _ in range(k)]
    if not paras:
        raise DrafterError(f"{shown} 没有任何文字内容")
    wanted = report.meta.title or "政府工作报告"
    top = [p.strip() for p in paras[:6]]
    has_title = any(wanted in p or "政府工作报告" in p for p in top) or "政府工作报告" in title
    if not has_title and DRAFTER_MARK not in comments:
        raise DrafterError(
            f"{shown} 看起来不是政府工作报告文稿：开头几段没有“{wanted}”标题，文档属性中也没有 drafter 的标记。"
            "请确认选的是 drafter draft 生成（或在其基础上修改）的文稿"
        )
    meta = report.meta
    if DRAFTER_MARK in comments and title and (meta.region not in title or str(meta.year) not in title):
        raise DrafterError(
            f"{shown} 是“{title}”的文稿，而数据文件是{meta.region}{meta.year}年的：请确认文稿和数据文件是否配对"
        )
    return DraftText(paras, suggestions)
