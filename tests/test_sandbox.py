"""Templates are untrusted input (issue 9 §1, §5, §6): an office's `--templates` folder may
come from anywhere. Every known Jinja2 sandbox escape, every limit-breaker and every fault
ends in a Chinese DrafterError naming the template file, with no draft and no side effect."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest
from jinja2.exceptions import SecurityError, UndefinedError
from jinja2.runtime import Namespace, Undefined

from drafter.compose import compose, context, make_environment
from drafter.compose.builder import Builder
from drafter.compose.sandbox import (
    DICT_METHODS,
    LIST_METHODS,
    STR_METHODS,
    Helper,
    _BoundedFormat,
    bounded_range,
)
from drafter.compose.values import Data, model_of
from drafter.errors import DrafterError
from drafter.model import Report
from drafter.phrases.bank import Bank, Entry
from drafter.writers.text import render_text

from conftest import EXAMPLES, MINIMAL

# `id > PWNED` as a pickle: what `parse_raw(..., proto="pickle", allow_pickle=True)` ran.
PICKLE = "cos\\nsystem\\n(S'id > PWNED'\\ntR."

# Known escapes, each an expression a template might evaluate.
ESCAPES = [
    "''.__class__.__mro__[1].__subclasses__()",
    "cycler.__init__.__globals__.os.popen('id > PWNED')",
    "self._TemplateReference__context",
    "self.__init__.__globals__",
    "lipsum.__globals__['os'].popen('id > PWNED').read()",
    "joiner.__init__.__globals__",
    "namespace.__init__.__globals__",
    "namespace().__class__.__mro__",
    "range.__class__.__subclasses__()",
    "range(3).__class__",
    "''.format_map({})",
    "'{0.__class__}'.format(r)",
    "'{0.meta.__class__.__init__.__globals__}'.format(r)",
    "'{0.meta.parse_raw}'.format(r)",
    "config.items()",
    "request.environ",
    "r|attr('__class__')",
    "r.meta|attr('parse_raw')",
    f"r.obj.meta.parse_raw(\"{PICKLE}\", proto='pickle', allow_pickle=True)",
    f"r.meta.parse_raw(\"{PICKLE}\", proto='pickle', allow_pickle=True)",
    "r.meta.model_validate_json('{}')",
    "r.meta.parse_file('/etc/passwd')",
    "r.meta.model_copy()",
    "r.meta.model_dump()",
    "r.meta.__dict__",
    "r._obj",
    "r['_obj']",
    "r.meta.region.__class__",
    "r.meta.region.path.__class__",
    "r.meta.region.format_map({})",
    "r.meta.region.encode('utf-8')",
    "r.review.headline[0].value.value.__class__",
    "r.review.headline.__iter__",
    "r.meta.date.today()",
    "r.meta.date.replace(year=1)",
    "[r.meta]|map(attribute='__class__')|list",
    "[r.meta]|selectattr('parse_raw')|list",
    "range(3)|map('attr', '__class__')|list",
    "phrase.__call__",
    "phrase._fn.__globals__",
    "figure.__globals__",
    "choose.__self__",
    "headings.__class__",
    "w.__class__.__init__",
    "''.join.__self__",
    "[].append(1)",
    "{}.update({})",
    "{}.pop('a', 1)",
    "dict(a=1)",
    "r.meta|string",
    "r.meta|pprint",
    "r.meta|tojson",
    "'x'|center(10)",
]

LOOP_ESCAPES = [
    "{% for x in r.review.headline %}{{ loop.__class__ }}{% endfor %}",
    "{% for x in r.review.headline %}{{ loop._iterator }}{% endfor %}",
    "{% macro m() %}{% endmacro %}{{ m._func.__globals__ }}",
    "{% macro m() %}{% endmacro %}{{ m.__call__ }}",
    "{% import '_self_building.j2' as sb %}{{ sb.__class__ }}",
    "{% set ns = namespace() %}{{ ns._Namespace__attrs }}",
]


@pytest.fixture
def data(tmp_path) -> Path:
    p = tmp_path / "m.yaml"
    p.write_text(MINIMAL, encoding="utf-8")
    return p


def _closing(folder: Path, body: str, raw: bool = False) -> None:
    folder.mkdir(exist_ok=True)
    text = body if raw else "{% part 'closing' %}{% para %}各位代表！" + body + "{% endpara %}{% endpart %}"
    (folder / "closing.j2").write_text(text, encoding="utf-8")


def _draft_refused(tmp_path: Path, data: Path, run_cli, monkeypatch) -> str:
    """Draft with the templates in tmp_path/T: refused, Chinese, naming closing.j2, nothing left."""
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "o.docx"
    code, _, err = run_cli("draft", data, "-o", out, "--templates", tmp_path / "T")
    assert code == 2, err
    assert "Traceback" not in err and re.search(r"[\u4e00-\u9fff]", err), err
    assert "closing.j2" in err, err
    assert not out.exists() and not list(tmp_path.glob(".*.part"))
    assert not (tmp_path / "PWNED").exists()
    return err


@pytest.mark.parametrize("expr", ESCAPES)
def test_known_escapes_are_refused(expr, tmp_path, data, run_cli, monkeypatch):
    _closing(tmp_path / "T", "{{ " + expr + " }}")
    _draft_refused(tmp_path, data, run_cli, monkeypatch)


@pytest.mark.parametrize("expr", ESCAPES)
def test_known_escapes_are_refused_inside_set(expr, tmp_path, data, run_cli, monkeypatch):
    """`{% set x = … %}` prints nothing: a silent success here once meant `id` had run."""
    _closing(tmp_path / "T", "{% set x = " + expr + " %}")
    _draft_refused(tmp_path, data, run_cli, monkeypatch)


@pytest.mark.parametrize("body", LOOP_ESCAPES)
def test_escapes_through_loop_macro_module_and_namespace(body, tmp_path, data, run_cli, monkeypatch):
    _closing(tmp_path / "T", body)
    _draft_refused(tmp_path, data, run_cli, monkeypatch)


def test_the_reported_pickle_payload_runs_nothing(tmp_path, data, run_cli, monkeypatch):
    _closing(tmp_path / "T", "{{ r.obj.meta.parse_raw(\"" + PICKLE + "\", proto='pickle', allow_pickle=True) }}")
    err = _draft_refused(tmp_path, data, run_cli, monkeypatch)
    assert "没有字段 obj" in err


# -- what a template can reach -------------------------------------------------------------------
def _report() -> Report:
    from drafter.api import load

    return load(EXAMPLES / "xianyang_2024.yaml")


def _env_and_context():
    env = make_environment()
    env.drafter_builder = Builder()
    ctx = context(_report(), 0)
    return env, ctx, env.from_string("").new_context(ctx)


def _walk(env, roots, depth=9):
    """Every object a template reaches from `roots` through the sandbox (attributes by name, as
    `x.name`, and items, as `x[i]`), with the attribute names it was refused."""
    reached, refused = [], []
    todo = [(name, value, 0) for name, value in roots]
    while todo:
        path, obj, d = todo.pop()
        reached.append((path, obj))
        if callable(obj) or d >= depth:
            continue
        children = []
        if isinstance(obj, dict):
            children += [(f"{path}[{k!r}]", v) for k, v in obj.items()]
        elif isinstance(obj, (list, tuple)) or (isinstance(obj, Data) and isinstance(model_of(obj), list)):
            children += [(f"{path}[{i}]", v) for i, v in enumerate(list(obj)[:3])]
        names = set(dir(obj)) | set(getattr(type(model_of(obj)), "model_fields", {}))
        for name in sorted(names):
            try:
                value = env.getattr(obj, name)
            except (SecurityError, UndefinedError):
                refused.append((path, obj, name))
                continue
            if isinstance(value, Undefined):
                refused.append((path, obj, name))
                continue
            children.append((f"{path}.{name}", value))
        if not isinstance(obj, str):  # text: its methods are checked, not walked again
            todo += [(p, v, d + 1) for p, v in children]
        else:
            reached += children
    return reached, refused


HELPERS = {
    "figure", "facts", "headline", "target", "targets", "checks", "joined", "enumerated", "cn",
    "count", "choose", "hole", "phrase", "suggest", "derived",
}


def _allowed_callable(obj) -> bool:
    if isinstance(obj, Helper):
        return obj._name in HELPERS  # noqa: SLF001
    if isinstance(obj, _BoundedFormat):
        return True
    owner, name = getattr(obj, "__self__", None), getattr(obj, "__name__", "")
    return (
        (isinstance(owner, str) and name in STR_METHODS)
        or (isinstance(owner, dict) and name in DICT_METHODS)
        or (isinstance(owner, (list, tuple)) and name in LIST_METHODS)
    )


def test_no_callable_reachable_from_a_template_but_the_intended_ones():
    env, ctx, _ = _env_and_context()
    samples = [("phrase()", ctx["phrase"]("review.problems_intro")), ("facts()", ctx["facts"](ctx["r"].review.problems))]
    reached, _ = _walk(env, [*ctx.items(), *samples])
    assert len(reached) > 2000  # the walk went deep into the data
    bad = [(p, type(v).__name__) for p, v in reached if callable(v) and not _allowed_callable(v)]
    assert not bad
    helpers = {v._name for _, v in reached if isinstance(v, Helper)}  # noqa: SLF001
    assert HELPERS - {"figure", "target"} <= helpers <= HELPERS
    assert set(env.globals) == {"range", "namespace"}
    assert env.globals["range"] is bounded_range and env.globals["namespace"] is Namespace


def test_every_dunder_and_method_of_a_reachable_object_is_refused():
    env, ctx, jctx = _env_and_context()
    reached, _ = _walk(env, list(ctx.items()))
    seen: set[type] = set()
    for _path, obj in reached:
        if type(obj) in seen and not isinstance(obj, Data):
            continue
        seen.add(type(obj))
        for name in dir(obj):
            raw = getattr(obj, name, None)
            if not (name.startswith("_") or callable(raw)):
                continue
            if _allowed_callable(raw) or (isinstance(obj, Data) and name in ("path",)):
                continue
            with pytest.raises((SecurityError, UndefinedError)):
                value = env.getattr(obj, name)
                if isinstance(value, Undefined):
                    raise UndefinedError(name)
            if callable(raw) and not isinstance(raw, type):
                with pytest.raises(SecurityError):
                    env.call(jctx, raw)


def test_data_views_expose_fields_and_no_model():
    r = Data(_report())
    assert not hasattr(r, "obj")
    assert r.meta.region == "咸阳市" and r.meta.region.path == "meta.region"
    assert int(r.review_year) == 2023  # the one derived value on the allow-list
    with pytest.raises(AttributeError):
        r.meta.parse_raw  # noqa: B018
    with pytest.raises(AttributeError):
        r.model_copy  # noqa: B018


# -- limits --------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "body, says",
    [
        ("{{ range(10**9)|length }}", "range()"),
        ("{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}", "range()"),
        ("{% for i in range(10000) %}{% for j in range(10000) %}{% endfor %}{% endfor %}", "循环超过"),
        ("{{ 'a'*10**9 }}", "字符串长度"),
        ("{{ [1]*10**9 }}", "列表长度"),
        ("{% set ns = namespace(s='ab') %}{% for i in range(40) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}", "字符串长度"),
        ("{% set ns = namespace(s='ab') %}{% for i in range(40) %}{% set ns.s = ns.s + ns.s %}{% endfor %}", "字符串长度"),
        ("{{ ('a'*1000)|replace('a', 'b'*10000) }}{{ ('a'*1000).replace('a', 'b'*10000) }}", "字符串长度"),
        ("{{ range(10000)|join('x'*1000) }}", "字符串长度"),
        ("{{ '%0999999999d' % 1 }}", "宽度"),
        ("{{ '%0999999999d'|format(1) }}", "宽度"),
        ("{{ '{:>999999999}'.format(1) }}", "宽度"),
        ("{{ 2**(10**9) }}{{ (10**1000)*(10**1000) }}", "整数"),
        ("{% for i in range(10000) %}{{ 'a'*999999 }}{% endfor %}", "输出超过"),
        pytest.param("{% for i in range(10000) %}" + "长文" * 400 + "{% endfor %}", "输出超过", id="literal-text"),
        ("{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}", "嵌套超过"),
        ("{% macro f(n) %}{% if n %}{{ f(n-1) }}{{ f(n-1) }}{% endif %}{% endmacro %}{{ f(40) }}", "调用函数或宏超过 200,000"),
        ("{% for c in 'ab' recursive %}{{ loop('ab') }}{% endfor %}", "嵌套超过"),
    ],
)
def test_loops_sizes_and_recursion_are_capped(body, says, tmp_path, data, run_cli, monkeypatch):
    _closing(tmp_path / "T", body)
    err = _draft_refused(tmp_path, data, run_cli, monkeypatch)
    assert says in err


@pytest.mark.parametrize(
    "body",
    [
        "{% include 'closing.j2' %}",
        "{% import 'closing.j2' as again %}",
        "{% extends 'closing.j2' %}",
    ],
)
def test_a_template_using_itself_is_a_chinese_error(body, tmp_path, data, run_cli, monkeypatch):
    _closing(tmp_path / "T", body, raw=True)
    err = _draft_refused(tmp_path, data, run_cli, monkeypatch)
    assert "递归过深" in err


def _minimal() -> Report:
    import yaml

    return Report.model_validate(yaml.safe_load(MINIMAL))


# -- internal markers, files, faults -----------------------------------------------------------------
def _compose(folder: Path | None = None, report: Report | None = None, **kw):
    report = report or _minimal()
    return compose(report, templates=folder, **kw)


@pytest.mark.parametrize("typed", ["\ue0009999\ue001", "\ue0000\ue001", "\ue002\ue0001\ue001\ue002"])
def test_marker_characters_typed_in_a_template_are_text(typed, tmp_path):
    _closing(tmp_path, "{{ r.meta.region }}" + typed + "{{ r.meta.region }}")
    text = render_text(_compose(tmp_path))
    assert f"各位代表！咸阳市{typed}咸阳市" in text


def test_macro_and_block_output_keeps_its_values(tmp_path):
    """A macro's output holds markers for its values: printed, they are split, never leaked."""
    _closing(tmp_path, "{% macro m(x) %}前{{ x }}后{% endmacro %}{{ m(r.meta.region) }}。"
             "{% set b %}{{ r.meta.region }}尾{% endset %}{{ b }}{{ b }}。")
    doc = _compose(tmp_path)
    text = render_text(doc)
    assert "各位代表！前咸阳市后。咸阳市尾咸阳市尾。" in text and "\ue000" not in text
    refs = [r.source.ref for r in doc.runs() if r.text == "咸阳市" and r.source.kind == "data"]
    assert refs.count("meta.region") >= 3


def test_constant_output_survives_the_compiled_template_cache(tmp_path, monkeypatch):
    """Constant `{{ "甲" }}` was folded through finalize at compile time, baking a marker for one
    draft into the cached bytecode of all later ones."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    _closing(tmp_path / "T", "{{ '甲' }}{{ r.meta.region }}{{ '乙' }}")
    texts = [render_text(_compose(tmp_path / "T")) for _ in range(2)]
    assert texts[0] == texts[1] and "各位代表！甲咸阳市乙" in texts[0]
    assert list((tmp_path / "cache" / "drafter" / "jinja").glob("__drafter_*"))


def test_gbk_template_is_a_chinese_error_with_file_and_line(tmp_path, data, run_cli, monkeypatch):
    (tmp_path / "T").mkdir()
    text = "{% part 'closing' %}{% para %}\n各位代表！\n{% endpara %}{% endpart %}\n"
    (tmp_path / "T" / "closing.j2").write_bytes(text.encode("gbk"))
    err = _draft_refused(tmp_path, data, run_cli, monkeypatch)
    assert "第 2 行不是 UTF-8 编码" in err and "GBK" in err


@pytest.mark.parametrize("kind", ["fifo", "outside", "loop", "control"])
def test_template_files_that_are_not_plain_text_are_refused(kind, tmp_path, data, run_cli, monkeypatch):
    import os

    folder = tmp_path / "T"
    folder.mkdir()
    target = folder / "closing.j2"
    if kind == "fifo":
        os.mkfifo(target)
    elif kind == "outside":
        secret = tmp_path / "secret.txt"
        secret.write_text("{% part 'closing' %}{% para %}密钥{% endpara %}{% endpart %}", encoding="utf-8")
        target.symlink_to(secret)
    elif kind == "loop":
        target.symlink_to(target)
    else:
        target.write_text("{% part 'closing' %}{% para %}a\x00b{% endpara %}{% endpart %}", encoding="utf-8")
    _draft_refused(tmp_path, data, run_cli, monkeypatch)


def test_a_fault_in_a_macro_names_the_macro_file_not_the_part(tmp_path):
    (tmp_path / "_self_building.j2").write_text(
        "{% macro self_building_body(sb) %}\n{% para %}{{ 1 / 0 }}{% endpara %}\n{% endmacro %}\n", encoding="utf-8"
    )
    with pytest.raises(DrafterError) as e:
        _compose(tmp_path)
    assert "_self_building.j2:2" in e.value.message and "ZeroDivisionError" in e.value.message
    assert re.search(r"(?<!_)self_building\.j2|key_tasks\.j2", e.value.message) is None


def test_a_faulty_phrase_bank_is_blamed_not_the_template():
    """「模板 opening.j2 出错」 was said for a bank entry the picker could not use."""
    bad = Entry(id="bad", kind="formula", part="opening", text="现在，我代表{本级政府}报告工作", slot="opening.report",
                count="很多")  # type: ignore[arg-type]
    with pytest.raises(DrafterError) as e:
        _compose(bank=Bank([bad, bad]))
    message = e.value.message
    assert message.startswith("短语库 有误") and "opening.j2:" in message and "用到它" in message
    assert "opening.j2 出错" not in message


def test_a_number_that_cannot_be_written_is_blamed_on_the_data():
    report = _minimal()
    report.review.headline[0].value = 10**5000
    with pytest.raises(DrafterError) as e:
        _compose(report=report, bank=Bank([]))
    assert e.value.message.startswith("数据 review.headline[0]"), e.value.message
    assert "review.j2" in e.value.message


def test_printing_a_huge_data_number_names_its_path(tmp_path):
    report = _minimal()
    report.review.headline[0].value = Decimal("1E+999999")
    _closing(tmp_path, "{{ r.review.headline[0].value }}")
    (tmp_path / "review.j2").write_text("", encoding="utf-8")
    with pytest.raises(DrafterError) as e:
        _compose(tmp_path, report=report)
    assert e.value.message.startswith("数据 review.headline[0].value") and "closing.j2:1" in e.value.message


@pytest.mark.parametrize(
    "body, says",
    [
        ("{{ figure('生产总值') }}", "figure() 的参数应为数据中的一项指标"),
        ("{{ headline(r.meta) }}", "headline() 的参数应为一个列表"),
        ("{{ cn(10**6) }}", "cn() 的参数应为 0–9999 的整数"),
        ("{{ phrase() }}", "phrase() 的参数不对"),
        ("{{ r.meta.nothing }}", "数据 meta 没有字段 nothing"),
        ("{{ nothing }}", "未定义的名称 nothing"),
        ("{{ r.meta }}", "数据对象"),
        ("{{ 1 / 0 }}", "ZeroDivisionError"),
        ("{{ x|attr('y') }}", "没有过滤器 attr"),
    ],
)
def test_template_faults_name_the_template_line(body, says, tmp_path):
    _closing(tmp_path, "\n" + body)
    with pytest.raises(DrafterError) as e:
        _compose(tmp_path)
    assert says in e.value.message and "closing.j2:2" in e.value.message, e.value.message


def test_helpers_still_give_runs_with_their_sources(tmp_path):
    _closing(tmp_path, "{{ joined(r.review.headline|map(attribute='name')|list) }}，{{ cn(3) }}，"
             "{{ '{}年'.format(r.meta.year) }}，{{ r.meta.region.replace('市', '') }}")
    text = render_text(_compose(tmp_path))
    assert "各位代表！生产总值，三，2024年，咸阳" in text


@pytest.mark.parametrize("body, said", [
    ('{% part "closing" %}{% para %}{{ x }{% endpara %}{% endpart %}', "此处不应出现“}”"),
    ('{% part "closing" %}{% foo %}{% endpart %}', "不认识的标签“foo”；此处应为 endpart；尚未结束的是 part 标签"),
    ('{% part "closing" %}{% if 1 %}', "模板意外结束；此处应为 elif 或 else 或 endif；尚未结束的是 if 标签"),
    ("{{ a b }}", "此处应为“}}”，却是“b”"),
    ("{% for %}", "此处缺少表达式，却是“%}”"),
])
def test_jinja_syntax_errors_are_said_in_chinese(tmp_path, run_cli, body, said):
    folder = tmp_path / "T"
    folder.mkdir()
    (folder / "closing.j2").write_text(body + "\n", encoding="utf-8")
    code, _, err = run_cli("draft", EXAMPLES / "xianyang_2024.yaml", "-o", tmp_path / "o.docx",
                           "--templates", folder)
    assert code == 2 and said in err and "closing.j2:1" in err, err
    assert not (tmp_path / "o.docx").exists()
