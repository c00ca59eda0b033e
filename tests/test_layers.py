"""The layers contract of pyproject.toml ([tool.importlinter]): imports only point down.

import-linter reads every import of drafter, module-level and function-local alike, so a new
upward import (a cycle between layers) fails here with the chain that causes it.
"""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LINT = [sys.executable, "-c", "from importlinter.cli import lint_imports_command; lint_imports_command()"]


def _layers() -> list[str]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    (contract,) = config["tool"]["importlinter"]["contracts"]
    return contract["layers"]


def _lint(config: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*LINT, "--no-cache", "--no-logo", str(config)],
                          capture_output=True, text=True, cwd=ROOT)


def test_imports_keep_to_the_layers():
    r = _lint(ROOT / "pyproject.toml")
    assert r.returncode == 0, r.stdout + r.stderr
    assert "1 kept, 0 broken" in r.stdout


def test_every_module_of_drafter_has_a_layer():
    """A new top-level module or package must be placed in the contract, not slip past it."""
    named = {m.strip() for layer in _layers() for m in layer.split("|")}
    present = {f"drafter.{p.stem}" for p in (ROOT / "drafter").glob("*.py") if p.stem != "__init__"}
    present |= {f"drafter.{p.parent.name}" for p in (ROOT / "drafter").glob("*/__init__.py")}
    assert present == named


def test_an_upward_import_breaks_the_contract(tmp_path):
    """The check can fail: with the tree put above the composer, compose → tree points up."""
    config = tmp_path / "upside_down.toml"
    config.write_text('[tool.importlinter]\nroot_package = "drafter"\n\n[[tool.importlinter.contracts]]\n'
                      'name = "upside down"\ntype = "layers"\nlayers = ["drafter.tree", "drafter.compose"]\n',
                      encoding="utf-8")
    r = _lint(config)
    assert r.returncode == 1
    assert "drafter.compose is not allowed to import drafter.tree" in r.stdout
