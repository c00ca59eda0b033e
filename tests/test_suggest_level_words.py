"""A suggestion names the drafting region by its own level's word (issue 10): 工业强市 over a
district's section read as a mistake in the 金台 figures-only twin."""

from drafter.phrases.bank import Bank, Entry
from drafter.phrases.suggest import Suggester

TEXT = "加强规上企业运行监测。亿元以上企业扩能增产。全年工业总产值达到。制造业项目建成投产。"


def _heading(text: str, n: int) -> Entry:
    return Entry(id=f"heading.{n}", kind="heading", part="key_tasks", text=text, count=2, topic="产业",
                 slot="key_task_section")


def _offered(level: str, phrase: str, text: str = TEXT) -> str:
    return Suggester(Bank([_heading(phrase, 1)]), 0, level=level).text("heading", "key_task_section", text, "k")


def test_another_levels_word_is_not_offered():
    assert _offered("区", "坚定不移推进工业强市") == ""
    assert _offered("市", "坚定不移推进工业强市") == "坚定不移推进工业强市"
    assert _offered("县级市", "坚定不移推进工业强市") == "坚定不移推进工业强市"
    assert _offered("县", "坚定不移推进工业强市") == ""
    assert _offered("县", "坚定不移推进工业强县") == "坚定不移推进工业强县"


def test_a_city_may_speak_of_its_counties_and_no_one_of_a_region():
    counties = "强县工程加快实施，推动工业企业做强。县域工业总产值达到。"
    assert _offered("市", "实施强县工程，推动工业企业做强", counties) == "实施强县工程，推动工业企业做强"
    assert _offered("区", "实施强县工程，推动工业企业做强", counties) == ""
    assert _offered("区", "塑强区域工业中心，推动企业增产") == "塑强区域工业中心，推动企业增产"
