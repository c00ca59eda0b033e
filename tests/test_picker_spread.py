"""A mined formula of one province's reports is not used for another's draft when a wording of
two provinces (or of the draft's own) exists (issue 10 §6: 「根本在于习近平总书记掌舵领航和深切关怀」,
江苏's, thanked for 湖南's and 甘肃's years in two new users' trials)."""

import pytest

from drafter.api import load
from drafter.compose import compose
from drafter.phrases.bank import Bank, Entry, default_bank
from drafter.phrases.picker import Picker
from drafter.writers.text import render_text
from tests.conftest import ROOT

ONE_PROVINCE = Entry(id="formula.x.1", kind="formula", part="review", slot="x", text="江苏的说法。", count=5,
                     provinces={"江苏": 5})
TWO_PROVINCES = Entry(id="formula.x.2", kind="formula", part="review", slot="x", text="两省的说法。", count=2,
                      provinces={"陕西": 1, "湖南": 1})


@pytest.mark.parametrize("seed", range(10))
def test_another_provinces_wording_gives_way(seed):
    bank = Bank([ONE_PROVINCE, TWO_PROVINCES])
    assert str(Picker(bank, seed, {}, "湖南省").formula("x")) == "两省的说法。"


def test_the_own_provinces_wording_stays_a_candidate():
    bank = Bank([ONE_PROVINCE, TWO_PROVINCES])
    said = {str(Picker(bank, seed, {}, "江苏省").formula("x")) for seed in range(10)}
    assert said == {"江苏的说法。", "两省的说法。"}


def test_with_nothing_wider_no_wording_is_used():
    """The template's default stands: 乌鲁木齐 was thanked with 江苏's 「掌舵领航和深切关怀」 (H125)."""
    assert str(Picker(Bank([ONE_PROVINCE]), 0, {}, "湖南省").formula("x")) == ""


@pytest.mark.parametrize("seed", range(4))
def test_a_hunan_draft_thanks_in_words_said_beyond_jiangsu(seed):
    report = load(ROOT / "tests" / "fixtures" / "figures_only" / "yiyang_2025_figures.yaml")
    text = render_text(compose(report, seed=seed, bank=default_bank()))
    thanks = next(line for line in text.splitlines() if "成绩的取得" in line)
    assert "深切关怀" not in thanks, thanks
    assert "习近平" in thanks, thanks  # the national attribution is never dropped


GUANGXI = Entry(id="formula.x.3", kind="formula", part="review", slot="x", text="广西的说法。", count=1,
                provinces={"广西": 1})
TIBET = Entry(id="formula.x.4", kind="formula", part="review", slot="x", text="离不开援藏省市的无私援助。", count=1,
              provinces={"西藏": 1})


@pytest.mark.parametrize("seed", range(10))
def test_an_autonomous_regions_own_wording_is_recognised(seed):
    """The bank keys 广西 as SOURCES.tsv does, meta.province says 广西壮族自治区: removing 省 alone
    matched nothing, every wording counted as another province's, and 林芝's 援藏 thanks reached
    梧州 (H80)."""
    bank = Bank([GUANGXI, TIBET])
    assert str(Picker(bank, seed, {}, "广西壮族自治区").formula("x")) == "广西的说法。"
