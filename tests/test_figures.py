"""Figures told the way reports tell them: mined number frames that a figure fills exactly,
varied by seed, never twice in a paragraph; number-first and verb-first forms; approximate
words, ranks, comparisons without a number."""

from __future__ import annotations

import pytest

from drafter.compose.figures import facts_runs, figure_runs
from drafter.compose.frames import FrameChooser
from drafter.compose.values import Data
from drafter.model import Figure, Report
from drafter.phrases.bank import Bank, Entry, default_bank
from tests.conftest import EXAMPLES


def bank(*frames: tuple[str, str, int]) -> Bank:
    """A bank of number frames: (shape, text, count)."""
    return Bank([Entry(id=f"number.review.{s}.{i}", kind="number", part="review", text=t, slot=s, count=n)
                 for i, (s, t, n) in enumerate(frames)])


def clause(fig: dict, b: Bank | None = None, seed: int = 0, headline: bool = False):
    x = Data(Figure.model_validate(fig), ("review", "sections", 0, "facts", 0))
    runs = figure_runs(x, headline, fr=FrameChooser(b, seed) if b else None, used=set()).runs
    return "".join(r.text for r in runs), runs


GROWTH_FRAMES = bank(("growth", "{指标}同比增长{百分比}", 50), ("growth", "{指标}增长{百分比}以上", 40),
                     ("growth", "全年{指标}增长{百分比}", 30), ("growth", "{指标}增长{百分比}", 1))


@pytest.mark.parametrize("fig,expect", [
    # 同比 only when the data says 同比; 以上 only with the qualifier 以上; 全年 never
    ({"name": "工业投资", "growth": 18.1}, "工业投资增长18.1%"),
    ({"name": "工业投资", "growth": 18.1, "growth_verb": "同比增长"}, "工业投资同比增长18.1%"),
    ({"name": "外贸进出口", "growth": 50, "qualifier": "以上"}, "外贸进出口增长50%以上"),
])
def test_a_frame_carries_no_word_the_data_does_not_say(fig, expect):
    for seed in range(8):
        text, runs = clause(fig, GROWTH_FRAMES, seed)
        assert text == expect
        if "growth_verb" not in fig:  # (同比增长 is all data words: the frame adds nothing)
            assert any(r.source.kind == "phrase" for r in runs)  # the frame, not the fallback


def test_a_verb_first_frame_needs_the_datas_own_verb_and_keeps_its_path():
    b = bank(("level", "新增{指标}{数}{单位}", 100), ("level", "引进{指标}{数}{单位}", 90))
    text, runs = clause({"name": "城镇就业", "verb": "新增", "value": 5.14, "unit": "万人"}, b)
    assert text == "新增城镇就业5.14万人"
    by_text = {r.text: r.source for r in runs}
    assert (by_text["新增"].kind, by_text["新增"].ref) == ("data", "review.sections[0].facts[0].verb")
    assert by_text["5.14"].ref == "review.sections[0].facts[0].value"
    # no verb in the data: neither 新增 nor 引进 may be added; the hand-written wording stays
    text, runs = clause({"name": "城镇就业", "value": 5.14, "unit": "万人"}, b)
    assert text == "城镇就业5.14万人" and all(r.source.kind != "phrase" for r in runs)


def test_frames_vary_by_seed_weighted_among_the_top_and_are_deterministic():
    b = bank(("level_growth", "{指标}{数}{单位}，增长{百分比}", 10), ("level_growth", "{指标}{数}{单位}、增长{百分比}", 5))
    fig = {"name": "社会消费品零售总额", "value": 135, "unit": "亿元", "growth": 2}
    texts = [clause(fig, b, seed)[0] for seed in range(40)]
    assert set(texts) == {"社会消费品零售总额135亿元，增长2%", "社会消费品零售总额135亿元、增长2%"}
    assert texts.count("社会消费品零售总额135亿元，增长2%") > texts.count("社会消费品零售总额135亿元、增长2%")
    assert texts == [clause(fig, b, seed)[0] for seed in range(40)]


def test_never_the_same_frame_twice_in_one_paragraph():
    b = bank(("level_growth", "{指标}{数}{单位}，增长{百分比}", 10), ("level_growth", "{指标}{数}{单位}、增长{百分比}", 5))
    facts = [Figure(name=n, value=v, unit="亿元", growth=g) for n, v, g in [("甲", 1, 2), ("乙", 3, 4), ("丙", 5, 6)]]
    for seed in range(6):
        runs = facts_runs(Data(facts, ("review", "sections", 0, "facts")), fr=FrameChooser(b, seed)).runs
        frames = [r.source.ref for r in runs if r.source.kind == "phrase"]
        assert len(frames) == len(set(frames)) == 2  # the third figure: the hand-written wording
        assert "".join(r.text for r in runs).endswith("丙5亿元、增长6%")


def test_the_shipped_bank_words_the_xianyang_review():
    from drafter.api import load
    from drafter.compose import compose
    from drafter.writers.text import render_text

    text = render_text(compose(load(EXAMPLES / "xianyang_2024.yaml"), bank=default_bank()))
    assert "建成省市重点项目127个" in text  # data: {name: 省市重点项目, verb: 建成, value: 127}
    assert "总产达到182万吨" in text  # 达到 stays after its subject: no frame puts it first


@pytest.mark.parametrize("fig,expect", [
    ({"name": "项目", "form": "number_first", "examples": ["西电智慧产业园", "神电智能电器"], "value": 16, "unit": "个",
      "verb": "建成投产"}, "西电智慧产业园、神电智能电器等16个项目建成投产"),
    ({"name": "项目", "form": "number_first", "value": 16, "unit": "个", "verb": "建成投产"}, "16个项目建成投产"),
    ({"name": "人大代表建议", "form": "verb_first", "verb": "办复", "value": 55, "unit": "件"}, "办复人大代表建议55件"),
    ({"name": "消费品以旧换新审核资金额度", "rank": {"scope": "全市", "place": 3, "of": "", "numeral": "数字"}},
     "消费品以旧换新审核资金额度排名全市第3"),
    ({"name": "外贸进出口总额", "rank": [{"scope": "全省", "place": 2}, {"scope": "全省", "place": 3, "of": "总量"}]},
     "外贸进出口总额增速居全省第二、总量居全省第三"),
    ({"name": "空气优良天数", "value": 280, "unit": "天", "rank": {"scope": "关中", "place": 2, "of": "", "from_bottom": True}},
     "空气优良天数280天、居关中倒数第二"),
    ({"name": "市场主体", "approx": "约", "value": 3000, "unit": "家"}, "市场主体约3000家"),
    ({"name": "市场主体", "approx": "余", "value": 3000, "unit": "家"}, "市场主体3000余家"),
    ({"name": "市场主体", "approx": "超", "value": 3000, "unit": "家"}, "市场主体超3000家"),
    ({"name": "市场主体", "approx": "近", "value": 3000, "unit": "家"}, "市场主体近3000家"),
    ({"name": "居民人均可支配收入", "growth": 7.6, "compare": [{"scope": "全国、全省平均水平", "relation": "高于"}]},
     "居民人均可支配收入增长7.6%、高于全国、全省平均水平"),
    ({"name": "粮食产量", "growth": 6, "qualifier": "以上"}, "粮食产量增长6%以上"),
])
def test_forms_and_words_real_reports_use(fig, expect):
    assert clause(fig)[0] == expect
    framed = clause(fig, default_bank())[0]  # the shipped bank may say 第二位 or put a ， for the 、
    assert framed.replace("，", "、").replace("位", "") == expect.replace("，", "、")


def test_every_number_keeps_its_data_path_in_new_forms():
    _, runs = clause({"name": "项目", "form": "number_first", "examples": ["甲项目"], "value": 16, "unit": "个",
                      "verb": "建成投产", "approx": "余"})
    refs = {r.text: r.source.ref for r in runs if r.source.kind == "data"}
    p = "review.sections[0].facts[0]"
    assert refs == {"甲项目": p + ".examples[0]", "16": p + ".value", "余": p + ".approx", "个": p + ".unit",
                    "项目": p + ".name", "建成投产": p + ".verb"}
    _, runs = clause({"name": "增加值", "rank": [{"scope": "全省", "place": 2}, {"scope": "全省", "place": 3}]})
    assert [r.source.ref for r in runs if r.text in ("二", "三")] == [
        "review.sections[0].facts[0].rank[0].place", "review.sections[0].facts[0].rank[1].place"]


@pytest.mark.parametrize("snippet,message", [
    ("{name: 收入, growth: 7.6, compare: [{scope: 全省}]}", "比较关系 relation"),
    ("{name: 收入, growth: 7.6, compare: [{scope: 全省, diff: -1, relation: 高于}]}", "正负不符"),
    ("{name: 项目, value: 16, examples: [甲]}", "form: number_first"),
])
def test_a_figure_that_would_lose_a_value_is_refused_in_chinese(tmp_path, snippet, message):
    from drafter.api import load
    from drafter.errors import DrafterError
    from tests.conftest import MINIMAL

    data = tmp_path / "d.yaml"
    data.write_text(MINIMAL.replace("{name: 规上工业增加值, growth: 7.2, compare: [{scope: 全省, diff: 2.2}]}", snippet),
                    encoding="utf-8")
    with pytest.raises(DrafterError) as e:
        load(data)
    [problem] = e.value.problems
    assert message in problem.message and problem.line == 15 and problem.path.startswith("review.sections[0].facts[0]")
