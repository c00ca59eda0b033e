"""Number frames of real clauses of style_corpus/, one per way the miner finds the indicator
(bench/miner_refactor_equivalence.py compares every clause of the corpus across refactors)."""

from __future__ import annotations

from pathlib import Path

import pytest

from drafter.mine import seg
from drafter.mine.number_frames import FIGURE_QUALIFIERS, figures, number_clauses

CORPUS = Path(__file__).resolve().parent.parent / "style_corpus"
XIANYANG = {"咸阳市", "全市", "我市", "本市"}

# (report, part, clause as written, frame, shape, indicator, unit, qualifier)
CASES = [
    # indicator, connector, percentage, then a comparison scope and a difference
    ("2024_咸阳市", "review", "规上工业增加值增长7.2%、高于全省2.2个百分点",
     "{指标}增长{百分比}、高于{范围}{差值}个百分点", "growth_compare", "规上工业增加值", "%", ""),
    # 分别: two percentages {数}% / {数2}%
    ("2024_咸阳市", "review", "城乡居民人均可支配收入分别增长6.5%、8%左右",
     "{指标}分别增长{数}%、{数2}%左右", "pair", "城乡居民人均可支配收入", "%", "左右"),
    ("2024_咸阳市", "targets", "生产总值增长6%左右",
     "{指标}增长{百分比}左右", "target_growth", "生产总值", "%", "左右"),
    # a level then a percentage in one clause
    ("2024_咸阳市", "review", "贷款余额同比新增316亿元、增长12%",
     "{指标}同比新增{数}{单位}、增长{百分比}", "level_growth", "贷款余额", "亿元", ""),
    # the indicator widened to its quotes
    ("2024_咸阳市", "review", "“跨区通办”合作事项达到329项",
     "{指标}达到{数}{单位}", "level", "“跨区通办”合作事项", "项", ""),
    # the verb before the indicator
    ("2024_咸阳市", "review", "累计为企业减免退缓税费28.7亿元",
     "减免退缓{指标}{数}{单位}", "level", "税费", "亿元", ""),
    # the indicator after the figure
    ("2024_咸阳市", "review", "4个县域园区晋升省级开发区",
     "{数}{单位}{指标}", "level", "县域园区晋升省级开发区", "个", ""),
    # a continuation (…，增长10.3%) joined to the clause before it
    ("2024_高平市", "review", "固定资产投资完成120.3亿元，增长10.3%",
     "{指标}完成{数}{单位}，增长{百分比}", "level_growth", "固定资产投资", "亿元", ""),
]


@pytest.mark.parametrize("report,part,clause,frame,shape,indicator,unit,qualifier", CASES)
def test_frame_of_a_real_clause(report, part, clause, frame, shape, indicator, unit, qualifier):
    line = next(x for x in (CORPUS / f"{report}.txt").read_text(encoding="utf-8").splitlines() if clause in x)
    text = seg.normalize(line.strip())
    found = [nc for nc in number_clauses(text, seg.tokens(text), part, XIANYANG) if text[nc.start:nc.end] == clause]
    assert len(found) == 1, [text[nc.start:nc.end] for nc in number_clauses(text, seg.tokens(text), part, XIANYANG)]
    nc = found[0]
    assert (nc.frame, nc.shape, nc.indicator, nc.unit, nc.qualifier) == (frame, shape, indicator, unit, qualifier)


def test_figures_skip_years_dates_ordinals_and_names():
    text = "2023年5月第3届会议上，5G基站新增1200个、增长6%左右，居全省第2位"
    kinds = [(text[f.start:f.end], f.kind, f.unit, f.qualifier) for f in figures(text, 0, len(text))]
    assert kinds == [("1200个", "level", "个", ""), ("6%左右", "pct", "%", "左右"), ("第2位", "rank", "", "")]


def test_every_figure_qualifier_is_read():
    for q in FIGURE_QUALIFIERS:
        text = f"增长6%{q}"
        assert [f.qualifier for f in figures(text, 0, len(text))] == [q]
