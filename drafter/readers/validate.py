"""pydantic validation errors → Chinese `file:line:column 字段路径 message` problems.

Like mkdocs: the data is validated against a schema and every problem is reported at once,
at the place the user wrote it, with a "did you mean" for misspelt keys.
"""

from __future__ import annotations

import difflib
import re
import types
import typing
from typing import Any, TypeVar

from pydantic import BaseModel, Tag, ValidationError
from pydantic_core import ErrorDetails

from ..datapath import format_path
from ..errors import DataErrors, Problem
from .yaml_data import Loaded

M = TypeVar("M", bound=BaseModel)


def _unwrap(tp: Any) -> Any:
    while typing.get_origin(tp) is typing.Annotated:
        tp = typing.get_args(tp)[0]
    return tp


def _union_members(tp: Any) -> list[Any]:
    origin = typing.get_origin(tp)
    if origin is typing.Union or origin is types.UnionType:
        return list(typing.get_args(tp))
    return [tp]


def _tag(member: Any) -> str | None:
    if typing.get_origin(member) is typing.Annotated:
        for meta in typing.get_args(member)[1:]:
            if isinstance(meta, Tag):
                return meta.tag
    return None


def _walk(root: type[BaseModel], loc: tuple) -> tuple[tuple, Any, str]:
    """Follow a pydantic error location through the model.

    Returns the data path (union tags removed), the type found there and the title of the
    last field passed (for the message).
    """
    tp: Any = root
    data_path: list = []
    title = ""
    for elem in loc:
        tp = _unwrap(tp)
        members = _union_members(tp)
        if len(members) > 1:
            tagged = {_tag(m): m for m in members if _tag(m)}
            if isinstance(elem, str) and elem in tagged:
                tp = tagged[elem]
                continue  # a union tag, not part of the data
            members = [_unwrap(m) for m in members if _unwrap(m) is not type(None)]
            if isinstance(elem, int):
                tp = next((m for m in members if typing.get_origin(m) is list), members[0])
            else:
                tp = next(
                    (m for m in members if isinstance(m, type) and issubclass(m, BaseModel)),
                    members[0],
                )
            tp = _unwrap(tp)
        data_path.append(elem)
        if isinstance(elem, int) and typing.get_origin(tp) is list:
            tp = typing.get_args(tp)[0]
        elif isinstance(tp, type) and issubclass(tp, BaseModel) and elem in tp.model_fields:
            info = tp.model_fields[elem]
            title = info.title or ""
            tp = info.annotation
        else:
            tp = Any
    return tuple(data_path), tp, title


def _model_at(root: type[BaseModel], loc: tuple) -> type[BaseModel] | None:
    _, tp, _ = _walk(root, loc)
    for member in _union_members(_unwrap(tp)):
        m = _unwrap(member)
        if isinstance(m, type) and issubclass(m, BaseModel):
            return m
    return None


def _literal_values(err: ErrorDetails, root: type[BaseModel], loc: tuple) -> str:
    """The allowed values, read from the model's Literal (pydantic's own text is a repr); the
    empty choice is said in words rather than shown as a stray 、."""
    _, tp, _ = _walk(root, loc)
    choices = next(
        (list(typing.get_args(m)) for m in map(_unwrap, _union_members(_unwrap(tp)))
         if typing.get_origin(m) is typing.Literal),
        None,
    )
    if choices is None:
        expected = (err.get("ctx") or {}).get("expected", "")
        choices = re.findall(r"'([^']*)'", expected)
    shown = "、".join(str(c) for c in choices if c != "") or "规定的取值"
    return shown + ("，或留空" if "" in choices else "")


def _message(err: ErrorDetails, root: type[BaseModel], loc: tuple) -> str:
    kind = err["type"]
    ctx = err.get("ctx") or {}
    if kind == "value_error":
        return str(err["msg"]).removeprefix("Value error, ")
    if kind == "missing":
        return "缺少必填字段"
    if kind == "extra_forbidden":
        parent = _model_at(root, loc[:-1])
        key = str(loc[-1])
        msg = f"未知字段“{key}”"
        if parent is not None:
            names = list(parent.model_fields)
            close = difflib.get_close_matches(key, names, n=1, cutoff=0.5)
            if close:
                msg += f"，是不是“{close[0]}”？"
            else:
                msg += f"；此处可用的字段：{'、'.join(names)}"
        return msg
    if kind == "literal_error":
        return f"取值应为以下之一：{_literal_values(err, root, loc)}；这里是“{err.get('input')}”"
    if kind in ("int_type", "int_parsing", "float_type", "float_parsing", "int_from_float"):
        return "应为整数" if kind.startswith("int") else "应为数字"
    if kind in ("string_type",):
        return "应为文本"
    if kind in ("bool_type", "bool_parsing"):
        return "应为 true 或 false"
    if kind == "list_type":
        return "应为列表：每项另起一行，以“- ”开头"
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return "应为若干“键: 值”组成的映射"
    if kind in ("date_type", "date_parsing", "date_from_datetime_parsing", "date_from_datetime_inexact"):
        return "应为日期，写作 2025-01-20"
    if kind == "greater_than_equal":
        return f"应不小于 {ctx.get('ge')}"
    if kind == "less_than_equal":
        return f"应不大于 {ctx.get('le')}"
    if kind == "greater_than":
        return f"应大于 {ctx.get('gt')}"
    if kind == "union_tag_invalid":
        return "应为一段文本或带数字的指标映射"
    return str(err["msg"])


# A fact written {text: …}: a text fact is a bare string, so the mapping was taken for a figure.
_TEXT_AS_FIGURE = "文字事项直接写成一段文字（如 - 及时出台4方面政策措施），不要写成 {text: …}；带数字的指标才写成 {name: …, value: …}"


def _text_written_as_figure(errors: list[ErrorDetails]) -> set[tuple]:
    """Locations of figures that carry an unknown `text` key: each gets one message instead
    of 「name 缺少必填字段」 plus 「未知字段“text”」."""
    return {
        tuple(e["loc"][:-1])
        for e in errors
        if e["type"] == "extra_forbidden" and e["loc"][-1] == "text" and e["loc"][-2:-1] == ("figure",)
    }


def problems_from(exc: ValidationError, root: type[BaseModel], loaded: Loaded) -> list[Problem]:
    problems = []
    errors = exc.errors(include_url=False)
    text_facts = _text_written_as_figure(errors)
    for fact in text_facts:
        data_path, _, _ = _walk(root, fact)
        pos = loaded.where(data_path)
        problems.append(_problem(pos, loaded, format_path(data_path), _TEXT_AS_FIGURE))
    for err in errors:
        loc = tuple(err["loc"])
        if any(loc[: len(fact)] == fact for fact in text_facts):
            continue
        data_path, _, title = _walk(root, loc)
        message = _message(err, root, loc)
        if err["type"] == "extra_forbidden":
            pos = loaded.keys.get(data_path) or loaded.where(data_path)
            title = ""
        elif err["type"] == "missing":
            pos = loaded.where(data_path[:-1])
        else:
            pos = loaded.where(data_path)
        shown = format_path(data_path)
        if title:
            shown += f"（{title}）"
        problems.append(_problem(pos, loaded, shown, message))
    return problems


def _problem(pos: Any, loaded: Loaded, shown: str, message: str) -> Problem:
    return Problem(
        pos.file if pos else (loaded.files[0] if loaded.files else "<数据>"),
        pos.line if pos else 0,
        pos.column if pos else 0,
        shown,
        message,
    )


def validate_with_positions(model: type[M], data: Any, loaded: Loaded) -> M:
    try:
        return model.model_validate(data)
    except ValidationError as e:
        raise DataErrors(problems_from(e, model, loaded)) from None


__all__ = ["validate_with_positions", "problems_from", "format_path"]
