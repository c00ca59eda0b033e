"""The shortcuts taken for speed (issue 13) give what the long way gives, on real inputs:
typography's one-scan test before its six passes, the unused-values check that builds each
path from its parent's, and template helpers that skip signature binding."""

from __future__ import annotations

import copy
import inspect
import random
import re
from pathlib import Path

import pytest
from lxml import etree

from drafter.compose import typography as T
from drafter.compose.sandbox import _arity
from drafter.datapath import format_path
from drafter.pipeline import _IN_PROPERTIES
from drafter.stages import compose_report, load_with_positions
from drafter.checks.unused import NOT_IN_TEXT, SETTINGS, unused_values
from drafter.style import default_profile
from drafter.writers import docx_writer
from drafter.writers.docx_writer import build_docx
from drafter.writers.docx_xml import iter_parts

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


def _six_passes(text: str) -> str:
    """normalize without its shortcut: every step, always."""
    text = text.translate(T._WIDE_TABLE).translate(T._SIMPLE)
    text = T._COMMA.sub("，", text)
    text = T._COLON.sub("：", text)
    text = T._ELLIPSIS.sub("……", text)
    text = T._DASH.sub("——", text)
    return T._quotes(text)


def test_normalize_shortcut_changes_nothing_for_any_character():
    for code in range(0x10000):
        if 0xD800 <= code <= 0xDFFF:
            continue
        ch = chr(code)
        for text in (ch, f"增长{ch}5", ch * 3, f"1{ch}2"):
            assert T.normalize(text) == _six_passes(text), (hex(code), text)


def test_normalize_shortcut_on_corpus_lines_and_examples():
    lines = []
    for path in sorted((ROOT / "style_corpus").glob("*.txt"))[:8]:
        lines += path.read_text(encoding="utf-8").splitlines()
    lines += (EXAMPLES / "xianyang_2024.yaml").read_text(encoding="utf-8").splitlines()
    skipped = 0
    for line in lines:
        assert T.normalize(line) == _six_passes(line)
        skipped += not T._TOUCHED.search(line)
    assert skipped > len(lines) // 10  # the shortcut is taken on real text, not only in theory


def _unused_the_long_way(loaded, doc) -> list[tuple]:
    """Every value's path formatted from the root, its value looked up from the root, and
    `used` holding every ref and every path above it (the check as first written)."""
    used: set[str] = set()
    for r in doc.runs():
        if r.source.kind in ("data", "placeholder", "derived"):
            used.add(r.source.ref.split("#", 1)[0])
    used.update(_IN_PROPERTIES)
    for ref in list(used):
        used.update(ref[: m.start()] for m in re.finditer(r"[.\[]", ref))
    out = []
    for path, pos in loaded.values.items():
        if not path or path[0] in SETTINGS:
            continue
        if next((p for p in reversed(path) if isinstance(p, str)), "") in NOT_IN_TEXT:
            continue
        value = loaded.data
        for step in path:
            value = value[step]
        if value is None or value == "" or isinstance(value, (dict, list)):
            continue
        shown = format_path(path)
        if shown not in used:
            out.append((pos.line, pos.column, shown))
    return out


@pytest.mark.parametrize("example", ["xianyang_2024.yaml", "gaoping_2024_figures.yaml", "jintai_2023"])
def test_unused_values_match_the_long_way_on_cut_down_drafts(example):
    """A folder (jintai_2023) merges files, so its values are not in one file's order."""
    report, loaded = load_with_positions(EXAMPLES / example)
    doc = compose_report(report)
    seen = 0
    for seed in range(4):
        cut = copy.deepcopy(doc)
        rnd = random.Random(seed)
        cut.parts = [p for p in cut.parts if rnd.random() < 0.5]  # drop parts: their values go unused
        fast = [(p.line, p.column, p.path) for p in unused_values(loaded, cut, _IN_PROPERTIES)]
        slow = _unused_the_long_way(loaded, cut)
        # slot and word fields (meta.leadership via …#上级领导) count as used in the real check only
        assert set(fast) <= set(slow)
        assert [x for x in slow if not x[2].startswith("meta.")] == [x for x in fast if not x[2].startswith("meta.")]
        seen += len(fast)
    assert seen > 100


def _helpers():
    def one(a): ...
    def defaults(a, b=1, c=2): ...
    def star(a, *rest): ...
    def keyword_only(a, *, k): ...
    def keyword_default(a, *, k=1): ...
    def positional_only(a, /, b): ...
    return one, defaults, star, keyword_only, keyword_default, positional_only


@pytest.mark.parametrize("fn", _helpers(), ids=lambda f: f.__name__)
def test_helper_arity_skips_binding_only_when_binding_succeeds(fn):
    sig = inspect.signature(fn)
    arity = _arity(sig)
    for n in range(6):
        args = tuple(range(n))
        try:
            sig.bind(*args)
            binds = True
        except TypeError:
            binds = False
        if arity is not None and arity[0] <= n <= arity[1]:
            assert binds, (fn.__name__, n)
    assert (arity is None) == (fn.__name__ == "keyword_only")


def _parts_xml(doc, profile) -> dict[str, str]:
    d = build_docx(doc, profile)
    return {p.partname: etree.tostring(p.element, encoding="unicode") for p in iter_parts(d.part.package)
            if "footer" in p.partname or "styles" in p.partname}


def test_styles_and_footers_kept_per_profile_are_those_built_afresh():
    """The writer keeps each profile's styles and footers as XML: a second draft, a profile
    changed in place and another profile each get exactly what a fresh build makes."""
    report, _ = load_with_positions(EXAMPLES / "xianyang_2024.yaml")
    doc = compose_report(report)
    changed = default_profile()
    changed.body.font = "楷体"
    changed.page_number.odd = "center"
    changed.page_number.format = "第{page}页"
    profiles = (default_profile(), changed, default_profile())
    fresh = []
    for profile in profiles:
        docx_writer._BUILT.clear()
        fresh.append(_parts_xml(doc, profile))
    results = [_parts_xml(doc, profile) for profile in profiles]  # one after another, kept XML
    assert results == fresh
    assert results[0] == results[2] != results[1]
    assert "楷体" in results[1]["/word/styles.xml"] and "第" in results[1]["/word/footer1.xml"]
    assert set(results[0]) == {"/word/styles.xml", "/word/footer1.xml", "/word/footer2.xml"}
