"""`drafter forms DATA -o FORMS_DIR`: one .xlsx per supplying department, listing the figures
it supplies, for the department to fill in and return (`drafter gather` reads them back).

Years. The forms collect what the draft of `meta.year` (Y) needs: figures of the year it
reviews. In the forms 本年 is that year (Y-1, the year of the department's 年度工作总结),
上年 is Y-2 and 明年 is Y — the words a department uses when it reports in December.

Rows. Every figure the data names a department for, in the data's order: review figures
(headline, highlights, sections, self-building: 本年数 / 增长 / 状态), last year's targets
(review.checks: 本年目标 = value; the actual in 增长(%) for a growth target, else in 本年数;
状态 = actual_status; department actual_dept or dept; a target of two indicators, 城镇和农村…
分别增长, is a row each, the second filling value2 / actual2), this year's targets
(targets.indicators) and numeric key-task measures (listed for their department; their own
value is 明年's target and has no column, so it is only recorded in 元数据). One indicator of
one department is one row (same name or catalogue alias, one unit): 生产总值 亿元 and the
地区生产总值 growth target share it, its 增长(%) cell filling both the headline growth and the
target's actual (元数据 lists both paths, space-separated). A figure without
a department goes to the one the catalogue (catalogue.py) gives its name, else it is left out
and reported. Then the catalogue's indicators the data does not name at all. 上年数 has no
field in the data model: it is left for the department.

Layout — a contract with `drafter gather`, do not change it lightly:

    数据          row 1: 指标 | 单位 | 上年数 | 本年目标 | 本年数 | 增长(%) | 状态 | 备注 (HEADER)
                  rows 2…: one per figure; a department adds rows below the listed ones
                  状态: a 预计 / 快报 / 核实 list validation; 上年数…增长(%): decimal validation
    工作和措施    row 1: 主要工作和成效 | 明年主要措施; one short line per row
    填写说明      instructions in Chinese
    元数据        hidden. Rows 1…: key | value (META_KEYS: 格式, 部门, 地区, 层级, 年度 (the
                  report's meta.year), 本年 (年度 - 1), 数据文件, 预填行数), a blank row, then META_HEADER and one line per
                  listed row: its row number in 数据, name, unit, and for each value column
                  the data path that cell belongs to ("" if none), 明年目标's path, 来源
                  (数据 / 目录)

Sheets are protected without a password (Excel/WPS: 审阅 → 撤销工作表保护): header cells
and the names of listed rows are locked, every other cell of the first rows is unlocked, and
inserting, deleting or sorting rows is off, so row numbers in 元数据 stay right. Every text
cell is written through writers.cells.set_value: a department named 「=1+1」 stays text.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from functools import partial
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from ..atomic import atomic_write, check_target
from ..errors import DrafterError, display_path
from ..model import Figure, Report, Target, TargetCheck
from ..model.depts import merged_parts
from ..readers import load_report
from ..writers.cells import first_sheet, put, save_workbook
from .catalogue import catalogue_dept, catalogue_for, catalogue_unit, department, known_names

__all__ = [
    "DATA_SHEET", "WORK_SHEET", "HELP_SHEET", "META_SHEET", "HEADER", "WORK_HEADER", "META_KEYS",
    "META_HEADER", "STATUS_CHOICES", "FORMAT", "FormRow", "FormFile", "FormsResult", "FormMeta",
    "form_rows", "form_workbook", "write_forms", "read_meta", "safe_file_name",
]

FORMAT = "drafter-forms-1"
DATA_SHEET, WORK_SHEET, HELP_SHEET, META_SHEET = "数据", "工作和措施", "填写说明", "元数据"
HEADER = ("指标", "单位", "上年数", "本年目标", "本年数", "增长(%)", "状态", "备注")
VALUE_COLUMNS = ("上年数", "本年目标", "本年数", "增长(%)")
WORK_HEADER = ("主要工作和成效", "明年主要措施")
STATUS_CHOICES = ("预计", "快报", "核实")
META_KEYS = ("格式", "部门", "地区", "层级", "年度", "本年", "数据文件", "预填行数")  # 年度: the report's
META_HEADER = ("行", "指标", "单位", "上年数", "本年目标", "本年数", "增长(%)", "状态", "明年目标", "来源")
# Columns after META_HEADER, read when present (a form made before them still reads): 备注 holds
# the path a 备注 answers (a task the level above set: 已完成 / 未完成 → done).
META_EXTRA = ("备注",)
SPARE_ROWS = 100  # unlocked, validated rows below the listed ones for the department's own
WORK_ROWS = 100
_COL = {name: i for i, name in enumerate(HEADER, 1)}


# columns one number may fill for two entries: a growth check's actual is the year's growth,
# the same number as its headline figure's growth (and their statuses one status)
SHARED_COLUMNS = ("增长(%)", "状态")


@dataclass
class FormRow:
    name: str
    unit: str
    values: dict[str, Any] = field(default_factory=dict)  # column → number from the data
    status: str | None = None
    paths: dict[str, list[str]] = field(default_factory=dict)  # column (META_HEADER) → data paths
    origin: str = "数据"  # 数据 / 目录
    target_note: str | None = None  # 本年目标 is a growth target on a row of an amount: said in a comment

    def takes(self, other: FormRow) -> bool:
        """Whether `other` is the same indicator's other cells (so they are one row): no cell
        both fill, except the year's growth and its status, and no two units."""
        clash = (set(self.paths) & set(other.paths)) - set(SHARED_COLUMNS)
        units = {r.unit for r in (self, other) if r.unit and set(r.paths) != {"明年目标"}}  # 明年目标 has no column
        return not clash and len(units) <= 1

    def merge(self, other: FormRow) -> None:
        for column, value in other.values.items():
            if self.values.get(column) is None:
                self.values[column] = value
        for column, paths in other.paths.items():
            self.paths[column] = self.paths.get(column, []) + [p for p in paths if p not in self.paths.get(column, [])]
        if set(other.paths) != {"明年目标"}:  # a plan target's unit is of no cell on this row
            self.unit = self.unit or other.unit
        self.status = self.status or other.status
        self.target_note = self.target_note or other.target_note


@dataclass
class FormFile:
    dept: str
    path: Path
    rows: int  # rows listed
    prefilled: int  # of which carry a number from the data


@dataclass
class FormsResult:
    files: list[FormFile]
    unassigned: list[str]  # data paths of figures no department was found for


# --- rows ------------------------------------------------------------------------------------


def _walk(obj: Any, path: str) -> Iterator[tuple[str, Any]]:
    if isinstance(obj, (Figure, Target)):
        yield path, obj
    if isinstance(obj, BaseModel):
        for name in type(obj).model_fields:
            yield from _walk(getattr(obj, name), f"{path}.{name}" if path else name)
    elif isinstance(obj, list):
        for i, item in enumerate(obj):
            yield from _walk(item, f"{path}[{i}]")


def _number(v: Any) -> Any:
    return v if isinstance(v, (int, float, Decimal)) and not isinstance(v, bool) else None


def split_names(name: str) -> tuple[str, str] | None:
    """「城镇和农村居民人均可支配收入」→ 城镇居民…、农村居民…: the two indicators of a check
    written 「分别增长5%、7%」 (the first part takes the second's tail past its own length)."""
    head, sep, rest = name.partition("和")
    if not sep or not head or len(rest) <= len(head):
        return None
    return head + rest[len(head):], rest


def _check_rows(path: str, obj: TargetCheck) -> list[FormRow]:
    """A last year's target: 本年目标 is its value; its actual goes where the number belongs —
    增长(%) for a growth target (the actual is the year's growth), else 本年数. A target of two
    indicators (value2: 分别增长) is one row each, the second filling actual2."""
    growth = obj.kind == "growth" and obj.unit in (None, "%")
    column = "增长(%)" if growth else "本年数"
    parts = split_names(obj.name) if obj.value2 is not None else None
    names = parts or (obj.name,)
    rows = []
    for i, name in enumerate(names):
        suffix = "2" if i else ""
        unit = (catalogue_unit(name) or "") if growth else _target_unit(obj)
        row = FormRow(name, unit, status=obj.actual_status,
                      paths={"本年目标": [f"{path}.value{suffix}"], column: [f"{path}.actual{suffix}"],
                             "状态": [f"{path}.actual_status"]})
        target = _number(obj.value2 if i else obj.value)
        row.values = {"本年目标": target, column: _number(obj.actual2 if i else obj.actual)}
        if obj.assigned_by_superior:  # 完成上级下达任务: no number to give, 备注 says done or not
            row.paths = {"备注": [f"{path}.done"], "状态": [f"{path}.actual_status"]}
            row.values = {}
            row.target_note = f"本年目标：{obj.qualifier}；请在备注中写“已完成”或“未完成”"
        elif growth:
            row.target_note = f"本年目标为增长目标：增长{target if target is not None else '……'}%{obj.qualifier or ''}"
        rows.append(row)
    return rows


def _target_unit(t: Target) -> str:
    return t.effective_unit


def _rows(path: str, obj: Any) -> tuple[list[FormRow], str | None]:
    """The rows a figure or target makes, and the department the data names for it."""
    if isinstance(obj, TargetCheck):
        return _check_rows(path, obj), obj.actual_dept or obj.dept
    if isinstance(obj, Target):
        if obj.as_text:  # 生态环境质量持续改善: no number for a department to report
            return [], obj.dept
        return [FormRow(obj.name, _target_unit(obj), paths={"明年目标": [f"{path}.value"]})], obj.dept
    if path.startswith("review."):
        row = FormRow(obj.name, obj.unit or catalogue_unit(obj.name) or "", status=obj.status,
                      paths={"本年数": [f"{path}.value"], "增长(%)": [f"{path}.growth"], "状态": [f"{path}.status"]})
        row.values = {"本年数": _number(obj.value), "增长(%)": _number(obj.growth)}
        return [row], obj.dept
    return [FormRow(obj.name, obj.unit or "", paths={"明年目标": [f"{path}.value"]})], obj.dept  # a plan measure


def _same_indicator(a: FormRow, b: FormRow) -> bool:
    return a.name == b.name or bool(known_names(a.name) & known_names(b.name))


def form_rows(report: Report) -> tuple[dict[str, list[FormRow]], list[str]]:
    """{department: its rows} in the order departments first appear (catalogue-only ones
    last), and the figures no department could be found for (「name（path）」). One indicator
    of one department is one row (生产总值 in 亿元 and the 地区生产总值 growth target)."""
    level = report.meta.level
    groups: dict[str, list[FormRow]] = {}
    unassigned: list[str] = []
    named: set[str] = set()
    made = [(path, obj, *_rows(path, obj)) for path, obj in _walk(report, "") if (obj.name or "").strip()]
    # a merged bureau named anywhere (县教体局) supplies its parts' catalogue indicators
    merged = merged_parts({department(d, level, report.meta.region) for *_, d in made if d and d.strip()}, level)
    for path, obj, rows_made, typed in made:
        for row in rows_made:
            dept = (department(typed, level, report.meta.region) if typed and typed.strip()
                    else catalogue_dept(row.name, level, merged) or catalogue_dept(obj.name, level, merged))
            named |= known_names(row.name)
            if dept is None:
                if f"{obj.name}（{path}）" not in unassigned:
                    unassigned.append(f"{obj.name}（{path}）")
                continue
            rows = groups.setdefault(dept, [])
            same = next((r for r in rows if _same_indicator(r, row) and r.takes(row)), None)
            if same is not None:
                same.merge(row)
            else:
                rows.append(row)
    for dept, items in catalogue_for(level, merged).items():
        for ind in items:
            if ind.name not in named:
                groups.setdefault(dept, []).append(FormRow(ind.name, ind.unit, origin="目录"))
    return {d: rows for d, rows in groups.items() if rows}, unassigned


# --- the workbook ----------------------------------------------------------------------------


def _cell_number(cell, value: Any) -> None:
    """A number as a number, showing the decimals the office typed (4.10 stays 4.10)."""
    if isinstance(value, Decimal):
        exponent = value.as_tuple().exponent  # a str only for NaN and infinities, which the model refuses
        places = max(0, -exponent) if isinstance(exponent, int) else 0
        cell.value = int(value) if places == 0 else float(value)
        if places:
            cell.number_format = "0." + "0" * places
    else:
        cell.value = value


def _protect(ws) -> None:
    """Locked cells stay as they are; widths may change; rows may not move."""
    p = ws.protection
    p.sheet = True
    p.formatColumns = False
    p.formatRows = False
    p.selectLockedCells = False
    p.selectUnlockedCells = False


def _header(ws, names: tuple[str, ...], widths: tuple[int, ...]) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill  # openpyxl is heavy: loaded only when a workbook is written
    from openpyxl.utils import get_column_letter

    for col, (name, width) in enumerate(zip(names, widths, strict=True), 1):
        cell = put(ws, 1, col, name)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="D9E1F2")
        cell.alignment = Alignment(horizontal="center", vertical="center")
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.freeze_panes = "A2"


def _unlock(ws, first: int, last: int, columns: int, wrap: bool = False) -> None:
    from openpyxl.styles import Alignment, Protection  # openpyxl is heavy: loaded only when a workbook is written

    for row in ws.iter_rows(min_row=first, max_row=last, max_col=columns):
        for cell in row:
            cell.protection = Protection(locked=False)
            if wrap:
                cell.alignment = Alignment(wrap_text=True, vertical="top")


def header_notes(year: int) -> dict[str, str]:
    """The year each value column means, as comments on the header cells: the header text is
    a contract with gather and stays 本年数, but a department reporting in December should
    not have to work out which year 本年 is (year: the report's meta.year)."""
    return {
        "上年数": f"上年数 = {year - 2}年数",
        "本年目标": f"本年目标 = {year - 1}年目标（{year - 1}年政府工作报告确定）",
        "本年数": f"本年数 = {year - 1}年数（全年数，未出数的填预计数）",
        "增长(%)": f"增长 = {year - 1}年比{year - 2}年增长的百分数",
    }


def _data_sheet(ws, rows: list[FormRow], year: int) -> None:
    from openpyxl.comments import Comment  # openpyxl is heavy: loaded only when a workbook is written
    from openpyxl.styles import Protection
    from openpyxl.worksheet.datavalidation import DataValidation

    _header(ws, HEADER, (30, 10, 12, 12, 12, 10, 9, 30))
    for column, note in header_notes(year).items():
        ws.cell(1, _COL[column]).comment = Comment(note, "drafter")
    last = len(rows) + 1 + SPARE_ROWS
    _unlock(ws, 2, last, len(HEADER))
    for r, row in enumerate(rows, 2):
        put(ws, r, _COL["指标"], row.name).protection = Protection(locked=True)  # the row's key
        if row.unit:
            put(ws, r, _COL["单位"], row.unit)
        for col, value in row.values.items():
            if value is not None:
                _cell_number(ws.cell(r, _COL[col]), value)
        if row.status:
            put(ws, r, _COL["状态"], row.status)
        if row.target_note:
            ws.cell(r, _COL["本年目标"]).comment = Comment(row.target_note, "drafter")
    status = DataValidation(type="list", formula1='"' + ",".join(STATUS_CHOICES) + '"', allow_blank=True,
                            showErrorMessage=True, errorTitle="数据状态", error="请从下拉列表中选择：预计、快报或核实",
                            promptTitle="数据状态", prompt="预计 / 快报 / 核实", showInputMessage=True)
    status.add(f"G2:G{last}")
    number = DataValidation(type="decimal", operator="between", formula1="-1000000000000",
                            formula2="1000000000000", allow_blank=True, showErrorMessage=True,
                            errorTitle="只能填数字", error="这里只能填数字，不要带单位或百分号，如 4.3；下降写负数，如 -4.1")
    number.add(f"C2:F{last}")
    ws.add_data_validation(status)
    ws.add_data_validation(number)
    _protect(ws)


def _work_sheet(ws) -> None:
    _header(ws, WORK_HEADER, (60, 60))
    _unlock(ws, 2, 1 + WORK_ROWS, len(WORK_HEADER), wrap=True)
    _protect(ws)


def _help_lines(dept: str, report: Report) -> list[str]:
    y = report.meta.year
    region = report.meta.region
    return [
        f"{region}{y}年政府工作报告数据报送表",
        "",
        "报送部门：",
        dept,
        "",
        f"本表的“本年”指{y - 1}年（报告回顾的年度），“上年”指{y - 2}年，“明年”指{y}年。",
        "填好后请保留原文件名，发回报告起草组（政府研究室或政府办公室）。",
        "",
        "“数据”表各列：",
        "指标：指标或事项的名称。已列出的指标名称已锁定，请勿改动。",
        "单位：上年数、本年目标、本年数的单位，如 亿元、万人、家。单位为“%”的行，三列都是百分数（如增速目标和实际增速）。",
        f"上年数：{y - 2}年的数值。",
        f"本年目标：{y - 1}年政府工作报告确定的目标，已按上年报告预填；与实际不符的请在备注中说明。"
        "增长目标（如增长6%）与总量写在同一行时，本年目标是百分数，单元格批注会注明；其实际完成情况填在“增长(%)”列。",
        f"本年数：{y - 1}年的实际数值（全年数；尚未出数的填预计数）。",
        "增长(%)：本年数比上年数增长的百分数，只写数字，如 4.3；下降写负数，如 -4.1。",
        "状态：从下拉列表选择。预计：尚未出数的预计值；快报：已发布的快报数；核实：经核实的正式数据。",
        "备注：约数和限定写在这里，会写进初稿：约、余、超、近、多（约120亿元），以上、左右、以内（增长4%左右），"
        "排名如“列全省第1”“居全市第2”；其他说明（口径、与全省全国的比较等）也会作为补充说明写进初稿，请写成可以接在数字后面的短语。",
        "",
        "数字格只能填数字，不要带单位、百分号或文字。",
        "表中没有列出、但本部门提供的指标，请在已列出的指标下方接着填写，每个指标一行。",
        "",
        "“工作和措施”表：",
        f"主要工作和成效：{y - 1}年的主要工作和成效，每行一条短句（一句话、一件事），有数字的请写明数字和单位。",
        f"明年主要措施：{y}年的主要措施和目标，每行一条短句。",
        "",
        "请勿改动工作表名称（数据、工作和措施、填写说明）和表头，不要插入、删除或合并单元格。",
        "工作表已加保护（无密码），只为防止误改表头。隐藏的“元数据”表供汇总使用，请勿修改。",
    ]


def _help_sheet(ws, dept: str, report: Report) -> None:
    from openpyxl.styles import Alignment, Font  # openpyxl is heavy: loaded only when a workbook is written

    ws.column_dimensions["A"].width = 100
    for r, line in enumerate(_help_lines(dept, report), 1):
        if line:
            cell = put(ws, r, 1, line)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            if r == 1:
                cell.font = Font(bold=True, size=14)
    _protect(ws)


def _meta_sheet(ws, dept: str, report: Report, rows: list[FormRow], data_name: str) -> None:
    values = (FORMAT, dept, report.meta.region, report.meta.level, report.meta.year, report.meta.year - 1,
              data_name, len(rows))
    for r, (key, value) in enumerate(zip(META_KEYS, values, strict=True), 1):
        put(ws, r, 1, key)
        put(ws, r, 2, value)
    top = len(META_KEYS) + 2
    for col, name in enumerate(META_HEADER + META_EXTRA, 1):
        put(ws, top, col, name)
    for i, row in enumerate(rows):
        # a cell two entries share (a headline growth and its check's actual) lists both, space-separated
        line = (i + 2, row.name, row.unit, *(" ".join(row.paths.get(c, [])) for c in META_HEADER[3:9]), row.origin,
                *(" ".join(row.paths.get(c, [])) for c in META_EXTRA))
        for col, cell_value in enumerate(line, 1):
            put(ws, top + 1 + i, col, cell_value)
    ws.sheet_state = "hidden"
    _protect(ws)


def form_workbook(dept: str, rows: list[FormRow], report: Report, data_name: str = ""):
    from openpyxl import Workbook  # openpyxl is heavy: loaded only when a workbook is written

    wb = Workbook()
    data_sheet = first_sheet(wb)
    _data_sheet(data_sheet, rows, report.meta.year)
    data_sheet.title = DATA_SHEET
    _work_sheet(wb.create_sheet(WORK_SHEET))
    _help_sheet(wb.create_sheet(HELP_SHEET), dept, report)
    _meta_sheet(wb.create_sheet(META_SHEET), dept, report, rows, data_name)
    wb.active = 0
    return wb


# --- files -----------------------------------------------------------------------------------

_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}
MAX_NAME = 60  # characters of the department's name kept in the file name


def safe_file_name(dept: str, used: set[str]) -> str:
    """`dept`.xlsx with what Windows, macOS and Linux refuse replaced; unique ignoring case."""
    base = _UNSAFE.sub("_", dept).strip(" .")[:MAX_NAME].strip(" .") or "部门"
    if base.upper() in _RESERVED:
        base = "_" + base
    name, n = base, 2
    while name.casefold() in used:
        name = f"{base}({n})"
        n += 1
    used.add(name.casefold())
    return name + ".xlsx"


def _out_dir(out: Path) -> None:
    if out.is_dir():
        return
    if out.exists() or out.is_symlink():
        raise DrafterError(f"{display_path(out)} 不是文件夹：-o 请给出存放表格的文件夹")
    if not out.parent.is_dir():
        raise DrafterError(f"输出文件夹的上级文件夹不存在：{display_path(out.parent)}，请先创建")
    try:
        os.mkdir(out)
    except OSError as e:
        raise DrafterError(f"无法创建文件夹 {display_path(out)}：{e.strerror or e}") from None


def write_forms(data: str | Path, out: str | Path, force: bool = False) -> FormsResult:
    """One form per department in `out` (created if missing). Every target is checked before
    anything is written; each file is written atomically."""
    report = load_report(data)
    groups, unassigned = form_rows(report)
    if not groups:
        raise DrafterError("数据中没有任何指标，无法生成报送表")
    out = Path(out)
    _out_dir(out)
    used: set[str] = set()
    plan = [(dept, rows, out / safe_file_name(dept, used)) for dept, rows in groups.items()]
    for _, _, path in plan:
        if not force and (path.exists() or path.is_symlink()):  # check_target speaks of a draft (文稿)
            raise DrafterError(f"{display_path(path)} 已存在，未覆盖（表格可能已有部门填写的内容）。换一个文件夹，或加 --force 覆盖")
        check_target(path, force)
    files = []
    for dept, rows, path in plan:
        wb = form_workbook(dept, rows, report, Path(data).name)
        atomic_write(path, partial(save_workbook, wb, day=report.meta.date), force=force)
        prefilled = sum(1 for r in rows if any(v is not None for v in r.values.values()))
        files.append(FormFile(dept, path, len(rows), prefilled))
    return FormsResult(files, unassigned)


# --- reading the metadata back (for gather) --------------------------------------------------


@dataclass
class FormMeta:
    info: dict[str, Any]  # META_KEYS → value
    rows: dict[int, dict[str, str]]  # row number in 数据 → META_HEADER column → value


def read_meta(wb) -> FormMeta | None:
    """The hidden 元数据 of a form opened with openpyxl; None if it has none (a form the
    office did not make, or one whose metadata was removed)."""
    if META_SHEET not in wb.sheetnames:
        return None
    ws = wb[META_SHEET]
    info: dict[str, Any] = {}
    rows: dict[int, dict[str, str]] = {}
    header_row = None
    header: tuple = META_HEADER
    width = len(META_HEADER) + len(META_EXTRA)
    for r, cells in enumerate(ws.iter_rows(values_only=True), 1):
        values = list(cells) + [None] * width  # padded: a short row reads as blanks
        if header_row is None:
            if tuple(values[: len(META_HEADER)]) == META_HEADER:
                header_row = r
                extra = tuple(values[len(META_HEADER):width])
                header = META_HEADER + tuple(c for c in extra if c in META_EXTRA)
            elif values[0] in META_KEYS:
                info[values[0]] = values[1]
            continue
        if isinstance(values[0], (int, float)) and values[0] >= 2:
            rows[int(values[0])] = {k: ("" if v is None else str(v)) for k, v in zip(header[1:], values[1:len(header)], strict=True)}
    if info.get("格式") != FORMAT:
        return None
    return FormMeta(info, rows)
