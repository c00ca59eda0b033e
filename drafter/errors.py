"""User-facing errors. Everything a user can get wrong ends here, in Chinese, with exit code 2.

The CLI prints these without a traceback; anything else is a bug in drafter.
"""

from __future__ import annotations

import errno
import os
from dataclasses import dataclass
from pathlib import Path

EXIT_USER_ERROR = 2


class DrafterError(Exception):
    """A mistake in what the user gave us (file, option, data): report it and exit 2."""

    exit_code = EXIT_USER_ERROR

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message

    def lines(self) -> list[str]:
        return [self.message]


@dataclass(frozen=True)
class Problem:
    """One problem in a data file, printed as `file:line:column 字段路径 message`."""

    file: str
    line: int  # 1-based; 0 when unknown
    column: int  # 1-based; 0 when unknown
    path: str  # dotted data path, e.g. review.headline[0].growth
    message: str

    def format(self) -> str:
        where = self.file
        if self.line:
            where += f":{self.line}:{self.column}"
        return f"{where} {self.path} {self.message}" if self.path else f"{where} {self.message}"


class DataErrors(DrafterError):
    """Every problem found in the data at once."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems), key=lambda p: (p.file, p.line, p.column, p.path))
        n = len(self.problems)
        super().__init__(f"数据文件有 {n} 处问题")

    def lines(self) -> list[str]:
        return [p.format() for p in self.problems] + [self.message]


def display_path(path: Path | str) -> str:
    """Paths in messages: relative to the working directory when that is shorter."""
    p = Path(path)
    try:  # abspath, not resolve(): a symlink loop must still be nameable in the message
        return str(Path(os.path.abspath(p)).relative_to(Path.cwd().resolve()))
    except (ValueError, OSError):
        return str(p)


def os_reason(e: OSError) -> str:
    """Why the system refused a file operation, in Chinese (the reader and the writer share it)."""
    reasons: dict[int | None, str] = {
        errno.ELOOP: "符号链接指向自身（循环链接）",
        errno.ENAMETOOLONG: "文件名或路径过长",
        errno.EACCES: "没有权限",
        errno.EPERM: "没有权限",
        errno.ENOSPC: "磁盘空间不足",
        errno.EROFS: "文件系统只读",
    }
    return reasons.get(e.errno, e.strerror or str(e))
