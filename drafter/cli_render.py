"""What the CLI draws on the terminal: the check's findings as rich tables.

Only cli.py imports this module (the library returns results and never prints); the same
content as a .txt / .md file is drafter/checks/render.py.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

from rich.console import Console
from rich.table import Table
from rich.text import Text

from .checks.findings import ERROR, TARGETS
from .checks.render import FINDING_GROUPS, counts, listed, numbering, summary, title
from .checks.result import CheckResult


# Redirected to a file, rich would fold the tables at 80 columns and a file:line or a number
# would break over three lines; in a file each row keeps its natural width, on one line.
FILE_WIDTH = 1000


def terminal() -> Console:
    """A console for stdout: the terminal's width, or FILE_WIDTH when written to a file."""
    return Console() if sys.stdout.isatty() else Console(width=FILE_WIDTH)


def print_result(r: CheckResult, console: Console | None = None,
                 where_of: Callable[[str], str] | None = None) -> None:
    """The check's findings as rich tables on the terminal (or `console`). `where_of`: a data
    path (counted in the merged folder) -> file:line:column in the user's own file, or ''."""
    console = console or terminal()
    console.print(Text(title(r), style="bold"))
    for note in r.skipped + numbering(r):
        console.print(Text(note, style="dim"))
    if r.targets:
        t = Table(title="上年目标完成情况", title_justify="left", show_lines=False)
        for col in ("指标", "目标", "实际", "结论", "说明"):
            t.add_column(col, overflow="fold")
        colours = {"超额完成": "green", "完成": "green", "基本完成": "yellow", "未完成": "red", "待核实": "magenta"}
        for row in r.targets:
            t.add_row(Text(row.name), Text(row.target), Text(row.actual),
                      Text(row.verdict, style=colours.get(row.verdict, "")), Text(row.reason))
        console.print(t)
    for group in FINDING_GROUPS:
        fs = r.group(group)
        if not fs:
            if group in r.ran and group != TARGETS:
                console.print(Text(f"✓ {group}：未发现问题", style="green"))
            continue
        t = Table(title=f"{group}（{counts(fs)}）", title_justify="left", show_lines=True, expand=console.is_terminal)
        # Chinese has no spaces to wrap at: fold long cells instead of cutting them off.
        t.add_column("级别", no_wrap=True)
        t.add_column("类别", no_wrap=True)
        t.add_column("位置", ratio=2, overflow="fold")
        t.add_column("数据路径", ratio=2, overflow="fold")
        t.add_column("说明", ratio=5, overflow="fold")
        shown, note = listed(fs)
        for f in shown:
            t.add_row(Text(f.severity, style="bold red" if f.severity == ERROR else "yellow"), Text(f.kind),
                      Text(f.where), Text(_path_shown(f.path, where_of)), Text(f.message))
        console.print(t)
        if note:
            console.print(Text(note, style="bold"))
    console.print(Text(summary(r), style="bold red" if r.errors else "bold green"))


def _path_shown(path: str, where_of: Callable[[str], str] | None) -> str:
    if not path:
        return "—"
    at = where_of(path) if where_of else ""
    return f"{path}（{at}）" if at else path
