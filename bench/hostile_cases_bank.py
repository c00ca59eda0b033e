"""Resource cases for phrase banks (issue 9, §4 and §5): a 2.3 GB sparse bank (once read
whole: 20 s, 5.2 GB), 100k-deep JSON (once a RecursionError traceback), deep nesting inside
an entry, and a valid bank as large as the shipped 157-report bank in one file (~12 MB), which
an office's --phrases gets checked whole, for comparison.

    python bench/hostile_inputs.py bank
"""

from __future__ import annotations

import json
from pathlib import Path

from hostile_inputs import Case

from drafter.mine.split import read_split

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ROOT / "style_corpus" / "phrases"  # split by kind: read back as one bank
EXAMPLE = ROOT / "examples" / "xianyang_2024.yaml"
BANK = "{tmp}/bank.json"


def sparse_bank(tmp: Path) -> None:
    with open(tmp / "bank.json", "wb") as f:
        f.truncate(2300 * 1024 * 1024)  # sparse: takes no disk, stat says 2.3 GB


def deep_bank(tmp: Path) -> None:
    (tmp / "bank.json").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")


def deep_entry_bank(tmp: Path) -> None:
    """Valid JSON nested just under the decoder's limit, inside one entry's slots."""
    bank = read_split(SHIPPED)
    bank["entries"][0]["slots"] = {"数": "REPLACE"}
    text = json.dumps(bank, ensure_ascii=False).replace('"REPLACE"', "[" * 900 + "]" * 900, 1)
    (tmp / "bank.json").write_text(text, encoding="utf-8")


def wide_bank(tmp: Path, times: int = 1) -> None:
    """The shipped bank in one file (repeated `times` with fresh ids)."""
    bank = read_split(SHIPPED)
    bank["entries"] = [{**e, "id": f"{e['id']}.{k}"} for k in range(times) for e in bank["entries"]]
    (tmp / "bank.json").write_text(json.dumps(bank, ensure_ascii=False, indent=1), encoding="utf-8")


def with_data(build):
    def both(tmp: Path) -> None:
        build(tmp)
        (tmp / "d.yaml").write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")

    return both


CASES = [
    Case("bank_sparse_2_3GB_phrases", sparse_bank, ["phrases", "清醒", "--phrases", BANK]),
    Case("bank_sparse_2_3GB_draft", with_data(sparse_bank),
         ["draft", "{tmp}/d.yaml", "-o", "{tmp}/o.docx", "--phrases", BANK]),
    Case("bank_deep_100k_json_phrases", deep_bank, ["phrases", "清醒", "--phrases", BANK]),
    Case("bank_deep_100k_json_draft", with_data(deep_bank),
         ["draft", "{tmp}/d.yaml", "-o", "{tmp}/o.docx", "--phrases", BANK]),
    Case("bank_deep_900_in_an_entry", deep_entry_bank, ["phrases", "清醒", "--phrases", BANK]),
    Case("bank_valid_12MB_phrases", wide_bank, ["phrases", "清醒", "--phrases", BANK, "--limit", "1"]),
]
