"""In-process drafting time with a given phrase bank (docs/phrase-bank.md, "Measured"): the
bank is loaded afresh every round (caches cleared), the data file read and the .docx written.
CPU time of the process (time.process_time), not wall time: the machine may be shared.

    python bench/draft_bank_time.py                          # shipped bank, 咸阳 example
    python bench/draft_bank_time.py old_bank.json 9          # an office's bank (checked whole)
    python bench/draft_bank_time.py shipped 9 examples/xianyang_2024_figures.yaml

The old 25-report bank: `git show de5a89a^:style_corpus/phrases.json > old_bank.json`.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

from drafter import api
from drafter.phrases import bank, places, topics

ROOT = Path(__file__).resolve().parent.parent


def clear() -> None:
    for cached in (bank.default_bank, places.places, places._pattern, topics.shipped_lexicon):
        cached.cache_clear()


def main() -> None:
    which = sys.argv[1] if len(sys.argv) > 1 else "shipped"
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 9
    data = Path(sys.argv[3]) if len(sys.argv) > 3 else ROOT / "examples" / "xianyang_2024.yaml"
    out = Path(tempfile.mkdtemp(prefix="drafter-bench-"))
    phrases = None if which == "shipped" else which

    def once(i: int) -> float:
        clear()
        start = time.process_time()
        api.draft(data, out / f"d{i}.docx", phrases=phrases, force=True)
        return time.process_time() - start

    once(-1)  # imports and templates
    times = [once(i) for i in range(rounds)]
    print(f"{which} · {data.name}: median {1000 * statistics.median(times):.0f} ms CPU, "
          f"min {1000 * min(times):.0f} ms over {rounds} rounds")


if __name__ == "__main__":
    main()
