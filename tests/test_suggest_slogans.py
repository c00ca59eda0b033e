"""A slogan of one or two provinces is offered only there (H123, drafter/phrases/slogans.py):
「制造业当家战略深入实施」 (广东's 中山; 制造业当家 is also 湖北's) headed the industry section of
聊城's figures-only draft, a city of 山东; 上海's 「国家重大战略任务扎实推进」 went to other provinces."""

from __future__ import annotations

from pathlib import Path

import pytest

from drafter.api import load
from drafter.compose import compose
from drafter.phrases.bank import default_bank
from drafter.phrases.one_province import EVIDENCE
from drafter.phrases.slogans import slogans
from drafter.phrases.suggest import Suggester

LIAOCHENG = Path(__file__).parent / "fixtures" / "figures_only" / "liaocheng_2025_figures.yaml"
HEADINGS = ("制造业当家战略深入实施", "坚持实体经济为本、制造业当家，加快构建现代化产业体系")


def _suggestions(province: str | None = None, seed: int = 0) -> list[str]:
    report = load(LIAOCHENG)
    if province:
        report = report.model_copy(update={"meta": report.meta.model_copy(update={"province": province})})
    return [r.text for r in compose(report, seed=seed).suggestions()]


def _allowed(text: str, province: str) -> bool:
    e = next(e for e in default_bank().of("heading") if e.text == text)
    return Suggester(default_bank(), 0, province=province, level="市")._allowed(e, e.kind)


@pytest.mark.parametrize("seed", [0, 2])
def test_liaocheng_gets_no_slogan_of_guangdong_and_hubei(seed):
    said = _suggestions(seed=seed)  # the fixture as a new user filled it: 山东
    assert said, "the figures-only draft has suggestions"
    assert not [s for s in said if "制造业当家" in s]


def test_the_slogan_is_still_offered_where_it_is_used():
    # 湖北 uses 制造业当家 too (孝感): its draft of the same figures is headed by 中山's heading
    assert "制造业当家战略深入实施" in _suggestions("湖北省")
    for text in HEADINGS:
        assert _allowed(text, "广东省") and _allowed(text, "湖北省")
        assert not _allowed(text, "山东省") and not _allowed(text, "浙江省")


def test_shanghais_national_tasks_stay_in_shanghai():
    heading = "坚定不移深化改革开放，国家重大战略任务扎实推进"
    assert _allowed(heading, "上海市")
    assert not _allowed(heading, "浙江省")


@pytest.mark.parametrize("text", ["坚定不移推进工业强市",  # 工业强市: eleven provinces
                                  "全力提升城市能级，塑强区域中心城市影响力",  # 强区域 is no 强区
                                  "坚持“廉”字当家，持续涵养清风正气"])
def test_a_slogan_of_many_provinces_or_no_slogan_is_offered_anywhere(text):
    bank = default_bank()
    restricted = slogans(e for kind in EVIDENCE for e in bank.of(kind))
    found = [e for e in bank.of("heading") + bank.of("lead") if e.text == text]
    assert found and not [e for e in found if e.id in restricted]


def test_the_restriction_is_small():
    """31 of the 6,046 offerable headings and leads on today's bank (the literal rule 'seen in one
    province only' would restrict nearly all)."""
    bank = default_bank()
    restricted = slogans(e for kind in EVIDENCE for e in bank.of(kind))
    phrases = [e for kind in ("heading", "lead") for e in bank.of(kind) if not e.local]
    mine = [e for e in phrases if e.id in restricted]
    assert 10 < len(mine) < 0.02 * len(phrases)
    assert all(1 <= len(restricted[e.id]) <= 2 for e in mine)
