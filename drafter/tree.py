"""The document tree shared by the composer, the report parser and every writer.

Like Pandoc's AST: readers and the composer build it, writers only walk it. A report is a
header (title, meeting line, speaker) followed by parts; a part has an optional heading, loose
paragraphs and sections; a section has a heading (on its own line or opening its first
paragraph) and paragraphs, each of which may open with a bold lead phrase. Every run of text
knows where it came from, so a draft can be traced back to its data and its template.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal, TypeVar
from collections.abc import Iterator

# Where a run of text came from.
#   data         a value the office wrote in its data file (ref = data path)
#   template     fixed wording of a template (ref = "review.j2:12")
#   derived      computed from data, e.g. 全市 from the level, 2023 from the plan year
#   placeholder  missing data, written as 【待补充：…】 (ref = data path)
#   phrase       wording drawn from the mined phrase bank (ref = phrase id)
#   suggestion   a mined heading or lead offered where the data left one empty
#   source       text read from an existing report (ref = line number)
SourceKind = Literal["data", "template", "derived", "placeholder", "phrase", "suggestion", "source"]

PART_TYPES: tuple[str, ...] = (
    "opening", "review", "targets", "key_tasks", "self_building", "closing", "appendix"
)


# Runs and their sources are made by the thousand each draft (~1,300 and ~1,000): slots give
# them no __dict__ of their own (compose ~0.15 ms faster).
@dataclass(frozen=True, slots=True)
class Source:
    kind: SourceKind
    ref: str = ""


@dataclass(slots=True)
class Run:
    text: str
    source: Source = Source("template")

    @property
    def is_placeholder(self) -> bool:
        return self.source.kind == "placeholder"

    @property
    def is_suggestion(self) -> bool:
        return self.source.kind == "suggestion"


def plain(runs: list[Run]) -> str:
    return "".join(r.text for r in runs)


class Runs:
    """Ready-made runs (a figure clause, a list joined with 、, a phrase) that a template prints."""

    __slots__ = ("runs",)

    def __init__(self, runs: list[Run]):
        self.runs = runs

    def __str__(self) -> str:
        return "".join(r.text for r in self.runs)

    def __bool__(self) -> bool:
        return any(r.text for r in self.runs)

    def __add__(self, other: Runs | Run | list[Run]) -> Runs:
        if isinstance(other, Runs):
            return Runs(self.runs + other.runs)
        if isinstance(other, Run):
            return Runs([*self.runs, other])
        if isinstance(other, list) and all(isinstance(r, Run) for r in other):
            return Runs(self.runs + other)
        return NotImplemented


@dataclass
class Paragraph:
    """A body paragraph. `lead` is the bold lead phrase that opens it (促进创新协同。)."""

    runs: list[Run] = field(default_factory=list)
    lead: list[Run] = field(default_factory=list)
    role: str = "body"  # body | salutation | remark | item ; a hint for writers and tests
    line: int | None = None  # 1-based line in the source report, for parsed documents

    @property
    def text(self) -> str:
        return plain(self.lead) + plain(self.runs)


@dataclass
class Heading:
    """A heading. `number` (一、 / （一） / 一是) is filled in by the numbering pass."""

    runs: list[Run] = field(default_factory=list)
    level: int = 1  # 1 part, 2 section
    number: str = ""
    line: int | None = None

    @property
    def text(self) -> str:
        return self.number + plain(self.runs)


@dataclass
class Section:
    """A second-level unit: a review section or a key-task area.

    style "own_line": the heading is a line of its own (楷体); "inline": the heading sentence
    opens the first paragraph, as review sections usually do.
    """

    heading: Heading | None = None
    style: Literal["own_line", "inline"] = "own_line"
    blocks: list[Paragraph] = field(default_factory=list)
    line: int | None = None
    end_line: int | None = None

    @property
    def leads(self) -> list[Paragraph]:
        return [p for p in self.blocks if p.lead]


@dataclass
class Part:
    type: str
    heading: Heading | None = None
    blocks: list[Paragraph | Section] = field(default_factory=list)
    line: int | None = None
    end_line: int | None = None

    @property
    def sections(self) -> list[Section]:
        return [b for b in self.blocks if isinstance(b, Section)]

    def paragraphs(self) -> list[Paragraph]:
        """Every paragraph of the part, those inside its sections included, in order."""
        return [p for b in self.blocks for p in (b.blocks if isinstance(b, Section) else [b])]


@dataclass
class Header:
    label: list[Run] = field(default_factory=list)  # 金台区第十九届人大二次会议文件（15）
    title: list[Run] = field(default_factory=list)  # 政府工作报告
    subtitle: list[Run] = field(default_factory=list)  # ——2024年2月5日在…会议上
    speaker: list[Run] = field(default_factory=list)  # 咸阳市市长 冷劲松


@dataclass
class Properties:
    """Core properties written into the .docx (docProps/core.xml)."""

    title: str = ""
    subject: str = ""
    author: str = ""
    keywords: str = ""
    comments: str = ""
    language: str = "zh-CN"
    created: dt.date | None = None  # the meeting date, so the same data gives the same file


# A node of the body, as `Document.walk` yields them.
Node = Part | Heading | Section | Paragraph
N = TypeVar("N", Part, Heading, Section, Paragraph)


@dataclass(frozen=True)
class Line:
    """One paragraph of the body as the writers lay it out (Word's 段落): a heading on its own
    (`paragraph` None), a body paragraph (`heading` None), or an inline section heading opening
    the first paragraph of its section (both set)."""

    part: Part
    section: Section | None
    heading: Heading | None
    paragraph: Paragraph | None


@dataclass
class Document:
    header: Header = field(default_factory=Header)
    parts: list[Part] = field(default_factory=list)
    properties: Properties = field(default_factory=Properties)

    # The one place that knows how parts, sections and paragraphs nest; everything else walks
    # the tree through these, as Jinja2's Node.iter_child_nodes / find_all.
    def walk(self) -> Iterator[Node]:
        """Every node of the body once, in document order: a part, its heading, its blocks; a
        section, its heading, its paragraphs. The header is not part of the walk."""
        for part in self.parts:
            yield part
            if part.heading is not None:
                yield part.heading
            for block in part.blocks:
                yield block
                if isinstance(block, Section):
                    if block.heading is not None:
                        yield block.heading
                    yield from block.blocks

    def find_all(self, node_type: type[N]) -> Iterator[N]:
        """The nodes of one type (Part, Heading, Section, Paragraph), in document order."""
        return (n for n in self.walk() if isinstance(n, node_type))

    def lines(self) -> Iterator[Line]:
        """The body as laid out: headings and paragraphs, an inline section heading sharing its
        first paragraph. Lines may have no text; writers and counters skip those."""
        for part in self.parts:
            if part.heading is not None:
                yield Line(part, None, part.heading, None)
            for block in part.blocks:
                if isinstance(block, Paragraph):
                    yield Line(part, None, None, block)
                    continue
                paras = block.blocks
                if block.heading is not None and block.style == "inline" and paras:
                    yield Line(part, block, block.heading, paras[0])
                    paras = paras[1:]
                elif block.heading is not None:
                    yield Line(part, block, block.heading, None)
                for p in paras:
                    yield Line(part, block, None, p)

    def paragraphs(self) -> Iterator[tuple[Part, Section | None, Paragraph]]:
        for ln in self.lines():
            if ln.paragraph is not None:
                yield ln.part, ln.section, ln.paragraph

    def runs(self) -> Iterator[Run]:
        h = self.header
        yield from h.label
        yield from h.title
        yield from h.subtitle
        yield from h.speaker
        for node in self.walk():
            if isinstance(node, Heading):
                yield from node.runs
            elif isinstance(node, Paragraph):
                yield from node.lead
                yield from node.runs

    def paragraph_count(self) -> int:
        """Paragraphs as Word counts them (字数统计 → 段落数): every paragraph of the body that
        has text, in the order the writers lay them out — label, title, meeting line, speaker,
        headings and body, an inline section heading sharing its first paragraph. The same
        numbering as `check`'s 第N段 and the 核对表 (checks/composed.py lays out the same)."""
        def has_text(*groups: list[Run]) -> int:
            return int(any(r.text.strip() for g in groups for r in g))

        h = self.header
        n = sum(has_text(g) for g in (h.label, h.title, h.subtitle, h.speaker))
        for ln in self.lines():
            hd, p = ln.heading, ln.paragraph
            n += has_text([Run(hd.number), *hd.runs] if hd else [], p.lead if p else [], p.runs if p else [])
        return n

    def placeholders(self) -> list[Run]:
        return [r for r in self.runs() if r.is_placeholder]

    def suggestions(self) -> list[Run]:
        return [r for r in self.runs() if r.is_suggestion]
