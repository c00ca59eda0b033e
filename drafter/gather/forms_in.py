"""Reading a returned form (.xlsx written by `drafter forms`, filled by a department).

Layout (the contract with drafter/office/forms.py): sheet 数据 with the header row
指标 | 单位 | 上年数 | 本年目标 | 本年数 | 增长(%) | 状态 | 备注; optional sheet 工作和措施
(主要工作和成效 | 明年主要措施, one short line per row); optional hidden sheet 元数据 with
key/value rows (部门, 地区, 年度). Anything that would lose or bend a value is refused with the
file, sheet and cell: text such as 「6%」 in a number cell, a merged cell, a renamed sheet or a
changed header. Every bad cell of a form is listed in one refusal (one line each), so a
department fixes its form in one go. Formulas are read by their saved values (Excel, WPS and LibreOffice save them).
"""

from __future__ import annotations

import io
import re
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path

from ..errors import DrafterError
from ..limits import MAX_NUMBER_DIGITS
from ..phrases.topics import indicator_topic
from .dept_topics import field_prior
from .facts import GFigure, Gathered, GText
from .materials import topic_of

DATA_SHEET = "数据"
TEXT_SHEET = "工作和措施"
META_SHEET = "元数据"
HEADER = ("指标", "单位", "上年数", "本年目标", "本年数", "增长(%)", "状态", "备注")
TEXT_HEADER = ("主要工作和成效", "明年主要措施")
STATUSES = ("预计", "快报", "核实")
NUMBER_COLUMNS = {3: "上年数", 4: "本年目标", 5: "本年数", 6: "增长(%)"}
MAX_ROWS = 5_000  # a form lists dozens of figures; thousands of rows is not a form
_PLAIN_NUMBER = re.compile(r"^[-+]?(?:\d+(?:\.\d*)?|\.\d+)$")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff\ue000\ue001]")
# 本年 is the year the figures are of (the report's year - 1); 年度 (the report's year) only
# when a form has no 本年: either keeps forms of one office comparable.
_META_KEYS = {"部门": "dept", "填报部门": "dept", "地区": "region", "本年": "year", "年度": "report_year"}


def _where(shown: str, sheet: str, coord: str) -> str:
    return f"{shown} 工作表“{sheet}”单元格 {coord}"


def read_form(path: Path, data: bytes, shown: str) -> Gathered:
    import openpyxl  # heavy: loaded only when a form is read

    try:
        wb = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    except Exception as e:  # noqa: BLE001 - openpyxl raises many kinds on a broken package, none documented
        raise DrafterError(f"{shown}：无法作为 Excel 工作簿读取（{type(e).__name__}），请用 Excel / WPS 重新保存为 .xlsx") from None
    if DATA_SHEET not in wb.sheetnames:
        names = "、".join(f"“{n}”" for n in wb.sheetnames)
        raise DrafterError(
            f"{shown}：找不到工作表“{DATA_SHEET}”（现有 {names}）；请不要改名或删除报表的“{DATA_SHEET}”工作表"
        )
    problems: list[str] = []  # one line per bad cell or sheet, refused together at the end
    meta = _read_meta(wb[META_SHEET]) if META_SHEET in wb.sheetnames else {}
    dept = meta.get("dept") or path.stem
    year = _year(meta.get("year")) or _year(meta.get("report_year"))
    out = Gathered(path, path.name, dept, "form", region=meta.get("region"), year=year)
    if meta.get("dept"):
        out.depts_listed.add(meta["dept"])
    _collect(problems, _read_figures, wb[DATA_SHEET], out, shown, problems)
    if TEXT_SHEET in wb.sheetnames:
        _collect(problems, _read_lines, wb[TEXT_SHEET], out, shown, problems)
    if problems:
        raise DrafterError("\n".join(problems))
    _attach_paths(wb, out)
    return out


def _collect(problems: list[str], read, *args):
    """read(*args), or None with its refusal added to problems: one bad cell does not hide the next."""
    try:
        return read(*args)
    except DrafterError as e:
        problems.append(e.message)
        return None


def _year(v) -> int | None:
    t = str(v).strip().removesuffix(".0") if v is not None else ""
    return int(t) if re.fullmatch(r"\d{4}", t) else None


def _attach_paths(wb, out: Gathered) -> None:
    """The data path of each pre-filled row's 本年数 and 增长(%) cells, from the 元数据 that
    `drafter forms` wrote (rows a department added have none)."""
    try:
        from ..office.forms import read_meta
    except ImportError:
        return
    meta = read_meta(wb)
    if meta is None:
        return
    for f in out.figures:
        row = meta.rows.get(int(re.sub(r"\D", "", f.source.rsplit("!", 1)[1])))
        if row and row.get("指标") == f.name:
            f.paths = {c: row[c] for c in ("本年数", "增长(%)") if row.get(c)}


def _read_meta(ws) -> dict[str, str]:
    meta: dict[str, str] = {}
    for row in ws.iter_rows(min_row=1, max_row=min(ws.max_row, 200), max_col=2, values_only=True):
        key = str(row[0]).strip() if row and row[0] is not None else ""
        if key in _META_KEYS and len(row) > 1 and row[1] is not None and str(row[1]).strip():
            meta.setdefault(_META_KEYS[key], str(row[1]).strip())
    return meta


def _refuse_merged(ws, shown: str) -> None:
    merged = sorted(ws.merged_cells.ranges, key=lambda m: (m.min_row, m.min_col))
    if merged:
        raise DrafterError("\n".join(
            f"{_where(shown, ws.title, m.coord)}：有合并单元格，合并会丢掉除左上角以外的值；"
            "请取消合并，每个值填在自己的单元格里" for m in merged
        ))


def _header_row(ws, first: str, shown: str, expected: tuple[str, ...]) -> int:
    """The row of the header (row 1 unless a title row was kept above it), checked cell by cell."""
    row = next((r for r in range(1, min(ws.max_row, 5) + 1) if _text(ws.cell(r, 1).value) == first), None)
    if row is None:
        got = _text(ws.cell(1, 1).value)
        raise DrafterError(
            f"{_where(shown, ws.title, 'A1')}：表头被改动，应为“{first}”，这里是“{got}”；"
            f"表头应为 {' | '.join(expected)}，请用原报表重新填写"
        )
    for col, want in enumerate(expected, start=1):
        got = _text(ws.cell(row, col).value)
        if got != want:
            coord = ws.cell(row, col).coordinate
            raise DrafterError(
                f"{_where(shown, ws.title, coord)}：表头被改动，应为“{want}”，这里是“{got}”；"
                f"表头应为 {' | '.join(expected)}，请用原报表重新填写"
            )
    return row


def _text(v) -> str:
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    return re.sub(r"\s+", " ", str(v)).strip()


def _checked_text(cell, shown: str, sheet: str) -> str:
    t = _text(cell.value)
    m = _CONTROL.search(t)
    if m:
        raise DrafterError(
            f"{_where(shown, sheet, cell.coordinate)}：含不可见的控制字符（U+{ord(m.group()):04X}），请删除"
        )
    return t


def _number(cell, shown: str, sheet: str, label: str):
    v = cell.value
    if v is None or (isinstance(v, str) and not v.strip()):
        return None
    where = _where(shown, sheet, cell.coordinate)
    if isinstance(v, (bool, datetime, date, time)):
        raise DrafterError(f"{where}（{label}）：应为数字，这里是{'逻辑值' if isinstance(v, bool) else '日期或时间'}")
    if isinstance(v, int):
        return v
    if isinstance(v, float):
        if v != v or v in (float("inf"), float("-inf")):
            raise DrafterError(f"{where}（{label}）：不是有效的数字")
        return int(v) if v.is_integer() and abs(v) < 1e15 else Decimal(repr(v))
    text = str(v).strip()
    if _PLAIN_NUMBER.match(text) and len(text.replace(".", "").lstrip("+-")) <= MAX_NUMBER_DIGITS:
        return int(text) if re.fullmatch(r"[-+]?\d+", text) else Decimal(text)
    raise DrafterError(
        f"{where}（{label}）：“{text[:20]}”不是数字；这一列只填数字，如 6 或 4.3，"
        "单位写在“单位”列，百分号、“约”“以上”等写在“备注”列"
    )


def _table(ws, columns, shown: str) -> int:
    """The row of a sheet's header, once the sheet is known to hold a plain, bounded table."""
    _refuse_merged(ws, shown)
    header = _header_row(ws, columns[0], shown, columns)
    if ws.max_row - header > MAX_ROWS:
        raise DrafterError(f"{shown} 工作表“{ws.title}”有 {ws.max_row - header} 行，超过上限 {MAX_ROWS} 行，已拒绝")
    return header


def _status(cell, shown: str, sheet: str) -> str:
    status = _checked_text(cell, shown, sheet)
    if status and status not in STATUSES:
        raise DrafterError(f"{_where(shown, sheet, cell.coordinate)}（状态）：“{status}”无效，应为 预计 / 快报 / 核实")
    return status


def _read_figures(ws, out: Gathered, shown: str, problems: list[str]) -> None:
    """Rows → out.figures; a bad cell goes to problems and its row is skipped, the rest still read."""
    header = _table(ws, HEADER, shown)
    for r in range(header + 1, ws.max_row + 1):
        cells = [ws.cell(r, c) for c in range(1, len(HEADER) + 1)]
        if all(_text(c.value) == "" for c in cells):
            continue
        before = len(problems)
        name = _collect(problems, _checked_text, cells[0], shown, ws.title)
        numbers = {c: _collect(problems, _number, cells[c - 1], shown, ws.title, label)
                   for c, label in NUMBER_COLUMNS.items()}
        status = _collect(problems, _status, cells[6], shown, ws.title)
        unit = _collect(problems, _checked_text, cells[1], shown, ws.title)
        note = _collect(problems, _checked_text, cells[7], shown, ws.title)
        if name == "":
            problems.append(f"{_where(shown, ws.title, cells[0].coordinate)}：这一行填了数，但没有写指标名称")
        if len(problems) > before or name is None:
            continue
        value, growth = numbers[5], numbers[6]
        if value is None and growth is None:
            out.blank_rows += 1  # listed by the office, not (yet) filled by the department
            continue
        at = cells[4] if value is not None else cells[5]
        out.figures.append(GFigure(
            name=name, unit=unit or None, value=value, growth=growth,
            status=status or None, dept=out.dept, source=f"{out.shown}!{at.coordinate}", topic=indicator_topic(name),
            last=numbers[3], target=numbers[4], note=note or None,
        ))


def _read_lines(ws, out: Gathered, shown: str, problems: list[str]) -> None:
    """One fact per filled cell; its topic as a material sentence's (materials.topic_of: the
    corpus bigram table and the form's department's field), each line on its own."""
    header = _table(ws, TEXT_HEADER, shown)
    prior = field_prior(out.dept)
    for r in range(header + 1, ws.max_row + 1):
        for col, part in ((1, "review"), (2, "key_tasks")):
            cell = ws.cell(r, col)
            text = _collect(problems, _checked_text, cell, shown, ws.title)
            if text:
                topic = topic_of(text, prior=prior)
                out.texts.append(GText(text, part, topic, f"{out.shown}!{ws.title}!{cell.coordinate}", out.dept))
