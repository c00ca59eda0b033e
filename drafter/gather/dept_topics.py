"""The fields a department writes about: a prior over topics for the sentences it supplies.

    field_prior(dept) -> {topic: share}   (shares sum to 1; {} when the name says nothing)

A department's material is mostly about its own field (教育局 → 民生, 科技局 → 创新), but
not only (a 发改委 writes of projects, reform and the economy), so topic choice adds the
prior as a bias (topic_table.DEPT_WEIGHT × share on the log scale), never as an override.

Derived, not typed, where possible; each source below gives a distribution, and the prior is
their mean over the sources that say something:
1. the name: the seed keywords (topics.by_seeds' scores) of the department's bare name and of
   its long and short forms in model/depts.ALIASES (人力资源和社会保障局 → 民生, 文化和旅游局 → 文旅);
2. the forms catalogue (office/catalogue.py): the topic of each indicator the department
   supplies (topics.indicator_topic: 粮食总产量 → 乡村);
3. FIELDS below, for departments whose names and indicators say nothing or mislead.
One department, one prior: 咸阳市教育局 / 市教育局 / 教育局 are matched by their longest
known ending. The government's own offices (政府办公室, 市政府各部门) coordinate every field and
get no prior; nor does a name with no seed word and no entry (国网供电公司, 市委宣传部).
"""

from __future__ import annotations

from functools import lru_cache

from ..model.depts import ALIASES, bare_department
from ..office.catalogue import CATALOGUE
from ..phrases.topics import TOPICS, indicator_topic, topic_scores

# Written from the departments' usual duties (their 三定 mandates), not from any measured set:
# one topic each, only where neither the name nor the catalogue tells the field, or the name misleads.
FIELDS: dict[str, str] = {
    "发改委": "经济",  # 国民经济 planning and 经济运行: its name's 改革 is one field of several
    "商务局": "经济",  # 消费 and 商贸流通 beside the catalogue's 进出口 / 外资 (开放)
    "税务局": "经济",  # 税收, reported with 财政
    "人社局": "民生",  # 就业 and 社保: the catalogue's 城镇新增就业 reads as 城乡 by its seeds
    "公安局": "安全",  # 社会治安
    "司法局": "政府",  # 法治政府建设, 行政复议
    "审计局": "政府",  # 审计监督 of the government's own spending
    "林业局": "生态",  # 森林 and 国土绿化
    "民政局": "民生",  # 养老, 社会救助
    "退役军人事务局": "民生",  # 优抚安置
}
_NO_PRIOR_WORD = "政府"  # 政府办公室, 市政府各部门: offices that coordinate every field


def _shares(scores: dict[str, float]) -> dict[str, float]:
    total = sum(scores.values())
    return {t: v / total for t, v in scores.items() if v > 0} if total > 0 else {}


def _by_name(bare: str) -> dict[str, float]:
    forms = [bare] + [long for long, short in ALIASES.items() if short == bare]
    scores = dict.fromkeys(TOPICS, 0.0)
    for name in forms:
        for t, v in topic_scores(name).items():
            scores[t] += v
    return _shares(scores)


def _by_catalogue(bare: str) -> dict[str, float]:
    scores = dict.fromkeys(TOPICS, 0.0)
    for indicator in CATALOGUE.get(bare, ()):
        topic = indicator_topic(indicator.name)
        if topic in scores:
            scores[topic] += 1
    return _shares(scores)


@lru_cache(maxsize=256)
def _prior(bare: str) -> tuple[tuple[str, float], ...]:
    sources = [_by_name(bare), _by_catalogue(bare), {FIELDS[bare]: 1.0} if bare in FIELDS else {}]
    sources = [s for s in sources if s]
    if not sources:
        return ()
    return tuple((t, sum(s.get(t, 0.0) for s in sources) / len(sources)) for t in TOPICS
                 if any(t in s for s in sources))


def field_prior(dept: str | None) -> dict[str, float]:
    """topic → share of the department's field (see the module doc); {} for no department, the
    government's own offices, and names that say nothing."""
    if not dept or _NO_PRIOR_WORD in dept:
        return {}
    return dict(_prior(bare_department(dept)))


def fill_topics(topics: list[str], dept: str | None) -> list[str]:
    """`topics` (one per fact, in the order of its source) with each one the classifier could
    not tell (not a key of TOPICS: 其他, None) taken from its neighbour in the same source — the
    nearest fact before that has one, then the nearest after — else the department's main
    field, else left as it was. A form's 「新增奶牛 6万头」 between 新建高标准农田 (乡村) and
    新增设施农业 opened a section of its own, titled 其他, in 呼和浩特's draft (H115)."""
    known = [t in TOPICS for t in topics]
    prior = field_prior(dept)
    field = max(prior, key=lambda t: prior[t]) if prior else None  # ties: the order of TOPICS
    out = list(topics)
    for i, ok in enumerate(known):
        if ok:
            continue
        before = next((topics[j] for j in range(i - 1, -1, -1) if known[j]), None)
        after = next((topics[j] for j in range(i + 1, len(topics)) if known[j]), None)
        out[i] = before or after or field or topics[i]
    return out
