"""Nothing the office wrote is lost without a word (issue 10): every value of a data file
appears in the draft, or `validate` says why it will not — for the shipped examples and for
data files generated from the model itself, with every field filled in."""

from __future__ import annotations

import random
import typing
from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from pydantic import BaseModel

from drafter.api import compose_report, load_with_positions, unused_values, validate
from drafter.errors import DataErrors
from drafter.model import Report
from drafter.model.review import Said, SaidText
from drafter.tree import plain
from tests.conftest import ROOT

GENERIC = "当前模板没有用到这个字段"
EXAMPLES = [ROOT / "examples" / "xianyang_2024.yaml", ROOT / "examples" / "gaoping_2024.yaml",
            ROOT / "examples" / "jintai_2023"]
TWINS = [ROOT / "examples" / "xianyang_2024_figures.yaml", ROOT / "examples" / "gaoping_2024_figures.yaml",
         ROOT / "examples" / "jintai_2023_figures"]


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
def test_examples_state_every_value_or_say_why(example):
    result = validate(example)
    for problem in result.unused:
        assert GENERIC not in problem.message, problem.format()
        assert problem.line > 0 and problem.file, problem.format()
    # only meta words that the office's own sentences replaced may be left out
    assert {p.path for p in result.unused} <= {"meta.short_name", "meta.leadership", "meta.speaker_title"}


@pytest.mark.parametrize("twin", TWINS, ids=lambda p: p.name)
def test_figures_only_twins_state_every_value(twin):
    """The default wordings that a figures-only file relies on print its meta words (驻高部队,
    在晋城市委……领导下): none is reported unused."""
    assert validate(twin).unused == []


def _value(annotation, rng: random.Random, path: str, depth: int):
    """A plausible value for a field of the model, chosen by its type."""
    origin = typing.get_origin(annotation)
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    if origin is typing.Annotated:
        return _value(args[0], rng, path, depth)
    if origin in (typing.Union, getattr(__import__("types"), "UnionType", None)):
        return _value(rng.choice(args), rng, path, depth)
    if origin is typing.Literal:
        return rng.choice([a for a in typing.get_args(annotation) if a not in ("", None)] or [""])
    if origin is list:
        return [_value(args[0], rng, f"{path}[{i}]", depth + 1) for i in range(rng.randint(1, 2))]
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return _model(annotation, rng, path, depth + 1)
    if annotation is bool:
        return rng.random() < 0.5
    if annotation is int:
        return rng.randint(1, 9)
    if annotation in (float, Decimal) or "Number" in str(annotation):
        return round(rng.uniform(1, 99), 1)
    if annotation is SaidText:  # a text fact with its department: {text: …, dept: …}
        return _model(Said, rng, path, depth + 1)
    if annotation is str or "Text" in str(annotation):
        return f"文字{rng.randint(100, 999)}"
    return None


def _model(cls, rng: random.Random, path: str, depth: int) -> dict:
    out = {}
    for name, info in cls.model_fields.items():
        if not info.is_required() and (depth > 6 or rng.random() < 0.3):
            continue  # leave some fields out, as offices do
        value = _value(info.annotation, rng, f"{path}.{name}", depth)
        if value is not None:
            out[name] = value
    return out


def _generated(seed: int) -> dict:
    rng = random.Random(seed)
    data = _model(Report, rng, "", 0)
    data["meta"] = {**data.get("meta", {}), "region": "示例市", "level": "市", "year": 2025}
    data["meta"].pop("date", None)
    return data


def test_generated_data_files_state_every_value_or_say_why(tmp_path: Path):
    valid = 0
    for seed in range(60):
        f = tmp_path / f"g{seed}.yaml"
        f.write_text(yaml.safe_dump(_generated(seed), allow_unicode=True), encoding="utf-8")
        try:
            report, loaded = load_with_positions(f)
        except DataErrors as e:
            # refused: validation says why, in Chinese, at a place in the file
            assert all(p.line > 0 for p in e.problems), e.lines()
            continue
        valid += 1
        doc = compose_report(report, seed=seed)
        for problem in unused_values(loaded, doc):
            assert GENERIC not in problem.message, (seed, problem.format())
    assert valid >= 10  # the generator makes mostly valid files; the property is not vacuous


def test_a_target_against_an_average_states_its_scope_and_says_why_its_number_is_not(tmp_path: Path):
    """「高于全省平均水平」: 全省 is drafted (validate called it unused); a margin given as its
    value is not, and validate says how to write it rather than the generic reason."""
    from tests.conftest import MINIMAL

    data = tmp_path / "d.yaml"
    data.write_text(MINIMAL.replace(
        "    - {name: 生产总值, value: 6, qualifier: 左右}",
        "    - {name: 生产总值, value: 1, unit: 个百分点, qualifier: 高于平均水平, scope: 全省}"), encoding="utf-8")
    report, loaded = load_with_positions(data)
    doc = compose_report(report)
    assert "生产总值增长高于全省平均水平" in plain(list(doc.runs()))
    problems = {p.path: p.message for p in unused_values(loaded, doc)}
    assert "targets.indicators[0].scope" not in problems
    assert "kind: level" in problems["targets.indicators[0].value"]
    assert "kind: level" in problems["targets.indicators[0].unit"]


def test_the_h100_shapes_state_every_value_unbent(tmp_path: Path):
    """H100's hunt (H107): a headline that states a check with 左右, a diff of 0, a rank with no
    value, an estimated actual and a falling benchmark: every value drafted, none bent."""
    from tests.conftest import MINIMAL

    checks = ("  checks:\n"
              "    - {name: 生产总值, kind: growth, value: 6, qualifier: 左右, actual: 5, actual_qualifier: 左右}\n"
              "    - {name: 固定资产投资, kind: growth, value: 8, actual: 9.1, actual_status: 预计}\n"
              "    - {name: 单位GDP能耗, kind: growth, qualifier: 不高于上年, actual: -2.1, benchmark: -1.8}\n")
    facts = ("        - {name: 外贸进出口, growth: 3, compare: [{scope: 全省, diff: 0}]}\n"
             "        - {name: 营商环境评价, rank: {scope: 全省, place: 2}}\n")
    text = MINIMAL.replace("    - {name: 生产总值, value: 2878, unit: 亿元, growth: 4.3}\n",
                           "    - {name: 地区生产总值, growth: 5, qualifier: 左右, status: 预计}\n", 1)
    text = text.replace("      facts:\n", "      facts:\n" + facts, 1).replace("review:\n", "review:\n" + checks, 1)
    data = tmp_path / "d.yaml"
    data.write_text(text, encoding="utf-8")
    report, loaded = load_with_positions(data)
    doc = compose_report(report)
    drafted = plain(list(doc.runs()))
    for said in ("增长5%左右，预期目标为6%左右", "外贸进出口增长3%、与全省持平", "营商环境评价居全省第二",  # not 第二位: 位 after digits only
                 "预计固定资产投资增长9.1%", "上年下降1.8%"):
        assert said in drafted
    for bent in ("0个百分点", "评价增速", "上年增长1.8%"):
        assert bent not in drafted
    assert [p.format() for p in unused_values(loaded, doc) if p.path.startswith("review")] == []
