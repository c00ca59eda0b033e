"""Spreadsheet cells written from text, for every .xlsx drafter writes (数据核对表, 分工跟踪表).

Departments fill in the data and receive the sheets back, so any text may be hostile. openpyxl
turns a string starting with `=` into a live formula and `#DIV/0!` into an error value; here
every string is stored as a string (data_type "s"), and one that Excel would read as a formula
when a clerk edits the cell (leading = + - @, tab, CR) also gets the quote prefix, which keeps
it text there too. Characters XML cannot hold become U+FFFD instead of failing the save.

Every workbook is saved through save_workbook, so the same data gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import io
import stat
import zipfile
from typing import TYPE_CHECKING, Any, BinaryIO
from collections.abc import Iterable

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

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


# The stamp of a workbook whose data has no meeting date: 1980-01-01 is the earliest date a zip
# entry can carry, so the document properties and the zip entries agree on it.
FIXED_STAMP = dt.datetime(1980, 1, 1)
_ENTRY_MODE = (stat.S_IFREG | 0o644) << 16  # a regular rw-r--r-- file, in the Unix bits of external_attr
_LEVEL = 6  # zlib's default, named so that a change of Python's default changes nothing


def save_workbook(wb: Workbook, stream: BinaryIO, day: dt.date | None = None) -> None:
    """Write `wb` to `stream` as a byte-reproducible .xlsx. openpyxl stamps docProps/core.xml
    with the time of saving and every zip entry with the local clock; here both carry `day` (the
    report's meeting date: a date the file is about, not the moment it was made) or FIXED_STAMP,
    and the entries are written sorted by name ([Content_Types].xml first) with fixed
    permissions and compression."""
    stamp = dt.datetime(day.year, day.month, day.day) if day is not None else FIXED_STAMP
    wb.properties.created = wb.properties.modified = stamp
    raw = io.BytesIO()
    # ExcelWriter directly: openpyxl's save_workbook would set `modified` to now again
    ExcelWriter(wb, zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED, allowZip64=True)).save()
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as src, zipfile.ZipFile(out, "w") as dst:
        for name in sorted(src.namelist()):
            info = zipfile.ZipInfo(name, date_time=stamp.timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3  # Unix, on every platform (ZipInfo's default depends on it)
            info.external_attr = _ENTRY_MODE
            dst.writestr(info, src.read(name), compresslevel=_LEVEL)
    stream.write(out.getvalue())
