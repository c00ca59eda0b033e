"""Topic groups for headings, leads and number frames, by keyword (no jieba needed).

The miner files every mined heading and lead under one of these topics; the composer
classifies a section of the office's data the same way to offer a heading of the same topic.
"""

from __future__ import annotations

TOPICS: dict[str, tuple[str, ...]] = {
    "经济": ("稳增长", "经济运行", "生产总值", "经济", "内需", "消费", "投资", "市场主体", "民营", "财政", "金融"),
    "产业": ("产业", "工业", "制造", "企业", "链", "园区", "数字", "服务业", "农业", "能源"),
    "创新": ("创新", "科技", "人才", "研发", "成果转化", "高新技术", "秦创原"),
    "改革": ("改革", "营商环境", "放管服", "国企", "一网通办", "审批"),
    "开放": ("开放", "招商", "外资", "进出口", "外贸", "合作", "一体化", "协同"),
    "项目": ("项目", "重点工程", "开工", "建设", "投资"),
    "城乡": ("城市", "城镇", "城乡", "新型城镇化", "基础设施", "交通", "更新", "县域", "县城"),
    "乡村": ("乡村", "农村", "农业", "脱贫", "粮食", "农民", "振兴"),
    "民生": ("民生", "就业", "教育", "医疗", "健康", "养老", "社会保障", "住房", "文化", "体育", "幸福感"),
    "生态": ("生态", "环境", "绿色", "低碳", "污染", "大气", "水", "森林", "碳"),
    "安全": ("安全", "风险", "稳定", "防范", "治理", "信访", "应急", "平安"),
    "文旅": ("文旅", "旅游", "文化旅游", "景区", "文物"),
    "政府": ("政府", "自身建设", "依法行政", "作风", "廉洁", "担当", "为民", "政治"),
}
TOPIC_NAMES: tuple[str, ...] = tuple(TOPICS) + ("其他",)


def topic_scores(text: str) -> dict[str, int]:
    return {t: sum(text.count(k) * len(k) for k in keys) for t, keys in TOPICS.items()}


def classify(text: str) -> str:
    """The topic whose keywords cover most of `text` (ties: the order of TOPICS); 其他 if none."""
    scores = topic_scores(text)
    best = max(TOPICS, key=lambda t: scores[t])
    return best if scores[best] else "其他"
