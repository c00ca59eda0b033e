"""Last year's targets in the review: split actuals, actuals with a qualifier, relative and
qualitative targets (strict: nothing claimed that the data cannot show), and a figure stated
once when the headline and the checks name the same indicator."""

from __future__ import annotations

import pytest

from drafter.compose.figures import check_runs, checks_runs, target_runs
from drafter.compose.values import Data
from drafter.model import Target, TargetCheck


def said(runs) -> str:
    return "".join(r.text for r in runs.runs)


def check(**kw) -> Data:
    return Data(TargetCheck.model_validate({"name": "生产总值", **kw}), ("review", "checks", 0))


@pytest.mark.parametrize("kw,expect", [
    # one target, two actuals: a verdict per actual
    ({"name": "城镇、农村居民人均可支配收入", "value": 7, "actual": 4.5, "actual2": 6},
     "城镇、农村居民人均可支配收入分别增长4.5%、6%，均未完成7%的预期目标"),
    ({"name": "城镇、农村居民人均可支配收入", "value": 7, "actual": 7.5, "actual2": 6},
     "城镇、农村居民人均可支配收入分别增长7.5%、6%，分别超额完成、未完成7%的预期目标"),
    ({"name": "城乡居民人均可支配收入", "qualifier": "与经济增长同步", "actual": 7.6, "actual2": 8.6},
     "城乡居民人均可支配收入分别增长7.6%、8.6%，均完成与经济增长同步的目标"),
    # an actual known as a bound: judged only where both ends agree
    ({"value": 6, "qualifier": "左右", "actual": 6, "actual_qualifier": "以上"}, "生产总值增长6%以上，完成6%左右的预期目标"),
    ({"value": 7, "actual": 6, "actual_qualifier": "以上"}, "生产总值增长6%以上，预期目标为7%"),
    ({"value": 5, "actual": 6, "actual_qualifier": "以上"}, "生产总值增长6%以上，超额完成5%的预期目标"),
    # relative targets: against the benchmark the data gives, else a placeholder and no claim
    ({"name": "农村居民人均可支配收入", "qualifier": "高于平均水平", "scope": "全市", "actual": 8.6, "benchmark": 7.6},
     "农村居民人均可支配收入增长8.6%，全市平均增长7.6%，完成高于全市平均水平的目标"),
    ({"name": "农村居民人均可支配收入", "qualifier": "高于平均水平", "scope": "全市", "actual": 7.6, "benchmark": 7.6},
     "农村居民人均可支配收入增长7.6%，全市平均增长7.6%，未完成高于全市平均水平的目标"),
    ({"name": "农村居民人均可支配收入", "qualifier": "高于平均水平", "scope": "全市", "actual": 8.6},
     "农村居民人均可支配收入增长8.6%，全市平均增长【待补充：农村居民人均可支配收入的比较基准实际数】%，"
     "预期目标为高于全市平均水平"),
    ({"name": "单位生产总值能耗", "kind": "level", "unit": "吨标准煤/万元", "qualifier": "不高于上年", "actual": 0.5,
      "benchmark": 0.52}, "单位生产总值能耗达到0.5吨标准煤/万元，上年为0.52吨标准煤/万元，完成不高于上年的目标"),
])
def test_check_sentences(kw, expect):
    assert said(check_runs(check(**kw), "市", gdp_growth=4.3)) == expect


@pytest.mark.parametrize("kw,expect", [
    ({"name": "农村居民人均可支配收入", "qualifier": "高于平均水平", "scope": "全市"}, "农村居民人均可支配收入增长高于全市平均水平"),
    ({"name": "单位生产总值能耗", "kind": "level", "qualifier": "不高于上年"}, "单位生产总值能耗不高于上年"),
    ({"name": "居民收入", "qualifier": "与经济增长同步"}, "居民收入增长与经济增长同步"),
])
def test_relative_and_qualitative_targets(kw, expect):
    assert said(target_runs(Data(Target.model_validate(kw), ("targets", "indicators", 0)))) == expect


@pytest.mark.parametrize("snippet,message", [
    ("{name: 能耗, qualifier: 完成上级下达任务, actual: 3, actual2: 2}", "用 done"),
    ("{name: 收入, value: 7, actual2: 6}", "没有第一个实际值"),
    ("{name: 收入, value: 7, actual: 6, benchmark: 5}", "benchmark 只用于"),
    ("{name: 收入, qualifier: 高于平均水平, actual: 6}", "scope"),
    # done where the figures decide
    ("{name: 收入, value: 7, actual: 6, done: true}", "done 只用于没有数值的目标"),
    ("{name: 收入, qualifier: 与经济增长同步, actual: 6, done: true}", "请删除 done"),
])
def test_a_check_whose_values_would_be_lost_is_refused(tmp_path, snippet, message):
    from drafter.api import load
    from drafter.errors import DrafterError
    from tests.conftest import MINIMAL

    data = tmp_path / "d.yaml"
    data.write_text(MINIMAL.replace("review:\n", f"review:\n  checks:\n    - {snippet}\n", 1), encoding="utf-8")
    with pytest.raises(DrafterError) as e:
        load(data)
    [problem] = e.value.problems
    assert message in problem.message and problem.path.startswith("review.checks[0]") and problem.line == 10


def test_checks_already_stated_by_the_headline_are_left_out():
    items = Data([TargetCheck(name="生产总值", value=6, qualifier="左右", actual=4.3),
                  TargetCheck(name="城镇新增就业", kind="level", unit="万人", value=4.5, qualifier="以上", actual=5.14)],
                 ("review", "checks"))
    assert said(checks_runs(items, skip={0})) == "城镇新增就业达到5.14万人，超额完成4.5万人以上的预期目标"


def test_xianyang_states_gdp_once(tmp_path):
    """咸阳 with last year's targets: 生产总值 4.3% in the headline carries its verdict; the
    check paragraph goes on with the other targets and never repeats 4.3%."""
    from drafter.api import load
    from drafter.compose import compose
    from drafter.writers.text import render_text
    from tests.test_check_helpers import with_checks

    import re

    for seed in (0, 1, 2, 3):
        text = render_text(compose(load(with_checks(tmp_path)), seed=seed))
        review = text[text.index("一年来"):text.index("二、")]
        assert review.count("4.3%") == 1
        # the frame joins value and growth with 、 or ， (both are report wordings); the verdict
        # follows the figure it judges, and a ； closes it
        assert re.search("全年生产总值达到2878亿元[、，]增长4\\.3%，未完成6%左右的预期目标；一般公共预算收入增长19\\.9%",
                         review)
        assert "从年初确定的主要预期目标看，城镇新增就业达到5.14万人，超额完成4.5万人以上的预期目标；" in review


def test_a_synchronous_target_is_judged_against_the_headlines_gdp_growth():
    """宜宾's GDP target was 「高于全省1个百分点」, no growth target; the 统计局's 增长7.5% stood
    in the headline, and the income check read 「缺少生产总值实际增速」 (H87)."""
    from drafter.model import Figure
    from drafter.model.verdict import gdp_growth_of

    items = Data([TargetCheck(name="城乡居民人均可支配收入", qualifier="与经济增长同步", actual=7.6)], ("review", "checks"))
    headline = [Figure(name="地区生产总值", value=3800, unit="亿元", growth=7.5)]
    assert said(checks_runs(items, headline=headline)) == "城乡居民人均可支配收入增长7.6%，完成与经济增长同步的目标"
    assert gdp_growth_of([], [Figure(name="地区生产总值", growth=7.5, qualifier="左右")]) is None  # no exact number


@pytest.mark.parametrize("kw,expect", [
    # a check's rank is drafted as a figure's: after the actual, before the verdict
    ({"name": "城镇新增就业", "kind": "level", "unit": "万人", "value": 6, "actual": 6.1,
      "rank": {"scope": "全区", "place": 1, "numeral": "数字"}},
     "城镇新增就业达到6.1万人、居全区第1位，超额完成6万人的预期目标"),
    ({"value": 6, "qualifier": "左右", "actual": 6.5, "rank": [{"scope": "全省", "place": 2}, {"scope": "全省", "place": 3, "of": "总量"}]},
     "生产总值增长6.5%、增速居全省第二、总量居全省第三，完成6%左右的预期目标"),
])
def test_a_checks_rank_is_drafted(kw, expect):
    assert said(check_runs(check(**kw), "市", gdp_growth=4.3)) == expect


def test_a_check_with_its_own_rank_is_not_absorbed_by_a_headline_without_it():
    from drafter.compose.figures import absorbed_checks
    from drafter.model import Figure

    ranked = TargetCheck(name="生产总值", value=6, actual=6.5, rank={"scope": "全省", "place": 2})
    assert absorbed_checks([Figure(name="生产总值", growth=6.5)], [ranked]) == {}
    assert absorbed_checks([Figure(name="生产总值", growth=6.5, rank={"scope": "全省", "place": 2})], [ranked]) == {0: 0}


def test_an_assigned_targets_rank_is_refused(tmp_path):
    from drafter.api import load
    from drafter.errors import DrafterError
    from tests.conftest import MINIMAL

    data = tmp_path / "d.yaml"
    snippet = "{name: 能耗, qualifier: 完成上级下达任务, done: true, rank: {scope: 全省, place: 1}}"
    data.write_text(MINIMAL.replace("review:\n", f"review:\n  checks:\n    - {snippet}\n", 1), encoding="utf-8")
    with pytest.raises(DrafterError) as e:
        load(data)
    assert "排名 rank" in e.value.problems[0].message and e.value.problems[0].line == 10


@pytest.mark.parametrize("kw,expect", [
    # 凉山: 「城镇调查失业率为5.5%以内，完成控制在5.5%以内的预期目标」 said the ceiling twice
    ({"actual": 5.5, "actual_qualifier": "以内"}, "城镇调查失业率控制在5.5%以内，完成预期目标"),
    ({"actual": 5.5, "actual_qualifier": "以内", "qualifier": "以内"}, "城镇调查失业率控制在5.5%以内，完成预期目标"),
    ({"actual": 5, "actual_qualifier": "以内"}, "城镇调查失业率控制在5%以内，完成5.5%以内的预期目标"),
    ({"actual": 5.3}, "城镇调查失业率为5.3%，完成控制在5.5%以内的预期目标"),
])
def test_a_control_met_within_its_ceiling_reads_as_reports_say_it(kw, expect):
    x = check(name="城镇调查失业率", kind="control", value=5.5, **kw)
    assert said(check_runs(x, "市")) == expect


def test_a_control_met_as_set_states_every_value(tmp_path):
    from drafter.api import compose_report, load_with_positions, unused_values
    from drafter.tree import plain
    from tests.conftest import MINIMAL

    data = tmp_path / "d.yaml"
    snippet = "{name: 城镇调查失业率, kind: control, value: 5.5, qualifier: 以内, actual: 5.5, actual_qualifier: 以内}"
    data.write_text(MINIMAL.replace("review:\n", f"review:\n  checks:\n    - {snippet}\n", 1), encoding="utf-8")
    report, loaded = load_with_positions(data)
    doc = compose_report(report)
    assert "城镇调查失业率控制在5.5%以内，完成预期目标" in plain(list(doc.runs()))
    assert [p.path for p in unused_values(loaded, doc) if p.path.startswith("review.checks")] == []


@pytest.mark.parametrize("done,expect", [
    # 吉林: done on a 同步 target was ignored (「增长【待补充：…实际完成值】%，预期目标为与经济增长同步」)
    (True, "城乡居民人均可支配收入完成与经济增长同步的目标"),
    (False, "城乡居民人均可支配收入未完成与经济增长同步的目标"),
])
def test_a_synchronous_target_judged_by_the_office_says_its_verdict(done, expect):
    x = check(name="城乡居民人均可支配收入", qualifier="与经济增长同步", done=done)
    assert said(check_runs(x, "市")) == expect


def test_done_on_a_synchronous_target_is_stated(tmp_path):
    from drafter.api import validate
    from tests.conftest import MINIMAL

    data = tmp_path / "d.yaml"
    snippet = "{name: 城乡居民人均可支配收入, qualifier: 与经济增长同步, done: true}"
    data.write_text(MINIMAL.replace("review:\n", f"review:\n  checks:\n    - {snippet}\n", 1), encoding="utf-8")
    assert [p.path for p in validate(data).unused if p.path.startswith("review.checks")] == []


@pytest.mark.parametrize("kw,expect", [
    # a falling benchmark is 下降, as a falling actual is (H107: 「上年增长1.8%」 for -1.8)
    ({"name": "单位GDP能耗", "qualifier": "不高于上年", "actual": -2.1, "benchmark": -1.8},
     "单位GDP能耗下降2.1%，上年下降1.8%，完成不高于上年的目标"),
    ({"name": "研发投入", "qualifier": "高于平均水平", "scope": "全省", "actual": -0.5, "benchmark": -2.0},
     "研发投入下降0.5%，全省平均下降2%，完成高于全省平均水平的目标"),
    # an estimated actual says 预计, as an estimated figure does (README)
    ({"name": "固定资产投资", "value": 8, "actual": 9.1, "actual_status": "预计", "status": "核实"},
     "预计固定资产投资增长9.1%，超额完成8%的预期目标"),
    ({"name": "城镇新增就业", "kind": "level", "value": 4, "unit": "万人", "actual": 4.6, "actual_status": "预计"},
     "预计城镇新增就业达到4.6万人，超额完成4万人的预期目标"),
    ({"name": "固定资产投资", "value": 8, "actual": 9.1, "actual_status": "快报"}, "固定资产投资增长9.1%，超额完成8%的预期目标"),
])
def test_checks_neither_bend_nor_drop_a_value(kw, expect):
    assert said(check_runs(check(kind="growth", **kw) if "kind" not in kw else check(**kw), "市")) == expect


def test_an_estimated_check_keeps_its_paragraph_beside_a_headline_that_is_no_estimate():
    from drafter.compose.figures import absorbed_checks
    from drafter.model import Figure

    estimated = TargetCheck(name="生产总值", value=6, actual=4.3, actual_status="预计")
    assert absorbed_checks([Figure(name="生产总值", growth=4.3)], [estimated]) == {}
    assert absorbed_checks([Figure(name="生产总值", growth=4.3, status="预计")], [estimated]) == {0: 0}


def test_a_check_the_headline_states_is_not_reported_unused(tmp_path):
    """v30 (H100): the headline says 「增长5%左右，预期目标为6%左右」 once; the check's name,
    actual and actual_qualifier were reported 「当前模板没有用到这个字段」."""
    from drafter.api import compose_report, load_with_positions, unused_values
    from drafter.tree import plain
    from tests.conftest import MINIMAL

    data = tmp_path / "d.yaml"
    text = MINIMAL.replace("    - {name: 生产总值, value: 2878, unit: 亿元, growth: 4.3}\n",
                           "    - {name: 地区生产总值, growth: 5, qualifier: 左右, status: 预计}\n", 1)
    snippet = "{name: 生产总值, kind: growth, value: 6, qualifier: 左右, actual: 5, actual_qualifier: 左右}"
    data.write_text(text.replace("review:\n", f"review:\n  checks:\n    - {snippet}\n", 1), encoding="utf-8")
    report, loaded = load_with_positions(data)
    doc = compose_report(report)
    drafted = plain(list(doc.runs()))
    assert "预计全年地区生产总值增长5%左右，预期目标为6%左右。" in drafted and drafted.count("5%左右") == 1
    assert [p.path for p in unused_values(loaded, doc) if p.path.startswith("review.checks")] == []
