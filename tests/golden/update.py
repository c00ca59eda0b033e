"""Re-draft the golden texts: every example in examples/, seed 0, as .txt, into tests/golden/.

Run `python tests/golden/update.py` after a deliberate change of wording (templates, phrase
bank, figure helpers), then read `git diff tests/golden` as an office writer would before
committing: the diff is the review. tests/test_golden.py fails until the texts match again."""

from __future__ import annotations

import sys
from pathlib import Path

GOLDEN = Path(__file__).resolve().parent
ROOT = GOLDEN.parent.parent
EXAMPLES = ROOT / "examples"
SEED = 0


def examples() -> list[Path]:
    """Each data file or data folder in examples/ (README.md is not data)."""
    return sorted(p for p in EXAMPLES.iterdir() if p.is_dir() or p.suffix == ".yaml")


def golden_path(example: Path) -> Path:
    return GOLDEN / f"{example.stem}.txt"


def draft_text(example: Path, out: Path) -> None:
    from drafter.api import draft

    draft(example, out, seed=SEED, force=True)


def main() -> int:
    sys.path.insert(0, str(ROOT))
    for example in examples():
        draft_text(example, golden_path(example))
        print(golden_path(example).relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
