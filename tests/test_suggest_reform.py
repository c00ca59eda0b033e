"""A reform phrase only over a text about reform, and a particular reform only where the text does
not list several (issue 10: 「深化农业农村改革」 over seeds and fields in all three twins; blind
readers: 「持续深化国资国企改革」 over 放管服, 国企 and 预算 reforms is a part for the whole)."""

import pytest

from drafter.api import compose_report, load
from drafter.phrases.bank import Bank, Entry
from drafter.phrases.suggest import ITEM_BREAK, Suggester
from drafter.tree import plain
from tests.conftest import EXAMPLES

# three kinds of reform in one paragraph (after 咸阳 2024 「推进重点领域改革」 and 庆阳 2022 「深化重点改革」)
REFORMS = ("深化拓展营商环境突破年活动，新增一批“一件事一次办”事项。实施国资国企改革深化提升行动，"
           "加快国有资本投资公司专业化整合。积极推进财税体制改革，合理划分市以下财政事权和支出责任。"
           "深化农村集体产权制度改革，发展壮大村级集体经济。")


def _lead(text: str, n: int, topic: str = "改革") -> Entry:
    return Entry(id=f"lead.{n}", kind="lead", part="key_tasks", text=text, count=3, topic=topic)


def test_one_reform_of_several_is_not_the_lead():
    assert Suggester(Bank([_lead("持续深化国资国企改革", 1)]), 0).text("lead", None, REFORMS, "k") == ""
    assert Suggester(Bank([_lead("深化重点领域改革", 2)]), 0).text("lead", None, REFORMS, "k") == "深化重点领域改革"


def test_a_particular_reform_over_a_paragraph_about_it():
    text = ("完善国有企业法人治理结构，推进国资国企改革走深走实。推进国有企业混合所有制改革，"
            "提高国有资本经营收益。建成国资国企在线监管平台。")
    bank = Bank([_lead("持续深化国资国企改革", 1)])
    assert Suggester(bank, 0).text("lead", None, text, "k") == "持续深化国资国企改革"


def test_no_reform_phrase_over_a_list_that_is_not_about_reform():
    farming = ITEM_BREAK.join(["推进饲料厂项目", "黄梨种植面积稳定在5万亩以上", "新建农业农村示范园区", "深化农业产业化"])
    bank = Bank([_lead("深化农业农村改革", 1, "乡村")])
    assert Suggester(bank, 0).text("lead", None, farming, "k") == ""
    reform = ITEM_BREAK.join(["深化农村集体产权制度改革", "推进农村宅基地制度改革试点", "发展壮大农村集体经济"])
    assert Suggester(bank, 0).text("lead", None, reform, "k") == "深化农业农村改革"


@pytest.mark.parametrize("name", ["xianyang_2024_figures.yaml", "gaoping_2024_figures.yaml", "jintai_2023_figures"])
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_the_twins_offer_no_reform_lead_over_a_paragraph_without_reform(name, seed):
    doc = compose_report(load(EXAMPLES / name), seed=seed)
    pairs = [(plain([r for r in ln.paragraph.lead if r.is_suggestion]), plain(ln.paragraph.runs))
             for ln in doc.lines() if ln.paragraph is not None]
    leads = [(lead, body) for lead, body in pairs if lead.rstrip("。").endswith("改革")]
    assert all(body.count("改革") >= 2 for _, body in leads), leads
