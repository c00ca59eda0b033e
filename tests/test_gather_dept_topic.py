"""The supplying department as evidence for a gathered sentence's topic (drafter.gather.dept_topics):
a bias toward the department's field, measured on 咸阳 2022's items and their departments."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from drafter.gather.dept_topics import field_prior
from drafter.model.depts import bare_department
from drafter.gather.forms_in import TEXT_HEADER, TEXT_SHEET, _read_lines
from drafter.gather.facts import Gathered
from drafter.gather.materials import harvest, topic_of
from drafter.gather.topic_table import shipped_table
from tests.conftest import load_bench

# docs/topic-sample.tsv no. 67 (济南 2022): the blind reader says 产业, text alone says 经济
INDUSTRY = ("依托头部企业，集聚政策、资源，着力构建产业链、供应链、资金链、人才链、创新链紧密衔接、"
            "更具韧性的产业组织形式，打造集成电路、新能源汽车、工程机械、空天信息、透明质酸、生物质材料等产业共同体。")


def test_one_department_under_its_names_has_one_field():
    assert bare_department("咸阳市人力资源和社会保障局") == "人社局" and bare_department("市市场监管局") == "市场监管局"
    assert field_prior("咸阳市教育局") == field_prior("市教育局") == field_prior("教育局")
    for dept, field in (("市教育局", "民生"), ("市科技局", "创新"), ("市生态环境局", "生态"), ("县农业农村局", "乡村")):
        prior = field_prior(dept)
        assert max(prior, key=prior.get) == field and abs(sum(prior.values()) - 1) < 1e-9
    dev = field_prior("市发展和改革委员会")
    assert dev == field_prior("市发改委") and len(dev) >= 3 and max(dev.values()) < 0.5  # a spread field
    for unknown in ("国网供电公司", "政府办公室", "市政府办公室", "市委宣传部", "市政府各部门", "", None):
        assert field_prior(unknown) == {}


def test_a_sentence_text_sorts_to_economy_goes_to_the_suppliers_field():
    assert topic_of(INDUSTRY) == "经济"
    assert topic_of(INDUSTRY, prior=field_prior("市工信局")) == "产业"
    assert topic_of(INDUSTRY, prior=field_prior("国网供电公司")) == "经济"


def test_harvest_uses_the_department_of_the_file_name(tmp_path):
    topics = {}
    for name in ("市工信局2023年工作总结.txt", "国网供电公司2023年工作总结.txt", "2023年工作总结.txt"):
        path = tmp_path / name
        path.write_text(INDUSTRY + "\n", encoding="utf-8")
        topics[name] = [h.topic for h in harvest(path)]
    assert topics["市工信局2023年工作总结.txt"] == ["产业"]
    assert topics["国网供电公司2023年工作总结.txt"] == topics["2023年工作总结.txt"] == ["经济"]


def test_a_forms_lines_take_its_departments_field():
    def lines(dept: str) -> list[str]:
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.title = TEXT_SHEET
        ws.append(TEXT_HEADER)
        ws.append((INDUSTRY, None))
        out = Gathered(Path(f"{dept}.xlsx"), f"{dept}.xlsx", dept, "form")
        _read_lines(ws, out, out.shown, [])
        return [t.topic for t in out.texts]

    assert lines("市工信局") == ["产业"] and lines("国网供电公司") == ["经济"]


def test_the_department_never_outweighs_a_clear_text():
    # a 教育局 paragraph on farming stays 乡村: a bias, not an override
    farm = "全年粮食播种面积稳定在120万亩，建成高标准农田5万亩，农村人居环境整治扎实推进，农民收入持续增长。"
    table = shipped_table()
    assert table.sequence([farm]) == table.sequence([farm], prior=field_prior("市教育局")) == ["乡村"]


def test_department_prior_raises_agreement_on_xianyang_2022_division():
    bench = load_bench("gather_dept_topic")
    items = bench.items()
    led = [i for i in items if i.led]
    assert len(items) > 70 and len(led) > 30  # items whose heading has a seed topic
    without, n = bench.agreement(led, with_dept=False)
    with_dept, _ = bench.agreement(led, with_dept=True)
    assert with_dept > without, (without, with_dept, n)
    named_without, m = bench.agreement(items, with_dept=False)
    named_with, _ = bench.agreement(items, with_dept=True)
    assert named_with > named_without, (named_without, named_with, m)
