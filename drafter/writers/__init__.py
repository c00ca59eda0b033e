"""Writers turn the document tree into files. A dispatch table, like markdown-it-py's renderer:
one entry per output format."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from ..atomic import atomic_write
from ..errors import DrafterError
from ..tree import Document
from .text import write_markdown, write_text

if TYPE_CHECKING:  # the style profile (pydantic) is loaded only for a .docx
    from ..style import StyleProfile

FORMATS = ("docx", "md", "txt")


def _docx(doc: Document, stream: BinaryIO, profile: StyleProfile | None = None) -> None:
    from .docx_writer import write_docx  # python-docx only when a .docx is asked for

    write_docx(doc, stream, profile)


def _md(doc: Document, stream: BinaryIO, profile: StyleProfile | None = None) -> None:
    write_markdown(doc, stream)


def _txt(doc: Document, stream: BinaryIO, profile: StyleProfile | None = None) -> None:
    write_text(doc, stream)


WRITERS: dict[str, Callable[..., None]] = {"docx": _docx, "md": _md, "txt": _txt}


def format_for(path: Path, fmt: str | None) -> str:
    if fmt:
        if fmt not in WRITERS:
            raise DrafterError(f"不支持的格式“{fmt}”，可用：{'、'.join(FORMATS)}")
        return fmt
    suffix = path.suffix.lower().lstrip(".")
    if suffix == "markdown":
        suffix = "md"
    if suffix not in WRITERS:
        raise DrafterError(
            f"无法从文件名 {path.name} 判断输出格式：请用 .docx / .md / .txt 结尾，或加 --format"
        )
    return suffix


def write(doc: Document, path: str | Path, fmt: str | None = None, profile: StyleProfile | None = None, force: bool = False) -> str:
    """Write `doc` to `path` atomically; returns the format used."""
    fmt = format_for(Path(path), fmt)
    atomic_write(Path(path), lambda s: WRITERS[fmt](doc, s, profile), force=force)
    return fmt
