"""Benchmark: `drafter mine` on the 161 shipped reports (style_corpus/ and more/) as a whole process, against a bare
process running jieba.posseg over the same text, and `--jobs 2` against `--jobs 1`.

    python bench/mine_vs_posseg.py [--runs 3]
    python bench/mine_vs_posseg.py --coverage     # leave-one-out figures on all of style_corpus/

--coverage mines every report of style_corpus/ and its subfolders once (--jobs 2) and prints
the leave-one-out number-frame coverage (drafter.mine.coverage.leave_one_out) and the
leave-one-out topic agreement of the lexicon (coverage.leave_one_out_topics): for each report,
the lexicon mined from the others classifies the body of each of its review sections and
key-task areas (heading and leads removed); agreement is with the seed topic of the real heading.

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
for p in sorted(Path(sys.argv[1]).rglob("*.txt")):
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


def coverage() -> None:
    sys.path.insert(0, str(ROOT))
    from drafter.mine import candidates, mine_reports
    from drafter.mine.coverage import leave_one_out, leave_one_out_topics, mean_share

    paths, _ = candidates(CORPUS)
    aggs = [a for _, a, _ in mine_reports(paths, jobs=2, corpus=CORPUS) if a is not None]
    covs = [c for c in leave_one_out(aggs) if c.clauses]
    print(f"number frames, leave-one-out over {len(covs)} reports: mean {mean_share(covs):.1%} "
          f"(pooled {sum(c.held for c in covs)}/{sum(c.clauses for c in covs)}; "
          f"lowest {min(c.share for c in covs):.1%}, highest {max(c.share for c in covs):.1%})")
    top = [c for c in covs if "/" not in c.file]
    print(f"  the 25 of the top folder, each against the other {len(covs) - 1}: mean {mean_share(top):.1%}")
    topics = leave_one_out_topics(aggs, CORPUS)
    n = sum(t.sections for t in topics)
    print(f"topic of section bodies, leave-one-out: {sum(t.agree for t in topics)}/{n} = "
          f"{sum(t.agree for t in topics) / n:.1%} agree with the heading's topic "
          f"(seed keywords alone on the same bodies: {sum(t.seeds_agree for t in topics) / n:.1%})")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--coverage", action="store_true", help="leave-one-out figures on all of style_corpus/")
    args = ap.parse_args()
    if args.coverage:
        coverage()
        return
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    out = Path(tempfile.mkdtemp(prefix="drafter-bench-")) / "phrases"  # the split layout, as shipped
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

    import jieba

    # every report, subfolders too (mine reads more/ as well)
    chars = sum(len(p.read_text(encoding="utf-8")) for p in CORPUS.rglob("*.txt"))
    print(f"machine: {platform.machine()} {cpu_model()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}, jieba {jieba.__version__}, load {os.getloadavg()[0]:.2f}")
    print(f"corpus: {len(list(CORPUS.rglob('*.txt')))} reports, {chars} characters; "
          f"mining through {'the CLI' if use_cli else 'mine() (python -c)'}; {args.runs} runs each, interleaved")
    med = {k: statistics.median(v) for k, v in times.items()}
    for name, v in times.items():
        print(f"  {name:14s} median {med[name]:6.2f} s   min {min(v):6.2f} s")
    r1 = med["mine --jobs 1"] / med["posseg"]
    r2 = med["mine --jobs 2"] / med["mine --jobs 1"]
    print(f"mine --jobs 1 / posseg alone = {r1:.2f} (goal ≤ 2)")
    print(f"mine --jobs 2 / mine --jobs 1 = {r2:.2f} (goal < 1)")
    sizes = {f.name: f.stat().st_size for f in sorted(out.iterdir())}
    print(f"bank: {sum(sizes.values())} bytes; " + ", ".join(f"{k} {v}" for k, v in sizes.items()))


if __name__ == "__main__":
    main()
