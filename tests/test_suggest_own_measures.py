"""A lead must share a content word with its own item's measures and figure names, departments left
out (H111): the whole read of H110 found leads chosen by the area's departments, not by the measure
under them."""

from __future__ import annotations

from pathlib import Path

from drafter.api import compose_report, load
from drafter.phrases.bank import default_bank
from drafter.phrases.suggest import ITEM_BREAK, Suggester
from drafter.phrases.text_rules import DEPT_MARK
from drafter.tree import Paragraph

FIGURES = Path(__file__).parent / "fixtures" / "figures_only"


def _leads(name: str) -> dict[str, str]:
    """The first measure of each suggested lead's paragraph → the lead."""
    doc = compose_report(load(FIGURES / name), seed=0)
    out = {}
    for n in doc.walk():
        if isinstance(n, Paragraph) and n.lead and any(r.is_suggestion for r in n.lead):
            lead = "".join(r.text for r in n.lead if r.is_suggestion)
            out["".join(r.text for r in n.runs)[:12]] = lead
    return out


def test_a_lead_only_a_department_speaks_for_is_not_offered():
    # 凉山: 「大力发展教育。城镇新增就业1.7万人以上。……」, chosen by 州教育和体育局
    assert "大力发展教育" not in _leads("liangshan_2025_figures.yaml").values()
    # 梧州: 「持续提升农村人居环境。新建畜禽标准化规模养殖场20个以上……」
    wuzhou = _leads("wuzhou_2025_figures.yaml")
    assert "持续提升农村人居环境" not in wuzhou.values()
    assert wuzhou.get("新建畜禽标准化规模养殖场") == "大力发展设施农业产业"


def test_the_department_does_not_carry_a_lead_its_measures_never_name():
    # 吉林: 「提升应急管理能力。开展债权清收攻坚……」 under the 应急管理局
    item = ITEM_BREAK.join(["开展债权清收攻坚", "推进舒兰灾后恢复重建", "建设更高水平的平安江城"])
    s = Suggester(default_bank(), 0, province="吉林省", level="市")
    assert s.text("lead", None, item + DEPT_MARK + "市应急管理局" + DEPT_MARK, "a") != "提升应急管理能力"


def test_a_lead_sharing_its_object_word_with_the_measures_stays():
    # 质量 is a frame pair (高质量), yet the object of 提升环境质量 names it: not refused for want of a word
    item = ITEM_BREAK.join(["空气质量优良天数率保持在97%以上", "国控断面水质优良率达到94%以上"])
    s = Suggester(default_bank(), 0, province="四川省", level="州")
    assert s.text("lead", None, item + DEPT_MARK + "州生态环境局" + DEPT_MARK, "a")
