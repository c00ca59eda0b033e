"""Spreadsheet cells written from text, for every .xlsx drafter writes (数据核对表, 分工跟踪表).

Departments fill in the data and receive the sheets back, so any text may be hostile. openpyxl
turns a string starting with `=` into a live formula and `#DIV/0!` into an error value; here
every string is stored as a string (data_type "s"), and one that Excel would read as a formula
when a clerk edits the cell (leading = + - @, tab, CR) also gets the quote prefix, which keeps
it text there too. Characters XML cannot hold become U+FFFD instead of failing the save.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from collections.abc import Iterable

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.worksheet.worksheet import Worksheet

if TYPE_CHECKING:
    from openpyxl import Workbook

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def set_value(cell, value: Any):
    """Store `value` in `cell`: numbers as numbers, every string as text."""
    if not isinstance(value, str):
        cell.value = value
        return cell
    text = ILLEGAL_CHARACTERS_RE.sub("\ufffd", value)
    cell.value = text
    cell.data_type = "s"  # after the value: openpyxl re-guesses the type on every assignment
    if text.startswith(FORMULA_START):
        cell.quotePrefix = True
    return cell


def first_sheet(wb: Workbook) -> Worksheet:
    """The worksheet a new Workbook() opens with (`wb.active` may also be None or a chart
    sheet, as far as the type checker knows)."""
    ws = wb.active
    if not isinstance(ws, Worksheet):
        raise TypeError("工作簿没有工作表")
    return ws


def put(ws, row: int, column: int, value: Any):
    """ws.cell(row, column, value) with text kept as text."""
    return set_value(ws.cell(row=row, column=column), value)


def append_row(ws, values: Iterable[Any]):
    """ws.append(values) with text kept as text; returns the row's cells."""
    values = list(values)
    row = ws.max_row + 1 if ws.max_row > 1 or ws.cell(1, 1).value is not None else 1
    return tuple(put(ws, row, col, v) for col, v in enumerate(values, 1))


def sheet_title(name: str, used: set[str], reserved: Iterable[str] = ()) -> str:
    """A worksheet name Excel accepts from any text: no []:*?/\\ or control characters, no
    apostrophe at either end, at most 31 characters, unique ignoring case."""
    base = "".join("_" if c in '[]:*?/\\' or ord(c) < 32 else c for c in name)
    base = base.strip("'")[:31].strip("'") or "部门"
    taken = {u.casefold() for u in used} | {r.casefold() for r in reserved} | {"history"}
    out, n = base, 2
    while out.casefold() in taken:
        out = f"{base[:28]}({n})"
        n += 1
    used.add(out)
    return out
