"""Figures told the way reports tell them: mined number frames that a figure fills exactly,
varied by seed, never twice in a paragraph; number-first and verb-first forms; approximate
words, ranks, comparisons without a number."""

from __future__ import annotations

import pytest

from drafter.compose.figures import facts_runs, figure_runs
from drafter.compose.frames import FrameChooser
from drafter.compose.values import Data
from drafter.model import Figure
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

    import re

    text = render_text(compose(load(EXAMPLES / "xianyang_2024.yaml"), bank=default_bank()))
    # data: {name: 省市重点项目, verb: 建成, value: 127}; frames put the verb before or after
    assert re.search("千方百计扩大投资，(建成省市重点项目|省市重点项目建成)127个，", text)
    assert "总产达到182万吨" in text  # 达到 stays after its subject: no frame puts it first


@pytest.mark.parametrize("fig,expect", [
    ({"name": "项目", "form": "number_first", "examples": ["西电智慧产业园", "神电智能电器"], "value": 16, "unit": "个",
      "verb": "建成投产"}, "西电智慧产业园、神电智能电器等16个项目建成投产"),
    ({"name": "项目", "form": "number_first", "value": 16, "unit": "个", "verb": "建成投产"}, "16个项目建成投产"),
    # every example named: no 等 (高平 2024: 生猪、黄梨、潞绸3个专业镇入选……)
    ({"name": "专业镇入选晋城首批特色专业镇", "form": "number_first", "examples": ["生猪", "黄梨", "潞绸"], "value": 3,
      "unit": "个"}, "生猪、黄梨、潞绸3个专业镇入选晋城首批特色专业镇"),
    ({"name": "人大代表建议", "form": "verb_first", "verb": "办复", "value": 55, "unit": "件"}, "办复人大代表建议55件"),
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


# Every rank / comparison combination, as a report writes it. The mined frame may say 居 or
# 排名, with or without 位, and join with ， or 、 — but the ranks of one figure read alike
# (the same verb and 位 throughout: (?P=v) (?P=w)), a further rank on the same basis drops the
# verb (「居全省第二位、全市第一位」, never 「……、居全市第一」), one on another basis names both
# bases, and a comparison stays next to the growth it measures. The growth just stated says
# 增速 (「增长7.2%、居全省第一」); after a value too, the draft's one form does (test_rank_form).
V, W = "(?P<v>居|排名)", "(?P<w>位?)"
RANKS = [
    ({"name": "政务诚信工作", "rank": [{"scope": "全省", "place": 2, "of": ""}, {"scope": "全市", "place": 1, "of": ""}]},
     "政务诚信工作排名全省第二、全市第一", f"政务诚信工作{V}全省第二{W}、全市第一(?P=w)"),
    ({"name": "外贸进出口总额", "rank": [{"scope": "全省", "place": 2}, {"scope": "全省", "place": 3, "of": "总量"}]},
     "外贸进出口总额增速居全省第二、总量居全省第三", f"外贸进出口总额增速{V}全省第二{W}、总量(?P=v)全省第三(?P=w)"),
    ({"name": "外贸进出口总额", "rank": [{"scope": "全省", "place": 2}, {"scope": "全市", "place": 1}]},
     "外贸进出口总额排名全省第二、全市第一", f"外贸进出口总额{V}全省第二{W}、全市第一(?P=w)"),  # no invented 增速 (H107)
    ({"name": "消费品以旧换新审核资金额度", "rank": {"scope": "全市", "place": 3, "of": "", "numeral": "数字"}},
     "消费品以旧换新审核资金额度排名全市第3", f"消费品以旧换新审核资金额度{V}全市第3{W}"),
    ({"name": "实际使用外资", "value": 6376, "unit": "万美元", "rank": {"scope": "全省", "place": 1}},
     "实际使用外资6376万美元、居全省第一", f"实际使用外资6376万美元[、，]{V}全省第一{W}"),
    ({"name": "外贸进出口总额", "value": 46, "unit": "亿元",
      "rank": [{"scope": "全省", "place": 2}, {"scope": "全省", "place": 3, "of": "总量"}]},
     "外贸进出口总额46亿元、增速居全省第二、总量居全省第三", "外贸进出口总额46亿元[、，]增速居全省第二、总量居全省第三"),
    ({"name": "空气优良天数", "value": 280, "unit": "天",
      "rank": [{"scope": "关中", "place": 2, "of": "", "from_bottom": True}, {"scope": "全省", "place": 5, "of": ""}]},
     "空气优良天数280天、居关中倒数第二、全省第五", "空气优良天数280天[、，]居关中倒数第二、全省第五"),
    ({"name": "规上工业增加值", "growth": 7.2, "rank": {"scope": "全省", "place": 1}},
     "规上工业增加值增长7.2%、居全省第一", f"规上工业增加值增长7.2%[、，]{V}全省第一{W}"),
    ({"name": "规上工业增加值", "growth": 7.2, "rank": [{"scope": "全省", "place": 1}, {"scope": "全市", "place": 2}]},
     "规上工业增加值增长7.2%、居全省第一、全市第二", f"规上工业增加值增长7.2%[、，]{V}全省第一{W}、全市第二(?P=w)"),
    ({"name": "规上工业增加值", "growth": 7.2, "rank": [{"scope": "全省", "place": 1}, {"scope": "全省", "place": 3, "of": "总量"}]},
     "规上工业增加值增长7.2%、增速居全省第一、总量居全省第三",
     f"规上工业增加值增长7.2%[、，]增速{V}全省第一{W}、总量(?P=v)全省第三(?P=w)"),
    ({"name": "规上工业增加值", "growth": 7.2, "rank": {"scope": "全省", "place": 3, "of": "总量"}},
     "规上工业增加值增长7.2%、总量居全省第三", "规上工业增加值增长7.2%[、，]总量居全省第三"),
    ({"name": "规上工业增加值", "growth": 7.2, "compare": [{"scope": "全省", "diff": 2.2}], "rank": {"scope": "全省", "place": 1}},
     "规上工业增加值增长7.2%、高于全省2.2个百分点、居全省第一",
     "规上工业增加值增长7.2%[、，]高于全省2.2个百分点、居全省第一"),
    ({"name": "规上工业增加值", "value": 100, "unit": "亿元", "growth": 7.2, "compare": [{"scope": "全省", "diff": 2.2}],
      "rank": {"scope": "全省", "place": 1}},
     "规上工业增加值100亿元、增长7.2%、高于全省2.2个百分点、居全省第一",  # 增速 as the seed's form says
     "规上工业增加值100亿元[、，]增长7.2%、高于全省2.2个百分点、(?:增速)?居全省第一"),
    ({"name": "收入", "growth": 7.6, "compare": [{"scope": "全省", "diff": -0.5}, {"scope": "全国", "relation": "持平"}]},
     "收入增长7.6%、低于全省0.5个百分点、与全国持平", "收入增长7.6%[、，]低于全省0.5个百分点、与全国持平"),
    # a rank with neither value nor growth ranks the indicator: no 增速 (H107, v04 / v34)
    ({"name": "营商环境评价", "rank": {"scope": "全省", "place": 2}},
     "营商环境评价排名全省第二", f"营商环境评价{V}全省第二{W}"),
    # a diff of 0 is 持平, with or without relation (H107, v14 / v39)
    ({"name": "外贸进出口", "growth": 3, "compare": [{"scope": "全省", "diff": 0}]},
     "外贸进出口增长3%、与全省持平", "外贸进出口增长3%[、，]与全省持平"),
    ({"name": "外贸进出口", "growth": 3, "compare": [{"scope": "全省", "diff": 0, "relation": "持平"}]},
     "外贸进出口增长3%、与全省持平", "外贸进出口增长3%[、，]与全省持平"),
]


@pytest.mark.parametrize("fig,plain,reads", RANKS, ids=[f"rank{i}" for i in range(len(RANKS))])
def test_ranks_and_comparisons_read_as_reports_write_them(fig, plain, reads):
    import re

    assert clause(fig)[0] == plain
    assert re.fullmatch(reads, plain)
    seen = set()
    for seed in range(12):
        text, runs = clause(fig, default_bank(), seed)
        assert re.fullmatch(reads, text), text
        seen.add(text)
        # the frame's own words are rank and joining words only; scopes and places are data
        assert all(r.source.kind != "phrase" or re.fullmatch("[、，]?(?:增长|居|排名|第|位|、|，)*", r.text) for r in runs)
        assert {r.text for r in runs if r.source.ref.endswith(".place")} <= {"一", "二", "三", "五", "3"}


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


def spread_bank(*frames: tuple[str, str, int, dict]) -> Bank:
    """Number frames with the miner's spread: (shape, text, count, {province: reports})."""
    entries = []
    for i, (s, t, n, provinces) in enumerate(frames):
        files = tuple((f"{p}{k}.txt", 1) for p, r in provinces.items() for k in range(r))
        entries.append(Entry(id=f"number.review.{s}.{i}", kind="number", part="review", text=t, slot=s, count=n,
                             sources=files, reports=len(files), provinces=dict(provinces), levels={"市": len(files)}))
    return Bank(entries)


LEVEL_GROWTH = {"name": "社会消费品零售总额", "value": 135, "unit": "亿元", "growth": 2}


def test_a_frame_of_one_report_is_used_only_when_nothing_wider_fits():
    one = ("level_growth", "{指标}{数}{单位}，增长{百分比}", 400, {"陕西": 1})  # frequent, but one report's habit
    wide = ("level_growth", "{指标}{数}{单位}、增长{百分比}", 5, {"江西": 2, "四川": 1})
    assert {clause(LEVEL_GROWTH, spread_bank(one, wide), seed)[0] for seed in range(30)} == {"社会消费品零售总额135亿元、增长2%"}
    assert clause(LEVEL_GROWTH, spread_bank(one), 0)[0] == "社会消费品零售总额135亿元，增长2%"


def test_a_frame_is_counted_across_the_indicators_a_bank_keeps_it_for():
    from drafter.compose.frames import frames_of

    b = spread_bank(("rank", "{指标}居{范围}第{名次}位", 1, {"四川": 1}), ("rank", "{指标}居{范围}第{名次}位", 1, {"安徽": 1}))
    [frame] = frames_of(b, "rank")
    assert (frame.reports, frame.provinces, frame.narrow) == (2, {"四川", "安徽"}, False)


def test_among_frames_as_common_the_drafts_own_province_then_level_comes_first():
    shaanxi = ("level_growth", "{指标}{数}{单位}，增长{百分比}", 9, {"陕西": 3})
    jiangxi = ("level_growth", "{指标}{数}{单位}、增长{百分比}", 9, {"江西": 3})
    b = spread_bank(shaanxi, jiangxi)

    def share(province: str, level: str = "市") -> float:
        x = Data(Figure.model_validate(LEVEL_GROWTH), ("review", "sections", 0, "facts", 0))
        texts = ["".join(r.text for r in figure_runs(x, fr=FrameChooser(b, seed, province, level), used=set()).runs)
                 for seed in range(200)]
        return texts.count("社会消费品零售总额135亿元，增长2%") / len(texts)

    assert share("陕西省") > 0.65 and share("江西省") < 0.35  # 3 : 1 by province
    assert 0.35 < share("") < 0.65
    # a much wider frame still wins over the draft's own province
    wide = ("level_growth", "{指标}{数}{单位}、增长{百分比}", 9, {p: 3 for p in ("江西", "四川", "安徽", "山东")})
    b = spread_bank(shaanxi, wide)
    assert share("陕西省") < 0.35  # 24 : 65


def test_frames_of_the_shipped_bank_in_the_figures_only_drafts_were_seen_in_several_reports():
    """What the chooser picks for the figures-only twins: never one report's wording while a
    wider frame fits (here every figure has one)."""
    from drafter.api import load
    from drafter.compose import compose

    b = default_bank()
    chooser = FrameChooser(b, 0)
    for example in ("xianyang_2024_figures.yaml", "jintai_2023_figures"):
        for seed in range(3):
            doc = compose(load(EXAMPLES / example), seed=seed, bank=b)
            ids = {r.source.ref for r in _runs(doc) if r.source.kind == "phrase" and r.source.ref.startswith("number.")}
            assert ids
            for ref in ids:
                shape = ref.split(".")[2]
                [frame] = [f for f in chooser.frames(shape) if f.id == ref]
                assert frame.reports >= 2, frame


def _runs(doc):
    from drafter.tree import Section

    def blocks(bs):
        for x in bs:
            yield from (blocks(x.blocks) if isinstance(x, Section) else [x])

    for part in doc.parts:
        for p in blocks(part.blocks):
            yield from getattr(p, "lead", [])
            yield from getattr(p, "runs", [])


@pytest.mark.parametrize("verb", ["突破", "达到", "超过", "提高到", "稳定在"])
def test_a_verb_whose_subject_is_the_figure_follows_it_whatever_the_bank_says(verb):
    b = bank(("level", f"{verb}{{指标}}{{数}}{{单位}}", 1000), ("level", f"{{指标}}{verb}{{数}}{{单位}}", 1))
    fig = {"name": "武功经济总量", "verb": verb, "value": 200, "unit": "亿元"}
    assert {clause(fig, b, seed)[0] for seed in range(20)} == {f"武功经济总量{verb}200亿元"}
    # a verb of change follows a measure, and may open the clause before a thing counted
    b = bank(("level", "增加{指标}{数}{单位}", 1000), ("level", "{指标}增加{数}{单位}", 1))
    assert {clause({"name": "优良天数", "verb": "增加", "value": 36, "unit": "天"}, b, seed)[0]
            for seed in range(20)} == {"优良天数增加36天"}
    assert clause({"name": "就业岗位", "verb": "增加", "value": 5000, "unit": "个"}, b)[0] == "增加就业岗位5000个"
    # a transitive verb may open the clause: 新增城镇就业 / 城镇就业新增 are both report wordings
    fig = {"name": "城镇就业", "verb": "新增", "value": 5.14, "unit": "万人"}
    b = bank(("level", "新增{指标}{数}{单位}", 10), ("level", "{指标}新增{数}{单位}", 10))
    assert {clause(fig, b, seed)[0] for seed in range(20)} == {"新增城镇就业5.14万人", "城镇就业新增5.14万人"}
