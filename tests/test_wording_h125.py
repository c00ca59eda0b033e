"""Wording defects three new users found in their drafts (中山, 乌鲁木齐, 徐州, 黄冈, 镇江; H120-H122),
each fixed by a rule (H125)."""

from __future__ import annotations

from pathlib import Path

import pytest

from drafter.api import load, validate
from drafter.compose import compose
from drafter.compose.frames import follows_subject
from drafter.compose.words import Words
from drafter.phrases.bank import default_bank
from drafter.phrases.picker import says_twice
from drafter.writers.text import render_text
from tests.test_figures import clause


@pytest.mark.parametrize("fig,expect", [
    # 中山 2024: 「减少黑臭河涌较央督时63.7%」 (a frame put the change verb first)
    ({"name": "黑臭河涌较央督时", "verb": "减少", "value": 63.7, "unit": "%"}, "黑臭河涌较央督时减少63.7%"),
    ({"name": "政务公文", "verb": "减少", "value": 9.7, "unit": "%"}, "政务公文减少9.7%"),
    ({"name": "政府会议", "verb": "压减", "value": 9, "unit": "%"}, "政府会议压减9%"),
])
def test_a_share_in_percent_follows_its_indicator(fig, expect):
    b = default_bank()
    for seed in range(12):
        assert clause(fig, b, seed)[0] == expect, seed
    assert follows_subject("减少", "黑臭河涌较央督时", "%")
    assert not follows_subject("增加", "就业岗位", "个")  # a thing counted may still follow its verb


H125 = Path(__file__).parent / "fixtures" / "wording_h125"


def _thanks(name: str, seed: int) -> str:
    text = render_text(compose(load(H125 / name), seed=seed, bank=default_bank()))
    return next(line for line in text.splitlines() if "成绩" in line and "我代表" in line)


@pytest.mark.parametrize("seed", range(8))
def test_the_leadership_chain_is_said_once_in_the_thanks(seed):
    """黄冈 (湖北) seed 0: 荆门's 「是省委、省政府关心关怀的结果，是{上级领导}团结带领……」 held only 市委 in
    its slot; with 黄冈's chain it said 「是省委、省政府关心关怀的结果，是省委、省政府和市委团结带领……」."""
    thanks = _thanks("huanggang_2024_figures.yaml", seed)
    assert thanks.count("省委") == 1, thanks
    assert says_twice("是省委、省政府关心关怀的结果，是{上级领导}团结带领{本级人民}拼搏奋进的结果。",
                      {"上级领导": "省委、省政府和市委", "本级人民": "全市人民"})
    assert not says_twice("是{上级领导}坚强领导的结果。", {"上级领导": "省委、省政府和市委"})


@pytest.mark.parametrize("seed", range(8))
def test_a_region_with_no_wording_of_its_own_is_thanked_in_the_templates_words(seed):
    """乌鲁木齐 (新疆): the bank has no 新疆 thanks and none seen in two provinces; the picker fell back
    to every wording and chose 江苏's 「根本在于习近平总书记掌舵领航和深切关怀」."""
    thanks = _thanks("urumqi_2024.yaml", seed)
    assert "深切关怀" not in thanks, thanks
    assert "这些成绩的取得，根本在于习近平新时代中国特色社会主义思想的科学指引，是自治区党委、政府和市委坚强领导的结果" in thanks


def test_the_cities_of_xinjiang_guangxi_and_tibet_thank_all_their_peoples():
    """乌鲁木齐 (and 南宁, 柳州 … in style_corpus/more) write 全市各族人民; 银川 (宁夏) and 湖北's cities 全市人民."""
    assert "向全市各族人民，" in _thanks("urumqi_2024.yaml", 0)
    assert "向全市人民，" in _thanks("huanggang_2024_figures.yaml", 0)
    for province, people in (("广西壮族自治区", "全市各族人民"), ("西藏自治区", "全市各族人民"),
                             ("宁夏回族自治区", "全市人民"), ("内蒙古自治区", "全市人民")):
        meta = load(H125 / "urumqi_2024.yaml").meta.model_copy(update={"province": province})
        assert Words.of(meta).people == people, province


def test_a_verb_the_name_holds_is_not_said_again():
    """黄冈: `城镇新增就业` with `verb: 新增` gave 「城镇新增就业新增7.4万人」 (the check) and 「新增城镇新增就业
    6万人以上」 (the target, in a verb-first frame); the verb is said once, by the name, and keeps its path."""
    path = H125 / "huanggang_2024_figures.yaml"
    for seed in range(6):
        text = render_text(compose(load(path), seed=seed, bank=default_bank()))
        assert text.count("城镇新增就业") == 3, seed  # the check, the fact, the target
        assert "新增城镇新增" not in text and "新增就业新增" not in text, seed
    assert not [p for p in validate(path).unused if p.path.endswith(".verb")]


def test_a_figure_the_headline_states_is_not_checked_again_when_its_target_is_to_keep_pace():
    """镇江: 居民人均可支配收入增长5.1% in the headline and again in the check paragraph, its target being
    与经济增长同步 (no number of its own); GDP and 一般公共预算收入 were already said once."""
    text = render_text(compose(load(H125 / "zhenjiang_2025_income.yaml"), seed=0, bank=default_bank()))
    assert text.count("增长5.1%") == 1, text
    assert "居民人均可支配收入达到60580元、增长5.1%，未完成与经济增长同步的目标" in text, text
