"""A lead must share a word of its own with its paragraph, not only the words that frame it (发挥…作用,
基本完成, 构建…体系, 完善): blind sample AC's misses 「发挥文旅消费拉动作用」 (繁昌) and 「基本完成灾后恢复重建」
(望城), chosen leave-one-out as bench/suggestion_fit.py chooses them (H130)."""

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from suggestion_fit import without_report  # noqa: E402

from drafter.phrases.bank import default_bank  # noqa: E402
from drafter.phrases.suggest import PARA_BREAK, Suggester, _bare, bigrams  # noqa: E402

FIXTURES = Path(__file__).parent / "fixtures" / "sample_ac_h130"  # SOURCES.tsv there


def _lead(report: str, fixture: str, index: int, glue: str, used: tuple[str, ...]) -> str:
    """The section's heading, then its paragraphs' leads in order, as the bench asks them, with the
    leads the bench gave the report's earlier sections already used (none is offered twice)."""
    paragraphs = (FIXTURES / fixture).read_text(encoding="utf-8").splitlines()
    body = glue.join(paragraphs)
    bank = without_report(default_bank(), report)
    s = Suggester(bank, 0)
    s.used |= {e.id for e in bank.of("lead") if e.text in used}
    s.text("heading", "key_task_section" if glue else "review_section", body, "section")
    return [s.text("lead", None, p, f"section.{i}", body) for i, p in enumerate(paragraphs)][index]


@pytest.mark.parametrize("report, fixture, index, glue, used, miss", [
    # 上门办公会、放管服、惠企政策、亩均、融资: shares only 发挥…作用 (and 撬动|作用's 动作); the review's
    # 「扎实做好企业服务」 is taken
    ("2022_芜湖市繁昌区.txt", "fanchang_key_tasks.txt", 4, PARA_BREAK, ("扎实做好企业服务",), "发挥文旅消费拉动作用"),
    # bridges, power, water, gas, parks: shares only 基本完成
    ("2022_长沙市望城区.txt", "wangcheng_review.txt", 1, "", (), "基本完成灾后恢复重建"),
])
def test_a_lead_sharing_only_frame_words_is_not_offered(report, fixture, index, glue, used, miss):
    assert _lead(report, fixture, index, glue, used) != miss


def test_the_frame_words_are_cut_out_whole():
    assert not bigrams(_bare("发挥文旅消费拉动作用")) & {"动作", "作用", "发挥"}
    assert not bigrams(_bare("构建数字社会治理体系")) & {"建数", "体系"}
    assert "数字" in bigrams(_bare("构建数字社会治理体系"))  # the subject stays
