"""Suggestions a new user's figures-only drafts showed wrong (audits H120, H121; fixed in H127):
a lead whose subject the item meets by one word only, and a self-building lead its one measure says
again with another verb."""

from pathlib import Path

import pytest

from drafter.api import compose_report, load
from drafter.phrases.suggest import _core, _subject_said, bigrams
from drafter.phrases.text_rules import inside_figure_name, thinly_met
from drafter.writers.text import render_text

AUDIT = Path(__file__).parent / "fixtures" / "audit_h127"  # SOURCES.tsv there


@pytest.fixture(scope="module")
def drafts():
    return {name: compose_report(load(AUDIT / name), seed=0) for name in
            ("huanggang_2024_figures.yaml", "xuzhou_2024_figures.yaml", "urumqi_2024.yaml", "zhongshan_2024.yaml")}


def _suggested(doc) -> list[str]:
    return [r.text for r in doc.suggestions()]


@pytest.mark.parametrize("name, lead", [
    ("huanggang_2024_figures.yaml", "积极稳妥推进“双碳”工作"),  # over 稳妥推进市县机构改革 (稳妥)
    ("huanggang_2024_figures.yaml", "打造高颜值农村"),  # over grain, fields and land transfer
    ("huanggang_2024_figures.yaml", "做强主城区"),  # over 麻城和武穴城区 (城区)
    ("huanggang_2024_figures.yaml", "发力核心产业"),  # from the name 数字经济核心产业 alone
    ("xuzhou_2024_figures.yaml", "发力核心产业"),
    ("xuzhou_2024_figures.yaml", "持续提升农村人居环境"),  # over 农村居民收入 and 高素质农民 (农村)
    ("urumqi_2024.yaml", "强化教育支撑"),  # over insurance and 生育支持 (育支)
    ("urumqi_2024.yaml", "坚持依法行政"),  # over 反恐维稳 and 依法严打 (依法)
])
def test_a_lead_met_by_one_word_of_its_item_is_not_offered(drafts, name, lead):
    assert lead not in _suggested(drafts[name])


def test_the_leads_the_audits_kept_stay(drafts):
    kept = {"huanggang_2024_figures.yaml": ["增强经营主体信心", "全力扩大产业投资", "全面促进消费", "加强生态环境治理",
                                            "大力发展教育", "打造水平更高的法治政府"],
            "xuzhou_2024_figures.yaml": ["攻坚重大产业项目招引", "建设宜居和美乡村", "大力促进就业创业", "提升优质教育供给",
                                         "全面加强安全生产", "打造水平更高的法治政府"],
            "zhongshan_2024.yaml": ["加快推进农业农村现代化", "建设高质量教育体系", "大力推进科技创新", "加强生态环境治理"],
            "urumqi_2024.yaml": ["全力抓好安全生产", "促进民族团结和谐", "坚持工业强市不动摇", "创优营商环境"]}
    for name, leads in kept.items():
        assert set(leads) <= set(_suggested(drafts[name])), name


@pytest.mark.parametrize("lead, measures, depts, thin", [
    ("持续提升农村人居环境", ["农村居民人均可支配收入", "培育高素质农民"], "市农业农村局", True),
    ("强化教育支撑", ["基本养老医疗保险参保率稳定在", "健全生育支持政策体系"], "市医疗保障局", True),
    ("做强主城区", ["麻城和武穴城区污水集中处理率达到", "“三无”小区物业全覆盖", "县级物流园全部运营"], "市住建局", True),
    ("积极稳妥推进“双碳”工作", ["稳妥推进市县机构改革", "民间投资达到"], "市发改委", True),
    # one pair in the measures, another in the department's name: the item's subject (益阳, 凉山)
    ("提升环境质量", ["中心城区空气质量优良率达到", "国控省控断面水质优良率达到"], "市生态环境局", False),
    ("加快推进农业农村现代化", ["建设高标准农田", "打造十大农业产业发展平台"], "市农业农村局", False),
    # said twice in its one measure, the subject is the measure's (金台)
    ("坚定不移抓招商", ["积极开展以商招商、节会招商，全年引进亿元以上项目28个"], "", False),
    # a subject of one word met is met
    ("大力发展教育", ["新增公办学前教育学位", "新建中小学"], "", False),
])
def test_thinly_met(lead, measures, depts, thin):
    assert thinly_met(bigrams(_core(lead)), measures, [bigrams(m) for m in measures], bigrams(depts)) is thin


def test_a_subject_only_inside_a_figures_name_is_not_the_items():
    assert inside_figure_name("核心产业", ["数字经济核心产业营业收入突破", "新增星级上云企业", "新建5G基站"])
    assert inside_figure_name("核心产业", ["实施工业技改项目", "数字经济核心产业增加值"])
    # said where the figure's name begins, it is the item's subject
    assert not inside_figure_name("数字经济", ["数字经济增加值增长", "新建5G基站"])
    assert not inside_figure_name("核心产业", ["壮大核心产业集群"])


@pytest.mark.parametrize("lead, measure, said", [
    ("讲政治、铸忠诚", "坚持旗帜鲜明讲政治", True),
    ("打造水平更高的法治政府", "持续推进法治政府建设", True),
    ("全力打造廉洁政府", "扎实推进廉洁政府建设", True),
    ("持续深化法治政府建设成果", "加快建设法治政府", True),
    # the measure names the subject on the way to its own (示范市): a reader of 徐州 and 黄冈 kept it
    ("打造水平更高的法治政府", "争创省法治政府建设示范市", False),
    ("全力打造廉洁政府", "严格落实中央八项规定精神", False),
])
def test_a_self_building_lead_naming_its_measures_subject(lead, measure, said):
    assert _subject_said(lead, measure) is said


def test_no_self_building_lead_says_its_measure_again(drafts):
    echoes = {"zhongshan_2024.yaml": ["讲政治、铸忠诚。坚持旗帜鲜明讲政治", "打造水平更高的法治政府。持续推进法治政府建设",
                                      "全力打造廉洁政府。持续推进廉洁政府建设"],
              "urumqi_2024.yaml": ["打造水平更高的法治政府。扎实推进法治政府建设", "全力打造廉洁政府。扎实推进廉洁政府建设"]}
    for name, said in echoes.items():
        text = render_text(drafts[name])
        for echo in said:
            assert echo.split("。")[1] in text  # the measure is there
            assert echo not in text, (name, echo)
    # where the measure has a subject of its own, the lead stays (徐州: 争创省法治政府建设示范市)
    assert "打造水平更高的法治政府。争创省法治政府建设示范市" in render_text(drafts["xuzhou_2024_figures.yaml"])
