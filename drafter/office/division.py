"""部门分工: 「××市人民政府关于落实《政府工作报告》重点工作部门分工的意见」 and its tracking
spreadsheet, from the same data as the draft. This module gathers and numbers the items; the
document's wording is templates/division.j2 (an office's copy wins, `--templates DIR`),
including the part headings, the targets sentence's opening and the 【待补充】 labels, which
its blocks define and _Wording reads for the document and the spreadsheet alike.

The document follows the real one (咸政发〔2022〕4号, see tests/fixtures/corpus/
division_2022_咸阳.tsv): title, addressees, one sentence of purpose, parts and sections in
the report's order with items numbered 1. 2. … afresh in each part, each item the task's
text followed by who does it —

    （市科技局牵头，市发改委、市教育局等按职责分工负责）   lead and cooperating units
    （市科技局牵头）                                     lead only
    （市发改委、市财政局等按职责分工负责）                 cooperating only
    （市政府各部门负责）                                 all_depts, and self-building items

— then the two closing paragraphs (requirements; reporting schedule, whose dates are left as
【待补充】: the data has none and drafter never invents a date). Departments come only from
the data: an item with none gets a highlighted 【待补充：牵头单位】.

Parts: 一、{year}年主要预期目标 (the targets sentence, units = the departments named on the
indicators), 二、the key tasks with a section per area, and the self-building items — a part
of their own when the report has one (placement: part), else the last section of 二.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from pathlib import Path

from jinja2.utils import Namespace

from ..atomic import atomic_write
from ..compose import figures as fig
from ..compose import make_environment
from ..compose.builder import Builder
from ..compose.numbers import cn_number
from ..compose.sandbox import explain, guard_helpers
from ..compose.typography import normalize, tidy
from ..compose.values import Data, Derived, Runs, placeholder, placeholder_text
from ..compose.words import Words
from ..errors import DrafterError
from ..model import Report
from ..model.meta import LEVEL_WORDS
from ..stages import load, prepare_output
from ..tree import Document, Properties, Run, Source, plain
from ..writers import write

__all__ = [
    "DivisionItem", "DivisionResult", "division_items", "division_document",
    "write_division_xlsx", "write_division", "addressees", "XLSX_COLUMNS", "PROGRESS_CHOICES",
]

XLSX_COLUMNS = ("序号", "任务", "牵头单位", "责任单位", "完成时限", "进展")
PROGRESS_CHOICES = ("未启动", "推进中", "已完成")

def addressees(level: str) -> str:
    return LEVEL_WORDS.get(level, LEVEL_WORDS["市"]).addressees


def _t(text: str, ref: str = "division") -> Run:
    return Run(text, Source("template", ref))


def _d(text: str, ref: str) -> Run:
    return Run(text, Source("derived", ref))


def _hole(path: str, label: str) -> Run:
    return placeholder(path, label)


def _data(value: str, path: str) -> Run:
    return Run(normalize(value), Source("data", path))


@dataclass
class DivisionItem:
    """One numbered item of the division: a task and who does it."""

    part: str  # 一 / 二 / 三: the part it is numbered in
    number: int  # 1, 2, … afresh in each part
    section: str  # the section heading with its number, "" for items directly in a part
    task: list[Run]  # the task's text (lead + measures), sources kept
    lead_depts: list[Run] = field(default_factory=list)  # data runs, one per unit
    coop_depts: list[Run] = field(default_factory=list)
    all_depts: bool = False
    deadline: Run | None = None
    path: str = ""  # data path of the item, e.g. key_tasks.areas[0].items[1]
    kind: str = "key_task"  # targets / key_task / self_building
    id: str = ""  # 二.3 (or 3 when the division has one part): set by division_items

    @property
    def task_text(self) -> str:
        return plain(self.task)

    @property
    def lead_text(self) -> str:
        return "、".join(r.text for r in self.lead_depts)

    @property
    def coop_text(self) -> str:
        return "、".join(r.text for r in self.coop_depts)

    @property
    def has_units(self) -> bool:
        return bool(self.lead_depts or self.coop_depts or self.all_depts)


@dataclass
class _Block:
    heading: list[Run] | None
    items: list[DivisionItem]
    note: list[Run] | None = None  # a placeholder paragraph for an area without items


@dataclass
class _Part:
    heading: list[Run]
    kind: str
    sections: list[_Block]  # a single block with heading None for items directly in the part


def _units(values: list[str], path: str, exclude: set[str] | frozenset[str] = frozenset()) -> list[Run]:
    """Departments as data runs: blanks skipped, each unit once, in the data's order."""
    seen: set[str] = set(exclude)
    out = []
    for i, given in enumerate(values):
        v = (given or "").strip()
        if v and v not in seen:
            seen.add(v)
            out.append(_data(v, f"{path}[{i}]"))
    return out


def _sentence(runs: list[Run]) -> list[Run]:
    """End the text with 。 (tidy drops it after a stop the text already has)."""
    return tidy(runs + [_t("。")])


class _Wording:
    """The wording division.j2 defines in its blocks (targets_heading, hole_units …), rendered
    with the report's context for the parts, the targets sentence and the 【待补充】 labels that
    both the document and the spreadsheet use; each run keeps its template line. A block an
    office's older copy lacks comes from the shipped template."""

    def __init__(self, report: Report, templates: Path | None) -> None:
        self.report, self.templates = report, templates
        self.builder = Builder()
        self.envs = [make_environment(templates)]
        if templates is not None:
            self.envs.append(make_environment(None))
        for env in self.envs:
            env.drafter_builder = self.builder  # type: ignore[attr-defined]  # read by the tags

    def runs(self, name: str, **extra: object) -> list[Run]:
        for env in self.envs:
            tmpl = env.get_template(DIVISION_TEMPLATE)
            if name in tmpl.blocks:
                break
        source = env.loader.get_source(env, DIVISION_TEMPLATE)[0]  # type: ignore[union-attr]  # make_environment sets one
        block = re.compile(r"\{%-?\s*block\s+" + name + r"\b")
        line = next(i for i, x in enumerate(source.splitlines(), 1) if block.search(x))
        try:
            ctx = tmpl.new_context(guard_helpers({**_base_context(self.report), **extra}, "短语库"))
            body = "".join(tmpl.blocks[name](ctx))
            lead, runs = self.builder._split(body, f"{DIVISION_TEMPLATE}:{line}")
        except DrafterError:
            raise
        except Exception as e:  # noqa: BLE001 - every fault of a template is the user's: named in Chinese
            raise DrafterError(explain(e, DIVISION_TEMPLATE, self.templates)) from None
        return tidy(lead + runs)

    def label(self, name: str, **extra: object) -> str:
        return plain(self.runs(name, **extra))


def _key_task(report: Report, ai: int, ii: int, wd: _Wording) -> DivisionItem:
    item = report.key_tasks.areas[ai].items[ii]
    path = f"key_tasks.areas[{ai}].items[{ii}]"
    runs: list[Run] = []
    if item.lead:
        runs += _sentence([_data(item.lead, f"{path}.lead")])
    if item.measures:
        measures = fig.facts_runs(Data(report).key_tasks.areas[ai].items[ii].measures).runs
        for r in measures:
            if r.source.kind == "data":
                r.text = normalize(r.text)
        runs += _sentence(measures)
    else:
        runs.append(_hole(f"{path}.measures", wd.label("hole_measures")))
    lead = _units(item.lead_depts, f"{path}.lead_depts")
    coop = _units(item.coop_depts, f"{path}.coop_depts", {r.text for r in lead})
    deadline = _data(item.deadline, f"{path}.deadline") if item.deadline else None
    return DivisionItem("", 0, "", tidy(runs), lead, coop, item.all_depts, deadline, path)


def _target_clauses(report: Report) -> list[Run]:
    """The targets as the draft lists them: the same builder (compose/figures.targets_runs)."""
    return fig.targets_runs(Data(report).targets.indicators, report.meta.level).runs


def _targets_item(report: Report, wd: _Wording) -> DivisionItem | None:
    tg = report.targets
    if not tg.indicators:
        return None
    runs: list[Run] = []
    if tg.intro:
        runs.append(_data(tg.intro, "targets.intro"))
    else:
        runs += wd.runs("targets_opening")
    clauses = _target_clauses(report)
    for r in clauses:
        if r.source.kind == "data":
            r.text = normalize(r.text)
    runs += clauses
    if tg.rider:
        runs += [_t("，"), _data(tg.rider, "targets.rider")]
    # the units: the departments named on the indicators, each once (path …indicators[2].dept)
    coop: list[Run] = []
    seen: set[str] = set()
    for i, t in enumerate(tg.indicators):
        d = (t.dept or "").strip()
        if d and d not in seen:
            seen.add(d)
            coop.append(_data(d, f"targets.indicators[{i}].dept"))
    return DivisionItem("", 0, "", tidy(_sentence(runs)), [], coop, False, None, "targets.indicators",
                        kind="targets")


_SPEECH = re.compile(r"^各位代表[，！!,：:]")


def _self_building_items(report: Report) -> list[DivisionItem]:
    sb = report.self_building
    out = []
    for i, it in enumerate(sb.items):
        path = f"self_building.items[{i}]"
        runs: list[Run] = []
        if it.lead:
            runs += _sentence([_data(it.lead, f"{path}.lead")])
        if it.text:
            runs += _sentence([_data(it.text, f"{path}.text")])
        if runs:
            out.append(DivisionItem("", 0, "", tidy(runs), all_depts=True, path=path,
                                    kind="self_building"))
    if not out and sb.intro:
        text = _SPEECH.sub("", sb.intro.strip())  # 「各位代表，」 is the speech, not the task
        out.append(DivisionItem("", 0, "", _sentence([_data(text, "self_building.intro")]),
                                all_depts=True, path="self_building.intro", kind="self_building"))
    return out


def _structure(report: Report, wd: _Wording) -> list[_Part]:
    parts: list[_Part] = []
    ti = _targets_item(report, wd)
    if ti is not None:
        parts.append(_Part(wd.runs("targets_heading"), "targets", [_Block(None, [ti])]))

    h = report.structure.headings.key_tasks
    kt_heading = [_data(h, "structure.headings.key_tasks")] if h else wd.runs("key_tasks_heading")
    blocks: list[_Block] = []
    for ai, area in enumerate(report.key_tasks.areas):
        path = f"key_tasks.areas[{ai}]"
        heading = ([_data(area.title, f"{path}.title")] if area.title
                   else [_hole(f"{path}.title", wd.label("hole_area_title", n=cn_number(ai + 1)))])
        items = [_key_task(report, ai, ii, wd) for ii in range(len(area.items))]
        note = None if items else [_hole(f"{path}.items", wd.label("hole_area_items"))]
        blocks.append(_Block(heading, items, note))
    sb = report.self_building
    sb_items = _self_building_items(report)
    sb_heading = ([_data(sb.title, "self_building.title")] if sb.title
                  else wd.runs("self_building_heading"))
    if sb_items and sb.placement != "part":
        blocks.append(_Block(sb_heading, sb_items))
    if blocks:
        parts.append(_Part(kt_heading, "key_tasks", blocks))
    if sb_items and sb.placement == "part":
        parts.append(_Part(sb_heading, "self_building", [_Block(None, sb_items)]))
    return parts


def _numbered(report: Report, wd: _Wording) -> list[_Part]:
    parts = _structure(report, wd)
    single = len(parts) == 1
    for pi, part in enumerate(parts, 1):
        pn = cn_number(pi)
        n = 0
        for si, block in enumerate(part.sections, 1):
            section = f"（{cn_number(si)}）{plain(block.heading)}" if block.heading else ""
            for item in block.items:
                n += 1
                item.part, item.number, item.section = pn, n, section
                item.id = str(n) if single else f"{pn}.{n}"
    return parts


def division_items(report: Report, templates: Path | None = None) -> list[DivisionItem]:
    """Every numbered item of the division, in the report's order (its wording from
    `templates`/division.j2 when the office has its own)."""
    return [it for part in _numbered(report, _Wording(report, templates)) for block in part.sections for it in block.items]


def _namespace(**values: object) -> object:
    """What the template reads of a part, block or item: a Namespace, whose attributes the
    sandbox lets templates read (a dict's `items` would shadow the key)."""
    return Namespace(**values)


def _base_context(report: Report) -> dict:
    """What every part of division.j2 sees: the report's words (r, w, year, hole, derived)."""
    meta = report.meta
    w = Words.of(meta)
    return {
        "r": Data(report),
        "w": {k: Derived(v, f"words.{k}") for k, v in vars(w).items()},
        "year": Derived(str(meta.year), "meta.year"),
        "hole": lambda path, label: Runs([placeholder(path, label)]),
        "derived": lambda text, ref="": Derived(str(text), ref),
        "addressees": Derived(addressees(meta.level), "meta.level"),
        "subordinate": Derived(LEVEL_WORDS.get(meta.level, LEVEL_WORDS["市"]).subordinate, "meta.level"),
    }


def _division_context(report: Report, templates: Path | None) -> dict:
    """templates/division.j2 sees the base context and the numbered parts; only the wording is
    left to the template."""
    wd = _Wording(report, templates)
    units_label = wd.label("hole_units")

    def item(it: DivisionItem) -> object:
        return _namespace(
            number=Runs([_d(f"{it.number}.", "division.number")]), task=Runs(it.task),
            lead=it.lead_depts, coop=it.coop_depts, all=it.all_depts, deadline=it.deadline,
            hole=Runs([_hole(f"{it.path}.lead_depts", units_label)]), path=it.path, kind=it.kind)

    parts = [
        _namespace(kind=part.kind, heading=Runs(part.heading), blocks=[
            _namespace(heading=Runs(b.heading) if b.heading else None,
                       items=[item(it) for it in b.items], note=Runs(b.note) if b.note else None)
            for b in part.sections])
        for part in _numbered(report, wd)
    ]
    return {**_base_context(report), "parts": parts}


DIVISION_TEMPLATE = "division.j2"


def division_document(report: Report, templates: Path | None = None) -> Document:
    """The division document as a tree, for the GB/T 9704 writer (or .md / .txt): its wording
    from templates/division.j2 (an office's own copy in `templates` wins), rendered in the
    report's sandbox with the report's tags; numbering added here."""
    env = make_environment(Path(templates) if templates is not None else None)
    builder = Builder()
    env.drafter_builder = builder  # type: ignore[attr-defined]  # our attribute on the Jinja environment, read by the tags
    try:
        env.get_template(DIVISION_TEMPLATE).render(guard_helpers(_division_context(report, templates), "短语库"))
    except DrafterError:
        raise
    except Exception as e:  # noqa: BLE001 - every fault of a template is the user's: named in Chinese
        raise DrafterError(explain(e, DIVISION_TEMPLATE, templates)) from None
    doc = builder.doc
    pi = 0
    for part in doc.parts:
        if part.heading is not None:
            pi += 1
            part.heading.number = f"{cn_number(pi)}、"
        for si, heading in enumerate((s.heading for s in part.sections if s.heading is not None), 1):
            heading.number = f"（{cn_number(si)}）"
    meta = report.meta
    title = f"{meta.region}人民政府关于落实《{meta.title}》重点工作部门分工的意见"
    doc.properties = Properties(
        title=title,
        subject="重点工作部门分工",
        author=f"{meta.region}人民政府",
        keywords=f"{meta.region}；{meta.title}；部门分工；{meta.year}",
        comments="drafter 生成的部门分工初稿",
        created=None,
    )
    return doc


# --- the tracking spreadsheet -----------------------------------------------------------------

_WIDTHS = {"序号": 8, "任务": 72, "牵头单位": 22, "责任单位": 36, "完成时限": 14, "进展": 12}


def _row_height(values: list[str]) -> float:
    """Points for a row whose wrapped cells show all their text. Excel and LibreOffice do not
    both fit rows to wrapped text when a file is opened, so the height is set: a column of
    width W holds about W / 2.15 Chinese characters of 11 pt a line in Excel (more in
    LibreOffice, where rows come out a little tall), a line is 15 pt."""
    lines = 1
    for name, v in zip(XLSX_COLUMNS, values, strict=True):
        if v:
            per_line = max(1, int(_WIDTHS[name] / 2.15))
            lines = max(lines, math.ceil(len(str(v)) / per_line))
    return min(409.0, lines * 15.0 + 6)


def _xlsx_bytes(report: Report, stream, templates: Path | None = None) -> None:
    from openpyxl import Workbook  # openpyxl is heavy: loaded only when a workbook is written
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.worksheet.datavalidation import DataValidation

    from ..writers.cells import append_row, first_sheet, put, save_workbook  # imports openpyxl too

    w = Words.of(report.meta)
    wb = Workbook()
    ws = first_sheet(wb)
    ws.title = "重点工作分工"
    thin = Side(style="thin", color="808080")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    head_font = Font(name="黑体", bold=True, size=12)
    body_font = Font(name="仿宋", size=11)
    hole_fill = PatternFill("solid", fgColor="FFFF00")
    for c, name in zip(append_row(ws, XLSX_COLUMNS), XLSX_COLUMNS, strict=True):
        c.font = head_font
        c.fill = PatternFill("solid", fgColor="D9D9D9")
        c.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        c.border = border
        ws.column_dimensions[c.column_letter].width = _WIDTHS[name]
    items = division_items(report, templates)
    units_hole = placeholder_text(_Wording(report, templates).label("hole_units"))
    for row, it in enumerate(items, 2):
        lead = it.lead_text
        coop = it.coop_text
        if it.all_depts:  # as in the document: （市政府各部门负责）
            coop = f"{w.gov_short}各部门"
        hole = not it.has_units
        values = [it.id, it.task_text, units_hole if hole else lead, coop,
                  it.deadline.text if it.deadline else "", ""]
        for col, v in enumerate(values, 1):
            c = put(ws, row, col, v)
            c.font = body_font
            c.border = border
            c.alignment = Alignment(
                horizontal="center" if col in (1, 5, 6) else "left", vertical="top", wrap_text=True)
            if "【待补充" in str(v):
                c.fill = hole_fill
        ws.row_dimensions[row].height = _row_height(values)
    ws.freeze_panes = "A2"
    if items:
        dv = DataValidation(type="list", formula1='"%s"' % ",".join(PROGRESS_CHOICES),
                            allow_blank=True, showDropDown=False)
        dv.promptTitle, dv.prompt = "进展", "请选择：" + "／".join(PROGRESS_CHOICES)
        dv.errorTitle, dv.error = "进展", "请从下拉列表中选择：" + "／".join(PROGRESS_CHOICES)
        dv.showInputMessage = dv.showErrorMessage = True
        ws.add_data_validation(dv)
        dv.add(f"F2:F{len(items) + 1}")
        ws.auto_filter.ref = f"A1:F{len(items) + 1}"
    ws.print_title_rows = "1:1"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    fit = ws.sheet_properties.pageSetUpPr
    assert fit is not None  # every new worksheet has one; the stubs allow None
    fit.fitToPage = True
    meta = report.meta
    wb.properties.title = f"{meta.region}落实《{meta.title}》重点工作分工跟踪表"
    wb.properties.creator = f"{meta.region}人民政府"
    save_workbook(wb, stream, meta.date)


def write_division_xlsx(report: Report, path: str | Path, force: bool = False,
                        templates: Path | None = None) -> int:
    """The tracking spreadsheet: one row per item of the division (序号, 任务, 牵头单位,
    责任单位, 完成时限, 进展 — 进展 left for the offices, a drop-down of 未启动/推进中/已完成).
    Written atomically; an existing file is kept unless `force`. Returns the row count."""
    atomic_write(Path(path), lambda s: _xlsx_bytes(report, s, templates), force=force)
    return len(division_items(report, templates))


# --- the command ------------------------------------------------------------------------------

DIVISION_FORMATS = ("docx", "xlsx", "md", "txt")


@dataclass
class DivisionResult:
    document: Document
    items: list[DivisionItem]
    path: Path
    format: str
    placeholders: list[Run] = field(default_factory=list)

    @property
    def missing_units(self) -> list[DivisionItem]:
        return [it for it in self.items if not it.has_units]


def write_division(
    data: str | Path | Report,
    out: str | Path,
    fmt: str | None = None,
    style: str | Path | None = None,
    force: bool = False,
    templates: str | Path | None = None,
) -> DivisionResult:
    """`drafter division DATA -o 分工.docx | 分工.xlsx` (format by suffix, or `fmt`); the
    wording from `templates`/division.j2 when the office has its own."""
    # `drafter division` has no --format: the file name alone decides
    path, fmt, profile = prepare_output(out, fmt, force, style, formats=DIVISION_FORMATS, format_option=False)
    report = data if isinstance(data, Report) else load(data)
    own = Path(templates) if templates is not None else None
    doc = division_document(report, own)
    items = division_items(report, own)
    if fmt == "xlsx":
        write_division_xlsx(report, path, force=force, templates=own)
    else:
        write(doc, path, fmt, profile=profile, force=force)
    return DivisionResult(doc, items, path, fmt, doc.placeholders())
