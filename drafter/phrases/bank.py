"""Reading a phrase bank (see docs/phrase-bank.md) and querying it. No jieba here: drafting
reads the bank as plain JSON."""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..errors import DrafterError, display_path
from ..limits import MAX_BANK_BYTES, read_capped
from ..resources import style_corpus_dir

FORMAT = "drafter-phrase-bank"
BANK_FILE = "phrases.json"
BANK_DIR = "phrases"  # the split layout (drafter.mine.split): index.json + one file per kind
INDEX_FILE = "index.json"
SOURCES_SUFFIX = ".sources.json"  # a kind's entries with sources and examples (split layout)


@dataclass(frozen=True)
class Entry:
    id: str
    kind: str
    part: str
    text: str
    slot: str | None = None
    slots: dict = field(default_factory=dict, hash=False, compare=False)
    topic: str | None = None
    indicator: str | None = None
    unit: str | None = None
    qualifier: str | None = None
    example: str = ""
    count: int = 1
    sources: tuple = ()
    frame: str | None = None
    # the spread the miner recorded (docs/phrase-bank.md): where the wording was seen
    reports: int = 0
    provinces: dict = field(default_factory=dict, hash=False, compare=False)
    levels: dict = field(default_factory=dict, hash=False, compare=False)
    local: bool = False

    @classmethod
    def from_json(cls, d: dict) -> Entry:
        """An entry of a bank checked by check_bank (types are right, optional keys may be absent)."""
        return cls(
            id=d["id"],
            kind=d["kind"],
            part=d.get("part") or "",
            text=d["text"],
            slot=d.get("slot"),
            slots=dict(d.get("slots") or {}),
            topic=d.get("topic"),
            indicator=d.get("indicator"),
            unit=d.get("unit"),
            qualifier=d.get("qualifier"),
            example=d.get("example") or "",
            count=d.get("count") or 1,
            sources=tuple((s.get("file") or "", s.get("line") or 0) for s in d.get("sources") or ()),
            frame=d.get("frame"),
            reports=d.get("reports") or 0,
            provinces=dict(d.get("provinces") or {}),
            levels=dict(d.get("levels") or {}),
            local=bool(d.get("local")),
        )


class Bank:
    """Entries indexed by (kind, slot). Drafting asks for a handful of slots, so entries are
    built from the raw JSON only when their slot is first asked for (the shipped bank holds
    ~2,600 entries, most of them number frames and expressions drafting never reads)."""

    def __init__(self, entries: list[Entry] | None = None, path: Path | None = None,
                 places: tuple[str, ...] = (), raw: list[dict] | None = None):
        self.path = path
        self.places = places  # the corpus's own places (咸阳, 金台 …): not for other drafts
        # (kind, slot) → entries; a hand-edited bank's raw JSON may lack either key
        self._raw: dict[tuple[str | None, str | None], list] = {}
        for e in entries or ():
            self._raw.setdefault((e.kind, e.slot), []).append(e)
        for d in raw or ():
            self._raw.setdefault((d.get("kind"), d.get("slot")), []).append(d)
        self._built: dict[tuple[str | None, str | None], list[Entry]] = {}
        # split layout: kind → (its file, the sha256 that lets it skip the check or None), read
        # when the kind is first asked for; and the files with sources and examples, read
        # only for `entries` (drafter phrases)
        self._pending: dict[str, tuple[Path, str | None]] = {}
        self._details: dict[str, tuple[Path, str | None]] | None = None
        self._detail_entries: list[Entry] | None = None
        self.corpus: list[dict] = []  # the bank's corpus rows (file, place, plan_year …)
        # what users of the bank derive from it once (suggest.py's pools), keyed by their inputs
        self.cache: dict[Any, Any] = {}

    def reports_of(self, region: str, year: int) -> frozenset[str]:
        """The corpus files that are this region's report for this year (a demo drafting a
        published report again from its figures)."""
        return frozenset(
            r["file"] for r in self.corpus
            if isinstance(r.get("file"), str) and r.get("place") == region and r.get("plan_year") == year
        )

    def ids_only_from(self, files: frozenset[str], kinds: tuple[str, ...] = ("heading", "lead")) -> frozenset[str]:
        """The ids of the entries of `kinds` seen in `files` and nowhere else (their sources are
        in a split bank's .sources.json, read only for this)."""
        out = set()
        for kind in kinds:
            if self._details is not None and kind in self._details:
                path, sha = self._details[kind]
                found = [Entry.from_json(d) for d in load_kind(path, kind, sha)]
            else:
                found = self.of(kind)
            out |= {e.id for e in found if e.sources and all(f in files for f, _ in e.sources)}
        return frozenset(out)

    def _load(self, kind: str | None = None) -> None:
        """Read the file of `kind` (of every pending kind when None) of a split bank."""
        for k in [kind] if kind is not None else sorted(self._pending):
            pending = self._pending.pop(k, None)
            if pending is not None:
                for d in load_kind(pending[0], k, pending[1]):
                    self._raw.setdefault((d.get("kind"), d.get("slot")), []).append(d)

    def _entries_of(self, key: tuple[str | None, str | None]) -> list[Entry]:
        built = self._built.get(key)
        if built is None:
            built = [e if isinstance(e, Entry) else Entry.from_json(e) for e in self._raw.get(key, ())]
            self._built[key] = built
        return built

    def of(self, kind: str, slot: str | None = None) -> list[Entry]:
        self._load(kind)
        if slot is not None:
            return self._entries_of((kind, slot))
        return [e for key in sorted(self._raw, key=str) if key[0] == kind for e in self._entries_of(key)]

    def raw_of(self, kind: str, slot: str) -> list:
        """The entries of (kind, slot) as read — dicts of a bank file until `of` builds them,
        Entry objects once built — for a caller that scans every text and builds only the few
        it keeps (compose/frames.py: ~1,300 number frames a shape, a handful used)."""
        self._load(kind)
        built = self._built.get((kind, slot))
        return built if built is not None else self._raw.get((kind, slot), [])

    @property
    def entries(self) -> list[Entry]:
        """Every entry with its sources and example (a split bank's `.sources.json` files; for
        number frames, the entries by indicator drafting reads merged)."""
        if self._details is None:
            self._load()
            return [e for key in sorted(self._raw, key=str) for e in self._entries_of(key)]
        if self._detail_entries is None:
            raw: dict[tuple, list] = {}
            for kind in sorted(self._details):
                path, sha = self._details[kind]
                for d in load_kind(path, kind, sha):
                    raw.setdefault((d.get("kind"), d.get("slot")), []).append(d)
            self._detail_entries = [Entry.from_json(d) for key in sorted(raw, key=str) for d in raw[key]]
        return self._detail_entries

    def query(self, text: str = "", kind: str | None = None, part: str | None = None) -> list[Entry]:
        out = [
            e
            for e in self.entries
            if (kind is None or e.kind == kind)
            and (part is None or e.part == part)
            and (not text or text in e.text or text in e.example or text in (e.topic, e.indicator))
        ]
        return sorted(out, key=lambda e: (-e.count, e.kind, e.id))

    def __len__(self) -> int:
        if self._details is not None:
            return len(self.entries)
        self._load()
        return sum(len(v) for v in self._raw.values())


KINDS = ("formula", "heading", "lead", "number", "expression")
# The bank keys provinces by SOURCES.tsv's short form; meta.province is the full name.
_PROVINCE_SUFFIXES = ("壮族自治区", "回族自治区", "维吾尔自治区", "自治区", "省", "市")


def province_key(name: str | None) -> str:
    """An entry's `provinces` key for a province's full name: 陕西省 → 陕西, 广西壮族自治区 → 广西
    (removing 省 alone left 广西's own wordings unrecognised, and 林芝's 援藏 thanks reached 梧州)."""
    name = (name or "").strip()
    for suffix in _PROVINCE_SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    return name
MAX_COUNT = 10**9  # occurrences in a corpus; counts are summed as choice weights
# Characters a .docx (XML 1.0) or the terminal cannot carry: C0 controls but tab/LF/CR, lone
# surrogates (JSON's "\ud800" escape decodes to one), U+FFFE/U+FFFF.
_BAD_CHAR = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _shown(v: Any, width: int = 20) -> str:
    """A JSON value in a message: short, and printable even if it is the bad value itself."""
    if isinstance(v, str):
        text = _BAD_CHAR.sub("\ufffd", v)
        return f"“{text[:width]}{'…' if len(text) > width else ''}”"
    if v is None or isinstance(v, bool):
        return {None: "null", True: "true", False: "false"}[v]
    if isinstance(v, (int, float)):
        return f"{v:.6g}" if isinstance(v, float) else (str(v) if abs(v) < 10**20 else "过大的数")
    return "列表" if isinstance(v, list) else "映射"


def _text(v: Any) -> str | None:
    if not isinstance(v, str):
        return f"应为文本，这里是 {_shown(v)}"
    m = _BAD_CHAR.search(v)
    if m:
        return f"第 {m.start() + 1} 个字符 U+{ord(m.group()):04X} 是控制字符或孤立的代理字符，无法写入文稿"
    return None


def _opt_text(v: Any) -> str | None:
    return None if v is None else _text(v)


def _id(v: Any) -> str | None:
    return "不能为空" if v == "" else _text(v)


def _kind(v: Any) -> str | None:
    return None if isinstance(v, str) and v in KINDS else f"应为 {'、'.join(KINDS)} 之一，这里是 {_shown(v)}"


def _count(v: Any) -> str | None:
    if v is None or (type(v) is int and 1 <= v <= MAX_COUNT):
        return None
    return f"应为 1–{MAX_COUNT} 的整数，这里是 {_shown(v)}"


def _slots(v: Any) -> str | None:
    if v is None:
        return None
    if not isinstance(v, dict):
        return f"应为映射（槽位名: 类型），这里是 {_shown(v)}"
    for name, kind in v.items():
        why = _text(name) or _text(kind)
        if why:
            return f"中的槽位 {_shown(name)} {why}"
    return None


def _sources(v: Any) -> str | None:
    if v is None:
        return None
    if not isinstance(v, list):
        return f"应为列表，这里是 {_shown(v)}"
    for i, src in enumerate(v, 1):
        if not isinstance(src, dict):
            return f"第 {i} 项应为映射（file、line），这里是 {_shown(src)}"
        why = _opt_text(src.get("file"))
        line = src.get("line")
        if why is None and line is not None and not (type(line) is int and 0 <= line <= MAX_COUNT):
            why = f"line 应为行号（非负整数），这里是 {_shown(line)}"
        if why:
            return f"第 {i} 项 {why}"
    return None


# Every entry field drafting or `drafter phrases` reads, with its check (→ what is wrong, or
# None). Other keys are ignored: the miner may add fields later.
ENTRY_FIELDS = {
    "id": _id, "kind": _kind, "text": _text, "part": _opt_text, "slot": _opt_text,
    "slots": _slots, "topic": _opt_text, "indicator": _opt_text, "unit": _opt_text,
    "qualifier": _opt_text, "example": _opt_text, "count": _count, "sources": _sources,
    "frame": _opt_text,
}
REQUIRED = ("id", "kind", "text")


def check_bank(data: Any, shown: str) -> None:
    """The structure of a decoded bank, checked once on load so that nothing later (drafting,
    the picker's weights, `drafter phrases`) meets a wrong type: a Chinese error naming the
    file and what is wrong."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise DrafterError(f"{shown} 不是 drafter 短语库（缺少 \"format\": \"{FORMAT}\"）")
    version = data.get("version")
    if type(version) is not int or version != 1:
        raise DrafterError(f"{shown} 的短语库版本 {_shown(version)} 不受支持（需要 1）")
    corpus = data.get("corpus")
    if corpus is not None and not isinstance(corpus, list):
        raise DrafterError(f"{shown} 的 corpus 应为列表（每份语料报告一项），这里是 {_shown(corpus)}")
    for i, source in enumerate(corpus or (), 1):
        why = _opt_text(source.get("place")) if isinstance(source, dict) else f"应为映射，这里是 {_shown(source)}"
        if why:
            raise DrafterError(f"{shown} 的 corpus 第 {i} 项{'的 place ' if isinstance(source, dict) else ''}{why}")
    entries = data.get("entries", [])
    if not isinstance(entries, list):
        raise DrafterError(f"{shown} 的 entries 应为列表（短语条目），这里是 {_shown(entries)}")
    for i, e in enumerate(entries, 1):
        if not isinstance(e, dict):
            raise DrafterError(f"{shown} 的第 {i} 条短语应为映射（含 id、kind、text），这里是 {_shown(e)}")
        for key, check in ENTRY_FIELDS.items():
            v = e.get(key)
            why = "缺少必填字段" if v is None and key in REQUIRED else check(v)
            if why:
                which = f"（id {_shown(e['id'], 80)}）" if key != "id" and isinstance(e.get("id"), str) else ""
                raise DrafterError(f"{shown} 的第 {i} 条短语{which}：{key} {why}")


def _places(corpus: list) -> tuple[str, ...]:
    """The corpus's own places without their suffix (咸阳市 → 咸阳)."""
    places = set()
    for source in corpus:
        place = source.get("place") or ""
        for suffix in ("市", "区", "县", "省"):
            if place.endswith(suffix) and len(place) > 2:
                place = place[: -len(suffix)]
                break
        if len(place) >= 2:
            places.add(place)
    return tuple(sorted(places))


def parse_bank(data: Any, shown: str) -> Bank:
    check_bank(data, shown)
    bank = Bank(raw=data.get("entries", []), places=_places(data.get("corpus") or []))
    bank.corpus = [r for r in data.get("corpus") or () if isinstance(r, dict)]
    return bank


def load_bank(path: str | Path) -> Bank:
    """A bank file, read with a size cap (limits.MAX_BANK_BYTES) and checked whole; or a bank
    folder (split layout), of which only index.json is read now and each kind's file when the
    kind is first asked for (checked the same way then)."""
    p = Path(path)
    if p.is_dir():
        return load_split(p)
    data = _read_json(p)
    bank = parse_bank(data, display_path(p))
    bank.path = p
    return bank


def load_split(folder: Path, trusted: bool = False) -> Bank:
    """A split bank: index.json read and checked now, each kind's file when the kind is
    first asked for. `trusted` (the shipped bank only, never an office's --phrases): a kind
    file whose sha256 is the one index.json records is not checked entry by entry again
    (tests/test_mine_corpus.py checks the shipped files whole); any other is."""
    shown = display_path(folder / INDEX_FILE)
    if not (folder / INDEX_FILE).is_file():
        raise DrafterError(f"{display_path(folder)} 不是 drafter 短语库文件夹（缺少 {INDEX_FILE}）")
    index = _read_json(folder / INDEX_FILE)
    if isinstance(index, dict) and "entries" in index:
        raise DrafterError(f"{shown} 是分册短语库的索引，不应含 entries")
    check_bank(index, shown)
    kinds = index.get("kinds")
    if not isinstance(kinds, dict) or not all(k in KINDS for k in kinds):
        raise DrafterError(f"{shown} 的 kinds 应为映射，键为 {'、'.join(KINDS)}")
    bank = Bank(places=_places(index.get("corpus") or []))
    # fixed file names: the index says which kinds there are, never where to read
    bank._pending = {k: (folder / f"{k}.json", _sha(meta) if trusted else None) for k, meta in sorted(kinds.items())}
    bank._details = {
        k: (folder / f"{k}{SOURCES_SUFFIX}", _sha(meta.get("sources")) if trusted else None)
        if isinstance(meta, dict) and "sources" in meta else bank._pending[k]
        for k, meta in sorted(kinds.items())
    }
    bank.corpus = [r for r in index.get("corpus") or () if isinstance(r, dict)]
    bank.path = folder
    return bank


def _sha(meta: Any) -> str | None:
    sha = meta.get("sha256") if isinstance(meta, dict) else None
    return sha if isinstance(sha, str) and len(sha) == 64 else None


def load_kind(path: Path, kind: str, sha256: str | None = None) -> list[dict]:
    """The entries of one kind's file of a split bank, checked as a bank file is — unless
    `sha256` is given and the file has it (the shipped bank, checked by its tests)."""
    shown = display_path(path)
    raw = read_capped(path, MAX_BANK_BYTES, f"短语库 {shown}")
    data = _decode(raw, shown)
    if sha256 is None or hashlib.sha256(raw).hexdigest() != sha256:
        check_bank(data, shown)
    entries = data.get("entries") or []
    if any(e["kind"] != kind for e in entries):
        raise DrafterError(f"{shown} 应只含 {kind} 类短语")
    return entries


def _read_json(p: Path) -> Any:
    shown = display_path(p)
    return _decode(read_capped(p, MAX_BANK_BYTES, f"短语库 {shown}"), shown)


def _decode(raw: bytes, shown: str) -> Any:
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise DrafterError(f"{shown} 不是 UTF-8 编码的 JSON 文件") from None
    except json.JSONDecodeError as e:
        # json's reasons are English ("Expecting value"): the place is what the user needs
        what = "文件是空的" if not raw.strip() else "请用 drafter mine 重新生成，或检查此处的括号、引号和逗号"
        raise DrafterError(f"{shown}:{e.lineno}:{e.colno} 短语库不是有效的 JSON：{what}") from None
    except RecursionError:  # the C decoder stops at the recursion limit (~1000 levels)
        raise DrafterError(f"{shown} 的 JSON 嵌套层数过深，不是 drafter 短语库") from None
    return data


@lru_cache(maxsize=1)
def default_bank() -> Bank:
    """The bank mined from the shipped style corpus; an empty bank if it is missing."""
    folder = style_corpus_dir() / BANK_DIR
    if (folder / INDEX_FILE).is_file():
        return load_split(folder, trusted=True)
    path = style_corpus_dir() / BANK_FILE
    return load_bank(path) if path.is_file() else Bank([])
