"""An area heading speaks for more than half of the area's paragraphs (issue 10, whole reads of the
figures-only drafts: 「坚定不移推进农业农村现代化」 over 高平's farming, coal and services)."""

import pytest

from drafter.api import compose_report, load
from drafter.phrases.bank import Bank, Entry
from drafter.phrases.suggest import ITEM_BREAK, PARA_BREAK, Suggester
from drafter.phrases.topics import named_topics
from drafter.tree import Section, plain
from tests.conftest import EXAMPLES

FARMS = ITEM_BREAK.join(["推进饲料厂项目", "黄梨种植面积稳定在5万亩以上", "建设农业农村现代化示范区", "新建蔬菜园区"])
COAL = ITEM_BREAK.join(["推动煤业正式投产", "煤矿智能化建设", "加快煤化工技改升级", "不锈钢制品产业园建设"])
SERVICES = ITEM_BREAK.join(["发展服务业", "发展“夜经济”", "启动智慧物流港二期", "推进工业园区数字化"])


def _heading(text: str, n: int) -> Entry:
    return Entry(id=f"heading.{n}", kind="heading", part="key_tasks", text=text, count=3, topic="乡村",
                 slot="key_task_section")


def test_the_topics_a_heading_names():
    assert named_topics("坚定不移推进农业农村现代化") == {"乡村"}  # 农业 is a seed of two topics
    assert {"改革", "开放"} <= named_topics("全面深化改革开放")
    assert {"民生", "安全"} <= named_topics("着力保障和改善民生")  # 平安 within a livelihood area


def test_over_lists_a_heading_of_one_paragraph_in_three_is_not_offered():
    bank = Bank([_heading("坚定不移推进农业农村现代化", 1)])
    area = PARA_BREAK.join([FARMS, COAL, SERVICES])
    assert Suggester(bank, 0).text("heading", "key_task_section", area, "k") == ""
    # the same heading over an area whose paragraphs are all rural
    rural = PARA_BREAK.join([FARMS, "建设和美乡村" + ITEM_BREAK + "推进农村人居环境整治", "巩固拓展脱贫攻坚成果" + ITEM_BREAK + "守住不发生规模性返贫底线"])
    assert Suggester(bank, 0).text("heading", "key_task_section", rural, "k") == "坚定不移推进农业农村现代化"


def test_over_lists_a_heading_that_covers_the_area_is_offered():
    bank = Bank([_heading("坚定不移推进农业农村现代化", 1), _heading("做强工业园区，发展服务业", 2)])
    area = PARA_BREAK.join([FARMS, COAL, SERVICES])
    assert Suggester(bank, 0).text("heading", "key_task_section", area, "k") == "做强工业园区，发展服务业"


def test_over_prose_a_narrow_heading_stays_when_nothing_covers_more():
    bank = Bank([_heading("坚定不移推进农业农村现代化", 1)])
    prose = PARA_BREAK.join([
        "推进饲料厂项目建设，黄梨种植面积稳定在5万亩以上。建设农业农村现代化示范区，新建蔬菜园区。",
        "推动煤业正式投产，完成煤矿智能化建设。加快煤化工技改升级，建设不锈钢制品产业园。",
        "发展服务业和“夜经济”，启动智慧物流港二期。推进工业园区数字化，培育新业态。",
    ])
    assert Suggester(bank, 0).text("heading", "key_task_section", prose, "k") == "坚定不移推进农业农村现代化"


@pytest.mark.parametrize("name, area", [("gaoping_2024_figures.yaml", 0), ("xianyang_2024_figures.yaml", 5),
                                        ("jintai_2023_figures", 6)])
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_the_twins_mixed_areas_get_no_rural_heading(name, area, seed):
    report = load(EXAMPLES / name)
    assert report.key_tasks.areas[area].title is None and len(report.key_tasks.areas[area].items) >= 3
    doc = compose_report(report, seed=seed)
    part = next(p for p in doc.parts if p.type == "key_tasks")
    areas = [b for b in part.blocks if isinstance(b, Section)]
    heading = plain(areas[area].heading.runs)
    assert not any(w in heading for w in ("农业农村", "乡村振兴")), heading


def test_a_review_sections_subtopic_statements_start_its_paragraphs():
    from drafter.compose import _facts_text

    facts = ["工业经济稳中有进", "金丰泰等20个项目建成投产", "现代农业提质增效", "新建高标准农田", "第三产业繁荣发展", "商圈开业"]
    assert _facts_text(facts).count(PARA_BREAK) == 2
    assert PARA_BREAK not in _facts_text(facts[:4])  # two sub-topics: one list, as before


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_jintais_economy_section_is_not_headed_by_its_projects(seed):
    doc = compose_report(load(EXAMPLES / "jintai_2023_figures"), seed=seed)
    part = next(p for p in doc.parts if p.type == "review")
    sections = [b for b in part.blocks if isinstance(b, Section)]
    first = plain(sections[0].heading.runs) if sections[0].heading else plain(sections[0].blocks[0].lead)
    assert "项目" not in first, first
