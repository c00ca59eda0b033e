"""`init --from` on reports it was not written against (H108, from the H99 audit of 136 reports):
who speaks, the short name, the leadership, the region of a renamed copy, sections marked 1、,
a report without part headings, and what numbered / --level say. Reports in
tests/fixtures/lastyear_h108 (README.md there), copied unchanged; the messy forms (1、 for （一）,
第一部分 for 一、, a file named 政府工作报告.txt) are made here, as an office's copy would be."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from drafter.errors import DrafterError
from drafter.lastyear import read_last, skeleton_from_last
from drafter.parse import parse_lines, read_lines
from drafter.parse.about import about, leadership_in

ROOT = Path(__file__).resolve().parent.parent
FIX = ROOT / "tests" / "fixtures" / "lastyear_h108"
CORPUS = ROOT / "style_corpus"
CN = "一二三四五六七八九十"


def _arabic(text: str) -> str:
    """（一）… at a line start written 1、…, as some offices number the level under 一、."""
    def number(m: re.Match) -> str:
        s = m.group(1)
        n = CN.index(s) + 1 if len(s) == 1 else 10 + (CN.index(s[-1]) + 1 if len(s) == 2 else 0)
        return f"{n}、"
    return re.sub(r"(?m)^（([一二三四五六七八九十]{1,2})）", number, text)


def _copy(tmp_path: Path, src: Path, text: str, name: str | None = None) -> Path:
    out = tmp_path / (name or src.name)
    out.write_text(text, encoding="utf-8")
    return out


def test_speaker_on_the_meeting_line():
    # 「——2024年2月29日在玉林市第六届人民代表大会第六次会议上 市长 张惠强」
    last = read_last(FIX / "2024_玉林.txt")
    assert (last.meta["speaker"], last.meta["speaker_title"]) == ("张惠强", "玉林市市长")
    assert last.meeting == "玉林市第六届人民代表大会第六次会议"
    lines = read_lines(FIX / "2024_玉林.txt")
    info = about(parse_lines(lines), lines, FIX / "2024_玉林.txt")
    assert (info.speaker, info.speaker_title) == ("张惠强", "市长")


@pytest.mark.parametrize("city, short", [("南京", "宁"), ("广州", "穗"), ("眉山", "眉"), ("绵阳", "绵")])
def test_short_name_written_the_traditional_way(city, short):
    # 驻宁人民解放军 / 驻穗解放军和武警: not the place's first character
    assert read_last(FIX / f"2024_{city}.txt").meta.get("short_name") == short


def test_short_name_second_character():
    # 中卫's 驻卫部队: the name's second character, as 驻肥 of 合肥
    assert read_last(CORPUS / "2022_中卫市.txt").meta["short_name"] == "卫"


def test_leadership_ending_with_a_superior_government():
    assert leadership_in("是党中央国务院、省委省政府坚强领导的结果") == "省委省政府"
    assert leadership_in("是自治区党委、自治区人民政府坚强领导的结果") == "自治区党委、自治区人民政府"
    assert leadership_in("在自治区党委、政府坚强领导和市委直接领导下") == "自治区党委、政府"
    # 是…省委省政府坚强领导的结果，是市委团结带领…的结果: one chain
    assert read_last(FIX / "2024_杭州.txt").meta["leadership"] == "省委省政府和市委"
    assert read_last(FIX / "2024_玉林.txt").meta["leadership"] == "自治区党委、政府"


def test_region_of_a_renamed_copy(tmp_path):
    src = FIX / "2024_崇左.txt"
    path = _copy(tmp_path, src, src.read_text(encoding="utf-8"), "政府工作报告.txt")
    last = read_last(path)
    assert (last.meta["region"], last.meta["level"]) == ("崇左市", "市")


def test_sections_marked_1_under_the_parts(tmp_path):
    # 广州 with its （一） written 1、: the same 11 areas and 8 review sections, not the 47 leads
    src = FIX / "2024_广州.txt"
    clean = read_last(src)
    messy = read_last(_copy(tmp_path, src, _arabic(src.read_text(encoding="utf-8"))))
    assert len(clean.areas) == 11 and len(clean.sections) == 8
    assert [re.sub(r"^\d+、", "", a) for a in messy.areas] == [re.sub(r"^（.+?）", "", a) for a in clean.areas]
    assert len(messy.sections) == len(clean.sections)
    assert messy.structure["review_marker"] == messy.structure["task_marker"] == "（一）"
    assert messy.self_items == clean.self_items and len(clean.self_items) == 5


def test_sections_marked_1_across_the_corpus(tmp_path):
    # every style_corpus report whose key tasks are （一）-marked keeps its areas when they are 1、
    checked = 0
    for src in sorted(CORPUS.glob("*.txt")):
        clean = read_last(src)
        if clean.structure.get("task_marker") != "（一）":
            continue
        messy = read_last(_copy(tmp_path, src, _arabic(src.read_text(encoding="utf-8"))))
        assert len(messy.areas) == len(clean.areas), src.name
        checked += 1
    assert checked >= 10


def test_a_numbered_list_before_the_sections_is_not_them():
    # 眉山: 1.–10. (the year's projects) under 2024年工作安排, then （一）…（十）
    last = read_last(FIX / "2024_眉山.txt")
    assert len(last.areas) == 10 and all(re.match(r"^（[一二三四五六七八九十]+）聚力", a) for a in last.areas)


def test_report_without_part_headings(tmp_path):
    # 绵阳: no 一、 part heading, no numbered section: the targets and problems are carried, the
    # loosely guessed sections are not, and a comment says so
    last = read_last(FIX / "2024_绵阳.txt")
    assert len(last.targets) >= 9 and len(last.problems) >= 5
    assert last.sections == [] and last.areas == []
    text = skeleton_from_last(last)
    assert "去年的报告没有部分标题和分项编号" in text


@pytest.mark.parametrize("style", ["第{}部分　", "{}. "])
def test_numbered_whatever_the_part_marker(tmp_path, style):
    src = FIX / "2024_玉林.txt"
    text = re.sub(r"(?m)^([一二三四五六七八九十]{1,2})、(?=.{0,40}$)", lambda m: style.format(m.group(1)),
                  src.read_text(encoding="utf-8"))
    assert text != src.read_text(encoding="utf-8")
    assert read_last(_copy(tmp_path, src, text)).structure["numbered"] is True


def test_level_not_supported_says_why(tmp_path):
    src = FIX / "2024_玉林.txt"
    shutil.copy(src, tmp_path / src.name)
    with pytest.raises(DrafterError, match="暂不支持“盟”"):
        skeleton_from_last(read_last(tmp_path / src.name), level="盟")
