"""Figures worded as reports write them, from two new users' whole reads (issue 10, H102):
余 after 万 / 亿 (4.23万余户), 位 after a rank in digits (居全省第3位)."""

from __future__ import annotations

import re

import pytest

from drafter.phrases.bank import default_bank
from tests.test_figures import clause


@pytest.mark.parametrize("fig,expect", [
    # 凉山: after a decimal the 余 follows 万 (corpus: 33 万余, 0 余万)
    ({"name": "市场主体", "verb": "新登记", "value": 4.23, "approx": "余", "unit": "万户"}, "4.23万余户"),
    ({"name": "汛期主动避险转移", "value": 67.8, "approx": "余", "unit": "万人"}, "汛期主动避险转移67.8万余人"),
    ({"name": "引进资金", "value": 1.5, "approx": "多", "unit": "亿元"}, "引进资金1.5亿多元"),
    # a whole number keeps 余 before 万 (20余万人 22 : 20万余人 38 — both are report wordings)
    ({"name": "引进资金", "value": 50, "approx": "多", "unit": "亿元"}, "引进资金50多亿元"),
    ({"name": "市场主体", "value": 3000, "approx": "余", "unit": "家"}, "市场主体3000余家"),
    # 千 starts a unit, not a magnitude
    ({"name": "装机", "value": 1.5, "approx": "余", "unit": "千瓦"}, "装机1.5余千瓦"),
])
def test_approx_after_a_magnitude(fig, expect):
    text, runs = clause(fig)
    assert text.endswith(expect), text
    # the 万 and the 户 are both the unit's: nothing invented, nothing lost
    assert "".join(r.text for r in runs if r.source.ref.endswith(".unit")) == fig["unit"]
    for seed in range(6):
        framed, _ = clause(fig, default_bank(), seed)
        assert re.search(r"[余多]万|[余多]亿", framed) is None or "." not in str(fig["value"]), framed


def test_approx_after_a_magnitude_in_a_headline_frame():
    for seed in range(6):
        text, _ = clause({"name": "新登记市场主体", "value": 4.23, "approx": "余", "unit": "万户", "growth": 5},
                         default_bank(), seed, headline=True)
        assert "4.23万余户" in text, text


@pytest.mark.parametrize("fig,expect", [
    # 宜宾 / 吉林: 居全省第3 loses the 位 reports write with digits (居…第3位 233 : 居…第3 103)
    ({"name": "生猪出栏", "value": 501.3, "unit": "万头", "rank": {"scope": "全省", "place": 3, "numeral": "数字"}},
     "生猪出栏501.3万头、居全省第3位"),
    ({"name": "规上工业增加值", "growth": 7.2, "rank": {"scope": "全省", "place": 3, "numeral": "数字"}},
     "规上工业增加值增长7.2%、居全省第3位"),
    ({"name": "规上工业增加值", "growth": 7.2, "rank": [{"scope": "全省", "place": 3, "numeral": "数字"},
                                                      {"scope": "全市", "place": 1, "numeral": "数字"}]},
     "规上工业增加值增长7.2%、居全省第3位、全市第1位"),
    # 汉字 numerals go without 位 (居…第一 218 : 居…第一位 7); 排名 without it (25 : 23)
    ({"name": "规上工业增加值", "growth": 7.2, "rank": {"scope": "全省", "place": 3}}, "规上工业增加值增长7.2%、居全省第三"),
    ({"name": "消费品以旧换新审核资金额度", "rank": {"scope": "全市", "place": 3, "numeral": "数字", "of": ""}},
     "消费品以旧换新审核资金额度排名全市第3"),
])
def test_a_rank_in_digits_takes_wei_after_ju(fig, expect):
    assert clause(fig)[0] == expect
    digits = (isinstance(fig["rank"], dict) and fig["rank"].get("numeral") == "数字") or isinstance(fig["rank"], list)
    for seed in range(8):
        text, _ = clause(fig, default_bank(), seed)
        if digits and "居" in text:
            assert re.search(r"第\d+(?!位)(?!\d)", text) is None, text
