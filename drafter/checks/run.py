"""`drafter check` as one library call:

    from drafter.checks.run import CheckOptions, run_check
    result = run_check("咸阳市2025.yaml", CheckOptions(draft="初稿（改）.docx",
                       report="检查结果.md", confirm_sheet="数据核对表.xlsx"))
    sys.exit(result.exit_code)     # 0: no 错误; 1: at least one 错误

The library prints nothing: the CLI prints the returned CheckResult (drafter.cli.print_check).
Output files are refused before any work is done if they exist (unless force) and written
atomically; every user mistake is a DrafterError with a Chinese message.

The phases, in order: refuse bad outputs → load and compose → the target table → the draft's
numbers and consistency (or the composed text's consistency alone) → last year's targets →
the files asked for. Each phase imports its checks when it runs, so python-docx (the draft)
and openpyxl (the sheet) load only when they are asked for.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..atomic import check_target
from ..errors import DrafterError, display_path
from ..model import Report
from ..stages import compose_report, load_with_positions
from .align import align
from .composed import ComposedParagraph, composed_paragraphs
from .consistency import check_consistency
from .draft_file import read_draft
from .facts import fact_check
from .findings import CONSISTENCY, FACTS, HINT, PREVIOUS, SUGGESTIONS_LEFT, TARGETS, Finding, at
from .origins import DraftOrigins, Origins
from .previous import check_previous
from .render import check_report_target, write_report
from .result import CheckResult
from .targets_table import target_findings, target_rows

__all__ = ["CheckOptions", "run_check"]


@dataclass(frozen=True)
class CheckOptions:
    draft: str | Path | None = None  # the draft to check (.docx, possibly edited by hand)
    previous: str | Path | None = None  # last year's report or data file
    report: str | Path | None = None  # save the findings as .txt / .md
    confirm_sheet: str | Path | None = None  # the 数据核对表 .xlsx for departments
    force: bool = False  # overwrite existing output files
    # as given to `drafter draft` for this draft: they only make the alignment tighter;
    # numbers never depend on them
    seed: int = 0
    templates: str | Path | None = None
    phrases: str | Path | None = None

    @property
    def report_path(self) -> Path | None:
        return Path(self.report) if self.report is not None else None

    @property
    def sheet_path(self) -> Path | None:
        return Path(self.confirm_sheet) if self.confirm_sheet is not None else None


def _refuse_bad_outputs(o: CheckOptions) -> None:
    report, sheet = o.report_path, o.sheet_path
    if report is not None:
        check_report_target(report)
        check_target(report, o.force)
    if sheet is not None:
        if sheet.suffix.lower() != ".xlsx":
            raise DrafterError(f"数据核对表应保存为 .xlsx：{display_path(sheet)}")
        check_target(sheet, o.force)
    if report is not None and sheet is not None and report.resolve() == sheet.resolve():
        raise DrafterError("检查报告和数据核对表不能是同一个文件")


def _check_targets(model: Report, result: CheckResult) -> None:
    result.targets = target_rows(model)
    if result.targets:
        result.ran.append(TARGETS)
        result.findings += target_findings(result.targets)


def _check_draft(model: Report, composed: list[ComposedParagraph], draft: str | Path,
                 result: CheckResult) -> None:
    """The draft's numbers against the data, and its consistency."""
    read = read_draft(draft, model)
    dparas = read.paragraphs
    al = align([c.text for c in composed], dparas)
    result.draft = Path(draft)
    result.checked = f"文稿 {display_path(draft)}"
    result.findings += fact_check(model, composed, dparas, al)
    result.findings += check_consistency(model, dparas, DraftOrigins(composed, al), docx=True)
    result.ran += [FACTS, CONSISTENCY]
    if read.suggestions:  # the draft is not final while the office has not confirmed them
        n, ex = at(dparas, read.suggestions[0])
        result.findings.append(Finding(
            CONSISTENCY, SUGGESTIONS_LEFT, HINT,
            f"文稿中还有 {len(read.suggestions)} 处绿色突出显示的建议标题或引领句（取自语料，尚未确认），"
            "稿子还不是定稿：请逐处采纳或改写，并取消绿色突出显示", n, ex))


def _check_composed(model: Report, composed: list[ComposedParagraph], result: CheckResult) -> None:
    """No draft given: the consistency of the text the data composes to."""
    paras = [c.text for c in composed]
    result.findings += check_consistency(model, paras, Origins(composed), docx=False)
    result.ran.append(CONSISTENCY)
    result.skipped.append("未给出文稿（--draft）：跳过数字核对；一致性检查针对由数据生成的文字，段落号即新生成初稿的段落号。")


def _write_outputs(model: Report, composed: list[ComposedParagraph], o: CheckOptions,
                   result: CheckResult) -> None:
    sheet_path, report_path = o.sheet_path, o.report_path
    if sheet_path is not None:
        from .sheet import by_department, sheet_rows, write_sheet  # openpyxl only when a sheet is asked for

        rows = sheet_rows(model, composed)
        write_sheet(model, rows, sheet_path, force=o.force)
        result.sheet_path = sheet_path
        result.sheet_figures = len(rows)
        result.sheet_departments = len(by_department(rows))
    if report_path is not None:
        write_report(result, report_path, force=o.force)
        result.report_path = report_path


def run_check(data: str | Path, options: CheckOptions = CheckOptions()) -> CheckResult:
    """Check DATA (and the draft made from it, if given) and write the requested files."""
    o = options
    _refuse_bad_outputs(o)
    model, loaded = load_with_positions(data)
    composed = composed_paragraphs(compose_report(model, seed=o.seed, templates=o.templates, phrases=o.phrases))
    meta = model.meta
    result = CheckResult(meta.region, meta.year, meta.level, "由数据生成的文字", loaded=loaded)
    _check_targets(model, result)
    if o.draft is not None:
        _check_draft(model, composed, o.draft, result)
    else:
        _check_composed(model, composed, result)
    if o.previous is not None:
        result.findings += check_previous(model, o.previous)
        result.ran.append(PREVIOUS)
    _write_outputs(model, composed, o, result)
    return result
