"""The corpus index beside the reports: SOURCES.tsv (file, place, level, province, parent …).

A report's province (and, when given, its level and parent) come from the SOURCES.tsv of its
own folder; an office mining its own folder without one gets "" (unknown) for them.
"""

from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path

SOURCES = "SOURCES.tsv"


@lru_cache(maxsize=32)
def _rows(folder: str) -> dict[str, dict[str, str]]:
    tsv = Path(folder) / SOURCES
    if not tsv.is_file():
        return {}
    try:
        with tsv.open(encoding="utf-8", newline="") as f:
            return {r["file"]: {k: (v or "").strip() for k, v in r.items() if k} for r in csv.DictReader(f, delimiter="\t") if r.get("file")}
    except (OSError, UnicodeDecodeError, csv.Error, KeyError):
        return {}


def source_row(path: Path) -> dict[str, str]:
    """The SOURCES.tsv row of this report ({} when there is none)."""
    return _rows(str(Path(path).parent)).get(Path(path).name, {})
