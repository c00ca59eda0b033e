"""Mined number frames that a figure fills exactly, chosen by seed and place.

A frame such as `到位{指标}{数}{单位}，增长{百分比}` fits a figure only when every word it
carries besides its slots is one of:

  - punctuation joining the figure's parts (、 ，) and the 分别 / 和 / % of a pair;
  - the data's own verb (`verb`: 新增, 达到 …), before or after the indicator — so 「新增城镇
    就业5.14万人」 needs `verb: 新增`, and 「到位资金」 needs `verb: 到位`; a verb whose subject
    is the figure (突破, 达到, 提高到 …; 增加 after a measure: 优良天数增加36天) only after it;
  - the data's own growth verb (增长, or 下降 for a negative growth, or `growth_verb`
    verbatim: 同比 only when the data says 同比);
  - the data's qualifier where the data puts it (以上 / 左右 / 以内 only when the figure has it);
  - rank words (居 / 排名 … 第 … 位) and the rank's basis (增速 / 总量) as the data gives it.

Anything else (全年, 同口径, 争取, 脱贫 …) would add a claim the data does not make: rejected.
The frame's own words are Source("phrase", entry.id); every slot and every data word keeps
its data path. `figure_pattern()` / `target_pattern()` build the regular expression of
acceptable frame texts; named groups mark the words that come from the data (and `rverb` /
`rwei` the rank's 居 or 排名 and 位, which the figure's further ranks follow).

Among the frames that fit, the chooser prefers wordings common across reports and provinces
(the miner's `reports` and `provinces`), then the draft's own province and level, and uses a
frame seen in one report only when nothing wider fits.
"""

from __future__ import annotations

import hashlib
import re
import weakref
from dataclasses import dataclass
from collections.abc import Callable, Iterable

from ..model import Figure, Target
from ..phrases.bank import Bank, Entry
from ..tree import Run, Source

TOP = 4  # candidate frames per figure: the wordings offices reuse, not one-offs
_SLOT = re.compile(r"\{([^{}]+)\}")
_DATA_GROUPS = ("verb", "verb_b", "gverb", "qual", "qual_b", "gqual", "rof")
# How much the draft's own province and level weigh against spread, as factors of a frame's
# weight (1 + reports) × (1 + provinces): enough to choose among frames about as common (as
# drafter/phrases/suggest.py does for headings), never enough to lift a rare one over a common one.
OWN_PROVINCE = 3
OWN_LEVEL = 3, 2  # (the draft's level seen, not seen): × 1.5


def slot(name: str) -> str:
    return re.escape("{" + name + "}")


def word(group: str, text: str) -> str:
    return f"(?P<{group}>{re.escape(text)})"


@dataclass(frozen=True)
class Frame:
    text: str  # the frame with its slots
    id: str  # the most frequent entry of that text (its Source)
    count: int  # corpus count, summed over entries with the same text
    reports: int = 0  # reports it was seen in (0: the bank does not say)
    provinces: frozenset = frozenset()  # provinces of those reports
    levels: frozenset = frozenset()  # their levels (市 州 区 县 县级市)
    local: bool = False  # every entry of the text marked local by the miner

    @property
    def narrow(self) -> bool:
        """Seen in one report only (or local): that report's wording, not a report's way of saying."""
        return self.local or self.reports == 1

    def weight(self, province: str = "", level: str = "") -> int:
        """Spread first (reports, provinces), then the draft's own province, then its level; an
        integer, so that the seed's choice is the same on every machine."""
        w = (1 + (self.reports or self.count)) * (1 + len(self.provinces))
        if province and province.startswith(tuple(self.provinces)):  # 广西壮族自治区: 广西
            w *= OWN_PROVINCE
        seen, unseen = OWN_LEVEL
        if level == "州":  # a prefecture: its own wording first, then a 市's (3 : 2.5 : 2, doubled)
            return w * (2 * seen if "州" in self.levels else seen + unseen if "市" in self.levels else 2 * unseen)
        return w * seen if level and level in self.levels else w * unseen


def _merged(text: str, es: list) -> Frame:
    """One frame from the entries of one text. The shipped bank has one entry per text with its
    reports counted; a bank that keeps one per indicator has its reports counted here across
    them by their source files (exact below the 20-source cap, a lower bound above it)."""
    if len(es) == 1:  # the shipped bank's case, without the merging (a draft reads ~1,700 frames)
        e = es[0]
        reports = max(len({f for f, _ in getattr(e, "sources", ())}), getattr(e, "reports", 0))
        return Frame(text, e.id, e.count, reports, frozenset(getattr(e, "provinces", None) or {}),
                     frozenset(getattr(e, "levels", None) or {}), bool(getattr(e, "local", False)))
    best = min(es, key=lambda e: (-e.count, e.id))
    files = {f for e in es for f, _ in getattr(e, "sources", ())}
    reports = max([len(files)] + [getattr(e, "reports", 0) for e in es])
    provinces = frozenset(p for e in es for p in (getattr(e, "provinces", None) or {}))
    levels = frozenset(lv for e in es for lv in (getattr(e, "levels", None) or {}))
    local = all(getattr(e, "local", False) for e in es)
    return Frame(text, best.id, sum(e.count for e in es), reports, provinces, levels, local)


def frames_of(bank: Bank, slot_name: str) -> list[Frame]:
    """Number entries of one shape, merged by text."""
    merged: dict[str, list] = {}
    for e in bank.of("number", slot_name):
        merged.setdefault(e.text, []).append(e)
    out = [_merged(text, es) for text, es in merged.items()]
    return sorted(out, key=lambda f: (-f.count, f.text))


def fitting(frames: Iterable[Frame], rx: str) -> list[tuple[Frame, re.Match]]:
    compiled = re.compile(rx)
    return [(f, m) for f in frames if (m := compiled.fullmatch(f.text))]


def choose(seed: int, key: str, fits: list[tuple[Frame, re.Match]], used: set[str],
           province: str = "", level: str = ""):
    """Among the few heaviest (spread, own province, own level), weighted by the same weight;
    never a frame already used in this paragraph, and a frame seen in one report only when
    nothing wider fits."""
    fresh = [x for x in fits if x[0].text not in used]
    pool = [x for x in fresh if not x[0].narrow] or fresh
    if not pool:
        return None
    weighted = sorted(((f.weight(province, level), f.text, (f, m)) for f, m in pool), key=lambda x: (-x[0], x[1]))
    weighted = weighted[:TOP]
    digest = hashlib.sha256(f"{seed}\x00frame\x00{key}".encode()).digest()
    ticket = int.from_bytes(digest[:8], "big") % sum(w for w, _, _ in weighted)
    for w, _, x in weighted:
        ticket -= w
        if ticket < 0:
            return x
    return weighted[-1][2]  # pragma: no cover - the tickets add up


def render(frame: Frame, m: re.Match, slots: dict[str, list[Run]],
           data_words: dict[str, str], data_run: Callable[[str, str], Run]) -> list[Run]:
    """The frame with its slots filled: data words (named groups) as data runs at their paths,
    the rest of the literal text as the frame's own phrase."""
    marks: list[tuple[int, int, Run | list[Run]]] = []
    for g in _DATA_GROUPS:
        if g in m.re.groupindex and m.group(g):
            marks.append((m.start(g), m.end(g), data_run(m.group(g), data_words[g])))
    for s in _SLOT.finditer(frame.text):
        marks.append((s.start(), s.end(), slots[s.group(1)]))
    marks.sort(key=lambda x: x[0])
    out: list[Run] = []
    pos = 0
    for start, end, what in marks:
        if start > pos:
            out.append(Run(frame.text[pos:start], Source("phrase", frame.id)))
        out.extend(what if isinstance(what, list) else [what])
        pos = end
    if pos < len(frame.text):
        out.append(Run(frame.text[pos:], Source("phrase", frame.id)))
    return out


# A loaded bank never changes, so what a draft derives from it is kept for as long as the bank
# lives: the texts of each shape, the frames built from them and the texts each pattern fits. A
# draft asks ~100 patterns of which ~35 differ, and a batch of drafts asks the same again. Only
# the texts a pattern fits are built into frames (a shape has ~1,300 texts; a draft uses ~60).
_BY_BANK: weakref.WeakKeyDictionary[Bank, _Memo] = weakref.WeakKeyDictionary()
MAX_PATTERNS = 1024  # fitting results kept per bank before the memo starts afresh


@dataclass
class _Memo:
    texts: dict  # shape → {text: its entries as read}
    frames: dict  # (shape, text) → Frame
    fits: dict  # (shape, pattern) → [(Frame, Match)]


def _memo(bank: Bank | None) -> _Memo:
    if bank is None:
        return _Memo({}, {}, {})
    try:
        return _BY_BANK.setdefault(bank, _Memo({}, {}, {}))
    except TypeError:  # a bank that cannot be weakly referenced: memo for this draft only
        return _Memo({}, {}, {})


def _texts_of(bank: Bank, shape: str) -> dict[str, list]:
    """Number entries of one shape by text, as the bank read them (see Bank.raw_of)."""
    raw = bank.raw_of("number", shape) if hasattr(bank, "raw_of") else bank.of("number", shape)
    out: dict[str, list] = {}
    for e in raw:
        out.setdefault(e["text"] if isinstance(e, dict) else e.text, []).append(e)
    return out


# A rank of a growth the figure states, in the corpus (25 + 136 reports): 「增长X%、居全省第N」
# 79 times, 「增长X%、增速居全省第N」 30. One draft says all its ranks one way: the seed picks
# the form for the whole draft, in those proportions.
RANK_AFTER_GROWTH = {"居": 79, "增速居": 30}


def says_basis_after_growth(seed: int) -> bool:
    """Whether this draft says 增速 before the rank of a growth it has just stated with a value
    (「2878亿元、增长4.3%、增速居全省第一」); a growth alone never repeats it (「增长8%、居全省第一」)."""
    digest = hashlib.sha256(f"{seed}\x00rank_form".encode()).digest()
    return int.from_bytes(digest[:8], "big") % sum(RANK_AFTER_GROWTH.values()) < RANK_AFTER_GROWTH["增速居"]


class FrameChooser:
    """One per draft: the bank's number frames by shape, the seed, the draft's province
    (陕西省, matched by the bank's short names: 陕西) and level; `pick` takes the set of frames
    already used in the paragraph being written."""

    def __init__(self, bank: Bank | None, seed: int, province: str | None = None, level: str | None = None):
        self.bank = bank
        self.seed = seed
        self.says_basis = says_basis_after_growth(seed)
        self.province = (province or "").strip()
        self.level = level or ""
        self._memo = _memo(bank)

    def _texts(self, shape: str) -> dict[str, list]:
        texts = self._memo.texts.get(shape)
        if texts is None:
            texts = self._memo.texts[shape] = _texts_of(self.bank, shape) if self.bank is not None else {}
        return texts

    def _frame(self, shape: str, text: str) -> Frame:
        frame = self._memo.frames.get((shape, text))
        if frame is None:
            es = [Entry.from_json(e) if isinstance(e, dict) else e for e in self._texts(shape)[text]]
            frame = self._memo.frames[(shape, text)] = _merged(text, es)
        return frame

    def frames(self, shape: str) -> list[Frame]:
        """Every frame of the shape, most frequent first (as frames_of)."""
        return sorted((self._frame(shape, t) for t in self._texts(shape)), key=lambda f: (-f.count, f.text))

    def fits(self, shape: str, rx: str) -> list[tuple[Frame, re.Match]]:
        """The frames whose text the pattern matches whole, in no particular order (`choose`
        orders them by weight and text)."""
        fits = self._memo.fits
        got = fits.get((shape, rx))
        if got is None:
            if len(fits) >= MAX_PATTERNS:
                fits.clear()
            compiled = re.compile(rx)
            got = fits[(shape, rx)] = [(self._frame(shape, t), m) for t in self._texts(shape)
                                       if (m := compiled.fullmatch(t))]
        return got

    def pick(self, shape: str, rx: str, key: str, used: set[str]):
        got = choose(self.seed, key, self.fits(shape, rx), used, self.province, self.level)
        if got is not None:
            used.add(got[0].text)
        return got


# ---- which frame texts a figure or a target fills exactly -----------------------------------

NAME = slot("指标")
PCT = slot("百分比")
SEP = "[、，]"


# Verbs whose subject is the figure itself (经济总量突破200亿元, 覆盖率提高到90%): the verb
# follows the indicator. A verb-first frame of the bank (突破{指标}…, mined from 突破关键技术20项)
# would turn 「武功经济总量突破200亿元」 into 「突破武功经济总量200亿元」.
# An intransitive verb too: 「重特大疾病医疗救助受益13.6万人次」, never 「受益重特大疾病……」.
_SUBJECT_VERBS = ("突破", "达到", "达", "超过", "超", "逾", "受益")
# Verbs of change follow an indicator that is a measure (优良天数增加36天, not 增加优良天数36天);
# before a thing counted they stay free (增加就业岗位5000个).
_CHANGE_VERBS = ("增加", "减少", "提高", "提升", "降低", "下降", "扩大", "缩小", "压缩", "缩短")
_MEASURES = ("数", "率", "量", "额", "值", "比", "比例", "比重", "规模", "面积", "指数", "收入", "产值", "总量")


# ……到 verbs of getting keep their object after them: 「争取到地方专项债券资金57.6亿元」 (all 17
# in the corpus), not 「上级转移支付资金争取到172.97亿元」 (梧州, H80).
GETTING_TO = ("争取到", "招引到", "吸引到", "筹集到", "募集到", "引进到")


def follows_subject(verb: str, name: str = "", unit: str | None = None) -> bool:
    if verb in GETTING_TO:
        return False
    # a share in % is said of the indicator, never done to it: 「黑臭河涌较央督时减少63.7%」,
    # not 「减少黑臭河涌较央督时63.7%」 (中山, H125)
    if verb in _SUBJECT_VERBS or verb.endswith(("到", "至", "在", "为")) or unit == "%":
        return True
    # a per-capita figure is an outcome, never the object of the office's verb: 「城镇居民人均
    # 可支配收入完成44658元」, not 「完成城镇居民人均可支配收入44658元」
    if "人均" in name:
        return True
    return verb in _CHANGE_VERBS and name.endswith(_MEASURES)


def _value_part(verb: str | None, unit: str | None, qualifier: str, form: str, headline: bool,
                name: str = "") -> str:
    num = slot("数") + (slot("单位") if unit else "")
    if unit == "%":
        num = f"(?:{num}|{PCT})"
    q = word("qual", qualifier) if qualifier else ""
    if not verb:
        return NAME + ("达到" if headline else "") + num + q
    q_b = word("qual_b", qualifier) if qualifier else ""  # group names are unique per pattern
    ways = {"verb_first": word("verb", verb) + NAME + num + q, "name_first": NAME + word("verb_b", verb) + num + q_b}
    if not form and follows_subject(verb, name, unit):
        form = "name_first"
    if form in ways:
        return ways[form]
    return f"(?:{ways['verb_first']}|{ways['name_first']})"


def _growth_verb(growth_verb: str | None, falling: bool) -> str:
    if growth_verb:
        return word("gverb", growth_verb.replace("增长", "下降") if falling else growth_verb)
    return "下降" if falling else "增长"


def figure_pattern(f: Figure, headline: bool, has_value: bool, has_growth: bool) -> tuple[str, str] | None:
    """(bank shape, regex of frame texts) for the core of figure `f` (value, growth, first rank);
    None when no mined shape can say it (number-first, 倒数 ranks …)."""
    if f.form == "number_first":
        return None
    falling = f.growth is not None and f.growth < 0
    gq = word("gqual", f.qualifier) if f.qualifier and not has_value else ""
    ranks = f.ranks
    # a comparison belongs to the growth it measures (增长7.2%、高于全省2.2个百分点、居全省第一):
    # a growth-and-rank frame would put it after the rank, so the rank follows by hand
    if ranks and not has_value and not (has_growth and f.compare):
        r = ranks[0]
        if r.from_bottom:
            return None
        # 位 after a place in digits only: 居全省第3位, but 居全省第一 (218) over 第一位 (7)
        tail = slot("范围") + "第" + slot("名次") + ("(?P<rwei>位)?" if r.numeral == "数字" else "(?P<rwei>)")
        if has_growth:
            if r.of == "总量":
                return None
            # 增速 after a growth goes without saying, even where the office wrote it, unless
            # another rank of the figure has another basis (增速居全省第一、总量居全省第三)
            other_basis = any(x.of != r.of for x in ranks[1:])
            said = word("rof", r.of) if r.of and other_basis else ""
            return "rank", NAME + _growth_verb(f.growth_verb, falling) + PCT + gq + SEP + said + "(?P<rverb>排名|居)" + tail
        of = word("rof", r.of) if r.of else ""
        return "rank", NAME + of + "(?P<rverb>排名|居)" + tail
    if f.value2 is not None:
        if not f.verb or f.unit != "%" or has_growth or f.verb.startswith("分别"):
            return None
        q = word("qual", f.qualifier) if f.qualifier else ""
        return "pair", NAME + "分别" + word("verb", f.verb) + slot("数") + "%(?:和|、)" + slot("数2") + "%" + q
    if has_value and has_growth:
        value = _value_part(f.verb, f.unit, f.qualifier, f.form, headline, f.name)
        # a headline lists figures with ，, so each figure's growth joins its level with 、
        return "level_growth", value + ("、" if headline else SEP) + _growth_verb(f.growth_verb, falling) + PCT
    if has_value:
        return "level", _value_part(f.verb, f.unit, f.qualifier, f.form, headline, f.name)
    if has_growth:
        return "growth", NAME + _growth_verb(f.growth_verb, falling) + PCT + gq
    return None


def target_pattern(t: Target) -> tuple[str, str] | None:
    """(bank shape, regex) for a numeric target: 增长6%左右 / 控制在3%以内 / 4.5万人以上."""
    q = t.qualifier
    if q not in ("", "左右", "以上", "以内", "控制在以内"):
        return None
    pair = t.value2 is not None or "value2" in t.model_fields_set
    if t.controlled:
        if pair or q == "左右" or (t.unit not in (None, "%")):
            return None
        return "target_control", NAME + "控制在" + PCT + "以内"
    qual = word("qual", q) if q else ""
    if t.kind == "growth":
        falling = t.value is not None and t.value < 0
        verb = word("verb", t.verb) if t.verb else ("下降" if falling else "增长")
        if t.unit not in (None, "%"):
            return None
        if pair:
            return "pair", NAME + "分别" + verb + slot("数") + "%(?:和|、)" + slot("数2") + "%" + qual
        return "target_growth", NAME + verb + PCT + qual
    if pair or q == "以内":
        return None
    return "target_level", _value_part(t.verb, t.unit, q, "", False, t.name)
