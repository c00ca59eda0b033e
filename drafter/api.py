"""The library behind the CLI: everything `drafter` does, callable from Python. Nothing here
prints; every command returns its result and drafter.cli prints it.

    from drafter.api import draft
    result = draft("examples/xianyang_2024.yaml", "初稿.docx", seed=1, annotate=True)
    result.placeholders  # what is still to be filled
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .atomic import Input, atomic_write_text, refuse_input_as_output
from .checks.plausible import doubtful_values
from .datapath import DataPath
from .errors import DrafterError, display_path
from .model import Report
from .model.meta import level_problem, year_problem
from .pipeline import DraftOptions, DraftResult, run, unused_values
from .readers.yaml_data import DATA_SUFFIXES as _DATA_SUFFIXES
from .phrases.bank import default_bank, load_bank
from .skeleton import SCHEMA_FILE, data_file_target, make_data_folder, schema_json, skeleton_yaml
from .stages import bank_option, compose_report, load, load_with_positions, prepare_output, write_schema_beside

__all__ = [
    "draft", "outline", "check", "validate", "init", "init_from", "division", "mine", "schema",
    "parse_structure", "find_phrases", "gather", "forms", "check_typed_text", "write_schema_beside",
    "schema_left_beside", "written_at", "office_files",
    # the stages and the pipeline, for Python callers
    "DraftOptions", "DraftResult", "ValidateResult", "run", "load", "load_with_positions",
    "compose_report", "bank_option", "prepare_output", "unused_values",
]


@dataclass
class ValidateResult:
    report: Report
    unused: list = field(default_factory=list)  # Problem: file:line:column, path, why
    doubtful: list = field(default_factory=list)  # Problem: a figure given twice, a growth of 8600 % …


def validate(data: str | Path, seed: int = 0, templates: str | Path | None = None,
             phrases: str | Path | None = None) -> ValidateResult:
    """Check the data (every problem at once, as DataErrors) and compose it once, to say which
    values the draft will not state and why."""
    _check_templates(templates)
    report, loaded = load_with_positions(data)
    doc = compose_report(report, seed=seed, templates=templates, phrases=phrases)
    return ValidateResult(report, unused_values(loaded, doc), doubtful_values(report, loaded))


def draft(
    data: str | Path,
    out: str | Path,
    fmt: str | None = None,
    seed: int = 0,
    templates: str | Path | None = None,
    style: str | Path | None = None,
    force: bool = False,
    phrases: str | Path | None = None,
    annotate: bool = False,
) -> DraftResult:
    """Data file or folder → a draft at `out`. Nothing is written if anything fails.
    `annotate`: a Word comment on every figure from the data, naming its data path, the
    department that supplied it and its status (.docx only; `result.comments` counts them)."""
    _check_draft_inputs(data, out, style, templates, phrases)
    options = DraftOptions(fmt, seed, templates, style, force, phrases, annotate=annotate)
    return run(data, out, options)




def written_at(loaded, ref: str) -> str:
    """`file:line:column` in the user's own file of a data path of the merged data (a
    placeholder's, a check's), or of its nearest parent written there; "" when none is."""
    path = DataPath.of(ref) if loaded is not None else None
    pos = loaded.where(path) if path is not None else None
    return f"{pos.file}:{pos.line}:{pos.column}" if pos else ""


def _check_draft_inputs(data, out, style, templates, phrases) -> None:
    """Mistakes in a command's files refused before any work: an output that is an input, a
    --templates file (a --format the output's name contradicts and a missing --style:
    stages.prepare_output, which every command writing a document goes through first)."""
    refuse_input_as_output(out, [("数据文件", data, _DATA_SUFFIXES), ("版式文件", style),
                                 ("模板", templates), ("短语库", phrases)])
    _check_templates(templates)


def _check_templates(templates: str | Path | None) -> None:
    if templates is not None and Path(templates).exists() and not Path(templates).is_dir():
        raise DrafterError(f"--templates 应为存放模板的文件夹，{display_path(Path(templates))} 是一个文件")


def outline(
    data: str | Path,
    out: str | Path,
    fmt: str | None = None,
    seed: int = 0,
    templates: str | Path | None = None,
    style: str | Path | None = None,
    force: bool = False,
    phrases: str | Path | None = None,
) -> DraftResult:
    """`drafter outline DATA -o 提纲.docx`: the draft's headings and lead phrases only (same
    seed and phrase bank give the same wording as the draft)."""
    _check_draft_inputs(data, out, style, templates, phrases)
    return run(data, out, DraftOptions(fmt, seed, templates, style, force, phrases, outline=True))


def check(
    data: str | Path,
    draft: str | Path | None = None,
    previous: str | Path | None = None,
    report: str | Path | None = None,
    confirm_sheet: str | Path | None = None,
    force: bool = False,
    seed: int = 0,
    templates: str | Path | None = None,
    phrases: str | Path | None = None,
):
    """`drafter check`: the data's targets, the draft's numbers and consistency, last year's
    targets → a CheckResult (printed by the CLI; `exit_code` 1 when there is an 错误)."""
    from .checks.run import CheckOptions, run_check  # this command only: keeps it off the draft path

    read: list[Input] = [("数据文件", data, _DATA_SUFFIXES), ("要核对的文稿", draft), ("上年的文件", previous, _DATA_SUFFIXES)]
    for written in (report, confirm_sheet):
        if written is not None:
            refuse_input_as_output(written, read)
    _check_templates(templates)
    options = CheckOptions(draft, previous, report, confirm_sheet, force, seed, templates, phrases)
    return run_check(data, options)


def check_typed_text(option: str, value: str | None) -> None:
    """Text typed on the command line that goes into a YAML skeleton must be one line of
    printable text: a newline or control character would break the file's structure."""
    if value is None:
        return
    bad = next((c for c in value if unicodedata.category(c) in ("Cc", "Cf", "Cs", "Zl", "Zp")), None)
    if bad is not None:
        kind = "换行" if bad in "\n\r\x85\u2028\u2029" else "控制字符"
        raise DrafterError(f"{option} 含有{kind}（U+{ord(bad):04X}），只能是一行文字")


def init(path: str | Path, region: str, level: str, year: int, force: bool = False) -> list[Path]:
    """Write a commented skeleton data file (and the JSON Schema beside it for editors)."""

    path = Path(path)
    check_typed_text("--region", region)
    check_typed_text("--level", level)
    if problem := level_problem(level):
        raise DrafterError(problem)
    if not region.strip():
        raise DrafterError("地区名称不能为空")
    if problem := year_problem(year):
        raise DrafterError(problem)
    path = data_file_target(path, region.strip(), year, force)  # a folder: <folder>/<地区><年>.yaml
    make_data_folder(path)  # -o 新文件夹 (no suffix, not there yet)
    atomic_write_text(path, skeleton_yaml(region.strip(), level, year), force=force)
    return [path, *write_schema_beside(path)]


def init_from(path: str | Path, last: str | Path, force: bool = False, region: str | None = None,
              level: str | None = None, year: int | None = None) -> list[Path]:
    """`drafter init --from`: this year's data file pre-filled from last year's report (.docx /
    .txt) or data file (.yaml), and the JSON Schema beside it. Returns the files written."""
    from .lastyear import init_from as from_last  # this command only: keeps it off the draft path

    check_typed_text("--from 的文件名", Path(last).name)
    refuse_input_as_output(path, [("去年的文件", last, _DATA_SUFFIXES)])
    return from_last(path, last, force=force, region=region, level=level, year=year)


def schema_left_beside(path: str | Path) -> Path | None:
    """The drafter.schema.json beside a data file when it differs from this version's: init
    leaves it as it is (it may be the office's own), and the CLI says so."""
    schema_path = Path(path).parent / SCHEMA_FILE
    try:
        same = schema_path.read_text(encoding="utf-8", errors="replace") == schema_json()
    except OSError:
        return None
    return None if same else schema_path


def schema() -> str:
    """The data file's JSON Schema (for editors' completion and checking)."""

    return schema_json()


def division(data: str | Path, out: str | Path, style: str | Path | None = None, force: bool = False,
             templates: str | Path | None = None):
    """`drafter division`: 部门分工 (.docx) or its tracking sheet (.xlsx) → a DivisionResult
    (items, items without units, placeholders). `templates`: a folder whose division.j2 words it."""
    from .office import write_division  # this command only: keeps it off the draft path

    refuse_input_as_output(out, [("数据文件", data, _DATA_SUFFIXES), ("版式文件", style), ("模板", templates)])
    _check_templates(templates)
    return write_division(data, out, style=style, force=force, templates=templates)


def mine(corpus: str | Path, out: str | Path | None = None, jobs: int = 1, force: bool = False,
         progress: Callable[[str, int, int], None] | None = None):
    """`drafter mine`: a phrase bank from past reports (jieba, loaded here only) → a MineResult.
    `out` None: phrases.json in the corpus folder. `progress(name, done, total)`: called per
    report (the CLI draws a bar with it)."""
    from .mine import mine as run_mine  # this command only: keeps it off the draft path

    target = Path(out) if out is not None else Path(corpus) / "phrases.json"
    refuse_input_as_output(target, [("语料中的报告", corpus, (".txt", ".docx"))])
    return run_mine(corpus, target, jobs=jobs, progress=progress, overwrite=force)


def parse_structure(path: str | Path) -> str:
    """An existing report (.txt/.docx) → its structure as JSON text (parts, sections, leads)."""
    from .parse import parse_report, to_json  # this command only: keeps it off the draft path

    if Path(path).suffix.lower() in (".yaml", ".yml", ".json"):
        raise DrafterError(f"{display_path(Path(path))} 是数据文件，不是报告：parse 只解析已有报告（.txt / .docx）")
    return json.dumps(to_json(parse_report(path)), ensure_ascii=False, indent=2) + "\n"


KINDS = ("formula", "heading", "lead", "number", "expression")
PARTS = ("opening", "review", "targets", "key_tasks", "self_building", "closing")


def find_phrases(query: str = "", kind: str | None = None, part: str | None = None, phrases=None):
    """Entries of the phrase bank matching `query` → (entries, bank size)."""

    if kind is not None and kind not in KINDS:
        raise DrafterError(f"类别“{kind}”无效，可用：{'、'.join(KINDS)}")
    if part is not None and part not in PARTS:
        raise DrafterError(f"位置“{part}”无效，可用：{'、'.join(PARTS)}")
    bank = load_bank(phrases) if phrases is not None else default_bank()
    if not len(bank):
        raise DrafterError("短语库是空的：请先运行 drafter mine 语料目录 生成短语库")
    return bank.query(query, kind=kind, part=part), len(bank)


def gather(inputs, data_dir: str | Path, force: bool = False, dept: str | None = None):
    """Returned forms (.xlsx) and department materials (.docx/.txt) → YAML fragments in
    `data_dir`, drafted together with the office's own files. Returns a GatherResult whose
    `summary` says what came from where and which departments sent nothing."""
    from .gather import gather as run  # this command only: keeps it off the draft path

    return run(list(inputs), data_dir, force=force, dept=dept)


def office_files(folder: str | Path) -> list[Path]:
    """The data files in a folder that `gather` did not write (the office's: meta and the rest)."""
    from .readers.yaml_data import data_files

    return data_files(Path(folder), office_only=True)


def forms(data: str | Path, out_dir: str | Path, force: bool = False):
    """One .xlsx form per supplying department in `out_dir`, to fill in and return for
    `gather`. Returns a FormsResult (files with department and row counts; figures with no
    department)."""
    from .office.forms import write_forms  # this command only: keeps it off the draft path

    return write_forms(data, out_dir, force=force)
