"""Wording defects three new users found in their drafts (中山, 乌鲁木齐, 徐州, 黄冈, 镇江; H120-H122),
each fixed by a rule (H125)."""

from __future__ import annotations

import pytest

from drafter.compose.frames import follows_subject
from drafter.phrases.bank import default_bank
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
