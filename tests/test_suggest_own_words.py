"""Over a list of short measures a suggestion must earn its place by the words it shares with
them, not by the topic bonuses alone (issue 10, whole read of the figures-only drafts:
「办好人民满意的教育。人民医院扩建完成……」, 「打造文化文明品牌。用好“零工市场”……劳务品牌」)."""

import pytest

from drafter.api import compose_report, load
from drafter.phrases.bank import Bank, Entry
from drafter.phrases.suggest import ITEM_BREAK, OWN_MIN, Suggester
from drafter.tree import plain
from tests.conftest import EXAMPLES

HOSPITAL = ["人民医院扩建完成", "运行好“行走的医院”项目", "争创国家中医药工作先进县"]
LIVELIHOOD = "九中和南湖幼儿园建成，支持高平中专办好煤炭专业。人民医院扩建完成。推进社会保险精准扩面。"


def _lead(text: str, n: int) -> Entry:
    return Entry(id=f"lead.{n}", kind="lead", part="key_tasks", text=text, count=3, topic="民生")


def test_one_shared_pair_and_the_bonuses_do_not_make_a_lead():
    bank = Bank([_lead("办好人民满意的教育", 1)])
    s = Suggester(bank, 0)
    assert s.text("lead", None, ITEM_BREAK.join(HOSPITAL), "k", LIVELIHOOD) == ""


def test_a_lead_that_shares_the_lists_words_is_still_offered():
    bank = Bank([_lead("办好人民满意的教育", 1), _lead("提升医疗服务水平", 2), _lead("加快医院扩建工程", 3)])
    s = Suggester(bank, 0)
    assert s.text("lead", None, ITEM_BREAK.join(HOSPITAL), "k", LIVELIHOOD) == "加快医院扩建工程"


def test_prose_is_judged_by_the_reach_not_this_floor():
    # two sentences of prose: the floor does not apply, the phrase is offered as before
    bank = Bank([_lead("办好人民满意的教育", 1)])
    prose = "扩建人民医院，提升县域医疗服务能力。办好人民满意的各项民生事业，促进教育医疗均衡发展。"
    assert OWN_MIN > 0 and Suggester(bank, 0).text("lead", None, prose, "k", LIVELIHOOD) == "办好人民满意的教育"


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_the_gaoping_twin_puts_no_education_or_culture_lead_over_hospitals_or_jobs(seed):
    doc = compose_report(load(EXAMPLES / "gaoping_2024_figures.yaml"), seed=seed)
    seen = 0
    for ln in doc.lines():
        p = ln.paragraph
        if p is None:
            continue
        body, lead = plain(p.runs), "".join(r.text for r in p.lead if r.is_suggestion)
        if body.startswith("人民医院扩建完成"):
            seen += 1
            assert "教育" not in lead, (lead, body[:30])
        if body.startswith("用好“零工市场”"):
            seen += 1
            assert "文化" not in lead, (lead, body[:30])
    assert seen == 2
