"""A key-task lead does not say again a key-task heading already offered, nor a heading a lead
already offered (issue 10; three readers of the figures-only drafts called it must-fix:
「四、坚定不移推进农业农村现代化。加快推进农业农村现代化。」)."""

from drafter.phrases.bank import Bank, Entry
from drafter.phrases.suggest import _FRAME_PAIRS, ITEM_BREAK, PARA_BREAK, Suggester, bigrams

FARMS = ITEM_BREAK.join(["新建高标准农田1万亩以上", "农业农村现代化示范区建设提速", "粮食播种面积稳定在120万亩",
                         "发展农业农村特色产业"])
VILLAGES = ITEM_BREAK.join(["建设和美乡村", "推进农村人居环境整治", "农村卫生厕所普及率达到90%"])


def _entry(kind: str, text: str, n: int) -> Entry:
    slot = "key_task_section" if kind == "heading" else "key_task_lead"
    return Entry(id=f"{kind}.{n}", kind=kind, part="key_tasks", text=text, slot=slot, topic="乡村", count=3)


OTHERS = ("加强城市管理", "扩大有效投资", "提升教育质量", "深化改革开放", "守住安全底线", "建设生态城市")


def _bank() -> Bank:
    # other subjects' phrases make 农业 and 农村 the rare words they are in the shipped bank
    return Bank([_entry("heading", "坚定不移推进农业农村现代化", 1),
                 _entry("lead", "加快推进农业农村现代化", 2), _entry("lead", "坚持农业农村优先发展", 3),
                 *(_entry(kind, t, 10 + i) for i, t in enumerate(OTHERS) for kind in ("heading", "lead"))])


def test_a_lead_does_not_repeat_the_heading_above_it():
    s = Suggester(_bank(), 0)
    area = PARA_BREAK.join([FARMS, VILLAGES, FARMS])
    assert s.text("heading", "key_task_section", area, "h") == "坚定不移推进农业农村现代化"
    # nor says its subject again (H104): 「坚定不移推进农业农村现代化。坚持农业农村优先发展。」
    assert s.text("lead", None, FARMS, "l", area) == ""


def test_a_heading_does_not_repeat_an_earlier_lead():
    s = Suggester(_bank(), 0)
    assert s.text("lead", None, FARMS, "l") == "加快推进农业农村现代化"
    assert s.text("heading", "key_task_section", PARA_BREAK.join([FARMS, VILLAGES, FARMS]), "h") == ""


def test_sharing_one_word_is_no_repeat():
    s = Suggester(Bank([]), 0)
    s._said[("heading", "key_task_section")] = [bigrams("着力统筹发展和安全") - _FRAME_PAIRS]  # only 安全 is not a frame pair
    assert not s._restates_outline("lead", None, bigrams("全力抓好安全生产"))
    s._said[("heading", "key_task_section")] = [bigrams("坚定不移推进农业农村现代化") - _FRAME_PAIRS]
    assert s._restates_outline("lead", None, bigrams("加快推进农业农村现代化"))


def test_review_headings_are_not_the_outline():
    s = Suggester(_bank(), 0)
    s._said[("lead", None)] = [bigrams("加快推进农业农村现代化") - _FRAME_PAIRS]
    assert s._restates_outline("heading", "key_task_section", bigrams("坚定不移推进农业农村现代化"))
    assert not s._restates_outline("heading", "review_section", bigrams("坚定不移推进农业农村现代化"))
