"""Two choices of the suggestion step found by a new user's trial and a whole read (issue 10):
leads of the government's own work stay there, and over an area of measures a heading of the
list's own topic is offered at OWN_MIN + TOPIC_BONUS."""

import pytest

from drafter.api import compose_report, load
from drafter.phrases.bank import Bank, Entry, default_bank
from drafter.phrases.suggest import ITEM_BREAK, PARA_BREAK, Suggester
from drafter.tree import Section, plain
from tests.conftest import EXAMPLES

# 益阳's livelihood measures as the chooser reads them, with their department (市民政局: 民政 is a
# pair of 人民政府为人民)
CANTEENS = ITEM_BREAK.join(["“益老食堂”建成30个市民政局", "困难家庭适老化改造完成3000户市民政局"])


def _lead(text: str, slot: str, topic: str, n: int) -> Entry:
    return Entry(id=f"lead.{n}", kind="lead", part="key_tasks", text=text, slot=slot, topic=topic, count=3)


def test_a_self_building_lead_is_not_offered_over_livelihood_measures():
    jobs = ITEM_BREAK.join(["城镇新增就业3.4万人市人社局", "新增省级充分就业社区（村）80个市人社局"])
    schools = ITEM_BREAK.join(["确保5所县域高中项目建成", "纵深推进健康益阳专项行动"])
    area = PARA_BREAK.join([jobs, CANTEENS, schools])
    s = Suggester(default_bank(), 0, province="湖南", level="市")
    assert s.text("lead", None, CANTEENS, "key_tasks.lead.7.2", area) != "人民政府为人民"


def test_a_self_building_lead_is_offered_over_the_governments_own_work():
    bank = Bank([_lead("建设清廉政府", "self_building_lead", "政府", 1)])
    work = ITEM_BREAK.join(["严格落实中央八项规定精神", "深化政府系统廉政建设", "建设清廉政府机关"])
    assert Suggester(bank, 0).text("lead", None, work, "k") == "建设清廉政府"


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_jintais_industry_area_gets_a_heading_of_its_industries(seed):
    report = load(EXAMPLES / "jintai_2023_figures")
    assert report.key_tasks.areas[2].title is None
    doc = compose_report(report, seed=seed)
    part = next(p for p in doc.parts if p.type == "key_tasks")
    areas = [b for b in part.blocks if isinstance(b, Section)]
    heading = plain(areas[2].heading.runs)
    assert "待补充" not in heading and "工业" in heading, heading


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_xianyangs_livelihood_review_is_not_headed_by_its_jobs(seed):
    """A review section's facts are one list: no breadth rule judges a heading there, so the list
    floor does not apply (「就业形势稳定向好」 over jobs, schools, hospitals and buses)."""
    doc = compose_report(load(EXAMPLES / "xianyang_2024_figures.yaml"), seed=seed)
    part = next(p for p in doc.parts if p.type == "review")
    sections = [b for b in part.blocks if isinstance(b, Section)]
    texts = [plain(s.heading.runs) if s.heading else plain(s.blocks[0].lead) for s in sections]
    assert not any("就业" in t for t in texts), texts
