"""Benchmark: `drafter draft` on the 市 example as a whole process, against a bare python-docx
script writing the same paragraphs (same texts, bold leads, same number of paragraphs).

    python bench/draft_vs_docx.py [--runs 15]

Both are timed as fresh processes, interleaved, in one run; the median wall time and the ratio
are printed (goal: drafter ≤ 1.3 × bare). Bytecode caching is on for both, as in a normal
install (this sandbox sets PYTHONDONTWRITEBYTECODE, which would charge every run for
compiling every module). It also checks that the drafting path never imports jieba.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "xianyang_2024.yaml"

BARE = r'''
import json, sys
import docx
paras = json.load(open(sys.argv[1], encoding="utf-8"))
d = docx.Document()
for lead, text in paras:
    p = d.add_paragraph()
    if lead:
        p.add_run(lead).bold = True
    p.add_run(text)
d.save(sys.argv[2])
'''


def paragraphs() -> list[tuple[str, str]]:
    """The drafted paragraphs, as the bare script will write them."""
    sys.path.insert(0, str(ROOT))
    from drafter.api import compose_report, load
    from drafter.tree import Section, plain

    doc = compose_report(load(EXAMPLE))
    out = [("", plain(doc.header.title)), ("", plain(doc.header.subtitle)), ("", plain(doc.header.speaker))]
    for part in doc.parts:
        if part.heading:
            out.append(("", part.heading.text))
        for block in part.blocks:
            if isinstance(block, Section):
                if block.heading:
                    out.append(("", block.heading.text))
                out.extend((plain(p.lead), plain(p.runs)) for p in block.blocks)
            else:
                out.append((plain(block.lead), plain(block.runs)))
    return out


def timed(cmd: list[str], env: dict) -> float:
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, env=env, stdout=subprocess.DEVNULL)
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=15)
    args = ap.parse_args()
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    py = sys.executable
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        paras = paragraphs()
        (tmp / "paras.json").write_text(json.dumps(paras, ensure_ascii=False), encoding="utf-8")
        (tmp / "bare.py").write_text(BARE, encoding="utf-8")
        drafter_cmd = [py, "-m", "drafter", "draft", str(EXAMPLE), "-o", str(tmp / "d.docx"), "--force"]
        bare_cmd = [py, str(tmp / "bare.py"), str(tmp / "paras.json"), str(tmp / "b.docx")]
        for cmd in (drafter_cmd, bare_cmd):  # warm the OS cache and the bytecode caches
            timed(cmd, env)
        d_times, b_times = [], []
        for _ in range(args.runs):
            d_times.append(timed(drafter_cmd, env))
            b_times.append(timed(bare_cmd, env))
        probe = subprocess.run(
            [py, "-c", "import sys, runpy; sys.argv=['drafter']+sys.argv[1:]; "
             "from drafter.cli import main; main(sys.argv[1:]); print('jieba' in sys.modules)",
             "draft", str(EXAMPLE), "-o", str(tmp / "p.docx"), "--force"],
            env=env, capture_output=True, text=True, check=True,
        )
        jieba_loaded = probe.stdout.strip().splitlines()[-1]
    d, b = statistics.median(d_times), statistics.median(b_times)
    chars = sum(len(l) + len(t) for l, t in paras)
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    print(f"example: {EXAMPLE.name}, {len(paras)} paragraphs, {chars} characters, {args.runs} runs each")
    print(f"drafter draft (whole process): median {d * 1000:.0f} ms (min {min(d_times) * 1000:.0f})")
    print(f"bare python-docx script:       median {b * 1000:.0f} ms (min {min(b_times) * 1000:.0f})")
    print(f"ratio: {d / b:.2f} (goal ≤ 1.30)")
    print(f"jieba imported while drafting: {jieba_loaded}")


if __name__ == "__main__":
    main()
