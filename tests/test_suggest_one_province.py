"""What new users of 吉林 and 凉山 (H104) found in their suggestions: a count the data never gave
(「建设五大千亿级产业集群」) and another province's own words (「提速智改数转网联」 of 江苏, 蚌埠's
refrain 「……高质量跨越式发展的动力」), on the shipped bank."""

from __future__ import annotations

import pytest

from drafter.phrases.bank import default_bank
from drafter.phrases.one_province import EVIDENCE, own_words
from drafter.phrases.suggest import Suggester, _runs


def _entry(text: str):
    bank = default_bank()
    return next(e for kind in ("heading", "lead") for e in bank.of(kind) if e.text == text)


def _allowed(text: str, province: str, level: str = "市") -> bool:
    e = _entry(text)
    return Suggester(default_bank(), 0, province=province, level=level)._allowed(e, e.kind)


@pytest.mark.parametrize("text", ["建设五大千亿级产业集群", "做大做强五大百亿产业", "扎实办好十件民生实事",
                                  "抓紧储备项目千亿工程", "完善就业增收三项机制",
                                  "兴产业，强工业，全力实施三年攻坚行动"])
def test_a_count_in_chinese_numerals_is_a_claim_even_in_its_own_province(text):
    assert not _allowed(text, "吉林省")
    assert not _allowed(text, next(iter(_entry(text).provinces)))


@pytest.mark.parametrize("text", ["一体推进教育、科技、人才工作", "坚持“两个毫不动摇”，大力推动民营经济健康发展",
                                  "严守纪律规矩，捍卫“两个确立”"])
def test_terms_with_numerals_are_no_claim(text):
    e = _entry(text)
    assert _allowed(text, next(iter(e.provinces)))


def test_a_coinage_of_one_province_is_offered_to_that_province_only():
    assert not _allowed("提速智改数转网联", "吉林省")
    assert _allowed("提速智改数转网联", "江苏省")


def test_a_reports_refrain_is_offered_to_its_province_only():
    """蚌埠's nine headings 「坚定不移……，……高质量跨越式发展的……」: one went to 凉山."""
    heading = "坚定不移加强教育科技人才发展，增强高质量跨越式发展的动力"
    assert not _allowed(heading, "四川省")
    assert _allowed(heading, "安徽省")
    # 湖北's strategy 「城市和产业集中高质量发展」, in five headings of that province
    assert not _allowed("推进产业集中高质量发展", "吉林省")


def test_common_wording_seen_in_one_province_stays_offered():
    """Seen once, in one province, of words other provinces use: not local (docs/phrase-bank.md)."""
    for text in ("深入推进生态文明建设", "守住不发生规模性返贫底线", "提升政务服务效能"):
        assert len(_entry(text).provinces) == 1
        assert _allowed(text, "吉林省"), text


def test_the_restriction_is_a_small_part_of_the_one_province_phrases():
    bank = default_bank()
    restricted = own_words([e for kind in EVIDENCE for e in bank.of(kind)], _runs)
    phrases = [e for kind in ("heading", "lead") for e in bank.of(kind) if not e.local]
    one = [e for e in phrases if len(e.provinces) == 1]
    mine = [e for e in one if e.id in restricted]
    assert len(one) > 0.9 * len(phrases)
    assert 0.03 * len(one) < len(mine) < 0.15 * len(one)
    assert all(len(e.provinces) == 1 and e.kind in ("heading", "lead") for e in phrases if e.id in restricted)


def test_jilins_investment_list_gets_no_jiangsu_slogan():
    items = "\x1f".join(["实施5000万元以上项目407个", "启动技改扩能和“智改数转”项目140项", "策划包装项目200个以上"])
    lead = Suggester(default_bank(), 0, province="吉林省", level="市").text("lead", None, items, "k")
    assert lead != "提速智改数转网联"
