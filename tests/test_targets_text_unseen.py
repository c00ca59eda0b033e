"""Targets passages of reports the parser was not written on (corpus/more, H106): excerpts in
tests/fixtures/targets_h106/ (SOURCES.md), each read inside a report's skeleton."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from drafter.parse import parse_lines
from drafter.parse.targets_text import describe, find_targets, find_targets_text, parse_clauses

FIXTURES = Path(__file__).parent / "fixtures" / "targets_h106"
HEAD = ["2024年某市政府工作报告", "一、2023年工作回顾", "过去一年，我们做了很多工作。"]
PLAN = ["二、2024年工作安排"]
TAIL = ["三、2024年重点工作", "（一）抓项目扩投资，推动经济增长。"]


def excerpt(city: str) -> list[str]:
    return (FIXTURES / f"2024_{city}.txt").read_text(encoding="utf-8").splitlines()


def targets(city: str, plan: bool = True) -> list:
    return find_targets(parse_lines(HEAD + (PLAN if plan else []) + excerpt(city) + TAIL))


def dumped(city: str) -> list[dict]:
    return [t.model_dump(exclude_defaults=True) for t in targets(city)]


@pytest.mark.parametrize(
    "city, marker, n",
    [("合肥", "预期目标：", 10), ("淄博", "预期目标建议为：", 6), ("广元", "预期目标建议：", 8), ("潍坊", "预期目标建议为：", 7)],
)
def test_markers_without_shi_or_wei(city, marker, n):
    doc = parse_lines(HEAD + PLAN + excerpt(city) + TAIL)
    found = find_targets_text(doc)
    assert found is not None and found.marker == marker
    ts = find_targets(doc)
    assert len(ts) == n and ts[0].name == "地区生产总值"


def test_jincheng_a_list_without_a_marker_after_a_lead_in():
    ts = targets("晋城")
    assert [t.name for t in ts][:3] == ["地区生产总值", "固定资产投资", "社会消费品零售总额"]
    assert (ts[0].value, ts[0].qualifier, ts[0].note) == (6, "左右", "在实际工作中尽可能争取更好结果")
    assert len(ts) == 11


def test_mianyang_the_paragraph_after_the_general_requirements():
    """No heading and no marker: the parser gives the paragraph to the review, yet it follows
    「政府工作的总体要求是：…」 and opens on a target."""
    ts = targets("绵阳", plan=False)
    assert [t.name for t in ts][:2] == ["地区生产总值", "规上工业增加值"]
    assert ts[0].value == 7 and len(ts) == 10


def test_an_unmarked_review_of_last_year_is_no_list():
    doc = parse_lines(HEAD + PLAN + ["预计全年地区生产总值增长5.5%，固定资产投资增长3%，社会消费品零售总额增长6%。"] + TAIL)
    assert find_targets_text(doc) is None


def test_qianjiang_growth_takes_the_subject_of_the_clause_before():
    ts = dumped("潜江")
    assert ts[0] == {"name": "地区生产总值", "value": 7, "qualifier": "以上"}


def test_liangshan_keep_8_strive_for_9():
    ts = targets("凉山")
    assert ts[0].model_dump(exclude_defaults=True) == {"name": "地区生产总值", "value": 8, "note": "争取9%"}
    assert describe(ts[0]) == "地区生产总值增长8%，争取9%"


def test_chongzuo_a_slogans_explanation_is_no_target():
    ts = targets("崇左")
    assert not any("“" in t.name or "即" in t.name or "比增" in t.name for t in ts)
    assert "固定资产投资比增100亿元以上" in [c.text for c in parse_clauses(excerpt("崇左")[0]) if c.kind == "other"]
    assert len(ts) == 10


def test_guangzhou_not_below_is_a_floor():
    assert dumped("广州")[0] == {"name": "地区生产总值", "value": 5, "qualifier": "以上"}


def test_deyang_above_the_province_with_a_figure_and_without():
    ts = dumped("德阳")
    assert ts[0] == {"name": "地区生产总值", "value": 7, "qualifier": "左右", "note": "高于省平1个百分点"}
    assert ts[1] == {"name": "固定资产投资", "qualifier": "高于平均水平", "scope": "全省", "note": "高于省平1个百分点"}


@pytest.mark.parametrize("city, note", [("宜宾", "高于全省1个百分点左右"), ("泸州", "高于全省0.5个百分点左右")])
def test_above_the_province_by_points(city, note):
    t = targets(city)[0]
    assert (t.name, t.qualifier, t.scope) == ("地区生产总值", "高于平均水平", "全省")
    assert t.note.startswith(note)
    assert describe(t).startswith("地区生产总值增速高于全省平均水平，")


def test_nanjing_steady_growth_striving_for_3_percent():
    t = next(t for t in targets("南京") if t.name == "固定资产投资")
    assert (t.kind, t.value, t.verb) == ("growth", 3, "保持稳定增长、力争达到")
    assert describe(t) == "固定资产投资保持稳定增长、力争达到3%"


def test_chengdu_da_is_the_verb_not_the_name():
    t = next(t for t in targets("成都") if t.name.endswith("城镇化率"))
    assert (t.name, t.kind, t.value, t.verb) == ("常住人口城镇化率", "level", Decimal("80.5"), "达")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("居民收入增长与经济增长保持同步", {"name": "居民收入", "qualifier": "与经济增长同步"}),
        ("城乡居民人均可支配收入和经济增长基本同步", {"name": "城乡居民人均可支配收入", "qualifier": "与经济增长基本同步"}),
        ("居民人均可支配收入增速高于经济增速", {"name": "居民人均可支配收入", "qualifier": "高于经济增长"}),
        ("服务业增加值增长高于GDP增速", {"name": "服务业增加值", "qualifier": "高于经济增长"}),
        ("一般公共预算收入增速高于全省平均水平",
         {"name": "一般公共预算收入", "qualifier": "高于平均水平", "scope": "全省"}),
        ("进出口总额增速高于全国平均水平", {"name": "进出口总额", "qualifier": "高于平均水平", "scope": "全国"}),
        ("居民消费价格涨幅控制在省调控目标范围内", {"name": "居民消费价格涨幅", "qualifier": "完成上级下达任务"}),
        ("单位地区生产总值能耗在省控范围内", {"name": "单位地区生产总值能耗", "qualifier": "完成上级下达任务"}),
        ("节能减排完成省控目标", {"name": "节能减排", "qualifier": "完成上级下达任务"}),
    ],
)
def test_shapes_the_model_holds(text, expected):
    (c,) = parse_clauses(text)
    assert [t.model_dump(exclude_defaults=True) for t in c.targets] == [expected]


def test_an_orphan_qizhong_is_no_clause():
    clauses = parse_clauses("地区生产总值增长6%左右，其中，一产、二产、三产增加值分别增长4%、7.5%、6.2%左右。")
    assert [c.kind for c in clauses] == ["target", "target"]


@pytest.mark.parametrize(
    "text",
    ["实际使用外资稳中提质、进出口总额增长高于全省平均",  # 常州: a qualitative aim is no name
     "农村居民人均可支配收入增长高于城镇1个百分点以上"],  # against another indicator, not an average
)
def test_comparisons_the_model_cannot_hold_are_left_for_the_user(text):
    assert [c.kind for c in parse_clauses(text)] == ["other"]
