"""Every lead form of issue 12, in review and key-task sections: plain lead sentences,
一是…, （1）…, 第一，…, opening a paragraph (`leads`) or inside one (`inline_leads`).

Inline leads are measured on the one corpus report that annotates numbered ones (菏泽: 54,
some lists running on into the next paragraph); the other annotated inline sub-leads are
unnumbered sentences (安康 旅游拉动消费升温。) and are not read as leads.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from drafter.parse import parse_lines, parse_report, to_json

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "style_corpus"
STRUCTURE = ROOT / "tests" / "fixtures" / "corpus" / "structure.json"


def _inline(js: dict) -> set[tuple[int, str]]:
    return {(x["line"], x["text"]) for p in js["parts"] for s in p["sections"] for x in s["inline_leads"]}


def test_numbered_inline_leads_of_the_annotated_report_are_all_found_and_only_they():
    record = next(r for r in json.loads(STRUCTURE.read_text(encoding="utf-8")) if r["file"] == "2022_菏泽市.txt")
    gold = {(x["line"], x["text"]) for k in ("review", "key_tasks") for s in record[k]["sections"]
            for x in s.get("inline_leads", [])}
    assert len(gold) == 54
    assert _inline(to_json(parse_report(CORPUS / record["file"]))) == gold


REPORT = """各位代表：
现在，我代表县人民政府向大会报告工作，请予审议。
一、2024年工作回顾
一年来，我们坚持稳中求进，各项工作取得新成效。
（一）经济运行稳中向好。{review}
（二）民生保障更加有力。{review2}
（三）改革开放不断深化。持续深化改革，营商环境持续优化。
二、2025年重点工作
（一）全力扩大有效需求
{tasks}
（二）加快建设现代产业体系
{tasks2}
各位代表！让我们更加紧密地团结在以习近平同志为核心的党中央周围，为建设美好家园而团结奋斗！"""

FORMS = {"一是": ["一是", "二是", "三是"], "（1）": ["（1）", "（2）", "（3）"], "第一，": ["第一，", "第二，", "第三，"]}


@pytest.mark.parametrize("form", list(FORMS))
def test_every_numbered_lead_form_inline_and_paragraph_initial(form):
    marks = FORMS[form]
    inline = "".join(f"{m}项目建设提速增效。全县实施项目多个。" for m in marks)
    own = "\n".join(f"{m}扩大有效投资。围绕重点领域谋划项目。" for m in marks)
    text = REPORT.format(review=inline, review2=inline, tasks=own, tasks2=own)
    js = to_json(parse_lines(text.splitlines()))
    review = next(p for p in js["parts"] if p["type"] == "review")
    tasks = next(p for p in js["parts"] if p["type"] == "key_tasks")
    assert [len(s["inline_leads"]) for s in review["sections"]] == [3, 3, 0]
    assert review["sections"][0]["inline_leads"][0]["text"] == f"{marks[0]}项目建设提速增效。"
    assert [[x["text"] for x in s["leads"]] for s in tasks["sections"]] == [[f"{m}扩大有效投资。" for m in marks]] * 2


def test_a_numbered_list_that_does_not_start_at_one_is_not_leads():
    text = REPORT.format(review="（5）新增就业岗位。（6）改造老旧小区。", review2="", tasks="（5）实行医疗救助。\n（6）开展眼健康筛查。",
                         tasks2="")
    js = to_json(parse_lines(text.splitlines()))
    assert not _inline(js)
    assert all(not s["leads"] for p in js["parts"] for s in p["sections"])


def test_long_numbered_sentences_are_prose_not_leads():
    inline = "一是加快推进重大项目建设，全年实施省市重点项目一百个，完成投资五十亿元。二是持续扩大消费，举办促消费活动。"
    js = to_json(parse_lines(REPORT.format(review=inline, review2="", tasks="", tasks2="").splitlines()))
    assert not _inline(js)


def test_dash_leads_in_key_tasks_and_self_building_items():
    js = to_json(parse_report(CORPUS / "more" / "2024_十堰.txt"))
    tasks = next(p for p in js["parts"] if p["type"] == "key_tasks")
    assert [x["text"] for x in tasks["sections"][0]["leads"]] == ["——加强科技创新引领。", "——推进产业延链补链强链。", "——突破发展新质生产力。"]
    own = next(p for p in js["parts"] if p["type"] == "self_building")
    assert next(x["text"] for x in own["sections"][0]["leads"]) == "——铸牢政治忠诚。"


def test_numbered_leads_run_on_across_sections_and_may_carry_a_comma():
    js = to_json(parse_report(CORPUS / "more" / "2024_泰州.txt"))
    tasks = next(p for p in js["parts"] if p["type"] == "key_tasks")
    leads = [x["text"] for s in tasks["sections"] for x in s["leads"]]
    assert len(leads) == 9 and leads[0] == "1.攻坚重大项目，带动产业强链提质。" and leads[-1].startswith("9.")


@pytest.mark.parametrize("name, first", [
    ("2024_宣城.txt", "坚持依法行政，推进法治政府建设。"),  # too comma-rich for a lead alone
    ("2024_益阳.txt", "在政治引领中把准前进方向。"),  # 在… opens prose elsewhere
])
def test_parallel_self_building_items(name, first):
    js = to_json(parse_report(CORPUS / "more" / name))
    own = next(p for p in js["parts"] if p["type"] == "self_building")
    items = [x["text"] for x in own["sections"][0]["leads"]]
    assert items[0] == first and len(items) >= 4
