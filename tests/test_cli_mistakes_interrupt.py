"""Ctrl-C during `drafter mine --jobs 2` (issue "What users expect"): the terminal's SIGINT
reaches the whole process group; the user must read 「已中止」, not a traceback from every
pool worker, and no bank is left behind."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from tests.conftest import ROOT


def _children(pid: int) -> list[str]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children", encoding="ascii") as f:
            return f.read().split()
    except OSError:
        return []


@pytest.mark.skipif(not os.path.exists("/proc/self/task"), reason="needs Linux /proc to see the workers start")
def test_ctrl_c_in_mine_with_workers_prints_only_that_it_stopped(tmp_path):
    out = tmp_path / "bank.json"
    proc = subprocess.Popen(
        [sys.executable, "-m", "drafter.cli", "mine", str(ROOT / "style_corpus"), "-o", str(out), "--jobs", "2"],
        cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True,
    )
    # the workers fork once jieba is loaded; interrupt while they mine (161 reports take seconds)
    while len(_children(proc.pid)) < 2 and proc.poll() is None:
        time.sleep(0.05)
    assert proc.poll() is None, "mine ended before its workers started"
    time.sleep(0.3)
    os.killpg(proc.pid, signal.SIGINT)  # what Ctrl-C does: every process of the group
    _, err = proc.communicate()
    text = err.decode("utf-8")
    assert proc.returncode == 130, text
    assert text.rstrip().endswith("已中止"), text
    for noise in ("Traceback", "KeyboardInterrupt", "ForkPoolWorker", "Process "):
        assert noise not in text, text
    assert not out.exists()
