"""A heading or lead sums up the whole text, not its first subject (issue 10, blind sample J):
phrases are ranked by their fit plus the share of the text's sentences they speak to."""

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from suggestion_fit import sections_of, without_report  # noqa: E402

from drafter.phrases import suggest  # noqa: E402
from drafter.phrases.bank import default_bank  # noqa: E402
from drafter.phrases.suggest import Suggester, sentence_masks  # noqa: E402


def _paragraph(report: str, lead: str) -> str:
    for _part, _heading, _body, leads in sections_of(ROOT / "style_corpus" / report):
        for real, text in leads:
            if real == lead:
                return text
    raise AssertionError(f"{report} has no lead {lead}")


# (report, the office's own lead, what the ranking offers without the reach, with it): 天水's
# paragraph is on jobs, then pensions, insurance and care (「完善养老服务体系」 is one of its items);
# 定西's on cooperatives, family farms, leading firms and service groups; 宜春's opens on not
# sliding back into poverty and is about farmers' income
CASES = [
    ("2022_天水市.txt", "健全社会保障体系", "完善养老服务体系", "加强就业服务和社会保障"),
    ("2022_定西市.txt", "创新农业经营组织形式", "高质量发展合作社", "加快推进农业农村现代化"),
    ("2022_宜春市.txt", "促进农民富裕富足", "守住不发生规模性返贫底线", "持续增加农民收入"),
]


@pytest.mark.parametrize(("report", "lead", "opening", "whole"), CASES)
def test_a_lead_speaks_to_the_whole_paragraph_not_its_first_sentence(report, lead, opening, whole, monkeypatch):
    bank = without_report(default_bank(), report)
    text = _paragraph(report, lead)
    assert Suggester(bank, 0).text("lead", None, text, "k") == whole
    monkeypatch.setattr(suggest, "REACH_WEIGHT", 0.0)
    # the rule on named objects would also refuse 「完善养老服务体系」 here; this is about the reach
    monkeypatch.setattr(suggest, "object_unnamed", lambda lead, units: False)
    assert Suggester(bank, 0).text("lead", None, text, "k") == opening


def test_sentence_masks_mark_the_prose_sentences_holding_each_pair():
    masks, n = sentence_masks("全面推进乡村振兴，加快农业农村现代化。一是筑牢屏障。持续推进乡村建设行动，改善农村人居环境。")
    assert n == 2  # 「一是筑牢屏障」 is too short to count
    assert masks["乡村"] == 0b11 and masks["人居"] == 0b10 and "屏障" not in masks


def test_a_list_of_short_measures_gets_no_reach():
    masks, n = sentence_masks("建成彩虹二路高架桥。口袋公园建成开放。国家卫生城市通过复审。")
    assert n == 0 and not masks
