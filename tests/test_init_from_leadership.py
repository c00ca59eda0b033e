"""`init --from` carries the leadership as each place of the report words it (issue 11, a
new user's 聊城): meta.leadership is the chain the review thanks (是省委省政府和市委坚强领导的
结果), and a closing that names another chain (在市委的坚强领导下) keeps its own words in
closing.leadership. Before, the most frequent chain (市委) went to both places.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from drafter.lastyear import init_from, read_last
from drafter.readers import load_report

CORPUS = Path(__file__).resolve().parent.parent / "style_corpus"


def test_liaocheng_thanks_the_province_and_closes_with_the_city(tmp_path):
    out = tmp_path / "聊城市2025.yaml"
    init_from(out, CORPUS / "more" / "2024_聊城.txt", force=True)
    report = load_report(out)
    assert report.meta.leadership == "省委省政府和市委"
    assert report.closing.leadership == "在市委的坚强领导下"


@pytest.mark.parametrize(
    "name, leadership, closing",
    [
        # the reverse: the thanks name the district's own committee, the closing the chain
        ("2022_芜湖市繁昌区.txt", "区委", "在市委、市政府和区委的坚强领导下"),
        # the closing's 中共宁波市委 is the city's committee, written in full
        ("more/2024_宁波.txt", "省委省政府和市委", "在中共宁波市委的坚强领导下"),
        # the same organs with and without 、 are one chain: nothing to keep apart
        ("more/2024_德州.txt", "省委、省政府和市委", None),
        ("2024_咸阳市.txt", "省委、省政府和市委", None),
    ],
)
def test_each_place_keeps_its_own_chain(name, leadership, closing):
    last = read_last(CORPUS / name)
    assert last.meta["leadership"] == leadership
    assert last.closing.get("leadership") == closing
