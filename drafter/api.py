"""The library behind the CLI: everything `drafter` does, callable from Python.

    from drafter.api import draft
    result = draft("examples/咸阳市2024.yaml", "初稿.docx", seed=1)
    result.placeholders  # what is still to be filled
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .atomic import atomic_write_text, check_target
from .errors import DrafterError, display_path
from .model import LEVELS, Report
from .tree import Document, Run


@dataclass
class DraftResult:
    document: Document
    path: Path
    format: str
    placeholders: list[Run] = field(default_factory=list)
    suggestions: list[Run] = field(default_factory=list)
    unused: list = field(default_factory=list)  # values of the data the draft does not state

    @property
    def paragraphs(self) -> int:
        """Word's count of the written file (Document.paragraph_count), headings included."""
        return self.document.paragraph_count()

    @property
    def characters(self) -> int:
        return sum(len(r.text) for r in self.document.runs())


def load(data: str | Path) -> Report:
    from .readers import load_report

    return load_report(data)


def load_with_positions(data: str | Path):
    """(report, where each value was written): for messages that name file:line:column."""
    from .readers import load_data, validate_with_positions

    loaded = load_data(data)
    return validate_with_positions(Report, loaded.data, loaded), loaded


# The draft's document properties (title, keywords) carry these even when no sentence does.
_IN_PROPERTIES = ("meta.region", "meta.year", "meta.title")


def unused_values(loaded, doc: Document) -> list:
    """Values of the data file that the draft does not state, each with the reason."""
    from .checks.unused import unused_values as find

    return find(loaded, doc, extra_used=_IN_PROPERTIES)


@dataclass
class ValidateResult:
    report: Report
    unused: list = field(default_factory=list)  # Problem: file:line:column, path, why


def validate(data: str | Path, seed: int = 0, templates: str | Path | None = None,
             phrases: str | Path | None = None) -> ValidateResult:
    """Check the data (every problem at once, as DataErrors) and compose it once, to say which
    values the draft will not state and why."""
    report, loaded = load_with_positions(data)
    doc = compose_report(report, seed=seed, templates=templates, phrases=phrases)
    return ValidateResult(report, unused_values(loaded, doc))


def bank_option(phrases: str | Path | None):
    """The bank named by --phrases, or None for the shipped one."""
    if phrases is None:
        return None
    from .phrases.bank import load_bank

    return load_bank(phrases)


def prepare_output(out: str | Path, fmt: str | None, force: bool, style: str | Path | None,
                   formats: tuple[str, ...] | None = None, format_option: bool = True):
    """What every command writing a document does first, before any work: decide the format,
    refuse an existing file without --force, load the office's layout profile.
    `format_option`: whether the command has a --format option the message may suggest.
    Returns (path, format, profile or None)."""
    from .writers import FORMATS

    out = Path(out)
    formats = formats or FORMATS
    given = fmt
    fmt = (fmt or out.suffix.lower().lstrip(".")).lower().replace("markdown", "md")
    if fmt not in formats:
        if given:
            raise DrafterError(f"不支持的格式“{given}”，可用：{'、'.join(formats)}")
        hint = "，或加 --format" if format_option else ""
        raise DrafterError(
            f"无法从文件名 {out.name} 判断输出格式：请用 {' / '.join('.' + f for f in formats)} 结尾{hint}"
        )
    check_target(out, force)
    profile = None
    if style is not None and fmt == "docx":
        from .style import load_profile

        profile = load_profile(style)
    return out, fmt, profile


def compose_report(
    report: Report, seed: int = 0, templates: str | Path | None = None, phrases: str | Path | None = None
) -> Document:
    from .compose import compose

    return compose(report, seed=seed, templates=Path(templates) if templates else None, bank=bank_option(phrases))


def draft(
    data: str | Path,
    out: str | Path,
    fmt: str | None = None,
    seed: int = 0,
    templates: str | Path | None = None,
    style: str | Path | None = None,
    force: bool = False,
    phrases: str | Path | None = None,
) -> DraftResult:
    """Data file or folder → a draft at `out`. Nothing is written if anything fails."""
    from .writers import write

    out, fmt, profile = prepare_output(out, fmt, force, style)
    report, loaded = load_with_positions(data)
    doc = compose_report(report, seed=seed, templates=templates, phrases=phrases)
    write(doc, out, fmt, profile=profile, force=force)
    return DraftResult(doc, out, fmt, doc.placeholders(), doc.suggestions(), unused_values(loaded, doc))


def check_typed_text(option: str, value: str | None) -> None:
    """Text typed on the command line that goes into a YAML skeleton must be one line of
    printable text: a newline or control character would break the file's structure."""
    import unicodedata

    if value is None:
        return
    bad = next((c for c in value if unicodedata.category(c) in ("Cc", "Cf", "Cs", "Zl", "Zp")), None)
    if bad is not None:
        kind = "换行" if bad in "\n\r\x85\u2028\u2029" else "控制字符"
        raise DrafterError(f"{option} 含有{kind}（U+{ord(bad):04X}），只能是一行文字")


def init(path: str | Path, region: str, level: str, year: int, force: bool = False) -> list[Path]:
    """Write a commented skeleton data file (and the JSON Schema beside it for editors)."""
    from .skeleton import skeleton_yaml

    path = Path(path)
    check_typed_text("--region", region)
    check_typed_text("--level", level)
    if path.suffix.lower() not in (".yaml", ".yml"):
        raise DrafterError(f"数据文件名应以 .yaml 结尾：{display_path(path)}")
    if level not in LEVELS:
        raise DrafterError(f"层级“{level}”无效，可用：{'、'.join(LEVELS)}")
    if not region.strip():
        raise DrafterError("地区名称不能为空")
    if not 2000 <= year <= 2100:
        raise DrafterError(f"年度 {year} 不在 2000–2100 之间")
    check_target(path, force)
    atomic_write_text(path, skeleton_yaml(region.strip(), level, year), force=force)
    return [path, *write_schema_beside(path)]


def write_schema_beside(path: Path) -> list[Path]:
    """drafter.schema.json next to a data file, for editors; rewritten only when it changed."""
    from .skeleton import SCHEMA_FILE, schema_json

    schema_path = path.parent / SCHEMA_FILE
    text = schema_json()
    if schema_path.exists() and schema_path.read_text(encoding="utf-8", errors="replace") == text:
        return []
    atomic_write_text(schema_path, text, force=True)  # generated file, never hand-edited
    return [schema_path]


def parse_structure(path: str | Path) -> str:
    """An existing report (.txt/.docx) → its structure as JSON text (parts, sections, leads)."""
    import json

    from .parse import parse_report, to_json

    return json.dumps(to_json(parse_report(path)), ensure_ascii=False, indent=2) + "\n"


KINDS = ("formula", "heading", "lead", "number", "expression")
PARTS = ("opening", "review", "targets", "key_tasks", "self_building", "closing")


def find_phrases(query: str = "", kind: str | None = None, part: str | None = None, phrases=None):
    """Entries of the phrase bank matching `query` → (entries, bank size)."""
    from .phrases.bank import default_bank, load_bank

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
    from .gather import gather as run

    return run(list(inputs), data_dir, force=force, dept=dept)


def forms(data: str | Path, out_dir: str | Path, force: bool = False):
    """One .xlsx form per supplying department in `out_dir`, to fill in and return for
    `gather`. Returns a FormsResult (files with department and row counts; figures with no
    department)."""
    from .office.forms import write_forms

    return write_forms(data, out_dir, force=force)
