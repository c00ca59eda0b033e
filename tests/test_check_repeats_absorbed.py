"""One form cell (统计局's F2) fills both the headline's 增长6%左右 and last year's GDP check
(H92, 繁昌区): the headline states the check for it, once, and `validate` does not call the
figure written twice (issue 11)."""

from __future__ import annotations

import shutil
from pathlib import Path

from drafter import api
from drafter.writers.text import render_text
from tests.conftest import EXAMPLES

CHECK = """\
review:
  checks:
    - {name: 地区生产总值, kind: growth, value: 8.5, actual: 6, actual_qualifier: 左右, actual_status: 预计, actual_dept: 区统计局}
"""


def _jintai(tmp_path: Path, growth: str) -> Path:
    d = tmp_path / "金台"
    shutil.copytree(EXAMPLES / "jintai_2023", d)
    headline = d / "11_主要指标.yaml"
    text = headline.read_text(encoding="utf-8")
    assert text.count("      growth: 3.5\n") == 1
    headline.write_text(text.replace("      growth: 3.5\n", growth), encoding="utf-8")
    (d / "12_核对.yaml").write_text(CHECK, encoding="utf-8")
    return d


def test_a_check_the_headline_states_with_the_same_qualifier_is_said_once(tmp_path):
    d = _jintai(tmp_path, "      growth: 6\n      qualifier: 左右\n")
    assert [p.format() for p in api.validate(d).doubtful if "两次" in p.message] == []
    text = render_text(api.compose_report(api.load(d), seed=0))
    assert text.count("6%左右") == 1
    assert "地区生产总值增长6%左右，未完成8.5%的预期目标" in text


def test_a_headline_growth_without_the_qualifier_is_still_another_figure(tmp_path):
    # 增长6% and 增长6%左右 are two numbers a reader sees: both printed, no 写了两次 warning either
    d = _jintai(tmp_path, "      growth: 6\n")
    text = render_text(api.compose_report(api.load(d), seed=0))
    assert "增长6%左右" in text and "地区生产总值增长6%，" in text
