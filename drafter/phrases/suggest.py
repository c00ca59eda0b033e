"""Headings and leads offered where the office left one empty, chosen by what the section says.

A section's own text (its facts and measures) ranks the bank's headings or leads by how much
of their wording the section shares, rare words counting more than 发展 or 推进 (idf), and
the section's opening more than the rest, and words the section repeats more than one it says
once in passing (SALIENT): a section on air quality gets 「持续打好蓝天保卫战」 rather than
any 生态 heading. A phrase of the same topic as the section (topics.classify)
gets a small bonus. Below MIN_FIT nothing is offered and the template leaves its placeholder.
Above it, a phrase that speaks to more of the text's sentences ranks higher (REACH_WEIGHT), so a
paragraph on jobs, pensions and health insurance is not headed by its first subject.

Never offered: a phrase naming a place (the corpus's regions and the places the miner found),
a phrase the miner marked local (it names a place or holds words of one province only), a coinage
or refrain of one province outside it (one_province), a count in figures or Chinese numerals (五大,
千亿级), one seen only in the draft's own published report, a place-class word (首都, 长三角, 世界 …) or a
quoted campaign outside the provinces that used it, another level's word (工业强市 over a 区),
another report's section markers, a frame with unfilled slots, a sentence too long for a
heading, or one that says again what the text's first clause says just after it (ECHO), a lead a measure of
its list says again or that says its heading's subject again (FIRST_BONUS, SUBJECT_SHARE). Among equal fits the same province comes first, then the same
level, then corpus frequency; the seed varies the wording among near-equal fits of one subject.
Deterministic by seed and place; no entry twice in one draft.

bench/suggestion_fit.py measures how well the suggestions fit (docs/suggestion-fit.md).
"""

from __future__ import annotations

import hashlib
import math
import re
import weakref
from functools import lru_cache
from collections.abc import Iterable

from ..model.meta import LEVEL_WORDS
from .bank import Bank, Entry, province_key
from .one_province import EVIDENCE, own_words
from .slogans import slogans_of
from .text_rules import (
    ITEM_BREAK,
    PARA_BREAK,
    STOPS,
    depts_of,
    inside_figure_name,
    narrow,
    object_unnamed,
    paragraph_topics,
    reform_off,
    reform_talk,
    thinly_met,
    units,
    unmarked,
    without_depts,
)
from .topics import classify

SUGGESTION_MAX = 28  # a heading to offer: two short clauses, not a paragraph's opening sentence
LEAD_MAX = 16  # a lead phrase is short: 促进创新协同
TOP = 3  # the seed varies the choice among this many equal best fits
TOPIC_BONUS = 0.1  # same topic as the section's text
# a lead of the same topic as the area its paragraph stands in: a paragraph of several measures
# says its theme less clearly than the area does (leave-one-out: leads offered 574 → 595, 89.2 %
# fitting by the metric either way; blind paired readers, sample H: 17 against 14 of 40)
SECTION_BONUS = 0.1
HEAD_CHARS = 40  # the opening of a section says most about it …
# … so for a heading it counts as much as all the rest. A lead sums up its whole paragraph:
# weighing its opening as much offered the first subject for the paragraph (粮食安全 over
# rural industries); blind paired readers preferred a quarter to a half in 15 of 20 changed leads
# (samples F, G), and with the reach a tenth to a quarter in 9 of 13 (sample M), while headings
# kept the half (6 of 9). docs/suggestion-fit.md. Where there is no reach (a list of short
# measures), what was measured before it: a quarter.
HEAD_WEIGHT = {"heading": 0.5, "lead": 0.1}
HEAD_WEIGHT_WITHOUT_REACH = {"heading": 0.5, "lead": 0.25}
# A heading or lead sums up the whole text, not its first subject: blind readers rejected
# 「统筹抓好重点群体就业」 over a paragraph on jobs, pensions and health insurance. On their 342
# verdicts (docs/suggestion-samples/), the share of the text's sentences that use a content word
# of the phrase (the reach) tells a fitting phrase from a miss better than the shared wording
# alone (AUC, leads 0.64 → 0.73, headings 0.62 → 0.69). So phrases are ranked by fit plus
# REACH_WEIGHT × reach; whether anything is offered still depends on the fit alone (MIN_FIT).
REACH_WEIGHT = 0.45
# The reach is counted over sentences of prose, as in those verdicts. Short pieces (一是筑牢绿色屏障,
# a figures-only list's 「建成彩虹二路高架桥」) say too little for a phrase to share a word with by
# more than chance: over such lists the reach chose worse in 12 of 22 changed suggestions, by my
# reading of the three figures-only twins, better in 4.
SENTENCE_MIN = 12
# below this nothing fits: leave the placeholder. A heading sums up a whole section, so it
# shares fewer of its words than a lead shares with its paragraph.
MIN_FIT = {"heading": 0.26, "lead": 0.3}
# words true of some places only (a 首都 or 长三角 heading in 咸阳's report is wrong): offered
# only to a draft of a province whose reports used the phrase
_PLACE_CLASS = ("首都", "省会", "首府", "特区", "兴边", "沿边", "边境", "边疆", "革命老区", "京津冀", "长三角",
                "粤港澳", "大湾区", "成渝", "黄河流域", "长江经济带",
                # designations some cities hold (世界文化旅游目的地 over 咸阳, 国际经济中心 over 金台区)
                "世界", "国际", "全球")
# 工业强市, 产业立市, 全市 name the drafting region by its level's word: over a 区's draft they
# are wrong (工业强区). A 市 may speak of its counties (强县工程); 区域 and 市场 are no level word.
_LEVEL_COMPOUND = re.compile(r"[强立兴全]([市区县])(?![域场])")
# a heading sums up a section; one that issues a document (出台加快推动科技成果转化若干措施) is a
# measure the miner took for a heading
# A phrase stating a result in figures claims what only the data may say: 「数字经济核心产业增加值
# 预计实现两位数增长」 headed 宜宾's industry review with no such figure (H87).
_CLAIM = re.compile(r"[0-9０-９]|预计|两位数|翻番|翻一番|百分点")
# … and so does a count or a magnitude in Chinese numerals: 「建设五大千亿级产业集群」 (来宾) led
# 吉林's industry paragraph with five clusters and a scale its data never gave (H104). A numeral
# before 大/个/项/条/件 counts things (五大, 十件, 三项); 千亿, 亿级, 万亩 size them. Not 一 (统一大市场,
# 一体推进, 一流) nor the words a numeral is part of (三农, 两山, 一老一小, 千方百计); the national
# terms that count (“两个确立”, “三个务必”) are no claim about the place.
# A numbered campaign of years is the place's own (「全力实施三年攻坚行动」, 贵港, over 梧州's
# industry, H110).
_COUNT = re.compile(r"[二两三四五六七八九十百千]+[大个项条件]|[十百千万]亿|亿[级元]|万亩"
                    r"|[二两三四五六七八九十]+年(?:攻坚|行动|计划|倍增)")
_NATIONAL_COUNTS = re.compile(r"两个(确立|维护|毫不动摇)|三个务必")
_MEASURE_VERBS = ("出台", "印发", "制定")
_MARKERS = ("这一年", "一年来", "——", "过去一年", "一是", "二是", "三是", "首先", "同时", "此外")
_DROP = set("，。、；：！？“”‘’（）《》—…的和与在了是把为及等着")


# The verbs and adverbs that frame any heading (扎实开展…, 深入推进…, …取得新成效) say little
# of what a section is about: their character pairs, and the pairs where two of them meet
# (扎实|开展 → 实开), weigh a tenth of a content pair.
_FRAME_WORDS = (
    "扎实 开展 深入 推进 推动 加快 持续 全面 不断 着力 大力 坚持 加强 强化 提升 促进 实施 "
    "稳步 有效 切实 积极 更加 坚定 不移 取得 成效 明显 显著 进展 突破 进一步 有力 全力 "
    "奋力 聚力 努力 主动 统筹 落实 做好 抓好 办好 更好 高质量 发展 工作 建设 水平"
).split()
_FRAME_PAIRS = frozenset(
    {w[i : i + 2] for w in _FRAME_WORDS for i in range(len(w) - 1)}
    | {a[-1] + b[0] for a in _FRAME_WORDS for b in _FRAME_WORDS}
)
FRAME_WEIGHT = 0.1
# A word the section says once may be a side remark (融入全国统一大市场 in a paragraph on
# attracting investment); one it says SALIENT times or more is what the section is about. So a
# shared pair counts toward the whole-text fit in proportion to how often the section uses it,
# up to SALIENT. Fits are lower on this scale, hence the lower MIN_FIT. Leave-one-out: headings
# fitting by the metric 85.8 % → 91.8 % of those offered, leads 89.8 % → 93.1 %, with about as
# many offered (docs/suggestion-fit.md).
SALIENT = 3
POOLS_KEPT = 24  # candidate pools kept on a bank: a few places' worth of (kind, slot)
# Over a list of short measures (one sentence, no reach to weigh) the topic and area bonuses (0.2)
# carried a phrase over MIN_FIT on one shared pair: 「办好人民满意的教育」 over 人民医院,
# 「打造文化文明品牌」 over 劳务品牌, 「培育数字经济」 over 培育商圈. There a phrase must earn this much
# from its own words. In prose the reach already judges it (a floor there changed 31 leads of the
# leave-one-out run, worse by blind readers: 15 against 20).
OWN_MIN = 0.15
# Leads mined from the government's own work (人民政府为人民, 建设清廉政府) fit a paragraph of that work
# only: over key-task paragraphs on epidemic control, spending or the digital economy blind readers
# rejected 4 of 7, and 「人民政府为人民」 headed 益阳's elderly canteens in a new user's trial.
# Leave-one-out: 1 lead changes (its old one judged not to fit).
SELF_BUILDING_LEADS = "self_building_lead"
# Over a list of short measures (short, full of names) a heading's own words seldom earn much, so
# MIN_FIT left most areas of the figures-only drafts without a heading (金台: 5 of 7). Over an area
# of three or more such paragraphs, where the breadth rule (text_rules.narrow) judges the heading,
# the floor is OWN_MIN + TOPIC_BONUS: a heading of the text's own topic whose own words pass
# OWN_MIN (before, 0.01 more): 「坚持产业为基，着力提升新型工业化水平」 over 金台's industries,
# 「不断提升民生服务品质」 over 高平's livelihood area. Over a review section's one list of facts it
# gave 「就业形势稳定向好」 to 咸阳's livelihood review (jobs, schools, hospitals, buses, a dig),
# must-fix for two readers: there no breadth rule can judge, and the floor stays. Prose is
# untouched (leave-one-out: no change).
MIN_FIT_LIST = {"heading": 0.25}
REPEAT = 0.4  # a phrase sharing this share of its content pairs with an earlier one repeats it
ECHO = 0.8  # a phrase with this share of its content pairs in the text's first clause repeats it
OBJECT_PAIRS = 4  # an object of this many content pairs says more than a term (see _echoes)
CORE_MIN = 2  # a lead whose object is one character or none says nothing to compare (restates)
# A lead of a list of measures stands for the list from its first measure on (FIRST_BONUS) (H104: 「大力发展教育。
# 城镇新增就业1.7万人以上。新改扩建幼儿园7所……」, 「守住不发生规模性返贫底线。新改建农村公路490公里。
# 确保不发生规模性返贫。」, chosen for one later item). Over a list (no reach to weigh) a lead that shares
# a content pair with the first measure's first clause ranks FIRST_BONUS higher (twice a topic's; ranking it before all
# others chose 「守牢防止返贫底线。防止发生规模性返贫。」 in 金台's twin), and one that a measure says
# again (_says_object) is not offered.
FIRST_BONUS = 0.2
# A lead whose subject is a heading's (its object without opening verbs and frame words, this share of
# its pairs in the heading, or a word of SUBJECT_WORD characters of it) says the heading again: 「坚定不移推进农业农村现代化。坚持农业农村优先发展。」,
# 「扎实抓好生态环境保护。推进生态环境建设。」 (H104).
SUBJECT_SHARE = 0.5
SAID_RUN = 7  # … or quotes this many of its characters (城市更新行动, 6, is a campaign's name) …
SAID_SHARE = 2 / 3  # … and is this much of them
SUBJECT_WORD = 4
# A lead is refused when no content word of it (its content pairs, or its object's without frame
# words: 质量 of 提升环境质量) is in its own item's measures and figure names, departments left out:
# 「大力发展教育」 was chosen over 城镇新增就业… by 州教育和体育局, 「提升应急管理能力」 over 债权清收 by
# the 应急管理局 of the area. An empty lead (【待补充：引领句】) beats a wrong one (H111; figures-only
# drafts: 122 → 112 leads offered; leave-one-out unchanged, docs/suggestion-fit.md).
# The words it shares must be its own, not the frame's: the lead is read without its frame words and
# the few words below that frame a lead as much (发挥…作用, 基本完成, 构建…体系, 完善), each cut out whole,
# so no pair formed across two of them (拉动|作用 → 动作) or across a frame word and the subject (构建|数字 →
# 建数) counts. 「发挥文旅消费拉动作用」 led 繁昌's business-environment paragraph on 发挥…作用 and 撬动作用 alone,
# 「基本完成灾后恢复重建」 望城's roads and power lines on 基本完成 (blind sample AC, H130).
_BARE_WORDS = sorted(set(_FRAME_WORDS) | {"发挥", "作用", "基本", "完成", "构建", "体系", "完善"}, key=len, reverse=True)


def _runs(text: str) -> list[str]:
    """The text cut at punctuation, function characters, spaces and digits: a pair of characters
    is one the text says side by side, not one that meets across 为 or a quote (坚持发展为民 has no
    展民 to match 发展民宿)."""
    out: list[str] = []
    cur: list[str] = []
    for c in text:
        if c in _DROP or c.isspace() or c.isdigit():
            if len(cur) > 1:
                out.append("".join(cur))
            cur = []
        else:
            cur.append(c)
    if len(cur) > 1:
        out.append("".join(cur))
    return out


def bigrams(text: str) -> frozenset[str]:
    return frozenset(r[i : i + 2] for r in _runs(text) for i in range(len(r) - 1))




def sentence_masks(text: str) -> tuple[dict[str, int], int]:
    """bigram → bit mask of the sentences (of SENTENCE_MIN characters or more) that hold it, and how
    many there are: which of a text's sentences a phrase speaks to, in one OR per pair."""
    masks: dict[str, int] = {}
    sentences = [x for x in STOPS.findall(text) if len(x.strip()) >= SENTENCE_MIN]
    for i, sentence in enumerate(sentences):
        bit = 1 << i
        for g in bigrams(sentence):
            masks[g] = masks.get(g, 0) | bit
    return masks, len(sentences)


_CLAUSE = re.compile(r"[，。；：！？]")
_OPENERS = sorted(_FRAME_WORDS, key=len, reverse=True)


@lru_cache(maxsize=8192)  # asked of every candidate phrase for every paragraph (_echoes)
def _object(phrase: str) -> str:
    """The phrase without the verbs it opens with: what it is about (统筹抓好重点群体就业 →
    重点群体就业; 深化法治政府建设 → 法治政府建设, a verb not among the frame words taken as
    its first two characters)."""
    rest = phrase
    while opener := next((w for w in _OPENERS if rest.startswith(w) and len(rest) > len(w) + 1), None):
        rest = rest[len(opener):]
    return rest if rest != phrase or len(phrase) < 5 else phrase[2:]


# A lead's object (without its opening verbs) of this many characters or more, found whole in a
# key-task heading, says that heading again: 扩大有效投资 / 增加有效投资.
OBJECT_QUOTE = 4
# A phrase holding the text's whole first clause of this many characters or more quotes it:
# 「实施新一轮工业振兴三年行动，深入推进新型工业化。实施新一轮工业振兴三年行动，……」
QUOTE_MIN = 6


def _echoes(phrase: str, content: frozenset[str], opening: str, opening_pairs: frozenset[str]) -> bool:
    """Would the phrase say again what the text's first clause says, just before it
    (「深入践行正确政绩观。树立和践行正确政绩观」; with a verb of its own:
    「深化法治政府建设。创建全国法治政府建设示范市」, 「统筹抓好重点群体就业。促进重点群体稳定就业」),
    or end as it ends (「——经济发展稳中有进。工业经济稳中有进」)?"""
    if len(opening) >= 4 and phrase.endswith(opening[-4:]):
        return True
    if len(opening) >= QUOTE_MIN and opening in phrase:  # it quotes the first measure whole (梧州, H80)
        return True
    if len(content) >= 2 and len(content & opening_pairs) >= ECHO * len(content):
        return True
    # the object alone only when it says more than a term (安全生产 over 强化煤矿安全生产监管 is a
    # lead naming its subject, not an echo)
    said = bigrams(_object(phrase)) - _FRAME_PAIRS
    return len(said) >= OBJECT_PAIRS and len(said & opening_pairs) >= ECHO * len(said)


def bigram_counts(text: str) -> dict[str, int]:
    out: dict[str, int] = {}
    for r in _runs(text):
        for i in range(len(r) - 1):
            out[r[i : i + 2]] = out.get(r[i : i + 2], 0) + 1
    return out


def _ticket(seed: int, key: str, n: int) -> int:
    digest = hashlib.sha256(f"{seed}\x00suggest\x00{key}".encode()).digest()
    return int.from_bytes(digest[:8], "big") % n


class _Pool:
    """The phrases of one kind and slot that may be offered at all, with their bigrams weighted
    by rarity, and an index from bigram to phrases so a section is scored only against the
    phrases it shares a word with."""

    def __init__(self, entries: list[Entry], allowed) -> None:
        df: dict[str, int] = {}
        grams = [bigrams(e.text) for e in entries]
        for g in grams:
            for x in g:
                df[x] = df.get(x, 0) + 1
        n = len(entries) or 1
        self.idf = {
            x: math.log((n + 1) / (c + 0.5)) * (FRAME_WEIGHT if x in _FRAME_PAIRS else 1.0)
            for x, c in df.items()
        }
        self.entries: list[tuple[Entry, frozenset[str], float]] = []
        self.index: dict[str, list[int]] = {}
        for e, g in zip(entries, grams, strict=True):  # a gram set per entry
            total = sum(self.idf[x] for x in g)
            if not total or not allowed(e):
                continue
            for x in g:
                self.index.setdefault(x, []).append(len(self.entries))
            self.entries.append((e, g, total))


# bank → its one-province coinages and refrains (one_province); kept beside the bank's pools, not among
# them, since they do not depend on the place drafted
_PROVINCE_WORDS: weakref.WeakKeyDictionary[Bank, frozenset[str]] = weakref.WeakKeyDictionary()


class Suggester:
    def __init__(self, bank: Bank, seed: int, province: str | None = None, level: str | None = None,
                 places: Iterable[str] = (), own_reports: frozenset[str] = frozenset()):
        self.bank = bank
        self.seed = seed
        self.province = province_key(province)
        self.level = level
        unit = LEVEL_WORDS[level].unit if level in LEVEL_WORDS else None
        self._units = {unit, "县"} if level == "市" else {unit}
        self.places = tuple(sorted(set(bank.places) | set(places), key=len, reverse=True))
        self.used: set[str] = set()
        # (kind, slot) → what its suggestions said: areas of the key tasks must not repeat each
        # other, while a review section and a key-task area may well share a theme
        self._said: dict[tuple[str, str | None], list[frozenset[str]]] = {}
        self._said_texts: dict[tuple[str, str | None], list[str]] = {}  # the same, as worded
        self._pools: dict[tuple[str, str | None], _Pool] = {}
        # the corpus holds this very report (a demo drafting it again from its figures): what
        # only it said is not offered, or the draft would copy the answer
        self.own_reports = own_reports
        self._own_ids: frozenset[str] | None = None

    def _allowed(self, e: Entry, kind: str) -> bool:
        if self.own_reports:
            if self._own_ids is None:
                self._own_ids = self.bank.ids_only_from(self.own_reports)
            if e.id in self._own_ids:
                return False
        t = e.text
        if "{" in t or t.startswith(_MARKERS) or e.local:
            return False
        if len(t) > (LEAD_MAX if kind == "lead" else SUGGESTION_MAX):
            return False
        if kind == "heading" and t.startswith(_MEASURE_VERBS):
            return False
        if _CLAIM.search(t) or _COUNT.search(_NATIONAL_COUNTS.sub("", t)):  # see _CLAIM
            return False
        if any(w in t for w in _PLACE_CLASS) and not (self.province and self.province in e.provinces):
            return False
        # a quoted name is a campaign of the place that ran it (“工业倍增”行动, “十项行动”): only
        # once reports of two provinces used the phrase, or the draft's own province did
        if "“" in t and len(e.provinces) < 2 and not (self.province and self.province in e.provinces):
            return False
        # a coinage or a refrain of one province (智改数转网联): see one_province
        if e.id in self._province_words() and not (self.province and self.province in e.provinces):
            return False
        # a slogan of one or two provinces (制造业当家 of 广东 and 湖北) outside them: see slogans
        if e.id in slogans_of(self.bank) and self.province not in slogans_of(self.bank)[e.id]:
            return False
        if self.level and any(m.group(1) not in self._units for m in _LEVEL_COMPOUND.finditer(t)):
            return False
        return not any(p in t for p in self.places)

    def _province_words(self) -> frozenset[str]:
        if self.bank not in _PROVINCE_WORDS:  # once per bank: a batch or a server drafts many places
            _PROVINCE_WORDS[self.bank] = own_words([e for kind in EVIDENCE for e in self.bank.of(kind)], _runs)
        return _PROVINCE_WORDS[self.bank]

    def _pool(self, kind: str, slot: str | None) -> _Pool:
        key = (kind, slot)
        if key not in self._pools:
            # kept on the bank for the next draft of the same place (a batch, a server): what
            # may be offered depends only on these
            shared = ("suggest", kind, slot, self.places, self.province, self.level, self.own_reports)
            if shared not in self.bank.cache:
                if len(self.bank.cache) >= POOLS_KEPT:  # a server drafting many places
                    self.bank.cache.clear()
                self.bank.cache[shared] = _Pool(self.bank.of(kind, slot), lambda e: self._allowed(e, kind))
            self._pools[key] = self.bank.cache[shared]
        return self._pools[key]

    def _preference(self, e: Entry) -> float:
        """Same province first, then same level; corpus frequency breaks ties."""
        score = math.log1p(e.count)
        if self.province and self.province in e.provinces:
            score += 1.0
        if self.level and self.level in e.levels:
            score += 0.5
        return score

    def choose(self, kind: str, slot: str | None, text: str, key: str, within: str = "",
               apart: bool = False) -> Entry | None:
        """`within`: the text of the section a lead's paragraph stands in, whose theme a lead
        shares more reliably than a paragraph of several measures does. `apart`: a lead standing
        beside one short measure (a self-building item), refused when the measure restates it."""
        # departments still count toward the fit (dropping them lost more fitting leads than wrong
        # ones); only the refusal below reads the item without them
        said_pairs = bigrams(without_depts(text).replace(ITEM_BREAK, "").replace(PARA_BREAK, ""))
        bare_units = units(without_depts(text).replace(PARA_BREAK, ITEM_BREAK))  # see text_rules.thinly_met
        bare_unit_pairs = [bigrams(u) for u in bare_units]
        dept_pairs = bigrams(depts_of(text))
        text, within = unmarked(text), unmarked(within)
        raw = text
        pool = self._pool(kind, slot)
        topics_of_paragraphs = paragraph_topics(text) if kind == "heading" else []
        text = text.replace(PARA_BREAK, ITEM_BREAK)
        sentences = units(text)
        reform = reform_talk(text, sentences)
        opening = _CLAUSE.split(text.split(ITEM_BREAK, 1)[0], 1)[0]
        listed_items = ITEM_BREAK in text
        clauses = [c for item in text.split(ITEM_BREAK) for c in _CLAUSE.split(item) if c]
        opening_pairs = bigrams(opening)
        text = text.replace(ITEM_BREAK, "")
        topic = classify(text)
        theme = classify(within) if within and SECTION_BONUS else "其他"
        tf, head = bigram_counts(text), bigrams(text[:HEAD_CHARS])
        whole = tf.keys()
        masks, n = sentence_masks(text)
        hw = (HEAD_WEIGHT if n > 1 else HEAD_WEIGHT_WITHOUT_REACH).get(kind, 0.5)
        # the list floor only where the area's paragraphs let the breadth rule judge the heading
        listed = n <= 1 and bool(topics_of_paragraphs)
        floor = MIN_FIT_LIST.get(kind, MIN_FIT.get(kind, 0.4)) if listed else MIN_FIT.get(kind, 0.4)
        near = sorted({i for g in whole for i in pool.index.get(g, ())})
        scored = []
        for i in near:
            e, own, total = pool.entries[i]
            if e.id in self.used or _echoes(e.text, own - _FRAME_PAIRS, opening, opening_pairs):
                continue
            in_head = sum(pool.idf[g] for g in own & head) / total
            in_whole = sum(pool.idf[g] * min(1.0, tf[g] / SALIENT) for g in own & whole) / total
            fit = hw * in_head + (1 - hw) * in_whole
            if n <= 1 and round(fit, 2) < OWN_MIN:  # see OWN_MIN
                continue
            if reform_off(e.text, reform):  # see text_rules.GENERIC_REFORMS
                continue
            if kind == "lead" and object_unnamed(e.text, sentences):  # see text_rules.OBJECT_TAILS
                continue
            if kind == "lead" and n <= 1 and any(_says_object(e.text, c) for c in clauses):  # see FIRST_BONUS
                continue
            if apart and kind == "lead" and _same_object(e.text, opening):  # see _same_object
                continue
            if apart and kind == "lead" and _subject_said(e.text, opening):  # see _subject_said
                continue
            if kind == "lead" and not bigrams(_bare(e.text)) & said_pairs:  # see above and _BARE_WORDS
                continue
            if kind == "lead" and _unmet(e.text, bare_units, bare_unit_pairs, dept_pairs):  # see text_rules.thinly_met
                continue
            if e.slot == SELF_BUILDING_LEADS and topic != "政府":  # see SELF_BUILDING_LEADS
                continue
            too_narrow = bool(topics_of_paragraphs) and narrow(e.text, topics_of_paragraphs)  # see text_rules.PARAGRAPHS_MIN
            if too_narrow and n <= 1:
                continue
            fit += TOPIC_BONUS if topic != "其他" and e.topic == topic else 0.0
            fit += SECTION_BONUS if theme != "其他" and e.topic == theme else 0.0
            if round(fit, 2) < floor:  # as rounded for ranking
                continue
            if n > 1:  # the share of the sentences that use a content word of the phrase
                reached = 0
                for g in own - _FRAME_PAIRS:
                    reached |= masks.get(g, 0)
                fit += REACH_WEIGHT * reached.bit_count() / n
            # see FIRST_BONUS: over a list, a lead of its first measure ranks higher
            if kind == "lead" and n <= 1 and listed_items and (own - _FRAME_PAIRS) & opening_pairs:
                fit += FIRST_BONUS
            scored.append((-round(fit, 2), -self._preference(e), e.id, e, own, too_narrow))
        if not all(x[5] for x in scored):
            scored = [x for x in scored if not x[5]]
        scored.sort(key=lambda x: x[:3])
        # repeats of earlier suggestions are passed over from the top down: only the few
        # best are ever asked (the same choice as filtering all first, at a fraction of the cost)
        kept: list[tuple[float, float, str, Entry, frozenset[str], bool]] = []
        for x in scored:
            if (kept and kept[0][0] - x[0] <= -0.05) or len(kept) == TOP:
                break
            if not self._repeats((kind, slot), x[4]) and not self._restates_outline(kind, slot, x[4], x[3].text):
                kept.append(x)
        scored = kept
        if not scored:
            return None
        # the seed varies the wording among near-equal fits, never the subject: 「农业发展稳中有进」
        # (0.50) is no alternative to 「经济发展稳中有进」 (0.51) over 「工业经济稳中有进…」
        # (for a lead, the area's theme is a subject too)
        subjects = {scored[0][3].topic, theme}
        best = [x[3] for x in scored[:TOP] if scored[0][0] - x[0] > -0.05 and x[3].topic in subjects]
        entry = best[_ticket(self.seed, key, len(best))]
        self.used.add(entry.id)
        self._said.setdefault((kind, slot), []).append(bigrams(entry.text) - _FRAME_PAIRS)
        self._said_texts.setdefault((kind, slot), []).append(entry.text)
        if apart and restates(entry.text, raw):  # see restates
            return None
        return entry

    def _restates_outline(self, kind: str, slot: str | None, own: frozenset[str], text: str = "") -> bool:
        """Would a lead say again a key-task heading already offered, or a key-task heading a lead
        already offered (「四、坚定不移推进农业农村现代化。加快推进农业农村现代化。」; 高平's lead
        「加快推进农业农村现代化」 in area 四 and heading 「（五）坚定不移推进农业农村现代化」)? Three
        readers of figures-only drafts called it must-fix. Measured on the lead's own content
        pairs: a lead the heading says all of (ECHO), not one that shares a word (安全)."""
        if kind != "lead" and slot != "key_task_section":
            return False
        other = "heading" if kind == "lead" else "lead"
        content = own - _FRAME_PAIRS
        if any(
            len(lead) >= 2 and len(lead & heading) >= ECHO * len(lead)
            for said in self._outline(other)
            for lead, heading in [(content, said) if kind == "lead" else (said, content)]
        ):
            return True
        # the lead's object whole in the heading, with another verb: 「奋力抓项目，扩大有效投资。
        # 增加有效投资。」 (梧州, H80), which the pairs above let pass (增加 is no pair of the heading)
        said = [t for (k, sl), texts in self._said_texts.items() if k == other
                and (k == "lead" or sl == "key_task_section") for t in texts]
        leads, headings = ([text], said) if kind == "lead" else (said, [text])
        return any(_object_in(lead, heading) or _same_subject(lead, heading) for lead in leads for heading in headings)

    def _outline(self, kind: str) -> list[frozenset[str]]:
        """What the key tasks' headings (or the leads) offered so far said."""
        return [said for (k, slot), said_there in self._said.items() if k == kind
                and (k == "lead" or slot == "key_task_section") for said in said_there]

    def _repeats(self, where: tuple[str, str | None], own: frozenset[str]) -> bool:
        """Would this phrase say again what an earlier suggestion said (坚定不移推进农业农村现代化
        over one area, 大力推动农业农村现代化 over another)?"""
        content = own - _FRAME_PAIRS
        return any(
            len(content & said) >= REPEAT * min(len(content), len(said)) for said in self._said.get(where, ()) if said
        )

    def text(self, kind: str, slot: str | None, about: str, key: str, within: str = "") -> str:
        e = self.choose(kind, slot, about, key, within)
        return e.text if e else ""


def _object_in(lead: str, heading: str) -> bool:
    """Is the lead's object (OBJECT_QUOTE characters or more) said by the heading: all but a
    fifth of its characters there (科技创新能力 in 全力提升科技创新实力)?"""
    obj = [c for c in _object(lead) if c not in _DROP and not c.isspace()]
    return len(obj) >= OBJECT_QUOTE and sum(c in heading for c in obj) >= ECHO * len(obj)


def _same_object(lead: str, opening: str) -> bool:
    """Do the lead and the first clause under it, each opening with a verb, take the same object:
    「坚持政治引领。坚持政治为先忠诚为政」, 「着力建设法治社会。加快建设法治政府」 (庄浪, 益阳, H113)?
    An office's item that is itself a lead needs none; a clause opening with its subject
    (乡村振兴示范村……) is not compared. Only for leads set apart (self-building): over key tasks
    the rule refused fitting leads naming their subject (扎实开展招商引资 over 落实招商引资项目
    评估机制…), leave-one-out leads 85.5 → 84.7 %."""
    lead_obj, open_obj = _object(lead), _object(opening)
    if lead_obj == lead or open_obj == opening or len(lead_obj) < 2 or len(open_obj) < 2:
        return False
    return lead_obj[:2] == open_obj[:2]


# The measure's subject (its last words, frame words aside) of this many characters or more, said
# by a lead set apart beside it, is the lead said again with another verb (H127).
SUBJECT_TAIL = 3


def _without_frames(text: str) -> str:
    for w in _OPENERS:
        text = text.replace(w, "")
    return text


def _subject_said(lead: str, opening: str) -> bool:
    """Does a self-building lead name the subject its one measure ends on: 「讲政治、铸忠诚。坚持旗帜鲜明
    讲政治。」, 「打造水平更高的法治政府。持续推进法治政府建设。」, 「全力打造廉洁政府。扎实推进廉洁政府建设。」
    (中山, 乌鲁木齐, H120)? _same_object compares the first words of the two objects and misses a lead
    that puts the subject last. A measure naming the subject on the way to its own (「争创省法治政府建设
    示范市」: 示范市) is not the lead again."""
    tail = _CLAUSE.split(_without_frames(opening))[0].rstrip()
    return len(tail) >= SUBJECT_TAIL and tail[-SUBJECT_TAIL:] in _without_frames(lead)


def _unmet(lead: str, bare_units: list[str], unit_pairs: list[frozenset[str]], dept_pairs: frozenset[str]) -> bool:
    """Is the lead's subject met by one pair in one measure, or only inside a figure's name (H127)?"""
    core = _core(lead)
    return thinly_met(bigrams(core), bare_units, unit_pairs, dept_pairs) or inside_figure_name(core, bare_units)


def _bare(lead: str) -> str:
    """The lead's own words: each frame word (_BARE_WORDS) cut out, leaving a gap no pair spans."""
    for w in _BARE_WORDS:
        lead = lead.replace(w, " ")
    return lead


def _core(lead: str) -> str:
    """The lead's object without the frame words in it (坚持农业农村优先发展 → 农业农村优先)."""
    core = _object(lead)
    for w in _OPENERS:
        core = core.replace(w, "")
    return core


def _says_object(lead: str, clause: str) -> bool:
    """Does a measure say the lead again: the lead's object there (_object_in), and the measure
    little more (ECHO of its characters in the lead)? 「确保不发生规模性返贫」 under 「守住不发生规模性
    返贫底线」, 「推进舒兰灾后恢复重建」 under 「全面推进灾后恢复重建」; not 「城市更新行动三年计划启动」
    under 「深入实施城市更新行动」, a measure of the campaign the lead names."""
    chars = [c for c in clause if c not in _DROP and not c.isspace() and not c.isdigit()]
    if len(chars) < CORE_MIN:
        return False
    covered = sum(c in lead for c in chars) / len(chars)
    if _object_in(lead, clause) and covered >= ECHO:
        return True
    # or quotes SAID_RUN characters of it and says little else: 「防止发生规模性返贫」 under 「守住不发生
    # 规模性返贫底线」 (not 「农业农村现代化示范区建设提速」 under 「加快推进农业农村现代化」)
    return covered >= SAID_SHARE and any(lead[i : i + SAID_RUN] in clause for i in range(len(lead) - SAID_RUN + 1))


def _same_subject(lead: str, heading: str) -> bool:
    """Is the lead's subject the heading's: SUBJECT_SHARE of its core's pairs there (农业农村优先 under
    农业农村现代化), or a word of SUBJECT_WORD characters of it (生态环境质量 under 生态环境保护)?"""
    core = _core(lead)
    pairs = bigrams(core)
    if len(pairs & bigrams(heading)) >= max(2, SUBJECT_SHARE * len(pairs)):  # two: not 服务 alone
        return True
    return any(r[i : i + SUBJECT_WORD] in heading for r in _runs(core) for i in range(len(r) - SUBJECT_WORD + 1))


def restates(lead: str, text: str) -> bool:
    """Is all the lead says already said by the first clause of `text`?

    Over a self-building item of one short measure the lead and the measure stand side by side:
    「扎实推进法治政府建设。加快建设法治政府。」, 「持续改进作风。持续改进工作作风。」 (益阳, seed 0).
    _echoes compares character pairs and lets these pass (推进|法治 and 改进|作风 meet in pairs the
    measure does not hold); here the lead's object, without its opening verbs and frame words, is
    compared character by character. A refused lead is not replaced: over one short measure the
    next fit is weaker still (「着力建设法治社会。加快建设法治政府。」), and the placeholder asks the
    office for its own."""
    opening = _CLAUSE.split(text, 1)[0]
    if _echoes(lead, bigrams(lead) - _FRAME_PAIRS, opening, bigrams(opening)):
        return True
    chars = [c for c in _core(lead) if c not in _DROP and not c.isspace()]
    return len(chars) >= CORE_MIN and all(c in opening for c in chars)
