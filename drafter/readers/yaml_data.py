"""Reading the YAML data files an office fills, keeping file:line:column for every value.

PyYAML's libyaml composer builds the node graph (with a mark on every node) in a few
milliseconds; the scalars are then resolved here by the YAML 1.2 core schema, not PyYAML's
YAML 1.1 rules: 「no」 and 「off」 stay text, 010 is ten, 2025-01-20 stays text until the model
asks for a date, 4.10 keeps its trailing zero (a Decimal), and a key written twice is an
error instead of last-one-wins. A folder of files is merged in name order, so each department
can fill its own fragment; two files giving different values for the same key is an error
that names both.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..errors import DataErrors, DrafterError, Problem, display_path

Path_ = tuple  # a data path: ("review", "headline", 0, "growth")

from ..limits import MAX_DATA_BYTES, MAX_YAML_DEPTH, MAX_YAML_NODES


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


MAX_NODES = MAX_YAML_NODES  # aliases can make a small file expand enormously (an "alias bomb")
MAX_DEPTH = MAX_YAML_DEPTH

_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"^[-+]?[0-9]+$")
_OCT = re.compile(r"^0o[0-7]+$")
_HEX = re.compile(r"^0x[0-9a-fA-F]+$")
_FLOAT = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")
_SPECIAL_FLOAT = {".inf", ".Inf", ".INF", "+.inf", "-.inf", ".nan", ".NaN", ".NAN"}

_TAG = "tag:yaml.org,2002:"


@lru_cache(maxsize=1)
def _loader_class() -> type:
    import yaml

    base = getattr(yaml, "CSafeLoader", None) or yaml.SafeLoader

    class Loader(base):  # type: ignore[misc, valid-type]
        """Composes nodes only; no implicit (YAML 1.1) resolution: plain scalars stay str-tagged
        and are resolved by the 1.2 core schema in _scalar()."""

    Loader.yaml_implicit_resolvers = {}
    return Loader


class _Converter:
    def __init__(self, file: str, out: "Loaded"):
        self.file = file
        self.out = out
        self.count = 0
        self.problems: list[Problem] = []

    def pos(self, node: Any) -> Pos:
        m = node.start_mark
        return Pos(self.file, m.line + 1, m.column + 1)

    def convert(self, node: Any, path: tuple, depth: int) -> Any:
        import yaml

        self.count += 1
        if self.count > MAX_NODES:
            raise DataErrors([Problem(self.file, *self._lc(node), format_path(path), "YAML 别名（*引用）展开后过大，已拒绝")])
        if depth > MAX_DEPTH:
            raise DataErrors([Problem(self.file, *self._lc(node), format_path(path), f"嵌套层级过深（超过 {MAX_DEPTH} 层）")])
        if isinstance(node, yaml.MappingNode):
            result: dict = {}
            for key_node, value_node in node.value:
                if not isinstance(key_node, yaml.ScalarNode):
                    self.problems.append(Problem(self.file, *self._lc(key_node), format_path(path), "键必须是简单的文字"))
                    continue
                key = key_node.value
                child = path + (key,)
                if key in result:
                    first = self.out.keys[child]
                    self.problems.append(
                        Problem(self.file, *self._lc(key_node), format_path(child),
                                f"重复的键“{key}”：第 {first.line} 行已经写过，同一层级不能出现两次")
                    )
                    continue
                self.out.keys[child] = self.pos(key_node)
                self.out.values[child] = self.pos(value_node)
                result[key] = self.convert(value_node, child, depth + 1)
            return result
        if isinstance(node, yaml.SequenceNode):
            items = []
            for i, item in enumerate(node.value):
                self.out.values[path + (i,)] = self.pos(item)
                items.append(self.convert(item, path + (i,), depth + 1))
            return items
        return self.scalar(node, path)

    def _lc(self, node: Any) -> tuple[int, int]:
        m = node.start_mark
        return m.line + 1, m.column + 1

    def scalar(self, node: Any, path: tuple) -> Any:
        text, tag = node.value, node.tag
        if node.style:  # quoted or block scalar: always text (plain is None, or "" from libyaml)
            if tag in (_TAG + "str", "!"):
                return text
        if tag == _TAG + "str":
            return _resolve_plain(text)
        if tag == _TAG + "int" and (_INT.match(text) or _OCT.match(text) or _HEX.match(text)):
            return _resolve_plain(text)
        if tag == _TAG + "float" and (_FLOAT.match(text) or _INT.match(text)):
            return Decimal(text)
        if tag == _TAG + "bool" and text in _BOOL:
            return _BOOL[text]
        if tag == _TAG + "null":
            return None
        self.problems.append(
            Problem(self.file, *self._lc(node), format_path(path), f"不支持的 YAML 标签 {tag}，请直接写值")
        )
        return text


def _resolve_plain(text: str) -> Any:
    """A plain scalar by the YAML 1.2 core schema."""
    if _NULL.match(text):
        return None
    if text in _BOOL:
        return _BOOL[text]
    if _INT.match(text):
        return int(text)
    if _OCT.match(text):
        return int(text[2:], 8)
    if _HEX.match(text):
        return int(text[2:], 16)
    if _FLOAT.match(text):
        return Decimal(text)  # keeps 4.10 as typed
    if text in _SPECIAL_FLOAT:
        return float(text.replace(".", ""))  # the model refuses these with a clear message
    return text


def load_yaml_text(text: str, shown: str) -> "Loaded":
    """YAML text → plain data with positions. Raises DataErrors in Chinese."""
    import yaml

    loaded = Loaded(data=None, files=[shown])
    try:
        node = yaml.compose(text, Loader=_loader_class())
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        message = _yaml_message(e)
        lines = text.splitlines()
        if mark and mark.line < len(lines) and "\t" in lines[mark.line][: mark.column + 1]:
            message = "不能用制表符（Tab）缩进或分隔，请改用空格"
        raise DataErrors([Problem(shown, line, col, "", message)]) from None
    except yaml.YAMLError as e:
        raise DataErrors([Problem(shown, 0, 0, "", _yaml_message(e))]) from None
    except RecursionError:
        raise DataErrors([Problem(shown, 0, 0, "", "嵌套层级过深")]) from None
    if node is None:
        loaded.data = {}
        return loaded
    conv = _Converter(shown, loaded)
    loaded.data = conv.convert(node, (), 0)
    if conv.problems:
        raise DataErrors(conv.problems)
    return loaded


def load_yaml_file(path: Path) -> "Loaded":
    """One YAML file → plain data with positions. Raises DataErrors / DrafterError in Chinese."""
    shown = display_path(path)
    if not path.exists():
        raise DrafterError(f"找不到数据文件：{shown}")
    if path.is_dir():
        raise DrafterError(f"{shown} 是文件夹，这里需要一个 YAML 文件")
    size = path.stat().st_size
    if size > MAX_DATA_BYTES:
        raise DrafterError(f"{shown} 有 {size // 1024} KB，超过数据文件上限 {MAX_DATA_BYTES // 1024 // 1024} MB")
    return load_yaml_text(_decode(path.read_bytes(), shown), shown)


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
