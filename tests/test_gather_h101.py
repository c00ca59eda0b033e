"""Defects a new user's trial on 呼和浩特 2023 (issue 11, H98) met with gather: achievement
headings naming 短板/问题 read as problems, a .docx table's 单位 column, a bureau's preamble,
a form figure restated in another word order, one sentence from two departments, 已完成 on an
ordinary row, a rank in 备注 on a target check, the 数字 column (H101).

The office's file (init --from the 2023 report) and three returned forms are the trial's own
(tests/fixtures/materials_h101); the materials are written here, as the departments typed them."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from drafter.api import draft, gather
from drafter.gather.materials import part_of_heading, read_material, table_sentences

FIX = Path(__file__).parent / "fixtures" / "materials_h101"


@pytest.fixture
def office(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    shutil.copy(FIX / "呼和浩特市2025.yaml", data / "呼和浩特市2025.yaml")
    return data


def _material(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(exist_ok=True)
    p = folder / name
    p.write_text(text, encoding="utf-8")
    return p


@pytest.mark.parametrize("heading", ["(二)市政设施短板加快补齐", "二、补短板强基础", "二、问题整改成效明显"])
def test_an_achievement_heading_naming_a_shortcoming_keeps_its_section(tmp_path, heading):
    """「(二)市政设施短板加快补齐」 dropped its whole section: 「材料 | 0 | 0」."""
    p = _material(tmp_path / "t1", "市城管局2023年工作总结.txt",
                  f"市城管局2023年工作总结\n{heading}\n新建续建市政道路53条。新增停车场285处。\n")
    m = read_material(p)
    assert [f.text for f in m.facts] == ["新建续建市政道路53条。", "新增停车场285处。"]
    assert m.problems == []
    result = gather([tmp_path / "t1"], tmp_path / "out")
    assert (result.summary.rows[0].figures, result.summary.rows[0].facts) == (2, 2)


@pytest.mark.parametrize("heading", ["二、存在的问题", "问题和不足", "三、困难和问题", "存在的不足", "面临的困难和挑战"])
def test_a_real_problems_part_is_still_problems(heading):
    assert part_of_heading(heading) == "problems"


def test_what_is_not_drafted_is_said_in_the_summary(tmp_path):
    """Problems are counted, and a material that yields nothing is named: never silently."""
    _material(tmp_path / "in", "市城管局2023年工作总结.txt",
              "市城管局2023年工作总结\n一、主要工作\n新建续建市政道路53条。\n二、存在的问题\n一是停车难；二是路网不畅。\n")
    _material(tmp_path / "in", "市水务局2023年工作总结.txt", "市水务局2023年工作总结\n市水务局\n2024年1月5日\n")
    lines = gather([tmp_path / "in"], tmp_path / "out").summary.lines()
    assert any(x.startswith("市城管局2023年工作总结.txt：2 条“存在的问题”未写入初稿") for x in lines), lines
    assert any(x.startswith("市水务局2023年工作总结.txt：没有取得任何数字或文字") for x in lines), lines


def test_a_unit_column_is_the_rows_unit_and_a_stated_row_is_no_second_fact():
    """住建局's table 指标 | 单位 | 完成数 gave 「老旧小区改造309，单位个。」 beside the text's 309个."""
    rows = [["指标", "单位", "完成数"], ["老旧小区改造", "个", "309"], ["城区供热管网互联互通", "公里", "77.6"]]
    body = "1.老旧小区改造。完成老旧小区改造309个，实施棚户区改造7个。"
    assert table_sentences(rows, body) == [(3, "城区供热管网互联互通77.6公里。")]
    assert table_sentences(rows) == [(2, "老旧小区改造309个。"), (3, "城区供热管网互联互通77.6公里。")]


def test_a_docx_table_with_a_unit_column(tmp_path):
    docx = pytest.importorskip("docx")
    doc = docx.Document()
    doc.add_paragraph("呼和浩特市住房和城乡建设局2023年工作总结")
    doc.add_paragraph("2023年，在市委、市政府的坚强领导下，我局紧紧围绕“宜居”城市建设目标，各项工作取得明显成效。现将有关情况总结如下：")
    doc.add_paragraph("1.老旧小区改造。完成老旧小区改造309个，实施棚户区改造7个。")
    doc.add_paragraph("主要指标完成情况见下表：")
    table = doc.add_table(rows=0, cols=3)
    for row in (["指标", "单位", "完成数"], ["老旧小区改造", "个", "309"], ["保交楼", "套", "29880"]):
        cells = table.add_row().cells
        for c, v in zip(cells, row, strict=True):
            c.text = v
    p = tmp_path / "市住建局2023年工作总结.docx"
    doc.save(p)
    texts = [f.text for f in read_material(p).facts]
    assert "保交楼29880套。" in texts
    assert sum("309" in t for t in texts) == 1, texts
    assert not any("单位" in t or "领导下" in t or "各项工作" in t for t in texts), texts


@pytest.mark.parametrize("text, kept", [
    ("2023年，在市委、市政府的坚强领导下，我局紧紧围绕“宜居”城市建设目标，各项工作取得明显成效。", False),
    ("今年以来，我局各项工作取得显著成效。", False),
    ("我局获评全国文明单位。", True),
    ("在市委领导下，全市新建学校一所。", True),
    ("2023年，我局围绕中心工作，完成老旧小区改造309个。", True),
])
def test_a_preamble_is_no_fact(tmp_path, text, kept):
    p = _material(tmp_path, "市住建局2023年工作总结.txt", f"{text}\n新建公园游园305个。\n")
    texts = [f.text for f in read_material(p).facts]
    assert (len(texts) == 2) is kept, texts


def _trial(office: Path, tmp_path: Path, materials: dict[str, str], forms=("市统计局", "市发改委", "市人社局")):
    folder = tmp_path / "in"
    folder.mkdir()
    for name in forms:
        shutil.copy(FIX / f"{name}.xlsx", folder / f"{name}.xlsx")
    for name, text in materials.items():
        _material(folder, name, text)
    result = gather([folder], office)
    body = draft(office, tmp_path / "初稿.txt").path.read_text(encoding="utf-8")
    return result, body


def test_a_form_figure_restated_in_another_word_order_is_said_once(office, tmp_path):
    """Form 城镇新增就业 6.1 万人 (备注 占全区31.8%) and 「新增城镇就业6.1万人、占全区31.8%」: both drafted."""
    result, body = _trial(office, tmp_path, {"市人社局2023年工作总结.txt": (
        "市人社局2023年工作总结\n一、2023年工作总结\n"
        "举办各类招聘活动230场，新增城镇就业6.1万人、占全区31.8%，农村劳动力转移就业37.6万人。\n")})
    assert body.count("6.1万人") == 1 and body.count("31.8%") == 1, body
    assert "230场" in body and "37.6万人" in body
    assert any("材料中的这一分句已删去" in n for n in result.summary.notes)


def test_a_restated_clause_with_another_number_gives_it_to_the_figure(tmp_path):
    """The form's figure has no 备注: the clause's other number (占全区31.8%) becomes its note."""
    from drafter.gather import _drop_restated
    from drafter.gather.facts import Gathered, GFigure, GText

    form = Gathered(Path("市人社局.xlsx"), "市人社局.xlsx", "市人社局", "form")
    form.figures.append(GFigure("城镇新增就业", "万人", 6.1, None, "核实", "市人社局", "市人社局.xlsx!E2", "民生"))
    mat = Gathered(Path("总结.txt"), "总结.txt", "市人社局", "material")
    mat.texts.append(GText("举办招聘活动230场，新增城镇就业6.1万人、占全区31.8%。", "review", "民生", "总结.txt:3", "市人社局"))
    assert _drop_restated([form, mat]) == 1
    assert mat.texts[0].text == "举办招聘活动230场。"
    assert form.figures[0].note == "占全区31.8%"


def test_a_sentence_another_department_said_too_is_merged_with_its_department(office, tmp_path):
    """「开行中欧班列50列、首次开通中亚班列。」 (no department) and 商务局's 「开行中欧班列50列。」 both
    drafted; 65亿元 from both lost 商务局 and showed as 未注明."""
    result, body = _trial(office, tmp_path, {
        "工作总结（终稿）.txt": "一、2023年工作\n开行中欧班列50列、首次开通中亚班列。综保区进出口总额实现65亿元、同比增长58.5%。\n",
        "市商务局2023年工作总结.txt": "市商务局2023年工作总结\n1.对外开放。综保区进出口总额实现65亿元、同比增长58.5%。开行中欧班列50列。\n",
    }, forms=())
    assert body.count("中欧班列50列") == 1 and body.count("65亿元") == 1, body
    frag = (office / "30_gather_工作总结（终稿）.yaml").read_text(encoding="utf-8")
    assert '{text: "综保区进出口总额实现65亿元、同比增长58.5%。", dept: "市商务局"}' in frag
    assert "工作总结（终稿）.txt:2；市商务局2023年工作总结.txt:2" in frag  # both sources kept
    row = next(r for r in result.summary.rows if r.source.startswith("市商务局"))
    assert row.duplicates == 2


def test_done_on_an_ordinary_row_is_no_text_and_a_rank_is_the_checks(office, tmp_path):
    """发改委's 「重点项目完成投资 1355, 备注 已完成」 drafted 「…1355亿元，已完成，…」; 统计局's
    「居全区第1位」 on a target check became note 列全区第1, never drafted; 数字 counted rows."""
    result, body = _trial(office, tmp_path, {})
    assert "重点项目完成投资1355亿元" in body and "已完成" not in body.split("重点项目完成投资")[1][:20]
    assert any("H2：备注“已完成”" in n and "重点项目完成投资" in n for n in result.summary.notes)
    frag = (office / "30_gather_市统计局.yaml").read_text(encoding="utf-8")
    assert "列全区" not in frag
    assert 'rank: {scope: "全区", place: 1, numeral: "数字"}' in frag
    assert "增长23.6%" in body and "全区第1位" in body and "全区第2位" in body, body
    stats = next(r for r in result.summary.rows if r.source == "市统计局.xlsx")
    assert stats.figures == 5  # 3802 and 10 on one row, 23.6, 25.5, 13.5
