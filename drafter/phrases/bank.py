"""Reading a phrase bank (see docs/phrase-bank.md) and querying it. No jieba here: drafting
reads the bank as plain JSON."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..errors import DrafterError, display_path

FORMAT = "drafter-phrase-bank"
BANK_FILE = "phrases.json"


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

    @classmethod
    def from_json(cls, d: dict) -> "Entry":
        return cls(
            id=str(d["id"]),
            kind=str(d["kind"]),
            part=str(d.get("part") or ""),
            text=str(d["text"]),
            slot=d.get("slot"),
            slots=dict(d.get("slots") or {}),
            topic=d.get("topic"),
            indicator=d.get("indicator"),
            unit=d.get("unit"),
            qualifier=d.get("qualifier"),
            example=str(d.get("example") or ""),
            count=int(d.get("count") or 1),
            sources=tuple((s.get("file", ""), int(s.get("line", 0))) for s in d.get("sources") or ()),
            frame=d.get("frame"),
        )


class Bank:
    """Entries indexed by (kind, slot). Drafting asks for a handful of slots, so entries are
    built from the raw JSON only when their slot is first asked for (the shipped bank holds
    ~2,600 entries, most of them number frames and expressions drafting never reads)."""

    def __init__(self, entries: list[Entry] | None = None, path: Path | None = None,
                 places: tuple[str, ...] = (), raw: list[dict] | None = None):
        self.path = path
        self.places = places  # the corpus's own places (咸阳, 金台 …): not for other drafts
        self._raw: dict[tuple[str, str | None], list] = {}
        for e in entries or ():
            self._raw.setdefault((e.kind, e.slot), []).append(e)
        for d in raw or ():
            self._raw.setdefault((d.get("kind"), d.get("slot")), []).append(d)
        self._built: dict[tuple[str, str | None], list[Entry]] = {}

    def _entries_of(self, key: tuple[str, str | None]) -> list[Entry]:
        built = self._built.get(key)
        if built is None:
            built = [e if isinstance(e, Entry) else Entry.from_json(e) for e in self._raw.get(key, ())]
            self._built[key] = built
        return built

    def of(self, kind: str, slot: str | None = None) -> list[Entry]:
        if slot is not None:
            return self._entries_of((kind, slot))
        return [e for key in sorted(self._raw, key=str) if key[0] == kind for e in self._entries_of(key)]

    @property
    def entries(self) -> list[Entry]:
        return [e for key in sorted(self._raw, key=str) for e in self._entries_of(key)]

    def query(self, text: str = "", kind: str | None = None, part: str | None = None) -> list[Entry]:
        out = [
            e
            for e in self.entries
            if (kind is None or e.kind == kind)
            and (part is None or e.part == part)
            and (not text or text in e.text or text in e.example or text == e.topic or text == e.indicator)
        ]
        return sorted(out, key=lambda e: (-e.count, e.kind, e.id))

    def __len__(self) -> int:
        return sum(len(v) for v in self._raw.values())


def parse_bank(data: Any, shown: str) -> Bank:
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise DrafterError(f"{shown} 不是 drafter 短语库（缺少 \"format\": \"{FORMAT}\"）")
    if data.get("version") != 1:
        raise DrafterError(f"{shown} 的短语库版本 {data.get('version')} 不受支持（需要 1）")
    raw = data.get("entries", [])
    if not isinstance(raw, list) or not all(
        isinstance(e, dict) and isinstance(e.get("id"), str) and isinstance(e.get("text"), str)
        and e.get("kind") in ("formula", "heading", "lead", "number", "expression")
        for e in raw
    ):
        raise DrafterError(f"{shown} 的短语条目格式有误：每条需有 id、kind、text")
    places = set()
    for source in data.get("corpus") or ():
        place = str(source.get("place") or "") if isinstance(source, dict) else ""
        for suffix in ("市", "区", "县", "省"):
            if place.endswith(suffix) and len(place) > 2:
                place = place[: -len(suffix)]
                break
        if len(place) >= 2:
            places.add(place)
    return Bank(raw=raw, places=tuple(sorted(places)))


def load_bank(path: str | Path) -> Bank:
    p = Path(path)
    shown = display_path(p)
    if not p.is_file():
        raise DrafterError(f"找不到短语库：{shown}")
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise DrafterError(f"{shown} 不是 UTF-8 编码的 JSON 文件") from None
    except json.JSONDecodeError as e:
        raise DrafterError(f"{shown}:{e.lineno}:{e.colno} 短语库不是有效的 JSON（{e.msg}）") from None
    bank = parse_bank(data, shown)
    bank.path = p
    return bank


@lru_cache(maxsize=1)
def default_bank() -> Bank:
    """The bank mined from the shipped style corpus; an empty bank if it is missing."""
    from ..resources import style_corpus_dir

    path = style_corpus_dir() / BANK_FILE
    return load_bank(path) if path.is_file() else Bank([])
