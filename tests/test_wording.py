"""Wording right for the place: the leadership chain of the level, required content under
every seed, no seams where office text meets template text, no other province's slogan, and
the model's ways of saying what real reports say (区政府, 清苑区, a part's subtitle …).

Drafted from the three examples (real reports transcribed) with the shipped phrase bank."""

from __future__ import annotations

import copy
import re
from functools import cache

import pytest

from drafter.api import load
from drafter.compose import compose
from drafter.compose.typography import tidy
from drafter.compose.words import Words, fits_place, running_name
from drafter.model import Meta, Report
from drafter.phrases.bank import default_bank
from drafter.tree import Run, Source
from drafter.writers.text import render_text
from tests.conftest import EXAMPLES

EXAMPLE_NAMES = ("xianyang_2024.yaml", "jintai_2023", "gaoping_2024.yaml")
SEEDS = range(21)


@cache
def _example(name: str) -> dict:
    return load(EXAMPLES / name).model_dump(exclude_unset=True)


def _report(name: str, **changes) -> Report:
    """An example with some fields changed; a value None removes the field (the office left
    it out), so the draft falls back to the bank and the templates' defaults."""
    data = copy.deepcopy(_example(name))
    for dotted, value in changes.items():
        *path, leaf = dotted.split(".")
        node = data
        for key in path:
            node = node.setdefault(key, {})
        if value is None:
            node.pop(leaf, None)
        else:
            node[leaf] = value
    return Report.model_validate(data)


def _doc(report: Report, seed: int = 0):
    return compose(report, seed=seed, bank=default_bank())


def _paras(report: Report, seed: int = 0) -> list[str]:
    return render_text(_doc(report, seed)).splitlines()


def _closing(lines: list[str]) -> str:
    return next(line for line in reversed(lines) if line.startswith("各位代表") and "团结在" in line)


def _thanks(lines: list[str]) -> str:
    return next(line for line in lines if "我代表" in line and "感谢" in line)


# Defaults exercised: the office left the closing's wording and the review's attribution out.
BARE = {
    "closing.couplet": None, "closing.spirit": None, "closing.ending": None,
    "review.thanks.attribution": None, "review.thanks.preface": None, "meta.leadership": None,
    "closing.leadership": None,
}


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_required_content_survives_every_seed(name):
    """「在……的坚强领导下」 in the closing and 「是……坚强领导的结果」 in the review, with the
    level's chain, under seeds 0..20 — as the office wrote it and with the wording left out."""
    for report in (_report(name), _report(name, **BARE)):
        chain = Words.of(report.meta).leadership
        for seed in SEEDS:
            lines = _paras(report, seed)
            closing = _closing(lines)
            own = report.closing.leadership  # the office's own line wins (高平: 在市委的坚强领导下)
            assert (own in closing) if own else re.search(f"在{chain}的?(坚强|正确)领导下", closing), (name, seed, closing)
            if report.review.thanks.attribution is None:  # the office's own sentence wins
                thanks = _thanks(lines)
                assert re.search(f"(是|于){chain}", thanks), (name, seed, thanks)


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_no_seams_under_any_seed(name):
    doubled = re.compile(r"([。，、；：！？])\1|[。！？]”[。，；]|为为")
    for report in (_report(name), _report(name, **BARE)):
        for seed in (0, 1, 2, 7, 13):
            for line in _paras(report, seed):
                assert not doubled.search(line), (name, seed, line)


def test_leadership_chain_names_the_prefecture():
    """A 县级市 with its parent city: 晋城市委、市政府和高平市委 in the review and the closing
    (not 上级党委、政府和市委); a 区: 市委、市政府和区委, as the 2023 金台 report writes."""
    gaoping = _report("gaoping_2024.yaml", **BARE)
    assert Words.of(gaoping.meta).leadership == "晋城市委、市政府和高平市委"
    for seed in (0, 1, 2):
        lines = _paras(gaoping, seed)
        assert re.search("在晋城市委、市政府和高平市委的?坚强领导下", _closing(lines))
        assert re.search("(是|于)晋城市委、市政府和高平市委", _thanks(lines))
        assert "上级党委" not in "".join(lines)
    jintai = _report("jintai_2023", **BARE)
    lines = _paras(jintai, 2)
    assert "市委、市政府和区委" in _thanks(lines) and "省委" not in _thanks(lines)
    corpus = (EXAMPLES.parent / "style_corpus" / "2023_金台区.txt").read_text(encoding="utf-8")
    assert "在市委、市政府和区委的坚强领导下" in corpus
    # an autonomous prefecture and a 县级市 directly under its province
    meta = Meta(region="珲春市", level="县级市", year=2024, parent="延边朝鲜族自治州")
    assert Words.of(meta).leadership == "延边州委、州政府和珲春市委"
    meta = Meta(region="仙桃市", level="县级市", year=2024, parent="湖北省")
    assert Words.of(meta).leadership == "省委、省政府和市委"


def test_mined_sentences_naming_the_wrong_level_are_refused():
    """From the bank: 安康's 「省委、省政府坚强领导」 and 中卫's 「自治区党委和政府」 fit a 市 of
    the right province only; a district's draft never gets them."""
    district = Words.of(Meta(region="金台区", level="区", year=2023))
    city = Words.of(Meta(region="咸阳市", level="市", year=2024))
    texts = {
        e.text for e in default_bank().of("formula", "review.thanks_attribution")
    }
    ankang = next(t for t in texts if "省委、省政府坚强领导" in t)
    zhongwei = next(t for t in texts if "自治区党委和政府" in t)
    assert not fits_place(ankang, district, "陕西省")
    assert fits_place(ankang, city, "陕西省")
    assert not fits_place(zhongwei, city, "陕西省")
    assert fits_place(zhongwei, city, "宁夏回族自治区")
    assert not fits_place("现在，我代表清苑区人民政府向大会报告工作。", Words.of(
        Meta(region="清苑区", level="区", year=2024, government="政府")), None)


def test_no_shaanxi_slogan_outside_shaanxi():
    """The default spirit is national wording; 追赶超越 (one Shaanxi report) only for 陕西省."""
    shanxi = _report("gaoping_2024.yaml", **BARE)
    spirits = {_closing(_paras(shanxi, s)) for s in SEEDS}
    assert not any("追赶超越" in c for c in spirits)
    assert any("踔厉奋发" in c for c in spirits) and len(spirits) > 1
    elsewhere = _report("xianyang_2024.yaml", **BARE, **{"meta.province": "江西省"})
    assert not any("追赶超越" in _closing(_paras(elsewhere, s)) for s in SEEDS)


def test_attribution_follows_the_achievements():
    """Without a preface the attribution does not open with 「这是」 (its 这 would point at the
    paragraph before: self-building, other work or a single highlight)."""
    for name in EXAMPLE_NAMES:
        report = _report(name, **BARE)
        for seed in SEEDS:
            thanks = _thanks(_paras(report, seed))
            assert not thanks.startswith(("各位代表！这是", "各位代表！这一切")), (name, seed, thanks)


def _j(*runs: Run) -> str:
    return "".join(r.text for r in tidy(list(runs)))


def _d(text: str) -> Run:
    return Run(text, Source("data", "x"))


def _t(text: str) -> Run:
    return Run(text, Source("template", "t.j2:1"))


def test_seams_between_office_and_template_text():
    # 金台's vision is written with its own 为
    assert _j(_t("，为"), _d("为加快推进转型突破"), _t("而团结奋斗！")) == "，为加快推进转型突破而团结奋斗！"
    # a quotation closed inside the office's sentence
    assert _j(_d("行百里者半九十，持则可圆。”"), _t("。")) == "行百里者半九十，持则可圆。”"
    assert _j(_d("坚持“增彩延绿”"), _t("。")) == "坚持“增彩延绿”。"
    # notes and riders keep the office's punctuation instead of the template's comma
    assert _j(_t("，"), _d("、稳居全省第一"), _t("。")) == "、稳居全省第一。"
    assert _j(_d("增长6%左右；"), _t("，"), _d("在实际工作中争取更好结果")) == "增长6%左右；在实际工作中争取更好结果"
    # a sentence's end still beats a dangling comma, and the office's own doubled words stay
    assert _j(_d("发展，"), _t("。")) == "发展。"
    assert _j(_d("认认真真为为民办实事")) == "认认真真为为民办实事"


def test_closing_vision_with_its_own_wei():
    report = _report("jintai_2023", **{"closing.ending": None})
    closing = _closing(_paras(report))
    assert "为加快推进转型突破、建设全市首善之区而团结奋斗！" in closing and "为为" not in closing


def test_rider_keeps_its_punctuation():
    report = _report("xianyang_2024.yaml", **{"targets.rider": "；在实际工作中争取更好结果"})
    text = "\n".join(_paras(report))
    assert "；在实际工作中争取更好结果。" in text and "，；" not in text


# -- model additions --------------------------------------------------------------------

def test_livelihood_notice_without_items():
    notice = "今年，区政府将继续办好十件民生实事"
    report = _report("jintai_2023", **{"key_tasks.livelihood": {"intro": notice, "note": "具体项目经区人大代表票决后另行印发"}})
    lines = _paras(report)
    assert f"{notice}。具体项目经区人大代表票决后另行印发。" in lines


def _self_building(layout: str) -> Report:
    items = [
        {"lead": "旗帜鲜明讲政治", "text": "坚决做到“两个维护”。"},
        {"lead": "依法履职守规矩", "text": "自觉接受人大依法监督。"},
        {"lead": "", "text": "严格落实中央八项规定精神。"},  # "" : no lead, no suggestion
    ]
    return _report("jintai_2023", **{"self_building.items": items, "self_building.layout": layout})


def test_self_building_in_one_paragraph():
    one = _paras(_self_building("一是"))
    assert any(
        line.endswith("一是旗帜鲜明讲政治。坚决做到“两个维护”。二是依法履职守规矩。自觉接受人大依法监督。"
                      "三是严格落实中央八项规定精神。") for line in one
    )
    lead_only = _report("jintai_2023", **{"self_building.layout": "一是", "self_building.items": [
        {"lead": "旗帜鲜明讲政治", "text": "坚决做到“两个维护”。"}, {"lead": "坚持依法行政"}]})
    assert any(line.endswith("二是坚持依法行政。") for line in _paras(lead_only))  # not 「。。」 (H100)
    inline = _paras(_self_building("inline"))
    assert any(line.endswith("旗帜鲜明讲政治。坚决做到“两个维护”。依法履职守规矩。自觉接受人大依法监督。严格落实中央八项规定精神。")
               for line in inline)
    doc = _doc(_self_building("paragraphs"))
    part = next(p for p in doc.parts if p.type == "self_building")
    assert [plain(p.lead) for p in part.blocks[1:]] == ["旗帜鲜明讲政治。", "依法履职守规矩。", ""]


def plain(runs: list[Run]) -> str:
    return "".join(r.text for r in runs)


def test_government_names_itself_qu_zhengfu():
    report = _report("jintai_2023", **{"meta.government": "政府", "opening.audience": None})
    for seed in (0, 1, 2, 3):
        lines = _paras(report, seed)
        opening = next(line for line in lines if line.startswith("现在，我代表"))
        assert opening.startswith("现在，我代表区政府"), (seed, opening)
        assert "我代表区政府，向" in _thanks(lines)
        assert "区人民政府" not in opening + _thanks(lines)


def test_opening_and_closing_wording_overrides():
    report = _report("jintai_2023", **{
        "opening.salutation": "各位代表、同志们：",
        "opening.report": "现在，我代表区政府向大会报告工作，请予审议。",
        "closing.salutation": "各位代表、同志们！",
        "closing.rally": "让我们紧密团结在以习近平同志为核心的党中央周围",
        "closing.leadership": "在市委正确领导下",
    })
    for seed in (0, 2):
        lines = _paras(report, seed)
        assert "各位代表、同志们：" in lines and "现在，我代表区政府向大会报告工作，请予审议。" in lines
        closing = _closing(lines)
        assert closing.startswith("各位代表、同志们！踏浪前行风正劲，勇立潮头争一流。让我们紧密团结在以习近平同志为核心的党中央周围，在市委正确领导下，团结依靠全区人民")
        assert "坚强领导下" not in closing
        # the review's chain is its own
        assert "市委、市政府和区委" in "".join(lines) or report.review.thanks.attribution


def test_closing_leadership_alone_with_mined_rally():
    report = _report("jintai_2023", **{**BARE, "closing.leadership": "在市委正确领导下"})
    for seed in SEEDS:
        lines = _paras(report, seed)
        closing = _closing(lines)
        assert closing.count("领导下") == 1 and "在市委正确领导下，" in closing, (seed, closing)
        assert "市委、市政府和区委" in _thanks(lines), seed


def test_short_name_derived_from_the_region():
    assert running_name("保定市清苑区", "区") == "清苑区"
    assert running_name("河北省保定市清苑区", "区") == "清苑区"
    assert running_name("徐州市丰县", "县") == "丰县"
    assert running_name("沙市区", "区") == "沙市区"  # 沙 alone is no prefecture
    assert running_name("咸阳市", "市") == "咸阳市"
    w = Words.of(Meta(region="保定市清苑区", level="区", year=2024))
    assert (w.name, w.place, w.short_name, w.scope) == ("清苑区", "清苑", "清苑", "全区")
    w = Words.of(Meta(region="保定市清苑区", level="区", year=2024, name="清苑", place="清苑"))
    assert (w.name, w.place) == ("清苑", "清苑")
    report = _report("jintai_2023", **{"meta.region": "保定市清苑区", "meta.parent": "保定市", "meta.short_name": None,
                                       "review.thanks.to": None})
    text = "".join(_paras(report))
    assert "所有关心支持清苑发展的各界人士" in text and "保定市清苑发展" not in text


def test_part_subtitle_under_its_heading():
    report = _report("jintai_2023", **{"structure.subtitles": {
        "review": "经济稳中有进、发展质效向好", "key_tasks": "——奋力开创高质量发展新局面"}})
    doc = _doc(report)
    review = next(p for p in doc.parts if p.type == "review")
    first = review.blocks[0]
    assert first.role == "subtitle" and first.text == "——经济稳中有进、发展质效向好"
    plan = next(p for p in doc.parts if p.type == "targets")
    assert plan.blocks[0].text == "——奋力开创高质量发展新局面"


def test_suggested_leads_are_sentences_of_their_own():
    """Leads left out in the 咸阳 key tasks: each suggestion ends with its own 。 and the
    measures begin after it."""
    data = copy.deepcopy(_example("xianyang_2024.yaml"))
    for area in data["key_tasks"]["areas"]:
        for item in area["items"]:
            item.pop("lead", None)
    doc = _doc(Report.model_validate(data), seed=1)
    leads = [p for part in doc.parts if part.type == "key_tasks" for s in part.sections for p in s.blocks if p.lead]
    assert leads, "the bank offers leads for the 咸阳 measures"
    for p in leads:
        assert p.lead[-1].text.endswith("。"), plain(p.lead)
        # a suggestion, or the lead's placeholder where none fits
        assert any(r.source.kind in ("suggestion", "placeholder") for r in p.lead)
    assert sum(any(r.source.kind == "suggestion" for r in p.lead) for p in leads) > len(leads) / 2


# -- figures-only data: joins that read as a report (issue 10) ---------------------------
# Template wording only (no bank): exact sentences, whatever the bank's suggestions are.

from drafter.phrases.bank import Bank  # noqa: E402

NO_BANK = Bank([])
FIGURES = "xianyang_2024_figures.yaml"
SB_INTRO = "新的一年，我们将坚持把党的全面领导贯穿政府工作各方面全过程，以更高标准加强政府自身建设，努力建设人民满意的政府。"
# 咸阳's self-building stands before the closing without a heading: its intro speaks to the deputies,
# or it reads as the last key-task area going on (whole read H48)
ADDRESSED = "各位代表，" + SB_INTRO


def _texts(report: Report, part_type: str) -> list[str]:
    doc = compose(report, seed=0, bank=NO_BANK)
    return [p.text for part, _, p in doc.paragraphs() if part.type == part_type]


def test_self_building_phrases_without_leads_join_into_sentences():
    """「坚决做到“两个维护”」「精文减会」 with no lead: never lines without a stop. Laid out as
    paragraphs, each is one under its lead, the placeholder where no suggestion fits (issue 10,
    H71: joined onto the intro they read as its tail); inline, one sentence joined by ，."""
    items = [{"text": "坚决做到“两个维护”"}, {"text": "巩固拓展主题教育成果"},
             {"lead": "严守纪律规矩", "text": "严格落实中央八项规定精神"}, {"text": "精文减会"},
             {"text": "带头过紧日子"}]
    report = _report(FIGURES, **{"self_building.items": items, "self_building.layout": "paragraphs"})
    assert _texts(report, "self_building") == [
        ADDRESSED, "【待补充：引领句】。坚决做到“两个维护”。", "【待补充：引领句】。巩固拓展主题教育成果。",
        "严守纪律规矩。严格落实中央八项规定精神。", "【待补充：引领句】。精文减会。", "【待补充：引领句】。带头过紧日子。",
    ]
    report = _report(FIGURES, **{"self_building.items": items, "self_building.layout": "inline"})
    assert _texts(report, "self_building") == [
        ADDRESSED + "坚决做到“两个维护”，巩固拓展主题教育成果。严守纪律规矩。严格落实中央八项规定精神，精文减会，带头过紧日子。"]


def test_self_building_sentences_keep_their_paragraphs():
    """An item the office wrote as a sentence (ends 。) stays a paragraph; a lead given as ""
    (no lead wanted) keeps its item apart; every paragraph ends with 。."""
    items = [{"text": "坚决做到“两个维护”。"}, {"lead": "", "text": "精文减会"}, {"lead": "严守纪律规矩", "text": "带头过紧日子"}]
    report = _report(FIGURES, **{"self_building.items": items, "self_building.layout": "paragraphs"})
    assert _texts(report, "self_building") == [
        ADDRESSED, "坚决做到“两个维护”。", "精文减会。", "严守纪律规矩。带头过紧日子。"]
    report = _report(FIGURES, **{"self_building.items": items, "self_building.placement": "part",
                                 "self_building.layout": "paragraphs"})
    assert _texts(report, "self_building")[0] == SB_INTRO  # under its own heading: no address


def test_highlight_without_title_prints_no_frame():
    facts = [{"name": "生产总值", "value": 2878, "unit": "亿元"}]
    highlights = [{"facts": facts}, {"title": "西安—咸阳一体化取得重大成果"}, {}, {"title": ""}]
    report = _report(FIGURES, **{"review.highlights": highlights})
    review = _texts(report, "review")
    assert "生产总值达到2878亿元。" in review or "生产总值2878亿元。" in review, review[:4]
    assert "这一年，西安—咸阳一体化取得重大成果。" in review
    assert not any(t.startswith("这一年，") and t != "这一年，西安—咸阳一体化取得重大成果。" for t in review), review[:5]


def test_review_intro_placeholder_is_a_sentence_of_its_own():
    review = _texts(_report(FIGURES), "review")
    assert review[0].startswith("【待补充：年度总述】。全年生产总值达到2878亿元")
    filled = _texts(_report(FIGURES, **{"review.intro": "一年来，全市经济社会发展取得新成效。"}), "review")
    assert filled[0].startswith("一年来，全市经济社会发展取得新成效。全年生产总值达到2878亿元")
    unfinished = _texts(_report(FIGURES, **{"review.intro": "一年来，全市经济社会发展取得新成效，"}), "review")
    assert unfinished[0].startswith("一年来，全市经济社会发展取得新成效，全年生产总值") and "，。" not in unfinished[0]


def test_requirements_placeholder_and_its_filled_sentence():
    targets = _texts(_report(FIGURES), "targets")
    assert targets[0].endswith("做好今年政府工作，总体要求是：【待补充：总体要求】。")
    filled = _texts(_report(FIGURES, **{"targets.requirements": "做好今年政府工作，要坚持稳中求进工作总基调"}), "targets")
    assert filled[0].endswith("关键一年。做好今年政府工作，要坚持稳中求进工作总基调。")
    none = _texts(_report(FIGURES, **{"targets.requirements": ""}), "targets")
    assert none[0] == "今年是实现“十四五”规划目标任务的关键一年。"


def test_vision_placeholder_and_its_filled_sentence():
    closing = _texts(_report(FIGURES), "closing")[-1]
    assert closing.endswith("为【待补充：奋斗目标】而团结奋斗！")
    for vision in ("加快建设现代化“西部名市丝路名都”", "为加快建设现代化“西部名市丝路名都”"):
        closing = _texts(_report(FIGURES, **{"closing.vision": vision}), "closing")[-1]
        assert closing.endswith("，为加快建设现代化“西部名市丝路名都”而团结奋斗！"), closing


def test_livelihood_items_counted_as_categories():
    """咸阳 lists 10 categories of 民生实事, not ten projects (whole read of the twin)."""
    items = ["稳岗就业", "教育均衡", "健康惠民"]
    plain = _texts(_report(FIGURES, **{"key_tasks.livelihood": {"items": items}}), "key_tasks")
    assert "今年，市政府将集中力量办好三件民生实事：一是稳岗就业；二是教育均衡；三是健康惠民。" in plain
    as_kinds = _texts(_report(FIGURES, **{"key_tasks.livelihood": {"items": items, "counted_as": "大类"}}), "key_tasks")
    assert "今年，市政府将集中力量办好三大类民生实事：一是稳岗就业；二是教育均衡；三是健康惠民。" in as_kinds


def test_livelihood_note_alone_opens_no_stop():
    report = _report(FIGURES, **{"key_tasks.livelihood": {"note": "具体项目经市人大代表票决后另行印发"}})
    assert "具体项目经市人大代表票决后另行印发。" in _texts(report, "key_tasks")


def test_another_provinces_literary_name_is_refused():
    """「津沽大地发生的变化」 (a Tianjin report) drew into a Shaanxi draft by seed 1."""
    xianyang = Words.of(load(EXAMPLES / "xianyang_2024.yaml").meta)
    tianjin = "过去一年的生动实践，使我们深切感受到，津沽大地发生的变化、取得的成绩，是团结奋斗的结果。"
    assert not fits_place(tianjin, xianyang, "陕西省")
    assert fits_place(tianjin, xianyang, "天津市")
    assert not fits_place("奋力谱写三秦大地新篇章。", xianyang, "山西省")
    assert fits_place("奋力谱写三秦大地新篇章。", xianyang, "陕西省")
    for seed in range(6):
        assert "津沽" not in "".join(_paras(_report(FIGURES), seed))


def test_a_city_named_as_its_province_keeps_its_unit():
    """吉林省吉林市 thanks those 关心支持吉林市发展: 吉林 alone is the province (H97)."""
    from drafter.compose.words import Words
    from drafter.model import Meta

    jilin = Words.of(Meta(region="吉林市", level="市", year=2025, province="吉林省"))
    assert jilin.place == "吉林市"
    assert Words.of(Meta(region="咸阳市", level="市", year=2025, province="陕西省")).place == "咸阳"
    assert Words.of(Meta(region="吉林市", level="市", year=2025, province="吉林省", place="江城")).place == "江城"
