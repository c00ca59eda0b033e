"""One pipeline for every draft-shaped output: load → compose → (reduce) → write.

    run("咸阳市2024.yaml", "初稿.docx", DraftOptions(seed=1, annotate=True))

The draft, the annotated draft (a Word comment on every figure) and the outline (headings and
lead phrases only) differ only in their options, so they cannot drift apart: same data, seed
and phrase bank give the same wording in all three. Nothing is written if anything fails.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .checks.plausible import doubtful_values
from .checks.unused import unused_values as _unused
from .errors import DrafterError, display_path
from .readers.yaml_data import gc_paused
from .stages import compose_report, load_with_positions, prepare_output
from .tree import Document, Run
from .writers import write

# The draft's document properties (title, keywords) carry these even when no sentence does.
_IN_PROPERTIES = ("meta.region", "meta.year", "meta.title")


@dataclass(frozen=True)
class DraftOptions:
    fmt: str | None = None  # docx / md / txt; None: by the output's suffix
    seed: int = 0  # wording choices; same data, bank and seed → the same text
    templates: str | Path | None = None  # the office's templates, overriding shipped ones
    style: str | Path | None = None  # layout profile (.docx); None: GB/T 9704
    force: bool = False  # overwrite an existing output
    phrases: str | Path | None = None  # phrase bank; None: the shipped one
    annotate: bool = False  # a Word comment on every figure from the data (.docx only)
    outline: bool = False  # headings and lead phrases only (drafter outline)


@dataclass
class DraftResult:
    document: Document
    path: Path
    format: str
    placeholders: list[Run] = field(default_factory=list)
    suggestions: list[Run] = field(default_factory=list)
    unused: list = field(default_factory=list)  # values of the data the draft does not state
    comments: int | None = None  # Word comments written (annotate), else None
    loaded: Any = field(default=None, repr=False)  # the data with positions: where each path was written
    doubtful: list = field(default_factory=list)  # Problem: values validate asks to check (分别 on one indicator …)

    @property
    def paragraphs(self) -> int:
        """Word's count of the written file (Document.paragraph_count), headings included."""
        return self.document.paragraph_count()

    @property
    def characters(self) -> int:
        return sum(len(r.text) for r in self.document.runs())


def unused_values(loaded, doc: Document) -> list:
    """Values of the data file that the draft does not state, each with the reason."""
    return _unused(loaded, doc, extra_used=_IN_PROPERTIES)


def _annotate_target(out: str | Path, fmt: str | None) -> str:
    """Comments are a Word feature: refuse any other output before any work."""
    if fmt not in (None, "docx"):
        raise DrafterError("--annotate 只用于 .docx 输出")
    if Path(out).suffix.lower() != ".docx":
        raise DrafterError(f"--annotate 只能用于 Word 文档：{display_path(Path(out))} 请以 .docx 结尾")
    return "docx"


def run(data: str | Path, out: str | Path, options: DraftOptions = DraftOptions()) -> DraftResult:
    """Data file or folder → the draft (or its outline) at `out`."""
    # A draft's tens of thousands of short-lived objects set off ~7 collections (~1 ms of a
    # 33 ms warm draft); paused, one collection at the end sweeps them all.
    with gc_paused():
        return _run(data, out, options)


def _run(data: str | Path, out: str | Path, options: DraftOptions) -> DraftResult:
    o = options
    fmt = _annotate_target(out, o.fmt) if o.annotate else o.fmt
    # the outline command has no --format option for the message to suggest
    path, fmt, profile = prepare_output(out, fmt, o.force, o.style, format_option=not o.outline)
    report, loaded = load_with_positions(data)
    doc = compose_report(report, seed=o.seed, templates=o.templates, phrases=o.phrases)
    unused = [] if o.outline else unused_values(loaded, doc)
    doubtful = [] if o.outline else doubtful_values(report, loaded)  # an office that only drafts sees them too (H110)
    # deferred: the office package (division, forms) costs ~0.1 s and a plain draft needs none of it
    if o.outline:
        from .office.outline import outline_of  # the office layer only for `drafter outline`

        doc = outline_of(doc)
    comments = None
    if o.annotate:
        from .office.annotate import write_annotated  # python-docx and the checks only for --annotate

        comments = write_annotated(doc, report, path, profile=profile, force=o.force)
    else:
        write(doc, path, fmt, profile=profile, force=o.force)
    return DraftResult(doc, path, fmt, doc.placeholders(), doc.suggestions(), unused, comments, loaded, doubtful)
