"""Fuzzing (hypothesis): whatever an office types, validate and draft end in a draft or a
clean Chinese error — never a traceback — and every .docx drafted opens in python-docx."""

from __future__ import annotations

import io
import random

import docx
from hypothesis import HealthCheck, given, settings, strategies as st

from drafter.compose import compose
from drafter.errors import DataErrors, DrafterError
from drafter.phrases.bank import Bank
from drafter.readers import validate_with_positions
from drafter.readers.yaml_data import load_yaml_text
from drafter.model import Report
from drafter.writers.docx_writer import write_docx
from tests.conftest import MINIMAL

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-10**6, 10**6), st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30), st.sampled_from(["6%", "２０２４", "no", "010", "1e3", "市", "【", "\x07", "{{ x }}", "—"]),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)),
    max_leaves=20,
)
KEYS = ["meta", "review", "targets", "key_tasks", "self_building", "closing", "structure", "glossary", "opening"]


def _draft(data) -> None:
    """Validate and, if valid, compose and write a .docx; only DrafterError may escape."""
    loaded = load_yaml_text(MINIMAL, "d.yaml")
    report = validate_with_positions(Report, data, loaded)
    doc = compose(report, bank=Bank([]))
    buf = io.BytesIO()
    write_docx(doc, buf)
    buf.seek(0)
    assert docx.Document(buf).paragraphs


def _has_chinese(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def _assert_chinese_error(e: DrafterError, file: str, field_named: bool = True) -> None:
    """Every line in Chinese; a data problem names the file and (for validation) the field."""
    assert e.lines() and all(_has_chinese(line) for line in e.lines()), e.lines()
    if isinstance(e, DataErrors):
        for p in e.problems:
            assert p.file == file and _has_chinese(p.message), p
            assert p.path or not field_named, p
            assert p.format().startswith(file), p.format()


@SETTINGS
@given(st.dictionaries(st.sampled_from(KEYS), values, max_size=5))
def test_random_documents_end_in_a_draft_or_a_chinese_error(data):
    try:
        _draft(data)
    except DrafterError as e:
        _assert_chinese_error(e, "d.yaml")


def _mutations(base: dict, rng: random.Random) -> dict:
    """The minimal data with a few values replaced by random scalars at random places."""
    import copy

    d = copy.deepcopy(base)
    for _ in range(rng.randint(1, 4)):
        node, key = d, None
        for _ in range(6):
            if isinstance(node, dict) and node:
                key = rng.choice(sorted(node, key=str))
                if isinstance(node[key], (dict, list)) and rng.random() < 0.7:
                    node = node[key]
                    continue
                node[key] = rng.choice([None, "", "x", 6, -1.5, "6%", [], {}, True, "\x0b", "2025-13-40"])
                break
            if isinstance(node, list) and node:
                i = rng.randrange(len(node))
                if isinstance(node[i], (dict, list)) and rng.random() < 0.7:
                    node = node[i]
                    continue
                node[i] = rng.choice([None, "", "y", 3, {"name": "z"}, [1]])
                break
    return d


@SETTINGS
@given(st.integers(0, 10**9))
def test_mutated_valid_data_ends_in_a_draft_or_a_chinese_error(seed):
    base = load_yaml_text(MINIMAL, "d.yaml").data
    try:
        _draft(_mutations(base, random.Random(seed)))
    except DrafterError as e:
        _assert_chinese_error(e, "d.yaml")


@SETTINGS
@given(st.text(max_size=300))
def test_random_yaml_text_never_crashes_the_reader(text):
    try:
        load_yaml_text(text, "x.yaml")
    except DrafterError as e:
        _assert_chinese_error(e, "x.yaml", field_named=False)  # a syntax error may be at the top
        assert all(p.line >= 1 for p in getattr(e, "problems", [])), e.lines()  # with its line


from collections import Counter  # noqa: E402

from drafter.parse import parse_lines  # noqa: E402
from drafter.writers.text import render_text  # noqa: E402
from tests.conftest import CORPUS  # noqa: E402

_REPORT_LINES = (CORPUS / "2024_咸阳市.txt").read_text(encoding="utf-8").splitlines()
_FRAGMENTS = ["一、", "（一）", "各位代表：", "——", "一是", "这一年，", "名词解释", "。", "2024年工作回顾", "加强政府自身建设"]


def _assert_no_text_lost(lines: list[str], doc) -> None:
    """Whatever the parser makes of the lines, every Chinese character is in the tree (headings,
    paragraphs, header): punctuation may be made full-width and lines joined, nothing dropped."""
    def cjk(s: str) -> Counter:
        return Counter(ch for ch in s if "\u4e00" <= ch <= "\u9fff")

    assert cjk("".join(lines)) == cjk(render_text(doc))


@SETTINGS
@given(st.lists(st.text(min_size=1, max_size=60), max_size=40))
def test_parser_survives_random_lines(lines):
    lines = [ln.strip() for ln in lines if ln.strip()]
    _assert_no_text_lost(lines, parse_lines(lines))


@SETTINGS
@given(st.integers(0, 10**9))
def test_parser_survives_mutated_reports(seed):
    rng = random.Random(seed)
    lines = list(_REPORT_LINES)
    for _ in range(rng.randint(1, 12)):
        op = rng.randrange(4)
        i = rng.randrange(len(lines))
        if op == 0:
            del lines[i]
        elif op == 1:
            lines.insert(i, rng.choice(_FRAGMENTS) + rng.choice(_REPORT_LINES)[: rng.randint(0, 40)])
        elif op == 2:
            lines[i], lines[-1 - i] = lines[-1 - i], lines[i]
        else:
            lines[i] = lines[i][: rng.randint(1, max(1, len(lines[i])))]
    lines = [ln for ln in lines if ln.strip()]
    doc = parse_lines(lines)
    assert all(p.type for p in doc.parts)
    _assert_no_text_lost(lines, doc)
