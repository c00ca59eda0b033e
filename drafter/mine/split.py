"""Writing a bank as a folder drafting can load in pieces (docs/phrase-bank.md, "Layout").

    OUT/index.json       format, version, layout "split", corpus, and per kind its file,
                         entry count and sha256, and the same of its sources file
    OUT/formula.json …   {"format", "version", "kind", "entries"} — one file per kind, what
                         drafting reads: entries without `sources` and `example`; for numbers
                         one entry per frame (bank.number_frames)
    OUT/formula.sources.json …   the same kind's entries whole, with sources and examples
                         (by indicator for numbers): read by `drafter phrases` only
    OUT/places.json      the place list (drafter.phrases.places)
    OUT/topics.json      the topic lexicon (drafter.phrases.topics)

The folder is built beside OUT under a temporary name and swapped in by renames, so a failure
or a kill leaves the old bank (or none), never a mix of two.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

from ..atomic import _check_folder
from ..errors import DrafterError, display_path

from .bank import NUMBER_FRAMES

KINDS = ("formula", "heading", "lead", "number", "expression")
INDEX = "index.json"
SOURCES_SUFFIX = ".sources.json"
DETAIL_FIELDS = ("sources", "example")  # what drafting never reads


def _dump(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def split_files(bank: dict[str, Any]) -> dict[str, str]:
    """File name → text of the split layout of `bank` (deterministic)."""
    files: dict[str, str] = {}
    kinds: dict[str, Any] = {}

    def put(name: str, kind: str, entries: list[dict]) -> dict[str, Any]:
        text = _dump({"format": bank["format"], "version": bank["version"], "kind": kind, "entries": entries})
        files[name] = text
        return {"file": name, "entries": len(entries), "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest()}

    for kind in KINDS:
        entries = [e for e in bank["entries"] if e["kind"] == kind]
        if kind == "number" and NUMBER_FRAMES in bank:
            digest = bank[NUMBER_FRAMES]
        else:
            digest = [{k: v for k, v in e.items() if k not in DETAIL_FIELDS} for e in entries]
        kinds[kind] = put(f"{kind}.json", kind, digest)
        kinds[kind]["sources"] = put(f"{kind}{SOURCES_SUFFIX}", kind, entries)
    index: dict[str, Any] = {
        "format": bank["format"], "version": bank["version"], "layout": "split",
        "corpus": bank["corpus"], "kinds": kinds,
    }
    for extra in ("places", "topics"):
        if extra in bank:
            files[f"{extra}.json"] = _dump(bank[extra])
            index[extra] = f"{extra}.json"
    files[INDEX] = _dump(index)
    return files


def check_split_target(out: Path, overwrite: bool) -> None:
    """Refuse, before mining, a folder that holds something else or a bank without overwrite."""
    _check_folder(out.parent)
    if not out.exists():
        return
    if not out.is_dir():
        raise DrafterError(f"{display_path(out)} 已存在且不是文件夹：短语库写成文件夹时请给出新的文件夹名，或以 .json 结尾写成单个文件")
    present = {p.name for p in out.iterdir()}
    if present and not overwrite:
        raise DrafterError(f"{display_path(out)} 已存在且不是空文件夹，未覆盖。换一个文件夹名，或加 --force 覆盖")
    strangers = present - {INDEX, "places.json", "topics.json"} - {f"{k}{x}" for k in KINDS for x in (".json", SOURCES_SUFFIX)}
    if strangers:
        raise DrafterError(f"{display_path(out)} 中有短语库以外的文件（{'、'.join(sorted(strangers)[:3])}），不覆盖这个文件夹")


def write_split(bank: dict[str, Any], out: Path, overwrite: bool) -> None:
    out = Path(out)
    check_split_target(out, overwrite)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.", suffix=".part", dir=out.parent))
    old = None
    try:
        for name, text in split_files(bank).items():
            with open(tmp / name, "w", encoding="utf-8", newline="\n") as f:
                f.write(text)
                f.flush()
                os.fsync(f.fileno())
        os.chmod(tmp, 0o777 & ~_umask())
        if out.exists():
            old = out.with_name(f".{out.name}.{os.getpid()}.old")
            os.replace(out, old)
        os.replace(tmp, out)
    except OSError as e:
        if old is not None and not out.exists():
            os.replace(old, out)
            old = None
        raise DrafterError(f"无法写入 {display_path(out)}：{e.strerror or e}") from None
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def read_split(folder: Path) -> dict[str, Any]:
    """A split bank read back as the one-file bank it was made from (for tests and tools;
    drafting reads it piece by piece through drafter.phrases.bank)."""
    folder = Path(folder)
    index = json.loads((folder / INDEX).read_text(encoding="utf-8"))
    bank = {k: v for k, v in index.items() if k not in ("kinds", "layout", "places", "topics")}
    bank["entries"] = []
    for kind in sorted(KINDS):  # the one-file bank's order: entries sorted by kind
        meta = index.get("kinds", {}).get(kind)
        if meta is not None:
            name = f"{kind}{SOURCES_SUFFIX}" if "sources" in meta else f"{kind}.json"
            bank["entries"] += json.loads((folder / name).read_text(encoding="utf-8"))["entries"]
    for extra in ("places", "topics"):
        if extra in index:
            bank[extra] = json.loads((folder / f"{extra}.json").read_text(encoding="utf-8"))
    return bank
