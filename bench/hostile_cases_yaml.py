"""Resource cases for YAML data (issue 9, §4): oversized numbers, special files as data, a list
split across the files of a data folder, an alias bomb.

    python bench/hostile_inputs.py yaml
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from hostile_inputs import Case

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from conftest import MINIMAL


def _data(old: str, new: str):
    def build(tmp: Path) -> None:
        (tmp / "d.yaml").write_text(MINIMAL.replace(old, new, 1), encoding="utf-8")

    return build


def _fifo(tmp: Path) -> None:
    os.mkfifo(tmp / "d.yaml")


def _split_list(n: int, item: str):
    """One list of `n` items written half in each of two files of a data folder."""

    def build(tmp: Path) -> None:
        folder = tmp / "data"
        folder.mkdir()
        (folder / "10_base.yaml").write_text(MINIMAL, encoding="utf-8")
        key = "headline" if item.startswith("{") else "problems"
        for name, start in (("20_a.yaml", 0), ("30_b.yaml", n // 2)):
            items = "".join(f"    - {item.format(i=i)}\n" for i in range(start, start + n // 2))
            (folder / name).write_text(f"review:\n  {key}:\n" + items, encoding="utf-8")

    return build


def _alias_bomb(tmp: Path) -> None:
    text = MINIMAL + "x0: &x0 [" + ", ".join(["lol"] * 9) + "]\n"
    for i in range(1, 10):
        text += f"x{i}: &x{i} [" + ", ".join([f"*x{i - 1}"] * 9) + "]\n"
    (tmp / "d.yaml").write_text(text, encoding="utf-8")


VALIDATE = ["validate", "{tmp}/d.yaml"]
DRAFT = ["draft", "{tmp}/d.yaml", "-o", "{tmp}/o.docx"]

CASES = [
    Case("yaml value 1e999999999", _data("value: 2878", "value: 1e999999999"), VALIDATE),
    Case("yaml diff 1e999999999", _data("diff: 2.2", "diff: 1e999999999"), VALIDATE),
    Case("yaml target value 1e999999999", _data("value: 6,", "value: 1e999999999,"), VALIDATE),
    Case("yaml value 1e-999999999", _data("value: 2878", "value: 1e-999999999"), VALIDATE),
    Case("yaml 5000-digit integer", _data("value: 2878", "value: " + "9" * 5000), VALIDATE),
    Case("yaml 0o + 6000 digits (draft)", _data("value: 2878", "value: 0o" + "7" * 6000), DRAFT),
    Case("yaml /dev/zero as data", lambda tmp: None, ["validate", "/dev/zero"]),
    Case("yaml FIFO as data", _fifo, VALIDATE),
    Case("yaml 60k texts split in 2 files", _split_list(60_000, "第{i}个问题需要认真解决"), ["validate", "{tmp}/data"]),
    Case("yaml 60k figures split in 2 files", _split_list(60_000, "{{name: 事项{i}, value: {i}, unit: 个}}"),
         ["validate", "{tmp}/data"]),
    Case("yaml alias bomb (9^10)", _alias_bomb, VALIDATE),
]
