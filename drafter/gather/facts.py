"""What gather takes from one source file: figures (form rows) and text facts (lines, sentences).

Each keeps where it came from (`统计局.xlsx!E5`, `总结.docx:12`) so the fragment can say it and
a conflict can name both places."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path


@dataclass
class GFigure:
    name: str
    unit: str | None
    value: Decimal | int | None  # 本年数
    growth: Decimal | int | None  # 增长(%)
    status: str | None
    dept: str | None
    source: str  # 文件!单元格 of the value (or of the growth when there is no value)
    topic: str
    last: Decimal | int | None = None  # 上年数, kept as a comment: it is last year's data
    target: Decimal | int | None = None  # 本年目标, kept as a comment: the office's own target
    note: str | None = None  # 备注 words that are not approx / qualifier / rank: Figure.note in the draft
    also: list[str] = field(default_factory=list)  # other sources that gave the same figure
    paths: dict[str, str] = field(default_factory=dict)  # 本年数 / 增长(%) → data path (from 元数据)
    fill: dict | None = None  # the office's empty entry it fills (drafter/readers/fill.py)
    row: int | None = None  # its row in the form's 数据 sheet (None: not from a form)
    where: str = ""  # the cell as messages name it, with its folder (returned/市财政局.xlsx!F2); source stays cwd-free
    approx: str = ""  # from 备注 (forms_in.read_note): 约 / 余 / 超 / 近
    qualifier: str = ""  # from 备注: 以上 / 左右 / 以内
    rank: dict | None = None  # from 备注: {scope, place, numeral, of} (model Rank)
    verb: str = ""  # from 备注: 提升至 / 达到 (Figure.verb)
    done: bool | None = None  # from 备注 alone: 已完成 / 未完成 of a task the level above set
    beside: bool = False  # a done read from a row that also gives its number: the number says it when no task takes it


@dataclass
class GText:
    text: str
    part: str  # "review" | "key_tasks"
    topic: str
    source: str  # 文件:行 or 文件!单元格
    dept: str | None
    also: list[str] = field(default_factory=list)
    earlier: int | None = None  # a year it names before the one its part tells of (years.earlier_year)


@dataclass
class GCell:
    """A 上年数 or 本年目标 cell a form gave. The data has no place for a 上年数 and a 本年目标 is
    the office's own (prefilled from last year's report), so neither is drafted; the summary names
    each one a department wrote (gather.aside_note), so no filled cell goes unmentioned."""

    column: str  # 上年数 / 本年目标
    where: str  # 文件!单元格, with its folder as messages name it
    name: str  # the row's 指标
    value: Decimal | int
    row: int
    path: str | None = None  # 本年目标's data path (元数据): equal to the office's value there, it is the prefill


@dataclass
class Gathered:
    """All that one source file gave."""

    path: Path
    shown: str  # the file name as written in sources
    dept: str | None
    kind: str  # "form" | "material"
    region: str | None = None
    year: int | None = None
    figures: list[GFigure] = field(default_factory=list)
    texts: list[GText] = field(default_factory=list)
    depts_listed: set[str] = field(default_factory=set)  # departments its metadata names
    blank_rows: int = 0  # form rows the department left empty
    problems: list[str] = field(default_factory=list)  # a material's 存在的问题, offered as comments
    aside: list[GCell] = field(default_factory=list)  # a form's 上年数 / 本年目标 cells: named, not drafted
