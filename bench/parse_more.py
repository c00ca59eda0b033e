"""How many of the 136 unlabelled reports of style_corpus/more/ parse to a plausible
structure (issue 12; the test holds the count), and why each of the others does not.
With --heldout: the figures on the 15 held-out labelled reports (tests/test_parse_heldout.py),
plain and hard-wrapped at 30–40 characters as a PDF copy and as a web page's text, with the
misses of each report.

    python bench/parse_more.py [--heldout]
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from test_parse_heldout import VARIANTS, measure  # noqa: E402
from test_parse_more import more_files, plausibility_problems  # noqa: E402

from drafter.parse import parse_report, to_json  # noqa: E402


def heldout() -> None:
    for variant in VARIANTS:
        m = measure(variant)
        print(f"{variant:9} lines {m['lines']:.2%}; "
              + "; ".join(f"{k} P/R {m[k][0]:.2%} / {m[k][1]:.2%}" for k in ("review", "key_tasks", "leads"))
              + f"; worst {m['worst'][0]} {m['worst'][1]:.1%}")
        for name, miss in m["misses"].items():
            if miss:
                print(f"  {name}: " + "; ".join(miss[:8]) + (f" (+{len(miss) - 8})" if len(miss) > 8 else ""))


def main() -> None:
    if "--heldout" in sys.argv[1:]:
        heldout()
        return
    files = more_files()
    bad = [(f.name, why) for f in files if (why := plausibility_problems(to_json(parse_report(f))))]
    print(f"plausible {len(files) - len(bad)}/{len(files)}")
    for name, why in bad:
        print(f"  {name}: {', '.join(why)}")


if __name__ == "__main__":
    main()
