"""政府自身建设 drafted from a figures-only list of short measures (issue 10), with the shipped
bank: the intro is a paragraph of its own, each item one paragraph under its lead, and no
suggested lead says again what its measure says. The items are those of two real 2025
reports (益阳, 湖州) that are not in the corpus, drafted on the 咸阳 twin."""

from __future__ import annotations

import copy
from functools import cache

import pytest

from drafter.api import load
from drafter.compose import compose
from drafter.phrases.suggest import restates
from drafter.model import Report
from drafter.phrases.bank import default_bank
from drafter.tree import plain
from tests.conftest import EXAMPLES

TWINS = ("xianyang_2024_figures.yaml", "gaoping_2024_figures.yaml", "jintai_2023_figures")
YIYANG = ["坚持党的全面领导", "加快建设法治政府", "持续改进工作作风", "坚决推进廉洁建设"]
HUZHOU = ["巩固深化主题教育成果", "健全干部担当作为激励机制", "坚持政府过紧日子", "加强重大行政决策管理",
          "持续精简文件、材料、报表"]
SEEDS = range(6)


@cache
def _example(name: str) -> dict:
    return load(EXAMPLES / name).model_dump(exclude_unset=True)


def _report(name: str, texts: list[str] | None = None, **self_building) -> Report:
    data = copy.deepcopy(_example(name))
    if texts is not None:
        data["self_building"]["items"] = [{"text": t} for t in texts]
    # the layout under test unless a test names another (the 咸阳 twin writes its own inline)
    data["self_building"].update({"layout": "paragraphs", **self_building})
    return Report.model_validate(data)


def _part(report: Report, seed: int = 0):
    doc = compose(report, seed=seed, bank=default_bank())
    return next(p for p in doc.parts if p.type == "self_building").paragraphs()


@pytest.mark.parametrize(("lead", "text"), [
    ("扎实推进法治政府建设", "加快建设法治政府"),  # 益阳, seed 0
    ("持续改进作风", "持续改进工作作风，坚决推进廉洁建设"),  # 益阳, seed 0
    ("深化法治政府建设", "创建全国法治政府建设示范市"),  # phrases/suggest._echoes's own case
    ("加强党的领导", "坚持党的全面领导"),
])
def test_a_lead_the_measure_says_again_restates_it(lead, text):
    assert restates(lead, text)


@pytest.mark.parametrize(("lead", "text"), [
    ("打造水平更高的法治政府", "创建全国法治政府建设示范市"),  # 高平's twin: says more than the measure
    ("担当作为抓落实", "健全干部担当作为激励机制"),
    ("旗帜鲜明讲政治", "坚决做到“两个维护”"),
])
def test_a_lead_saying_more_than_its_measure_does_not(lead, text):
    assert not restates(lead, text)


@pytest.mark.parametrize("texts", [YIYANG, HUZHOU], ids=["益阳", "湖州"])
def test_no_suggested_lead_restates_its_item(texts):
    """Was 「扎实推进法治政府建设。加快建设法治政府。」 and 「持续改进作风。持续改进工作作风，……」."""
    for seed in SEEDS:
        for p in _part(_report("xianyang_2024_figures.yaml", texts, placement="part"), seed)[1:]:
            lead = plain(p.lead).rstrip("。")
            if any(r.is_suggestion for r in p.lead):
                assert not restates(lead, plain(p.runs)), (seed, p.text)


@pytest.mark.parametrize("texts", [YIYANG, HUZHOU], ids=["益阳", "湖州"])
def test_paragraphs_layout_gives_the_intro_and_each_item_a_paragraph(texts):
    """Was the first item glued to the intro (「……担当精神。巩固深化主题教育成果。」) and the rest
    merged under one lead (「强化担当作为。健全干部担当作为激励机制，坚持政府过紧日子，……」)."""
    for seed in SEEDS:
        paras = _part(_report("xianyang_2024_figures.yaml", texts, placement="part"), seed)
        assert not any(r.source.kind == "data" for r in paras[0].runs), paras[0].text
        assert [plain(p.runs) for p in paras[1:]] == [t + "。" for t in texts]
        for p, i in zip(paras[1:], range(len(texts)), strict=True):
            # a lead of its own: the bank's, or the placeholder asking the office for one
            lead = p.lead[0].source
            assert lead.kind == "suggestion" or lead == lead.__class__("placeholder", f"self_building.items[{i}].lead")


@pytest.mark.parametrize("name", TWINS)
def test_the_twins_intro_is_a_whole_paragraph_under_every_seed(name):
    """The corpus intro says the situation (「越是任务繁重……担当精神。」, 「打铁必须自身硬。」) and
    then what the government will do; a sentence of the first kind alone gets the second."""
    for seed in SEEDS:
        intro = _part(_report(name), seed)[0].text
        assert intro.endswith("。") and any(w in intro for w in ("我们", "满意", "将")), (seed, intro)
        assert intro.count("我们将") <= 1 and intro.count("满意") <= 1, intro  # 「……实干型政府。我们将……人民满意的政府」 said it twice


@pytest.mark.parametrize("name", TWINS)
def test_the_twins_part_ends_with_what_the_data_gave(name):
    """The last paragraph is the last item, nothing of the bank after it (金台 ended
    「……担当精神。坚决做到“两个维护”。」 with the first item glued to the intro)."""
    report = _report(name)
    paras = _part(report)
    last = report.self_building.items[-1].text
    assert plain(paras[-1].runs) == last + "。"
    assert len(paras) == 1 + len(report.self_building.items)


def test_office_text_and_given_leads_are_kept():
    items = [{"lead": "旗帜鲜明讲政治", "text": "坚决做到“两个维护”。"}, {"lead": "", "text": "精文减会"}]
    paras = _part(_report("xianyang_2024_figures.yaml", None, items=items, intro="打铁必须自身硬。"))
    assert [p.text for p in paras] == ["打铁必须自身硬。", "旗帜鲜明讲政治。坚决做到“两个维护”。", "精文减会。"]
