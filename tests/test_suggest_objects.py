"""A lead naming a campaign, the market's entities or one service system only over a text that
names it twice (issue 10; blind verdicts: 「完善养老服务体系」 over a whole social-insurance
paragraph, 「培育壮大市场主体」 over consumption, 「实施城市更新行动」 over city management)."""

from drafter.phrases.bank import Bank, Entry
from drafter.phrases.suggest import ITEM_BREAK, Suggester

# 咸阳 2024, 「健全社会保障体系」 (style_corpus/2024_咸阳市.txt)
INSURANCE = ("扩大养老、失业、工伤“三大保险”参保覆盖面，提高困难残疾人生活补贴标准。改进异地报销流程，"
             "进一步健全完善基本医保、大病保险、医疗救助三重保障机制。做好临时救助和兜底保障，"
             "建设镇（街道）养老服务中心25个，困难老年人家庭适老化床位改造不少于1000张。")
CARE = ("建设镇（街道）养老服务中心25个，困难老年人家庭适老化床位改造不少于1000张。"
        "健全居家社区机构相协调的养老服务体系。完善养老服务体系建设补助政策，"
        "发展普惠托育服务，扩大养老护理员队伍。")


def _lead(text: str, n: int) -> Entry:
    return Entry(id=f"lead.{n}", kind="lead", part="key_tasks", text=text, count=3, topic="民生")


def test_one_service_system_is_not_the_lead_of_all_social_insurance():
    bank = Bank([_lead("完善养老服务体系", 1)])
    assert Suggester(bank, 0).text("lead", None, INSURANCE, "k") == ""
    assert Suggester(bank, 0).text("lead", None, CARE, "k") == "完善养老服务体系"


def test_a_campaign_lead_needs_the_campaign_named_twice():
    bank = Bank([_lead("深入实施城市更新行动", 1)])
    once = ITEM_BREAK.join(["全面推行“街长制”", "实施城市更新行动", "推进垃圾分类", "新建公厕25座"])
    twice = ITEM_BREAK.join(["改造老旧小区129个", "城市更新行动三年计划启动", "城市更新行动项目库入库项目40个"])
    assert Suggester(bank, 0).text("lead", None, once, "k") == ""
    assert Suggester(bank, 0).text("lead", None, twice, "k") == "深入实施城市更新行动"
