"""A gathered fact naming a year before its part's is kept, listed in the summary and commented
in the fragment (H115, issue 11: 呼和浩特's 市教育局 sent its 2023 summary for the 2024 review)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from drafter.api import gather
from drafter.gather.years import earlier_year

H115 = Path(__file__).resolve().parent / "fixtures" / "materials_h115"


@pytest.mark.parametrize(("text", "part", "earlier"), [
    ("2023年，出台支持教育发展10条硬措施；", "review", 2023),
    ("截至2023年底，建成5G基站300个", "review", 2023),
    ("实施2021—2023年三年行动计划", "review", 2021),  # a period that ended before the year
    ("2024年，将新建学校5所", "key_tasks", 2024),  # a plan for the review's year
    ("地区生产总值比2023年增长5%", "review", None),  # comparisons
    ("较2023年同期提高3个百分点", "review", None),
    ("与2023年相比，增加1200人", "review", None),
    ("是2023年的2倍", "review", None),
    ("2023年以来，累计建成学校5所", "review", None),  # it runs into the year
    ("实施2023—2025年行动计划", "review", None),  # periods that reach the year
    ("落实2024年至2026年规划", "key_tasks", None),
    ("2024年，城镇新增就业2万人", "review", None),
    ("2025年，力争新建学校5所", "key_tasks", None),
])
def test_earlier_year(text, part, earlier):
    assert earlier_year(text, part, 2025) == earlier


def test_no_year_in_the_data_flags_nothing():
    assert earlier_year("2023年，出台支持教育发展10条硬措施；", "review", None) is None


def test_a_2023_sentence_in_the_2024_review_is_kept_listed_and_commented(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    shutil.copy(H115 / "呼和浩特市2025.yaml", data)  # meta.year 2025: the review tells of 2024
    result = gather([H115 / "市教育局年度工作总结.txt"], data)
    note = next(line for line in result.summary.lines() if line.startswith("年份与本年不符："))
    assert "市教育局年度工作总结.txt:3" in note and "2023年，出台" in note
    fragment = data / "30_gather_市教育局年度工作总结.yaml"
    lines = fragment.read_text(encoding="utf-8").splitlines()
    flagged = [i for i, line in enumerate(lines) if "年份与本年不符" in line]
    assert len(flagged) == 1 and "2023年，出台支持教育发展10条硬措施" in lines[flagged[0] + 1]
    # kept as a fact of the review, with its department: its 10条 is tracked like any other number
    facts = yaml.safe_load(fragment.read_text(encoding="utf-8"))["review"]["sections"][0]["facts"]
    assert {"text": "2023年，出台支持教育发展10条硬措施；", "dept": "市教育局"} in facts
