"""The sandbox every template runs in, ours and the office's (`--templates DIR`).

Offices share template folders, so a template is untrusted input. Jinja2's SandboxedEnvironment
only blocks `_`-prefixed attributes; a public method of anything a template can reach (a
pydantic model's `parse_raw(..., allow_pickle=True)`) used to run code. Here everything is an
allow-list:

- attributes: data fields of our read-only views (values.Data …), a few read-only methods of
  str / list / dict, the attributes of `loop`, namespace items, imported macros;
- calls: our context helpers (wrapped in Helper), macros, `loop`, the structure tags, the
  allowed str / list / dict methods, `range` (bounded) and `namespace`;
- filters: a short list of pure ones; string-building operations (`*`, `+`, `~`, `%`, join,
  replace, format) are size-checked before they run;
- loops, calls, macro nesting and the total output are counted (limits in drafter.limits).

Every refusal is a Chinese error; compose() adds the template file and line.
"""

from __future__ import annotations

import datetime as dt
import functools
import inspect
import os
import re
import types
from collections.abc import Callable, Iterable, Iterator
from decimal import Decimal
from pathlib import Path
from string import Formatter
from typing import Any

from _string import formatter_field_name_split  # the parser str.format itself uses

from jinja2 import FileSystemLoader, StrictUndefined, TemplateNotFound, TemplateSyntaxError, nodes, pass_context, pass_eval_context
from jinja2.environment import TemplateModule
from jinja2.exceptions import TemplateError, UndefinedError
from jinja2.filters import do_join, make_attrgetter
from jinja2.loaders import split_template_path
from jinja2.runtime import BlockReference, LoopContext, Macro, Namespace, Undefined
from jinja2.sandbox import SandboxedEnvironment, SecurityError
from jinja2.utils import missing
from jinja2.visitor import NodeTransformer
from pydantic import BaseModel

from .. import limits
from ..errors import DrafterError, display_path
from ..model import Figure, Target
from ..resources import templates_dir
from .builder import Literal, StructureExtension, TemplateLimitError, TemplateStructureError
from .values import (NOT_READABLE, Data, DataNum, DataStr, HelperFault, Missing, Runs, TemplateMisuse, model_of,
                     number_text, readable_fields)

# Read-only methods templates may call on text, lists and mappings. `format` is wrapped (see
# _BoundedFormat); `replace` and `join` are size-checked before they run.
STR_METHODS = frozenset(
    {"strip", "lstrip", "rstrip", "startswith", "endswith", "replace", "split", "rsplit", "join",
     "format", "count", "find", "upper", "lower"}
)
LIST_METHODS = frozenset({"index", "count"})
DICT_METHODS = frozenset({"items", "keys", "values", "get"})
LOOP_ATTRS = frozenset(
    {"index", "index0", "revindex", "revindex0", "first", "last", "length", "depth", "depth0",
     "previtem", "nextitem", "cycle", "changed"}
)
LOOP_METHODS = frozenset({"cycle", "changed"})
DATE_ATTRS = frozenset({"year", "month", "day"})
# Pure filters; the string builders among them are replaced by bounded versions below.
FILTERS = frozenset(
    {"abs", "capitalize", "count", "d", "default", "dictsort", "first", "float", "format", "int",
     "items", "join", "last", "length", "list", "lower", "map", "max", "min", "reject",
     "rejectattr", "replace", "reverse", "round", "select", "selectattr", "sort", "string",
     "title", "trim", "unique", "upper", "wordcount"}
)
# Internal filters the guard pass inserts; ':' makes the names impossible to type in a template.
LITERAL, LOOP, CONCAT = "drafter:literal", "drafter:loop", "drafter:concat"


class Helper:
    """A function of the template context (phrase, facts, cn …). The sandbox calls nothing
    else of ours. Its arguments are checked first, so a wrong one is the template's fault; a
    failure inside is blamed on `culprit(args)` — the data or the phrase bank — or, when that
    is None, on the template."""

    __slots__ = ("_name", "_fn", "_signature", "_arity", "_check", "_culprit")

    def __init__(
        self,
        name: str,
        fn: Callable[..., Any],
        check: Callable[[tuple], None] | None = None,
        culprit: Callable[[tuple], str | None] | None = None,
    ):
        self._name = name
        self._fn = fn
        try:
            self._signature: inspect.Signature | None = inspect.signature(fn)
        except (TypeError, ValueError):
            self._signature = None
        self._arity = _arity(self._signature)
        self._check = check
        self._culprit = culprit

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        # binding costs ~2 µs and a draft makes ~500 calls: skipped when the count of
        # positional arguments alone shows it would succeed
        fits = not kwargs and self._arity is not None and self._arity[0] <= len(args) <= self._arity[1]
        if self._signature is not None and not fits:
            try:
                self._signature.bind(*args, **kwargs)
            except TypeError as e:
                raise TemplateMisuse(f"{self._name}() 的参数不对（{e}）") from None
        if self._check is not None:
            self._check(args)
        try:
            return self._fn(*args, **kwargs)
        except (DrafterError, HelperFault, TemplateMisuse, TemplateError, TemplateLimitError, RecursionError):
            raise
        except Exception as e:  # noqa: BLE001 - blamed on what is at fault, below
            culprit = self._culprit(args) if self._culprit else None
            if culprit is None:
                raise TemplateMisuse(f"{self._name}() 出错：{_reason(e)}") from None
            raise HelperFault(culprit, f"{self._name}() 无法写出：{_reason(e)}") from None

    def __repr__(self) -> str:
        return f"<函数 {self._name}>"


def _arity(signature: inspect.Signature | None) -> tuple[int, float] | None:
    """(fewest, most) positional arguments a call binds with, when that alone decides it:
    no keyword-only parameter without a default. None: always bind."""
    if signature is None:
        return None
    low, high = 0, 0.0
    for p in signature.parameters.values():
        if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD):
            high += 1
            low += p.default is p.empty
        elif p.kind is p.VAR_POSITIONAL:
            high = float("inf")
        elif p.kind is p.KEYWORD_ONLY and p.default is p.empty:
            return None
    return low, high


def _reason(e: BaseException) -> str:
    return f"{type(e).__name__}: {e}" if str(e) else type(e).__name__


def describe(obj: Any) -> str:
    """What a template touched, in words, without the object's repr (which could be huge)."""
    if isinstance(obj, Data):
        return f"数据 {obj.path or 'r'}"
    if isinstance(obj, Missing):
        return f"空缺的数据 {obj.path}"
    if isinstance(obj, DataNum):
        return f"数字 {obj.path}"
    if isinstance(obj, Undefined):
        return f"未定义的 {obj._undefined_name}"  # noqa: SLF001
    if isinstance(obj, str):
        return "文本"
    if isinstance(obj, bool):
        return "布尔值"
    if isinstance(obj, (int, float, DataNum)):
        return "数字"
    if isinstance(obj, (list, tuple)):
        return "列表"
    if isinstance(obj, dict):
        return "映射"
    if isinstance(obj, Helper):
        return repr(obj)
    if isinstance(obj, Macro):
        return f"宏 {obj.name}"
    return f"{type(obj).__name__} 对象"


class ChineseUndefined(StrictUndefined):
    """StrictUndefined, saying in Chinese what was undefined."""

    __slots__ = ()

    @property
    def _undefined_message(self) -> str:
        if self._undefined_hint:
            return self._undefined_hint
        if self._undefined_obj is missing:
            return f"未定义的名称 {self._undefined_name}（拼写错误？可用的变量见 docs/templates.md）"
        return f"{describe(self._undefined_obj)} 没有 {self._undefined_name!r} 这一项"


def bounded_range(*args: Any) -> range:
    """`range` for templates: at most MAX_TEMPLATE_RANGE items."""
    r = range(*args)
    try:
        n = len(r)
    except OverflowError:
        n = limits.MAX_TEMPLATE_RANGE + 1
    if n > limits.MAX_TEMPLATE_RANGE:
        raise TemplateLimitError(f"range() 最多 {limits.MAX_TEMPLATE_RANGE:,} 项，这里要 {n:,} 项")
    return r


def _too_long(n: int, what: str = "字符串") -> None:
    cap = limits.MAX_TEMPLATE_STRING if what == "字符串" else limits.MAX_TEMPLATE_ITEMS
    if n > cap:
        raise TemplateLimitError(f"模板生成的{what}长度 {n:,} 超过上限 {cap:,}")


def _check_int(n: Any) -> None:
    if isinstance(n, int) and n.bit_length() > limits.MAX_TEMPLATE_INT_BITS:
        raise TemplateLimitError(f"模板计算的整数超过 {limits.MAX_TEMPLATE_INT_BITS} 位二进制，已停止")


def _size(x: Any) -> tuple[int, str] | None:
    """Length and kind of a value whose size an operator multiplies or adds."""
    if isinstance(x, str):
        return len(x), "字符串"
    if isinstance(x, (list, tuple)):
        return len(x), "列表"
    if isinstance(x, Runs):
        return sum(len(r.text) for r in x.runs), "字符串"
    return None


def _check_binop(op: str, left: Any, right: Any) -> None:
    """Refuse `'a'*10**9`, `[x]*10**9`, doubling strings in a loop, `10**10**10` — before they run."""
    if op == "*":
        for seq, n in ((left, right), (right, left)):
            size = _size(seq)
            if size and isinstance(n, int) and not isinstance(n, bool):
                _too_long(size[0] * max(n, 0), size[1])
        if isinstance(left, int) and isinstance(right, int):
            _check_int(1 << min(left.bit_length() + right.bit_length(), limits.MAX_TEMPLATE_INT_BITS + 1))
    elif op == "+":
        a, b = _size(left), _size(right)
        if a and b:
            _too_long(a[0] + b[0], a[1])
    elif op == "**":
        if (isinstance(left, int) and isinstance(right, int) and right > 0 and abs(left) > 1
                and left.bit_length() * right > limits.MAX_TEMPLATE_INT_BITS):
            raise TemplateLimitError(f"模板计算的整数超过 {limits.MAX_TEMPLATE_INT_BITS} 位二进制，已停止")
    elif op == "%" and isinstance(left, str):
        _check_percent_format(left)


# A printf-style conversion: %(name)-08.3d; width and precision may be '*' (taken from args).
_PERCENT = re.compile(r"%(?:\([^)]*\))?[-#0 +]*(\*|\d+)?(?:\.(\*|\d+))?")
_DIGITS = re.compile(r"\d+")


def _check_width(*numbers: str | None) -> None:
    for g in numbers:
        if g == "*" or (g and (len(g) > 6 or int(g) > limits.MAX_TEMPLATE_FORMAT_WIDTH)):
            raise TemplateLimitError(f"格式中的宽度或精度（{g}）超过上限 {limits.MAX_TEMPLATE_FORMAT_WIDTH}")


def _check_percent_format(fmt: str) -> None:
    for m in _PERCENT.finditer(fmt):
        _check_width(*m.groups())


class _BoundedFormatter(Formatter):
    """str.format for templates: fields looked up through the sandbox, widths bounded."""

    def __init__(self, env: ReportEnvironment):
        self._env = env

    def get_field(self, field_name: str, args: Any, kwargs: Any) -> Any:
        first, rest = formatter_field_name_split(field_name)
        obj = self.get_value(first, args, kwargs)
        for is_attr, i in rest:
            obj = self._env.getattr(obj, i) if is_attr else self._env.getitem(obj, i)
        return obj, first

    def format_field(self, value: Any, format_spec: str) -> Any:
        _check_width(*_DIGITS.findall(format_spec))
        return super().format_field(value, format_spec)


class _BoundedFormat:
    """`'…'.format` as a template sees it."""

    __slots__ = ("_env", "_text")

    def __init__(self, env: ReportEnvironment, text: str):
        self._env = env
        self._text = text

    def __call__(self, *args: Any, **kwargs: Any) -> str:
        out = _BoundedFormatter(self._env).vformat(self._text, args, kwargs)
        _too_long(len(out))
        return out


@pass_eval_context
def _bounded_join(eval_ctx: Any, value: Iterable[Any], d: str = "", attribute: Any = None) -> str:
    items = list(value)
    if attribute is not None:
        items = list(map(make_attrgetter(eval_ctx.environment, attribute), items))
    _too_long(sum(len(str(x)) for x in items) + len(str(d)) * len(items))
    return do_join(eval_ctx, items, d)


def _check_replace(s: str, old: str, new: str, count: int = -1) -> None:
    n = (len(s) + 1 if old == "" else s.count(old)) if isinstance(s, str) and isinstance(old, str) else 0
    if isinstance(count, int) and count >= 0:
        n = min(n, count)
    if isinstance(new, str):
        _too_long(len(s) + n * max(len(new) - len(old), 0))


def _check_method_call(obj: Any, args: tuple) -> None:
    """Size checks for the str methods that build strings."""
    name, owner = obj.__name__, obj.__self__
    if name == "replace" and len(args) >= 2:
        _check_replace(owner, args[0], args[1], *args[2:3])
    elif name == "join" and args:
        items = list(args[0]) if not isinstance(args[0], str) else args[0]
        _too_long(sum(len(x) for x in items if isinstance(x, str)) + len(owner) * len(items))


@pass_context
def _literal(context: Any, text: str) -> Literal:
    return Literal(text)


@pass_context
def _counted(context: Any, iterable: Any) -> Iterator[Any]:
    env = context.environment
    for item in iterable:
        env.spend_loop()
        yield item


@pass_context
def _concat(context: Any, items: list[Any]) -> str:
    parts = [str(x) for x in items]
    _too_long(sum(map(len, parts)))
    return "".join(parts)


@pass_context  # not pass_environment: Jinja would run that on constants at compile time, and
def _finalize(context: Any, value: Any) -> str:  # the marker it made would stay in cached code
    return context.environment.drafter_builder.finalize(value)


class _Guard(NodeTransformer):
    """Rewrites a parsed template so that literal text goes through `finalize` (escaped,
    counted), every for loop counts its turns, and `~` is size-checked."""

    # generic_visit changes the node in place (and returns it, typed as any Node)
    def visit_Output(self, node: nodes.Output) -> nodes.Node:
        self.generic_visit(node)
        node.nodes = [
            _filter(nodes.Const(n.data), LITERAL, n.lineno) if isinstance(n, nodes.TemplateData) else n
            for n in node.nodes
        ]
        return node

    def visit_For(self, node: nodes.For) -> nodes.Node:
        self.generic_visit(node)
        node.iter = _filter(node.iter, LOOP, node.lineno)
        return node

    def visit_Concat(self, node: nodes.Concat) -> nodes.Node:
        self.generic_visit(node)
        return _filter(nodes.List(node.nodes, lineno=node.lineno), CONCAT, node.lineno)


def _filter(expr: nodes.Node, name: str, lineno: int) -> nodes.Filter:
    return nodes.Filter(expr, name, [], [], None, None, lineno=lineno)


class ReportEnvironment(SandboxedEnvironment):
    """Every template, ours and the office's, runs here with allow-listed attributes, calls and
    filters, and counted loops, calls and output. One environment drafts one report at a time
    (compose keeps it per thread and template folder and resets the counters for each draft)."""

    intercepted_binops = frozenset({"*", "+", "**", "%"})

    def __init__(self, *args: Any, **kwargs: Any):
        kwargs.setdefault("undefined", ChineseUndefined)
        kwargs["finalize"] = _finalize
        super().__init__(*args, **kwargs)
        self.globals.clear()  # no lipsum, cycler, joiner, dict
        self.globals.update({"range": bounded_range, "namespace": Namespace})
        filters = {k: v for k, v in self.filters.items() if k in FILTERS}
        filters.update(
            {
                "join": _bounded_join,
                "replace": _bounded_filter(self.filters["replace"], lambda s, old, new, count=None: _check_replace(
                    str(s), str(old), str(new), -1 if count is None else count)),
                "format": _bounded_filter(self.filters["format"], lambda fmt, *a, **k: _check_percent_format(str(fmt))),
                LITERAL: _literal,
                LOOP: _counted,
                CONCAT: _concat,
            }
        )
        self.filters = filters
        self.loops = self.calls = self.depth = 0

    # -- compile: route literal text, loops and ~ through the guards ---------------------------
    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        tree = _Guard().visit(super()._parse(source, name, filename))
        tree.set_environment(self)
        return tree

    # -- counters --------------------------------------------------------------------------------
    def spend_loop(self) -> None:
        self.loops += 1
        if self.loops > limits.MAX_TEMPLATE_LOOPS:
            raise TemplateLimitError(f"模板循环超过 {limits.MAX_TEMPLATE_LOOPS:,} 次，已停止")

    # -- attributes --------------------------------------------------------------------------------
    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        if not isinstance(attr, str) or attr.startswith("_"):
            return False
        if isinstance(obj, Data):
            return attr == "path" or attr in readable_fields(obj)
        if isinstance(obj, (DataNum, Missing)):
            return attr in obj.__slots__
        if isinstance(obj, str):
            return attr in STR_METHODS or (attr == "path" and isinstance(obj, DataStr))
        if isinstance(obj, dict):
            return attr in DICT_METHODS
        if isinstance(obj, (list, tuple)):
            return attr in LIST_METHODS
        if isinstance(obj, LoopContext):
            return attr in LOOP_ATTRS
        if isinstance(obj, Namespace):
            return True  # its own items: Namespace has no public methods
        if isinstance(obj, TemplateModule):
            return attr in vars(obj)  # the macros and variables it exports
        if type(obj) is dt.date:
            return attr in DATE_ATTRS
        return False

    def getattr(self, obj: Any, attribute: str) -> Any:
        if isinstance(obj, Undefined):
            obj._fail_with_undefined_error()  # noqa: SLF001 - "未定义的名称 cycler" comes first
        if isinstance(attribute, str) and attribute.startswith("_"):
            raise SecurityError(f"模板不能访问以下划线开头的属性 {attribute}（{describe(obj)}）")
        if isinstance(obj, Data):
            return self._field(obj, attribute)
        return super().getattr(obj, attribute)

    def getitem(self, obj: Any, argument: Any) -> Any:
        if isinstance(obj, Data) and isinstance(argument, str):
            return self._field(obj, argument)
        return super().getitem(obj, argument)

    def _field(self, obj: Data, name: str) -> Any:
        if isinstance(name, str) and name.startswith("_"):
            raise SecurityError(f"模板不能访问以下划线开头的属性 {name}（{describe(obj)}）")
        if name == "path":
            return obj.path
        got = obj._view(name)  # noqa: SLF001 - the view's own reader, kept per view
        if got is not NOT_READABLE:
            return got
        if isinstance(model_of(obj), list):
            raise UndefinedError(f"{describe(obj)} 是列表，没有 {name} 这一项（用 for 循环或 [序号] 取其中一项）")
        fields = "、".join(readable_fields(obj))
        raise UndefinedError(f"{describe(obj)} 没有字段 {name}" + (f"（可用：{fields}）" if fields else ""))

    def unsafe_undefined(self, obj: Any, attribute: str) -> Any:
        raise SecurityError(f"模板不能访问{describe(obj)}的 {attribute}（模板只能读数据字段和少数文本方法）")

    def wrap_str_format(self, value: Any) -> Any:
        owner = getattr(value, "__self__", None)
        if (isinstance(value, (types.MethodType, types.BuiltinMethodType)) and isinstance(owner, str)
                and value.__name__ == "format"):
            return _BoundedFormat(self, owner)
        return None  # format_map and the rest: the attribute allow-list decides

    # -- calls ---------------------------------------------------------------------------------------
    def is_safe_callable(self, obj: Any) -> bool:
        if isinstance(obj, (Helper, Macro, LoopContext, BlockReference, _BoundedFormat)):
            return True
        if obj is bounded_range or obj is Namespace:
            return True
        if isinstance(obj, (types.BuiltinMethodType, types.MethodType)):
            owner, name = getattr(obj, "__self__", None), obj.__name__
            if isinstance(owner, str):
                return name in STR_METHODS
            if isinstance(owner, dict):
                return name in DICT_METHODS
            if isinstance(owner, (list, tuple)):
                return name in LIST_METHODS
            if isinstance(owner, LoopContext):
                return name in LOOP_METHODS
            if isinstance(owner, StructureExtension):
                return name in StructureExtension.tag_methods
        return False

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805
        if isinstance(__obj, Undefined):
            __obj._fail_with_undefined_error()  # noqa: SLF001
        if not __self.is_safe_callable(__obj):
            raise SecurityError(f"模板不能调用{describe(__obj)}（只能调用 docs/templates.md 列出的函数和宏）")
        __self.calls += 1
        if __self.calls > limits.MAX_TEMPLATE_CALLS:
            raise TemplateLimitError(f"模板调用函数或宏超过 {limits.MAX_TEMPLATE_CALLS:,} 次，已停止")
        if isinstance(__obj, types.BuiltinMethodType) and isinstance(__obj.__self__, str):
            _check_method_call(__obj, args)
        if not isinstance(__obj, (Macro, LoopContext)):
            return __context.call(__obj, *args, **kwargs)
        if isinstance(__obj, LoopContext) and args:  # loop(children): those turns count too
            args = (_counted(__context, args[0]), *args[1:])
        __self.depth += 1
        try:
            if __self.depth > limits.MAX_TEMPLATE_DEPTH:
                raise TemplateLimitError(
                    f"宏或递归循环嵌套超过 {limits.MAX_TEMPLATE_DEPTH} 层（宏调用了自身？），已停止"
                )
            return __context.call(__obj, *args, **kwargs)
        finally:
            __self.depth -= 1

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        _check_binop(operator, left, right)
        result = super().call_binop(context, operator, left, right)
        _check_int(result)
        return result


def _bounded_filter(fn: Callable[..., Any], check: Callable[..., None]) -> Callable[..., Any]:
    """A builtin filter with a size check before it runs (keeps the filter's pass_* marker)."""
    sig_takes_env = hasattr(fn, "jinja_pass_arg")

    def run(*args: Any, **kwargs: Any) -> Any:
        check(*(args[1:] if sig_takes_env else args), **kwargs)
        return fn(*args, **kwargs)

    if sig_takes_env:
        run.jinja_pass_arg = fn.jinja_pass_arg  # type: ignore[attr-defined]  # Jinja marks pass_context functions so
    return run



# -- reading template files -----------------------------------------------------------------------
_BAD_CHAR = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


class TemplateLoader(FileSystemLoader):
    """Template files read like every user file: capped, regular files only, UTF-8 with a
    Chinese error naming the file and line, and no link out of the template folder (a shared
    folder's `closing.j2 -> ~/.ssh/id_rsa` would copy the key into the draft)."""

    def get_source(self, environment: Any, template: str) -> tuple[str, str, Callable[[], bool]]:
        pieces = split_template_path(template)
        for base in self.searchpath:
            path = os.path.join(base, *pieces)
            if os.path.lexists(path):
                break
        else:
            raise TemplateNotFound(template)
        shown = display_path(path)
        data = limits.read_capped(path, limits.MAX_TEMPLATE_BYTES, f"模板 {shown}")
        root, real = os.path.realpath(base), os.path.realpath(path)
        if os.path.commonpath([root, real]) != root:
            raise DrafterError(f"模板 {shown} 是指向模板目录之外（{display_path(real)}）的链接，已拒绝")
        text = decode_template(data, shown)
        mtime = os.path.getmtime(path)
        return text, os.path.normpath(path), lambda: os.path.exists(path) and os.path.getmtime(path) == mtime


def decode_template(data: bytes, shown: str) -> str:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        try:
            data.decode("gb18030")
            hint = "，看起来是 GBK 编码"
        except UnicodeDecodeError:
            hint = ""
        raise DrafterError(f"模板 {shown} 第 {line} 行不是 UTF-8 编码{hint}：请用 UTF-8 另存该文件") from None
    m = _BAD_CHAR.search(text)
    if m:
        line = text.count("\n", 0, m.start()) + 1
        raise DrafterError(
            f"模板 {shown} 第 {line} 行有不可见的控制字符（U+{ord(m.group()):04X}），Word 文档无法保存，请删除"
        )
    return text


# -- helpers of the context ---------------------------------------------------------------------------
def _items(name: str, arg: Any) -> list[Any]:
    if isinstance(arg, Missing):
        return []
    if isinstance(arg, (list, tuple)) or (isinstance(arg, Data) and isinstance(model_of(arg), list)):
        return list(arg)
    raise TemplateMisuse(f"{name}() 的参数应为一个列表，这里是{describe(arg)}")


def _of_kind(name: str, x: Any, kinds: tuple[type, ...], text: bool = False) -> None:
    if isinstance(x, Data) and isinstance(model_of(x), kinds):
        return
    if text and isinstance(x, (str, Runs, Missing)):
        return
    want = "数据中的一项指标" if kinds[0].__name__ == "Figure" else "数据中的一项目标"
    raise TemplateMisuse(f"{name}() 的参数应为{want}{'或一段文字' if text else ''}，这里是{describe(x)}")


def _checks() -> dict[str, Callable[[str, tuple], None]]:
    """Argument checks by helper name: a wrong argument is the template's fault, said before
    the helper runs."""
    def one(kind: type) -> Callable[[str, tuple], None]:
        return lambda name, args: _of_kind(name, args[0], (kind,)) if args else None

    def each(kind: type, text: bool = False) -> Callable[[str, tuple], None]:
        def check(name: str, args: tuple) -> None:
            for x in _items(name, args[0]) if args else ():
                _of_kind(name, x, (kind,), text)
        return check

    def listed(name: str, args: tuple) -> None:
        if args:
            _items(name, args[0])

    def small_int(name: str, args: tuple) -> None:
        v = args[0].value if args and isinstance(args[0], DataNum) else (args[0] if args else None)
        ok = isinstance(v, (int, float, Decimal)) and not isinstance(v, bool) and 0 <= v <= 9999 and v == int(v)
        if not ok:
            raise TemplateMisuse(f"{name}() 的参数应为 0–9999 的整数，这里是{describe(args[0] if args else None)}")

    return {
        "figure": one(Figure), "target": one(Target), "headline": each(Figure), "targets": each(Target),
        "checks": each(Target), "facts": each(Figure, text=True), "joined": listed, "enumerated": listed,
        "cn": small_int, "count": small_int,
    }


DATA_HELPERS = frozenset({"figure", "target", "headline", "targets", "checks", "facts", "joined", "enumerated"})
BANK_HELPERS = frozenset({"phrase", "suggest"})


def _data_culprit(args: tuple) -> str:
    """The data at fault: the exact number that cannot be written, if that is it (a figure
    of 5,000 digits), else the data the helper was given."""
    for a in args:
        path = _bad_number(a, "")
        if path:
            return f"数据 {path}"
    for a in args:
        for x in ([a] if not isinstance(a, (list, tuple)) else a):
            if isinstance(x, Data):
                return f"数据 {x.path or 'r'}"
    return "数据"


def _bad_number(x: Any, path: str) -> str | None:
    if isinstance(x, Data):
        return _bad_number(model_of(x), x.path)
    if isinstance(x, BaseModel):
        for k in type(x).model_fields:
            found = _bad_number(getattr(x, k), f"{path}.{k}" if path else k)
            if found:
                return found
    elif isinstance(x, (list, tuple)):
        for i, v in enumerate(x):
            found = _bad_number(v, f"{path}[{i}]")
            if found:
                return found
    elif isinstance(x, (int, float, Decimal)) and not isinstance(x, bool):
        try:
            number_text(x, path)
        except HelperFault:
            return path
    return None


def guard_helpers(ctx: dict[str, Any], bank_shown: str) -> dict[str, Any]:
    # bank_shown: the phrase bank as a fault names it ("短语库 mine.json", "自带短语库")
    """The context with every function wrapped in a Helper: the only callables of ours a
    template can reach, each blaming a failure on the data, the phrase bank or the template."""
    checks = _checks()
    out = {}
    for name, value in ctx.items():
        if not callable(value) or isinstance(value, (str, Data, Runs, Missing, DataNum, type)):
            out[name] = value
            continue
        check = functools.partial(checks[name], name) if name in checks else None
        if name in BANK_HELPERS:
            culprit: Any = lambda args: bank_shown  # noqa: E731
        elif name in DATA_HELPERS:
            culprit = _data_culprit
        else:
            culprit = lambda args: _data_culprit(args) if any(isinstance(a, Data) for a in args) else None  # noqa: E731
        out[name] = Helper(name, value, check, culprit)
    return out


# -- errors ----------------------------------------------------------------------------------------------
def template_line(e: BaseException) -> tuple[str | None, int | None]:
    """The template file and line an error comes from: the innermost template frame of the
    traceback (Jinja rewrites template frames to carry the template's file and line)."""
    if isinstance(e, TemplateSyntaxError) and e.filename:
        return e.filename, e.lineno
    found: tuple[str | None, int | None] = (None, None)
    tb = e.__traceback__
    while tb is not None:
        if "__jinja_exception__" in tb.tb_frame.f_globals:
            found = (tb.tb_frame.f_code.co_filename, tb.tb_lineno)
        tb = tb.tb_next
    return found


def explain(e: BaseException, part: str, user_dir: Path | None) -> str:
    """A Chinese message for anything that went wrong rendering `part`, naming the template
    file and line at fault — or the data or phrase bank, when the fault is theirs."""
    filename, line = template_line(e)
    where = _where(filename, line, user_dir) if filename else f"模板 {part}"
    if isinstance(e, HelperFault):
        return f"{e.culprit} 有误，无法写进文稿：{e.detail}（{where} 用到它）"
    if isinstance(e, TemplateNotFound):
        return f"找不到模板 {e.name}" + (f"（{where} 引用了它）" if filename else "")
    if isinstance(e, TemplateSyntaxError):
        return f"{where} 语法错误：{_syntax_message(e.message or '')}"
    if isinstance(e, TemplateStructureError):
        return f"模板结构错误：{e}"
    if isinstance(e, TemplateLimitError):
        return f"{where} 超出限制：{e}"
    if isinstance(e, SecurityError):
        return f"{where} 被沙箱拒绝：{e}"
    if isinstance(e, RecursionError):
        return f"{where} 出错：递归过深（宏、循环或 include / import / extends 引用了自身），已停止"
    if isinstance(e, (TemplateMisuse, TemplateError)):
        return f"{where} 出错：{_syntax_message(str(e))}"
    return f"{where} 出错：{_reason(e)}"


_NO_SUCH = re.compile(r"No (filter|test) named '([^']*)'")


def _syntax_message(message: str) -> str:
    m = _NO_SUCH.search(message)
    if m and m.group(1) == "filter":
        return f"没有过滤器 {m.group(2)}（模板可用的过滤器：{'、'.join(sorted(FILTERS))}）"
    if m:
        return f"没有测试 {m.group(2)}"
    return _jinja_in_chinese(message)


# Jinja's own parser messages, said in Chinese; anything not matched keeps Jinja's words after
# a Chinese lead, so nothing is lost.
_SYNTAX = (
    (re.compile(r"^unexpected end of template", re.I), "模板意外结束"),
    (re.compile(r"^unexpected '([^']*)'"), "此处不应出现{0}"),
    (re.compile(r"^expected token '([^']*)', got '([^']*)'"), "此处应为{0}，却是{1}"),
    (re.compile(r"^Encountered unknown tag '([^']*)'"), "不认识的标签{0}"),
    (re.compile(r"^unexpected char '([^']*)'"), "不能识别的字符{0}"),
    (re.compile(r"^Expected an expression, got '([^']*)'"), "此处缺少表达式，却是{0}"),
)
_TOKENS = {"end of print statement": "“}}”", "end of statement block": "“%}”", "end of template": "模板结尾"}
_LOOKING = re.compile(r"looking for (?:the following tags: )?((?:'[^']*'(?:,? or |, )?)+)")
_INNERMOST = re.compile(r"innermost block that needs to be closed is '([^']*)'")


def _token(name: str) -> str:
    return _TOKENS.get(name, f"“{name}”")


def _jinja_in_chinese(message: str) -> str:
    for pattern, chinese in _SYNTAX:
        m = pattern.search(message)
        if m:
            out = chinese.format(*(_token(g) for g in m.groups()))
            break
    else:
        return f"模板语法有误（{message}）"
    tags = _LOOKING.search(message)
    if tags:
        names = re.findall(r"'([^']*)'", tags.group(1))
        out += "；此处应为 " + " 或 ".join(names)
    inner = _INNERMOST.search(message)
    if inner:
        out += f"；尚未结束的是 {inner.group(1)} 标签"
    return out


def _where(filename: str, line: int | None, user_dir: Path | None) -> str:
    at = f":{line}" if line else ""
    path = Path(filename)
    if user_dir is not None:
        try:
            path.resolve().relative_to(user_dir.resolve())
            return f"模板 {display_path(path)}{at}"
        except ValueError:
            pass
    try:
        return f"自带模板 {path.resolve().relative_to(templates_dir().resolve())}{at}"
    except ValueError:
        return f"模板 {display_path(path)}{at}"
