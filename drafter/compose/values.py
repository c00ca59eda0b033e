"""What templates see: the report's data wrapped so every value remembers its data path.

`r.review.headline[0].value` in a template is a DataNum that knows it came from
`review.headline[0].value`; a field the office left empty is a Missing that prints as a
highlighted 【待补充：…】 placeholder. The composer turns these into runs with their source.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from jinja2 import Undefined
from pydantic import BaseModel

from ..datapath import format_path
from ..tree import Run, Runs, Source
from .numbers import format_number


class DataStr(str):
    """Text the office wrote."""

    path: str

    def __new__(cls, value: str, path: str) -> DataStr:
        obj = super().__new__(cls, value)
        obj.path = path
        return obj


class DataNum:
    """A number the office wrote; prints the way reports write numbers."""

    __slots__ = ("value", "path")

    def __init__(self, value: float | int | Decimal, path: str):
        self.value = value
        self.path = path

    def __str__(self) -> str:
        return format_number(self.value)

    def __bool__(self) -> bool:
        return True

    def __eq__(self, other: object) -> bool:
        return self.value == (other.value if isinstance(other, DataNum) else other)

    def __hash__(self) -> int:
        return hash(self.value)

    def __lt__(self, other: Any) -> bool:
        return self.value < (other.value if isinstance(other, DataNum) else other)

    def __gt__(self, other: Any) -> bool:
        return self.value > (other.value if isinstance(other, DataNum) else other)

    def __int__(self) -> int:
        return int(self.value)

    def __float__(self) -> float:
        return float(self.value)


class Missing:
    """A field the office left empty: falsy, prints as a placeholder."""

    __slots__ = ("path", "label")

    def __init__(self, path: str, label: str):
        self.path = path
        self.label = label

    def __bool__(self) -> bool:
        return False

    def __str__(self) -> str:
        return placeholder_text(self.label)

    def __iter__(self) -> Iterator[Any]:
        return iter(())

    def __len__(self) -> int:
        return 0


class Derived(str):
    """Wording computed from data (全市 from the level, 2023 from the plan year)."""

    ref: str

    def __new__(cls, value: str, ref: str) -> Derived:
        obj = super().__new__(cls, value)
        obj.ref = ref
        return obj


def placeholder_text(label: str) -> str:
    return f"【待补充：{label}】"


def placeholder(path: str, label: str) -> Run:
    return Run(placeholder_text(label), Source("placeholder", path))


# What Data.field returns for a name that is neither a field nor an allowed derived value.
NOT_READABLE = object()

# Derived values a template may read on a data object besides its fields (by model class).
DERIVED: dict[str, tuple[str, ...]] = {"Report": ("review_year",)}


class Data:
    """A read-only view of a model object or list for templates: its fields (each wrapped so
    it remembers its data path), the derived values in DERIVED, and `path`. Never the model
    itself nor any of its methods: a pydantic model can parse, copy and unpickle
    (`parse_raw(..., allow_pickle=True)`), so it must stay out of a template's reach.
    Python code reaches the model with `model_of()`."""

    __slots__ = ("_obj", "_path", "_read")

    def __init__(self, obj: Any, path: tuple = ()):
        self._obj = obj
        self._path = path
        # Each field's view, made on its first read: templates read the same fields again and
        # again (r.structure 23 times a draft), and the model does not change while composing.
        self._read: dict[str | int, Any] = {}  # field name or list index → its view

    @property
    def path(self) -> str:
        return format_path(self._path)

    def _view(self, name: str) -> Any:
        """The view of field `name` (readable_fields), or NOT_READABLE (for the sandbox, whose
        attribute reads on a view come here in one hop)."""
        got = self._read.get(name, NOT_READABLE)
        if got is not NOT_READABLE or name not in readable_fields(self):
            return got
        obj = self._obj
        titles = _titles(type(obj))
        if name in titles:
            got = wrap(getattr(obj, name), self._path + (name,), titles[name])
        else:
            got = getattr(obj, name)  # a derived value on the allow-list
            if isinstance(got, (int, float, Decimal)) and not isinstance(got, bool):
                got = DataNum(got, format_path(self._path + (name,)))
        self._read[name] = got
        return got

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        got = self._view(name)
        if got is NOT_READABLE:
            raise AttributeError(name)
        return got

    def __iter__(self) -> Iterator[Any]:
        if isinstance(self._obj, list):
            for i in range(len(self._obj)):
                yield self._item(i)
        else:
            raise TypeError("不是列表")

    def _item(self, i: int) -> Any:
        """Item `i` of a list's view, kept like a field's (its index is the key)."""
        got = self._read.get(i, NOT_READABLE)
        if got is NOT_READABLE:
            got = self._read[i] = wrap(self._obj[i], self._path + (i,), "")
        return got

    def __len__(self) -> int:
        return len(self._obj) if isinstance(self._obj, list) else 1

    def __bool__(self) -> bool:
        if isinstance(self._obj, list):
            return bool(self._obj)
        return self._obj is not None

    def __getitem__(self, key: Any) -> Any:
        if isinstance(key, str):  # r["meta"] reads a field like r.meta
            try:
                return self.__getattr__(key)
            except AttributeError:
                raise KeyError(key) from None
        if not isinstance(self._obj, list):
            raise TypeError("不是列表")
        if type(key) is int and 0 <= key < len(self._obj):  # a negative index is kept as written
            return self._item(key)
        return wrap(self._obj[key], self._path + (key,), "")

    def __repr__(self) -> str:
        return f"<数据 {self.path or 'r'}>"

    def __str__(self) -> str:
        raise TemplateMisuse(f"数据对象（{self.path or 'r'}）不能直接当作文字，请写出其中的字段")


def readable_fields(x: Data) -> tuple[str, ...]:
    """The names a template may read on `x`: model fields and allow-listed derived values."""
    cls = type(x._obj)  # noqa: SLF001 - same module
    names = _READABLE.get(cls)
    if names is None:  # by class, lists (no fields) included: ~700 reads a draft
        names = _READABLE[cls] = (
            (*cls.model_fields, *DERIVED.get(cls.__name__, ())) if issubclass(cls, BaseModel) else ())
    return names


# Per model class, built once: templates read ~700 fields a draft, and each read of pydantic's
# model_fields goes through a descriptor (~0.3 ms of a warm draft in all).
_READABLE: dict[type, tuple[str, ...]] = {}
_TITLES: dict[type, dict[str, str]] = {}


def _titles(cls: type[BaseModel]) -> dict[str, str]:
    """Field name → the title a placeholder shows (the name when the field has none)."""
    titles = _TITLES.get(cls)
    if titles is None:
        titles = _TITLES[cls] = {name: info.title or name for name, info in cls.model_fields.items()}
    return titles


def model_of(x: Any) -> Any:
    """The model object or list behind a view (for our own helpers, never for templates)."""
    return x._obj if isinstance(x, Data) else x  # noqa: SLF001 - same module


def path_of(x: Data) -> tuple:
    return x._path  # noqa: SLF001 - same module


def wrap(value: Any, path: tuple, title: str) -> Any:
    # exact types first (~1,000 values a draft, most of them text or a model): no isinstance chain
    t = type(value)
    if t is str:
        return DataStr(value, format_path(path))
    if t is list or (t is not bool and isinstance(value, BaseModel)):
        return Data(value, path)
    p = format_path(path)
    if value is None:
        return Missing(p, title or p)
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        return DataStr(value, p)
    if isinstance(value, (int, float, Decimal)):
        return DataNum(value, p)
    if isinstance(value, dt.date):
        return value
    return Data(value, path)


class TemplateMisuse(Exception):
    """A template used a value wrongly (printed None or a whole data object, gave a helper
    text where it wants a figure): the template is at fault."""


class HelperFault(Exception):
    """Something the template relies on failed, not the template: a data value that cannot be
    written, a phrase bank entry. `culprit` says what is at fault ("数据 review.headline[0]")."""

    def __init__(self, culprit: str, detail: str):
        super().__init__(f"{culprit}：{detail}")
        self.culprit = culprit
        self.detail = detail


# Decimal digits a printed number may have: 1E+999999 would print a million zeros.
MAX_NUMBER_DIGITS = 60


def number_text(value: Any, path: str) -> str:
    """A data number as text; a number too long to write is the data's fault."""
    big = 0
    if isinstance(value, Decimal) and value.is_finite() and value:
        big = value.adjusted()
    elif isinstance(value, int):
        big = value.bit_length() // 3
    elif isinstance(value, float) and math.isfinite(value) and value:
        big = math.floor(math.log10(abs(value)))
    if abs(big) > MAX_NUMBER_DIGITS:
        raise HelperFault(f"数据 {path}", f"数字位数过多（约 {abs(big)} 位），无法写进文稿")
    try:
        return format_number(value)
    except (ValueError, OverflowError, ArithmeticError) as e:
        raise HelperFault(f"数据 {path}", f"数字无法写成文字（{e}）") from None


def to_runs(value: Any, ref: str = "") -> list[Run]:
    """Any value a template prints → runs that know their source."""
    if isinstance(value, Runs):
        return value.runs
    if isinstance(value, Run):
        return [value]
    if isinstance(value, Missing):
        return [Run(str(value), Source("placeholder", value.path))]
    if isinstance(value, DataStr):
        return [Run(str(value), Source("data", value.path))]
    if isinstance(value, DataNum):
        return [Run(number_text(value.value, value.path), Source("data", value.path))]
    if isinstance(value, Derived):
        return [Run(str(value), Source("derived", value.ref))]
    if isinstance(value, Undefined):
        str(value)  # StrictUndefined raises here with the template's own message
    if value is None:
        raise TemplateMisuse("模板输出了空值 None：请先用 {% if %} 判断，或使用占位符")
    if isinstance(value, Data):
        raise TemplateMisuse(f"模板直接输出了一个数据对象（{value.path}），请输出其中的字段")
    if isinstance(value, (list, tuple)):
        out: list[Run] = []
        for v in value:
            out.extend(to_runs(v, ref))
        return out
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        try:
            return [Run(number_text(value, ref), Source("derived", ref))]
        except HelperFault as e:  # a number the template computed: the template's fault
            raise TemplateMisuse(f"模板算出的{e.detail}") from None
    if isinstance(value, (str, dt.date)):
        return [Run(str(value), Source("derived", ref))]
    raise TemplateMisuse(f"模板输出了不能写进文稿的对象（{type(value).__name__}），请输出文字或数字")
