"""What `run_check` returns: the target table, the findings, and the exit status."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .findings import ERROR, GROUPS, HINT, Finding
from .targets_table import TargetRow


@dataclass
class CheckResult:
    region: str
    year: int
    level: str
    checked: str  # what was checked: 文稿 初稿.docx / 由数据生成的文字
    draft: Path | None = None
    targets: list[TargetRow] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    ran: list[str] = field(default_factory=list)  # the groups that were checked
    skipped: list[str] = field(default_factory=list)  # checks not run, and why (Chinese)
    report_path: Path | None = None
    sheet_path: Path | None = None
    sheet_figures: int = 0
    sheet_departments: int = 0
    loaded: Any = field(default=None, repr=False)  # the data with positions: where each path was written

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == ERROR]

    @property
    def hints(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == HINT]

    @property
    def exit_code(self) -> int:
        """0 when nothing is wrong, 1 when there is at least one 错误 (提示 alone do not fail:
        they are things to look at, often right as written)."""
        return 1 if self.errors else 0

    def group(self, name: str) -> list[Finding]:
        return [f for f in self.findings if f.group == name]

    def of_kind(self, kind: str) -> list[Finding]:
        return [f for f in self.findings if f.kind == kind]

    @property
    def groups(self) -> tuple[str, ...]:
        return GROUPS
