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


# -- compose: exact-type shortcuts (H31) ----------------------------------------------------------
import datetime as dt  # noqa: E402
from decimal import Decimal  # noqa: E402

from drafter.compose import aggregate as A  # noqa: E402
from drafter.compose import values as V  # noqa: E402
from drafter.compose.frames import Frame  # noqa: E402
from drafter.tree import Run, Source  # noqa: E402


def _wrap_the_long_way(value, path, title):
    p = format_path(path)
    if value is None:
        return V.Missing(p, title or p)
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        return V.DataStr(value, p)
    if isinstance(value, (int, float, Decimal)):
        return V.DataNum(value, p)
    if isinstance(value, dt.date):
        return value
    return V.Data(value, path)


def _same_view(a, b) -> bool:
    if type(a) is not type(b):
        return False
    if isinstance(a, V.Data):
        return V.model_of(a) is V.model_of(b) and V.path_of(a) == V.path_of(b)
    if isinstance(a, (V.DataStr, V.DataNum, V.Missing)):
        return str(a) == str(b) and a.path == b.path
    return a == b


def _every_value(obj, path=()):
    yield obj, path
    if isinstance(obj, list):
        for i, x in enumerate(obj):
            yield from _every_value(x, path + (i,))
    elif hasattr(type(obj), "model_fields"):
        for name in type(obj).model_fields:
            yield from _every_value(getattr(obj, name), path + (name,))


@pytest.mark.parametrize("example", ["xianyang_2024.yaml", "gaoping_2024_figures.yaml", "jintai_2023"])
def test_wrap_by_exact_type_equals_the_isinstance_chain(example):
    report, _ = load_with_positions(EXAMPLES / example)
    seen = set()
    for value, path in _every_value(report):
        seen.add(type(value).__name__)
        assert _same_view(V.wrap(value, path, "标题"), _wrap_the_long_way(value, path, "标题")), path
        if isinstance(value, list) or hasattr(type(value), "model_fields"):
            view = V.Data(value, path)
            want = (*type(value).model_fields, *V.DERIVED.get(type(value).__name__, ())) \
                if hasattr(type(value), "model_fields") else ()
            assert V.readable_fields(view) == want
    assert {"str", "list", "NoneType", "Figure", "Decimal"} <= seen  # real data reaches every branch


def test_wrap_keeps_bools_and_subclasses_of_str_apart():
    assert V.wrap(True, ("a",), "") is True
    assert V.wrap(False, ("a",), "") is False
    assert isinstance(V.wrap(V.DataStr("x", "q"), ("a",), ""), V.DataStr)
    assert V.wrap(V.DataStr("x", "q"), ("a",), "").path == "a"


def test_punctuation_test_by_set_equals_the_scan_per_character():
    texts = [line for path in sorted((ROOT / "style_corpus").glob("*.txt"))[:4]
             for line in path.read_text(encoding="utf-8").splitlines()]
    texts += ["", "承办中国茶业经济年会", "乡村建设扎实推进", "项目（二期）建成", "增长5%"]
    for t in texts:
        clause = A.Clause([Run(t, Source("data", "x"))], None, phrase=True)
        long_text = None if (A._DIGIT.search(t) or any(ch in A._PUNCT for ch in t) or A.is_topic(t)) else t
        assert A._text(clause) == long_text
        long_topic = (6 <= len(t) <= 14 and t[-4:] in A.TOPIC_PREDICATES and not A._DIGIT.search(t)
                      and not any(ch in A._PUNCT for ch in t))
        assert A.is_topic(t) == long_topic


@pytest.mark.parametrize("provinces", [frozenset(), frozenset({"陕西"}), frozenset({"广西", "山西", "陕西省"})])
@pytest.mark.parametrize("province", ["", "陕西省", "广西壮族自治区", "山东省"])
def test_frame_weight_by_startswith_tuple_equals_any(provinces, province):
    f = Frame("{指标}增长{百分比}", "n1", 5, 3, provinces, frozenset({"市"}))
    w = (1 + 3) * (1 + len(provinces))
    if province and any(province.startswith(p) for p in provinces):
        w *= 3
    assert f.weight(province, "市") == w * 3
    assert f.weight(province, "县") == w * 2


def _tidy_the_long_way(runs):
    out = []
    for given in runs:
        run = given
        if not run.text:
            continue
        if out:
            prev = out[-1]
            a, b = prev.text[-1], run.text[0]
            if T._ended(prev.text) and b in T._STOP + T._SOFT:
                run = Run(run.text[1:], run.source)
            elif a in T._SOFT and b in T._STOP + T._SOFT:
                if b in T._SOFT and T._office(prev) and not T._office(run):
                    run = Run(run.text[1:], run.source)
                else:
                    out[-1] = Run(prev.text[:-1], prev.source)
            elif a == b and a in T._JOINERS and T._office(prev) != T._office(run):
                if T._office(prev):
                    run = Run(run.text[1:], run.source)
                else:
                    out[-1] = Run(prev.text[:-1], prev.source)
            if not out[-1].text:
                out.pop()
            if not run.text:
                continue
        out.append(run)
    return out


def test_tidy_with_its_cheap_test_first_equals_the_long_way():
    rng = random.Random(31)
    pieces = ["。", "，", "；", "、", "：", "！", "为", "在", "。”", "”", "“增彩延绿”", "回升向好", "为加快推进", ""]
    kinds = ["data", "template", "placeholder", "phrase"]
    for _ in range(3000):
        runs = [Run("".join(rng.choice(pieces) for _ in range(rng.randint(0, 3))), Source(rng.choice(kinds), "x"))
                for _ in range(rng.randint(1, 6))]
        assert T.tidy(copy.deepcopy(runs)) == _tidy_the_long_way(copy.deepcopy(runs))


def _draft_text_and_sources(report, seed: int) -> list[tuple[str, str, str]]:
    doc = compose_report(report, seed=seed)
    return [(r.text, r.source.kind, r.source.ref) for r in doc.runs()]


@pytest.mark.parametrize("example", sorted(p.name for p in EXAMPLES.iterdir() if p.name != "README.md"))
def test_views_kept_per_field_draw_what_fresh_views_draw(example, monkeypatch):
    """A data view keeps each field's and item's view after its first read (Data._view /
    _item); reading afresh every time (as before) gives the same runs, sources and all."""
    from drafter.compose import values as V

    report = load_with_positions(EXAMPLES / example)[0]
    kept = {seed: _draft_text_and_sources(report, seed) for seed in (0, 3)}
    view, item = V.Data._view, V.Data._item

    def fresh_view(self, name):
        self._read.clear()
        return view(self, name)

    def fresh_item(self, i):
        self._read.clear()
        return item(self, i)

    monkeypatch.setattr(V.Data, "_view", fresh_view)
    monkeypatch.setattr(V.Data, "_item", fresh_item)
    assert all(kept[seed] == _draft_text_and_sources(report, seed) for seed in (0, 3))


def test_a_view_reads_each_field_once():
    from drafter.compose.values import NOT_READABLE, Data, DataStr

    report = load_with_positions(EXAMPLES / "xianyang_2024.yaml")[0]
    r = Data(report)
    assert r.meta is r.meta and r["meta"] is r.meta  # attribute and item reads share the view
    areas = r.key_tasks.areas
    assert list(areas)[1] is areas[1] and areas[-1] is not None  # a negative index still reads
    assert isinstance(r.meta.region, DataStr) and r.meta.region.path == "meta.region"
    assert r._view("no_such_field") is NOT_READABLE and r._view("model_fields") is NOT_READABLE
    with pytest.raises(AttributeError):
        _ = r.no_such_field


# -- the writer: a plain draft's members kept per profile (H58) ---------------------------------
import io  # noqa: E402

from drafter.writers import docx_package  # noqa: E402
from drafter.writers.docx_xml import save_package  # noqa: E402

SIX = ["xianyang_2024.yaml", "xianyang_2024_figures.yaml", "gaoping_2024.yaml",
       "gaoping_2024_figures.yaml", "jintai_2023", "jintai_2023_figures"]


def _long_way(doc, profile) -> bytes:
    """The whole package built by python-docx and saved from it, as every draft once was."""
    out = io.BytesIO()
    save_package(build_docx(doc, profile).part.package, out)
    return out.getvalue()


def _kept_way(doc, profile) -> bytes:
    out = io.BytesIO()
    docx_writer.write_docx(doc, out, profile)
    return out.getvalue()


@pytest.mark.parametrize("example", SIX)
def test_kept_members_give_the_long_ways_bytes(example, monkeypatch):
    report, _ = load_with_positions(EXAMPLES / example)
    changed = default_profile()
    changed.body.font = "楷体"
    changed.page_number.enabled = False
    for seed, profile, epoch in ((0, None, None), (1, changed, "1700000000"), (2, None, "1700000000")):
        if epoch:
            monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
        else:
            monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
        doc = compose_report(report, seed=seed)
        docx_package._KEPT.clear()
        first = _kept_way(doc, profile)  # builds the kept members
        again = _kept_way(doc, profile)  # from them
        assert first == again == _long_way(doc, profile), (example, seed)


def test_kept_members_follow_the_language_and_the_properties():
    """Only document.xml and core.xml differ between two drafts on one profile; the kept parts
    are per language (settings and styles name it)."""
    import zipfile

    report, _ = load_with_positions(EXAMPLES / "gaoping_2024.yaml")
    a = compose_report(report)
    b = compose_report(report, seed=1)
    b.properties.title = "另一个标题"
    b.properties.language = "zh-TW"
    for doc in (a, b, a):
        assert _kept_way(doc, None) == _long_way(doc, None)
    members = [zipfile.ZipFile(io.BytesIO(_kept_way(d, None))) for d in (a, b)]
    differ = {n for n in members[0].namelist() if members[0].read(n) != members[1].read(n)}
    assert differ == {"word/document.xml", "docProps/core.xml", "word/settings.xml", "word/styles.xml"}


# -- the writer: the body as XML text (H58) -----------------------------------------------------
from drafter.writers import body_xml  # noqa: E402
from drafter.writers.docx_xml import W_NS, xml_safe  # noqa: E402


def test_text_is_escaped_as_lxml_escapes_it_for_every_character():
    for start in range(0, 0x10000, 0x800):
        text = xml_safe("".join(chr(c) for c in range(start, start + 0x800)))
        el = etree.Element("t")
        el.text = text
        want = etree.tostring(el, encoding="unicode").removeprefix("<t>").removesuffix("</t>")
        assert body_xml.escape_text(text) == want, hex(start)


def _body_by_elements(doc, lay) -> bytes:
    body = etree.Element(f"{{{W_NS}}}body", nsmap={"w": W_NS})
    docx_writer._BodyWriter(lay).write(doc, body)
    return etree.tostring(body, encoding="UTF-8")


def _body_as_text(doc, lay) -> bytes:
    return f'<w:body xmlns:w="{W_NS}">'.encode() + body_xml.BodyText(lay).text(doc).encode() + b"</w:body>"


@pytest.mark.parametrize("example", SIX)
def test_body_as_text_is_the_element_writers(example):
    """Both profiles: the default, and one with a Latin font, an ampersand in a font name, no
    highlights and lead and inline headings in the body's look (so their runs merge)."""
    report, _ = load_with_positions(EXAMPLES / example)
    other = default_profile()
    other.latin_font = "Times New Roman"
    other.body.font = "仿宋&楷"
    other.placeholder_highlight = "none"
    other.lead.bold = other.body.bold
    other.lead.font = None
    for seed in range(3):
        doc = compose_report(report, seed=seed)
        if seed == 2:  # text the data never has: markup characters, spaces at the ends, a CR
            doc.parts[0].paragraphs()[0].runs.append(Run(" a<b>&c\r\n\t\"d' ", Source("data", "x")))
        for profile in (default_profile(), other):
            lay = docx_writer._Layout(profile, doc.properties.language)
            assert _body_as_text(doc, lay) == _body_by_elements(doc, lay), (example, seed)


# -- the unused-values check: stated paths without their parents (H58) ---------------------------
from drafter.checks.unused import _Used  # noqa: E402


def _used_the_long_way(doc) -> set[str]:
    """Every stated path and every path above it, plus the fields a slot or word list names."""
    used = _Used(doc, _IN_PROPERTIES)
    closed = set(used.named)
    for path in used.paths:
        closed.update(path[: m.start()] for m in re.finditer(r"[.\[]", path))
        closed.add(path)
    return closed


@pytest.mark.parametrize("example", SIX)
def test_stated_or_inside_is_the_closure_over_parents(example):
    report, loaded = load_with_positions(EXAMPLES / example)
    doc = compose_report(report)
    used = _Used(doc, _IN_PROPERTIES)
    closed = _used_the_long_way(doc)
    # every value of the data, every stated path and each path above one, and near misses
    asked = {format_path(p) for p in loaded.values} | closed
    asked |= {p + "x" for p in list(asked)} | {p[:-1] for p in list(asked) if p}
    for shown in asked:
        assert (used.stated(shown) or used.inside(shown)) == (shown in closed), shown
    assert sum(used.inside(p) and not used.stated(p) for p in asked) > 100  # containers


# -- the reader: positions made only when asked for (H58) -----------------------------------------
import yaml  # noqa: E402

from drafter.readers.yaml_data import Pos, load_data  # noqa: E402


def _positions_the_long_way(path: Path) -> tuple[dict, dict]:
    """Every value's and key's Pos, made from the composed nodes one by one."""
    values: dict = {}
    keys: dict = {}

    def walk(node, at):
        if isinstance(node, yaml.MappingNode):
            for k, v in node.value:
                keys[at + (k.value,)] = (k.start_mark.line + 1, k.start_mark.column + 1)
                values[at + (k.value,)] = (v.start_mark.line + 1, v.start_mark.column + 1)
                walk(v, at + (k.value,))
        elif isinstance(node, yaml.SequenceNode):
            for i, item in enumerate(node.value):
                values[at + (i,)] = (item.start_mark.line + 1, item.start_mark.column + 1)
                walk(item, at + (i,))

    walk(yaml.compose(path.read_text(encoding="utf-8")), ())
    return values, keys


@pytest.mark.parametrize("example", [e for e in SIX if e.endswith(".yaml")])
def test_positions_asked_one_by_one_or_all_at_once_are_the_nodes(example):
    values, keys = _positions_the_long_way(EXAMPLES / example)
    one_by_one = load_data(EXAMPLES / example)
    assert list(one_by_one.value_paths()) == list(values)
    for path, (line, column) in values.items():
        pos = one_by_one.value_at(path)
        assert isinstance(pos, Pos) and (pos.line, pos.column) == (line, column), path
    for path, (line, column) in list(keys.items())[::7]:
        assert one_by_one.where(path) == one_by_one.value_at(path)
        assert (one_by_one.key_at(path).line, one_by_one.key_at(path).column) == (line, column)
    at_once = load_data(EXAMPLES / example)
    at_once.value_at(next(iter(values)))  # one made first, the rest with the whole table
    assert {p: (x.line, x.column) for p, x in at_once.values.items()} == values
    assert {p: (x.line, x.column) for p, x in at_once.keys.items()} == keys
    assert all(type(x) is Pos and x.file == at_once.files[0] for x in at_once.values.values())
    assert at_once.values == one_by_one.values


@pytest.mark.parametrize("folder", ["jintai_2023", "jintai_2023_figures"])
def test_a_folders_positions_asked_one_by_one_are_its_tables(folder):
    loaded = load_data(EXAMPLES / folder)
    asked = {p: loaded.value_at(p) for p in loaded.value_paths()}
    assert asked == load_data(EXAMPLES / folder).values and len({x.file for x in asked.values()}) > 1
