"""The 数据核对表 an office sends to its departments: every figure of the draft, one worksheet
per supplying department, so each clerk gets (or is mailed) only their own sheet.

Layout, chosen for a clerk who prints the sheet or fills it in on screen:
  汇总            one row per department: how many figures, how many still 预计, its sheet
  <部门>          a title row, then a frozen header row with filters; one row per figure in
                  the order the draft reads: 序号, 段落, 指标, 文稿中的句子 (wrapped), 数值,
                  单位, 数据状态, 是否预计, 数据路径, and three columns for the department to
                  fill in: 核对结果 (a 无误 / 需修改 drop-down), 修改为, 备注
  未注明部门      figures whose data gives no department (always the last sheet)
Numbers inside the office's text facts (「79个重点工业项目、技改项目建成投产」) are rows too:
指标 reads 文字中的数字, 数据路径 is the text fact's path, 数值 and 单位 are the number and the
unit written after it, and the department is the fact's own `dept` ({text: …, dept: …}), else
its section's, else — where no text of the list names one — the nearest figure's or 牵头单位
(paths.fact_dept). Figures still 预计 are shaded and marked 是 in 是否预计: they must be replaced by 快报 or
核实 numbers before the report is printed.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..atomic import atomic_write
from ..compose.numbers import format_number
from ..model import Number, Report
from ..model.depts import department
from ..writers.cells import append_row, first_sheet, save_workbook, sheet_title
from .composed import ComposedParagraph
from .facts import sentence_around
from .numbers import unit_after
from .paths import TEXT_NUMBER, fact_dept, figure_info, figures_in_text, is_text_fact

NO_DEPT = "未注明部门"
ESTIMATE_FILL = "FCE4D6"  # light orange: stands out on screen and prints as light grey
HEADER_FILL = "D9E1F2"
COLUMNS = (
    ("序号", 6), ("段落", 7), ("指标", 24), ("文稿中的句子", 60), ("数值", 10), ("单位", 9),
    ("数据状态", 9), ("是否预计", 9), ("数据路径", 30), ("核对结果", 10), ("修改为", 10), ("备注", 20),
)


@dataclass(frozen=True)
class SheetRow:
    paragraph: int  # 1-based, as in a fresh draft
    label: str
    sentence: str
    value: str | Number  # a rank in a text fact is written 第四
    unit: str
    status: str | None
    dept: str | None
    path: str

    @property
    def estimated(self) -> bool:
        return self.status == "预计"


def _one_name(report: Report, dept: str | None) -> str | None:
    """统计局 and 市统计局 are one department, one sheet (model/depts.py)."""
    return department(dept, report.meta.level, report.meta.region) if dept and dept.strip() else None


def _text_rows(report: Report, i: int, cp: ComposedParagraph, s: int, run) -> list[SheetRow]:
    """One row per number of a text fact's run (a fact split over runs counts once per run)."""
    out = []
    dept = _one_name(report, fact_dept(report, run.source.ref))
    for n in figures_in_text(run.text):
        unit = "%" if n.percent else ("位" if n.rank else unit_after(run.text, n))
        value = n.shown if n.rank else n.value
        sentence = sentence_around(cp.text, s + n.start, s + n.end, width=400)
        out.append(SheetRow(i + 1, TEXT_NUMBER, sentence, value, unit, None, dept, run.source.ref))
    return out


def sheet_rows(report: Report, composed: list[ComposedParagraph]) -> list[SheetRow]:
    """Every number run of the composition that comes from a numeric field, once per path, and
    every number of the office's text facts."""
    rows, seen = [], set()
    for i, cp in enumerate(composed):
        for s, e, run in cp.spans():
            if run.source.kind != "data" or run.source.ref in seen:
                continue
            info = figure_info(report, run.source.ref)
            if info is None:
                if is_text_fact(run.source.ref):
                    seen.add(run.source.ref)
                    rows += _text_rows(report, i, cp, s, run)
                continue
            seen.add(run.source.ref)
            rows.append(SheetRow(i + 1, info.label, sentence_around(cp.text, s, e, width=400), info.value,
                                 info.unit, info.status, _one_name(report, info.dept), info.path))
    return rows


def by_department(rows: list[SheetRow]) -> dict[str, list[SheetRow]]:
    """Departments in the order their first figure appears; 未注明部门 last."""
    groups: dict[str, list[SheetRow]] = {}
    for r in rows:
        groups.setdefault((r.dept or "").strip() or NO_DEPT, []).append(r)
    if NO_DEPT in groups:
        groups[NO_DEPT] = groups.pop(NO_DEPT)
    return groups


def _number_format(value: Number) -> str:
    text = format_number(value)
    return "0." + "0" * len(text.split(".")[1]) if "." in text else "0"


def build_workbook(report: Report, rows: list[SheetRow]):
    from openpyxl import Workbook  # openpyxl is heavy: loaded only when a workbook is written
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    meta = report.meta
    title = f"{meta.region}{meta.year}年{meta.title}数据核对表"
    thin = Side(style="thin", color="999999")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    bold = Font(bold=True)
    head_fill = PatternFill("solid", fgColor=HEADER_FILL)
    est_fill = PatternFill("solid", fgColor=ESTIMATE_FILL)
    wrap = Alignment(wrap_text=True, vertical="top")
    top = Alignment(vertical="top")

    wb = Workbook()
    summary = first_sheet(wb)
    summary.title = "汇总"
    append_row(summary, [title])
    summary["A1"].font = Font(bold=True, size=14)
    append_row(summary, ["提供部门", "数字个数", "其中预计数", "工作表"])
    for col, width in zip("ABCD", (28, 10, 12, 28), strict=True):
        summary.column_dimensions[col].width = width
    for cell in summary[2]:
        cell.font, cell.fill, cell.border = bold, head_fill, border
    summary.freeze_panes = "A3"

    used: set[str] = set()
    for dept, group in by_department(rows).items():
        ws = wb.create_sheet(sheet_title(dept, used, reserved=("汇总",)))
        estimates = sum(r.estimated for r in group)
        for cell in append_row(summary, [dept, len(group), estimates, ws.title]):
            cell.border = border
        if estimates:
            summary.cell(summary.max_row, 3).fill = est_fill

        append_row(ws, [f"{title}——{dept}（共{len(group)}个数字" + (f"，其中预计{estimates}个" if estimates else "") + "）"])
        ws["A1"].font = Font(bold=True, size=13)
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(COLUMNS))
        append_row(ws, [name for name, _ in COLUMNS])
        for i, (_, width) in enumerate(COLUMNS, start=1):
            ws.column_dimensions[get_column_letter(i)].width = width
        for cell in ws[2]:
            cell.font, cell.fill, cell.border = bold, head_fill, border
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        for n, r in enumerate(group, start=1):
            row = append_row(ws, [n, f"第{r.paragraph}段", r.label, r.sentence, r.value, r.unit,
                                  r.status or "未注明", "是" if r.estimated else "", r.path, "", "", ""])
            for cell in row:
                cell.border = border
                cell.alignment = top
            row[2].alignment = row[3].alignment = wrap
            if not isinstance(r.value, str):  # a rank in a text fact is written 第四
                row[4].number_format = _number_format(r.value)
            if r.estimated:
                for cell in row:
                    cell.fill = est_fill
        ws.freeze_panes = "A3"
        last = get_column_letter(len(COLUMNS))
        ws.auto_filter.ref = f"A2:{last}{ws.max_row}"
        check = DataValidation(type="list", formula1='"无误,需修改"', allow_blank=True)
        ws.add_data_validation(check)
        check.add(f"J3:J{max(3, ws.max_row)}")
        ws.print_title_rows = "2:2"
        ws.page_setup.orientation = "landscape"
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
    return wb


def write_sheet(report: Report, rows: list[SheetRow], path: str | Path, force: bool = False) -> None:
    wb = build_workbook(report, rows)
    atomic_write(Path(path), lambda s: save_workbook(wb, s, report.meta.date), force=force)
