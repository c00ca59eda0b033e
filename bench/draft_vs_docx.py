"""Benchmark: `drafter draft` on the 市 example against a bare python-docx script writing the
same paragraphs (same texts, bold leads, same number of paragraphs), cold and warm.

    python bench/draft_vs_docx.py [--runs 9]

Cold: both as fresh processes, interleaved. Warm: `api.draft` again in one process (the batch
or server case: imports done, shipped bank and templates cached) against the bare loop in the
same process, interleaved; then the warm draft stage by stage (each with the collector paused, as
api.draft runs it) and the compose of the figures-only twin, whose headings and leads all come
from the phrase bank's suggestions. The machine is shared, so both report CPU time (user + sys; of the
child via os.wait4 when cold, time.process_time() when warm) and medians, not wall time.
Goals (issue 13): cold ≤ 2.0 × bare, warm ≤ 1.3 × bare. Bytecode caching is on for both, as in
a normal install (this sandbox sets PYTHONDONTWRITEBYTECODE, which would charge every run for
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
# The same region with figures only: every heading and lead is suggested from the phrase bank
# (drafter/phrases/suggest.py), the costliest use of the bank a draft makes.
FIGURES_TWIN = ROOT / "examples" / "xianyang_2024_figures.yaml"

BARE = r'''
import json, sys
import docx

def write(paras, out):
    d = docx.Document()
    for lead, text in paras:
        p = d.add_paragraph()
        if lead:
            p.add_run(lead).bold = True
        p.add_run(text)
    d.save(out)

if __name__ == "__main__":
    write(json.load(open(sys.argv[1], encoding="utf-8")), sys.argv[2])
'''

# The design card's stack, imported and nothing else: the floor a cold drafter run stands on.
# `import pydantic` alone is lazy; BaseModel (which typer's parameter coercion also builds on)
# is what a run pays for.
STACK = "import docx, typer, jinja2; from pydantic import BaseModel"


def paragraphs() -> list[tuple[str, str]]:
    """The drafted paragraphs, as the bare script will write them."""
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


def cpu_of(cmd: list[str], env: dict) -> float:
    """User + sys CPU seconds of one child process."""
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        raise SystemExit(f"failed ({proc.returncode}): {' '.join(cmd)}")
    return usage.ru_utime + usage.ru_stime


def cpu_in_process(fn) -> float:
    start = time.process_time()
    fn()
    return time.process_time() - start


def interleaved(runs: int, **timers) -> dict[str, list[float]]:
    times: dict[str, list[float]] = {name: [] for name in timers}
    for _ in range(runs):
        for name, timer in timers.items():
            times[name].append(timer())
    return times


def warm_stages(runs: int, out: Path) -> dict[str, list[float]]:
    """CPU of each stage of a warm draft (what api.draft runs, stage by stage), interleaved."""
    from drafter.pipeline import unused_values
    from drafter.readers.yaml_data import gc_paused
    from drafter.stages import compose_report, load_with_positions
    from drafter.writers import write

    state: dict = {}

    def load() -> None:
        state["report"], state["loaded"] = load_with_positions(EXAMPLE)

    def compose() -> None:
        state["doc"] = compose_report(state["report"])

    def unused() -> None:
        unused_values(state["loaded"], state["doc"])

    def write_docx() -> None:
        write(state["doc"], out, "docx", force=True)

    steps = {"read data and validate": load, "compose": compose, "unused-values check": unused,
             "write .docx (incl. fsync)": write_docx}
    for step in steps.values():
        step()

    def paused(step):  # as api.draft runs them: collector paused, the young swept after each
        with gc_paused():
            step()

    return interleaved(runs, **{name: (lambda s=step: cpu_in_process(lambda: paused(s))) for name, step in steps.items()})


def line(label: str, times: list[float]) -> str:
    return f"{label:<34} median {statistics.median(times) * 1000:6.1f} ms CPU (min {min(times) * 1000:.1f})"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=9)
    args = ap.parse_args()
    runs = max(args.runs, 7)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    py = sys.executable
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        paras = paragraphs()
        (tmp / "paras.json").write_text(json.dumps(paras, ensure_ascii=False), encoding="utf-8")
        (tmp / "bare.py").write_text(BARE, encoding="utf-8")
        drafter_cmd = [py, "-m", "drafter", "draft", str(EXAMPLE), "-o", str(tmp / "d.docx"), "--force"]
        bare_cmd = [py, str(tmp / "bare.py"), str(tmp / "paras.json"), str(tmp / "b.docx")]
        stack_cmd = [py, "-c", STACK]
        docx_cmd = [py, "-c", "import docx"]
        for cmd in (drafter_cmd, bare_cmd, stack_cmd, docx_cmd):  # warm the OS and bytecode caches
            cpu_of(cmd, env)
        cold = interleaved(
            runs,
            drafter=lambda: cpu_of(drafter_cmd, env), bare=lambda: cpu_of(bare_cmd, env),
            stack=lambda: cpu_of(stack_cmd, env), docx=lambda: cpu_of(docx_cmd, env),
        )

        from drafter import api
        from drafter.stages import compose_report, load_with_positions

        bare_ns: dict = {}
        exec(compile(BARE, "bare.py", "exec"), bare_ns)
        warm_draft = lambda: api.draft(EXAMPLE, tmp / "w.docx", force=True)  # noqa: E731
        warm_bare = lambda: bare_ns["write"](paras, str(tmp / "wb.docx"))  # noqa: E731
        warm_draft(), warm_bare()
        warm = interleaved(runs, drafter=lambda: cpu_in_process(warm_draft),
                           bare=lambda: cpu_in_process(warm_bare))

        stages = warm_stages(runs, tmp / "s.docx")
        twin = load_with_positions(FIGURES_TWIN)[0]
        compose_report(twin)
        twin_compose = [cpu_in_process(lambda: compose_report(twin)) for _ in range(runs)]

        probe = subprocess.run(
            [py, "-c", "import sys; from drafter.cli import main; main(sys.argv[1:]); "
             "print('jieba' in sys.modules)",
             "draft", str(EXAMPLE), "-o", str(tmp / "p.docx"), "--force"],
            env=env, capture_output=True, text=True, check=True,
        )
        jieba_loaded = probe.stdout.strip().splitlines()[-1]
    med = {k: statistics.median(v) for k, v in cold.items()}
    wmed = {k: statistics.median(v) for k, v in warm.items()}
    chars = sum(len(lead) + len(t) for lead, t in paras)
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    print(f"example: {EXAMPLE.name}, {len(paras)} paragraphs, {chars} characters")
    print(f"CPU time (user+sys), interleaved runs, medians of {runs}: the machine may be shared")
    print("cold (fresh processes):")
    print("  " + line("drafter draft", cold["drafter"]))
    print("  " + line("bare python-docx script", cold["bare"]))
    print("  " + line(f"python -c '{STACK}'", cold["stack"]))
    print("  " + line("python -c 'import docx'", cold["docx"]))
    print(f"  cold ratio: {med['drafter'] / med['bare']:.2f} (goal ≤ 2.00); the stack's imports alone: "
          f"{med['stack'] / med['bare']:.2f} × bare, {med['stack'] / med['docx']:.2f} × import docx")
    print("warm (in one process, after one draft):")
    print("  " + line("api.draft", warm["drafter"]))
    print("  " + line("bare python-docx loop", warm["bare"]))
    print(f"  warm ratio: {wmed['drafter'] / wmed['bare']:.2f} (goal ≤ 1.30)")
    print("  of which, stage by stage:")
    for name, times in stages.items():
        print("    " + line(name, times))
    print("  " + line(f"compose {FIGURES_TWIN.name}", twin_compose) + " (headings and leads suggested)")
    print(f"jieba imported while drafting: {jieba_loaded}")


if __name__ == "__main__":
    main()
