"""Hostile inputs that once escaped the limits (issue 9, §4): each case runs in its own process
and prints CPU time, peak memory and the outcome. Goal: every case refused or finished in under
2 s of CPU and under 300 MB.

    python bench/hostile_inputs.py            # all cases
    python bench/hostile_inputs.py yaml       # cases whose name contains "yaml"

Cases live in bench/hostile_cases_*.py, one module per area; each defines CASES, a list of
Case(name, build, argv): `build(tmp)` makes the input files in a temporary folder and `argv`
are the drafter arguments (with {tmp} filled in).
"""

from __future__ import annotations

import importlib
import pkgutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from collections.abc import Callable

HERE = Path(__file__).resolve().parent
CPU_GOAL_S = 2.0
RSS_GOAL_MB = 300


@dataclass
class Case:
    name: str
    build: Callable[[Path], None]
    argv: list[str]


def cases() -> list[Case]:
    sys.path.insert(0, str(HERE))
    out: list[Case] = []
    for info in sorted(pkgutil.iter_modules([str(HERE)]), key=lambda i: i.name):
        if info.name.startswith("hostile_cases_"):
            out.extend(importlib.import_module(info.name).CASES)
    return out


def run(case: Case) -> tuple[float, float, int, str]:
    with tempfile.TemporaryDirectory() as t:
        tmp = Path(t)
        case.build(tmp)
        argv = [a.replace("{tmp}", t) for a in case.argv]
        code = (
            "import resource, sys, runpy\n"
            "sys.argv = ['drafter'] + sys.argv[1:]\n"
            "try:\n"
            "    from drafter.cli import main; code = main()  # returns the exit code\n"
            "except SystemExit as e:\n"
            "    code = e.code if isinstance(e.code, int) else 1\n"
            "u = resource.getrusage(resource.RUSAGE_SELF)\n"
            "print(f'\\n@@ {u.ru_utime + u.ru_stime:.3f} {u.ru_maxrss / 1024:.0f} {code}', file=sys.stderr)\n"
            "sys.exit(code)\n"
        )
        try:
            p = subprocess.run(
                [sys.executable, "-c", code, *argv], capture_output=True, text=True, timeout=120, cwd=t
            )
        except subprocess.TimeoutExpired:
            return 120.0, float("nan"), -1, "超时（>120 s）"
        tail = [ln for ln in p.stderr.splitlines() if ln.startswith("@@ ")]
        if not tail:
            return float("nan"), float("nan"), p.returncode, (p.stderr.strip().splitlines() or ["?"])[-1][:60]
        _, cpu, rss, rc = tail[-1].split()
        first = next((ln for ln in p.stderr.splitlines() if ln.strip() and not ln.startswith("@@")), "")
        return float(cpu), float(rss), int(rc), first[:60]


def main(argv: list[str]) -> int:
    want = argv[1] if len(argv) > 1 else ""
    bad = 0
    print(f"{'case':40} {'CPU s':>7} {'peak MB':>8} {'exit':>4}  message")
    for case in cases():
        if want not in case.name:
            continue
        cpu, rss, rc, msg = run(case)
        ok = cpu < CPU_GOAL_S and rss < RSS_GOAL_MB and rc in (0, 1, 2)
        bad += not ok
        print(f"{case.name:40} {cpu:7.2f} {rss:8.0f} {rc:4}  {msg}{'' if ok else '  ← 未达标'}")
    print(f"{'all within' if not bad else str(bad) + ' over'} {CPU_GOAL_S} s CPU / {RSS_GOAL_MB} MB")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
