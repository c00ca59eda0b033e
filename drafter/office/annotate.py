"""`drafter draft --annotate`: the draft with a Word comment (批注) on every figure taken from
the data, naming its data path and, when the data says so, the department that supplied it
and its status — 「数据：review.headline[0].value（市统计局，核实）」 — so a reviewer can trace
each number in Word or WPS back to the data file. The draft pipeline (drafter/pipeline.py,
`annotate=True`) calls `write_annotated`; data paths are followed with drafter.datapath.

A figure run is a run whose source is "data" and whose text has a digit (2878, 4.3, a text
fact such as 「79个重点工业项目…」), or whose data value is a number written in words (the
第一 of a rank).

Numbers inside the office's text facts get a comment each, on the number and its unit
(「79个」): 「文字中的数字：review.sections[0].facts[9]（市工信局）」 — the department being the
department of the fact (checks.facts.fact_dept, as on the confirm sheet). To comment a number and
not its whole sentence, the text run is split around it in a copy of the document; runs of the
same look are merged again by the writer, so the text and its layout do not change.
"""

from __future__ import annotations

import copy
import dataclasses
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from ..atomic import atomic_write
from ..checks.numbers import written_end
from ..checks.facts import fact_dept
from ..checks.paths import TEXT_NUMBER, figures_in_text, is_text_fact
from ..datapath import DataPath, resolve
from ..errors import DrafterError, display_path
from ..model import Report
from ..style import StyleProfile
from ..tree import Document, Run

__all__ = ["figure_notes", "annotations", "write_annotated"]

def _chain(report: Report, path: str) -> list[tuple[Any, str | int]]:
    """[(container, key)] from the root down to the value at `path`."""
    found = DataPath.of(path)
    return found.chain(report) if found is not None else []


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float, Decimal)) and not isinstance(value, bool)


def _who(report: Report, path: str) -> tuple[str | None, str | None]:
    """(department, status) of the figure a data path belongs to, when the data gives them:
    the nearest object up the path that has them (a rank's place → its figure). The actual
    value of last year's target has its own: actual_dept / actual_status."""
    for obj, key in reversed(_chain(report, path)):
        if not isinstance(obj, BaseModel):
            continue
        fields = type(obj).model_fields
        if key in ("actual", "actual2") and "actual_dept" in fields:
            return getattr(obj, "actual_dept", None), getattr(obj, "actual_status", None)
        if "dept" in fields or "status" in fields:
            return getattr(obj, "dept", None), getattr(obj, "status", None)
    return None, None


def figure_notes(report: Report) -> Callable[[Run], str | None]:
    """The annotate callback for the .docx writer: a run → its comment, or None."""
    cache: dict[str, str | None] = {}

    def note(run: Run) -> str | None:
        src = run.source
        if src.kind != "data" or not src.ref:
            return None
        if not any(ch.isdigit() for ch in run.text) and not _is_number(resolve(report, src.ref)):
            return None
        ref = src.ref
        if ref not in cache:
            dept, status = _who(report, ref)
            extra = "，".join(x for x in (dept, status) if x)
            cache[ref] = f"数据：{ref}（{extra}）" if extra else f"数据：{ref}"
        return cache[ref]

    return note


def _split_text_numbers(report: Report, doc: Document) -> tuple[Document, dict[int, str]]:
    """A copy of `doc` whose text-fact runs are cut so each number (with its unit) is a run of
    its own, and {id(run): comment} for those number runs."""
    notes: dict[int, str] = {}

    def split(run: Run) -> list[Run]:
        ref = run.source.ref
        if run.source.kind != "data" or not ref or not is_text_fact(ref) or _is_number(resolve(report, ref)):
            return [run]
        nums = figures_in_text(run.text)
        if not nums:
            return [run]
        dept = fact_dept(report, ref) or "未注明部门"
        out, pos = [], 0
        for n in nums:
            end = n.end if n.percent or n.rank else written_end(run.text, n)  # 3000余户 whole
            if n.percent:
                end = n.end + len(run.text[n.end:]) - len(run.text[n.end:].lstrip()) + 1
            start = n.start - (1 if n.rank else 0)  # 第四
            if start < pos:
                continue
            if start > pos:
                out.append(Run(run.text[pos:start], run.source))
            piece = Run(run.text[start:end], run.source)
            notes[id(piece)] = f"{TEXT_NUMBER}：{ref}（{dept}）"
            out.append(piece)
            pos = end
        if pos < len(run.text):
            out.append(Run(run.text[pos:], run.source))
        return out

    def walk(obj):
        """A copy of the tree down to its run lists (texts and sources are shared, not copied)."""
        if isinstance(obj, list):
            if obj and all(isinstance(x, Run) for x in obj):
                return [piece for r in obj for piece in split(r)]
            return [walk(x) for x in obj]
        if dataclasses.is_dataclass(obj) and not isinstance(obj, type) and not isinstance(obj, Run):
            new = copy.copy(obj)
            for f in dataclasses.fields(obj):
                object.__setattr__(new, f.name, walk(getattr(obj, f.name)))
            return new
        return obj

    return walk(doc), notes


def _all_notes(report: Report, notes: dict[int, str]) -> Callable[[Run], str | None]:
    figure = figure_notes(report)

    def note(run: Run) -> str | None:
        if id(run) in notes:
            return notes[id(run)]
        if (run.source.kind == "data" and not _is_number(resolve(report, run.source.ref))
                and is_text_fact(run.source.ref)):  # its numbers carry their own comments
            return None
        return figure(run)

    return note


def comments_of(report: Report, doc: Document) -> list[tuple[Run, str]]:
    """Every (run, comment) the annotated .docx of `doc` carries, in document order."""
    doc, notes = _split_text_numbers(report, doc)
    note = _all_notes(report, notes)
    out = []
    for run in doc.runs():
        if not run.text:
            continue
        text = note(run)
        if text is not None:
            out.append((run, text))
    return out


def write_annotated(doc: Document, report: Report, path: str | Path, profile: StyleProfile | None = None,
                    force: bool = False) -> int:
    """Write `doc` as a .docx with a comment on every data figure; returns the comment count."""
    path = Path(path)
    if path.suffix.lower() != ".docx":
        raise DrafterError(f"批注只能写入 Word 文档：{display_path(path)} 请以 .docx 结尾")
    from ..writers.docx_writer import write_docx  # python-docx: `drafter outline` imports this module too

    split, notes = _split_text_numbers(report, doc)
    atomic_write(path, lambda s: write_docx(split, s, profile, annotate=_all_notes(report, notes)),
                 force=force)
    return len(comments_of(report, doc))

