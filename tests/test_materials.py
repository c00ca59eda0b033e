"""Department materials → harvested facts (drafter/gather/materials.py), on written-out
materials and on materials simulated from corpus reports (bench/gather_simulation.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document

from drafter.errors import DrafterError
from drafter.gather.materials import (
    cue_score, dept_from_name, harvest, numbers_in, part_of_heading, split_sentences,
)

ROOT = Path(__file__).resolve().parent.parent

MATERIAL = """市统计局2023年工作总结和2024年工作计划
各位领导：
现将我局有关情况报告如下：
一、2023年工作总结
（一）强化经济运行监测。全年完成规上工业企业联网直报，城镇就业新增5.14万人，社会消费品零售总额增长12%；开展“四上”企业入库培育，新增入库企业86家。
二、存在的问题
基层统计力量薄弱，数据质量有待提高。
三、2024年工作计划
（一）推进统计督察整改。力争新增入库企业100家以上；抓好第五次全国经济普查。
— 2 —
市统计局
2023年12月20日
"""


def _txt(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    p = tmp_path / name
    p.write_bytes(text.encode(encoding))
    return p


def test_sections_decide_part_and_noise_is_dropped(tmp_path):
    facts = harvest(_txt(tmp_path, "市统计局2023年工作总结和2024年工作计划.txt", MATERIAL))
    texts = [f.text for f in facts]
    assert texts == [
        "全年完成规上工业企业联网直报，城镇就业新增5.14万人，社会消费品零售总额增长12%；",
        "开展“四上”企业入库培育，新增入库企业86家。",
        "力争新增入库企业100家以上；",
        "抓好第五次全国经济普查。",
    ]
    # 新增 (achieved cue) under 2024年工作计划 is still a plan: the section title wins
    assert [f.part for f in facts] == ["review", "review", "key_tasks", "key_tasks"]
    assert [f.source for f in facts] == ["市统计局2023年工作总结和2024年工作计划.txt:5"] * 2 + [
        "市统计局2023年工作总结和2024年工作计划.txt:9"] * 2
    assert {f.dept for f in facts} == {"市统计局"}
    assert facts[0].numbers == ["5.14万人", "12%"]
    assert facts[2].numbers == ["100家"]


@pytest.mark.parametrize("encoding", ["gb18030", "utf-16", "utf-8-sig", "utf-16-be"])
def test_any_chinese_encoding(tmp_path, encoding):
    text = MATERIAL.replace("\n", "\r\n") if encoding == "gb18030" else MATERIAL
    facts = harvest(_txt(tmp_path, "材料.txt", text, encoding), dept="市统计局")
    assert [f.text for f in facts][:1] == ["全年完成规上工业企业联网直报，城镇就业新增5.14万人，社会消费品零售总额增长12%；"]
    assert facts[0].dept == "市统计局" and facts[0].source == "材料.txt:5"


def test_docx_paragraph_numbers_and_dept(tmp_path):
    d = Document()
    for line in ["2024年工作计划", "", "加快建设智慧统计平台，力争年底上线运行。", "确保统计数据真实准确。"]:
        d.add_paragraph(line)
    p = tmp_path / "市统计局2024年工作计划.docx"
    d.save(p)
    facts = harvest(p)
    assert [(f.source, f.part, f.dept) for f in facts] == [
        ("市统计局2024年工作计划.docx:3", "key_tasks", "市统计局"),
        ("市统计局2024年工作计划.docx:4", "key_tasks", "市统计局"),
    ]


def test_cues_without_headings(tmp_path):
    text = ("全年实现地区生产总值480亿元，同比增长6.1%。\n"
            "明年将加快推进产业园区建设，力争规上工业增加值增长8%左右。\n")
    facts = harvest(_txt(tmp_path, "区发改局材料.txt", text))
    assert [f.part for f in facts] == ["review", "key_tasks"]
    assert facts[0].dept == "区发改局" and facts[1].numbers == ["8%"]
    assert cue_score("建成投用3所学校") > 0 > cue_score("计划新建3所学校")
    assert cue_score("加强队伍建设") < 0 and cue_score("召开座谈会") > 0


def test_tie_follows_file_name(tmp_path):
    text = "做好人口抽样调查。\n"  # 做好 (planned, 1) — and a neutral sentence follows the name
    assert harvest(_txt(tmp_path, "a.txt", "人口抽样调查工作。\n"))[0].part == "review"
    assert harvest(_txt(tmp_path, "市统计局2024年工作计划.txt", "人口抽样调查工作。\n"))[0].part == "key_tasks"
    assert harvest(_txt(tmp_path, "b.txt", text))[0].part == "key_tasks"


def test_quotes_kept_in_one_sentence():
    assert split_sentences("提出“三个年”活动。全面完成；任务！") == ["提出“三个年”活动。", "全面完成；", "任务！"]
    assert split_sentences("开展“大走访。大调研”活动，成效明显。") == ["开展“大走访。大调研”活动，成效明显。"]
    assert split_sentences("他说“好。然后") == ["他说“好。", "然后"]  # unbalanced: every stop splits


def test_numbers_as_written():
    assert numbers_in("新增5.14万人，增长12%，减税28.7亿元，２０２３年，5G基站、PM2.5浓度") == [
        "5.14万人", "12%", "28.7亿元", "２０２３年"]
    assert numbers_in("增长１２％，居全省第一") == ["１２％"]


def test_names_and_headings():
    assert dept_from_name("市统计局2023年工作总结.docx") == "市统计局"
    assert dept_from_name("03_区教育局关于2023年工作情况的报告.txt") == "区教育局"
    assert dept_from_name("2023年工作总结.txt") is None
    assert part_of_heading("今年工作打算") == "key_tasks"
    assert part_of_heading("2024年工作总结") == "review"
    assert part_of_heading("二、存在的问题和不足") == "problems"
    assert part_of_heading("2023年工作总结及2024年工作计划") is None


@pytest.mark.parametrize("data, why", [
    (b"", "空文件"),
    (b"   \n\n", "空文件"),
    (b"\xd0\xcf\x11\xe0" + b"\0" * 600, "旧版 Word"),
    (b"not a zip at all", "不是有效的 .docx"),
])
def test_bad_files_are_chinese_errors_naming_the_file(tmp_path, data, why):
    name = "市统计局总结.docx" if why != "空文件" or data else "市统计局总结.txt"
    p = tmp_path / name
    p.write_bytes(data)
    with pytest.raises(DrafterError) as e:
        harvest(p)
    assert why in e.value.message and name in e.value.message


def test_only_noise_is_an_error(tmp_path):
    with pytest.raises(DrafterError, match=r"材料\.txt"):
        harvest(_txt(tmp_path, "材料.txt", "\n\n  \n"))


# --- simulation on real reports: the figures bench/gather_simulation.py reports for all 23 ----


@pytest.mark.parametrize("report", ["2024_咸阳市.txt", "2022_天水市.txt", "2023_金台区.txt"])
def test_simulated_materials_keep_every_number(tmp_path, report, gather_bench):
    bench = gather_bench
    cues = bench.simulate(bench.CORPUS / report, "cues", tmp_path).shares()
    headed = bench.simulate(bench.CORPUS / report, "headings", tmp_path).shares()
    assert cues["numbers"] == 1.0 and headed["numbers"] == 1.0
    assert cues["coverage"] > 0.99
    # measured over all 23 reports: 81.7 % from cues alone; here 86.3 / 76.3 / 70.6 % (金台区 the lowest of all 23)
    assert cues["part"] >= 0.68
    assert headed["part"] == 1.0
    # the topic table is built from the shipped corpus, which holds these reports, so this is an
    # in-sample floor; the honest leave-one-out figure is 65.9 % over 23 reports (bench --loo),
    # short of the 80 %
    assert cues["topic"] >= 0.6
