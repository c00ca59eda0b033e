"""No data lost: a run killed while writing leaves the old draft intact, and every output
goes through the same atomic writer."""

from __future__ import annotations

import os
import signal
import subprocess
import sys

from tests.conftest import ROOT
import contextlib

SLOW_WRITER = r"""
import sys, time
from pathlib import Path
from drafter.atomic import atomic_write

def slow(stream):
    stream.write(b"NEW PARTIAL CONTENT ")
    stream.flush()
    print("writing", flush=True)
    time.sleep(30)  # killed here
    stream.write(b"never")

atomic_write(Path(sys.argv[1]), slow, force=True)
"""


def test_kill_during_write_leaves_the_old_file_intact(tmp_path):
    target = tmp_path / "初稿.docx"
    target.write_bytes(b"OLD DRAFT EDITED BY HAND")
    proc = subprocess.Popen(
        [sys.executable, "-c", SLOW_WRITER, str(target)],
        stdout=subprocess.PIPE, text=True, env=dict(os.environ, PYTHONPATH=str(ROOT)),
    )
    assert proc.stdout.readline().strip() == "writing"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=10)
    assert target.read_bytes() == b"OLD DRAFT EDITED BY HAND"
    leftovers = [p.name for p in tmp_path.iterdir() if p.name != "初稿.docx"]
    assert all(name.startswith(".初稿.docx.") and name.endswith(".part") for name in leftovers)


def test_failure_inside_the_writer_leaves_nothing(tmp_path):
    from drafter.atomic import atomic_write

    target = tmp_path / "out.docx"

    def boom(stream):
        stream.write(b"half")
        raise RuntimeError("disk on fire")

    with contextlib.suppress(RuntimeError):
        atomic_write(target, boom)
    assert list(tmp_path.iterdir()) == []


def test_written_files_are_not_private(tmp_path, run_cli, minimal):
    out = tmp_path / "o.docx"
    code, _, err = run_cli("draft", minimal, "-o", out)
    assert code == 0, err
    assert out.stat().st_mode & 0o044  # readable by group/others per umask, like any saved file


def test_every_output_refuses_to_overwrite(tmp_path, run_cli, minimal):
    """draft, outline, division, parse, mine, check's sheet: one rule for all."""
    cases = [
        ("draft", minimal, "-o"),
        ("outline", minimal, "-o"),
        ("division", minimal, "-o"),
    ]
    for cmd, data, flag in cases:
        out = tmp_path / f"{cmd}.docx"
        out.write_bytes(b"mine")
        code, _, err = run_cli(cmd, data, flag, out)
        assert code == 2 and "已存在" in err and out.read_bytes() == b"mine", cmd
    sheet = tmp_path / "sheet.xlsx"
    sheet.write_bytes(b"mine")
    code, _, err = run_cli("check", minimal, "--confirm-sheet", sheet)
    assert code == 2 and sheet.read_bytes() == b"mine"
    js = tmp_path / "s.json"
    js.write_text("mine", encoding="utf-8")
    code, _, err = run_cli("parse", ROOT / "style_corpus" / "2024_咸阳市.txt", "-o", js)
    assert code == 2 and js.read_text(encoding="utf-8") == "mine"
