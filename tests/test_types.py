"""mypy in CI: `mypy` with the [tool.mypy] settings of pyproject.toml (packages = drafter, the
pydantic plugin, per-module ignores only for libraries without types) must find nothing, and
the wheel marks the package as typed (drafter/py.typed, PEP 561). Skipped only where mypy is
not installed; the [test] extra installs it with the stubs it needs."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
UNTYPED = {"jieba", "_string"}  # no inline types and no stubs package (_string: CPython's C module)


def test_mypy_finds_nothing_in_drafter():
    pytest.importorskip("mypy", reason="mypy is not installed (pip install '.[test]')")
    r = subprocess.run(
        [sys.executable, "-m", "mypy", "--no-incremental", "--no-error-summary", "--hide-error-context"],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )
    errors = [line for line in r.stdout.splitlines() if ": error:" in line]
    assert r.returncode == 0 and not errors, "mypy:\n" + "\n".join(errors or [r.stdout + r.stderr])


def test_the_mypy_settings_are_the_ones_written_in_pyproject():
    """Checked as a package, with the pydantic plugin (Field(16) is a default), unused ignores
    reported, and no blanket ignore_missing_imports: only named modules may go untyped."""
    conf = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["mypy"]
    assert conf["packages"] == ["drafter"]
    assert "pydantic.mypy" in conf["plugins"]
    assert conf["warn_unused_ignores"] is True
    assert "ignore_missing_imports" not in conf
    for override in conf.get("overrides", []):
        assert all(m.split(".")[0] in UNTYPED for m in override["module"]), override["module"]


def test_the_package_is_marked_typed():
    assert (ROOT / "drafter" / "py.typed").is_file()
    wheel = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["hatch"]["build"]["targets"]["wheel"]
    assert wheel["packages"] == ["drafter"]  # hatch ships every file of the package, py.typed included


def test_type_ignores_name_their_code_and_reason():
    """A `# type: ignore` silences one error code and says why: after it, or on the line above."""
    bare = []
    for path in sorted((ROOT / "drafter").rglob("*.py")):
        lines = path.read_text(encoding="utf-8").splitlines()
        for n, line in enumerate(lines, 1):
            if "# type: ignore" in line:
                after = line.split("# type: ignore", 1)[1]
                above = lines[n - 2].strip() if n > 1 else ""
                if not after.startswith("[") or ("#" not in after and not above.startswith("#")):
                    bare.append(f"{path.relative_to(ROOT)}:{n}: {line.strip()}")
    assert not bare, "\n".join(bare)
