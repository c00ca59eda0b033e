"""Number frames: clauses with figures, the indicator, numbers and units turned into slots.

    规上工业增加值增长7.2%、高于全省2.2个百分点 → {指标}增长{百分比}、高于{范围}{差值}个百分点
    新增市场主体1.2万户                         → 新增{指标}{数}{单位}
    生产总值增长6%左右 (targets)                → {指标}增长{百分比}左右

A *clause* is a stretch of a sentence between ，；。！？： (split further at 、 when both sides
carry their own figure and the right side has its own subject). A clause whose figure has
no indicator of its own (…，增长4.3% / …，高于全省1.2个百分点 / …，居全省第3位) continues the
number clause before it and is joined to it. A *figure* is an Arabic number that is not a
year (2023年), a date (5月), an ordinal (第3届) or part of a name (5G, PM2.5, G8.5).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .seg import Token
from .text import clauses, sentences

_NUM = r"\d+(?:\.\d+)?"
_UNITS = sorted(
    """个百分点 万亿元 亿元 万元 千元 元 亿美元 万美元 美元 万亩 亩 万公顷 公顷 万平方米 平方米 平方公里
    万平方公里 公里 千米 米 万吨 吨 亿斤 万斤 斤 亿千瓦时 万千瓦时 千瓦时 万千瓦 千瓦 兆瓦 万立方米 亿立方米
    立方米 微克/立方米 万人次 人次 万人 人 名 万户 户 家 个 项 件 所 条 座 张 套 处 辆 台 场次 场 次 间 栋
    批 类 只 万头 头 万只 万株 株 棵 个村 村 镇 支 部 篇 门 位 种 亿 万 千 倍 小时 天 周 年 方面 大 批次
    单 宗 块 片 口 眼 公斤 千克 万羽 羽 只 亿方 万方 标箱 万标箱 床 万册 册 首 期 级 颗 根 盏 组 幢 户次
    件次 例 起 家次 余项""".split(),
    key=len,
    reverse=True,
)
_UNIT_ALT = "|".join(re.escape(u) for u in _UNITS)
FIGURE = re.compile(
    rf"(?<![A-Za-z\d.+×*/])(第)?({_NUM})(?:\s*(?:~|～|-|—|－|至|到)\s*({_NUM}))?(%|‰)?"
    rf"(余|多)?((?:(?:万亿|千万|百万|万|亿|千)(?:{_UNIT_ALT})?|(?:{_UNIT_ALT})))?"
)
_NAME_AFTER = ("周年", "年代", "号线", "号", "届", "月", "日", "时", "”")
_NOT_FIGURE_AFTER = re.compile(r"[A-Za-z]|月|日|时|号|届|次会议|周年|年代|\+")
# Words right after a figure that bound it (6%左右); model.QUALIFIERS is the data's list.
FIGURE_QUALIFIERS = ("左右", "以上", "以内", "以下", "之内", "上下")
_QUAL = re.compile("|".join(FIGURE_QUALIFIERS))
# Words that link an indicator to its figure (kept literal in the frame).
PRED = set(
    """增长 同比增长 下降 同比下降 达到 达 新增 净增 完成 突破 超过 超 累计 提高 降低 增加 减少 实现 为 是 占 占比
    保持 保持在 控制在 稳定在 提升 上涨 回落 增至 降至 提高到 提升至 提升到 达到了 增长了 下降了 分别 分别增长
    分别达到 分别为 均 约 近 共 共计 合计 总计 比上年 较上年 同比 年均 平均 比 较 净 再 又 已 逾 增 降 涨 增幅
    涨幅 降幅 增速 居 位居 位列 排名 排 列 跃居 稳居 跃升 高于 低于 快于 慢于 超出 领先 同口径 全年 年 预计 分别增长了
    提高了 减少了 增加了 至 到 在 以 控制 左右""".split()
)
# Words jieba tags v that name what is counted (收入 34831元), not a predicate.
NOT_PREDICATE = set("收入 支出 投资 就业 融资 贷款 消费 存款 出口 进口 营收 利润 税收 收益 补贴 销售 交易 成交 产值 总值 产量 用地 供应 培训".split())
# Verbs of key-task and review facts, whatever POS jieba gives them (新建 comes out ns).
ACTION_VERBS = set(
    """新建 新增 改建 扩建 建成 改造 完成 实施 引进 培育 创建 开工 建设 打造 发放 落实 争取 培训 新开 开通 举办 组织
    签约 招引 带动 吸纳 救助 资助 提供 安置 解决 办理 受理 办结 惠及 覆盖 新改建 提升 整治 治理 种植 栽植 认定
    评定 获批 入选 入库 储备 谋划 推进 落地 投产 竣工 建立 设立 开展 举行 招聘 转移 输转 新培育 累计""".split()
)
_LEADING_CONNECTOR = re.compile(r"(?:不少于|不低于|不超过|不高于|不多于|力争|确保)$")
GROWTH = re.compile(r"增长|下降|提高|降低|增加|减少|上涨|回落|提升|增速|增幅|涨幅|降幅|增|降|涨")
COMPARE = re.compile(r"^(?:高于|低于|快于|慢于|超出|领先|超过|比|较)$")
RANK_VERB = re.compile(r"^(?:居|位居|位列|排名|排|列|跃居|稳居|跃升至|跃升|升至|位)$")
_PREFIX_POS = ("c", "p", "d", "r", "t", "u", "f", "y", "e", "o", "x", "q", "m")
_PREFIX_WORDS = set("预计 全年 今年 其中 我们 累计 去年 当年 年内 以来 同时 此外 截至 目前 初步 共 已".split())
_CONTENT_POS = ("n", "v", "a", "b", "j", "l", "i", "z", "s", "eng", "nz", "vn", "an")


@dataclass(frozen=True)
class FoundFigure:
    """A figure found in a report's text (model.Figure is a figure of the data)."""

    start: int
    end: int
    kind: str  # pct | diff | level | rank | times
    unit: str
    qualifier: str


@dataclass(frozen=True)
class NumberClause:
    start: int
    end: int
    frame: str | None  # None: no usable frame (no indicator, digits left over, …)
    shape: str
    indicator: str
    unit: str
    qualifier: str


def figures(text: str, start: int, end: int) -> list[FoundFigure]:
    out = []
    for m in FIGURE.finditer(text, start, end):
        ordinal, num, num2, pct, _more, unit = m.groups()
        after = text[m.end():m.end() + 3]
        s, e = m.start(), m.end()
        if not ordinal and not pct and not unit and _NOT_FIGURE_AFTER.match(after):
            continue
        if not ordinal and (text.startswith(_NAME_AFTER, m.end(2)) or (s > start and text[s - 1] == "“")):
            continue  # 75周年, 1号线, “3659”: a name or a date, not a figure
        if not ordinal and len(num) == 4 and not num2 and (unit == "年" or text.startswith("年", m.end(2))):
            continue  # a year
        if unit == "年" and not ordinal:
            continue  # durations (3年) and years read the same: not a figure
        if ordinal:
            tail = re.match(r"[位名]", text[e:e + 1])
            if not re.search(r"(?:省|国|市|区|县|州|盟|球)", text[max(start, s - 6):s]) and not tail:
                continue  # 第3届, 第2批: an ordinal, not a rank
            if tail:
                e += 1
            kind, unit = "rank", ""
        elif pct:
            kind, unit = "pct", pct
        elif unit == "个百分点":
            kind = "diff"
        elif unit == "倍":
            kind = "times"
        else:
            kind, unit = "level", unit or ""
        q = _QUAL.match(text, e)
        qual = q.group() if q else ""
        out.append(FoundFigure(s, e + len(qual), kind, unit, qual))
    return out


def _is_connector(t: Token) -> bool:
    return t.word in PRED and t.word not in NOT_PREDICATE


def _is_verb(t: Token) -> bool:
    return (t.pos.startswith("v") and t.pos != "vn" and t.word not in NOT_PREDICATE) or t.word in ACTION_VERBS


def _prefix_pos(t: Token, nxt: Token | None) -> bool:
    if t.pos == "eng" or (nxt is not None and nxt.pos == "eng" and nxt.start == t.end):
        return False  # 5G, PM2.5: part of a name
    return t.pos.startswith(_PREFIX_POS) or t.pos in ("vd", "ad")


def _strip_prefix(toks: list[Token], strip_words: set[str]) -> list[Token]:
    i = 0
    while i < len(toks):
        t = toks[i]
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if t.word in _PREFIX_WORDS or t.word in strip_words or _prefix_pos(t, nxt) or not t.word.strip():
            i += 1
            continue
        break
    j = len(toks)
    while j > i and (toks[j - 1].pos.startswith(("u", "p", "c", "x")) or toks[j - 1].word in ("等",)):
        j -= 1
    return toks[i:j]


def _is_content(t: Token) -> bool:
    return t.pos.startswith(_CONTENT_POS) and any("\u4e00" <= ch <= "\u9fff" or ch.isalpha() for ch in t.word)


def frame_clause(
    text: str, toks: list[Token], start: int, end: int, part: str, strip_words: set[str]
) -> NumberClause | None:
    """The number frame of text[start:end]; None if the clause carries no figure.

    Phases: the figures; the words before the first figure split into indicator and connector
    (or a verb before the indicator); failing an indicator there, the one after the figure;
    then the frame written left to right, and its shape."""
    figs = figures(text, start, end)
    if not figs:
        return None
    first = figs[0]
    pre = [t for t in toks if t.start >= start and t.end <= first.start]
    k = _connector_start(text, pre, first, start)
    connector, head = pre[k:], pre[:k]
    verb_before: list[Token] = []
    if not connector:
        verb_before, head = _verb_before(head)
    indicator_toks = _strip_prefix(head, strip_words)
    if indicator_toks and _listed_before_figure(toks, indicator_toks[-1].end, first.start):
        indicator_toks = []  # 县第七幼儿园和3所住宅小区…: the indicator follows the figure
        verb_before = []
        connector = [t for t in pre if t.start >= (connector[0].start if connector else first.start)]
    if len(indicator_toks) > 6:
        indicator_toks = indicator_toks[-6:]
        while indicator_toks and not _is_content(indicator_toks[0]):
            indicator_toks = indicator_toks[1:]
    after_indicator = False
    if not indicator_toks:
        indicator_toks = _indicator_after(toks, figs, end, strip_words)
        after_indicator = bool(indicator_toks)
    span = _quoted_span(text, start, indicator_toks[0].start, indicator_toks[-1].end) if indicator_toks else None
    indicator = text[span[0]:span[1]] if span else ""

    # the frame, left to right
    lead, pos = _frame_lead(text, verb_before, None if after_indicator else span, connector, first)
    pair = "分别" in text[start:first.start]
    slots = _Slots(pair=pair)
    body, kinds, compare = _figures_frame(text, toks, figs, pos, slots)
    if body is None:
        return NumberClause(start, end, None, "", indicator, slots.unit, "")
    frame = lead + body + ("{指标}" if after_indicator else "")
    qualifier = next((f.qualifier for f in figs if f.qualifier), "")
    unit = slots.unit or ("%" if slots.n_pct else ("个百分点" if "diff" in kinds else ""))
    growth = bool(slots.n_pct and GROWTH.search(text[start:figs[-1].start]))
    shape = _shape(part, frame, qualifier, slots, kinds, compare, growth)
    ok = bool(indicator) and not re.search(r"\d", _strip_slots(frame))
    return NumberClause(start, end, frame if ok else None, shape, indicator, unit, qualifier)


def _connector_start(text: str, pre: list[Token], first: FoundFigure, start: int) -> int:
    """Where the connector right before the first figure starts in `pre` (增长 / 同比增长 / 达到 …);
    len(pre) when there is none."""
    k = len(pre)
    if first.kind == "rank":  # 增速居全省第3位: the rank verb and its scope link the figure
        for i in range(len(pre) - 1, -1, -1):
            if RANK_VERB.match(pre[i].word):
                k = i
                break
    m = _LEADING_CONNECTOR.search(text, start, first.start)
    if m:  # 不少于10个: a connector jieba cuts in two
        while k > 0 and pre[k - 1].start >= m.start():
            k -= 1
    while k > 0 and _is_connector(pre[k - 1]):
        k -= 1
    if k == len(pre) and pre and _is_verb(pre[-1]) and first.kind != "rank":
        k -= 1  # any verb right before the figure is its predicate
        while k > 0 and (_is_connector(pre[k - 1]) or pre[k - 1].pos == "d"):
            k -= 1
    return k


def _verb_before(head: list[Token]) -> tuple[list[Token], list[Token]]:
    """新增市场主体1.2万户: the verb before the indicator, and the words after it."""
    j = len(head) - 1
    while j >= 0 and not (
        (_is_verb(head[j]) or _is_connector(head[j])) and (len(head[j].word) >= 2 or head[j].word in ACTION_VERBS)
    ):
        j -= 1
    if j < 0:
        return [], head
    i = j
    while i > 0 and _is_verb(head[i - 1]):
        i -= 1
    return head[i:j + 1], head[j + 1:]


def _listed_before_figure(toks: list[Token], a: int, b: int) -> bool:
    """A conjunction or 、 between the indicator and the figure: a list, not an indicator."""
    return any(t.pos == "c" or t.word in ("、", "和", "及", "与") for t in toks if t.start >= a and t.end <= b)


def _indicator_after(toks: list[Token], figs: list[FoundFigure], end: int, strip_words: set[str]) -> list[Token]:
    """打造1—2个百亿级园区: the indicator after the only figure, unless the tail compares."""
    tail = [t for t in toks if t.start >= figs[-1].end and t.end <= end]
    tail_content = _strip_prefix(tail, strip_words)
    if tail_content and len(figs) == 1 and all(not COMPARE.match(t.word) for t in tail):
        return tail_content
    return []


def _quoted_span(text: str, start: int, ind_start: int, ind_end: int) -> tuple[int, int]:
    """The indicator's span widened to the quotes it opens or closes (“菜篮子”工程)."""
    opened = text.count("“", ind_start, ind_end) - text.count("”", ind_start, ind_end)
    if opened == 0 and ind_start > start and text[ind_start - 1] == "“" and text.startswith("”", ind_end):
        return ind_start - 1, ind_end + 1
    if opened > 0 and text.startswith("”", ind_end):
        return ind_start, ind_end + 1
    if opened < 0 and ind_start > start and text[ind_start - 1] == "“":
        return ind_start - 1, ind_end
    return ind_start, ind_end


def _frame_lead(
    text: str, verb_before: list[Token], span: tuple[int, int] | None, connector: list[Token], first: FoundFigure
) -> tuple[str, int]:
    """The frame up to the connector (verb, {指标}), and where the connector starts in text.
    `span` is the indicator when it comes before the figures."""
    lead = ""
    if verb_before:
        lead = text[verb_before[0].start:verb_before[-1].end]
        pos = verb_before[-1].end
    elif span:
        pos = span[0]
    else:
        pos = connector[0].start if connector else first.start
    if span:
        lead += "{指标}"
        pos = span[1]
    return lead, pos


@dataclass
class _Slots:
    """The slot each figure of a frame takes, in order: the first percentage {百分比} (or
    {数}% / {数2}% after 分别), levels {数} then {数2}. A continuation (…，增长4.3%) adds one
    percentage and one level at most to the frame it continues and keeps no 余/多."""

    pair: bool = False
    continuation: bool = False
    n_pct: int = 0
    n_level: int = 0
    unit: str = ""  # the unit of the first level

    def take(self, f: FoundFigure, raw: str) -> str | None:
        """The slot of figure f (raw: its text without the qualifier); None: no usable frame."""
        if f.kind == "diff":
            return "{差值}个百分点"
        if f.kind == "rank":
            return "第{名次}" + raw[-1] if raw[-1] in "位名" else "第{名次}"
        if f.kind == "times":
            slot = "{数2}倍" if self.n_level else "{数}倍"
            if not self.continuation:
                self.n_level += 1
            return slot
        if f.kind == "pct":
            if self.pair:
                slot = "{数}%" if self.n_pct == 0 else "{数2}%"
            elif self.n_pct == 0:
                slot = "{百分比}"
            else:
                return None
            self.n_pct += 1
            return slot
        if self.n_level >= (1 if self.continuation else 2):
            return None
        more = None if self.continuation else re.search(r"(余|多)", raw)
        filler = more.group() if more else ""
        if self.n_level == 0:
            slot = "{数}" + filler + ("{单位}" if f.unit else "")
            self.unit = self.unit or f.unit
        else:
            slot = "{数2}" + filler + (f.unit if f.unit != self.unit else "{单位}" if f.unit else "")
        self.n_level += 1
        return slot


def _figures_frame(
    text: str, toks: list[Token], figs: list[FoundFigure], pos: int, slots: _Slots
) -> tuple[str | None, list[str], bool]:
    """The frame from `pos` through the last figure; the figures' kinds; was it a comparison?"""
    parts: list[str] = []
    kinds: list[str] = []
    compare = False
    for f in figs:
        between, compared = _between(text, toks, pos, f.start, edges=True)
        compare = compare or compared
        parts.append(between)
        slot = slots.take(f, text[f.start:f.end - len(f.qualifier)])
        if slot is None:
            return None, kinds, compare
        parts.append(slot)
        parts.append(f.qualifier)
        kinds.append(f.kind)
        pos = f.end
    return "".join(parts), kinds, compare


def _shape(
    part: str, frame: str, qualifier: str, slots: _Slots, kinds: list[str], compare: bool, growth: bool
) -> str:
    n_pct, n_level = slots.n_pct, slots.n_level
    if part == "targets":
        if "控制在" in frame or qualifier in ("以内", "以下", "之内"):
            return "target_control"
        if slots.pair and n_pct >= 2:
            return "pair"
        return "target_growth" if n_pct else "target_level"
    if slots.pair and (n_pct >= 2 or n_level >= 2):
        return "pair"
    if "rank" in kinds:
        return "rank"
    if compare and ("diff" in kinds or n_pct >= 1) and growth:
        return "growth_compare"
    if n_level and growth:
        return "level_growth"
    return "growth" if growth else "level"


def _strip_slots(frame: str) -> str:
    return re.sub(r"\{[^{}]*\}", "", frame)


def _sub_clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split a clause at 、 where both sides carry a figure and the right side starts anew."""
    marks = [i for i in range(start, end) if text[i] == "、"]
    cuts: list[int] = []
    left_start = start
    for n, i in enumerate(marks):
        right_end = marks[n + 1] if n + 1 < len(marks) else end
        left, right = text[left_start:i], text[i + 1:right_end]
        if not FIGURE.search(left) or not FIGURE.search(right):
            continue
        if re.match(r"[\d{]|增长|下降|提高|降低|高于|低于|快于|同比|分别|居|位居|位列|排|占|比|较|达|增|降", right):
            continue
        cuts.append(i)
        left_start = i + 1
    spans, a = [], start
    for c in cuts:
        spans.append((a, c))
        a = c + 1
    spans.append((a, end))
    return [(x, y) for x, y in spans if y > x]


_CONTINUES = re.compile(
    r"^(?:同比|比上年|较上年|分别|均|年均|全年)?(?:增长|下降|提高|降低|增加|减少|高于|低于|快于|慢于|居|位居|位列|排名|稳居|跃居|占)"
)


def number_clauses(text: str, toks: list[Token], part: str, strip_words: set[str]) -> list[NumberClause]:
    out: list[NumberClause] = []
    for s, e in sentences(text):
        prev: NumberClause | None = None
        prev_end = -1
        for cs, ce in clauses(text, s, e):
            for a, b in _sub_clauses(text, cs, ce):
                nc = frame_clause(text, toks, a, b, part, strip_words)
                if nc is None:
                    prev = None
                    continue
                if (
                    prev is not None
                    and _CONTINUES.match(text[a:b])
                    and text[prev_end:a] in ("，", "、")
                ):
                    merged = _join(prev, nc, text[prev_end:a], text, toks, part, strip_words)
                    out[-1] = merged
                    prev = merged
                else:
                    out.append(nc)
                    prev = nc
                prev_end = b
    return out


def _join(prev: NumberClause, nc: NumberClause, sep: str, text, toks, part, strip_words) -> NumberClause:
    """The previous clause and its continuation (…2878.3亿元，增长4.3%) as one number clause."""
    if prev.frame is None:
        return NumberClause(prev.start, nc.end, None, prev.shape, prev.indicator, prev.unit, prev.qualifier)
    tail = frame_clause(text, toks, nc.start, nc.end, part, strip_words)
    if tail is None:
        return prev
    # frame of the continuation without an indicator: rebuild it on its own
    cont = _continuation_frame(text, toks, nc.start, nc.end, prev.frame)
    if cont is None:
        return NumberClause(prev.start, nc.end, None, prev.shape, prev.indicator, prev.unit, prev.qualifier)
    frame = prev.frame + sep + cont
    kinds = frame
    shape = prev.shape
    if part == "targets":
        shape = prev.shape
    elif "{差值}" in kinds or ("高于" in cont or "低于" in cont or "快于" in cont):
        shape = "growth_compare"
    elif "{名次}" in kinds:
        shape = "rank"
    elif prev.shape == "level" and "{百分比}" in cont:
        shape = "level_growth"
    qualifier = prev.qualifier or nc.qualifier
    return NumberClause(prev.start, nc.end, frame, shape, prev.indicator, prev.unit or nc.unit, qualifier)


def _between(text: str, toks, a: int, b: int, edges: bool) -> tuple[str, bool]:
    """The words between two figures, a comparison scope (高于全省 / 居全市) turned into
    {范围}; `edges` keeps text the segmenter left outside tokens. Also: was it a comparison?"""
    ctoks = [t for t in toks if t.start >= a and t.end <= b]
    if not ctoks:
        return text[a:b], False
    rendered: list[str] = []
    scope = compare = False
    for t in ctoks:
        if scope and not (t.pos.startswith("v") or t.word in PRED or t.word == "第"):
            if not rendered or rendered[-1] != "{范围}":
                rendered.append("{范围}")
            continue
        scope = bool(COMPARE.match(t.word) or RANK_VERB.match(t.word))
        compare = compare or bool(COMPARE.match(t.word))
        rendered.append(t.word)
    if edges and ctoks[0].start > a:
        rendered.insert(0, text[a:ctoks[0].start])
    if edges and ctoks[-1].end < b:
        rendered.append(text[ctoks[-1].end:b])
    return "".join(rendered), compare


def _continuation_frame(text, toks, start, end, before: str) -> str | None:
    slots = _Slots(continuation=True, n_pct=int("{百分比}" in before), n_level=int("{数}" in before))
    parts = []
    pos = start
    for f in figures(text, start, end):
        parts.append(_between(text, toks, pos, f.start, edges=False)[0])
        slot = slots.take(f, text[f.start:f.end - len(f.qualifier)])
        if slot is None:
            return None
        parts.append(slot)
        parts.append(f.qualifier)
        pos = f.end
    frame = "".join(parts)
    if re.search(r"\d", _strip_slots(frame)):
        return None
    return frame
