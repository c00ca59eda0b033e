"""How many of the 136 unlabelled reports of style_corpus/more/ parse to a plausible
structure (issue 12; the test holds the count), and why each of the others does not.

    python bench/parse_more.py
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from test_parse_more import more_files, plausibility_problems  # noqa: E402

from drafter.parse import parse_report, to_json  # noqa: E402


def main() -> None:
    files = more_files()
    bad = [(f.name, why) for f in files if (why := plausibility_problems(to_json(parse_report(f))))]
    print(f"plausible {len(files) - len(bad)}/{len(files)}")
    for name, why in bad:
        print(f"  {name}: {', '.join(why)}")


if __name__ == "__main__":
    main()
