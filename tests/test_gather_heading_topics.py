"""The office's section titles steer gathered facts (issue 11 'topics right'). materials.
office_outline reads the titles beside the topics: a topic the office gives no section of its
own but a title names (topics.heading_topics) pays COVERED_SHARE of the outside margin and goes
to that section; and a title's bigrams, weighed by their idf over the office's titles, add
TITLE_WEIGHT × that to its topic (topic_table.sequence). bench/gather_simulation.py --loo
--outline 74.8 → 77.3 → 79.0 % (headings layout 76.8 → 80.3 → 81.7 %), --outline-prev
75.9 → 75.9 → 77.2 %, no outline 67.9 % throughout.
Real text: tests/fixtures/gather_heading_topics (SOURCES.tsv), with a table built without the
report it comes from, as for a place the corpus does not hold."""

from __future__ import annotations

from pathlib import Path

import pytest

from drafter.gather import topic_table
from drafter.gather.materials import office_outline, read_material
from drafter.gather.topic_table import BigramTable, corpus_counts
from drafter.phrases.topics import heading_topics
from tests.conftest import load_bench

FIXTURES = Path(__file__).parent / "fixtures" / "gather_heading_topics"

# 2022_长沙市望城区.txt: its review sections, topic by_seeds(title) as --outline gives them
WANGCHENG = [
    ("经济", "一年来，我们坚持攻坚克难，稳经济、抓项目、兴产业，发展态势稳中向好。"),
    ("城乡", "一年来，我们坚持内外兼修，筑精品、优功能、重管理，城市品质提档升级。"),
    ("乡村", "一年来，我们坚持城乡统筹，强农业、靓农村、富农民，乡村振兴扎实有力。"),
    ("改革", "一年来，我们坚持锐意进取，推改革、促开放、增活力，发展动能有效激发。"),
    ("安全", "一年来，我们坚持人民至上，惠民生、防风险、保稳定，群众福祉持续增进。"),
    ("政府", "一年来，我们坚持政治引领，转作风、提效能、勇担当，自身建设全面加强。"),
]
# 2024_安康市.txt: its key-task areas
ANKANG = [
    ("经济", "（一）抓项目、扩投资、促消费，加快推动经济增长。"),
    ("产业", "（二）抓支撑、延链条、促融合，构建绿色产业体系。"),
    ("创新", "（三）抓创新、优服务、促开放，内外并举蓄势积能。"),
    ("城乡", "（四）抓统筹、提品质、促协调，加速城乡融合发展。"),
    ("乡村", "（五）抓巩固、循规律、促衔接，推进乡村全面振兴。"),
    ("其他", "（六）抓保护、固本底、促升级，描绘美丽安康画卷。"),
    ("民生", "（七）抓就业、强保障、促共富，改善人民生活品质。"),
    ("安全", "（八）抓前端、防风险、促稳定，实现更高水平安全。"),
]


# 2024_咸阳市.txt: its key-task areas (its 文旅 area among them)
XIANYANG = [
    ("创新", "（一）强化创新驱动，加快建设秦创原科技成果转化先行区"),
    ("产业", "（二）突出新型工业化，加快构建现代化产业体系"),
    ("经济", "（三）着力扩大内需，加快厚积经济增长新动能"),
    ("改革", "（四）深化改革开放，加快激发高质量发展内在活力"),
    ("文旅", "（五）促进资源转化，加快培育壮大文化旅游产业"),
    ("城乡", "（六）推进城乡融合，加快新型城镇化和乡村全面振兴"),
    ("城乡", "（七）增进民生福祉，加快提高城乡群众生活品质"),
    ("生态", "（八）坚持绿色发展，加快改善生态环境质量"),
    ("安全", "（九）防范化解风险，加快夯实高水平安全基础"),
]


def _outline(review=(), key_tasks=(), titled=True):
    titles = {"review": [h for _, h in review], "key_tasks": [h for _, h in key_tasks]} if titled else None
    return office_outline([t for t, _ in review], [t for t, _ in key_tasks], titles)


def _topics(name: str, outline, report: str) -> set:
    table = BigramTable.build(corpus_counts(), exclude=report)
    return {f.topic for f in read_material(FIXTURES / name, outline=outline, table=table).facts}


def test_a_heading_names_the_topics_its_seed_words_give_half_as_much():
    assert heading_topics(WANGCHENG[4][1]) == {"安全", "民生"}  # by_seeds keeps only 安全
    assert heading_topics(ANKANG[2][1]) == {"创新", "开放"}
    assert heading_topics("（四）主动融入“一核三带”，优化区域发展格局。") == frozenset()


def test_the_covers_are_the_topics_without_a_section_of_their_own():
    outline = _outline(WANGCHENG, ANKANG)
    assert outline["review"].covers == {"民生": "安全", "项目": "经济", "产业": "经济", "开放": "改革"}
    assert outline["key_tasks"].covers["开放"] == "创新"
    assert "民生" not in outline["key_tasks"].covers  # it has its own area
    assert _outline(WANGCHENG, ANKANG, titled=False)["review"].covers == {}


def test_jobs_and_pensions_go_to_the_section_whose_heading_names_livelihood():
    """望城's review has no 民生 section: its jobs and pensions paragraph stands under
    「惠民生、防风险、保稳定」 (topic 安全). Without the titles it made a new 民生 section."""
    report = "2022_长沙市望城区.txt"
    assert _topics("望城_民生.txt", _outline(WANGCHENG, titled=False), report) == {"民生"}
    assert _topics("望城_民生.txt", _outline(WANGCHENG), report) == {"安全"}


def test_a_named_topic_pays_half_the_margin(monkeypatch):
    """安康's 开放 plans (logistics hubs, 一带一路, foreign trade) stand under 「抓创新、优服务、
    促开放」. With no outline they are 开放; with the office's topics alone the margin squeezed
    them into 经济, and so it still does at the full margin; at half they reach 创新, the section that names them."""
    report = "2024_安康市.txt"
    assert _topics("安康_开放.txt", None, report) == {"开放"}
    assert _topics("安康_开放.txt", _outline(WANGCHENG, ANKANG, titled=False), report) == {"经济"}
    monkeypatch.setattr(topic_table, "COVERED_SHARE", 1.0)
    assert _topics("安康_开放.txt", _outline(WANGCHENG, ANKANG), report) == {"经济"}
    monkeypatch.undo()
    assert _topics("安康_开放.txt", _outline(WANGCHENG, ANKANG), report) == {"创新"}


def test_the_reports_own_titled_outline_places_more_facts_right(tmp_path):
    """bench --loo --outline on 望城 (200 → 225 of 243 facts in the headings layout)."""
    bench = load_bench("gather_simulation")
    name = "2022_长沙市望城区.txt"
    table = BigramTable.build(corpus_counts(), exclude=name)
    report = bench.CORPUS / name
    titled = bench.own_outline(report)
    untitled = {part: frozenset(topics) for part, topics in titled.items()}
    before = bench.simulate(report, "headings", tmp_path, table=table, outline=untitled).shares()["topic"]
    after = bench.simulate(report, "headings", tmp_path, table=table, outline=titled).shares()["topic"]
    assert after > before + 0.08


def test_a_titles_own_words_draw_its_facts():
    """咸阳's plans for 旅游+, 民宿, 非遗 and 北山旅游专用公路: its outline has a 文旅 area
    「…培育壮大文化旅游产业」, yet the bigram table alone put the first paragraph in 城乡 (城市游,
    县域公共设施). The title's 旅游 and 文化, held by no other of its 9 titles, draw it to 文旅."""
    report, outline = "2024_咸阳市.txt", _outline((), XIANYANG)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(topic_table, "TITLE_WEIGHT", 0.0)
        assert _topics("咸阳_文旅.txt", outline, report) == {"城乡", "文旅"}
    assert _topics("咸阳_文旅.txt", outline, report) == {"文旅"}


def test_a_word_in_every_title_weighs_nothing():
    weights = dict(_outline(WANGCHENG)["review"].titles)  # each title opens 一年来，我们坚持
    assert not {"一年", "我们", "坚持"} & set(weights["安全"])
    assert weights["安全"]["民生"] == weights["安全"]["风险"] > 0
