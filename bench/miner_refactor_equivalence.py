"""Equivalence check for behaviour-preserving refactors of the miner's clause rules.

    python bench/miner_refactor_equivalence.py [--rev 59e17d3] [--limit N]

Loads the number-frame and formula modules (and the mine/text.py they import) as they were at
git revision --rev (number frames lived in drafter/mine/numbers.py before it was renamed
number_frames.py) next to today's, and runs
both over every line of style_corpus/*.txt and style_corpus/more/*.txt:
- frame_clause on every clause and sub-clause of every sentence, for the review and targets parts;
- number_clauses on every line (which also runs the continuation frames), same two parts;
- formulas.find on every line, for every part and every in_section / first / has_lead flag.
Prints the counts compared and the first differences; exits 1 on any difference.
"""

from __future__ import annotations

import argparse
import dataclasses
import itertools
import subprocess
import sys
import types
from pathlib import Path

from drafter.mine import formulas, number_frames, seg
from drafter.mine.text import clauses, sentences

ROOT = Path(__file__).resolve().parent.parent
PARTS = ("opening", "review", "targets", "key_tasks", "self_building", "closing")


def old_module(rev: str, paths: tuple[str, ...], name: str) -> types.ModuleType:
    """The module at `rev` (first path that exists there), its relative imports made absolute."""
    for path in paths:
        shown = subprocess.run(["git", "show", f"{rev}:{path}"], cwd=ROOT, capture_output=True, text=True)
        if shown.returncode == 0:
            break
    else:
        raise SystemExit(f"none of {paths} at {rev}")
    # seg is shared (same tokens for both); text rules come from the same revision
    src = shown.stdout.replace("from .seg import", "from drafter.mine.seg import")
    if "from .text import" in src and "old_text" not in sys.modules:
        old_module(rev, ("drafter/mine/text.py",), "old_text")
    src = src.replace("from .text import", "from old_text import")
    mod = types.ModuleType(name)
    sys.modules[name] = mod  # dataclasses look their module up
    exec(compile(src, f"{rev}:{path}", "exec"), mod.__dict__)
    return mod


def as_tuple(nc) -> tuple | None:
    return None if nc is None else dataclasses.astuple(nc)


def strip_words_of(path: Path) -> set[str]:
    """The report's own place words, as the miner strips them (咸阳市, 全市, 我市, 本市)."""
    name = path.stem.split("_", 1)[-1]
    u = name[-1]
    return {name, f"全{u}", f"我{u}", f"本{u}"}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rev", default="59e17d3")
    ap.add_argument("--limit", type=int, default=0, help="only the first N reports")
    args = ap.parse_args()
    old_frames = old_module(args.rev, ("drafter/mine/numbers.py", "drafter/mine/number_frames.py"), "old_frames")
    old_formulas = old_module(args.rev, ("drafter/mine/formulas.py",), "old_formulas")
    files = sorted((ROOT / "style_corpus").glob("*.txt")) + sorted((ROOT / "style_corpus/more").glob("*.txt"))
    if args.limit:
        files = files[: args.limit]
    counts = dict.fromkeys(("clauses", "frames", "lines", "finds"), 0)
    diffs: list[str] = []
    flags = list(itertools.product(PARTS, (False, True), (False, True), (False, True)))
    for path in files:
        strip = strip_words_of(path)
        for line in path.read_text(encoding="utf-8").splitlines():
            text = seg.normalize(line.strip())
            if not text:
                continue
            counts["lines"] += 1
            for part, in_section, first, has_lead in flags:
                counts["finds"] += 1
                a = old_formulas.find(part, text, in_section, first, has_lead)
                b = formulas.find(part, text, in_section, first, has_lead)
                if a != b:
                    diffs.append(f"find {path.name} {part}: {a} != {b} | {text[:60]}")
            if not number_frames.FIGURE.search(text):
                continue
            toks = seg.tokens(text)
            for part in ("review", "targets"):
                for s, e in sentences(text):
                    for cs, ce in clauses(text, s, e):
                        for x, y in number_frames._sub_clauses(text, cs, ce):
                            counts["clauses"] += 1
                            a = as_tuple(old_frames.frame_clause(text, toks, x, y, part, strip))
                            b = as_tuple(number_frames.frame_clause(text, toks, x, y, part, strip))
                            if a != b:
                                diffs.append(f"frame_clause {path.name} {part}: {a} != {b}")
                old = [as_tuple(n) for n in old_frames.number_clauses(text, toks, part, strip)]
                new = [as_tuple(n) for n in number_frames.number_clauses(text, toks, part, strip)]
                counts["frames"] += len(new)
                if old != new:
                    diffs.append(f"number_clauses {path.name} {part}: {old} != {new}")
    print(f"{len(files)} reports, {counts['lines']} lines: {counts['clauses']} frame_clause calls, "
          f"{counts['frames']} number clauses, {counts['finds']} formulas.find calls compared; {len(diffs)} differences")
    for d in diffs[:20]:
        print(d)
    return 1 if diffs else 0


if __name__ == "__main__":
    sys.exit(main())
