"""A material clause cut because a form gives its figure (_drop_restated) must not take the
sentence's time/place opening with it: 「2024年全市规上工业增加值增长7.1%，工业企业技改投资增长19.6%」
keeps 「2024年全市工业企业技改投资增长19.6%」, not a sentence opening on 「工业企业」 (the 镇江 files
of tests/fixtures/gather_h122)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from drafter.api import gather

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "gather_h122"
FORM = "收回/市统计局.xlsx"
MATERIAL = "材料/市工信局2024年工作总结.txt"


@pytest.fixture
def office(tmp_path) -> Path:
    shutil.copytree(FIXTURE, tmp_path / "h122", ignore=shutil.ignore_patterns("SOURCES.tsv"))
    return tmp_path / "h122"


def _texts(result) -> list[str]:
    return [t.text for g in result.sources for t in g.texts]


def test_the_opening_moves_to_the_remaining_clause(office):
    result = gather([office / FORM, office / MATERIAL], office / "数据")
    line = next(t for t in _texts(result) if "技改投资" in t)
    assert line.startswith("2024年全市工业企业技改投资增长19.6%"), line
    assert "规上工业增加值增长7.1%" not in line


def test_a_remaining_clause_with_its_own_opening_is_left_alone(office):
    material = office / MATERIAL
    text = material.read_bytes().decode("gb18030").replace("工业企业技改投资", "全市工业企业技改投资")
    material.write_bytes(text.encode("gb18030"))
    result = gather([office / FORM, material], office / "数据")
    line = next(t for t in _texts(result) if "技改投资" in t)
    assert line.startswith("全市工业企业技改投资增长19.6%"), line
