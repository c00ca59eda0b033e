"""A suggestion says what the section is about, not a word it mentions once (issue 10)."""

from drafter.phrases.bank import Bank, Entry
from drafter.phrases.suggest import Suggester, bigram_counts


def _lead(text: str, n: int) -> Entry:
    return Entry(id=f"lead.{n}", kind="lead", part="key_tasks", text=text, count=2, topic="开放")


# after sample A #25 of docs/suggestion-fit.md: a paragraph on attracting investment that
# says 融入全国统一大市场 once in passing; the chooser without salience offered that as its lead
PARAGRAPH = (
    "运用链式思维、投行思维、闭环思维，创新工作方式方法，完善考评和激励机制，提升服务水平。"
    "坚持招商引资一把手工程，做实产业链招商，融入全国统一大市场，全年招商引资到位资金增长。"
    "完善招商引资项目评估机制，强化招商引资考核。"
)


def test_a_word_said_once_loses_to_the_words_the_section_repeats():
    bank = Bank([_lead("融入全国统一大市场", 1), _lead("做实招商引资", 2), _lead("推进乡村振兴", 3)])
    assert Suggester(bank, 0).text("lead", None, PARAGRAPH, "k") == "做实招商引资"


def test_bigram_counts_count_repeats_and_skip_punctuation_and_digits():
    counts = bigram_counts("招商引资，招商2引资。")
    assert counts["招商"] == 2 and counts["引资"] == 2 and "商引" in counts
    assert not any(c in g for g in counts for c in "，。2")
