"""Data paths: where a value sits in the data — `review.sections[2].facts[0]`.

One type parses, formats and resolves them. Runs of a draft carry one as their source ref,
checks and Word comments follow it back to the data, and the YAML reader keys positions
(file:line:column) by it.

A DataPath is a tuple of steps (field names and list indices), so it is equal to — and
hashes like — the plain tuple ("review", "sections", 2, "facts", 0) that the YAML reader
builds for every value it reads.

When a path leads nowhere (an index past the end of a list, a field the model does not
have, a step into a value left empty, a malformed text) `resolve` returns None — the same
answer as for a field left empty: there is no value there. Only `DataPath.parse` raises, for
text a user typed (a DrafterError with the Chinese reason).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any
from collections.abc import Iterable

from pydantic import BaseModel

from .errors import DrafterError

__all__ = ["DataPath", "format_path", "resolve"]

Step = str | int
_STEP = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


def _steps(text: str) -> tuple[Step, ...] | None:
    """The steps of `text`, or None when it is not a data path (empty, `a..b`, `[x]`, `a[`)."""
    out: list[Step] = []
    pos = 0
    for m in _STEP.finditer(text):
        name = m.group(1)
        if text[pos:m.start()] != ("." if name is not None and out else ""):
            return None
        out.append(name if name is not None else int(m.group(2)))
        pos = m.end()
    if pos != len(text) or not out or not isinstance(out[0], str):
        return None
    return tuple(out)


def _step(obj: Any, key: Step) -> tuple[bool, Any]:
    """(found, value) one step down: a model's declared field, a mapping's key, a list's
    index (0 … len-1; no negative indices, which would name another entry)."""
    if isinstance(key, int):
        if isinstance(obj, list) and 0 <= key < len(obj):
            return True, obj[key]
        return False, None
    if isinstance(obj, BaseModel):
        if key in type(obj).model_fields:
            return True, getattr(obj, key)
        return False, None
    if isinstance(obj, dict) and key in obj:
        return True, obj[key]
    return False, None


class DataPath(tuple):
    """The steps from the data's root to one value: field names (str) and list indices (int)."""

    __slots__ = ()

    def __new__(cls, steps: Iterable[Step] = ()) -> DataPath:
        return super().__new__(cls, steps)

    @classmethod
    def parse(cls, text: str) -> DataPath:
        path = cls.of(text)
        if path is None:
            raise DrafterError(f"数据路径“{text}”无法识别：应形如 review.sections[2].facts[0]")
        return path

    @classmethod
    def of(cls, text: str) -> DataPath | None:
        """The path a run's source ref names, or None when the text is not a data path."""
        steps = _steps(text)
        return None if steps is None else cls(steps)

    def __str__(self) -> str:
        return format_path(self)

    def __repr__(self) -> str:
        return f"DataPath({str(self)!r})"

    @property
    def parent(self) -> DataPath:
        return DataPath(self[:-1])

    def child(self, *steps: Step) -> DataPath:
        return DataPath(tuple(self) + steps)

    def chain(self, root: Any) -> list[tuple[Any, Step]]:
        """[(container, step)] from the root down to the value; [] when the path leads nowhere."""
        out = []
        obj = root
        for step in self:
            out.append((obj, step))
            found, obj = _step(obj, step)
            if not found:
                return []
        return out

    def resolve(self, root: Any) -> Any:
        """The value at this path under `root` (the Report, or plain loaded data); None when
        the path leads nowhere."""
        obj = root
        for step in self:
            found, obj = _step(obj, step)
            if not found:
                return None
        return obj


def format_path(path: Iterable[Step]) -> str:
    """("review", "headline", 0, "growth") → review.headline[0].growth"""
    if type(path) is tuple:  # the reader's and the composer's paths: ~1,000 distinct a draft
        return _format_tuple(path)
    return _format(path)


@lru_cache(maxsize=8192)
def _format_tuple(path: tuple) -> str:
    # Composing a draft formats ~6,000 paths, most of them several times; a batch of drafts
    # formats the same again (~1 ms of a warm draft). Steps are str or int, never bool.
    return _format(path)


def _format(path: Iterable[Step]) -> str:
    # No DataPath built and one branch per step.
    out = ""
    for step in path:
        if isinstance(step, int):
            out += f"[{step}]"
        elif out:
            out += f".{step}"
        else:
            out = str(step)
    return out


def resolve(root: Any, path: str | Iterable[Step]) -> Any:
    """The value at `path` (text or steps); None when the path leads nowhere or is not a path."""
    found = DataPath.of(path) if isinstance(path, str) else DataPath(path)
    return None if found is None else found.resolve(root)
