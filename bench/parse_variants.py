"""Metamorphic agreement of the parser over all 25 corpus reports (issue 12).

For each transform of tests/test_parse_variants.py (hard wrap at 30–40 characters with page
numbers every 22 lines; the same cut at a fixed count with no indentation and no page numbers,
as a web page's text export; full-width → half-width punctuation; blank lines added; the notes
appendix under another marker; （一） section headings numbered 一是…; the （一）/一、 markers
of review and key-task section headings dropped, headings then compared without them) the share of
the original parse's structure items (parts, section headings, leads, each at its line with
its text) that the transformed text's parse reproduces, and the items it adds.

    python bench/parse_variants.py
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from test_parse_variants import TRANSFORMS, agreement, corpus_files  # noqa: E402


def main() -> None:
    for t in TRANSFORMS:
        kept = total = extra = 0
        worst: list[tuple[float, str]] = []
        for name in corpus_files():
            k, n, _missing, added = agreement(name, t)
            kept, total, extra = kept + k, total + n, extra + len(added)
            worst.append((k / max(1, n), name))
        low = min(worst)
        print(f"{t:12} kept {kept}/{total} = {kept / total:.2%}, extra {extra}; "
              f"worst {low[1]} {low[0]:.1%}; reports identical {sum(r == 1 for r, _ in worst)}/{len(worst)}")


if __name__ == "__main__":
    main()
