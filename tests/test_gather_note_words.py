"""A form's 备注 words (约, 以上, a rank, a note) beside a 本年数 the office already holds: the number is
not written twice, but the words must still reach the data, or the summary names them with why
(audit after bfd9f9d; the 镇江 files of tests/fixtures/gather_h122)."""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
import pytest

from drafter.api import gather
from drafter.readers import load_data

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "gather_h122"
FORM = "收回/市统计局.xlsx"
OFFICE = "数据/镇江市2025.yaml"


@pytest.fixture
def office(tmp_path) -> Path:
    shutil.copytree(FIXTURE, tmp_path / "h122", ignore=shutil.ignore_patterns("SOURCES.tsv"))
    return tmp_path / "h122"


def _hold_gdp(office: Path, note: str | None = None) -> None:
    """The office has typed 生产总值 5468.5亿元, 增长5.6% itself (and the check's actual)."""
    path = office / OFFICE
    text = path.read_text(encoding="utf-8")
    head = text.index("    - name: 生产总值")
    text = (text[:head] + text[head:].replace("      value:\n", "      value: 5468.5\n", 1)
            .replace("      growth:\n", "      growth: 5.6\n", 1))
    if note is not None:
        text = text[:head] + text[head:].replace("      # note:\n", f"      note: {note}\n", 1)
    check = text.index("    - name: 地区生产总值")
    text = text[:check] + text[check:].replace("      actual:\n", "      actual: 5.6\n", 1)
    path.write_text(text, encoding="utf-8")


def _note(office: Path, words: str) -> Path:
    form = office / FORM
    wb = openpyxl.load_workbook(form)
    wb["数据"]["H2"] = words
    wb.save(form)
    return form


def _gdp(office: Path) -> dict:
    return load_data(office / "数据").data["review"]["headline"][0]


def test_words_beside_a_held_number_reach_its_entry(office):
    _hold_gdp(office)
    result = gather([_note(office, "约，总量居全省第7位，增速快报数")], office / "数据")
    gdp = _gdp(office)
    assert str(gdp["value"]) == "5468.5" and gdp.get("approx") == "约"
    assert gdp.get("rank", {}).get("place") == 7 and gdp.get("note") == "增速快报数"
    assert any("备注" in n and "H2" in n and "写入" in n for n in result.summary.notes)


def test_words_the_office_entry_already_answers_otherwise_are_named(office):
    _hold_gdp(office, note="比上年提高0.3个百分点")
    result = gather([_note(office, "增速快报数")], office / "数据")
    assert _gdp(office).get("note") == "比上年提高0.3个百分点"  # the office's own words stay
    named = [n for n in result.summary.notes if "增速快报数" in n]
    assert len(named) == 1 and "市统计局.xlsx!H2" in named[0] and "比上年提高0.3个百分点" in named[0]
