"""A lead over a list of measures stands for the list (H104, whole reads of 吉林 and 凉山): it is not
said again by one of the measures, it prefers the first measure's subject, and it does not say its
heading's subject again."""

from __future__ import annotations

from drafter.phrases.bank import Bank, Entry, default_bank
from drafter.phrases.suggest import ITEM_BREAK, PARA_BREAK, Suggester, _says_object

SAFETY = ITEM_BREAK.join(["开展债权清收攻坚", "推进舒兰灾后恢复重建", "建设更高水平的平安江城"])
POVERTY = ITEM_BREAK.join(["新改建农村公路490公里", "确保不发生规模性返贫"])


def test_a_lead_a_measure_says_again_is_not_offered():
    s = Suggester(default_bank(), 0, province="吉林省", level="市")
    assert s.text("lead", None, SAFETY, "a") != "全面推进灾后恢复重建"
    assert s.text("lead", None, POVERTY, "b") != "守住不发生规模性返贫底线"


def test_a_measure_of_the_campaign_the_lead_names_does_not_say_it_again():
    assert _says_object("守住不发生规模性返贫底线", "确保不发生规模性返贫")
    assert _says_object("全面推进灾后恢复重建", "推进舒兰灾后恢复重建")
    assert _says_object("守住不发生规模性返贫底线", "防止发生规模性返贫")  # 金台
    assert not _says_object("深入实施城市更新行动", "城市更新行动三年计划启动")
    assert not _says_object("强化科技创新", "推进科技创新平台建设")  # a subject the measure names


def _lead(text: str, n: int) -> Entry:
    return Entry(id=f"lead.{n}", kind="lead", part="key_tasks", text=text, topic="民生", count=2)


def test_a_lead_of_the_first_measure_ranks_first():
    """凉山: 「大力发展教育。城镇新增就业1.7万人以上。新改扩建幼儿园7所……」: the better fit by the
    words of the whole list (学前教育, twice) loses to a lead of the first measure."""
    bank = Bank([_lead("大力发展学前教育", 1), _lead("稳定和扩大就业", 2)])
    items = ITEM_BREAK.join(["城镇新增就业1.7万人以上", "帮扶就业困难人员就业3000人", "新改扩建幼儿园7所",
                             "学前教育毛入园率达90%", "学前教育普惠率达85%"])
    assert Suggester(bank, 0).text("lead", None, items, "k") == "稳定和扩大就业"
    # with no lead of the first measure, one of the others is still offered
    assert Suggester(Bank([_lead("大力发展学前教育", 1)]), 0).text("lead", None, items, "k") == "大力发展学前教育"


def _heading(text: str) -> Entry:
    return Entry(id="heading.1", kind="heading", part="key_tasks", text=text, slot="key_task_section",
                 topic="生态", count=2)


def test_a_lead_does_not_say_its_headings_subject_again():
    """「扎实抓好生态环境保护。推进生态环境建设。」"""
    bank = Bank([_heading("扎实抓好生态环境保护"),
                 Entry(id="lead.1", kind="lead", part="key_tasks", text="推进生态环境建设", topic="生态", count=2),
                 Entry(id="lead.2", kind="lead", part="key_tasks", text="提升空气质量", topic="生态", count=2)])
    air = ITEM_BREAK.join(["环境空气优良天数比例达到90%以上", "生态环境质量持续改善", "完成清洁取暖改造630万平方米以上"])
    area = PARA_BREAK.join([air, air, air])
    s = Suggester(bank, 0)
    assert s.text("heading", "key_task_section", area, "h") == "扎实抓好生态环境保护"
    assert s.text("lead", None, air, "l", area) == "提升空气质量"
    assert Suggester(bank, 0).text("lead", None, air, "l", area) == "推进生态环境建设"  # no heading said


def test_a_self_building_lead_taking_its_item_s_object_is_an_echo():
    """「坚持政治引领。坚持政治为先忠诚为政」 (庄浪, H113)."""
    from drafter.phrases.suggest import _same_object

    assert _same_object("坚持政治引领", "坚持政治为先忠诚为政")
    assert _same_object("着力建设法治社会", "加快建设法治政府")
    assert not _same_object("持续改进工作作风", "坚持法治为纲依法行政")
    assert not _same_object("推进乡村振兴", "乡村振兴示范村建设")  # a clause opening with its subject
