"""An autonomous prefecture (自治州) as a level of its own: 州长, 州人民政府, 全州各族人民,
中央和省驻州单位 as 凉山's and 黔东南's reports write them (issue 10 §6, H103); and the level
words a draft below an autonomous region must not use (全省 / 省委 in 呼和浩特 or 梧州)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from drafter import api
from drafter.checks import consistency as C
from drafter.checks.findings import CONSISTENCY, ERROR, HINT
from drafter.compose import compose
from drafter.compose.frames import Frame
from drafter.compose.words import Words
from drafter.errors import DrafterError
from drafter.model import Meta
from drafter.model.depts import department
from drafter.office.catalogue import catalogue_for
from drafter.writers.text import render_text
from tests.test_check_helpers import check, edit_docx, make_draft

ROOT = Path(__file__).resolve().parent.parent
FIGURES_ONLY = ROOT / "tests" / "fixtures" / "figures_only"
LIANGSHAN = FIGURES_ONLY / "liangshan_2025_figures.yaml"
WUZHOU = FIGURES_ONLY / "wuzhou_2025_figures.yaml"  # 梧州市, 广西壮族自治区
CORPUS_MORE = ROOT / "style_corpus" / "more"

# a prefecture city's words, wrong in a 州's draft (the draft of H97's user had eight of them)
CITY_WORDS = re.compile(r"市长|市人民政府|市政府|市政协|市人大|市委|全市|我市|本市|驻凉")


@pytest.fixture(scope="module")
def liangshan_drafts():
    report = api.load(LIANGSHAN)
    return [render_text(compose(report, seed=s)) for s in range(4)]


def test_a_zhou_figures_only_draft_speaks_as_a_zhou(liangshan_drafts):
    for text in liangshan_drafts:
        assert not CITY_WORDS.search(text), CITY_WORDS.findall(text)
        assert "凉山彝族自治州州长" in text
        assert "我代表州人民政府" in text and "州政协委员" in text
        assert re.search("在省委、省政府和州委的?坚强领导下", text)
        assert "全州各族人民" in text  # 凉山 and 黔东南 both thank 全州各族人民
        assert "中央和省驻州单位" in text and "驻州部队" in text  # as 凉山's report: 驻州, not 驻凉
        assert "关心支持凉山发展" in text  # the place of 凉山彝族自治州 is 凉山, not 凉山彝族


def test_zhou_words_and_departments():
    w = Words.of(Meta(region="凉山彝族自治州", level="州", year=2025, province="四川省"))
    assert (w.unit, w.scope, w.gov, w.party, w.people, w.place, w.outside) == (
        "州", "全州", "州人民政府", "州委", "全州各族人民", "凉山", "中央和省驻")
    assert w.speaker_title == "凉山彝族自治州州长" and w.leadership == "省委、省政府和州委"
    # a 州 of an autonomous region (伊犁 in 新疆) compares with 全区 and names 自治区党委
    xj = Words.of(Meta(region="伊犁哈萨克自治州", level="州", year=2025, province="新疆维吾尔自治区"))
    assert (xj.leadership, xj.superior_scope, xj.place) == ("自治区党委、政府和州委", "全区", "伊犁")
    assert department("发改委", "州") == "州发改委"
    assert department("凉山州统计局", "州", "凉山彝族自治州") == "州统计局"
    assert department("凉山彝族自治州统计局", "州", "凉山彝族自治州") == "州统计局"
    assert "州统计局" in catalogue_for("州")


def test_division_addresses_the_counties_of_a_zhou(tmp_path):
    import docx

    out = tmp_path / "分工.docx"
    api.division(LIANGSHAN, out)
    paras = [p.text for p in docx.Document(str(out)).paragraphs]
    assert "各县（市）人民政府，州人民政府各工作部门、各直属机构：" in paras


@pytest.mark.parametrize("level, says", [("盟", "暂不支持“盟”"), ("地区", "暂不支持“地区”"), ("自治州", "请填 州")])
def test_levels_without_a_report_are_refused_with_what_to_do(tmp_path, level, says):
    data = yaml.safe_load(LIANGSHAN.read_text(encoding="utf-8"))
    data["meta"]["level"] = level
    path = tmp_path / "d.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(DrafterError) as e:
        api.load(path)
    [line] = [x for x in e.value.lines() if "meta.level" in x]
    assert says in line and line.startswith(f"{path}:")
    with pytest.raises(DrafterError, match=says):
        api.init(tmp_path / "s.yaml", "锡林郭勒盟", level, 2025)


@pytest.mark.parametrize("report, region", [("2024_凉山.txt", "凉山州"), ("2024_黔东南.txt", "黔东南州")])
def test_init_from_a_zhou_report_gives_level_zhou(tmp_path, report, region):
    out = tmp_path / "d.yaml"
    api.init_from(out, CORPUS_MORE / report)
    meta = yaml.safe_load(out.read_text(encoding="utf-8"))["meta"]
    assert (meta["region"], meta["level"]) == (region, "州")
    assert api.load(out).meta.level == "州"


@pytest.fixture(scope="module")
def liangshan_docx(tmp_path_factory):
    return make_draft(LIANGSHAN, tmp_path_factory.mktemp("ls") / "初稿.docx")


def _level_findings(result):
    return [f for f in result.group(CONSISTENCY) if f.kind == C.LEVEL]


def test_check_flags_quanshi_in_a_zhou_draft(liangshan_docx, tmp_path):
    result, _ = check(LIANGSHAN, draft=liangshan_docx)
    assert _level_findings(result) == []
    edited = tmp_path / "改.docx"
    edit_docx(liangshan_docx, edited, "我们也清醒认识到", "全市上下也清醒认识到")
    [f] = _level_findings(check(LIANGSHAN, draft=edited)[0])
    assert f.severity == HINT and "“全市”" in f.message and "全州" in f.message


def test_a_composition_of_a_zhou_has_no_other_level_words():
    result, _ = check(LIANGSHAN)
    assert _level_findings(result) == []


def test_check_flags_quansheng_below_an_autonomous_region(tmp_path):
    draft = make_draft(WUZHOU, tmp_path / "初稿.docx")
    result, _ = check(WUZHOU, draft=draft)
    assert _level_findings(result) == []  # its own 全区 and 完成自治区下达的 are right
    edited = tmp_path / "改.docx"
    edit_docx(draft, edited, "我们也清醒认识到", "在省委、省政府的坚强领导下，全省上下也清醒认识到")
    found = {re.search(r"“(\S+?)”应为“(\S+?)”", f.message).groups() for f in _level_findings(check(WUZHOU, draft=edited)[0])}
    assert found == {("省委", "自治区党委"), ("省政府", "自治区政府"), ("全省", "全区")}


def test_quansheng_in_a_composition_below_an_autonomous_region_is_an_error(tmp_path):
    templates = tmp_path / "tpl"
    templates.mkdir()
    from drafter.resources import templates_dir

    text = (templates_dir() / "closing.j2").read_text(encoding="utf-8")
    (templates / "closing.j2").write_text(text.replace("各位代表！\n", "各位代表！全省人民！\n", 1), encoding="utf-8")
    [f] = _level_findings(check(WUZHOU, templates=templates)[0])
    assert f.severity == ERROR and "全省" in f.message and "全区" in f.message


def test_frames_of_a_zhou_prefer_zhou_then_city_wording():
    def frame(*levels: str) -> Frame:
        return Frame("新增{指标}{数}{单位}", "x", 10, 5, frozenset({"四川"}), frozenset(levels))

    own, city, district = frame("州"), frame("市"), frame("区")
    assert own.weight("", "州") > city.weight("", "州") > district.weight("", "州")
    # other levels weigh as before: seen × 3, unseen × 2
    assert city.weight("", "市") == 3 * (1 + 5) * 2 and district.weight("", "市") == 2 * (1 + 5) * 2
