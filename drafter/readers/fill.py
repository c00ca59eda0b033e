"""Gathered figures fill the office's empty entries instead of sitting beside them.

`drafter init` writes an indicator with an empty value (review.headline[0]: 生产总值, value:);
a returned form gives its value. A folder merge only appends list items, so the gathered figure
would become a second entry of the same indicator. Instead a gather fragment lists it under the
top-level key `fill`:

    fill:
      - {entry: "review.headline[0]", name: "生产总值", value: 2878, unit: "亿元", growth: 4.3}

and after the folder is merged each item is written into its entry: the entry at `entry` when
it still has that name, else the one entry under `review` of that name whose value and growth
are both empty (the office may have moved it). Same name, same period (review: the reviewed
year) and same unit: the same indicator. A field the entry leaves empty is filled; an equal one
agrees; a different value, growth or unit is a conflict naming both places. The dept the office
set is kept (the office decides who answers for a figure); its status is kept too, except on an
entry that had no number yet, where it was only the skeleton's default and the form's wins.
"""

from __future__ import annotations

from typing import Any
from collections.abc import Iterator

from ..datapath import DataPath, format_path
from ..errors import Problem

FILL_KEY = "fill"
_CHECKED = ("value", "actual", "growth", "unit")  # a different one is a conflict
_NUMBERS = ("value", "actual", "growth")


def _empty(v: Any) -> bool:
    return v is None or v == ""


def _entries(node: Any, path: tuple) -> Iterator[tuple[tuple, dict]]:
    if isinstance(node, dict):
        if isinstance(node.get("name"), str):
            yield path, node
        for k, v in node.items():
            yield from _entries(v, path + (k,))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from _entries(v, path + (i,))


def empty_entry(data: Any, name: str, unit: str | None = None) -> tuple | None:
    """The path of the one entry under `review` named `name` with no value and no growth (and
    the same unit, when both give one: 生产总值 in 亿元 is not the 生产总值 growth target in %)."""
    review = data.get("review") if isinstance(data, dict) else None
    found = [p for p, e in _entries(review, ("review",))
             if e["name"] == name and all(_empty(e.get(k)) for k in ("value", "actual", "growth"))
             and (_empty(unit) or _empty(e.get("unit")) or e.get("unit") == unit)]
    return found[0] if len(found) == 1 else None


def _target(data: Any, item: dict) -> tuple | None:
    at = DataPath.of(item["entry"]) if isinstance(item.get("entry"), str) else None
    entry = at.resolve(data) if at is not None else None
    if at is not None and isinstance(entry, dict) and entry.get("name") == item["name"]:
        return tuple(at)
    return empty_entry(data, item["name"], item.get("unit"))


def apply_fills(loaded) -> list[Problem]:
    """Write the merged folder's `fill` items into their entries (see the module doc) and drop
    the key; the problems found, each at the fill item's file:line:column."""
    data = loaded.data
    if not isinstance(data, dict) or FILL_KEY not in data:
        return []
    items = data.pop(FILL_KEY)
    problems: list[Problem] = []

    def problem(path: tuple, message: str) -> None:
        pos = loaded.where(path)
        problems.append(Problem(pos.file if pos else loaded.files[0], pos.line if pos else 0,
                                pos.column if pos else 0, format_path(path), message))

    for i, item in enumerate(items if isinstance(items, list) else []):
        here = (FILL_KEY, i)
        if not isinstance(item, dict) or not isinstance(item.get("name"), str):
            problem(here, "fill 的每一项应为带 name 的映射，如 {entry: \"review.headline[0]\", name: \"生产总值\", value: 2878}")
            continue
        target = _target(data, item)
        if target is None:
            problem(here, f"没有找到名为“{item['name']}”、数值为空的指标可以填入：请在数据文件中保留这一空项，或删去本项")
            continue
        entry = DataPath(target).resolve(data)
        # init writes `status: 预计` into every empty entry: on an entry with no number yet that
        # is the skeleton's default, and the department's own status (快报, 核实) replaces it
        no_number = all(_empty(entry.get(k)) for k in _NUMBERS)
        for key, value in item.items():
            if key in ("entry", "name") or _empty(value):
                continue
            mine = entry.get(key)
            if _empty(mine) or (key == "status" and no_number):
                entry[key] = value
                pos = loaded.values.get(here + (key,))
                if pos is not None:
                    loaded.values[target + (key,)] = pos
            elif key in _CHECKED and (mine != value or type(mine) is not type(value)):
                theirs = loaded.where(target + (key,))
                where = f"{theirs.file}:{theirs.line}:{theirs.column}" if theirs else format_path(target)
                problem(here + (key,), f"指标“{item['name']}”的 {key} 为 {value}，与 {where} {format_path(target + (key,))} 的 {mine} 不一致："
                                       "请与部门核实后只保留一个")
    if not isinstance(items, list):
        problem((FILL_KEY,), "fill 应为列表")
    for table in (loaded.values, loaded.keys):
        for p in [p for p in table if p and p[0] == FILL_KEY]:
            del table[p]
    return problems
