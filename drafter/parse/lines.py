"""Line features: numbering markers, sentence splitting, lead phrases, fixed formulas.

Pure string rules (no jieba): the parser sits on the drafting path and must stay cheap and
deterministic. Every function looks at one line; the rules in `rules/` combine them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..spans import SALUTATION  # noqa: F401  (re-exported: the rules test lines against it)

_CN_VALUE = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
             "六": 6, "七": 7, "八": 8, "九": 9}

SENTENCE_END = "。！？!?"


def cn_number(text: str) -> int | None:
    """一 → 1, 十 → 10, 十二 → 12, 二十 → 20; None if not a Chinese numeral."""
    if not text or any(c not in _CN_VALUE and c != "十" for c in text):
        return None
    if "十" not in text:
        return _CN_VALUE[text] if len(text) == 1 else None
    tens, _, ones = text.partition("十")
    t = _CN_VALUE.get(tens) if tens else 1
    o = _CN_VALUE.get(ones) if ones else 0
    if t is None or o is None or len(tens) > 1 or len(ones) > 1:
        return None
    return t * 10 + o


# ---------------------------------------------------------------------------------------------
# Numbering markers. `kind` names the family by example, as structure.json's `marker` does.

@dataclass(frozen=True)
class Marker:
    kind: str  # "（一）" | "一、" | "一是" | "（1）"
    number: int
    text: str  # the marker as written, e.g. "（三）"


_MARKERS = [
    ("（一）", re.compile(r"^[（(]([一二三四五六七八九十]{1,3})[）)]\s*")),
    ("一、", re.compile(r"^([一二三四五六七八九十]{1,3})[、.．]\s*")),
    ("一是", re.compile(r"^([一二三四五六七八九十]{1,3})是(?=[^，。；：、])")),
    ("（1）", re.compile(r"^[（(](\d{1,2})[）)]\s*")),
    ("1.", re.compile(r"^(\d{1,2})[．.、](?!\d)\s*")),
]


# Every marker opens with a bracket, a Chinese numeral or a digit: other lines skip the regexes
# (marker() is asked of every line once per family).
_MARKER_FIRST = frozenset("（(一二三四五六七八九十0123456789")


def marker(line: str) -> Marker | None:
    """The enumeration marker that opens the line, if any."""
    if line[:1] not in _MARKER_FIRST:
        return None
    for kind, rx in _MARKERS:
        m = rx.match(line)
        if not m:
            continue
        n = int(m.group(1)) if kind in ("（1）", "1.") else cn_number(m.group(1))
        if n is None or n == 0:
            continue
        return Marker(kind, n, m.group(0))
    return None


# Unnumbered list openers used for review sections / highlights. Longest first, so that
# ——这一年 is its own family rather than a —— item.
_OPENERS = ["——这一年", "——一年来", "——", "这一年", "一年来"]


def opener(line: str) -> str | None:
    for o in _OPENERS:
        if line.startswith(o) and len(line) > len(o) + 2:
            if o == "——" and line.startswith("————"):
                return None
            return o
    return None


# ---------------------------------------------------------------------------------------------
# Sentences

_QUOTES = "“‘「『”’」』"
# Without quotes: a sentence runs to its stops and any closing brackets after them.
_PLAIN_SENTENCES = re.compile(r"[^。！？!?]*[。！？!?]+[）)]*|[^。！？!?]+")


def sentences(text: str) -> list[str]:
    """Split at 。！？, keeping the stop; a stop inside “…” ends the sentence only together
    with the closing quote (…大事。”前期 → …大事。” | 前期). Unbalanced quotes fall back to
    splitting at every stop, so a garbled line still yields short sentences."""
    if not any(q in text for q in _QUOTES):
        return _PLAIN_SENTENCES.findall(text)  # the same split, in C: most lines quote nothing
    out: list[str] = []
    depth = 0
    start = 0
    i = 0
    n = len(text)
    while i < n:
        c = text[i]
        if c in "“‘「『":
            depth += 1
        elif c in "”’」』":
            depth = max(0, depth - 1)
        elif c in SENTENCE_END:
            j = i + 1
            while j < n and text[j] in SENTENCE_END:
                j += 1
            if depth > 0:
                # a stop right before the closing quote(s) that end the quotation
                k = j
                d = depth
                while k < n and text[k] in "”’」』" and d > 0:
                    k += 1
                    d -= 1
                if d == 0 and k > j:
                    out.append(text[start:k])
                    start = i = k
                    depth = 0
                    continue
            else:
                while j < n and text[j] in "”’」』）)":
                    j += 1
                out.append(text[start:j])
                start = i = j
                continue
        i += 1
    if start < n:
        out.append(text[start:])
    if depth > 0 and len(out) == 1 and any(c in text for c in SENTENCE_END):
        return [s for s in re.findall(r"[^。！？!?]*[。！？!?]+|[^。！？!?]+$", text) if s]
    return out


def first_sentence(text: str) -> str:
    if not any(q in text for q in _QUOTES):
        m = _PLAIN_SENTENCES.match(text)
        return m.group(0) if m else ""
    s = sentences(text)
    return s[0] if s else ""


# ---------------------------------------------------------------------------------------------
# Lead phrases: the short bold first sentence of a paragraph (促进创新协同。).

LEAD_MAX = 24  # characters, stop included; the annotation's convention (ANALYSIS §7)
LEAD_COMMA_MAX = 15  # a lead may carry a comma only when it is this short
_LEAD_BAD_START = re.compile(
    r"^(各位代表|同志们|同时|此外|另外|与此同时|其中|以上|上述|当前|目前|今年|明年|去年|"
    r"过去|新的一年|一年来|这一年|近年来|我们|我市|我区|我县|全市|全区|全县|如果|但|而|"
    r"对此|因此|所以|特别是|尤其是|比如|例如|预计|据|在|\d|[０-９]|[（(]\d)"
)


def lead_of(text: str, numbered: bool = False) -> str | None:
    """The lead phrase that opens `text`, or None.

    A lead is a short first sentence that names a task or an achievement: at most LEAD_MAX
    characters, ended by 。, no ：/；, a comma only if very short, no figures (leads name
    actions; figures belong to the measures that follow: 新材料产业产值达到350亿元。 is a
    continuation, not a lead), no numbering marker (（5）… / （一）… are list items).
    Connective and time openers (同时，/今年/各位代表) mark ordinary prose. Whether a
    lead-shaped sentence really is a lead also depends on its neighbours (a section needs two
    or more, see rules/sections.py)."""
    s = first_sentence(text)
    if not s or (not s.endswith("。") and not s.endswith("。”")):
        return None
    if len(s) > LEAD_MAX or len(s) < 4:
        return None
    if any(c in s for c in "：:；;"):
        return None
    # a numbered item (1.攻坚重大项目，带动产业强链提质。) is a lead by its number, comma or not
    if ("，" in s or "," in s) and len(s) > LEAD_COMMA_MAX and not numbered:
        return None
    if "、" in s and len(s) > 20 and not numbered:
        return None
    if re.search(r"\d", s):
        return None
    if _LEAD_BAD_START.match(s) or marker(s):
        return None  # a numbered sub-item, not a lead
    return s


def headline_of(text: str, max_len: int = 40) -> str | None:
    """A headline sentence (unnumbered review sections: 经济运行稳健向好。 / 坚持稳增长、勇争先，
    经济运行稳中向好。): short first sentence, no ：/；, no figures, not a time opener."""
    s = first_sentence(text)
    if not s or not s.endswith("。"):
        return None
    if len(s) > max_len or len(s) < 5:
        return None
    if any(c in s for c in "：:；;") or re.search(r"\d", s):
        return None
    if _LEAD_BAD_START.match(s):
        return None
    return s


# ---------------------------------------------------------------------------------------------
# Fixed formulas (ANALYSIS §4.8)

OPENING_FORMULA = re.compile(r"^(各位代表[^现]{0,12})?现在，?(我代表|受).{0,20}(人民政府|政府).{0,10}(报告|作)")
CLOSING_FORMULA = re.compile(r"(紧密地?团结在.{0,30}(周围|党中央))|(让我们.{0,40}团结奋斗)")
THANKS_FORMULA = re.compile(r"我代表.{0,12}(人民政府|政府).{0,200}(感谢|敬意)")
PROBLEMS_FORMULA = re.compile(r"清醒(地)?(认识|看)到|也要看到|知弱|知忧|思危")
LIST_INTRO = re.compile(
    r"(抓好|做好|实施|推进|突出|在).{0,12}(以下|下列)?.{0,6}[0-9一二三四五六七八九十几]+(个|项|大)?方面.{0,8}(工作|重点)?"
    r".{0,4}[：:。]?$"
)
TARGETS_PARAGRAPH = re.compile(r"(预期目标|奋斗目标|主要目标)(是|为)?[：:]")
REQUIREMENTS_PARAGRAPH = re.compile(r"(总体要求|总的要求|总体思路|工作思路|指导思想)(是|为)?[：:]")


def is_salutation_only(line: str) -> bool:
    return bool(re.fullmatch(r"各位代表[、，,]?(各位委员[、，,]?)?(同志们)?[：:！!，,]", line))
