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

import gc
import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple, get_args

import yaml

from ..datapath import format_path
from ..errors import DataErrors, DrafterError, Problem, display_path
from ..limits import (
    MAX_DATA_BYTES,
    MAX_DATA_VALUES,
    MAX_NUMBER_DIGITS,
    MAX_NUMBER_EXPONENT,
    MAX_YAML_DEPTH,
    MAX_YAML_NODES,
    read_capped,
)
from ..model.review import Topic
from .fill import apply_fills

# A data path as the reader keys positions by it: a plain tuple, one per value read (cheap);
# equal to the DataPath of the same steps, which formats and resolves it.
Path_ = tuple  # ("review", "headline", 0, "growth")


class Pos(NamedTuple):  # a tuple: one is made for every key and value, so it must be cheap
    file: str
    line: int  # 1-based
    column: int  # 1-based


_pos = tuple.__new__  # _pos(Pos, (file, line, column)): a Pos without the Python-level __new__


class Loaded:
    """Plain Python data plus where each value and key was written.

    One file's reader keeps the parser's marks (0-based line and column) as they come, and a
    Pos is made only for a path asked about: a draft asks about a few (the values it leaves
    out, value_paths / value_at), and making a Pos for each of ~2,000 values and keys was half
    of the reader's own work (~0.5 ms a warm draft). `values` and `keys` give every one as a
    Pos, made on their first use (messages about the data, folders, fills)."""

    def __init__(self, data: Any = None, values: dict | None = None, keys: dict | None = None,
                 files: list[str] | None = None, marks_file: str | None = None):
        self.data = data
        self.files: list[str] = files if files is not None else []
        self._values: dict[Path_, Any] = values if values is not None else {}  # a Pos or a mark
        self._keys: dict[Path_, Any] = keys if keys is not None else {}
        self._marks_file = marks_file  # the file the marks are in; None: only Pos
        self._made: set[str] = set()  # the tables ("values", "keys") that hold only Pos
        # notes `validate` (and draft) give as warnings: empty topic sections a folder's merge left
        # out, one topic on two sections of a file, gathered topics the office's sections lack
        self.dropped: list[Problem] = []
        self.topic_notes: list[Problem] = []  # the last two of these, which draft prints too

    @property
    def values(self) -> dict[Path_, Pos]:
        return self._every_pos("values", self._values)

    @property
    def keys(self) -> dict[Path_, Pos]:
        return self._every_pos("keys", self._keys)

    def value_paths(self) -> Iterable[Path_]:
        """The paths of the values, in the order they were read, without making a Pos."""
        return self._values.keys()

    def value_at(self, path: Path_) -> Pos | None:
        return self._pos_in(self._values, path)

    def key_at(self, path: Path_) -> Pos | None:
        return self._pos_in(self._keys, path)

    def where(self, path: Path_) -> Pos | None:
        """Position of the value at `path`, else of its key, else of the nearest parent."""
        p = tuple(path)
        while True:
            pos = self._pos_in(self._values, p) or self._pos_in(self._keys, p)
            if pos is not None:
                return pos
            if not p:
                return None
            p = p[:-1]

    def _pos_in(self, table: dict[Path_, Any], path: Path_) -> Pos | None:
        got = table.get(path)
        if got is None or type(got) is Pos:
            return got
        pos = table[path] = _pos(Pos, (self._marks_file, got.line + 1, got.column + 1))
        return pos

    def _every_pos(self, name: str, table: dict[Path_, Any]) -> dict[Path_, Pos]:
        if name not in self._made:
            for path in table:
                self._pos_in(table, path)  # replaces a value of the dict: no change of size
            self._made.add(name)
        return table


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
    # libyaml (CSafeLoader) words the same problems its own way; the rest is rarer syntax
    ("mapping values are not allowed in this context", "此处不能出现“键: 值”：检查缩进，或给含冒号的文本加引号"),
    ("mapping keys are not allowed", "此处不能出现键：检查缩进，或给文本加引号"),
    ("block sequence entries are not allowed", "此处不能出现列表项“- ”：检查缩进"),
    ("found a tab character", "不能用制表符（Tab）缩进，请改用空格"),
    ("did not find expected comment or line break", "以“|”或“>”开头的值会被当作多行文本：文字应另起一行并缩进，或给整段文字加引号"),
    ("did not find expected node content", "此处缺少值，或列表、缩进写法有误"),
    ("expected the node content", "此处缺少值，或列表、缩进写法有误"),
    ("did not find expected ',' or", "方括号或花括号没有闭合，或其中缺少逗号"),
    ("expected ',' or", "方括号或花括号没有闭合，或其中缺少逗号"),
    ("unknown escape character", "双引号中的反斜杠“\\”后面的字符无效：改用单引号，或写成“\\\\”"),
    ("hexdecimal number", "双引号中的反斜杠转义写法有误：改用单引号"),
    ("hexadecimal numbers", "双引号中的反斜杠转义写法有误：改用单引号"),
    ("indentation indicator", "多行文本“|”或“>”后面的缩进数字无效（应为 1–9）"),
    ("chomping or indentation", "多行文本“|”或“>”后面只能是 + - 或 1–9"),
    ("duplicate anchor", "锚点（&名称）重复定义"),
    ("second occurrence", "锚点（&名称）重复定义"),
    ("undefined tag handle", "不支持的 YAML 标签，请直接写值"),
    ("tag", "不支持的 YAML 标签，请直接写值"),
    ("a single document", "文件里只能有一份数据：删去“---”分隔线或其后的内容"),
    ("another document", "文件里只能有一份数据：删去“---”分隔线或其后的内容"),
    ("document indicator", "“---”或“...”只能单独成行，放在文件开头或结尾"),
    ("document start", "文件开头的格式有误：删去“%”开头的行或“---”前的内容"),
    ("directive", "不支持以“%”开头的指令行，请删去"),
    ("alias", "引用了未定义的锚点（*别名）"),
    ("anchor", "锚点（&名称）写法有误"),
    ("control characters", "文件中有不可见的控制字符，请删去"),
    ("unacceptable character", "文件中有不可见的控制字符，请删去"),
    ("UTF-8", "文件不是 UTF-8 编码，请在编辑器中另存为 UTF-8"),
    ("UTF-16", "文件不是 UTF-8 编码，请在编辑器中另存为 UTF-8"),
]


def _yaml_message(exc: Exception) -> str:
    text = " ".join(
        str(x) for x in (getattr(exc, "context", None), getattr(exc, "problem", None)) if x
    ) or str(exc)
    for needle, message in _YAML_MESSAGES:
        if needle in text:
            return message
    # PyYAML's words are English: never show them; the place (line:column) says where to look
    return "YAML 格式错误：此处的写法无法识别（检查缩进、冒号和引号）"


def _utf16(raw: bytes) -> bool:
    """UTF-16 (Windows Notepad's "Unicode"): a byte-order mark, or NUL bytes — text has none
    but as the high bytes of ASCII in UTF-16 (odd offsets little-endian, even big-endian) —
    and the bytes decode as such. Refused with a hint like GBK, not read: data files are UTF-8.
    A YAML file's keys, indents and newlines are ASCII: a tenth of its characters at least, so
    a stray NUL in a UTF-8 file (named as a control character later) is not taken for UTF-16."""
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return True
    if b"\x00" not in raw or len(raw) % 2:
        return False
    odd, even = raw[1::2].count(0), raw[0::2].count(0)
    if max(odd, even) < len(raw) // 20:
        return False
    order = "utf-16-le" if odd >= even else "utf-16-be"
    try:
        raw.decode(order)
    except UnicodeDecodeError:
        return False
    return True


def _decode(raw: bytes, shown: str) -> str:
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    if _utf16(raw):
        raise DataErrors([Problem(shown, 1, 1, "", "文件是 UTF-16 编码，请在编辑器中另存为 UTF-8")]) from None
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
_TOO_MANY = f"数据项过多：数据文件（或文件夹）共超过 {MAX_DATA_VALUES:,} 个值（一份完整的报告约 1,500 个），已拒绝"
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
    base = getattr(yaml, "CSafeLoader", None) or yaml.SafeLoader

    class Loader(base):  # type: ignore[misc, valid-type]  # a base chosen at run time (libyaml's when present)
        """Composes nodes only; no implicit (YAML 1.1) resolution: plain scalars stay str-tagged
        and are resolved by the 1.2 core schema in _scalar()."""

    Loader.yaml_implicit_resolvers = {}
    # Called for every node: with no implicit resolvers the answer is the default tag of its kind.
    defaults = {yaml.ScalarNode: _TAG + "str", yaml.SequenceNode: _TAG + "seq", yaml.MappingNode: _TAG + "map"}
    Loader.resolve = lambda self, kind, value, implicit: defaults[kind]
    return Loader


class _Converter:
    def __init__(self, file: str, out: Loaded, budget: int):
        self.file = file
        self.out = out
        self.limit = min(MAX_NODES, budget)  # values this file may expand to
        self.aliased = False
        self.problems: list[Problem] = []

    def pos(self, node: Any) -> Pos:
        m = node.start_mark
        return Pos(self.file, m.line + 1, m.column + 1)

    def measure(self, node: Any, path: tuple, depth: int, memo: dict) -> tuple[int, int]:
        """(expanded size, height) of a node, refusing an alias bomb or deep nesting before
        anything is built. Aliases share node objects, so memoising per node makes the cost
        that of the text, however large the expansion; a self-referencing anchor is never
        memoised while it is being measured, so it ends as 「嵌套层级过深」."""
        known = memo.get(id(node))
        if known is not None:
            self.aliased = True  # a node reached twice is an alias
        else:
            if depth > MAX_DEPTH:
                self._refuse(node, path, f"嵌套层级过深（超过 {MAX_DEPTH} 层）")
            size, height = 1, 0
            children: Iterator[tuple[Any, Any]]  # (key or index, child node)
            if isinstance(node, yaml.MappingNode):
                children = ((k.value, v) for k, v in node.value if isinstance(k, yaml.ScalarNode))
            elif isinstance(node, yaml.SequenceNode):
                children = enumerate(node.value)
            else:
                children = iter(())
            for key, child in children:
                if isinstance(child, yaml.ScalarNode):  # most nodes: no call, no path
                    size, height = size + 1, height or 1
                    continue
                child_size, child_height = self.measure(child, path + (key,), depth + 1, memo)
                size += child_size
                height = max(height, child_height + 1)
            if size > self.limit:  # children first: the deepest node that is too big is named
                self._refuse(node, path, "YAML 别名（*引用）展开后过大，已拒绝" if self.aliased else _TOO_MANY)
            known = memo[id(node)] = (size, height)
        if depth + known[1] > MAX_DEPTH:
            self._refuse(node, path, f"嵌套层级过深（超过 {MAX_DEPTH} 层）")
        return known

    def _refuse(self, node: Any, path: tuple, message: str) -> None:
        raise DataErrors([Problem(self.file, *self._lc(node), format_path(path), message)])

    def convert(self, node: Any, path: tuple) -> Any:
        """Build plain data from a node graph already measured (so of bounded size and depth)."""
        # ~3,000 nodes a report: marks are noted inline and scalars, most of the nodes,
        # converted without a further call to convert
        keys, values, scalar = self.out._keys, self.out._values, self.scalar  # noqa: SLF001 - the reader fills them
        if isinstance(node, yaml.MappingNode):
            result: dict = {}
            for key_node, value_node in node.value:
                if not isinstance(key_node, yaml.ScalarNode):
                    self.problems.append(Problem(self.file, *self._lc(key_node), format_path(path), "键必须是简单的文字"))
                    continue
                key = key_node.value
                child = path + (key,)
                if key in result:
                    first = self.out.key_at(child)
                    assert first is not None  # noted with the key's first appearance
                    self.problems.append(
                        Problem(self.file, *self._lc(key_node), format_path(child),
                                f"重复的键“{key}”：第 {first.line} 行已经写过，同一层级不能出现两次")
                    )
                    continue
                keys[child] = key_node.start_mark  # a Pos when asked for (Loaded)
                values[child] = value_node.start_mark
                is_scalar = isinstance(value_node, yaml.ScalarNode)
                result[key] = scalar(value_node, child) if is_scalar else self.convert(value_node, child)
            return result
        if isinstance(node, yaml.SequenceNode):
            items = []
            for i, item in enumerate(node.value):
                child = path + (i,)
                values[child] = item.start_mark
                items.append(scalar(item, child) if isinstance(item, yaml.ScalarNode) else self.convert(item, child))
            return items
        return scalar(node, path)

    def _lc(self, node: Any) -> tuple[int, int]:
        m = node.start_mark
        return m.line + 1, m.column + 1

    def scalar(self, node: Any, path: tuple) -> Any:
        text, tag = node.value, node.tag
        if node.style and tag in (_TAG + "str", "!"):  # quoted or block scalar: always text (plain is None, or "" from libyaml)
            return text
        try:
            return self._typed(text, tag, node, path)
        except _TooBig:
            self.problems.append(Problem(self.file, *self._lc(node), format_path(path), _TOO_BIG))
            return None

    def _typed(self, text: str, tag: str, node: Any, path: tuple) -> Any:
        if tag == _TAG + "str":
            return _resolve_plain(text)
        if tag == _TAG + "int" and (_INT.match(text) or _OCT.match(text) or _HEX.match(text)):
            return _resolve_plain(text)
        if tag == _TAG + "float" and (_FLOAT.match(text) or _INT.match(text)):
            _check_number_size(text)
            return Decimal(text)
        if tag == _TAG + "bool" and text in _BOOL:
            return _BOOL[text]
        if tag == _TAG + "null":
            return None
        self.problems.append(
            Problem(self.file, *self._lc(node), format_path(path), f"不支持的 YAML 标签 {tag}，请直接写值")
        )
        return text


class _TooBig(Exception):
    """A number literal longer than any report needs (see _check_number_size)."""


_TOO_BIG = (
    f"数值过大或位数过多（最多 {MAX_NUMBER_DIGITS} 位数字，科学计数法的指数不超过 ±{MAX_NUMBER_EXPONENT}）；"
    "如果这是一段文字，请加引号"
)


def _check_number_size(text: str) -> None:
    """Bound a number literal by its text alone: int("9" * 5000) raises and Decimal("1e999999999")
    is cheap to make but takes minutes to compare or convert, so nothing is converted first."""
    if text.startswith(("0o", "0x")):
        mantissa, exponent = text[2:], ""
    else:
        mantissa, _, exponent = text.lower().partition("e")
        mantissa = mantissa.lstrip("+-").replace(".", "")
    if len(mantissa) > MAX_NUMBER_DIGITS:
        raise _TooBig
    exponent = exponent.lstrip("+-").lstrip("0")
    if len(exponent) > 3 or (exponent and int(exponent) > MAX_NUMBER_EXPONENT):
        raise _TooBig


# First characters of every plain scalar that is not text (null, bool, number): the rest, which
# is most of a report's data, skips the regular expressions.
_NOT_TEXT_START = frozenset("~nNtTfF0123456789+-.")
_NUMBER = ((_INT, int), (_OCT, lambda t: int(t[2:], 8)), (_HEX, lambda t: int(t[2:], 16)), (_FLOAT, Decimal))


def _resolve_plain(text: str) -> Any:
    """A plain scalar by the YAML 1.2 core schema. Raises _TooBig for an oversized number."""
    if text and text[0] not in _NOT_TEXT_START:
        return text
    if _NULL.match(text):
        return None
    if text in _BOOL:
        return _BOOL[text]
    for pattern, convert in _NUMBER:
        if pattern.match(text):
            _check_number_size(text)  # before any conversion
            return convert(text)  # Decimal keeps 4.10 as typed
    if text in _SPECIAL_FLOAT:
        return float(text.replace(".", ""))  # the model refuses these with a clear message
    return text


# What YAML forbids in a stream (C0/C1 controls other than tab, LF, CR, NEL; surrogates; FFFE/FFFF).
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")


def _line_col(text: str, index: int) -> tuple[int, int]:
    line_start = text.rfind("\n", 0, index) + 1
    return text.count("\n", 0, index) + 1, index - line_start + 1


def _refuse_control_characters(text: str, shown: str) -> None:
    """The parser names a raw NUL or other control character without a line; find them here."""
    problems = [
        Problem(shown, *_line_col(text, m.start()), "",
                f"有不可见的控制字符（U+{ord(m.group()):04X}），YAML 文件中不允许，请删除")
        for m in _FORBIDDEN.finditer(text)
    ][:20]
    if problems:
        raise DataErrors(problems)


def _syntax_problem(e: Any, text: str, shown: str) -> Problem:
    """A YAML syntax error at the place the parser gave up, kept inside the file (an unclosed
    bracket is noticed at the end of the stream, a line past the last one), and naming the
    place the bracket, brace or quote was opened (the context mark) when that is elsewhere."""
    lines = text.splitlines() or [""]
    line, col = _inside(e.problem_mark or e.context_mark, lines)
    tab = "\t" in lines[line][: col + 1]
    message = "不能用制表符（Tab）缩进或分隔，请改用空格" if tab else _yaml_message(e)
    if e.context_mark is not None and e.problem_mark is not None and not tab:  # a tab's place says it all
        opened = _inside(e.context_mark, lines)
        if opened != (line, col):
            message += f"（从第 {opened[0] + 1} 行第 {opened[1] + 1} 列开始）"
    return Problem(shown, line + 1, col + 1, "", message)


def _inside(mark: Any, lines: list[str]) -> tuple[int, int]:
    """A mark (0-based) moved inside the file: one at or past the end of the stream goes to the
    end of the last line that has text."""
    if mark is None:
        return 0, 0
    if mark.line < len(lines):
        return mark.line, mark.column
    last = max((i for i, t in enumerate(lines) if t.strip()), default=0)
    return last, len(lines[last])


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while building data: the hundreds of thousands of
    nodes, tuples and dicts a large file makes (none of them garbage, none in a cycle) set off
    full collections over and over, which took 85% of the time of composing 30k figures."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
            # the young objects left are swept now, as the next allocation would, so the
            # sweep is charged to the work that made them, not to whatever runs next
            gc.collect(0)


def load_yaml_text(text: str, shown: str, budget: int = MAX_DATA_VALUES) -> Loaded:
    """YAML text → plain data with positions. Raises DataErrors in Chinese, also when the
    data would hold more than `budget` values."""
    loaded = Loaded(data=None, files=[shown], marks_file=shown)
    _refuse_control_characters(text, shown)
    try:
        with gc_paused():
            node = yaml.compose(text, Loader=_loader_class())
    except yaml.MarkedYAMLError as e:
        raise DataErrors([_syntax_problem(e, text, shown)]) from None
    except yaml.YAMLError as e:
        raise DataErrors([Problem(shown, 0, 0, "", _yaml_message(e))]) from None
    except RecursionError:
        raise DataErrors([Problem(shown, 0, 0, "", "嵌套层级过深")]) from None
    if node is None:
        loaded.data = {}
        return loaded
    conv = _Converter(shown, loaded, budget)
    with gc_paused():
        conv.measure(node, (), 0, {})
        loaded.data = conv.convert(node, ())
    if conv.problems:
        raise DataErrors(conv.problems)
    return loaded


def load_yaml_file(path: Path, budget: int = MAX_DATA_VALUES) -> Loaded:
    """One YAML file → plain data with positions. Raises DataErrors / DrafterError in Chinese."""
    shown = display_path(path)
    if not path.exists() and not path.is_symlink():  # a symlink loop "does not exist" either
        raise DrafterError(f"找不到数据文件：{shown}")
    if path.is_dir():
        raise DrafterError(f"{shown} 是文件夹，这里需要一个 YAML 文件")
    # Capped, never trusting stat: a FIFO or /dev/zero says 0 bytes and reads forever; a
    # symlink loop is named as such.
    return load_yaml_text(_decode(read_capped(path, MAX_DATA_BYTES, shown), shown), shown, budget)


# Lists whose items carry a `topic` (model/review.py Topic): an item of a later file merges into
# the first earlier item of the same topic, so gathered facts land in the office's own sections.
FRAGMENT_PREFIX = "30_gather_"  # the files `drafter gather` writes (drafter/gather/fragments.py)
TOPIC_LISTS: frozenset[Path_] = frozenset({("review", "sections"), ("key_tasks", "areas")})


def _merge(into: Loaded, new: Loaded) -> list[Problem]:
    """Merge `new` into `into`: mappings deep-merge, lists append, equal scalars agree; in the
    TOPIC_LISTS an item with a topic deep-merges into `into`'s first item of that topic.

    The parts of `new` that move into `into` (a key `into` lacks, a list item appended) are
    noted by their root; one pass over `new`'s positions then carries each across, so the
    merge is linear in the size of both files."""
    problems: list[Problem] = []
    moved: dict[Path_, Path_] = {}  # root of a part of `new` → its path in `into`

    def conflict(pa: Path_, pb: Path_) -> None:
        here, there = into.where(pa), new.where(pb)
        first = f"{here.file}:{here.line}:{here.column}" if here else "前一个文件"
        problems.append(
            Problem(
                there.file if there else new.files[0],
                there.line if there else 0,
                there.column if there else 0,
                format_path(pb),
                f"与 {first} 的值冲突：同一字段只能在一个文件中填写",
            )
        )

    def by_topic(a: list, b: list, pa: Path_, pb: Path_) -> list:
        first: dict[str, int] = {}  # topic → index in `a` of its first item
        for j, item in enumerate(a):
            if isinstance(item, dict) and isinstance(item.get("topic"), str):
                first.setdefault(item["topic"], j)
        for i, given in enumerate(b):
            topic = given.get("topic") if isinstance(given, dict) else None
            at = first.get(topic) if isinstance(topic, str) else None
            if at is None:
                moved[pb + (i,)] = pa + (len(a),)
                a.append(given)
                continue
            item, j = given, at
            mine = a[j]
            # sections from several departments: each names the department of its own texts'
            # numbers; merged, no one `dept` is right for all, so none is kept (each gathered text
            # carries its own: {text, dept}, checks/facts.fact_dept)
            dept_a, dept_b = mine.get("dept"), item.get("dept")
            if dept_a is not None and dept_b is not None and dept_a != dept_b:
                del mine["dept"]
                item = {k: v for k, v in item.items() if k != "dept"}
            elif dept_a is None and dept_b is not None and mine.get("facts"):
                item = {k: v for k, v in item.items() if k != "dept"}  # the office's facts are not that dept's
            if pa[0] == "key_tasks" and isinstance(mine.get("items"), list) and _empty(mine["items"]) \
                    and isinstance(item.get("items"), list) and item["items"]:
                mine["items"] = []  # the skeleton's blank item gives way to the first real ones
            walk(mine, item, pa + (j,), pb + (i,))
        return a

    def walk(a: Any, b: Any, pa: Path_, pb: Path_) -> Any:
        if isinstance(a, dict) and isinstance(b, dict):
            for k, v in b.items():
                if k in a:
                    a[k] = walk(a[k], v, pa + (k,), pb + (k,))
                else:
                    a[k] = v
                    moved[pb + (k,)] = pa + (k,)
            return a
        if isinstance(a, list) and isinstance(b, list):
            if pa in TOPIC_LISTS:
                return by_topic(a, b, pa, pb)
            offset = len(a)
            moved.update((pb + (i,), pa + (offset + i,)) for i in range(len(b)))
            a.extend(b)
            return a
        if a == b and type(a) is type(b):
            return a
        if a is None and pa[-1:] == ("title",) and len(pa) == 4 and pa[:2] in TOPIC_LISTS:
            moved[pb] = pa  # a title the office left empty (title: null), given by a later file
            return b
        conflict(pa, pb)
        return a

    into.data = walk(into.data, new.data, (), ())
    into.files.extend(new.files)
    for table_src, table_dst in ((new.values, into.values), (new.keys, into.keys)):
        for p, pos in table_src.items():
            target = _moved_to(p, moved)
            if target is not None:
                table_dst[target] = pos
    return problems


def _topics_twice(loaded: Loaded, before: Any = None) -> list[Problem]:
    """An office file giving one topic to two sections (or areas): gathered facts of it all
    merge into the first (`_merge`), the second keeps only what this file writes in it. Not
    said of gather's fragments (each of their items merges into the office's section of its
    topic, none is lost), nor of a topic an earlier file (`before`, the merge so far) already
    has: both items then merge into that one. Indexes are the file's own."""
    out = []
    for root in (("review", "sections"), ("key_tasks", "areas")):
        seen: dict[str, int] = {}
        earlier = _topics_of(before, root)
        for i, it in enumerate(_list_at(loaded.data, root)):
            topic = it.get("topic") if isinstance(it, dict) else None
            if not isinstance(topic, str) or topic in earlier:
                continue
            if topic in seen:
                out.append(_problem_at(
                    loaded, loaded.where(root + (i, "topic")), format_path(root + (i, "topic")),
                    f"主题“{topic}”已给了 {format_path(root + (seen[topic],))}：收集的这一主题的材料都并入"
                    f"{format_path(root + (seen[topic],))}，这一方面只写本文件里填的内容；"
                    "要让收集的材料分到这里，请给这一方面换一个主题"))
            else:
                seen[topic] = i
    return out


def _list_at(data: Any, root: Path_) -> list:
    """The list at `root` (review.sections / key_tasks.areas) of `data`; [] when it is not one."""
    parent = data.get(root[0]) if isinstance(data, dict) else None
    items = parent.get(root[1]) if isinstance(parent, dict) else None
    return items if isinstance(items, list) else []


def _problem_at(loaded: Loaded, pos: Pos | None, path: str, message: str) -> Problem:
    """A Problem at `pos`, or at the top of `loaded`'s first file when the value has none."""
    if pos is None:
        return Problem(loaded.files[0], 0, 0, path, message)
    return Problem(pos.file, pos.line, pos.column, path, message)


def _topics_of(data: Any, root: Path_) -> set[str]:
    """The topics the items of list `root` in `data` carry."""
    return {it["topic"] for it in _list_at(data, root) if isinstance(it, dict) and isinstance(it.get("topic"), str)}


def _office_topics(data: Any) -> bool:
    """Whether the office's files give any section or area a topic."""
    return any(isinstance(it, dict) and it.get("topic") for root in TOPIC_LISTS for it in _list_at(data, root))


def _topic_items(data: Any) -> int:
    """How many sections and areas the data holds (a fragment's merge adds those of topics the
    office had no section of)."""
    return sum(len(_list_at(data, root)) for root in TOPIC_LISTS)


def _empty(v: Any) -> bool:
    if isinstance(v, dict):
        return all(_empty(x) for x in v.values())
    if isinstance(v, list):
        return all(_empty(x) for x in v)
    return v is None or v == "" or v is False


def _drop_empty_topics(loaded: Loaded) -> None:
    """Leave out the sections and areas with a topic and nothing else (a skeleton `init --from`
    wrote that no file filled), when others of the list have content: drafted, each would be a
    bare 【待补充】 heading. Each one left out is noted for `validate`; positions move with the rest."""
    data = loaded.data if isinstance(loaded.data, dict) else {}
    for root in (("review", "sections"), ("key_tasks", "areas")):  # TOPIC_LISTS in the draft's order
        parent = data.get(root[0])
        if not isinstance(parent, dict) or not isinstance(items := parent.get(root[1]), list):
            continue
        empty = [i for i, it in enumerate(items) if isinstance(it, dict) and it.get("topic")
                 and _empty({k: v for k, v in it.items() if k != "topic"})]
        if not empty or len(empty) == len(items):
            continue
        what = "回顾的方面" if root[0] == "review" else "重点工作的方面"
        for i in empty:
            loaded.dropped.append(_problem_at(
                loaded, loaded.where(root + (i,)), format_path(root + (i,)),
                f"{what}（主题：{items[i]['topic']}）没有标题也没有内容，初稿不写这一方面；需要时请填写标题和事实"))
        gone = set(empty)
        parent[root[1]] = [it for i, it in enumerate(items) if i not in gone]
        shift = [sum(1 for g in empty if g < i) for i in range(len(items))]
        for name in ("values", "keys"):
            table = getattr(loaded, name)  # every one a Pos
            moved = {}
            for p, pos in table.items():
                if len(p) > 2 and p[:2] == root and isinstance(p[2], int) and p[2] < len(items):
                    if p[2] in gone:
                        continue
                    moved[root + (p[2] - shift[p[2]],) + p[3:]] = pos
                else:
                    moved[p] = pos
            setattr(loaded, f"_{name}", moved)


def _no_office_topics(merged: Loaded, added: int) -> Problem:
    """The office's file is from an older `init` (no `topic:`): every gathered section and area
    started a new one beside the office's empty ones. Said once, at the office's review.sections."""
    pos = merged.key_at(("review", "sections")) or merged.key_at(("key_tasks", "areas"))
    return _problem_at(
        merged, pos, "",
        f"办公室的数据文件各方面没有 topic，收集的材料另起了 {added} 个方面；在各方面下加 topic: 产业 等"
        f"（可用：{'、'.join(get_args(Topic))}），或重新 drafter init --from 去年的报告")


def _moved_to(p: Path_, moved: dict[Path_, Path_]) -> Path_ | None:
    """Where the value at path `p` of a merged file now lives, or None if it did not move
    (a key both files have, an agreeing or conflicting scalar: `into` keeps its own)."""
    for n in range(1, len(p) + 1):
        root = moved.get(p[:n])
        if root is not None:
            return root + p[n:]
    return None


DATA_SUFFIXES = (".yaml", ".yml")


def data_files(folder: Path, office_only: bool = False) -> list[Path]:
    """The data files of a folder in the order they merge: the office's by name, then gather's
    fragments (so the office's sections come first, in its order); `office_only` leaves the
    fragments out. Every .yaml entry but sub-folders: a FIFO, device or looping link among them
    is refused by name when read (read_capped), never skipped, so no department's file is
    silently left out."""
    if not folder.is_dir():
        return []
    files = sorted(
        (p for p in folder.iterdir() if p.suffix.lower() in DATA_SUFFIXES and not p.is_dir()),
        key=lambda p: (p.name.startswith(FRAGMENT_PREFIX), p.name),
    )
    return [p for p in files if not p.name.startswith(FRAGMENT_PREFIX)] if office_only else files


def load_data(path: str | Path) -> Loaded:
    """A data file, or a folder whose .yaml/.yml files are merged in name order."""
    path = Path(path)
    if path.is_dir():
        files = data_files(path)
        if not files:
            raise DrafterError(f"文件夹 {display_path(path)} 中没有 .yaml 数据文件")
        merged = Loaded(data={})
        problems: list[Problem] = []
        office_topics: bool | None = None  # known when the first fragment comes
        added = 0  # sections and areas the fragments started
        for f in files:
            try:
                part = load_yaml_file(f, MAX_DATA_VALUES - len(merged.values))  # a budget for the folder
            except DataErrors as e:
                problems.extend(e.problems)
                continue
            if not isinstance(part.data, dict):
                problems.append(Problem(part.files[0], 1, 1, "", "文件顶层应为“键: 值”的映射"))
                continue
            fragment = f.name.startswith(FRAGMENT_PREFIX)
            if not fragment:
                merged.topic_notes += _topics_twice(part, merged.data)
            if fragment and office_topics is None:
                office_topics = _office_topics(merged.data)
            before = _topic_items(merged.data)
            with gc_paused():
                problems.extend(_merge(merged, part))
            if fragment:
                added += _topic_items(merged.data) - before
        if added and office_topics is False and _topic_items(merged.data) > added:
            merged.topic_notes.append(_no_office_topics(merged, added))
        merged.dropped += merged.topic_notes
        if not problems:  # gathered figures fill the office's empty entries
            problems.extend(apply_fills(merged))
        if problems:
            raise DataErrors(problems)
        _drop_empty_topics(merged)
        return merged
    loaded = load_yaml_file(path)
    loaded.topic_notes = _topics_twice(loaded)
    loaded.dropped += loaded.topic_notes
    if loaded.data == {}:  # nothing but blanks and comments (or a bare {})
        raise DrafterError(f"{display_path(path)}：文件是空的（或只有注释），请填写数据，或用 drafter init 生成骨架")
    if not isinstance(loaded.data, dict):
        raise DataErrors([Problem(loaded.files[0], 1, 1, "", "文件顶层应为“键: 值”的映射（如 meta: …）")])
    return loaded
