"""pydantic validation errors → Chinese `file:line:column 字段路径 message` problems.

Like mkdocs: the data is validated against a schema and every problem is reported at once,
at the place the user wrote it, with a "did you mean" for misspelt keys.
"""

from __future__ import annotations

import difflib
import re
import types
import typing
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, Tag, ValidationError
from pydantic_core import ErrorDetails

from ..datapath import format_path
from ..errors import DataErrors, DrafterError, Problem
from ..model.report import Report
from ..model.stated import conflicts
from .yaml_data import FRAGMENT_PREFIX, Loaded

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


def _label(tp: Any) -> str:
    """How pydantic names an untagged union's member in an error location: Rank, list[Rank]."""
    if typing.get_origin(tp) is list:
        return f"list[{_label(_unwrap(typing.get_args(tp)[0]))}]"
    return getattr(tp, "__name__", str(tp))


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
            labelled = {_label(_unwrap(m)): m for m in members}
            if isinstance(elem, str) and elem in labelled:
                tp = labelled[elem]
                continue  # pydantic's name of a union member (rank.Rank / rank.list[Rank]), not data
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
                if hint := getattr(parent, "SHAPE_HINT", ""):  # 生态环境质量: 持续改善 was meant as text
                    msg += f"；{hint}"
        return msg
    if kind == "literal_error":
        msg = f"取值应为以下之一：{_literal_values(err, root, loc)}；这里是“{err.get('input')}”"
        return msg + _qualifier_hint(loc, err.get("input"))
    if kind == "int_parsing" and _cn_int(err.get("input")):
        return f"应为整数（{err['input']} → {_cn_int(err['input'])}）"
    if kind in ("int_type", "int_parsing", "float_type", "float_parsing", "int_from_float"):
        return "应为整数" if kind.startswith("int") else "应为数字"
    if kind in ("string_type",):
        return "应为文本"
    if kind in ("bool_type", "bool_parsing"):
        return "应为 true 或 false"
    if kind == "list_type":
        _, tp, _ = _walk(root, loc)
        item = next((_unwrap(typing.get_args(m)[0]) for m in map(_unwrap, _union_members(_unwrap(tp)))
                     if typing.get_origin(m) is list), None)
        example = getattr(item, "EXAMPLE", "")
        if example:  # compare: 1.5 — say what one item of the list holds
            return f"应为列表，每项另起一行，如 - {example}"
        return "应为列表：每项另起一行，以“- ”开头"
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        hint = getattr(_model_at(root, loc), "SHAPE_HINT", "")  # how else the item may be written
        return "应为若干“键: 值”组成的映射" + (f"；{hint}" if hint else "")
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


# Words offices put under a qualifier that the model takes elsewhere (H120, H121)
_APPROX_WORDS = ("约", "余", "多", "超", "近", "超过", "接近", "将近")


def _qualifier_hint(loc: tuple, given: Any) -> str:
    """Where the word typed as a qualifier goes: 近1200亿元 is a figure's approx, 增长近7% a
    check's actual_approx (the verdict reads it: 近7% is short of 7%)."""
    if not isinstance(given, str) or not loc or loc[-1] not in ("qualifier", "actual_qualifier"):
        return ""
    if given in _APPROX_WORDS:
        word = {"超过": "超", "接近": "近", "将近": "近"}.get(given, given)
        where = '约 / 超 / 近写在数值前' if word in '约超近' else '余 / 多写在数值后'
        if loc[-1] == "actual_qualifier":
            return f"；“{given}”是约数词，写在 actual_approx：actual_approx: {word}（{where}；据实判断，近7%未达到7%的目标）"
        if "checks" in loc or "indicators" in loc:
            return f"；“{given}”是约数词，目标请写 以上 / 左右 / 以内"
        return f"；“{given}”是约数词，写在 approx：approx: {word}（{where}）"
    if "下达" in given:  # 完成省下达任务 (H120): one value, the draft names the level above
        own = "" if "checks" in loc else f"；要照自己的说法写，另填 verb，如 verb: {given}"
        return f"；上级下达的目标写 完成上级下达任务，初稿按层级写成“完成省（市）下达的目标任务”{own}"
    return ""


_CN_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")}


def _cn_int(text: Any) -> int | None:
    """第一 → 1, 十二 → 12, 二十三 → 23, 一百零五 → 105: a place typed in Chinese numerals."""
    if not isinstance(text, str):
        return None
    t = text.strip().removeprefix("第").removeprefix("倒数").removeprefix("第").removesuffix("位").removesuffix("名")
    if not t or len(t) > 6 or any(c not in "零一二三四五六七八九十百两" for c in t):
        return None
    t = t.replace("两", "二")
    total, digit = 0, 0
    for c in t:
        if c == "百":
            total, digit = total + (digit or 1) * 100, 0
        elif c == "十":
            total, digit = total + (digit or 1) * 10, 0
        else:
            digit = _CN_DIGITS[c]
    return (total + digit) or None


def _union_label_at(root: type[BaseModel], loc: tuple) -> tuple[tuple, bool] | None:
    """(location before the label, whether the member is a list) for an error inside an
    untagged union (rank.Rank.place, rank.list[Rank]); None for any other error."""
    for k in range(1, len(loc)):
        if not isinstance(loc[k], str):
            continue
        _, tp, _ = _walk(root, loc[:k])
        members = [_unwrap(m) for m in _union_members(_unwrap(tp))]
        if len(members) > 1 and not any(_tag(m) for m in _union_members(_unwrap(tp))):
            for m in members:
                if _label(m) == loc[k]:
                    return loc[:k], typing.get_origin(m) is list
    return None


def _wrong_member(err: ErrorDetails, root: type[BaseModel], loaded: Loaded) -> bool:
    """An error of the union member the data was not written as: a mapping was meant as one
    Rank, not a list of them. Only the errors of the member that fits the data are shown."""
    found = _union_label_at(root, tuple(err["loc"]))
    if found is None:
        return False
    prefix, is_list = found
    data_path, _, _ = _walk(root, prefix)
    value: Any = loaded.data
    for step in data_path:
        try:
            value = value[step]
        except (KeyError, IndexError, TypeError):
            return False
    if isinstance(value, list):
        return not is_list
    return is_list  # a mapping, or a scalar: the single member's message says what it should be


# A fact written {text: …}: a text fact is a bare string, so the mapping was taken for a figure.
_TEXT_AS_FIGURE = ("文字事项直接写成一段文字（如 - 及时出台4方面政策措施），要注明部门时写成 {text: …, dept: …}（两项都要写）；"
                   "带数字的指标才写成 {name: …, value: …}")


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
        if any(loc[: len(fact)] == fact for fact in text_facts) or _wrong_member(err, root, loaded):
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
    if model is Report and isinstance(data, dict) and "meta" not in data:
        _no_meta(loaded)
    try:
        obj = model.model_validate(data)
    except ValidationError as e:
        raise DataErrors(problems_from(e, model, loaded)) from None
    if isinstance(obj, Report):
        found = two_numbers(obj, loaded)
        if found:
            raise DataErrors(found)
    return obj


def _no_meta(loaded: Loaded) -> None:
    """No file gives the basic information: in plain words, and what to do (a folder holding
    only gather's fragments, H87: 「30_gather_市人社局.yaml meta（基本信息） 缺少必填字段」)."""
    names = [Path(f).name for f in loaded.files]
    if names and all(n.startswith(FRAGMENT_PREFIX) for n in names):
        folder = str(Path(loaded.files[0]).parent)  # the files are named as the user gave them
        raise DrafterError(
            f"{folder} 中只有 drafter gather 写的片段（{FRAGMENT_PREFIX}*.yaml），没有办公室的数据文件，"
            f"缺少地区、年度等基本信息（meta）：请先在这个文件夹里运行 drafter init（如 drafter init "
            f"{folder}/某市2025.yaml --from 去年的报告.docx），再起草")
    where = "、".join(names) or "数据"
    raise DrafterError(f"{where} 中没有基本信息（meta：地区、层级、年度）：请在数据文件开头写 meta，"
                       "或用 drafter init 生成数据文件")


def _shown(path: tuple, loaded: Loaded) -> str:
    pos = loaded.value_at(path)
    where = f"{pos.file}:{pos.line}:{pos.column} " if pos else ""
    return where + format_path(path)


def two_numbers(report: Report, loaded: Loaded) -> list[Problem]:
    """One indicator with two different numbers in the headline figures and last year's checks
    (two departments' fragments, say): the draft would print both in one sentence."""
    out = []
    for first, later in conflicts(report):
        basis = "增速" if later.key[1] == "growth" else "数值"
        out.append(_problem(
            loaded.value_at(later.path), loaded, format_path(later.path),
            f"{later.name}的{basis}写了两个不同的数：这里是 {later.number}，{_shown(first.path, loaded)} 是 "
            f"{first.number}；同一指标只能有一个数，请核对后删去一处",
        ))
    return out


__all__ = ["validate_with_positions", "problems_from", "format_path"]
