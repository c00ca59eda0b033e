"""Line features, normalisation, the tree the parser builds, and report variants that the
corpus does not contain (the rules must generalise beyond the 25 files)."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest

from drafter.parse import parse_lines, parse_report, read_lines, to_json
from drafter.parse.lines import first_sentence, lead_of, marker, sentences
from drafter.parse.normalize import normalize_line, split_lines
from drafter.tree import PART_TYPES, Document, Paragraph, Section

ROOT = Path(__file__).resolve().parents[1]
REPORTS = sorted((ROOT / "style_corpus").glob("*.txt"))


# ---------------------------------------------------------------------------------------------
# line features

def test_sentences_keep_quotes_together():
    assert sentences("习近平总书记强调，“要把小事当作大事。”前期，我们征集了意见。") == [
        "习近平总书记强调，“要把小事当作大事。”",
        "前期，我们征集了意见。",
    ]
    assert first_sentence("（一）强化创新驱动，加快建设先行区") == "（一）强化创新驱动，加快建设先行区"
    assert first_sentence("各位代表！新生活因奋斗而成就。让我们…") == "各位代表！"


@pytest.mark.parametrize(
    "line, kind, number",
    [("（三）聚焦产业", "（一）", 3), ("(十二)聚焦", "（一）", 12), ("十、全面加强", "一、", 10),
     ("七是在加强政府建设中树立新形象。", "一是", 7), ("（5）新建乡镇", "（1）", 5)],
)
def test_markers(line, kind, number):
    m = marker(line)
    assert m is not None and (m.kind, m.number) == (kind, number)


@pytest.mark.parametrize("line", ["一年来，我们坚持", "三是", "二〇二三年", "一是，"])
def test_not_markers(line):
    assert marker(line) is None


@pytest.mark.parametrize(
    "line, lead",
    [
        ("促进创新协同。锚定国家创新型城市目标。", "促进创新协同。"),
        ("增加就业岗位，让群众更宽裕。实施就业收入提升行动。", "增加就业岗位，让群众更宽裕。"),
        ("打出“双招双引”“新攻势”。坚持“现有企业”。", "打出“双招双引”“新攻势”。"),
        ("各位代表，老百姓的事情是天大的事。孩子的抚养教育。", None),
        ("新材料产业产值达到350亿元。全力推进。", None),
        ("我们必须在忠诚拥护“两个确立”、坚决做到“两个维护”中坚定高质量发展方向。改革。", None),
        ("政府工作的总体要求是：坚持以习近平新时代中国特色社会主义思想为指导。", None),
        ("（5）实行重特大疾病医疗救助。", None),
    ],
)
def test_lead_shape(line, lead):
    assert lead_of(line) == lead


# ---------------------------------------------------------------------------------------------
# normalisation

def test_normalisation_keeps_full_width_punctuation():
    assert normalize_line("\u3000\u3000（一）综合施策，稳增长：ＧＤＰ。\u00a0") == "（一）综合施策，稳增长：ＧＤＰ。"
    assert normalize_line("政\u00a0府\u2002工 作\u3000报 告") == "政府工作报告"
    assert normalize_line("咸阳市市长\u3000冷劲松") == "咸阳市市长 冷劲松"
    assert normalize_line("\ufeff各位代表：\u200b") == "各位代表："
    assert split_lines("a\r\n\r\n\u3000\u3000\nb\rc\u2028d") == ["a", "b", "c", "d"]


# ---------------------------------------------------------------------------------------------
# the tree

def _line_texts(doc: Document) -> dict[int, str]:
    """Reassemble each source line from the runs that carry its line number."""
    pieces: dict[int, list[str]] = defaultdict(list)

    def add(runs, prefix=""):
        for k, run in enumerate(runs):
            assert run.source.kind == "source"
            pieces[int(run.source.ref)].append((prefix if k == 0 else "") + run.text)

    h = doc.header
    for runs in (h.label, h.title, h.subtitle, h.speaker):
        for run in runs:
            add([run])
    for part in doc.parts:
        if part.heading:
            add(part.heading.runs, part.heading.number)
        for block in part.blocks:
            paragraphs = block.blocks if isinstance(block, Section) else [block]
            if isinstance(block, Section) and block.heading:
                add(block.heading.runs, block.heading.number)
            for p in paragraphs:
                add(p.lead + p.runs)
    return {k: "".join(v) for k, v in pieces.items()}


@pytest.mark.parametrize("path", REPORTS, ids=lambda p: p.stem)
def test_tree_is_lossless_and_ordered(path):
    lines = read_lines(path)
    doc = parse_report(path)
    assert _line_texts(doc) == {i: line for i, line in enumerate(lines, start=1)}
    previous = 0
    for part in doc.parts:
        assert part.type in PART_TYPES
        assert part.line == previous + 1 or previous == 0
        assert part.line <= part.end_line
        previous = part.end_line
        for block in part.blocks:
            if isinstance(block, Section):
                assert part.line <= block.line <= block.end_line <= part.end_line
                assert block.heading is not None and block.heading.level == 2
            else:
                assert isinstance(block, Paragraph)
    assert previous == len(lines)


def test_header_fields():
    doc = parse_report(ROOT / "style_corpus" / "2024_咸阳市.txt")
    assert [r.text for r in doc.header.title] == ["政府工作报告"]
    assert doc.header.subtitle[0].text.startswith("——2024年2月5日")
    assert [r.text for r in doc.header.speaker] == ["咸阳市市长 冷劲松"]
    sections = doc.parts[3].sections  # key tasks
    assert sections[0].heading.number == "（一）"
    assert sections[0].heading.text == "（一）强化创新驱动，加快建设秦创原科技成果转化先行区"
    assert next(p.text for p in sections[0].leads).startswith("促进创新协同。")


# ---------------------------------------------------------------------------------------------
# variants not in the corpus

FIVE_YEAR = """政府工作报告
——2023年1月6日在某市第十届人民代表大会第一次会议上
各位代表：
现在，受市人民政府委托，向大会报告政府工作，请予审议。
一、过去五年工作回顾
过去五年，我们坚持稳中求进工作总基调，全市经济社会发展取得显著成就。
（一）综合实力显著增强。地区生产总值年均增长6.5%，迈上新台阶。
（二）改革开放持续深化。完成重点改革任务120项。
（三）民生福祉不断增进。累计新增城镇就业30万人。
我们也清醒认识到，发展中还存在不少困难和问题，主要是：产业结构不优；创新能力不强。
二、今后五年的目标任务
今后五年，是全面建设社会主义现代化国家开局起步的关键时期。
三、2023年工作安排
2023年是全面贯彻党的二十大精神的开局之年。
主要预期目标是：地区生产总值增长6%左右。
重点抓好以下三个方面工作：
一、坚定不移抓项目、扩投资，夯实经济硬支撑
坚持大抓项目、大抓招商、大抓环境工作导向，全力以赴扩大有效投资，推动经济持续回升。
超前谋划项目。准确把握政策动向。
（一）重大项目。开工建设一批重大项目。
（二）民生项目。建成一批民生项目。
全力推进项目。全面落实项目推进机制。
二、坚定不移抓工业、强驱动，创新赋能促升级
巩固扩展存量。加强规上企业运行监测。
做大园区体量。强力推动工业园扩容提质。
三、坚定不移抓民生、促和谐，提升群众幸福感
推动乡村振兴。认真落实乡村振兴责任制。
提升公卫能力。主动适应新形势新任务。
四、加强政府自身建设
新的一年，我们将始终保持奋斗的姿态。
旗帜鲜明讲政治。坚持把政治建设摆在首位。
依法行政履职责。严格依照法定权限和程序履行职责。
廉洁从政树形象。认真履行全面从严治党主体责任。
各位代表！新征程催人奋进。让我们更加紧密地团结在以习近平同志为核心的党中央周围，为建设现代化新某市而团结奋斗！
""".splitlines()


def test_five_year_report_with_nested_lists():
    js = to_json(parse_lines(FIVE_YEAR))
    types = [(p["type"], p["start_line"], p["end_line"]) for p in js["parts"]]
    assert types == [
        ("opening", 3, 4), ("review", 5, 10), ("targets", 11, 12), ("targets", 13, 16),
        ("key_tasks", 17, 28), ("self_building", 29, 33), ("closing", 34, 34),
    ]
    review = js["parts"][1]["sections"]
    assert [s["heading"] for s in review] == ["（一）综合实力显著增强。", "（二）改革开放持续深化。", "（三）民生福祉不断增进。"]
    key = js["parts"][4]["sections"]
    # 一、 sections win over the （一） list nested inside the first one
    assert [s["line"] for s in key] == [17, 23, 26]
    # numbered sub-items （一）重大项目。 are not leads
    assert [x["text"] for x in key[0]["leads"]] == ["超前谋划项目。", "全力推进项目。"]
    items = js["parts"][5]["sections"][0]
    assert items["heading"] is None
    assert [x["text"] for x in items["leads"]] == ["旗帜鲜明讲政治。", "依法行政履职责。", "廉洁从政树形象。"]


def test_principles_before_sections_are_not_sections():
    lines = [
        "各位代表：",
        "现在，我代表市人民政府向大会报告工作，请予审议。",
        "2023年工作回顾",
        "一年来，我们攻坚克难。",
        "经济运行稳中向好。地区生产总值增长5%。",
        "产业结构持续优化。新增规上企业20家。",
        "民生事业全面进步。新增就业1万人。",
        "2024年工作安排",
        "主要预期目标是：地区生产总值增长6%左右。",
        "实现上述目标，需要把握好以下几个方面：",
        "一是把高质量发展贯穿始终。牢牢把握首要任务。",
        "二是把增进民生福祉贯穿始终。坚持以人民为中心。",
        "（一）聚焦创新引领，推进转型发展",
        "聚力打造产业链群。实施重点产业链行动。",
        "聚力推进科技创新。坚持以科技创新推动产业创新。",
        "（二）聚焦供需协同，推进经济增长",
        "着力扩大有效投资。树牢大抓项目的导向。",
        "着力稳定工业运行。全力稳住工业基本盘。",
        "全面加强政府自身建设",
        "我们将全面加强政府自身建设。",
        "坚持政治引领。把政治建设摆在首位。",
        "坚持依法行政。全面推进法治政府建设。",
        "各位代表！让我们更加紧密地团结在以习近平同志为核心的党中央周围，而团结奋斗！",
    ]
    js = to_json(parse_lines(lines))
    assert [(p["type"], p["start_line"]) for p in js["parts"]] == [
        ("opening", 1), ("review", 3), ("targets", 8), ("key_tasks", 13), ("self_building", 19), ("closing", 23),
    ]
    review = js["parts"][1]["sections"]
    assert [s["heading"] for s in review] == ["经济运行稳中向好。", "产业结构持续优化。", "民生事业全面进步。"]
    key = js["parts"][3]["sections"]
    assert [s["line"] for s in key] == [13, 16]
    assert [len(s["leads"]) for s in key] == [2, 2]


def test_report_without_any_heading():
    lines = [
        "各位代表：",
        "现在，我代表县人民政府向大会报告工作，请予审议。",
        "过去一年，我们攻坚克难，经济社会发展取得新成效。",
        "我们也清醒看到，发展中还存在不少困难和问题。",
        "今年经济社会发展的主要预期目标是：地区生产总值增长6%。",
        "（一）扩大有效投资。全力以赴抓项目。",
        "（二）促进消费升级。多措并举活跃消费。",
    ]
    js = to_json(parse_lines(lines))
    assert [p["type"] for p in js["parts"]] == ["opening", "review", "targets", "key_tasks"]
    assert [s["line"] for s in js["parts"][3]["sections"]] == [6, 7]


def test_empty_and_tiny_inputs():
    assert to_json(parse_lines([])) == {"parts": []}
    assert to_json(parse_lines(["政府工作报告"]))["parts"] == []
    js = to_json(parse_lines(["各位代表：", "现在，我代表市人民政府向大会报告工作。"]))
    assert [p["type"] for p in js["parts"]] == ["opening"]
