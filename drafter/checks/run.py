"""`drafter check` as one library call:

    from drafter.checks.run import run_check
    result = run_check("咸阳市2025.yaml", draft="初稿（改）.docx", report="检查结果.md",
                       confirm_sheet="数据核对表.xlsx")
    sys.exit(result.exit_code)     # 0: no 错误; 1: at least one 错误

Output files are refused before any work is done if they exist (unless force) and written
atomically; every user mistake is a DrafterError with a Chinese message.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..atomic import check_target
from ..errors import DrafterError, display_path
from .findings import CONSISTENCY, FACTS, PREVIOUS, TARGETS
from .result import CheckResult


def _prepare_outputs(report: Path | None, sheet: Path | None, force: bool) -> None:
    from .render import check_report_target

    if report is not None:
        check_report_target(report)
        check_target(report, force)
    if sheet is not None:
        if sheet.suffix.lower() != ".xlsx":
            raise DrafterError(f"数据核对表应保存为 .xlsx：{display_path(sheet)}")
        check_target(sheet, force)
    if report is not None and sheet is not None and report.resolve() == sheet.resolve():
        raise DrafterError("检查报告和数据核对表不能是同一个文件")


def run_check(
    data: str | Path,
    draft: str | Path | None = None,
    previous: str | Path | None = None,
    report: str | Path | None = None,
    confirm_sheet: str | Path | None = None,
    force: bool = False,
    console: Any = None,
    seed: int = 0,
    templates: str | Path | None = None,
    phrases: str | Path | None = None,
) -> CheckResult:
    """Check DATA (and the draft made from it, if given); print the report on `console` (a
    rich Console; None for the terminal, False for no printing) and write the requested files.

    `seed`, `templates`, `phrases`: as given to `drafter draft` for this draft. They only make
    the alignment tighter; numbers never depend on them.
    """
    from ..api import compose_report, load
    from .align import align
    from .composed import composed_paragraphs
    from .consistency import check_consistency
    from .draft_file import read_draft
    from .facts import fact_check
    from .origins import DraftOrigins, Origins
    from .previous import check_previous
    from .render import print_result, write_report
    from .sheet import by_department, sheet_rows, write_sheet
    from .targets_table import target_findings, target_rows

    report_path = Path(report) if report is not None else None
    sheet_path = Path(confirm_sheet) if confirm_sheet is not None else None
    _prepare_outputs(report_path, sheet_path, force)

    model = load(data)
    doc = compose_report(model, seed=seed, templates=templates, phrases=phrases)
    composed = composed_paragraphs(doc)
    meta = model.meta
    result = CheckResult(meta.region, meta.year, meta.level, "由数据生成的文字")

    result.targets = target_rows(model)
    if result.targets:
        result.ran.append(TARGETS)
        result.findings += target_findings(result.targets)

    if draft is not None:
        dparas = read_draft(draft, model)
        al = align([c.text for c in composed], dparas)
        result.draft = Path(draft)
        result.checked = f"文稿 {display_path(draft)}"
        result.findings += fact_check(model, composed, dparas, al)
        result.findings += check_consistency(model, dparas, DraftOrigins(composed, al), docx=True)
        result.ran += [FACTS, CONSISTENCY]
    else:
        paras = [c.text for c in composed]
        result.findings += check_consistency(model, paras, Origins(composed), docx=False)
        result.ran.append(CONSISTENCY)
        result.skipped.append("未给出文稿（--draft）：跳过数字核对；一致性检查针对由数据生成的文字，段落号即新生成初稿的段落号。")

    if previous is not None:
        result.findings += check_previous(model, previous)
        result.ran.append(PREVIOUS)

    if sheet_path is not None:
        rows = sheet_rows(model, composed)
        write_sheet(model, rows, sheet_path, force=force)
        result.sheet_path = sheet_path
        result.sheet_figures = len(rows)
        result.sheet_departments = len(by_department(rows))
    if report_path is not None:
        write_report(result, report_path, force=force)
        result.report_path = report_path

    if console is not False:
        from rich.console import Console
        from rich.text import Text

        console = console or Console()
        print_result(result, console)
        if result.sheet_path is not None:
            console.print(Text(f"已写出数据核对表 {display_path(result.sheet_path)}"
                               f"（{result.sheet_figures} 个数字，{result.sheet_departments} 个部门）"))
        if result.report_path is not None:
            console.print(Text(f"已写出检查报告 {display_path(result.report_path)}"))
    return result
