"""What a report says about itself (drafter.parse.about), shared by the miner and `init --from`.

CORPUS FIGURES (test_every_shipped_report): about() on every shipped report
(style_corpus/*.txt, 25) against tests/fixtures/corpus/index.tsv (place, admin_level,
plan_year), no SOURCES.tsv consulted (each report is read from a copy in a folder without
one):

    region      25/25  (长沙市望城区, 芜湖市繁昌区 and 青岛市黄岛区（西海岸新区） in full, from the title)
    level       24/25  (大安市 is a county-level city whose report never names its prefecture:
                        市, with the hint asking to check it; 高平 and 珲春 are found 县级市)
    plan year   25/25
"""

from __future__ import annotations

import csv
import shutil
import subprocess
import sys
from pathlib import Path

from drafter.parse import parse_lines, read_lines
from drafter.parse.about import ReportInfo, about, leadership_in

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "style_corpus"
INDEX = ROOT / "tests" / "fixtures" / "corpus" / "index.tsv"
REPORTS = sorted(CORPUS.glob("*.txt"))


def _about(path: Path) -> ReportInfo:
    lines = read_lines(path)
    return about(parse_lines(lines), lines, path)


def _index() -> dict[str, dict[str, str]]:
    with INDEX.open(encoding="utf-8", newline="") as f:
        return {r["file"]: r for r in csv.DictReader(f, delimiter="\t")}


def test_every_shipped_report(tmp_path):
    index = _index()
    assert len(REPORTS) == len(index) == 25
    right = {"region": [], "level": [], "plan_year": []}
    for path in REPORTS:
        copy = tmp_path / path.name  # no SOURCES.tsv beside it: the report alone
        shutil.copy(path, copy)
        info = _about(copy)
        row = index[path.name]
        right["region"].append(info.region == row["place"])
        right["level"].append(info.level == row["admin_level"])
        right["plan_year"].append(info.plan_year == int(row["plan_year"]))
        if info.level != row["admin_level"]:
            print(f"  level {path.name}: {info.level} (index {row['admin_level']}); hint {info.level_hint}")
    n = len(REPORTS)
    print("\nabout() on the shipped reports: " + ", ".join(f"{k} {sum(v)}/{n}" for k, v in right.items()))
    assert all(right["region"]) and all(right["plan_year"])
    assert sum(right["level"]) >= 24
    wrong = [p.name for p, ok in zip(REPORTS, right["level"], strict=True) if not ok]
    assert wrong == ["2022_大安市.txt"]
    assert "县级市" in _about(CORPUS / "2022_大安市.txt").level_hint


def test_header_speaker_meeting_and_words():
    info = _about(CORPUS / "2024_咸阳市.txt")
    assert (info.region, info.name, info.place, info.short, info.unit, info.level) == (
        "咸阳市", "咸阳市", "咸阳", "咸", "市", "市"
    )
    assert (info.plan_year, info.review_year, info.period) == (2024, 2023, "十四五")
    assert info.meeting == "咸阳市第九届人民代表大会第四次会议"
    assert (info.speaker, info.speaker_title) == ("冷劲松", "咸阳市市长")
    assert info.leadership == "省委、省政府和市委"
    assert "“市”" in info.level_hint  # a city is a guess between 市 and 县级市
    words = info.words("在省委的坚强领导下")
    assert (words.region, words.place, words.leadership, words.year) == ("咸阳市", "咸阳", "省委", 2024)
    assert info.words("驻咸阳部队").short == ""  # 驻咸阳 is the place, not the short name


def test_a_district_in_full_and_by_its_own_name():
    info = _about(CORPUS / "2022_青岛市黄岛区.txt")
    assert (info.region, info.name, info.place, info.unit, info.level) == (
        "青岛市黄岛区（西海岸新区）", "黄岛区", "黄岛", "区", "区"
    )
    assert info.aliases == ("西海岸", "西海岸新区")
    assert info.leadership == "工委（区委）" and info.level_hint == ""
    info = _about(CORPUS / "2022_长沙市望城区.txt")
    assert (info.region, info.name, info.leadership) == ("长沙市望城区", "望城区", "区委")
    info = _about(CORPUS / "2023_金台区.txt")  # the label and speaker line name it, the title does not
    assert (info.region, info.speaker, info.speaker_title) == ("金台区", "王润军", "金台区人民政府区长")


def test_county_level_cities():
    for name in ("2024_高平市.txt", "2022_珲春市.txt"):  # 按照省、晋城市要求 / 省州和市委
        info = _about(CORPUS / name)
        assert (info.level, info.unit) == ("县级市", "市"), name
        assert "县级市" in info.level_hint


def test_local_leadership_only():
    assert leadership_in("在党中央、国务院和省委、省政府及市委的坚强领导下") == "省委、省政府及市委"
    assert leadership_in("是自治区党委政府和市委坚强领导的结果") == "自治区党委政府和市委"
    assert leadership_in("在市委市政府和工委（区委）的坚强领导下") == "市委市政府和工委（区委）"
    assert leadership_in("市委召开常委会") is None
    assert _about(CORPUS / "2022_宜春市.txt").leadership == "省委、省政府和市委"


def test_sources_tsv_is_the_last_resort(tmp_path):
    """A report that names itself wins over SOURCES.tsv; SOURCES.tsv is read only for a report
    (and a file name) that says nothing about where it is from."""
    text = (CORPUS / "2024_咸阳市.txt").read_text(encoding="utf-8")
    (tmp_path / "SOURCES.tsv").write_text(
        "file\tplace\tplan_year\n报告.txt\t别处市\t2030\n无名.txt\t别处县\t2030\n", encoding="utf-8"
    )
    named = tmp_path / "报告.txt"
    named.write_text(text, encoding="utf-8")
    info = _about(named)
    assert (info.region, info.plan_year) == ("咸阳市", 2024)
    # no title, meeting line, speaker, opening or year headings: only SOURCES.tsv is left
    body = [x for x in text.splitlines()[3:] if "我代表" not in x]
    body = [x.replace("2023年", "去年").replace("2024年", "今年") for x in body]
    bare = tmp_path / "无名.txt"
    bare.write_text("\n".join(body), encoding="utf-8")
    info = _about(bare)
    assert (info.region, info.name, info.level, info.plan_year) == ("别处县", "别处县", "县", 2030)
    bare.rename(tmp_path / "咸阳市 政府工作报告.txt")  # the file name says it: SOURCES unread
    info = _about(tmp_path / "咸阳市 政府工作报告.txt")
    assert info.region == "咸阳市"


def test_full_width_digits():
    lines = ["２０２４年咸阳市政府工作报告", "各位代表：", "一、２０２３年工作回顾", "（一）稳增长。去年增长５％。",
             "二、２０２４年工作安排", "（一）抓项目。今年增长６％左右。"]
    info = about(parse_lines(lines), lines, Path("x.txt"))
    assert (info.region, info.plan_year, info.review_year) == ("咸阳市", 2024, 2023)


def test_no_jieba():
    code = "import sys, drafter.parse.about; sys.exit(1 if 'jieba' in sys.modules else 0)"
    assert subprocess.run([sys.executable, "-c", code], check=False, cwd=ROOT).returncode == 0
