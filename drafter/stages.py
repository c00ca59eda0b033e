"""The stages every command goes through, below the commands themselves: refuse a bad
output first, load the data, compose it; and the JSON Schema written beside a new data file.
The office outputs, the checks, `init --from` and the pipeline (drafter/pipeline.py) all
call these, so each stage has one home.
"""

from __future__ import annotations

from pathlib import Path

from .atomic import atomic_write_text, check_target
from .errors import DrafterError, display_path
from .model import Report
from .phrases.bank import load_bank
from .readers import load_data, load_report, validate_with_positions
from .readers.yaml_data import gc_paused
from .skeleton import SCHEMA_FILE, schema_json
from .style import StyleProfile, load_profile
from .tree import Document
from .writers import FORMATS


def load(data: str | Path) -> Report:
    return load_report(data)


def load_with_positions(data: str | Path):
    """(report, where each value was written): for messages that name file:line:column."""
    loaded = load_data(data)
    with gc_paused():  # a large data file's model objects, like its nodes, are no garbage
        return validate_with_positions(Report, loaded.data, loaded), loaded


def bank_option(phrases: str | Path | None):
    """The bank named by --phrases, or None for the shipped one."""
    if phrases is None:
        return None
    return load_bank(phrases)


def prepare_output(out: str | Path, fmt: str | None, force: bool, style: str | Path | None,
                   formats: tuple[str, ...] | None = None, format_option: bool = True,
                   ) -> tuple[Path, str, StyleProfile | None]:
    """What every command writing a document does first, before any work: decide the format,
    refuse an existing file without --force, load the office's layout profile.
    `format_option`: whether the command has a --format option the message may suggest.
    Returns (path, format, profile or None)."""
    out = Path(out)
    formats = formats or FORMATS
    given = fmt
    named = out.suffix.lower().lstrip(".").replace("markdown", "md")
    fmt = (fmt or named).lower().replace("markdown", "md")
    if given and fmt in formats and named in formats and named != fmt:
        raise DrafterError(f"--format {given} 与输出文件名 {out.name} 不符：请改用 .{fmt} 结尾的文件名，或去掉 --format")
    _check_style(style)
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
        profile = load_profile(style)
    return out, fmt, profile


def _check_style(style: str | Path | None) -> None:
    """A --style that is not there is a mistake whatever the format (a .txt draft has no use
    for a layout, but the user meant one)."""
    if style is None:
        return
    p = Path(style)
    if not p.exists() and not p.is_symlink():
        raise DrafterError(f"找不到版式文件：{display_path(p)}")
    if p.is_dir():
        raise DrafterError(f"版式文件 {display_path(p)} 是文件夹，--style 需要一个 .yaml 版式文件")


def compose_report(
    report: Report, seed: int = 0, templates: str | Path | None = None, phrases: str | Path | None = None
) -> Document:
    from .compose import compose  # jinja2: only the commands that compose load it

    return compose(report, seed=seed, templates=Path(templates) if templates else None, bank=bank_option(phrases))


def write_schema_beside(path: Path) -> list[Path]:
    """drafter.schema.json next to a data file, for editors; written only when there is none.
    One that is there is never replaced (it may be the office's own, or another version's):
    the CLI says so when it differs (api.schema_left_beside)."""
    schema_path = path.parent / SCHEMA_FILE
    if schema_path.exists() or schema_path.is_symlink():
        return []
    try:
        atomic_write_text(schema_path, schema_json())  # exclusive: never over one made meanwhile
    except DrafterError:
        if schema_path.exists():  # another run wrote it first: theirs is as good
            return []
        raise
    return [schema_path]
