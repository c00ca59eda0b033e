"""Writes that never lose what the user has: refuse to replace a file without --force, and
write through a temporary file in the same folder renamed over the target, so a failure or
a kill mid-write leaves the old file (or nothing) but never half a file."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import BinaryIO, Callable

from .errors import DrafterError, display_path


def check_target(path: Path, force: bool) -> None:
    shown = display_path(path)
    if path.is_dir():
        raise DrafterError(f"{shown} 是一个文件夹，请指定输出文件名，如 {shown}/报告.docx")
    if not path.parent.is_dir():
        raise DrafterError(f"输出文件夹不存在：{display_path(path.parent)}，请先创建")
    if path.exists() and not force:
        raise DrafterError(
            f"{shown} 已存在，未覆盖（文稿可能有手工修改）。换一个文件名，或加 --force 覆盖"
        )


def atomic_write(path: Path, write: Callable[[BinaryIO], None], force: bool = False) -> None:
    path = Path(path)
    check_target(path, force)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    except OSError as e:
        raise DrafterError(f"无法在 {display_path(path.parent)} 写入文件：{e.strerror}") from None
    try:
        with os.fdopen(fd, "wb") as stream:
            write(stream)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; a draft is an ordinary file
        os.replace(tmp, path)
    except OSError as e:
        _remove(tmp)
        raise DrafterError(f"无法写入 {display_path(path)}：{e.strerror}") from None
    except BaseException:
        _remove(tmp)
        raise


def atomic_write_text(path: Path, text: str, force: bool = False) -> None:
    atomic_write(path, lambda s: s.write(text.encode("utf-8")), force)


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _remove(tmp: str) -> None:
    try:
        os.unlink(tmp)
    except OSError:
        pass
