"""The YAML reader follows YAML 1.2 (not PyYAML's 1.1 traps), keeps positions, refuses
duplicate keys and alias bombs, and merges a folder of fragments in name order."""

from __future__ import annotations

from decimal import Decimal

import pytest

from drafter.errors import DataErrors
from drafter.readers.yaml_data import load_data, load_yaml_text


def test_yaml_1_2_scalars():
    data = load_yaml_text(
        "a: no\nb: off\nc: yes\nd: 010\ne: 2025-01-20\nf: 1_000\ng: true\nh: ~\ni: 4.10\nj: '4.10'\nk: 0o17\n",
        "x.yaml",
    ).data
    assert data == {
        "a": "no", "b": "off", "c": "yes", "d": 10, "e": "2025-01-20", "f": "1_000",
        "g": True, "h": None, "i": Decimal("4.10"), "j": "4.10", "k": 15,
    }
    assert str(data["i"]) == "4.10"


def test_positions_of_keys_and_values():
    loaded = load_yaml_text("meta:\n  region: 咸阳市\nlist:\n  - a\n  - {x: 1}\n", "x.yaml")
    assert loaded.keys[("meta", "region")].line == 2 and loaded.keys[("meta", "region")].column == 3
    assert loaded.values[("meta", "region")].column == 11
    assert loaded.values[("list", 1)].line == 5
    assert loaded.values[("list", 1, "x")].column == 9


def test_duplicate_keys_are_refused_with_both_lines():
    with pytest.raises(DataErrors) as e:
        load_yaml_text("a: 1\nb: 2\na: 3\n", "x.yaml")
    (p,) = e.value.problems
    assert (p.line, p.column) == (3, 1) and "第 1 行" in p.message


def test_alias_bomb_is_refused():
    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
    prev = "a"
    for name in "bcdefg":
        bomb += f"{name}: &{name} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"
        prev = name
    with pytest.raises(DataErrors) as e:
        load_yaml_text(bomb, "bomb.yaml")
    assert "别名" in e.value.problems[0].message


def test_unsupported_tag():
    with pytest.raises(DataErrors) as e:
        load_yaml_text("a: !!python/object:os.system x\n", "x.yaml")
    assert "标签" in e.value.problems[0].message


def test_folder_merges_in_name_order(tmp_path):
    (tmp_path / "20_review.yaml").write_text("review:\n  problems: [二]\n", encoding="utf-8")
    (tmp_path / "10_meta.yaml").write_text(
        "meta: {region: 咸阳市, level: 市, year: 2024}\nreview:\n  problems: [一]\n", encoding="utf-8"
    )
    (tmp_path / "notes.txt").write_text("不是数据", encoding="utf-8")
    loaded = load_data(tmp_path)
    assert loaded.data["review"]["problems"] == ["一", "二"]
    assert loaded.values[("review", "problems", 1)].file.endswith("20_review.yaml")


def test_folder_conflict_names_both_files(tmp_path):
    (tmp_path / "a.yaml").write_text("meta: {region: 咸阳市, level: 市, year: 2024}\n", encoding="utf-8")
    (tmp_path / "b.yaml").write_text("meta:\n  year: 2025\n", encoding="utf-8")
    with pytest.raises(DataErrors) as e:
        load_data(tmp_path)
    (p,) = e.value.problems
    assert p.file.endswith("b.yaml") and p.line == 2 and "a.yaml:1:" in p.message and p.path == "meta.year"


def test_empty_folder(tmp_path):
    from drafter.errors import DrafterError

    with pytest.raises(DrafterError) as e:
        load_data(tmp_path)
    assert "没有 .yaml" in e.value.message
