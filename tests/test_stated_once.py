"""Issue 10 §5: a figure the headline states and last year's target check names is written
once. A check left without its actual takes the headline's number (growth for a growth
target, value for a level in the same unit) — judged on it, never invented — and 预计 stands
only before an estimate."""

from __future__ import annotations

from pathlib import Path

from drafter.api import compose_report, load, validate
from drafter.checks.targets_table import target_rows
from tests.conftest import EXAMPLES

GDP_CHECK = "    - {name: 地区生产总值, kind: growth, value: 6, qualifier: 左右}\n"
JOBS_CHECK = "    - {name: 城镇新增就业, kind: level, value: 4.5, unit: 万人, qualifier: 以上, actual: 5.1}\n"


def _example(tmp_path: Path, checks: str = GDP_CHECK + JOBS_CHECK, **replace: str) -> Path:
    """The Xianyang example with last year's checks added before its headline (the GDP check's
    actual left empty, as `drafter init` leaves it)."""
    text = (EXAMPLES / "xianyang_2024.yaml").read_text(encoding="utf-8")
    assert text.count("  headline:\n") == 1
    text = text.replace("  headline:\n", "  checks:\n" + checks + "  headline:\n")
    for old, new in replace.items():
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    out = tmp_path / "xianyang.yaml"
    out.write_text(text, encoding="utf-8")
    return out


def _review_paras(path: Path) -> list[list]:
    doc = compose_report(load(path), seed=0)
    return [p.runs for _, _, p in doc.paragraphs()]


def _text(runs) -> str:
    return "".join(r.text for r in runs)


def _with(paras, needle: str) -> list:
    found = [p for p in paras if needle in _text(p)]
    assert len(found) == 1, [_text(p)[:60] for p in found]
    return found[0]


def test_empty_check_takes_the_headline_growth(tmp_path):
    data = _example(tmp_path)
    paras = _review_paras(data)
    gdp = _with(paras, "生产总值达到2878亿元")
    text = _text(gdp)
    # 4.3 against 6左右 (tolerance 0.5) is 未完成; stated once, in the headline, with its verdict
    assert "全年生产总值达到2878亿元、增长4.3%，未完成6%左右的预期目标" in text
    assert "【待补充" not in text
    sources = {r.source.ref for r in gdp if r.text == "4.3"}
    assert sources == {"review.headline[0].growth"}
    verdicts = [r for r in gdp if r.text == "未完成"]
    assert [r.source.kind for r in verdicts] == ["derived"]
    everything = "".join(_text(p) for p in paras)
    assert everything.count("4.3%") == 1  # not again in the checks paragraph
    assert "实际完成值" not in everything
    assert "城镇新增就业达到5.1万人，超额完成4.5万人以上的预期目标" in everything


def test_the_check_table_judges_on_the_same_number(tmp_path):
    rows = target_rows(load(_example(tmp_path)))
    assert [(r.name, r.actual, r.verdict) for r in rows] == [
        ("地区生产总值", "增长4.3%", "未完成"), ("城镇新增就业", "5.1万人", "超额完成")]


def test_validate_does_not_call_the_lent_check_unused(tmp_path):
    unused = validate(_example(tmp_path)).unused
    assert not [p for p in unused if "checks" in p.path], unused


def test_a_level_check_takes_the_value_in_the_same_unit_only(tmp_path):
    level = "    - {name: 生产总值, kind: level, value: 2800, unit: 亿元, verb: 达到, qualifier: 以上}\n"
    text = _text(_with(_review_paras(_example(tmp_path, level)), "生产总值达到2878亿元"))
    assert "完成2800亿元以上的预期目标" in text
    other_unit = "    - {name: 生产总值, kind: level, value: 3000, unit: 万元}\n"
    paras = _review_paras(_example(tmp_path, other_unit))
    assert "【待补充：生产总值的实际完成值】" in "".join(_text(p) for p in paras)


def test_no_headline_number_keeps_the_placeholder(tmp_path):
    data = _example(tmp_path, GDP_CHECK, **{"growth: 4.3, status: 核实": "status: 核实"})
    paras = _review_paras(data)
    assert "【待补充：地区生产总值的实际完成值】" in "".join(_text(p) for p in paras)
    assert [r.verdict for r in target_rows(load(data))] == ["待核实"]


def test_estimate_word_stands_before_the_estimate_only(tmp_path):
    data = _example(tmp_path, **{"growth: 4.3, status: 核实": "growth: 4.3, status: 快报",
                                 "growth: 19.9, status: 核实": "growth: 19.9, status: 预计"})
    text = _text(_with(_review_paras(data), "生产总值达到2878亿元"))
    assert "预计全年" not in text
    assert "全年生产总值达到2878亿元" in text
    assert "；预计一般公共预算收入增长19.9%" in text
