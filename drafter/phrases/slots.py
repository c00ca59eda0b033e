"""The slot vocabulary shared by the miner and the composer.

A mined formula is a sentence of a real report with the words that belong to that report's
region, level and year replaced by slots:

    现在，我代表市人民政府向大会报告工作，请予审议，并请市政协委员提出意见。
 →  现在，我代表{本级政府}向大会报告工作，请予审议，并请{政协委员}提出意见。

`abstract()` makes frames (miner side, from what the report itself says about its region);
`fill()` puts a draft's own words back (composer side). Number frames use the figure slots
({指标} {数} {单位} {百分比} …), filled from the data by the composer.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the type only: slots sit above parse, which builds RegionWords
    from ..parse.about import RegionWords

# Level words: slot → how it is spelt for a unit character u (市 / 区 / 县 / 省).
LEVEL_SLOTS: dict[str, str] = {
    "本级政府": "{u}人民政府",
    "政府简称": "{u}政府",
    "政协委员": "{u}政协委员",
    "本级人民": "全{u}人民",
    "全域": "全{u}",
    "本级党委": "{u}委",
    "本级人大": "{u}人大",
    "本级政协": "{u}政协",
}
# Slots filled from the draft's meta / derived words (see compose.words.Words).
# 方面数 is a count of the draft's own sections (六个方面), written in Chinese numerals.
CONTEXT_SLOTS = ("地区", "地区全称", "简称", "上级领导", "年", "上年", "规划", "方面数")
# Slots filled from a figure or target of the data.
FIGURE_SLOTS = ("指标", "数", "数2", "单位", "百分比", "差值", "范围", "名次")

SLOT = re.compile(r"\{([^{}]+)\}")


def abstract(text: str, ctx: RegionWords) -> str:
    """Replace the report's own region, level and year words by slots (longest first)."""
    pairs: list[tuple[str, str]] = []
    if ctx.leadership:
        pairs.append((ctx.leadership, "{上级领导}"))
    if ctx.region:
        pairs.append((ctx.region, "{地区全称}"))
    if ctx.place and ctx.place != ctx.region:
        pairs.append((ctx.place, "{地区}"))
    for slot, pattern in LEVEL_SLOTS.items():
        pairs.append((pattern.format(u=ctx.unit), "{" + slot + "}"))
    if ctx.year:
        pairs.append((f"{ctx.year}年", "{年}年"))
        pairs.append((f"{ctx.year - 1}年", "{上年}年"))
    if ctx.period:
        pairs.append((f"“{ctx.period}”", "“{规划}”"))
    if ctx.short and len(ctx.short) == 1:
        pairs.append((f"驻{ctx.short}", "驻{简称}"))
    pairs.sort(key=lambda p: -len(p[0]))
    out, i = [], 0
    while i < len(text):
        for word, slot in pairs:
            if word and text.startswith(word, i):
                out.append(slot)
                i += len(word)
                break
        else:
            # a literal brace would read as a slot: reports write the full-width ones anyway
            out.append({"{": "｛", "}": "｝"}.get(text[i], text[i]))
            i += 1
    return "".join(out)


def slots_of(frame: str) -> list[str]:
    return SLOT.findall(frame)


def split_frame(frame: str) -> list[tuple[str, bool]]:
    """A frame → [(text, is_slot)], literal text and slot names in order."""
    out: list[tuple[str, bool]] = []
    pos = 0
    for m in SLOT.finditer(frame):
        if m.start() > pos:
            out.append((frame[pos : m.start()], False))
        out.append((m.group(1), True))
        pos = m.end()
    if pos < len(frame):
        out.append((frame[pos:], False))
    return out


def level_values(unit: str) -> dict[str, str]:
    return {slot: pattern.format(u=unit) for slot, pattern in LEVEL_SLOTS.items()}
