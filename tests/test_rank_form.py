"""A rank of a stated growth is told one way in a draft. The corpus (25 + 136 reports) writes
「增长X%、居全省第N」 79 times against 「增长X%、增速居全省第N」 30: a growth alone never repeats
增速; after a value and a growth the seed picks one form for the whole draft (mostly the first).
Before, a growth with `of: 增速` said 「增长10.8%、增速居晋城市第一」 (高平's report:
「增长10.8%，排晋城市第一」), and a value and a growth always took 增速 whatever the frames did."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from drafter.api import draft, validate
from drafter.compose.frames import says_basis_after_growth

DATA = """\
meta: {region: 高平市, level: 县级市, year: 2024, province: 山西省, parent: 晋城市}
review:
  sections:
    - title: 经济运行
      facts:
        - {name: 规模以上工业增加值, growth: 10.8, rank: {scope: 晋城市, place: 1, of: 增速}, end: ；}
        - {name: 城镇居民人均可支配收入, verb: 完成, value: 44658, unit: 元, growth: 5.7, rank: {scope: 晋城市, place: 1, of: 增速}, end: ；}
        - {name: 固定资产投资, verb: 完成, value: 120.3, unit: 亿元, growth: 10.3, rank: {scope: 晋城市, place: 2}, end: ；}
        - {name: 农村居民人均可支配收入, growth: 7.2, rank: {scope: 晋城市, place: 3}, end: ；}
        - {name: 实际使用外资, value: 6376, unit: 万美元, rank: {scope: 全省, place: 1, of: 增速}}
  checks:
    - {name: 一般公共预算收入, value: 6, actual: 6.5, rank: {scope: 晋城市, place: 2}}
"""
RANK = re.compile(r"(增长[0-9.]+%[、，](?:增速)?(?:居|排名|排|位居|位列))")


def _draft(tmp_path: Path, seed: int) -> str:
    data = tmp_path / "d.yaml"
    data.write_text(DATA, encoding="utf-8")
    out = tmp_path / f"d{seed}.txt"
    draft(data, out, seed=seed, force=True)
    return out.read_text(encoding="utf-8")


def _after(text: str, name: str) -> str:
    return RANK.search(text[text.index(name):]).group(1)


@pytest.mark.parametrize("seed", range(8))
def test_one_rank_form_per_draft(tmp_path, seed):
    text = _draft(tmp_path, seed)
    for growth_only in ("规模以上工业增加值", "农村居民人均可支配收入", "一般公共预算收入增长6.5%"):
        assert "增速" not in _after(text, growth_only), growth_only
    with_value = [_after(text, n) for n in ("城镇居民人均可支配收入", "固定资产投资")]
    assert all(("增速" in x) == says_basis_after_growth(seed) for x in with_value), with_value
    assert "6376万美元、增速居全省第一" in text  # no growth stated: the basis must be said


def test_the_corpus_majority_is_the_usual_form():
    assert sum(says_basis_after_growth(s) for s in range(200)) < 100


@pytest.mark.parametrize("seed", range(4))
def test_the_written_basis_left_unsaid_is_not_reported_unused(tmp_path, seed):
    data = tmp_path / "d.yaml"
    data.write_text(DATA, encoding="utf-8")
    assert [p for p in validate(data, seed=seed).unused if ".rank" in p.path] == []
