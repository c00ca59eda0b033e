"""`drafter phrases` piped into a file or another program: full text, never cut to 80 columns."""

from __future__ import annotations

import subprocess
import sys



def test_piped_output_is_not_cut(tmp_path):
    # A real process with stdout a pipe, as in `drafter phrases 坚持 | grep …`.
    proc = subprocess.run(
        [sys.executable, "-m", "drafter", "phrases", "坚持", "--limit", "200"],
        capture_output=True, text=True, cwd=tmp_path, env={"COLUMNS": "80", "PATH": "/usr/bin:/bin"},
    )
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert lines[0].startswith("“坚持”：") and lines[1].split("\t") == ["类别", "位置", "措辞", "次数", "出处"]
    rows = [ln.split("\t") for ln in lines[2:] if "\t" in ln]
    assert len(rows) == 200 and all(len(r) == 5 for r in rows)
    # Whole phrases and all three sources: the longest rows run far past 80 columns.
    assert max(len(ln) for ln in lines) > 80
    assert not any("…" in r[2][-1:] for r in rows)
    assert all(r[4].count(":") == min(3, r[4].count("；") + 1) for r in rows)
