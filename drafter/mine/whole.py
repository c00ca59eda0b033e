"""Is a mined heading or lead a whole phrase? Drafting offers them where the office left a
heading or lead empty, so a fragment or a claim can never be a good suggestion.

    not_whole(text, tokens) -> str | None   why `text` is not a whole phrase, or None

`tokens` are its jieba (word, POS) pairs (report.py has them). The rules, in order
(docs/phrase-bank.md gives the counts they removed):

- "open start": it opens with a particle or conjunction that joins it to words before it —
  的美好家园, 和反腐败斗争 (a printed line of …党风廉政建设 / 和反腐败斗争).
- "open end": it ends with a preposition, particle or conjunction that waits for more —
  …加快推动以县城为.
- "claim": 是, 乃 or 就是 stands as a word outside quotation marks (实体经济是发展的本钱,
  就业乃民生之本, 绿水青山就是金山银山), 因为 gives a reason (城市因为美而提升价值), or
  要 follows the words it is said of (城市治理要更温暖, 首先要铆足干劲抓项目): these state a
  view; a heading or lead names a task or an achievement. (是 inside a word — 特别是, 但是,
  实事求是 — is not a jieba word of its own; 要 first, 要实施城市更新, names a task.)
- "unbalanced": quotation marks or brackets that open and do not close, or close unopened.
"""

from __future__ import annotations

from collections.abc import Iterable

# Words, not characters: jieba keeps 和美, 之江, 着力 whole. Not listed: 地 and 着, which jieba
# cuts off 新高地 and 着力推改革; and at the end 和 (碳达峰碳中和 comes out 碳中/和).
OPEN_START = frozenset("的 之 了 过 和 与 及 或 并 而 等 以及 及其 并且 而且 或者 以便".split())
OPEN_END = frozenset("的 之 为 把 将 以 对 向 在 从 被 让 使 于 等 以及 及其 并且 或者 关于 围绕".split())
COPULA = frozenset(("是", "乃", "就是", "因为"))
_PAIRS = ("“”", "‘’", "（）", "()", "《》", "「」", "『』", "【】", "〔〕")


def _balanced(text: str) -> bool:
    for a, b in map(tuple, _PAIRS):
        depth = 0
        for c in text:
            if c == a:
                depth += 1
            elif c == b:
                depth -= 1
                if depth < 0:
                    return False
        if depth:
            return False
    return True


def not_whole(text: str, tokens: Iterable[tuple[str, str]]) -> str | None:
    words = [(w, p) for w, p in tokens if w.strip() and p != "slot"]
    body = [(w, p) for w, p in words if p not in ("x", "w")]  # punctuation aside
    if not body:
        return "open start"
    if not _balanced(text):
        return "unbalanced"
    if body[0][0] in OPEN_START:
        return "open start"
    if body[-1][0] in OPEN_END:
        return "open end"
    quoted = 0
    for i, (w, _) in enumerate(words):
        quoted += w.count("“") - w.count("”")
        if quoted <= 0 and (w in COPULA or (w == "要" and _modal(words, i))):
            return "claim"
    return None


def _modal(words: list[tuple[str, str]], i: int) -> bool:
    """要 said of the words before it (城市治理要更温暖), not 要 of 以实为要 or 抓要事."""
    if i == 0 or i + 1 == len(words) or words[i - 1][0] == "为" or words[i - 1][1] in ("x", "w"):
        return False
    return words[i + 1][1].startswith(("v", "d", "a", "l", "i"))
