"""A suggested heading or lead does not say again what the text right after it says (issue 10,
whole read of the figures-only drafts): 「深入践行正确政绩观。树立和践行正确政绩观」,
「——经济发展稳中有进。工业经济稳中有进」."""

import re

import pytest

from drafter.api import compose_report, load
from drafter.phrases.bank import Bank, Entry
from drafter.phrases.suggest import ITEM_BREAK, Suggester, _echoes, _FRAME_PAIRS, bigrams
from drafter.tree import plain
from tests.conftest import EXAMPLES

CLAUSE = re.compile(r"[，。；：！？]")


def _entry(kind: str, text: str, n: int, topic: str) -> Entry:
    return Entry(id=f"{kind}.{n}", kind=kind, part="key_tasks", text=text, count=2, topic=topic,
                 slot="key_task_section" if kind == "heading" else None)


def test_a_lead_that_repeats_the_first_measure_is_not_offered():
    bank = Bank([_entry("lead", "深入践行正确政绩观", 1, "政府"), _entry("lead", "持续改进工作作风", 2, "政府")])
    text = ITEM_BREAK.join(["树立和践行正确政绩观", "严格落实中央八项规定精神", "改进作风建设，力戒形式主义"])
    assert Suggester(bank, 0).text("lead", None, text, "k") == "持续改进工作作风"
    # nor one a later measure says (H104): 「持续改进工作作风。……持续改进作风。」
    said_later = ITEM_BREAK.join(["树立和践行正确政绩观", "严格落实中央八项规定精神", "持续改进作风"])
    assert Suggester(bank, 0).text("lead", None, said_later, "k") == ""


@pytest.mark.parametrize("lead, first", [
    ("深化法治政府建设", "创建全国法治政府建设示范市"),  # a verb of its own, not a frame word
    ("统筹抓好重点群体就业", "促进重点群体稳定就业"),  # two frame words before what it is about
])
def test_a_lead_whose_object_repeats_the_first_measure_is_not_offered(lead, first):
    bank = Bank([_entry("lead", lead, 1, "政府")])
    text = ITEM_BREAK.join([first, "及时回应群众关切", lead[2:]])
    assert Suggester(bank, 0).text("lead", None, text, "k") == ""


def test_a_lead_naming_its_subject_in_a_term_is_no_echo():
    # 「全力抓好安全生产。强化煤矿安全生产监管……」 is how reports open a safety paragraph
    bank = Bank([_entry("lead", "全力抓好安全生产", 1, "安全")])
    text = ITEM_BREAK.join(["强化煤矿安全生产监管", "开展安全生产治本攻坚行动"])
    assert Suggester(bank, 0).text("lead", None, text, "k") == "全力抓好安全生产"


def test_a_heading_that_ends_as_the_first_clause_ends_is_not_offered():
    bank = Bank([_entry("heading", "经济发展稳中有进", 1, "经济"), _entry("heading", "工业经济提质增效", 2, "产业")])
    text = "工业经济稳中有进，福临堡工业园综合管廊快速推进，工业总产值增长，规上工业企业提质增效。"
    assert Suggester(bank, 0).text("heading", "key_task_section", text, "k") == "工业经济提质增效"


def test_the_item_break_marks_the_first_measure_and_weighs_nothing():
    bank = Bank([_entry("lead", "加快发展现代服务业", 1, "产业")])
    items = ["荟萃广场开业运营", "现代服务业项目加快建设，现代服务业增加值增长"]
    assert Suggester(bank, 0).text("lead", None, ITEM_BREAK.join(items), "k") == "加快发展现代服务业"
    # run together, the first measure would swallow the second's 现代服务业 and read as an echo
    assert Suggester(bank, 0).text("lead", None, "".join(items), "k") == ""
    items = ["荟萃广场开业运营，唐潮文化城开业", "现代服务业项目加快建设"]
    with_break, without = (Suggester(bank, 0).choose("lead", None, t, "k") for t in (ITEM_BREAK.join(items), "".join(items)))
    assert with_break is not None and with_break == without


@pytest.mark.parametrize("name", ["xianyang_2024_figures.yaml", "gaoping_2024_figures.yaml", "jintai_2023_figures"])
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_no_suggestion_in_the_twins_echoes_the_text_after_it(name, seed):
    doc = compose_report(load(EXAMPLES / name), seed=seed)
    pairs = []
    for ln in doc.lines():
        p = ln.paragraph
        if p is None:
            continue
        lead = [r.text for r in p.lead if r.is_suggestion]
        if lead:
            pairs.append((lead[0], plain(p.runs)))
        heading = [r.text for r in ln.heading.runs if r.is_suggestion] if ln.heading is not None else []
        if heading:  # a review section's heading runs on into its first paragraph
            pairs.append((heading[0], plain(p.lead) + plain(p.runs)))
    assert pairs, "the twins carry suggested leads and headings"
    for shown, after in pairs:
        said = shown.removeprefix("——").removesuffix("。")  # a review heading is shown as ——……。
        opening = CLAUSE.split(after.removeprefix("——"), 1)[0]
        assert not _echoes(said, bigrams(said) - _FRAME_PAIRS, opening, bigrams(opening)), (said, opening)


def test_a_heading_that_quotes_the_first_measure_whole_is_not_offered():
    """梧州 (H80): 「（一）实施新一轮工业振兴三年行动，深入推进新型工业化。……实施新一轮工业振兴三年行动，
    金属新材料产业完成产值450亿元」: the heading held the area's first measure word for word."""
    bank = Bank([_entry("heading", "实施新一轮工业振兴三年行动，深入推进新型工业化", 1, "产业"),
                 _entry("heading", "坚定不移推进新型工业化", 2, "产业")])
    text = ITEM_BREAK.join(["实施新一轮工业振兴三年行动，金属新材料产业完成产值450亿元", "推进新型工业化项目建设"])
    assert Suggester(bank, 0).text("heading", "key_task_section", text, "k") == "坚定不移推进新型工业化"


@pytest.mark.parametrize("heading, lead", [
    ("奋力抓项目，扩大有效投资", "增加有效投资"),  # 梧州 (H80): another verb, the same object
    ("全力提升科技创新实力", "大力实施科技创新"),  # 聊城 (H80)
])
def test_a_lead_whose_object_a_key_task_heading_said_is_not_offered(heading, lead):
    bank = Bank([_entry("heading", heading, 1, "经济"), _entry("lead", lead, 2, "经济")])
    s = Suggester(bank, 0)
    text = ITEM_BREAK.join(["新增入库项目200个以上", "储备项目总投资达到2400亿元以上，有效投资科技创新增加"])
    assert s.text("heading", "key_task_section", text, "h") == heading
    assert s.text("lead", None, text, "l") == ""
    # without the heading said, the same lead is offered
    assert Suggester(bank, 0).text("lead", None, text, "l") == lead


def test_a_phrase_claiming_a_result_in_figures_is_never_offered():
    """「数字经济核心产业增加值预计实现两位数增长」 headed 宜宾's industry review with no such figure
    in the data (H87): only the data may state results."""
    bank = Bank([_entry("heading", "数字经济核心产业增加值预计实现两位数增长", 1, "产业"),
                 _entry("heading", "数字经济加快发展", 2, "产业")])
    text = ITEM_BREAK.join(["数字经济核心产业增加值增长", "规上工业增加值增长11.9%"])
    assert Suggester(bank, 0).text("heading", "key_task_section", text, "k") == "数字经济加快发展"
