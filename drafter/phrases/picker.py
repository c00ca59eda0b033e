"""Choosing phrases from the bank for one draft.

Deterministic: the choice depends on --seed, the place in the document (a key such as
"review.problems_intro") and the entries already used in this draft: one Picker per draft
keeps them (`used`), so no entry is used twice in one draft and the same data, bank and seed
give the same choices. Only the most frequent frames of a slot are candidates: they are the wordings
offices actually reuse, rare ones are often tied to one report's context. Headings and leads are
chosen by what their section says, with the rules on place and province, in suggest.py (the
picker's own chooser by topic, which applied none of them, had no caller and is gone, H104).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable

from ..tree import Run, Runs, Source
from .bank import Bank, Entry, province_key
from .slots import slots_of, split_frame

TOP = 5  # candidates per slot
_PLACE_SLOTS = {"地区", "地区全称", "简称"}


# A chain in one slot (省委、省政府和市委): its organs, the bare 政府 of 自治区党委、政府 aside
# (it is 自治区's, and said with it).
_CHAIN_SEP = re.compile(r"[、和]")


def says_twice(frame: str, values: dict[str, str]) -> bool:
    """Would the frame name an organ of a chain its slot also names? 荆门's 「是省委、省政府关心关怀的
    结果，是{上级领导}团结带领……」 held only 市委 in its slot; filled with 黄冈's whole chain it said
    省委、省政府 twice in one sentence (H125)."""
    own = "".join(text for text, is_slot in split_frame(frame) if not is_slot)
    for name in slots_of(frame):
        organs = [o for o in _CHAIN_SEP.split(values.get(name, "")) if len(o) >= 2 and o != "政府"]
        if len(organs) >= 2 and any(o in own for o in organs):
            return True
    return False


def _index(seed: int, key: str, n: int) -> int:
    digest = hashlib.sha256(f"{seed}\x00phrase\x00{key}".encode()).digest()
    return int.from_bytes(digest[:8], "big") % n


class Picker:
    def __init__(self, bank: Bank, seed: int, values: dict[str, str], province: str | None = None):
        self.bank = bank
        self.seed = seed
        self.values = values
        self.province = province_key(province)
        self.used: set[str] = set()

    def _widespread(self, e: Entry) -> bool:
        """Seen in two provinces' reports, or in the draft's own (or the bank does not say)."""
        return not e.provinces or len(e.provinces) >= 2 or bool(self.province and self.province in e.provinces)

    def _choose(self, key: str, candidates: Iterable[Entry]) -> Entry | None:
        fresh = sorted((e for e in candidates if e.id not in self.used), key=lambda e: (-e.count, e.id))
        if not fresh:
            return None
        top = fresh[:TOP]
        # weighted by how often the corpus uses each wording: 「在…的坚强领导下」 (13 reports)
        # comes up far more often than a one-off, yet every seed can reach every candidate
        ticket = _index(self.seed, key, sum(e.count for e in top))
        for entry in top:
            ticket -= entry.count
            if ticket < 0:
                break
        self.used.add(entry.id)
        return entry

    def formula(self, slot: str, key: str | None = None, **extra: str) -> Runs:
        """A mined formula for `slot` with this draft's words in its slots; empty if none fits.

        Wordings seen in two or more reports are preferred: a one-off, especially one naming
        its own place (「打造区域中心城市，是{地区}……」), often carries that report's claims.
        So are wordings of two provinces or of the draft's own: 「根本在于习近平总书记掌舵领航和深切
        关怀」 is 江苏's (the 关怀 of a visit there), yet it thanked for 湖南's and 甘肃's years in two
        new users' trials; when only such wordings fit, none is used, so the template's default
        stands (乌鲁木齐 was thanked with 江苏's when no wider wording fitted, H125)."""
        values = {**self.values, **{k: str(v) for k, v in extra.items()}}
        fits = [e for e in self.bank.of("formula", slot)
                if all(s in values for s in slots_of(e.text)) and not says_twice(e.text, values)]
        # none widespread: the template's own default, never another province's one-off (H125)
        fits = [e for e in fits if self._widespread(e)]
        common = [e for e in fits if e.count >= 2]
        if len(common) < 2:
            common += [e for e in fits if e.count < 2 and not _PLACE_SLOTS & set(slots_of(e.text))]
        entry = self._choose(key or slot, common)
        if entry is None:
            return Runs([])
        runs = []
        for text, is_slot in split_frame(entry.text):
            if is_slot:
                runs.append(Run(values[text], Source("derived", f"{entry.id}#{text}")))
            else:
                runs.append(Run(text, Source("phrase", entry.id)))
        return Runs(runs)
