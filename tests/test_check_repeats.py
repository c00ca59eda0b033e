"""Words said twice (checks/repeats.py): a figure verb twice in one clause, a leadership chain
twice in one sentence, a lead the next sentence merely repeats. The defects are the real
sentences of the H120 / H121 audit drafts (黄冈, 中山, 乌鲁木齐); the near-misses are real
sentences of the corpus reports, which are the standard and must stay quiet."""

from __future__ import annotations

import pytest

from drafter.checks import consistency as C
from drafter.checks.findings import CONSISTENCY, ERROR, HINT
from drafter.checks.repeats import doubled_verbs, lead_echoes, repeated_chains
from tests.conftest import CORPUS
from tests.test_check_helpers import XIANYANG, check, edit_docx, make_draft

# 黄冈 (H121): the data gave verb 新增 to 城镇新增就业; the thanks formula's slot got the whole chain.
HG_REVIEW = "从年初确定的主要预期目标看，城镇新增就业新增7.4万人，超额完成6万人以上的预期目标；单位GDP能耗完成省下达的目标任务。"
HG_TARGET = "新增城镇新增就业6万人以上"
HG_THANKS = ("这些成绩的取得，根本在于以习近平同志为核心的党中央坚强领导，根本在于习近平新时代中国特色社会主义思想的科学指引，"
             "是省委、省政府关心关怀的结果，是省委、省政府和市委团结带领全市人民拼搏奋进的结果，是市人大、市政协监督支持的结果。")
# 中山, 乌鲁木齐 (H120): self-building leads and the item text after them.
ECHOES = [
    ("讲政治、铸忠诚。坚持旗帜鲜明讲政治。", "讲政治"),
    ("打造水平更高的法治政府。持续推进法治政府建设。", "法治政府"),
    ("全力打造廉洁政府。持续推进廉洁政府建设。", "廉洁政府"),
    ("全力打造廉洁政府。扎实推进廉洁政府建设。", "廉洁政府"),
]


@pytest.fixture(scope="module")
def xy_draft(tmp_path_factory):
    return make_draft(XIANYANG, tmp_path_factory.mktemp("xy") / "初稿.docx")


def test_the_audit_repeats_typed_into_a_draft_are_found(xy_draft, tmp_path):
    edited = tmp_path / "改.docx"
    target = edit_docx(xy_draft, edited, "城镇新增就业4.5万人以上", "新增城镇新增就业4.5万人以上")
    thanks = edit_docx(edited, edited, "成绩来之不易。", "成绩来之不易。" + HG_THANKS)
    lead = edit_docx(edited, edited, "加强生态保护修复。", "打造水平更高的法治政府。持续推进法治政府建设。")
    result, printed = check(XIANYANG, draft=edited)
    found = {f.kind: f for f in result.group(CONSISTENCY)}
    verb, chain, echo = found[C.DOUBLED_VERB], found[C.CHAIN], found[C.ECHO]
    assert (verb.paragraph, verb.severity) == (target + 1, ERROR) and "“新增”在一个分句里说了两次" in verb.message
    assert "新增城镇新增就业4.5万人以上" in verb.message and verb.path == ""  # typed in Word: no data behind it
    assert (chain.paragraph, chain.severity) == (thanks + 1, HINT)
    assert "“省委、省政府”又在“省委、省政府和市委”中写了一次" in chain.message
    assert (echo.paragraph, echo.severity) == (lead + 1, HINT)
    assert "引领句“打造水平更高的法治政府”与下一句“持续推进法治政府建设”都说“法治政府”" in echo.message
    assert f"第{target + 1}段" in printed and result.exit_code == 1


def test_the_audit_sentences_are_flagged():
    [(at, message)] = doubled_verbs(HG_REVIEW)
    assert HG_REVIEW[at:at + 2] == "新增" and "城镇新增就业新增7.4万人" in message
    assert len(doubled_verbs(f"经济社会发展主要预期目标是：固定资产投资增长9%，{HG_TARGET}，居民收入增长与经济增长同步。")) == 1
    assert len(doubled_verbs("新增城镇新增就业【待补充：城镇新增就业的目标值】万人")) == 1  # a hole is a number to come
    [(at, message)] = repeated_chains(HG_THANKS)
    assert HG_THANKS[at:].startswith("省委、省政府关心关怀")
    assert repeated_chains("是省委、省政府关心关怀的结果，是省委、省政府团结带领全市人民拼搏奋进的结果。")  # the same chain
    for paragraph, obj in ECHOES:
        [(at, message)] = lead_echoes(paragraph)
        assert f"都说“{obj}”" in message and paragraph[at:].startswith(paragraph.split("。")[1])
    assert lead_echoes("（二）打造水平更高的法治政府。持续推进法治政府建设。")  # numbering before the lead


@pytest.mark.parametrize("text", [
    "新建绿色建筑占新建民用建筑比例100%。",  # 蚌埠: a parallel through 占
    "兜底帮扶就业困难人员就业3.97万人。",  # 天津: 就业 is no figure verb
    "工业增加值由19亿元增加到334.6亿元，规模扩大了16.6倍。",  # 崇左: 增加值 is a noun
    "居民人均可支配收入增长与经济增长基本同步。",  # 南京: a parallel, and no number
    "深圳数据交易所交易额64.9亿元。",
])
def test_words_said_twice_in_corpus_sentences_are_not_doubled_verbs(text):
    assert doubled_verbs(text) == []


@pytest.mark.parametrize("text", [
    # 南充: the same chain as the author of two different things, far apart
    "我们要坚定信心、实干担当，充分用好省委、省政府《关于支持南充达州组团培育川东北省域经济副中心的意见》等政策机遇，"
    "集中力量推动各项工作快落地、真落实、早见效，努力把省委、省政府关于“省域经济副中心建设城市要加快高质量发展”"
    "“经济大市要多作贡献”的要求落实到实际行动中，体现在坚决完成全年工作目标上。",
    # 攀枝花: one body (市委) twice is everyday language
    "一年来，在市委的坚强领导下，在市人大及其常委会的依法监督和市政协的民主监督下，市政府坚定以习近平新时代中国特色社会主义"
    "思想为指导，扎实推动省委、省政府对攀枝花发展“两区三地一粮仓一门户”的新定位新要求和市委总体发展战略落地落实。",
    # 乐山: two different chains
    "当好贯彻党中央国务院、省委省政府和市委决策部署的执行者、行动派、实干家。",
])
def test_chains_in_corpus_sentences_are_not_repeats(text):
    assert repeated_chains(text) == []


@pytest.mark.parametrize("text", [
    "打造水平更高的法治政府。争创全国法治政府建设示范市。",  # 黄冈's draft: the next sentence says what is new
    "（三）聚焦聚力强化产业科技创新。增强科技创新策源力。",  # 广州
    "（五）坚持不懈推进改革创新，体制机制活力迸发。改革创新持续深化。",  # 毕节
    "这一年，我们突出尊商重企，营商环境激发新活力。顶格推进营商环境建设，激发干部敢为、地方敢闯、企业敢干、群众敢首创。",  # 临沂
    "加快建设和美乡村。学习运用“千万工程”经验，一体推进整治村达标、示范村创建。",  # 黄石
])
def test_leads_unfolded_in_corpus_paragraphs_are_not_echoes(text):
    assert lead_echoes(text) == []


def test_the_corpus_reports_have_one_repeat_only():
    """All 161 reports: the one hit is 汉中's 落实省委、省政府工作部署和省委、省政府主要领导……指示要求."""
    files = sorted(CORPUS.glob("*.txt")) + sorted((CORPUS / "more").glob("*.txt"))
    assert len(files) >= 161
    hits = [(f.name, rule.__name__) for f in files for line in f.read_text(encoding="utf-8").splitlines()
            for rule in (doubled_verbs, repeated_chains, lead_echoes) if rule(line.strip())]
    assert hits == [("2024_汉中市.txt", "repeated_chains")]
