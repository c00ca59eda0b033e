"""Readers: the YAML data loader (the report parser for .txt/.docx is drafter.parse)."""

from __future__ import annotations

from pathlib import Path

from ..model import Report
from .validate import validate_with_positions
from .yaml_data import Loaded, gc_paused, load_data


def load_report(path: str | Path) -> Report:
    """Load and validate a data file or folder. Raises DataErrors with every problem at once."""
    loaded = load_data(path)
    with gc_paused():  # a large data file's model objects, like its nodes, are no garbage
        return validate_with_positions(Report, loaded.data, loaded)


__all__ = ["load_report", "load_data", "Loaded", "validate_with_positions"]
