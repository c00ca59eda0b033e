"""The progress bar `drafter mine` draws on stderr; only cli.py imports this module (the
miner reports its progress through a callback and never prints)."""

from __future__ import annotations

import sys

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn, TimeElapsedColumn


class MineBar:
    """The 挖掘短语 bar on stderr, fed by mine's `progress(name, done, total)` callback."""

    def __init__(self) -> None:
        self._p: Progress | None = None
        self._task: TaskID | None = None

    def __enter__(self) -> MineBar:
        return self

    def __call__(self, name: str, done: int, total: int) -> None:
        if self._p is None:
            self._p = Progress(
                TextColumn("挖掘短语"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                TextColumn("{task.description}"),
                console=Console(file=sys.stderr),
                transient=False,
            )
            self._p.__enter__()
            self._task = self._p.add_task("", total=total)
        assert self._task is not None
        self._p.update(self._task, completed=done, description=name)

    def __exit__(self, *exc: object) -> None:
        if self._p is not None:
            self._p.__exit__(None, None, None)
