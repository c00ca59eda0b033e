"""The one error the parser raises for input it cannot read."""

from __future__ import annotations

from pathlib import Path

from ..errors import DrafterError


class ParseError(DrafterError):
    """A file that cannot be read as a report. `message` is Chinese and names the file, so the
    CLI can print it as is; `path` is kept for callers that want to point at the file."""

    def __init__(self, message: str, path: str | Path | None = None):
        super().__init__(message)
        self.path = Path(path) if path is not None else None

    def __str__(self) -> str:
        return self.message
