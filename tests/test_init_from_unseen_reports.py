"""`init --from` on two reports it was not written against (style_corpus/more, copied to
tests/fixtures/lastyear with their SOURCES.tsv lines, which name no `place`): 湖州 names
itself only as 「湖州市」 in running text, 益阳's text starts at 「位代表：」 and has no title,
meeting or speaker line at all. Each test failed before its fix.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from drafter.errors import DrafterError
from drafter.lastyear import init_from, read_last, skeleton_from_last
from drafter.parse import about
from drafter.readers import load_report
from drafter.skeleton import skeleton_yaml

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "lastyear"
HUZHOU = FIXTURES / "2024_湖州.txt"
YIYANG = FIXTURES / "2024_益阳.txt"


def _init(tmp_path: Path, last: Path, **kw):
    out = tmp_path / "new.yaml"
    init_from(out, last, force=True, **kw)
    return load_report(out), out.read_text(encoding="utf-8")


def _renamed(tmp_path: Path, source: Path, drop: str | None = None) -> Path:
    """The report under a name that says nothing (去年的报告.txt), in a folder without
    SOURCES.tsv, optionally without the lines containing `drop`."""
    folder = tmp_path / "in"
    folder.mkdir(exist_ok=True)
    path = folder / "去年的报告.txt"
    if drop is None:
        shutil.copy(source, path)
    else:
        lines = source.read_text(encoding="utf-8").splitlines()
        path.write_text("\n".join(x for x in lines if drop not in x) + "\n", encoding="utf-8")
    return path


def test_region_keeps_its_unit_when_the_report_writes_it(tmp_path):
    # the file says 湖州 (a 州 by its last character); the text says 湖州市 twice
    report, text = _init(tmp_path, HUZHOU)
    assert (report.meta.region, report.meta.level) == ("湖州市", "市")
    assert "湖州市2025年政府工作报告" in text.splitlines()[1]


def test_region_and_level_of_a_report_without_a_title(tmp_path):
    report, _ = _init(tmp_path, YIYANG)
    assert (report.meta.region, report.meta.level) == ("益阳市", "市")


def test_level_from_the_opening_when_only_the_region_is_missing(tmp_path):
    path = _renamed(tmp_path, YIYANG)
    last = read_last(path)
    assert "region" not in last.meta and last.meta["level"] == "市"  # 我代表市人民政府
    with pytest.raises(DrafterError, match="识别地区名称，请用 --region"):
        skeleton_from_last(last)
    report, _ = _init(tmp_path, path, region="益阳市")
    assert (report.meta.region, report.meta.level, report.meta.short_name) == ("益阳市", "市", "益")


def test_region_and_level_both_missing_in_one_message(tmp_path):
    path = _renamed(tmp_path, YIYANG, drop="我代表市人民政府，向大会作工作报告")
    with pytest.raises(DrafterError) as err:
        skeleton_from_last(path)
    assert "地区名称和行政层级" in str(err.value) and "--region" in str(err.value) and "--level" in str(err.value)
    report, _ = _init(tmp_path, path, region="益阳市")  # the level follows from the name given
    assert report.meta.level == "市"


def test_short_name_from_the_troops_stationed(tmp_path):
    assert _init(tmp_path, YIYANG)[0].meta.short_name == "益"  # 驻益部队
    assert _init(tmp_path, HUZHOU)[0].meta.short_name == "湖"  # 驻湖人民解放军


def test_province_when_the_report_names_one(tmp_path):
    assert _init(tmp_path, HUZHOU)[0].meta.province == "浙江省"
    assert _init(tmp_path, YIYANG)[0].meta.province == "湖南省"  # 湖南 4 times (山东 only in 梓山东路)


def test_province_left_with_a_hint_when_it_is_not_clear(tmp_path):
    path = _renamed(tmp_path, YIYANG)
    path.write_text(path.read_text(encoding="utf-8").replace("湖南", ""), encoding="utf-8")
    report, text = _init(tmp_path, path, region="益阳市")
    assert report.meta.province is None
    # 梓山东路 is a street, not 山东 (test_init_from_district_county: 南河北路)
    assert "  # 去年的报告没有写明所在省份，请填写" in text.splitlines()


@pytest.mark.parametrize(
    "text, province",
    [
        ("全省第一，美丽浙江，浙江制造", "浙江省"),
        ("全区，宁夏，宁夏，宁夏，闽宁协作，福建", "宁夏回族自治区"),
        ("全省，广西、广西、浙江、浙江", ""),  # a partner named as often: not a guess
        ("全市，与河北协同，河北", ""),  # no province-level word: a municipality's report
        ("全省，山东", ""),  # named once
        ("全省，河南，黄河南岸，淮河南岸，渭河南岸", ""),  # river banks are not 河南: named once
        ("全省，湖南，湖南，平湖北岸，洪湖北岸", "湖南省"),
    ],
)
def test_province_rule(text, province):
    assert about.province_of(text)[0] == province


def test_closing_rider_goes_to_targets_rider(tmp_path):
    report, _ = _init(tmp_path, YIYANG)
    assert report.targets.rider == "在实际工作中争取更好的结果"
    income = next(c for c in report.review.checks if c.name == "居民收入")
    assert income.note is None


@pytest.mark.parametrize("level, unit, reform", [("市", "市", "市发改委"), ("区", "区", "区发改局"), ("县级市", "市", "市发改局")])
def test_departments_named_as_the_examples_name_them(tmp_path, level, unit, reform):
    # examples/xianyang_2024.yaml: dept: 市统计局, 市财政局; 金台区: 区统计局, 区发改局
    report, _ = _init(tmp_path, YIYANG, level=level)
    depts = {f.dept for f in report.review.headline} | {t.dept for t in report.targets.indicators if t.dept}
    assert {f"{unit}统计局", f"{unit}财政局"} <= depts
    assert not {"统计局", "财政局", "发改委"} & depts
    plain = yaml.safe_load(skeleton_yaml("某地", level, 2025))  # plain init: its targets carry depts too
    assert reform in {t["dept"] for t in plain["targets"]["indicators"]}


def test_task_target_keeps_the_offices_words(tmp_path):
    # 「城镇调查失业率控制在省定目标以内」 is judged by `done` as a task the province set, and this
    # year's draft says it in the office's words, not 「完成省下达的目标任务」
    from drafter.api import draft, validate

    report, text = _init(tmp_path, YIYANG)
    check = next(c for c in report.review.checks if c.name == "城镇调查失业率")
    assert check.assigned_by_superior and check.verb is None
    target = next(t for t in report.targets.indicators if t.name == "城镇调查失业率")
    assert (target.qualifier, target.verb) == ("完成上级下达任务", "控制在省定目标以内")
    assert "kind" not in text.split("    - name: 城镇调查失业率\n")[-1].split("    - name:")[0]
    out = tmp_path / "初稿.txt"
    draft(tmp_path / "new.yaml", out)
    body = out.read_text(encoding="utf-8")
    assert "城镇调查失业率控制在省定目标以内" in body
    assert "城镇调查失业率完成省下达的目标任务" not in body.split("主要预期目标")[-1]
    assert "基本同步，在实际工作中争取更好的结果。" in body  # the rider closes the list
    assert not [u for u in validate(tmp_path / "new.yaml").unused if "verb" in str(u)]


def test_glossary_stops_at_the_web_page_footer():
    # 益阳's text was copied from the city's website: 23 notes, then 信息来源：… 湘公网安备：…
    terms = [t for t, _ in read_last(YIYANG).glossary]
    assert terms[-1].startswith("[23]") and len(terms) == 23
    assert not {"信息来源", "责任编辑", "主办单位", "备案号", "网站标识码", "湘公网安备"} & set(terms)
