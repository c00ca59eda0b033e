"""Four-character expressions and verb collocations of a paragraph.

four_char: four-character idioms and set phrases as jieba cuts them (POS i / l: 踔厉奋发,
攻坚克难), and runs of four-character items joined by 、 that make a clause of their own
(踔厉奋发、勇毅前行).
verb_object: a push verb, with its adverb (加快 / 深入推进 / 全面实施), and the noun phrase
that follows it (乡村振兴, 营商环境): 深入推进乡村振兴.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .seg import Token
from .text import clauses, sentences

_CJK4 = re.compile(r"^[\u4e00-\u9fff]{4}$")
VERBS = set(
    """加快 推进 推动 实施 深化 强化 加强 提升 促进 优化 完善 落实 健全 扩大 培育 打造 建设 发展 巩固 拓展 构建
    开展 创建 坚持 抓好 做好 办好 壮大 增强 提高 夯实 筑牢 守牢 守住 保障 改善 激发 释放 稳定 扩大 深化 用好
    发挥 实现 推行 深耕 做强 做优 做大 补齐 延伸 聚焦 突出 提速 提质""".split()
)
ADVERBS = set(
    "深入 全面 持续 大力 着力 扎实 积极 切实 加快 进一步 不断 稳步 纵深 统筹 全力 有序 高质量 协同 加力 "
    "坚决 更好 精准 有效 认真 严格 全力以赴 奋力 聚力 主动 系统 整体".split()
)
_VERB_TOKEN = re.compile(
    rf"^(?:{'|'.join(sorted(ADVERBS | VERBS, key=len, reverse=True))})?(?:{'|'.join(sorted(VERBS, key=len, reverse=True))})$"
)
_OBJECT_POS = ("n", "vn", "nz", "j", "l", "an", "b", "ng")
_OBJECT_MAX = 8
# A verb right after a content word modifies it (廉政建设主体责任): not a collocation.
_BEFORE_VERB_POS = ("n", "vn", "nz", "j", "l", "ns", "a", "b", "eng", "m", "u")


def four_char(text: str, toks: list[Token]) -> Iterator[tuple[int, int]]:
    for t in toks:
        if t.pos == "i" and _CJK4.match(t.word):
            yield t.start, t.end
    for s, e in sentences(text):
        for cs, ce in clauses(text, s, e):
            seg = text[cs:ce]
            items = seg.split("、")
            if len(items) >= 2 and all(_CJK4.match(x) for x in items):
                yield cs, ce


def verb_objects(toks: list[Token]) -> Iterator[tuple[int, int, str]]:
    """(start, end, verb) of verb + object collocations."""
    n = len(toks)
    i = 0
    while i < n:
        t = toks[i]
        verb_start = t.start
        j = i
        word = t.word
        if (t.word in ADVERBS or t.word in VERBS) and i + 1 < n and toks[i + 1].word in VERBS and toks[i + 1].pos == "v":
            j = i + 1  # 深入推进, 巩固拓展
            word = t.word + toks[j].word
        after_content = i > 0 and (toks[i - 1].pos.startswith(_BEFORE_VERB_POS) or toks[i - 1].word in "”’）)")
        if not _VERB_TOKEN.match(word) or after_content:
            i += 1
            continue
        # the object: content tokens up to _OBJECT_MAX characters, ending on a noun
        k = j + 1
        end = None
        length = 0
        while k < n and toks[k].pos not in ("x", "p", "u", "uj", "c", "d", "r", "m"):
            if toks[k].word in VERBS and toks[k].pos != "vn":
                break
            length += len(toks[k].word)
            if length > _OBJECT_MAX:
                end = None  # too long to be a collocation
                break
            if toks[k].pos.startswith(_OBJECT_POS) and toks[k].pos != "ns":
                end = k
            elif toks[k].pos == "ns":
                end = None
                break
            k += 1
        # the object must end the clause: at the end, or before punctuation that opens nothing
        complete = end is not None and (end + 1 >= n or (toks[end + 1].pos == "x" and toks[end + 1].word not in "“‘《（("))
        if complete and end is not None and end >= j + 1 and toks[end].end - toks[j + 1].start >= 2:
            yield verb_start, toks[end].end, word
            i = end + 1
        else:
            i = j + 1
