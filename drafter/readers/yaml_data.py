"""Reading the YAML data files an office fills, keeping file:line:column for every value.

ruamel.yaml's round-trip loader is used because it follows YAML 1.2 (「no」 stays text, 010 is
not octal), refuses duplicate keys and records the position of every key and value, which
the Chinese error messages need. A folder of files is merged in name order, so each
department can fill its own fragment; two files giving different values for the same key is
an error that names both.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import DataErrors, DrafterError, Problem, display_path

Path_ = tuple  # a data path: ("review", "headline", 0, "growth")

MAX_DATA_BYTES = 5 * 1024 * 1024  # a real data file is a few dozen kB


@dataclass(frozen=True)
class Pos:
    file: str
    line: int  # 1-based
    column: int  # 1-based


@dataclass
class Loaded:
    """Plain Python data plus where each value and key was written."""

    data: Any
    values: dict[Path_, Pos] = field(default_factory=dict)
    keys: dict[Path_, Pos] = field(default_factory=dict)
    files: list[str] = field(default_factory=list)

    def where(self, path: Path_) -> Pos | None:
        """Position of the value at `path`, else of its key, else of the nearest parent."""
        p = tuple(path)
        while True:
            if p in self.values:
                return self.values[p]
            if p in self.keys:
                return self.keys[p]
            if not p:
                return None
            p = p[:-1]


def format_path(path: Path_) -> str:
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


_YAML_MESSAGES = [
    ("found duplicate key", "重复的键：同一层级不能出现两次同名字段"),
    ("mapping values are not allowed here", "此处不能出现“键: 值”：检查缩进，或给含冒号的文本加引号"),
    ("found character '\\t' that cannot start any token", "不能用制表符（Tab）缩进，请改用空格"),
    ("found unexpected end of stream", "引号没有闭合"),
    ("while scanning a quoted scalar", "引号没有闭合"),
    ("could not find expected ':'", "缺少冒号“:”，或多行文本缩进不一致"),
    ("expected <block end>", "缩进不一致：同一层的字段或列表项要对齐"),
    ("while parsing a flow", "方括号或花括号没有闭合"),
    ("found undefined alias", "引用了未定义的锚点（*别名）"),
    ("did not find expected key", "缩进不一致：同一层的字段要对齐"),
    ("did not find expected '-' indicator", "列表项缩进不一致：每项以“- ”开头并对齐"),
    ("found character that cannot start any token", "此处有不能开始一个值的字符（如 @ 或 `），请给文本加引号"),
]


def _yaml_message(exc: Exception) -> str:
    text = " ".join(
        str(x) for x in (getattr(exc, "context", None), getattr(exc, "problem", None)) if x
    ) or str(exc)
    for needle, message in _YAML_MESSAGES:
        if needle in text:
            return message
    return f"YAML 格式错误（{getattr(exc, 'problem', None) or text.splitlines()[0]}）"


def _decode(raw: bytes, shown: str) -> str:
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as e:
        line = raw.count(b"\n", 0, e.start) + 1
        col = e.start - (raw.rfind(b"\n", 0, e.start) + 1) + 1
        hint = ""
        try:
            raw.decode("gb18030")
            hint = "；文件可能是 GBK/GB18030 编码，请在编辑器中另存为 UTF-8"
        except UnicodeDecodeError:
            pass
        raise DataErrors(
            [Problem(shown, line, col, "", f"文件不是 UTF-8 编码（第 {e.start + 1} 字节无法解码）{hint}")]
        ) from None


def load_yaml_file(path: Path) -> Loaded:
    """One YAML file → plain data with positions. Raises DataErrors / DrafterError in Chinese."""
    from ruamel.yaml import YAML
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    shown = display_path(path)
    if not path.exists():
        raise DrafterError(f"找不到数据文件：{shown}")
    if path.is_dir():
        raise DrafterError(f"{shown} 是文件夹，这里需要一个 YAML 文件")
    size = path.stat().st_size
    if size > MAX_DATA_BYTES:
        raise DrafterError(f"{shown} 有 {size // 1024} KB，超过数据文件上限 {MAX_DATA_BYTES // 1024 // 1024} MB")
    text = _decode(path.read_bytes(), shown)
    yaml = YAML(typ="rt")
    try:
        doc = yaml.load(text)
    except MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        raise DataErrors([Problem(shown, line, col, "", _yaml_message(e))]) from None
    except YAMLError as e:  # pragma: no cover - unmarked errors are rare
        raise DataErrors([Problem(shown, 0, 0, "", _yaml_message(e))]) from None
    except RecursionError:
        raise DataErrors([Problem(shown, 0, 0, "", "嵌套层级过深")]) from None
    loaded = Loaded(data=None, files=[shown])
    if doc is None:
        loaded.data = {}
        return loaded
    loaded.data = _plain(doc, (), shown, loaded, depth=0)
    return loaded


def _plain(node: Any, path: Path_, file: str, out: Loaded, depth: int) -> Any:
    """ruamel's commented nodes → dict/list/str/int/float/bool/date, recording positions."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if depth > 40:
        raise DataErrors([Problem(file, 0, 0, format_path(path), "嵌套层级过深（超过 40 层）")])
    if isinstance(node, CommentedMap):
        result = {}
        for k, v in node.items():
            key = k if isinstance(k, str) else str(k)
            kl, kc = node.lc.key(k)
            vl, vc = node.lc.value(k)
            child = path + (key,)
            out.keys[child] = Pos(file, kl + 1, kc + 1)
            out.values[child] = Pos(file, vl + 1, vc + 1)
            result[key] = _plain(v, child, file, out, depth + 1)
        return result
    if isinstance(node, CommentedSeq):
        result_list = []
        for i, v in enumerate(node):
            line, col = node.lc.item(i)
            out.values[path + (i,)] = Pos(file, line + 1, col + 1)
            result_list.append(_plain(v, path + (i,), file, out, depth + 1))
        return result_list
    if isinstance(node, bool):
        return bool(node)
    if isinstance(node, int):
        return int(node)
    if isinstance(node, float):
        return float(node)
    if isinstance(node, str):
        return str(node)
    if isinstance(node, dt.datetime):
        return node.date() if (node.hour, node.minute, node.second) == (0, 0, 0) else node
    return node


def _merge(into: Loaded, new: Loaded) -> list[Problem]:
    """Merge `new` into `into`: mappings deep-merge, lists append, equal scalars agree."""
    problems: list[Problem] = []

    def walk(a: Any, b: Any, path: Path_) -> Any:
        if isinstance(a, dict) and isinstance(b, dict):
            for k, v in b.items():
                child = path + (k,)
                if k in a:
                    a[k] = walk(a[k], v, child)
                else:
                    a[k] = v
                    _copy_positions(new, into, child, child)
            return a
        if isinstance(a, list) and isinstance(b, list):
            offset = len(a)
            for i, v in enumerate(b):
                _copy_positions(new, into, path + (i,), path + (offset + i,))
                a.append(v)
            return a
        if a == b and type(a) is type(b):
            return a
        here, there = into.where(path), new.where(path)
        first = f"{here.file}:{here.line}:{here.column}" if here else "前一个文件"
        problems.append(
            Problem(
                there.file if there else new.files[0],
                there.line if there else 0,
                there.column if there else 0,
                format_path(path),
                f"与 {first} 的值冲突：同一字段只能在一个文件中填写",
            )
        )
        return a

    into.data = walk(into.data, new.data, ())
    into.files.extend(new.files)
    return problems


def _copy_positions(src: Loaded, dst: Loaded, old: Path_, new: Path_) -> None:
    n = len(old)
    for table_src, table_dst in ((src.values, dst.values), (src.keys, dst.keys)):
        for p, pos in table_src.items():
            if p[:n] == old:
                table_dst[new + p[n:]] = pos


def load_data(path: str | Path) -> Loaded:
    """A data file, or a folder whose .yaml/.yml files are merged in name order."""
    path = Path(path)
    if path.is_dir():
        files = sorted(
            (p for p in path.iterdir() if p.suffix.lower() in (".yaml", ".yml") and p.is_file()),
            key=lambda p: p.name,
        )
        if not files:
            raise DrafterError(f"文件夹 {display_path(path)} 中没有 .yaml 数据文件")
        merged = Loaded(data={})
        problems: list[Problem] = []
        for f in files:
            try:
                part = load_yaml_file(f)
            except DataErrors as e:
                problems.extend(e.problems)
                continue
            if not isinstance(part.data, dict):
                problems.append(Problem(part.files[0], 1, 1, "", "文件顶层应为“键: 值”的映射"))
                continue
            problems.extend(_merge(merged, part))
        if problems:
            raise DataErrors(problems)
        return merged
    loaded = load_yaml_file(path)
    if not isinstance(loaded.data, dict):
        raise DataErrors([Problem(loaded.files[0], 1, 1, "", "文件顶层应为“键: 值”的映射（如 meta: …）")])
    return loaded
