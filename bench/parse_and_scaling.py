"""Benchmark: parsing each shipped report (`drafter parse` as a library call, per report), and
mining scaled to 10× and 100× the corpus (replicated files, each copy made unique so the
miner's duplicate check keeps it) with wall time and peak memory (max RSS of the process).

    python bench/parse_and_scaling.py [--scales 1,10,100] [--jobs 2]

Goal for the miner: memory grows with the bank, not the corpus — peak RSS should stay
roughly flat from 10× to 100× while time grows linearly.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "style_corpus"

MINE = r'''
import resource, sys, time
from drafter.mine import mine
t = time.perf_counter()
r = mine(sys.argv[1], sys.argv[2], jobs=int(sys.argv[3]), progress=False, overwrite=True)
dt = time.perf_counter() - t
self_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
kids_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(dt, max(self_kb, kids_kb), self_kb, r.files["mined"])
'''


def parse_times() -> list[tuple[str, float, int]]:
    sys.path.insert(0, str(ROOT))
    from drafter.parse import parse_report

    out = []
    for path in sorted(CORPUS.glob("*.txt")):
        parse_report(path)  # warm
        runs = []
        for _ in range(5):
            t = time.perf_counter()
            parse_report(path)
            runs.append(time.perf_counter() - t)
        out.append((path.name, statistics.median(runs), len(path.read_text(encoding="utf-8"))))
    return out


def scaled_corpus(folder: Path, scale: int) -> None:
    folder.mkdir()
    for path in sorted(CORPUS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for k in range(scale):
            # one distinct line per copy: the miner skips files whose text it has seen
            (folder / f"{path.stem}_{k:03d}.txt").write_text(text + f"\n（副本{k}）\n", encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--scales", default="1,10,100")
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args()
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPATH"] = str(ROOT)
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    times = parse_times()
    total = sum(t for _, t, _ in times)
    chars = sum(c for *_, c in times)
    print(f"parse: {len(times)} reports, median {statistics.median(t for _, t, _ in times) * 1000:.1f} ms a report, "
          f"slowest {max(t for _, t, _ in times) * 1000:.1f} ms, {chars / total / 1000:.0f} k chars/s")
    for scale in (int(s) for s in args.scales.split(",")):
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp) / "corpus"
            scaled_corpus(folder, scale)
            out = subprocess.run(
                [sys.executable, "-c", MINE, str(folder), str(Path(tmp) / "bank.json"), str(args.jobs)],
                env=env, capture_output=True, text=True, check=True,
            ).stdout.split()
            dt, peak_kb, main_kb, mined = float(out[0]), int(out[1]), int(out[2]), int(out[3])
            size = (Path(tmp) / "bank.json").stat().st_size
            print(f"mine ×{scale:<3} {mined:>5} reports, --jobs {args.jobs}: {dt:7.1f} s, "
                  f"peak RSS {peak_kb / 1024:.0f} MB (main process {main_kb / 1024:.0f} MB), bank {size / 1024 / 1024:.2f} MB")


if __name__ == "__main__":
    main()
