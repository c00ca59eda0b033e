"""Verb tables the figure and fact wording relies on, kept in one place.

Drafting cannot segment words (jieba stays off this path), so these lists say which verbs
behave how; they were read off the corpus reports' own sentences.
"""

from __future__ import annotations

# Counted things (form: number_first). A transitive verb acts on the things counted and goes
# first: 「出台促进工业投资、支持民营经济发展等4方面政策措施」. A completion predicate says what
# became of them and follows: 「……等16个项目建成投产」. A verb in neither list keeps the
# number-first order the office asked for.
COUNT_VERB_FIRST = frozenset({
    "出台", "实施", "建设", "争取", "新建", "改建", "新改建", "打造", "培育", "引进", "招引",
    "举办", "承办", "开展", "制定", "印发", "推出", "发放", "组织", "启动", "创建", "谋划",
    "储备", "包装", "办理", "办复", "解决", "帮助", "扶持", "支持", "新增", "完成",
})
COUNT_NUMBER_FIRST = frozenset({
    "建成", "建成投产", "建成投用", "建成开放", "投产", "投用", "开工", "开工建设", "落地",
    "落地开工", "签约", "签约落地", "竣工", "完工", "通过验收", "获批", "入选", "获评", "挂牌",
    "开业", "投入使用", "投入运营", "加快建设", "完成改造", "实现签约",
})


def held_by_name(verb: str | None, name: str) -> bool:
    """Does the indicator's name already say its verb? 「城镇新增就业」 with `verb: 新增` is
    written 「城镇新增就业7.4万人」, never 「城镇新增就业新增7.4万人」 or 「新增城镇新增就业」 (黄冈,
    H125). One character (达 of 达标率) is no verb to find in a name."""
    return verb is not None and len(verb) >= 2 and verb in name


def verb_goes_first(verb: str | None) -> bool:
    """Does a counted thing's verb come before it (出台……等4方面政策措施)?"""
    return bool(verb) and verb in COUNT_VERB_FIRST


# Leading verbs consecutive facts may share: 「承办A，承办B」 → 「承办A、B」. Longest first, so
# 加快推进 is taken whole rather than as 加快.
LEADING_VERBS = tuple(sorted({
    "承办", "举办", "成功举办", "开展", "实施", "出台", "新建", "新改建", "改造", "建设", "打造",
    "创建", "推进", "加快推进", "深入推进", "引进", "培育", "组织", "启动", "建成", "争取", "推动",
    "加快", "加强", "完善", "健全", "落实", "荣获", "获评", "入选",
}, key=len, reverse=True))

# Trailing predicates consecutive facts may share: 「A项目建成，B项目建成」 → 「A、B项目建成」.
TRAILING_PREDICATES = tuple(sorted(COUNT_NUMBER_FIRST - {"加快建设", "完成改造"} | {
    "建成运营", "开工建设", "顺利通过验收", "正式投产", "全面开工",
}, key=len, reverse=True))
# Head nouns shared with the predicate when every fact of the group has them (A、B项目建成).
SHARED_HEADS = ("项目", "工程", "园区", "基地", "中心", "学校", "医院", "公园", "道路", "小区", "社区")

# A sub-topic opening: a subject and one of these four-character predicates (乡村建设扎实推进,
# 第三产业繁荣发展). After a complete clause it starts a new sentence, as reports write it.
# 全面落实 is left out: 「民生“十件实事”全面落实」 closes its clause rather than opening a topic.
TOPIC_PREDICATES = frozenset({
    "扎实推进", "稳步推进", "有序推进", "深入推进", "全面推进", "持续推进", "繁荣发展",
    "蓬勃发展", "提质增效", "提速增效", "成效显著", "稳中有进", "稳中向好", "持续优化",
    "持续改善", "明显改善", "显著提升", "稳步提升", "全面提升", "持续深化", "全面深化",
    "深入实施", "全面加强", "切实加强", "加快补齐", "亮点纷呈", "量质齐升",
})
