"""Nothing lost, nothing bent (issue 10 §5), on real figures-only data (湖州, 益阳 2025, typed
from their published reports) and on the slips an office makes: a rank says what it ranks,
`validate` does not call a printed value lost, one indicator with two numbers is an error
naming both places, a figure given twice or a value no report prints is a warning, and
the messages say what to write."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from drafter import api
from drafter.compose.figures import figure_runs
from drafter.compose.values import Data
from drafter.errors import DataErrors
from drafter.model import Figure
from drafter.phrases.bank import default_bank
from drafter.compose.frames import FrameChooser
from drafter.writers.text import render_text
from tests.conftest import EXAMPLES, FIXTURES

FIGURES_ONLY = FIXTURES / "figures_only"
HUZHOU, YIYANG = FIGURES_ONLY / "huzhou_2025_figures.yaml", FIGURES_ONLY / "yiyang_2025_figures.yaml"


def clause(fig: dict, seed: int | None = None) -> str:
    x = Data(Figure.model_validate(fig), ("review", "sections", 0, "facts", 0))
    fr = None if seed is None else FrameChooser(default_bank(), seed)
    return "".join(r.text for r in figure_runs(x, fr=fr, used=set()).runs)


@pytest.mark.parametrize("fig,says,never", [
    # a value alone ranks the value: 「居全省第一」, no 增速 (湖州 2025: 新升规工业企业140家、居全省第一)
    ({"name": "“新升规”工业企业", "value": 140, "unit": "家", "rank": {"scope": "全省", "place": 1}},
     "“新升规”工业企业140家[、，](居|排名)全省第一", "增速"),
    ({"name": "全社会研发投入强度", "verb": "达到", "value": 3.4, "unit": "%", "rank": {"scope": "全省", "place": 3}},
     "全社会研发投入强度达到3.4%[、，](居|排名)全省第三", "增速"),
    # a growth: the rank is the growth's; 增速 said or not as the draft's one form says (test_rank_form)
    ({"name": "第一产业增加值", "value": 503.4, "unit": "亿元", "growth": 4.3, "rank": {"scope": "全省", "place": 2}},
     "第一产业增加值503.4亿元[、，]增长4.3%[、，](增速)?(居|排名)全省第二位?", None),
    # what the office wrote stands
    ({"name": "实际使用外资", "value": 6376, "unit": "万美元", "rank": {"scope": "全省", "place": 1, "of": "增速"}},
     "实际使用外资6376万美元[、，]增速(居|排名)全省第一位?", None),
])
def test_a_rank_says_what_it_ranks(fig, says, never):
    import re

    for seed in (None, 0, 1, 2, 3):
        text = clause(fig, seed)
        assert re.fullmatch(says, text), (seed, text)
        assert never is None or never not in text


def test_the_rank_basis_is_documented_as_it_behaves():
    from drafter.model.figures import Rank

    assert "140家、居全省第一" in (Rank.model_fields["of"].description or "")  # the schema and init comment
    readme = (EXAMPLES.parent / "README.md").read_text(encoding="utf-8")
    assert "实际使用外资6376万美元、居全省第一" in readme and "6376万美元、增速居" not in readme
    assert clause({"name": "实际使用外资", "value": 6376, "unit": "万美元", "rank": {"scope": "全省", "place": 1}}) == \
        "实际使用外资6376万美元、居全省第一"


@pytest.mark.parametrize("path", [HUZHOU, YIYANG], ids=["湖州", "益阳"])
def test_fixed_wording_qualifiers_are_not_called_lost(path):
    # 「城镇调查失业率控制在5%以内」「节能减排完成省下达的目标任务」 print these qualifiers
    result = api.validate(path)
    assert not [p for p in result.unused if p.path.endswith(".qualifier")], [p.format() for p in result.unused]
    assert result.unused == []


def test_an_untouched_skeleton_loses_no_qualifier(tmp_path):
    data = tmp_path / "湖州市2025.yaml"
    api.init(data, region="湖州市", level="市", year=2025)
    assert not [p.format() for p in api.validate(data).unused if p.path.endswith(".qualifier")]


def _jintai_with(tmp_path: Path, fragment: str) -> Path:
    d = tmp_path / "金台"
    shutil.copytree(EXAMPLES / "jintai_2023", d)
    (d / "12_发改.yaml").write_text(fragment, encoding="utf-8")
    return d


def test_two_fragments_with_two_numbers_for_one_indicator_are_an_error(tmp_path):
    d = _jintai_with(tmp_path, "review:\n  headline:\n    - {name: 地区生产总值, growth: 4.1, status: 预计, dept: 区发改局}\n")
    with pytest.raises(DataErrors) as e:
        api.validate(d)
    (problem,) = e.value.problems
    assert problem.file.endswith("12_发改.yaml") and (problem.line, problem.column) == (3, 30)
    assert "4.1" in problem.message and "3.5" in problem.message
    assert "11_主要指标.yaml:" in problem.message  # the other place, file:line:column


def test_a_headline_against_last_years_actual_is_an_error(tmp_path):
    data = yaml.safe_load(HUZHOU.read_text(encoding="utf-8"))
    data["review"]["checks"][0]["actual"] = 5.9  # the headline says 5.8
    path = tmp_path / "湖州.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    with pytest.raises(DataErrors) as e:
        api.validate(path)
    assert [p.path for p in e.value.problems] == ["review.checks[0].actual"]
    assert "review.headline[0].growth" in e.value.problems[0].message


def test_the_same_number_from_two_fragments_is_a_warning(tmp_path):
    d = _jintai_with(tmp_path, "review:\n  headline:\n    - {name: 地区生产总值, growth: 3.5, status: 预计, dept: 区发改局}\n")
    result = api.validate(d)
    (w,) = [p for p in result.doubtful if "两次" in p.message]
    assert w.file.endswith("12_发改.yaml") and "11_主要指标.yaml:" in w.message


def test_a_figure_given_twice_is_a_warning_naming_both_places():
    result = api.validate(HUZHOU)
    twice = {p.path: p.message for p in result.doubtful if "两次" in p.message}
    # 固定资产投资增长10.4%: last year's check (line 30) and the project section (line 57)
    assert "review.sections[2].facts[2].growth" in twice
    assert "huzhou_2025_figures.yaml:30:" in twice["review.sections[2].facts[2].growth"]
    assert "review.checks[1].actual" in twice["review.sections[2].facts[2].growth"]
    assert api.validate(YIYANG).doubtful == []


@pytest.mark.parametrize("example", ["gaoping_2024.yaml", "gaoping_2024_figures.yaml", "xianyang_2024.yaml",
                                     "xianyang_2024_figures.yaml", "jintai_2023", "jintai_2023_figures"])
def test_the_examples_raise_no_doubt(example):
    assert [p.format() for p in api.validate(EXAMPLES / example).doubtful] == []


def _with_fact(tmp_path: Path, fact: str, target: str = "") -> Path:
    """The 益阳 data with a fact (and a target) of the first review section written as given."""
    text = YIYANG.read_text(encoding="utf-8")
    lines = text.splitlines()
    at = next(i for i, line in enumerate(lines) if line.strip() == "- facts:")
    lines.insert(at + 1, f"        - {fact}")
    if target:
        at = next(i for i, line in enumerate(lines) if line.startswith("  indicators:"))
        lines.insert(at + 1, f"    - {target}")
    path = tmp_path / "益阳.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("fact,target,where,says", [
    ("{name: 地区生产总值, value: 434, unit: 亿元, growth: 8600}", "", "growth", "8600"),
    ("{name: 地区生产总值, value: -434, unit: 亿元}", "", "value", "负数"),
    ("{name: 地区生产总值, value: 434, value2: 999, unit: 亿元}", "", "value2", "分别"),
    ("{name: 地区生产总值, growth: 5}", "{name: 规上工业增加值, kind: growth, value: 5, unit: 亿元}", "unit", "kind: level"),
])
def test_nonsense_that_parses_is_a_warning(tmp_path, fact, target, where, says):
    result = api.validate(_with_fact(tmp_path, fact, target))
    # a section's 地区生产总值 with another growth than the headline's is a warning of its own
    (w,) = [p for p in result.doubtful if "两个不同的数" not in p.message]
    assert w.path.endswith("." + where) and says in w.message and w.line > 0


def test_a_falling_growth_is_no_doubt(tmp_path):
    assert api.validate(_with_fact(tmp_path, "{name: 单位GDP能耗, growth: -3.2}")).doubtful == []


def test_full_width_digits_are_the_number(tmp_path):
    path = _with_fact(tmp_path, "{name: 新增经营主体总数, value: ４３４, unit: 家}")
    report = api.validate(path).report
    assert report.review.sections[0].facts[0].value == 434


def _problems(tmp_path: Path, fact: str) -> list[str]:
    with pytest.raises(DataErrors) as e:
        api.validate(_with_fact(tmp_path, fact))
    return [f"{p.path} {p.message}" for p in e.value.problems]


def test_a_place_in_chinese_numerals_is_one_message(tmp_path):
    assert _problems(tmp_path, "{name: 外资, value: 1, unit: 亿元, rank: {scope: 全省, place: 第一}}") == [
        "review.sections[0].facts[0].rank.place（名次） 应为整数（第一 → 1）"]
    assert _problems(tmp_path, "{name: 外资, value: 1, unit: 亿元, rank: [{scope: 全省, place: 第十二}]}") == [
        "review.sections[0].facts[0].rank[0].place（名次） 应为整数（第十二 → 12）"]


def test_compare_as_a_number_says_what_compare_holds(tmp_path):
    (msg,) = _problems(tmp_path, "{name: 外资, growth: 5, compare: 1.5}")
    assert msg.startswith("review.sections[0].facts[0].compare（比较） 应为列表")
    assert "scope: 全省" in msg and "diff:" in msg


LIAOCHENG, WUZHOU = FIGURES_ONLY / "liaocheng_2025_figures.yaml", FIGURES_ONLY / "wuzhou_2025_figures.yaml"


def test_a_qualified_figure_given_twice_is_a_warning_too():
    """聊城 printed 「固定资产投资增长7%以上」 in the check of last year's targets and again in its
    first section (H80): the same number with the same 以上 is the same figure."""
    twice = {p.path: p.message for p in api.validate(LIAOCHENG).doubtful if "两次" in p.message}
    assert "固定资产投资增长7%以上" in twice["review.sections[0].facts[2].growth"]
    assert "review.checks[2].actual" in twice["review.sections[0].facts[2].growth"]


def test_a_control_targets_own_qualifier_is_not_called_lost():
    """梧州's 失业率 target 「控制在5.5%左右」 prints its 左右; validate called it unused (H80)."""
    assert api.validate(WUZHOU).unused == []
    assert "城镇调查失业率控制在5.5%左右" in render_text(api.compose_report(api.load(WUZHOU), seed=0))


def test_duo_follows_the_number_as_reports_write_it():
    """梧州's own report writes 「2000多万元」 and 「300多项」; 多 was refused (H80)."""
    assert clause({"name": "政务服务事项", "value": 300, "unit": "项", "approx": "多"}) == "政务服务事项300多项"
    assert clause({"name": "以工代赈资金", "value": 2000, "unit": "万元", "approx": "多"}).endswith("2000多万元")


def test_zhengqudao_goes_before_what_was_won():
    """「上级转移支付资金争取到172.97亿元」 (梧州, H80): the corpus writes 争取到 first all 17 times
    (争取到地方专项债券资金57.6亿元)."""
    fact = {"name": "上级转移支付资金", "verb": "争取到", "value": 172.97, "unit": "亿元"}
    assert {clause(fact, seed) for seed in range(6)} == {"争取到上级转移支付资金172.97亿元"}


def test_a_ranks_numeral_is_a_way_of_writing_not_a_lost_value(tmp_path):
    """「居全省第1」 from a form's 备注 sets numeral: 数字; validate called it unused (H86)."""
    path = _with_fact(tmp_path, "{name: 新增市场主体, value: 2.9, unit: 万户, rank: {scope: 全省, place: 1, numeral: 数字}}")
    assert api.validate(path).unused == []
    assert "新增市场主体2.9万户、居全省第1" in render_text(api.compose_report(api.load(path), seed=0))


def test_a_qualifier_goes_with_the_only_number_given():
    """统计局 gave 生产总值 增长6 with 备注 左右 and no total: the draft read 「达到【待补充】亿元左右、
    增长6%」, the growth exact (H92)."""
    from drafter.compose.figures import headline_runs

    gdp = Figure.model_validate({"name": "生产总值", "unit": "亿元", "value": None, "growth": 6, "qualifier": "左右"})
    for seed in (None, 0, 1, 2):
        fr = None if seed is None else FrameChooser(default_bank(), seed)
        said = str(headline_runs(Data([gdp], ("review", "headline")), fr))
        assert said.endswith("增长6%左右") and "亿元左右" not in said, said


@pytest.mark.parametrize("value,unit,said", [("3000", "户", "3000余户"), ("4.23", "万户", "4.23万余户")])
def test_a_repeat_is_quoted_as_the_draft_words_it(tmp_path, value, unit, said):
    """余 / 多 follow the number, before its unit (「3000余户」; the warning wrote 「3000户余」),
    and after 万 when the number has a decimal (「4.23万余户」, as compose writes it)."""
    data = tmp_path / "聊城.yaml"
    text = LIAOCHENG.read_text(encoding="utf-8")
    fig = f"{{name: 新增市场主体, value: {value}, approx: 余, unit: {unit}, dept: 市市场监管局}}\n"
    text = text.replace("  headline:\n", "  headline:\n    - " + fig, 1)
    data.write_text(text.replace("    - facts:\n", "    - facts:\n        - " + fig, 1), encoding="utf-8")
    twice = [p.message for p in api.validate(data).doubtful if "两次" in p.message and "市场主体" in p.message]
    assert len(twice) == 1 and f"新增市场主体{said} 已在" in twice[0]
