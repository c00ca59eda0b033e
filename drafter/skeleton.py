"""`drafter init`: a data file skeleton with a Chinese comment on every field.

The comments come from the model's own titles and descriptions, so they never drift from
what the validator accepts. Standard indicators are pre-listed with empty values: the first
draft then shows a 【待补充】 placeholder exactly where each figure is needed.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import types
import typing
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from pydantic_core import PydanticUndefined

from .model import Figure, Report
from .model.depts import department
from .model.structure import PartHeadings
from .model.targets import TEXT_TARGET_HINT
from .readers.yaml_data import DATA_SUFFIXES

SCHEMA_FILE = "drafter.schema.json"


def names_new_folder(path: Path) -> bool:
    """`init -o data`: a name without any suffix that is not there yet is a folder to make."""
    return not path.suffix and not os.path.lexists(path)


def data_file_target(path: Path, region: str, year: int, force: bool) -> Path:
    """Where `init` writes: `path`, or `<path>/<地区><年>.yaml` when it is a folder (init -o
    data, as gather -o data); a name without any suffix that does not exist yet is a new folder,
    made by the writer (make_data_folder) once everything is read. Refuses another suffix; an
    existing file (without --force) as every output is (atomic.check_target names it a 数据文件)."""
    from .atomic import check_target  # beside the writer: the skeleton itself needs no files
    from .errors import DrafterError, display_path

    # os.path: a name too long for the filesystem is no folder and no file, never an OSError here
    if path.suffix.lower() not in DATA_SUFFIXES:
        if not os.path.isdir(path):
            if not names_new_folder(path):
                raise DrafterError(f"数据文件名应以 .yaml 结尾：{display_path(path)}（或给一个文件夹，写成 文件夹/{region}{year}.yaml）")
            check_target(path, force)  # the new folder's name, and the folder it goes in
            return path / f"{region}{year}.yaml"
        path = path / f"{region}{year}.yaml"
    check_target(path, force)  # an existing file, a folder, a link, a name too long… as for every output
    return path


def make_data_folder(path: Path) -> None:
    """Make the folder data_file_target chose for `path` when it is not there."""
    from .errors import DrafterError, display_path, os_reason

    if os.path.isdir(path.parent):
        return
    try:
        path.parent.mkdir()
    except FileExistsError:
        return  # made meanwhile: atomic_write_text checks what it is
    except OSError as e:
        raise DrafterError(f"无法新建文件夹 {display_path(path.parent)}：{os_reason(e)}") from None


_PLAIN = re.compile(r"^[\u3400-\u9fff\uff08（“A-Za-z][^:#\n'\"{}\[\],&*!|>%@`]*$")
_RESERVED = {"null", "true", "false", "yes", "no", "on", "off", "~"}


def _scalar(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        return repr(v)
    if isinstance(v, dt.date):
        return v.isoformat()
    s = str(v)
    if _PLAIN.match(s) and s.lower() not in _RESERVED and s == s.strip():
        return s
    return json.dumps(s, ensure_ascii=False)


def _unwrap(tp: Any) -> Any:
    while typing.get_origin(tp) is typing.Annotated:
        tp = typing.get_args(tp)[0]
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        members = [m for m in typing.get_args(tp) if m is not type(None)]
        if len(members) == 1:
            return _unwrap(members[0])
    return tp


def _model_of(tp: Any) -> type[BaseModel] | None:
    tp = _unwrap(tp)
    return tp if isinstance(tp, type) and issubclass(tp, BaseModel) else None


def _list_item(tp: Any) -> Any:
    tp = _unwrap(tp)
    return typing.get_args(tp)[0] if typing.get_origin(tp) is list else None


def _default(info: Any) -> Any:
    if info.default_factory is not None:
        value = info.default_factory()
        return value.model_dump() if isinstance(value, BaseModel) else value
    if info.default is PydanticUndefined:
        return None
    return info.default


def _comment(info: Any) -> str:
    title, desc = info.title or "", info.description or ""
    return f"{title}：{desc}" if desc and desc != title else title


def emit_model(
    model: type[BaseModel], data: dict, indent: int, out: list[str], full: bool, item: bool = False
) -> None:
    """Emit the fields of `model`. In a list item, fields the skeleton leaves out are shown
    commented out: a key written but left empty asks the draft for a 【待补充】 placeholder."""
    pad = " " * indent
    for name, info in model.model_fields.items():
        if not full and name not in data:
            continue
        value = data[name] if name in data else _default(info)
        if full:
            out.append(f"{pad}# {_comment(info)}")
        if item and name not in data:
            if full:
                shown = "[]" if value == [] else _scalar(value)
                out.append(f"{pad}# {name}: {shown}".rstrip())
            continue
        _emit_field(name, info.annotation, value, indent, out, full)


def _emit_field(name: str, tp: Any, value: Any, indent: int, out: list[str], full: bool) -> None:
    pad = " " * indent
    sub = _model_of(tp)
    item_tp = _list_item(tp)
    if sub is not None and isinstance(value, dict):
        out.append(f"{pad}{name}:")
        emit_model(sub, value, indent + 2, out, full)
    elif item_tp is not None and isinstance(value, list):
        if not value:
            out.append(f"{pad}{name}: []")
            return
        out.append(f"{pad}{name}:")
        item_model = _model_of(item_tp)
        for i, item in enumerate(value):
            if isinstance(item, dict):
                model = item_model or _fact_model()
                lines: list[str] = []
                emit_model(model, item, indent + 4, lines, full and i == 0, item=True)
                first = next(k for k, line in enumerate(lines) if not line.lstrip().startswith("#"))
                lines[first] = f"{pad}  - " + lines[first].lstrip()
                out.extend(lines)
            else:
                out.append(f"{pad}  - {_scalar(item)}")
    else:
        text = _scalar(value)
        out.append(f"{pad}{name}: {text}".rstrip())


def _fact_model() -> type[BaseModel]:
    return Figure


def skeleton_data(region: str, level: str, year: int) -> dict:
    # departments as the examples, forms and gather name them: 市统计局, 区发改局 (model.depts)
    def dept(bare: str) -> str:
        return department(bare, level)

    sections: list[dict[str, Any]] = [{"title": None, "facts": []} for _ in range(6)]
    areas: list[dict[str, Any]] = [{"title": None, "items": [{"lead": None, "measures": []}]} for _ in range(8)]
    return {
        "meta": {"region": region, "level": level, "year": year},
        "review": {
            "headline": [
                {"name": "生产总值", "verb": "达到", "value": None, "unit": "亿元", "growth": None, "status": "预计", "dept": dept("统计局")},
                {"name": "一般公共预算收入", "growth": None, "status": "预计", "dept": dept("财政局")},
                {"name": "城乡居民人均可支配收入", "growth": None, "status": "预计", "dept": dept("统计局")},
            ],
            "sections": sections,
        },
        "targets": {
            "indicators": [
                {"name": "生产总值", "kind": "growth", "value": None, "qualifier": "左右", "dept": dept("发改委")},
                {"name": "一般公共预算收入", "kind": "growth", "value": None, "dept": dept("财政局")},
                {"name": "固定资产投资", "kind": "growth", "value": None, "dept": dept("发改委")},
                {"name": "社会消费品零售总额", "kind": "growth", "value": None, "dept": dept("商务局")},
                {"name": "城乡居民人均可支配收入", "kind": "growth", "value": None, "value2": None, "qualifier": "左右", "dept": dept("统计局")},
                {"name": "城镇新增就业", "kind": "level", "value": None, "unit": "万人", "qualifier": "以上", "dept": dept("人社局")},
                {"name": "居民消费价格指数涨幅", "kind": "control", "value": None, "qualifier": "控制在以内", "dept": dept("发改委")},
            ],
        },
        "key_tasks": {"areas": areas},
    }


# The year the descriptions of structure.headings are written for (不填为“2025年重点工作”).
_HEADINGS_EXAMPLE_YEAR = 2025


def year_comments(lines: list[str], year: int) -> None:
    """The comments of structure.headings say what the draft prints when the field is empty;
    the model writes them for one example year, so every year in them moves to the skeleton's
    own: the draft of `year` reviews year - 1 (compose._headings)."""
    def shift(m: re.Match) -> str:
        return str(int(m.group(0)) - _HEADINGS_EXAMPLE_YEAR + year)

    for info in PartHeadings.model_fields.values():
        old = f"    # {_comment(info)}"
        if old in lines:
            lines[lines.index(old)] = re.sub(r"\d{4}(?=年)", shift, old)


def skeleton_yaml(region: str, level: str, year: int, schema_ref: str = SCHEMA_FILE) -> str:
    out = [
        f"# yaml-language-server: $schema={schema_ref}",
        f"# {' '.join(region.splitlines())}{year}年政府工作报告 数据文件（drafter init 生成）",  # a comment is one line
        "# 每个字段上方的注释说明填写内容；留空的字段在初稿中显示为【待补充：…】。",
        "# 数字只写数字（如 6.5），单位写在 unit；文字中含冒号等符号时请加引号。",
        "# 检查：drafter validate 本文件    生成初稿：drafter draft 本文件 -o 初稿.docx",
        "",
    ]
    emit_model(Report, skeleton_data(region, level, year), 0, out, full=True)
    year_comments(out, year)
    return "\n".join(out) + "\n"


def schema_json() -> str:
    schema = Report.model_json_schema()
    # a target with no number may be a plain line (- 生态环境质量持续改善, model/targets.py):
    # the editor must not mark it wrong
    indicators = schema["$defs"]["Targets"]["properties"]["indicators"]
    indicators["items"] = {"anyOf": [indicators["items"], {"type": "string", "description": TEXT_TARGET_HINT}]}
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "drafter 政府工作报告数据文件"
    schema["$comment"] = "drafter schema 生成；由 drafter init 写出，供编辑器自动补全和校验"
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"
