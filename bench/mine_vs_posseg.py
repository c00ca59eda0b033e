"""Benchmark: `drafter mine` on the 25 shipped reports as a whole process, against a bare
process running jieba.posseg over the same text, and `--jobs 2` against `--jobs 1`.

    python bench/mine_vs_posseg.py [--runs 3]

All three are timed as fresh processes, interleaved, in one run; medians (and minima) are
printed with the ratios. Goals: mining ≤ 2 × bare segmentation; --jobs 2 faster than
--jobs 1 on a machine with 2 cores. The bare process reads the same .txt files and cuts
every non-empty line with jieba.posseg (default HMM, as the miner does). Mining is run
through `python -m drafter mine CORPUS -o OUT --force --jobs N` when the CLI has the
command, else through `mine()` with `python -c`.
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

BARE = r'''
import logging, sys
from pathlib import Path
import jieba, jieba.posseg as pseg
jieba.setLogLevel(logging.WARNING)
n = 0
for p in sorted(Path(sys.argv[1]).glob("*.txt")):
    for line in p.read_text(encoding="utf-8").splitlines():
        if line.strip():
            n += sum(1 for _ in pseg.cut(line))
print(n)
'''

MINE = r'''
import sys
from drafter.mine import mine
mine(sys.argv[1], sys.argv[2], jobs=int(sys.argv[3]), progress=False, overwrite=True)
'''


def cli_has_mine(env: dict) -> bool:
    r = subprocess.run([sys.executable, "-m", "drafter", "mine", "--help"], cwd=ROOT, env=env,
                       capture_output=True, text=True)
    return r.returncode == 0 and "--jobs" in r.stdout


def timed(cmd: list[str], env: dict) -> float:
    t = time.perf_counter()
    subprocess.run(cmd, cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - t


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "?"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    out = Path(tempfile.mkdtemp(prefix="drafter-bench-")) / "phrases.json"
    use_cli = cli_has_mine(env)

    def mine_cmd(jobs: int) -> list[str]:
        if use_cli:
            return [sys.executable, "-m", "drafter", "mine", str(CORPUS), "-o", str(out), "--force", "--jobs", str(jobs)]
        return [sys.executable, "-c", MINE, str(CORPUS), str(out), str(jobs)]

    cmds = {
        "posseg": [sys.executable, "-c", BARE, str(CORPUS)],
        "mine --jobs 1": mine_cmd(1),
        "mine --jobs 2": mine_cmd(2),
    }
    # warm-up: jieba's cache file, bytecode
    for cmd in cmds.values():
        timed(cmd, env)
    times: dict[str, list[float]] = {k: [] for k in cmds}
    for _ in range(args.runs):
        for name, cmd in cmds.items():
            times[name].append(timed(cmd, env))

    import jieba  # noqa: F401  (version only)

    chars = sum(len(p.read_text(encoding="utf-8")) for p in CORPUS.glob("*.txt"))
    print(f"machine: {platform.machine()} {cpu_model()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}, jieba {jieba.__version__}, load {os.getloadavg()[0]:.2f}")
    print(f"corpus: {len(list(CORPUS.glob('*.txt')))} reports, {chars} characters; "
          f"mining through {'the CLI' if use_cli else 'mine() (python -c)'}; {args.runs} runs each, interleaved")
    med = {k: statistics.median(v) for k, v in times.items()}
    for name, v in times.items():
        print(f"  {name:14s} median {med[name]:6.2f} s   min {min(v):6.2f} s")
    r1 = med["mine --jobs 1"] / med["posseg"]
    r2 = med["mine --jobs 2"] / med["mine --jobs 1"]
    print(f"mine --jobs 1 / posseg alone = {r1:.2f} (goal ≤ 2)")
    print(f"mine --jobs 2 / mine --jobs 1 = {r2:.2f} (goal < 1)")
    print(f"bank: {out.stat().st_size} bytes")


if __name__ == "__main__":
    main()
