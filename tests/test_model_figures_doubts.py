"""Figure values that parse but that no report would print, or would print bent: an approximate
word with a qualifier or with 0 warns at its line; a diff of 0 is 持平 (H107)."""

from __future__ import annotations

import pytest

from drafter.model import Figure
from tests.conftest import MINIMAL

FACT = "        - {name: 规上工业增加值, growth: 7.2, compare: [{scope: 全省, diff: 2.2}]}\n"


def _validate(tmp_path, fact: str):
    from drafter.api import validate

    assert FACT in MINIMAL
    data = tmp_path / "d.yaml"
    data.write_text(MINIMAL.replace(FACT, FACT + f"        - {fact}\n", 1), encoding="utf-8")
    return validate(data)


@pytest.mark.parametrize("fact,shown", [
    ("{name: 农产品抽检合格率, value: 98, unit: '%', qualifier: 以上, approx: 约}", "约98%以上"),  # v01
    ("{name: 规上企业, value: 1200, approx: 余, unit: 家, qualifier: 以上}", "1200余家以上"),  # v23
    ("{name: 新增就业, value: 0, approx: 近, unit: 万人}", "近0万人"),  # v32
    # as the draft writes it: 余 after 万 after a decimal (was shown 4.23余万户以上)
    ("{name: 市场主体, value: 4.23, approx: 余, unit: 万户, qualifier: 以上}", "4.23万余户以上"),
])
def test_an_approximate_word_no_report_writes_so_warns_at_its_line(tmp_path, fact, shown):
    result = _validate(tmp_path, fact)
    [problem] = [p for p in result.doubtful if p.path == "review.sections[0].facts[1].approx"]
    assert shown in problem.message and problem.line == 16 and problem.file.endswith("d.yaml")


@pytest.mark.parametrize("fact", [
    "{name: 新增市场主体, value: 3000, approx: 余, unit: 户}",
    "{name: 粮食产量, value: 35, unit: 亿斤, qualifier: 以上}",
    "{name: 服务业增加值, growth: 6, qualifier: 左右}",
    "{name: 粮食产量, approx: 约, growth: 2, qualifier: 左右}",  # 左右 is the growth's
])
def test_an_approximate_word_alone_passes(tmp_path, fact):
    assert [p for p in _validate(tmp_path, fact).doubtful if p.path.startswith("review.sections[0].facts[1]")] == []


def test_a_diff_of_0_is_flat_and_says_so():
    cmp = Figure.model_validate({"name": "外贸", "growth": 3, "compare": [{"scope": "全省", "diff": 0, "relation": "持平"}]})
    assert cmp.compare[0].diff == 0
    with pytest.raises(ValueError, match="0 为持平"):
        Figure.model_validate({"name": "外贸", "growth": 3, "compare": [{"scope": "全省", "diff": 0, "relation": "高于"}]})
    with pytest.raises(ValueError, match="正负不符"):
        Figure.model_validate({"name": "外贸", "growth": 3, "compare": [{"scope": "全省", "diff": 1, "relation": "持平"}]})


def test_a_diff_of_0_is_stated(tmp_path):
    result = _validate(tmp_path, "{name: 外贸进出口, growth: 0.0, compare: [{scope: 全省, diff: 0}]}")  # v14
    assert [p.path for p in result.unused if p.path.startswith("review.sections")] == []
