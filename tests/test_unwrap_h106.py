"""A hard-wrapped targets paragraph (tests/fixtures/targets_h106/*_wrapped.txt, SOURCES.md):
a line cut inside a number goes on however short it is, and a list cut after a 「；」 goes
on in the next paragraph; every target of the one-paragraph report is read."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest

from drafter.parse import parse_lines
from drafter.parse.normalize import full_width_punctuation, normalize_line
from drafter.parse.targets_text import find_targets, parse_targets

unwrap_module = importlib.import_module("drafter.parse.unwrap")  # drafter.parse.unwrap is the function
FIXTURES = Path(__file__).parent / "fixtures" / "targets_h106"


def wrapped(city: str) -> list[str]:
    text = (FIXTURES / f"2024_{city}_wrapped.txt").read_text(encoding="utf-8")
    return [ln for ln in text.splitlines() if ln.strip()]


def paragraphs(city: str) -> list[str]:
    lines = [full_width_punctuation(x) for x in (normalize_line(t) for t in wrapped(city)) if x]
    assert unwrap_module.hard_wrapped(lines)
    return unwrap_module.unwrap(lines)[0]


def test_a_short_line_cut_inside_a_number_goes_on():
    """「…地区生产总值同比增长8%左」 is shorter than the print width: it used to end the paragraph."""
    (targets,) = [p for p in paragraphs("三亚") if "预期目标是" in p]
    assert "同比增长8%左右，地方一般公共预算收入" in targets and targets.endswith("生态环境质量保持全国一流水平。")


@pytest.mark.parametrize(
    "line, joins",
    [("地区生产总值同比增长8%左", True), ("地区生产总值增长6", True), ("城镇调查失业率控制在5.", True),
     ("坚持稳中求进，", True), ("一、2023年工作回顾", False), ("（三）推进乡村全面振兴", False)],
)
def test_cut_mid_pattern(line, joins):
    assert bool(unwrap_module._CUT_MID.search(line)) == joins


def test_paragraphs_the_wrap_cut_at_a_semicolon_read_on():
    paras = paragraphs("广州")
    first = next(i for i, p in enumerate(paras) if "预期目标是" in p)
    assert paras[first].endswith(("不低于5%；", "不低于5%;"))  # the wrap put a paragraph end here
    ts = find_targets(parse_lines(["2024年广州市政府工作报告", "二、2024年工作安排", *wrapped("广州")]))
    assert [t.name for t in ts][:3] == ["地区生产总值", "固定资产投资", "社会消费品零售总额"]
    assert len(ts) == 10


@pytest.mark.parametrize("city, n", [("三亚", 7), ("广州", 10), ("崇左", 10)])
def test_as_many_targets_as_in_the_unwrapped_paragraph(city, n):
    doc = parse_lines(["2024年政府工作报告", "二、2024年工作安排", *wrapped(city)])
    ts = find_targets(doc)
    assert len(ts) == n
    assert [t.name for t in ts] == [t.name for t in parse_targets(_joined_targets(city))]


def _joined_targets(city: str) -> str:
    """The targets paragraph of the wrapped copy, joined by hand: from the marker line to the
    first line ending in 。."""
    lines = [ln.strip() for ln in wrapped(city)]
    start = next(i for i, ln in enumerate(lines) if "预期目标是" in ln)
    end = next(i for i in range(start, len(lines)) if lines[i].endswith("。"))
    return "".join(lines[start:end + 1])
