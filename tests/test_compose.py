"""The composer: numbers worded as reports word them, level words, numbering habits,
placeholders for missing data, sandboxed templates, determinism."""

from __future__ import annotations


import pytest
from drafter.readers.yaml_data import load_yaml_text

from drafter.compose import compose
from drafter.compose.figures import check_runs, figure_runs, target_runs
from drafter.compose.values import Data
from drafter.compose.numbers import cn_number, format_number
from drafter.compose.typography import normalize
from drafter.errors import DrafterError
from drafter.model import Figure, Report, Target, TargetCheck
from drafter.phrases.bank import Bank
from drafter.tree import Run
from drafter.writers.text import render_text
from tests.conftest import MINIMAL


def _data() -> dict:
    return load_yaml_text(MINIMAL, "minimal.yaml").data


NO_BANK = Bank([])  # template wording only: these tests pin the templates' own defaults


def _text(data: dict, **kw) -> str:
    kw.setdefault("bank", NO_BANK)
    return render_text(compose(Report.model_validate(data), **kw))


def test_number_formatting():
    assert format_number(2878) == "2878"
    assert format_number(2878.0) == "2878"
    assert format_number(4.3) == "4.3"
    assert format_number(0.05) == "0.05"
    assert format_number(1e-05) == "0.00001"
    assert [cn_number(n) for n in (1, 10, 12, 20, 36, 100, 105, 110)] == [
        "一", "十", "十二", "二十", "三十六", "一百", "一百零五", "一百一十"
    ]


def test_typography_full_width():
    assert normalize('他说"好",然后(一)走了...') == "他说“好”，然后（一）走了……"
    assert normalize("西安—咸阳") == "西安—咸阳"  # the 一字线 stays single
    assert normalize("１，３４５亿元") == "1，345亿元"
    assert normalize("1,345亿元") == "1,345亿元"


FACTS = [
    "及时出台促进工业投资等4方面政策措施",
    {"name": "规上工业增加值", "growth": 7.2, "compare": [{"scope": "全省", "diff": 2.2}]},
    {"name": "实际使用外资", "value": 6376, "unit": "万美元", "rank": {"scope": "全省", "place": 1}},
    {"name": "工业用电量", "growth": -2.5},
    {"name": "市场主体", "verb": "发展到", "value": 32.7, "unit": "万户", "growth": 8},
]


def _runs(fn, model, obj: dict, path: tuple, **kw) -> tuple[str, list[Run]]:
    runs = fn(Data(model.model_validate(obj), path), **kw).runs
    return "".join(r.text for r in runs), runs


def _from_data(runs: list[Run]) -> list[tuple[str, str]]:
    """(field, text) of every run taken from the data, in order: what the clause states."""
    return [(r.source.ref.rsplit(".", 1)[-1], r.text) for r in runs if r.source.kind == "data"]


@pytest.mark.parametrize("i,stated,words", [
    (1, [("name", "规上工业增加值"), ("growth", "7.2"), ("scope", "全省"), ("diff", "2.2"), ("unit", "个百分点")],
     ["增长", "高于"]),
    # no `of` and no growth: the rank is the value's (「6376万美元、居全省第一」)
    (2, [("name", "实际使用外资"), ("value", "6376"), ("unit", "万美元"), ("scope", "全省"),
         ("place", "一")], ["居", "第"]),
    (3, [("name", "工业用电量"), ("growth", "2.5")], ["下降"]),  # a negative growth: 下降 and no sign
    (4, [("name", "市场主体"), ("verb", "发展到"), ("value", "32.7"), ("unit", "万户"), ("growth", "8")], ["增长"]),
])
def test_figure_clause_states_the_data_in_order(i, stated, words):
    text, runs = _runs(figure_runs, Figure, FACTS[i], ("review", "sections", 0, "facts", i))
    assert _from_data(runs) == stated
    assert all(r.source.ref.startswith(f"review.sections[0].facts[{i}]") for r in runs if r.source.kind == "data")
    assert all(w in text for w in words) and "-" not in text, text
    assert ("增长" in text) == ("growth" in FACTS[i] and FACTS[i]["growth"] > 0)


def test_facts_paragraph_is_the_clauses_in_data_order():
    d = _data()
    d["review"]["sections"][0]["facts"] = FACTS
    doc = compose(Report.model_validate(d), bank=NO_BANK)
    paragraph = next(p for p in _paragraphs(doc) if "规上工业增加值" in p)
    assert paragraph.startswith("（一）综合施策稳增长，经济运行回升向好。") and paragraph.endswith("。")
    clauses = [FACTS[0]] + [_runs(figure_runs, Figure, f, ("review", "sections", 0, "facts", i))[0]
                            for i, f in enumerate(FACTS) if i]
    at = [paragraph.index(c) for c in clauses]
    assert at == sorted(at)


def test_headline_states_value_and_growth_and_estimate_once():
    d = _data()
    d["review"]["headline"] = [
        {"name": "生产总值", "value": 2878, "unit": "亿元", "growth": 4.3, "status": "预计"},
        {"name": "一般公共预算收入", "growth": 19.9, "status": "预计"},
    ]
    doc = compose(Report.model_validate(d), bank=NO_BANK)
    text = render_text(doc)
    assert text.count("预计") == 1 and text.index("预计") < text.index("2878亿元") < text.index("19.9%")
    refs = [r.source.ref for r in doc.runs() if r.source.ref.startswith("review.headline")]
    assert [x for x in refs if x.endswith(("value", "growth"))] == [
        "review.headline[0].value", "review.headline[0].growth", "review.headline[1].growth"]


TARGETS = [
    {"name": "生产总值", "value": 6, "qualifier": "左右"},
    {"name": "城乡居民人均可支配收入", "value": 6.5, "value2": 8, "qualifier": "左右"},
    {"name": "城镇新增就业", "kind": "level", "value": 4.5, "unit": "万人", "qualifier": "以上"},
    {"name": "居民消费价格指数涨幅", "kind": "control", "value": 3},
    {"name": "城镇调查失业率", "kind": "control", "value": 5.5, "qualifier": "控制在以内"},
    {"name": "一般公共预算收入", "qualifier": "与经济增长同步"},
    {"name": "单位生产总值能耗降低", "qualifier": "完成上级下达任务"},
]


@pytest.mark.parametrize("i,stated,words", [
    (0, [("name", "生产总值"), ("value", "6"), ("qualifier", "左右")], ["增长", "%"]),
    (1, [("name", "城乡居民人均可支配收入"), ("value", "6.5"), ("value2", "8"), ("qualifier", "左右")], ["分别"]),
    (2, [("name", "城镇新增就业"), ("value", "4.5"), ("unit", "万人"), ("qualifier", "以上")], []),  # a level: no 增长
    (3, [("name", "居民消费价格指数涨幅"), ("value", "3")], ["控制在3%以内"]),  # control: 以内 by default
    (4, [("name", "城镇调查失业率"), ("value", "5.5")], ["控制在5.5%以内"]),
    (5, [("name", "一般公共预算收入"), ("qualifier", "与经济增长同步")], []),
    (6, [("name", "单位生产总值能耗降低")], ["省下达"]),  # a 市's superior is the 省
])
def test_target_clause_states_the_data(i, stated, words):
    text, runs = _runs(target_runs, Target, TARGETS[i], ("targets", "indicators", i))
    assert _from_data(runs) == stated
    assert all(w in text for w in words), text
    assert ("增长" in text) == (i in (0, 1, 5))


def test_targets_paragraph_is_the_clauses_in_order_then_the_rider():
    d = _data()
    d["targets"]["indicators"] = TARGETS
    d["targets"]["rider"] = "在实际工作中争取更好结果"
    text = _text(d)
    clauses = [_runs(target_runs, Target, t, ("targets", "indicators", i))[0] for i, t in enumerate(TARGETS)]
    at = [text.index(c) for c in clauses + ["在实际工作中争取更好结果。"]]
    assert at == sorted(at)


@pytest.mark.parametrize(
    "level,region,expect,forbid",
    [
        ("市", "咸阳市", ["我代表市人民政府", "市政协委员", "全市上下", "咸阳市市长"], ["全区", "全县"]),
        ("区", "金台区", ["我代表区人民政府", "区政协委员", "全区上下", "金台区区长", "市委、市政府和区委"], ["全市上下", "全县"]),
        ("县", "庄浪县", ["我代表县人民政府", "县政协委员", "全县上下", "庄浪县县长"], ["全市上下", "全区"]),
        ("县级市", "高平市", ["我代表市人民政府", "全市上下", "高平市市长"], ["全区", "全县"]),
    ],
)
def test_level_words(level, region, expect, forbid):
    d = _data()
    d["meta"].update(level=level, region=region)
    d["closing"] = {"vision": "建设美好家园"}
    text = _text(d)
    for w in expect:
        assert w in text, w
    for w in forbid:
        assert w not in text, w


def test_plan_period_follows_year():
    d = _data()
    d["meta"]["year"] = 2025
    assert "今年是“十四五”规划收官之年。" in _text(d)
    d["meta"]["year"] = 2026
    assert "今年是“十五五”规划开局之年。" in _text(d)
    d["meta"]["year"] = 2027
    assert "今年是实现“十五五”规划目标任务的关键一年。" in _text(d)
    d["meta"]["year"] = 2023  # the plan's middle year
    assert "今年是“十四五”规划承上启下的关键之年。" in _text(d)
    d["meta"]["plan_period"] = "十六五"
    assert "“十六五”" in _text(d)


def test_numbered_style():
    text = _text(_data())
    assert "一、2023年工作回顾" in text and "二、2024年工作安排" in text
    assert "（一）强化创新驱动" in text and "三、加强政府自身建设" in text


def test_unnumbered_style_with_dash_review_markers():
    d = _data()
    d["structure"] = {"numbered": False, "review_marker": "——"}
    text = _text(d)
    assert "\n2023年工作回顾\n" in text and "\n2024年工作安排\n" in text
    assert "——综合施策稳增长，经济运行回升向好。" in text
    assert "一、强化创新驱动" in text


def test_targets_as_separate_part_and_self_building_before_closing():
    d = _data()
    d["structure"] = {"targets_part": "separate"}
    d["self_building"]["placement"] = "before_closing"
    doc = compose(Report.model_validate(d), bank=NO_BANK)
    assert [p.type for p in doc.parts] == ["opening", "review", "targets", "key_tasks", "self_building", "closing"]
    heads = [p.heading.text if p.heading else None for p in doc.parts]
    assert heads == [None, "一、2023年工作回顾", "二、2024年工作的总体要求和预期目标", "三、2024年重点工作", None, None]


def test_self_building_as_last_key_task_section():
    d = _data()
    d["self_building"]["placement"] = "key_task_section"
    doc = compose(Report.model_validate(d), bank=NO_BANK)
    assert "self_building" not in [p.type for p in doc.parts]
    kt = next(p for p in doc.parts if p.type == "key_tasks")
    assert kt.sections[-1].heading.text == "（二）加强政府自身建设"
    assert "重点抓好以下两个方面工作：" in render_text(doc)


def test_missing_data_becomes_placeholders_with_paths():
    d = _data()
    del d["targets"]["requirements"]
    d["review"]["sections"].append({"facts": []})
    d["review"]["headline"].append({"name": "一般公共预算收入", "growth": None})
    doc = compose(Report.model_validate(d), bank=NO_BANK)
    refs = {r.source.ref: r.text for r in doc.placeholders()}
    assert refs == {
        "review.headline[1].growth": "【待补充：一般公共预算收入的增速】",
        "review.sections[1].title": "【待补充：第二方面工作的标题】",
        "review.sections[1].facts": "【待补充：这方面的主要工作和成效】",
        "targets.requirements": "【待补充：总体要求】",
    }


def test_runs_know_their_data_path():
    doc = compose(Report.model_validate(_data()), bank=NO_BANK)
    by_text = {}
    for r in doc.runs():
        by_text.setdefault(r.text, r.source)
    assert by_text["2878"].kind == "data" and by_text["2878"].ref == "review.headline[0].value"
    assert by_text["7.2"].ref == "review.sections[0].facts[0].growth"
    assert by_text["市人民政府"].kind == "derived"




def test_user_template_overrides_one_part(tmp_path):
    (tmp_path / "closing.j2").write_text(
        "{% part 'closing' %}{% para %}各位代表！让我们{{ r.closing.vision }}而努力奋斗！{% endpara %}{% endpart %}",
        encoding="utf-8",
    )
    text = _text(_data(), templates=tmp_path)
    assert text.rstrip().endswith("各位代表！让我们加快建设现代化“西部名市丝路名都”而努力奋斗！")
    assert "一、2023年工作回顾" in text  # other parts unchanged


@pytest.mark.parametrize(
    "body",
    [
        "{{ ''.__class__.__mro__ }}",
        "{{ r.__class__ }}",
        "{{ r.obj.__class__.__init__.__globals__ }}",
        "{{ cycler.__init__.__globals__.os }}",
    ],
)
def test_user_templates_are_sandboxed(tmp_path, body):
    (tmp_path / "closing.j2").write_text(
        "{% part 'closing' %}{% para %}" + body + "{% endpara %}{% endpart %}", encoding="utf-8"
    )
    with pytest.raises(DrafterError) as e:
        compose(Report.model_validate(_data()), templates=tmp_path)
    assert "closing.j2" in e.value.message


def test_undefined_names_are_errors(tmp_path):
    (tmp_path / "closing.j2").write_text(
        "{% part 'closing' %}{% para %}{{ r.closing.nothing }}{% endpara %}{% endpart %}", encoding="utf-8"
    )
    with pytest.raises(DrafterError):
        compose(Report.model_validate(_data()), templates=tmp_path)


def test_text_outside_a_paragraph_is_a_template_error(tmp_path):
    (tmp_path / "closing.j2").write_text("{% part 'closing' %}散落的文字{% endpart %}", encoding="utf-8")
    with pytest.raises(DrafterError) as e:
        compose(Report.model_validate(_data()), templates=tmp_path)
    assert "段落之外" in e.value.message and "closing.j2:1" in e.value.message


CHECKS = [
    {"name": "生产总值", "value": 6, "qualifier": "左右", "actual": 4.3},
    {"name": "一般公共预算收入", "value": 6.5, "qualifier": "左右", "actual": 19.9},
    {"name": "居民消费价格指数涨幅", "kind": "control", "value": 3, "actual": 0.2},
    {"name": "城乡居民人均可支配收入", "qualifier": "与经济增长同步", "actual": 7.6},
    {"name": "社会消费品零售总额", "value": 7},
]


@pytest.mark.parametrize("i,verdict", [(0, "未完成"), (1, "超额完成"), (2, "完成"), (3, "完成"), (4, None)])
def test_check_clause_states_actual_target_and_a_derived_verdict(i, verdict):
    _, runs = _runs(check_runs, TargetCheck, CHECKS[i], ("review", "checks", i), gdp_growth=4.3)
    derived = [r.text for r in runs if r.source.kind == "derived"]
    assert derived == ([verdict] if verdict else [])
    stated = dict(_from_data(runs))
    assert stated["name"] == CHECKS[i]["name"]
    assert ("actual" in stated) == ("actual" in CHECKS[i])
    holes = [r.source.ref for r in runs if r.source.kind == "placeholder"]
    assert holes == ([] if verdict else ["review.checks[4].actual"])  # no actual: a hole, no verdict


def test_last_years_targets_are_judged_in_the_review():
    d = _data()
    d["review"]["checks"] = CHECKS
    doc = compose(Report.model_validate(d), bank=NO_BANK)
    text = render_text(doc)
    # the headline states 生产总值 and carries its verdict; the check paragraph does not repeat it
    headline = next(p for p in _paragraphs(doc) if "2878亿元" in p)
    assert "未完成" in headline and text.count("4.3%") == 1
    verdicts = [(r.source.ref, r.text) for r in doc.runs() if r.source.kind == "derived" and r.source.ref.endswith("#verdict")]
    assert [v for _, v in verdicts] == ["未完成", "超额完成", "完成", "完成"]
    clauses = [_runs(check_runs, TargetCheck, c, ("review", "checks", i), gdp_growth=4.3)[0]
               for i, c in enumerate(CHECKS) if i]
    at = [text.index(c) for c in clauses]
    assert at == sorted(at)
    assert [r.source.ref for r in doc.placeholders() if "checks" in r.source.ref] == ["review.checks[4].actual"]


def _paragraphs(doc) -> list[str]:
    return [line for line in render_text(doc).splitlines() if line.strip()]
