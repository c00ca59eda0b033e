"""What templates see: the report's data wrapped so every value remembers its data path.

`r.review.headline[0].value` in a template is a DataNum that knows it came from
`review.headline[0].value`; a field the office left empty is a Missing that prints as a
highlighted 【待补充：…】 placeholder. The composer turns these into runs with their source.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Iterator

from pydantic import BaseModel

from ..readers.yaml_data import format_path
from ..tree import Run, Source
from .numbers import format_number


class DataStr(str):
    """Text the office wrote."""

    path: str

    def __new__(cls, value: str, path: str) -> "DataStr":
        obj = super().__new__(cls, value)
        obj.path = path
        return obj


class DataNum:
    """A number the office wrote; prints the way reports write numbers."""

    __slots__ = ("value", "path")

    def __init__(self, value: float | int, path: str):
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

    def __new__(cls, value: str, ref: str) -> "Derived":
        obj = super().__new__(cls, value)
        obj.ref = ref
        return obj


class Runs:
    """Ready-made runs (a figure clause, a list joined with 、) that a template prints."""

    __slots__ = ("runs",)

    def __init__(self, runs: list[Run]):
        self.runs = runs

    def __str__(self) -> str:
        return "".join(r.text for r in self.runs)

    def __bool__(self) -> bool:
        return any(r.text for r in self.runs)

    def __add__(self, other: "Runs") -> "Runs":
        return Runs(self.runs + to_runs(other))


def placeholder_text(label: str) -> str:
    return f"【待补充：{label}】"


def placeholder(path: str, label: str) -> Run:
    return Run(placeholder_text(label), Source("placeholder", path))


class Data:
    """A wrapped model object or list. Attribute access and iteration wrap children."""

    __slots__ = ("_obj", "_path")

    def __init__(self, obj: Any, path: tuple = ()):
        self._obj = obj
        self._path = path

    @property
    def obj(self) -> Any:
        return self._obj

    @property
    def path(self) -> str:
        return format_path(self._path)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        obj = self._obj
        if isinstance(obj, BaseModel) and name in type(obj).model_fields:
            info = type(obj).model_fields[name]
            return wrap(getattr(obj, name), self._path + (name,), info.title or name)
        # Properties (e.g. Report.review_year) are derived values.
        value = getattr(obj, name)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return DataNum(value, format_path(self._path + (name,)))
        return value

    def __iter__(self) -> Iterator[Any]:
        if isinstance(self._obj, list):
            for i, item in enumerate(self._obj):
                yield wrap(item, self._path + (i,), "")
        else:
            raise TypeError("不是列表")

    def __len__(self) -> int:
        return len(self._obj) if isinstance(self._obj, list) else 1

    def __bool__(self) -> bool:
        if isinstance(self._obj, list):
            return bool(self._obj)
        return self._obj is not None

    def __getitem__(self, i: int) -> Any:
        return wrap(self._obj[i], self._path + (i,), "")


def wrap(value: Any, path: tuple, title: str) -> Any:
    p = format_path(path)
    if value is None:
        return Missing(p, title or p)
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        return DataStr(value, p)
    if isinstance(value, (int, float)):
        return DataNum(value, p)
    if isinstance(value, dt.date):
        return value
    return Data(value, path)


def unwrap(value: Any) -> Any:
    if isinstance(value, Data):
        return value.obj
    if isinstance(value, DataNum):
        return value.value
    return value


def to_runs(value: Any, ref: str = "") -> list[Run]:
    """Any value a template prints → runs that know their source."""
    from jinja2 import Undefined

    if isinstance(value, Runs):
        return value.runs
    if isinstance(value, Run):
        return [value]
    if isinstance(value, Missing):
        return [Run(str(value), Source("placeholder", value.path))]
    if isinstance(value, DataStr):
        return [Run(str(value), Source("data", value.path))]
    if isinstance(value, DataNum):
        return [Run(str(value), Source("data", value.path))]
    if isinstance(value, Derived):
        return [Run(str(value), Source("derived", value.ref))]
    if isinstance(value, Undefined):
        str(value)  # StrictUndefined raises here with the template's own message
    if value is None:
        raise ValueError("模板输出了空值 None：请先用 {% if %} 判断，或使用占位符")
    if isinstance(value, Data):
        raise ValueError(f"模板直接输出了一个数据对象（{value.path}），请输出其中的字段")
    if isinstance(value, (list, tuple)):
        out: list[Run] = []
        for v in value:
            out.extend(to_runs(v, ref))
        return out
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return [Run(format_number(value), Source("derived", ref))]
    return [Run(str(value), Source("derived", ref))]
