"""ruff in CI: `ruff check drafter` with the rule set of pyproject.toml ([tool.ruff.lint]) must
find nothing. Skipped only where ruff is not installed; the [test] extra installs it."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _ruff() -> list[str] | None:
    """ruff as a module of this interpreter (pip install ".[test]"), else on PATH."""
    try:
        import ruff  # noqa: F401  (only to know it is installed)
    except ImportError:
        exe = shutil.which("ruff")
        return [exe] if exe else None
    return [sys.executable, "-m", "ruff"]


def test_ruff_finds_nothing_in_drafter():
    ruff = _ruff()
    if ruff is None:
        pytest.skip("ruff is not installed (pip install '.[test]')")
    r = subprocess.run([*ruff, "check", "--no-cache", "--output-format=concise", "drafter"], cwd=ROOT, capture_output=True, text=True, check=False)
    assert r.returncode == 0, f"ruff check drafter:\n{r.stdout}{r.stderr}"
    assert "All checks passed" in r.stdout


def test_the_rule_set_is_the_one_written_in_pyproject():
    """The rules that found real bugs here stay selected: zip without strict, raise without
    from, reassigned loop variables, global statements, blind except."""
    ruff = _ruff()
    if ruff is None:
        pytest.skip("ruff is not installed (pip install '.[test]')")
    r = subprocess.run([*ruff, "check", "--show-settings", "drafter/api.py"], cwd=ROOT, capture_output=True, text=True, check=True)
    enabled = r.stdout.split("linter.rules.enabled = [", 1)[1].split("]", 1)[0]
    for code in ("B905", "B904", "PLW2901", "PLW0603", "BLE001", "F401", "E902"):
        assert f"({code})" in enabled, code
    for code in ("RUF001", "RUF002", "RUF003", "E501"):  # noise on Chinese text
        assert f"({code})" not in enabled, code
