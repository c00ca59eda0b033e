"""`init --from` on a 区 and a 县 report, as a new user ran it (issue 11): 2022_长沙市望城区.txt
(政府建设 is its 7th key task, areas marked 一是…二是…, a glossary entry with inner parts) and
2022_庄浪县.txt (南河北路 is not 河北, 十件实事, thanks to 东西部协作 partners). Each report is
copied to a folder without SOURCES.tsv, as the user had it. Each test failed before its fix.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from drafter.lastyear import init_from
from drafter.readers import load_report
from drafter.skeleton import skeleton_yaml

CORPUS = Path(__file__).resolve().parent.parent / "style_corpus"


@pytest.fixture(scope="module")
def inits(tmp_path_factory) -> dict[str, tuple]:
    """(report, skeleton text) of init --from for each report, run once for the module."""
    out = {}
    for key, name in (("望城", "2022_长沙市望城区.txt"), ("庄浪", "2022_庄浪县.txt")):
        folder = tmp_path_factory.mktemp(key)
        shutil.copy(CORPUS / name, folder / name)
        target = folder / "new.yaml"
        init_from(target, folder / name)
        out[key] = (load_report(target), target.read_text(encoding="utf-8"))
    return out


def test_self_building_key_task_is_carried_once(inits):
    report, text = inits["望城"]
    assert report.self_building.placement == "key_task_section"
    assert len(report.key_tasks.areas) == 6  # 七是…政府建设 is the self-building section, not a 7th area
    assert "    # 去年重点工作：七是" not in text
    assert "  # 去年重点工作的最后一个方面是政府自身建设：七是在加强政府建设中树立新形象。" in text
    assert "  #   七是在加强政府建设中树立新形象。" in text  # still a clue for this year's review
    assert "  #   打造法治政府" in text  # its items, above self_building.items


def test_yishi_task_marker_is_said_in_a_comment(inits):
    text = inits["望城"][1]
    lines = text.splitlines()
    at = lines.index("  task_marker: auto")
    assert "一是……二是……" in lines[at - 2] and "没有这种写法" in lines[at - 2]
    assert "去年重点工作各方面以“一是" not in inits["庄浪"][1]  # 庄浪 numbers its areas （一）


def test_province_is_not_read_inside_a_street_name(inits):
    report, text = inits["庄浪"]
    assert report.meta.province == "甘肃省"  # 「对甘肃重要讲话」 ×2, 南河北路 is no 河北
    assert "河北" not in text.split("  province:")[0].rsplit("meta:", 1)[1]


def test_parent_from_the_region_name_else_a_hint(inits):
    assert inits["望城"][0].meta.parent == "长沙市"
    report, text = inits["庄浪"]
    # 庄浪 names no city above it (市委、市政府和县委; 平凉 only in 平凉红牛 and “五个平凉”)
    assert report.meta.parent is None
    assert "  # 去年的报告没有写明所属的市，请填写\n" in text


@pytest.mark.parametrize("key", ["望城", "庄浪"])
def test_heading_comments_name_the_skeletons_own_years(inits, key):
    report, text = inits[key]
    assert report.meta.year == 2024
    assert "# 回顾部分标题：不填为“2023年工作回顾”" in text
    assert "不填为“2024年工作的总体要求和预期目标”" in text
    assert "目标单列时为“2024年重点工作”，合并时为“2024年工作安排”" in text
    assert "2025年工作" not in text and "2025年重点工作" not in text and "“2024年工作回顾”" not in text


def test_plain_init_comments_follow_its_year():
    text = skeleton_yaml("宝鸡市", "市", 2026)
    assert "# 回顾部分标题：不填为“2025年工作回顾”" in text
    assert "合并时为“2026年工作安排”" in text


def test_glossary_entry_keeps_its_inner_parts_and_loses_its_list_number(inits):
    text = inits["望城"][1]
    assert "#   - term: “一二三六”发展思路\n" in text
    assert "“六”即主攻六项工作：奋力抓好" in text.split("#   - term: “一二三六”发展思路\n")[1].splitlines()[0]
    assert "term: “二”即" not in text
    assert "#   - term: “1234”目标\n" in text
    assert "19．" not in text
    assert "#   - term: 外防输入“123456”工作法\n" in text


def test_livelihood_thanks_and_self_building_are_carried_as_comments(inits):
    report, text = inits["庄浪"]
    assert report.key_tasks.livelihood is None and report.review.thanks.to is None  # comments only
    _, rest = text.split("  # 去年的民生实事（2023年，10件，今年的请重新填写 items）：\n")
    assert rest.splitlines()[0].startswith("  #   全面建成总投资亿元的西城九年制学校")
    assert rest.split("\n  # 民生实事\n  livelihood:")[0].count("\n") == 9  # the other nine items, then the field
    thanks = text.split("    # 去年报告致谢的对象（含对口帮扶、协作单位，供参考）：\n")[1].split("    # 致谢对象")[0]
    assert "天津市河西区、南开大学" in thanks
    assert "  #   坚持政治为先忠诚为政\n" in text.split("  # 要点\n  items: []")[0]
