"""The one data-path type (drafter.datapath): parsed, formatted and resolved on the real
examples — every data run of every example draft names a value of its data, and positions
the YAML reader keeps are found by the same paths."""

from __future__ import annotations

import pytest

from drafter.api import compose_report, load, load_with_positions
from drafter.datapath import DataPath, format_path, resolve
from drafter.errors import DrafterError
from tests.conftest import EXAMPLES

XIANYANG = EXAMPLES / "xianyang_2024.yaml"
ALL = ["xianyang_2024.yaml", "gaoping_2024.yaml", "jintai_2023", "xianyang_2024_figures.yaml"]


@pytest.fixture(scope="module")
def xianyang():
    return load(XIANYANG)


def test_parse_and_format_round_trip():
    p = DataPath.parse("review.sections[2].facts[0]")
    assert tuple(p) == ("review", "sections", 2, "facts", 0)
    assert str(p) == "review.sections[2].facts[0]"
    # equal to, and hashed like, the plain tuple the YAML reader keys positions by
    assert p == ("review", "sections", 2, "facts", 0) and {p: 1}[("review", "sections", 2, "facts", 0)] == 1
    assert format_path(("review", "headline", 0, "growth")) == "review.headline[0].growth"
    assert str(p.parent) == "review.sections[2].facts" and str(p.child("rank", "place")).endswith("facts[0].rank.place")


@pytest.mark.parametrize("text", ["", "review..x", "[0].a", "review.[0]", "review[", "review[0]x", "review]", "a[-1]"])
def test_not_a_path_raises_in_chinese_on_parse_and_resolves_to_none(text, xianyang):
    with pytest.raises(DrafterError, match=r"数据路径.*无法识别"):
        DataPath.parse(text)
    assert DataPath.of(text) is None
    assert resolve(xianyang, text) is None


def test_leads_nowhere_is_none(xianyang):
    n = len(xianyang.review.headline)
    assert resolve(xianyang, f"review.headline[{n}].value") is None  # past the end
    assert resolve(xianyang, "review.headline[0].nonexistent") is None  # not a field
    assert resolve(xianyang, "review_year") is None  # a property is not data
    assert resolve(xianyang, "review.headline.value") is None  # a list has no fields
    assert resolve(xianyang, "meta.region[0]") is None  # text has no entries
    assert DataPath.parse(f"review.headline[{n}].value").chain(xianyang) == []


def test_resolves_to_the_value_in_the_model(xianyang):
    fig = xianyang.review.headline[0]
    assert resolve(xianyang, "review.headline[0].value") == fig.value
    assert resolve(xianyang, "review.headline[0]") is fig
    assert resolve(xianyang, ("meta", "region")) == xianyang.meta.region == "咸阳市"
    chain = DataPath.parse("review.headline[0].value").chain(xianyang)
    assert [k for _, k in chain] == ["review", "headline", 0, "value"] and chain[-1][0] is fig


@pytest.mark.parametrize("name", ALL)
def test_every_data_run_of_a_draft_names_a_value_with_a_position(name):
    """Each data run's ref parses, prints back the same, resolves in the model, and the
    reader knows where it was written (file:line:column)."""
    report, loaded = load_with_positions(EXAMPLES / name)
    refs = {r.source.ref for r in compose_report(report).runs() if r.source.kind == "data" and r.source.ref}
    assert len(refs) > 30
    for ref in refs:
        path = DataPath.parse(ref)
        assert str(path) == ref
        assert path.resolve(report) is not None, ref
        pos = loaded.where(path)
        assert pos is not None and pos.line >= 1, ref
        # the same path finds the value in the plain data the reader built (mappings, lists),
        # or its parent there when the model filled in a default (a comparison's unit)
        assert path.resolve(loaded.data) is not None or isinstance(path.parent.resolve(loaded.data), dict), ref


def test_positions_point_at_the_value_in_the_file():
    report, loaded = load_with_positions(XIANYANG)
    path = DataPath.parse("review.headline[0].value")
    pos = loaded.where(path)
    line = XIANYANG.read_text(encoding="utf-8").splitlines()[pos.line - 1]
    assert str(report.review.headline[0].value) in line[pos.column - 1:]
