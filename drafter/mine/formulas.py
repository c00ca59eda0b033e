"""Where each formula slot sits in a report: rules over the parsed parts' sentences.

Each rule returns spans (start, end) of a paragraph's text; the miner abstracts the span with
`drafter.phrases.slots.abstract` and keeps it when no digit, foreign place name or level word
of the report is left. The shapes follow what the templates put around them: list intros and
the targets intro end with ：, the problems intro and the closing formula with ，, the other-work
ending starts with 等 and has no final punctuation, couplet and spirit have none either.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..spans import address_end
from .text import sentences

Span = tuple[str, int, int]  # (slot, start, end)

_COUNT = re.compile(r"([一二三四五六七八九十]+|\d+)(?=个?方面)")
_LIST_INTRO_REVIEW = re.compile(r"方面|以下|如下|主要工作|体现在")
_LIST_INTRO_TASKS = re.compile(
    r"(?:[一二三四五六七八九十]+|\d+|几)个?方面|以下(?:几项|重点)?工作|如下工作"
)
_OTHER_WORK = re.compile(
    r"(?:[^、，。；：！]{1,14}、){3,}[^、，。；：！]{1,14}?"
    r"(等(?:各项|项|方面)?(?:工作|事业)[^，。；！：]{3,16})(?=[。；])"
)
_OTHER_PRED = re.compile(r"取得|持续|扎实|稳步|全面|不断|进一步|得到|迈出|加强|进步|发展|成效|推进|提升")
_THANKS = re.compile(r"(?:表示|致以)(?=[^，。！；]*(?:感谢|敬意))")
_PROBLEMS = re.compile(r"清醒(?:地)?(?:认识|看)到|也要看到|也应看到|也要清醒看到")
_OUTRO = re.compile(r"^(?:对此|对这些问题|对于这些问题|针对这些问题|对于上述问题|对上述问题|这些问题)")
_TARGETS = re.compile(r"(?:预期目标|奋斗目标|主要目标)(?:是|为)：")
_SPIRIT = re.compile(r"((?:[\u4e00-\u9fff]{4}[、，]){1,3}[\u4e00-\u9fff]{4})(?=[，。！；])")


def count_slot(frame: str) -> str:
    """重点抓好以下八个方面工作： → 重点抓好以下{方面数}个方面工作："""
    return _COUNT.sub("{方面数}", frame)


def _sentences(text: str) -> Iterator[tuple[int, int]]:
    """Sentence spans without a leading salutation (各位代表！ is a sentence of its own)."""
    for start, e in sentences(text, "。！？"):
        s = address_end(text, start)
        if e > s:
            yield s, e


def find(part: str, text: str, in_section: bool, first_of_part: bool, has_lead: bool) -> list[Span]:
    """The formula spans of one paragraph of `part`, in the order the rules run."""
    sents = list(_sentences(text))
    out: list[Span] = []
    if part == "opening":
        out += _opening(text, sents)
    elif part == "review":
        if not in_section:
            out += _review_list_intro(text)
        for s, e in sents:
            out += _review_sentence(text[s:e], s, e)
        if not in_section and sents:
            out += _self_building_intro(text, *sents[0])
    if part in ("targets", "key_tasks") and not in_section:
        out += _targets_or_tasks_intro(text, sents)
    if part == "self_building" and first_of_part and not has_lead and sents:
        s, e = sents[0]
        if e - s <= 60:
            out.append(("self_building.intro", s, e))
    if part == "closing":
        out += _closing(text, sents)
    return out


def _opening(text: str, sents: list[tuple[int, int]]) -> list[Span]:
    """我代表市人民政府，向大会报告工作，请予审议(，并请…提出意见)。"""
    for i, (s, e) in enumerate(sents):
        seg = text[s:e]
        if "我代表" in seg and "审议" in seg:
            if seg.endswith("审议。") and i + 1 < len(sents) and text[sents[i + 1][0]:].startswith("并请"):
                return [("opening.report", s, sents[i + 1][1])]
            return [("opening.report", s, e)]
    return []


def _review_list_intro(text: str) -> list[Span]:
    """A short paragraph of its own that announces the review's list (主要做了以下工作：)."""
    if len(text) <= 40 and text[-1:] in "：。" and _LIST_INTRO_REVIEW.search(text):
        return [("review.list_intro", address_end(text), len(text))]
    return []


def _review_sentence(seg: str, s: int, e: int) -> list[Span]:
    """The review formulas of one sentence seg = text[s:e]."""
    out: list[Span] = []
    m = _OTHER_WORK.search(seg)
    if m and _OTHER_PRED.search(m.group(1)[2:]):
        out.append(("review.other_work_ending", s + m.start(1), s + m.end(1)))
    if ("成绩的取得" in seg or seg.count("的结果") >= 2) and len(seg) <= 160 and "我代表" not in seg:
        out.append(("review.thanks_attribution", s, e))
    if "我代表" in seg and ("感谢" in seg or "敬意" in seg):
        ms = list(_THANKS.finditer(seg))
        if ms:
            out.append(("review.thanks_closing", s + ms[-1].start(), e))
    m = _PROBLEMS.search(seg)
    if m and seg[m.end():m.end() + 1] in ("，", "："):
        out.append(("review.problems_intro", s, s + m.end() + 1))
    if _OUTRO.match(seg) and ("解决" in seg or "重视" in seg) and len(seg) <= 80:
        out.append(("review.problems_outro", s, e))
    return out


def _self_building_intro(text: str, s: int, e: int) -> list[Span]:
    """The first sentence names 自身建设 early: up to the end of that clause."""
    k = text[s:e].find("自身建设")
    if not 0 <= k <= 40:
        return []
    j = s + k  # k counts within the sentence, which starts after a salutation (各位代表！)
    while j < e and text[j] not in "，。；！":
        j += 1
    return [("review.self_building_intro", s, min(j + 1, e))]


def _targets_or_tasks_intro(text: str, sents: list[tuple[int, int]]) -> list[Span]:
    out: list[Span] = []
    for s, e in sents:
        seg = text[s:e]
        m = _TARGETS.search(seg)
        if m:
            out.append(("targets.intro", s, s + m.end()))
        elif len(seg) <= 60 and seg[-1:] in "：。" and _LIST_INTRO_TASKS.search(seg):
            out.append(("key_tasks.list_intro", s, e))
    return out


def _closing(text: str, sents: list[tuple[int, int]]) -> list[Span]:
    out: list[Span] = []
    for i, (s, e) in enumerate(sents):
        seg = text[s:e]
        k = seg.find("团结在")
        if k < 0:
            k = seg.find("团结奋斗在")
        if k >= 0:
            out += _closing_formula(seg, s, k)
        elif i == 0 and len(seg) <= 40 and "我们" not in seg:
            end = e
            while end > s and text[end - 1] in "。！；":
                end -= 1
            out.append(("closing.couplet", s, end))
    return out


def _closing_formula(seg: str, s: int, k: int) -> list[Span]:
    """让我们(更加紧密地)团结在…周围(，在…领导下)， and the four-character spirit after it."""
    start = seg.rfind("让我们", 0, k)
    if start < 0:
        start = seg.rfind("我们", 0, k)
    if start < 0:
        return []
    around = seg.find("周围", k)
    if around < 0:
        return []
    end = around + 2
    lead = seg.find("领导下", end)
    if 0 <= lead <= end + 40:
        end = lead + 3
    if seg[end:end + 1] == "，":
        end += 1
    out: list[Span] = [("closing.formula", s + start, s + end)]
    m = _SPIRIT.match(seg, end)
    if m:
        out.append(("closing.spirit", s + m.start(1), s + m.end(1)))
    return out
