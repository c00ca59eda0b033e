"""Suggestions that would be wrong for the place: what only this report itself said (a demo
drafting a published report again) and words true of some places only (首都, 长三角 …)."""

from __future__ import annotations

from drafter.phrases.bank import Bank, Entry, default_bank
from drafter.phrases.suggest import Suggester

DEMAND = "综合施策稳增长，出台促进工业投资、支持民营经济发展等4方面政策措施，经济运行回升向好。"


def test_the_bank_knows_which_corpus_report_a_draft_is():
    bank = default_bank()
    assert bank.reports_of("咸阳市", 2024) == {"2024_咸阳市.txt"}
    assert bank.reports_of("金台区", 2023) == {"2023_金台区.txt"}
    assert bank.reports_of("咸阳市", 2025) == frozenset()  # next year's draft: nothing to hide


def test_a_draft_never_offers_what_only_its_own_published_report_said():
    """金台 2023's own lead 「深化全域旅游」 headed this very paragraph; the figures-only twin
    drafting 金台 2023 again must not get it back, while a draft of another place may."""
    bank = default_bank()
    own = bank.reports_of("金台区", 2023)
    only = bank.ids_only_from(own)
    assert len(only) > 20
    assert {e.text for e in bank.of("lead") if e.id in only} >= {"深化全域旅游"}
    paragraph = "创建国家全域旅游示范区，西府老街创建国家4A级景区，六川河生态风景区创建国家3A级景区。"
    other = Suggester(bank, 0, province="陕西", level="区").text("lead", None, paragraph, "k")
    itself = Suggester(bank, 0, province="陕西", level="区", own_reports=own).text("lead", None, paragraph, "k")
    assert other == "深化全域旅游"
    # nothing else fits: the next lead was 「创建国家区域科技创新中心」 (创建国家 only), refused since H127
    assert itself != "深化全域旅游"
    s = Suggester(bank, 0, province="陕西", level="市", own_reports=bank.reports_of("咸阳市", 2024))
    咸阳_only = bank.ids_only_from(bank.reports_of("咸阳市", 2024))
    for kind, slot in (("heading", "review_section"), ("heading", "key_task_section"), ("lead", None)):
        e = s.choose(kind, slot, DEMAND, kind)
        assert e is None or e.id not in 咸阳_only


def test_place_class_words_only_where_the_province_used_them():
    """「繁荣兴盛首都文化」 is Beijing's; a city of 江西 must not get it."""
    entry = Entry(id="heading.x", kind="heading", part="key_tasks", slot="key_task_section", topic="文化",
                  text="繁荣兴盛首都文化", provinces={"北京": 1}, levels={"市": 1}, reports=1, count=1)
    bank = Bank([entry])
    text = "繁荣兴盛文化事业，加强文化遗产保护，文化强市建设取得新进展，文化软实力不断提升。"
    assert Suggester(bank, 0, province="江西").text("heading", "key_task_section", text, "k") == ""
    assert Suggester(bank, 0).text("heading", "key_task_section", text, "k") == ""
    assert Suggester(bank, 0, province="北京").text("heading", "key_task_section", text, "k") == "繁荣兴盛首都文化"


def test_a_quoted_campaign_or_a_world_designation_only_where_its_province_used_it():
    def lead(text: str, provinces: dict) -> Entry:
        return Entry(id="lead.1", kind="lead", part="key_tasks", text=text, count=1, topic="产业",
                     provinces=provinces)

    # the campaign named twice, as a lead that names one needs (suggest._OBJECT_TAILS)
    paragraph = "新增规上工业企业，开展“工业倍增”行动。“工业倍增”行动企业产值增长，实施工业技改项目。"
    campaign = lead("持续推进“工业倍增”行动", {"宁夏": 1})
    assert Suggester(Bank([campaign]), 0, province="陕西").text("lead", None, paragraph, "k") == ""
    assert Suggester(Bank([campaign]), 0, province="宁夏").text("lead", None, paragraph, "k") == "持续推进“工业倍增”行动"
    spread = lead("持续推进“工业倍增”行动", {"宁夏": 1, "甘肃": 1})
    assert Suggester(Bank([spread]), 0, province="陕西").text("lead", None, paragraph, "k") == "持续推进“工业倍增”行动"
    tourism = "景区提质升级，建设旅游目的地，旅游接待人次增长，文化旅游融合发展。"
    world = lead("打造世界文化旅游目的地", {"湖北": 1})
    assert Suggester(Bank([world]), 0, province="陕西").text("lead", None, tourism, "k") == ""
    assert Suggester(Bank([world]), 0, province="湖北").text("lead", None, tourism, "k") == "打造世界文化旅游目的地"
