"""Topic groups for headings, leads, number frames and sections (no jieba needed).

Two classifiers:
- `by_seeds(text)`: the hand-written seed keywords below. The miner labels headings, leads and
  indicators with it, so what the bank says does not depend on an earlier bank.
- `classify(text)`: the topic lexicon mined from the corpus (`drafter mine` writes it as
  topics.json beside the bank: per topic the words that are distinctive for the bodies of
  sections whose heading has that seed topic, with weights). It scores a section's own facts
  by plain substring matching, so the composer can put a heading of the same topic over a
  section whose data has no heading; with no lexicon word in the text it falls back to the seeds.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path

from ..resources import style_corpus_dir

TOPICS: dict[str, tuple[str, ...]] = {
    "经济": ("稳增长", "经济运行", "生产总值", "经济", "内需", "消费", "投资", "市场主体", "民营", "财政", "金融"),
    "产业": ("产业", "工业", "制造", "企业", "链", "园区", "数字", "服务业", "农业", "能源"),
    "创新": ("创新", "科技", "人才", "研发", "成果转化", "高新技术", "秦创原"),
    "改革": ("改革", "营商环境", "放管服", "国企", "一网通办", "审批"),
    "开放": ("开放", "招商", "外资", "进出口", "外贸", "合作", "一体化", "协同"),
    # not 建设: it ends most headings (生态文明建设, 法治政府建设) and would win their ties
    "项目": ("项目", "重点工程", "开工", "投资"),
    "城乡": ("城市", "城镇", "城乡", "新型城镇化", "基础设施", "交通", "更新", "县域", "县城"),
    "乡村": ("乡村", "农村", "农业", "脱贫", "粮食", "农民", "振兴"),
    "民生": ("民生", "就业", "教育", "医疗", "健康", "养老", "社会保障", "住房", "文化", "体育", "幸福感"),
    "生态": ("生态", "环境", "绿色", "低碳", "污染", "大气", "水", "森林", "碳"),
    "安全": ("安全", "风险", "稳定", "防范", "治理", "信访", "应急", "平安"),
    "文旅": ("文旅", "旅游", "文化旅游", "景区", "文物"),
    "政府": ("政府", "自身建设", "依法行政", "作风", "廉洁", "担当", "为民", "政治"),
}
LEXICON_FILE = "topics.json"
LEXICON_FORMAT = "drafter-topic-lexicon"

# topic → {word: weight}
Lexicon = Mapping[str, Mapping[str, float]]


def topic_scores(text: str) -> dict[str, int]:
    """Seed scores: characters of `text` covered by each topic's seed keywords."""
    return {t: sum(text.count(k) * len(k) for k in keys) for t, keys in TOPICS.items()}


def by_seeds(text: str) -> str:
    """The topic whose seed keywords cover most of `text` (ties: the order of TOPICS); 其他 if none."""
    scores = topic_scores(text)
    best = max(TOPICS, key=lambda t: scores[t])
    return best if scores[best] else "其他"


def heading_topics(heading: str) -> frozenset[str]:
    """The topics a section heading names: those whose seed words cover at least half as much of
    it as its best topic's (惠民生、防风险、保稳定 → 安全 and 民生; 促改革、谋创新 → 改革 and 创新).
    by_seeds keeps only the best; a gathered fact of the others belongs under the heading too."""
    scores = topic_scores(heading)
    top = max(scores.values())
    return frozenset(t for t, v in scores.items() if top and 2 * v >= top)


def lexicon_scores(text: str, lex: Lexicon) -> dict[str, float]:
    """Sum over the topic's lexicon words of weight × occurrences in `text` (counting
    occurrences agreed with the headings 73 % of the time, presence only 71 %)."""
    return {t: sum(w * text.count(word) for word, w in words.items()) for t, words in lex.items()}


def classify(text: str, lex: Lexicon | None = None) -> str:
    """The topic of a text by the mined lexicon (the shipped one unless `lex` is given);
    the seeds decide when no lexicon word occurs; 其他 when neither finds anything.
    Ties go to the order of TOPICS."""
    lex = shipped_lexicon() if lex is None else lex
    if lex:
        scores = lexicon_scores(text, lex)
        best = max((t for t in TOPICS if t in scores), key=lambda t: scores[t], default=None)
        if best is not None and scores[best] > 0:
            return best
    return by_seeds(text)


# an indicator of jobs is 民生 whatever else it names (城镇新增就业 is no urban construction,
# 开发基层服务等岗位 no government): indicators only — TOPICS' seeds are the mined bank's
_JOBS = ("就业", "失业", "岗位")


def indicator_topic(name: str) -> str:
    """An indicator name is two to eight characters: the seed keywords (生产总值 → 经济) judge it
    better than the lexicon mined from whole sections, which is for sentences."""
    if any(k in name for k in _JOBS):
        return "民生"
    seed = by_seeds(name)
    return seed if seed != "其他" else classify(name)


# A heading of the first topic also covers paragraphs of these (城乡融合 speaks for the villages,
# 民生 for 平安 and 文旅 within a livelihood area, the economy for its industries and projects).
UMBRELLA: dict[str, tuple[str, ...]] = {
    "城乡": ("乡村",), "产业": ("乡村",), "经济": ("产业", "项目", "开放"), "民生": ("文旅", "安全"),
}
# seed keywords of two topics (农业 in 产业 and 乡村) name neither when judging what a heading covers
_SHARED_SEEDS = frozenset(k for k in {k for keys in TOPICS.values() for k in keys}
                          if sum(k in keys for keys in TOPICS.values()) > 1)


@lru_cache(maxsize=8192)
def named_topics(heading: str) -> frozenset[str]:
    """The topics a heading speaks for: those whose own seed keywords it uses, its lexicon topic,
    and the topics under them (全面深化改革开放 → 改革, 开放; 坚定不移推进农业农村现代化 → 乡村)."""
    named = {t for t, keys in TOPICS.items() if any(k in heading for k in keys if k not in _SHARED_SEEDS)}
    named.add(classify(heading))
    return frozenset(named.union(*(UMBRELLA.get(t, ()) for t in named)))


def parse_lexicon(data: object) -> dict[str, dict[str, float]]:
    """The topic → {word: weight} of a topics.json document; {} when it is not one."""
    if not isinstance(data, dict) or data.get("format") != LEXICON_FORMAT:
        return {}
    out: dict[str, dict[str, float]] = {}
    for topic, words in (data.get("topics") or {}).items():
        if topic in TOPICS and isinstance(words, dict):
            out[topic] = {str(w): float(v) for w, v in words.items() if isinstance(v, (int, float)) and v > 0}
    return out


def load_lexicon(path: Path) -> dict[str, dict[str, float]]:
    try:
        return parse_lexicon(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError):
        return {}


@lru_cache(maxsize=1)
def shipped_lexicon() -> dict[str, dict[str, float]]:
    """The lexicon mined from the shipped style corpus ({} when missing: seeds only)."""
    return load_lexicon(style_corpus_dir() / "phrases" / LEXICON_FILE)
