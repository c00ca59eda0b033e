"""What a text must say for a suggestion to be offered over it (issue 10, blind verdicts).

The chooser (suggest.py) ranks phrases by the character pairs they share with a text; these rules
refuse a phrase the text does not bear out as a whole: an area heading that speaks for too few of
the area's paragraphs, a reform phrase over a text that hardly speaks of reform or lists several,
a lead naming an object the text names once. Each rule came from blind readers' verdicts and was
checked by a blind paired sample of every suggestion it changed (docs/suggestion-fit.md).
"""

from __future__ import annotations

import re

from .topics import classify, named_topics

# between the facts or measures of a data text (compose._text_of): where the first one ends, and
# nothing to the score
ITEM_BREAK = "\x1f"
# between the paragraphs of a key-task area (compose._text_of): the topic of each is judged on its own
PARA_BREAK = "\x1e"
STOPS = re.compile(r"[^。；！？]+")
# around a department's name in a data text (compose._text_of: dept, lead_depts …): who reports a
# figure is not what the measure says, so a lead must share a word with the rest (suggest.py)
DEPT_MARK = "\x1d"
_DEPT_SPAN = re.compile(DEPT_MARK + "[^" + DEPT_MARK + "]*" + DEPT_MARK)


def without_depts(text: str) -> str:
    return _DEPT_SPAN.sub("", text)


def unmarked(text: str) -> str:
    """The text as it read before departments were marked (headings are chosen on it)."""
    return text.replace(DEPT_MARK, "")


# An area heading must speak for more than half of the area's paragraphs (3 or more), by their
# topics (topics.named_topics): 「坚定不移推进农业农村现代化」 headed 高平's area of farming, coal and
# services, 咸阳's of the city and the villages, and, as 「全面推进乡村振兴……」, 金台's livelihood area
# whose first paragraph is rural. Over prose a heading that does is preferred, and the others stay
# when none does (blind paired sample U: where the choice changed, 13 fit against 10; refusing them
# all left 11 areas without a heading, 6 of whose headings had fit). Over a list of measures, where
# no reach judges breadth, a narrow heading is not offered at all.
PARAGRAPHS_MIN = 3


# A reform phrase names its subject by its last word, 改革. Of the 36 blind verdicts on such phrases
# only 7 fit: most sat over a paragraph listing several reforms and named one of them (「持续深化国资
# 国企改革」 over 放管服, 国企 and 预算 reforms), or over a text that hardly speaks of reform
# (「深化农业农村改革」 over seeds and fields in all three twins). So one is offered only over a text
# that speaks of reform twice or more, and one naming a particular reform only where the text does
# not name three or more kinds. Blind paired sample W (all 20 leads this changes in the
# leave-one-out run): 14 fit against 10.
GENERIC_REFORMS = ("全面深化改革", "重点领域改革", "重点改革", "改革开放", "改革创新", "深化改革", "改革攻坚",
                    "各项改革", "关键领域改革")
_REFORM_KINDS = re.compile(r"([\u4e00-\u9fff]{2})改革")


def units(text: str) -> list[str]:
    """The sentences of a text, or the measures of a list."""
    return STOPS.findall(text.replace(ITEM_BREAK, "。"))


def reform_talk(text: str, units: list[str]) -> tuple[int, int]:
    """How many sentences (or measures) of `text` speak of reform, and how many kinds it names."""
    return sum("改革" in u for u in units), len({m.group(1) for m in _REFORM_KINDS.finditer(text)})


# Leads that name a campaign, the market's entities or one service system (「实施城市更新行动」,
# 「培育壮大市场主体」, 「完善养老服务体系」) fit 1 of 10, 1 of 11 and 0 of 8 blind verdicts: a part
# of the paragraph, or a word it says once (养老 in a paragraph on all social insurance). One is
# offered only where the text names that object (its last four characters) twice or more.
# Blind paired sample X (all 19 leads this changes in the leave-one-out run): 11 fit against 5.
OBJECT_TAILS = ("行动", "主体", "服务体系")


def object_unnamed(lead: str, units: list[str]) -> bool:
    if not lead.endswith(OBJECT_TAILS):
        return False
    return sum(lead[-4:] in u for u in units) < 2


def reform_off(phrase: str, talk: tuple[int, int]) -> bool:
    if not phrase.endswith("改革"):
        return False
    mentions, kinds = talk
    return mentions < 2 or (kinds >= 3 and not any(g in phrase for g in GENERIC_REFORMS))


def paragraph_topics(text: str) -> list[str]:
    paragraphs = [p for p in text.split(PARA_BREAK) if p.strip()] if PARA_BREAK in text else []
    if len(paragraphs) < PARAGRAPHS_MIN:
        return []
    return [classify(p.replace(ITEM_BREAK, "")) for p in paragraphs]


def narrow(heading: str, paragraph_topics: list[str]) -> bool:
    named = named_topics(heading)
    return 2 * sum(t in named for t in paragraph_topics) <= len(paragraph_topics)


# A lead names its subject: its object without opening verbs and frame words (suggest._core: 农村人居环境,
# 教育支撑, 主城区). Met by one character pair in one measure, the subject is a word the item says in passing,
# often inside another word: 「持续提升农村人居环境」 over 农村居民收入 and 高素质农民 (徐州, 农村), 「强化教育支撑」
# over insurance and 生育支持 (乌鲁木齐, 育支), 「做强主城区」 over 麻城和武穴城区 (黄冈, 城区), 「积极稳妥推进“双碳”
# 工作」 over 稳妥推进机构改革 (黄冈, 稳妥). A subject of two pairs or more must be met by two of them, or in two
# measures (sentences), or twice in one. The item's departments name its subject too (生态环境局 beside 空气质量 for
# 「提升环境质量」, 农业农村局 beside 农田 for 「加快推进农业农村现代化」): a pair they hold counts as met (H127).
def thinly_met(core_pairs: frozenset[str], units: list[str], unit_pairs: list[frozenset[str]],
               dept_pairs: frozenset[str]) -> bool:
    if len(core_pairs) < 2:
        return False
    met = [core_pairs & u for u in unit_pairs]
    said = frozenset().union(*met)
    if len(said | (core_pairs & dept_pairs)) > 1 or sum(bool(m) for m in met) > 1:
        return False
    # … or said twice in its one measure: 「坚定不移抓招商。积极开展以商招商、节会招商……」 (金台)
    return not any(sum(u.count(g) for u in units) >= 2 for g in said)


def depts_of(text: str) -> str:
    """The departments named in a data text, one after another."""
    return "，".join(m.group(0).strip(DEPT_MARK) for m in _DEPT_SPAN.finditer(text))


# A figure's name is what is counted, not what the item does: 「发力核心产业」 (阳泉) over
# 数字经济核心产业营业收入 (徐州) and …增加值 (黄冈) takes the middle of the name 数字经济核心产业. A subject met only
# inside such a name, after other words of it and before the counted measure, is not the item's (H127).
FIGURE_TAILS = ("增加值", "营业收入", "产值", "收入", "占比", "比重", "规模")
_CJK = re.compile(r"[\u4e00-\u9fff]")


def inside_figure_name(core: str, units: list[str]) -> bool:
    found = [(u, i) for u in units for i in [u.find(core)] if len(core) >= 3 and i >= 0]
    if not found:
        return False
    return all(i >= 2 and _CJK.match(u[i - 1]) and _CJK.match(u[i - 2]) and u[i + len(core):].startswith(FIGURE_TAILS)
               for u, i in found)

