"""drafter gather: returned forms → YAML fragments that `drafter draft DATA_DIR` drafts with the
office's own files; refusals name file, sheet and cell and write nothing."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest

from drafter.api import draft, gather, init
from drafter.cli import main
from drafter.errors import DrafterError
from drafter.readers import load_data

HEADER = ["指标", "单位", "上年数", "本年目标", "本年数", "增长(%)", "状态", "备注"]


def make_form(path: Path, rows, lines=(), meta: dict | None = None, header=HEADER, sheet="数据") -> Path:
    """A form of the `drafter forms` layout, as a department returns it."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    ws.append(header)
    for r in rows:
        ws.append(list(r))
    text = wb.create_sheet("工作和措施")
    text.append(["主要工作和成效", "明年主要措施"])
    for pair in lines:
        text.append(list(pair))
    if meta:
        m = wb.create_sheet("元数据")
        for k, v in meta.items():
            m.append([k, v])
        m.sheet_state = "hidden"
    wb.save(path)
    return path


def stats_form(folder: Path, name="统计局.xlsx", **kw) -> Path:
    return make_form(
        folder / name,
        [
            ["地区生产总值", "亿元", 2700, 6, 2878, 4.3, "预计", None],
            ["规上工业增加值", None, None, 6, None, 7.2, "快报", "全年口径"],
            ["社会消费品零售总额", "亿元", None, None, None, None, None, None],  # listed, not filled
        ],
        lines=[("新建5G基站300个，实现乡镇全覆盖", "力争新增规上工业企业20户")],
        meta={"部门": "区统计局", "地区": "金台区", "年度": 2024},
        **kw,
    )


@pytest.fixture
def office(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    init(data / "00_金台区2025.yaml", "金台区", "区", 2025)
    forms = tmp_path / "forms"
    forms.mkdir()
    return data, forms


def test_form_figures_and_lines_become_a_fragment_that_drafts(office, tmp_path):
    data, forms = office
    stats_form(forms)
    result = gather([forms], data)
    frag = data / "30_gather_统计局.yaml"
    assert result.written == [frag]
    text = frag.read_text(encoding="utf-8")
    assert text.startswith("# drafter gather sha256:")
    assert "来源 统计局.xlsx!E2；上年数 2700；本年目标 6" in text
    assert "来源 统计局.xlsx!F3；本年目标 6" in text and 'note: "全年口径"' in text  # 备注 reaches the draft
    loaded = load_data(data)
    facts = [f for s in loaded.data["review"]["sections"] for f in s["facts"]]
    gdp = next(f for f in facts if isinstance(f, dict) and f["name"] == "地区生产总值")
    assert gdp == {"name": "地区生产总值", "value": 2878, "unit": "亿元", "growth": gdp["growth"],
                   "status": "预计", "dept": "区统计局"}
    assert str(gdp["growth"]) == "4.3"
    # a line ends its sentence (H89) and keeps its department: its section may merge with other departments' (H91)
    assert {"text": "新建5G基站300个，实现乡镇全覆盖。", "dept": "区统计局"} in facts
    area = loaded.data["key_tasks"]["areas"][-1]
    assert area["items"][0]["measures"] == ["力争新增规上工业企业20户。"]  # a line ends its sentence (H89)
    assert area["items"][0]["lead_depts"] == ["区统计局"]

    out = draft(data, tmp_path / "初稿.txt")
    body = out.path.read_text(encoding="utf-8")
    assert "2878亿元" in body and "7.2%" in body and "新建5G基站300个" in body
    assert "力争新增规上工业企业20户" in body
    row = result.summary.rows[0]
    assert (row.source, row.dept, row.figures, row.facts, row.blank_rows) == ("统计局.xlsx", "区统计局", 5, 2, 1)  # 3 cells (2878, 4.3, 7.2) + 300个, 20户 in the lines


def test_summary_names_departments_that_sent_nothing(office):
    data, forms = office
    stats_form(forms)
    result = gather([forms / "统计局.xlsx"], data)
    # init's skeleton lists 区统计局, 区财政局 … (as the examples name departments); the form's metadata says 区统计局
    missing = result.summary.missing
    assert "区财政局" in missing and "区统计局" not in missing
    assert any(line.startswith(f"尚未报送的部门（{len(missing)} 个）：") and "区财政局" in line
               for line in result.summary.lines())


def test_department_from_file_name_without_metadata(office):
    data, forms = office
    make_form(forms / "财政局.xlsx", [["一般公共预算收入", "亿元", None, None, 12.5, 3.1, "核实", None]])
    result = gather([forms], data)
    # named as the forms name it at the office's level (区), so the confirm sheet has one 区财政局
    assert result.summary.rows[0].dept == "区财政局"
    assert 'dept: "区财政局"' in (data / "30_gather_财政局.yaml").read_text(encoding="utf-8")
    assert "区统计局" in result.summary.missing and "区财政局" not in result.summary.missing


def test_rerun_replaces_only_unedited_fragments(office):
    data, forms = office
    form = stats_form(forms)
    gather([forms], data)
    frag = data / "30_gather_统计局.yaml"
    assert gather([forms], data).summary.rows[0].action == "未变"
    make_form(form, [["地区生产总值", "亿元", 2700, 6, 2880, 4.3, "核实", None]], meta={"部门": "区统计局"})
    assert gather([forms], data).summary.rows[0].action == "更新"
    assert "value: 2880" in frag.read_text(encoding="utf-8")

    edited = frag.read_text(encoding="utf-8").replace("2880", "2881")
    frag.write_text(edited, encoding="utf-8")
    make_form(form, [["地区生产总值", "亿元", 2700, 6, 2882, 4.3, "核实", None]], meta={"部门": "区统计局"})
    # the edit is kept, not refused: a note names the fragment and the way to update it
    result = gather([forms], data)
    assert result.summary.rows[0].action == "保留（已手工修改）" and result.written == []
    assert any("30_gather_统计局.yaml" in n and "--force" in n for n in result.summary.notes)
    assert frag.read_text(encoding="utf-8") == edited
    gather([forms], data, force=True)
    assert "value: 2882" in frag.read_text(encoding="utf-8")


def test_office_file_of_the_same_name_is_not_overwritten(office):
    data, forms = office
    stats_form(forms)
    mine = data / "30_gather_统计局.yaml"
    mine.write_text("review:\n  intro: 办公室自己写的\n", encoding="utf-8")
    result = gather([forms], data)
    assert any("保留原样" in n for n in result.summary.notes)
    assert "办公室自己写的" in mine.read_text(encoding="utf-8")


def test_same_figure_from_two_departments_is_kept_once_with_both_sources(office, tmp_path):
    data, forms = office
    stats_form(forms)
    make_form(forms / "发改局.xlsx", [["地区生产总值", "亿元", None, None, 2878, 4.3, "预计", None],
                                   ["固定资产投资", None, None, None, None, 7, "预计", None]],
              lines=[("新建5G基站300个，实现乡镇全覆盖。", "")], meta={"部门": "区发改局", "地区": "金台区", "年度": 2024})
    result = gather([forms], data)
    # sources are read in file-name order: 发改局.xlsx first, so it keeps the merged items
    plan = (data / "30_gather_发改局.yaml").read_text(encoding="utf-8")
    stats = (data / "30_gather_统计局.yaml").read_text(encoding="utf-8")
    assert "来源 发改局.xlsx!E2；统计局.xlsx!E2" in plan
    assert "来源 发改局.xlsx!工作和措施!A2；统计局.xlsx!工作和措施!A2" in plan
    assert "地区生产总值" not in stats and "新建5G基站" not in stats and "规上工业增加值" in stats
    assert [r.duplicates for r in result.summary.rows] == [0, 2]
    body = draft(data, tmp_path / "d.txt").path.read_text(encoding="utf-8")
    assert body.count("2878亿元") == 1


def test_two_values_for_one_indicator_name_both_cells_and_write_nothing(office):
    data, forms = office
    stats_form(forms)
    make_form(forms / "发改局.xlsx", [["地区生产总值", "亿元", None, None, 2900, 4.3, "预计", None]],
              meta={"部门": "区发改局", "地区": "金台区", "年度": 2024})
    with pytest.raises(DrafterError) as e:
        gather([forms], data)
    assert "统计局.xlsx!E2 为 2878亿元" in e.value.message and "发改局.xlsx!E2 为 2900亿元" in e.value.message
    assert sorted(p.name for p in data.iterdir()) == ["00_金台区2025.yaml", "drafter.schema.json"]


def _refused(data: Path, inputs, *needles: str) -> None:
    before = sorted(p.name for p in data.iterdir())
    with pytest.raises(DrafterError) as e:
        gather(inputs, data)
    for n in needles:
        assert n in e.value.message, e.value.message
    assert sorted(p.name for p in data.iterdir()) == before


def test_percent_text_in_a_number_cell(office):
    data, forms = office
    make_form(forms / "统计局.xlsx", [["地区生产总值", "亿元", None, None, None, "6%", None, None]])
    _refused(data, [forms], "统计局.xlsx", "工作表“数据”", "F2", "“6%”不是数字")


def test_text_number_is_read(office):
    data, forms = office
    make_form(forms / "统计局.xlsx", [["地区生产总值", "亿元", None, None, "2878.50", None, None, None]])
    gather([forms], data)
    assert "value: 2878.50" in (data / "30_gather_统计局.yaml").read_text(encoding="utf-8")


def test_merged_cell_over_a_value(office):
    data, forms = office
    path = make_form(forms / "统计局.xlsx", [["地区生产总值", "亿元", None, None, 2878, 4.3, None, None]])
    wb = openpyxl.load_workbook(path)
    wb["数据"].merge_cells("E2:F2")
    wb.save(path)
    _refused(data, [path], "统计局.xlsx", "工作表“数据”", "E2:F2", "合并单元格")


def test_renamed_data_sheet(office):
    data, forms = office
    make_form(forms / "统计局.xlsx", [["地区生产总值", "亿元", None, None, 2878, None, None, None]], sheet="Sheet1")
    _refused(data, [forms], "统计局.xlsx", "找不到工作表“数据”", "“Sheet1”")


def test_changed_header(office):
    data, forms = office
    header = HEADER[:4] + ["实际数"] + HEADER[5:]
    make_form(forms / "统计局.xlsx", [["地区生产总值", "亿元", None, None, 2878, None, None, None]], header=header)
    _refused(data, [forms], "统计局.xlsx", "工作表“数据”", "E1", "应为“本年数”", "“实际数”")


def test_bad_status(office):
    data, forms = office
    make_form(forms / "统计局.xlsx", [["地区生产总值", "亿元", None, None, 2878, None, "估计", None]])
    _refused(data, [forms], "G2", "“估计”无效")


OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504


@pytest.mark.parametrize("name, content, needle", [
    ("统计局.xls", OLE, "旧格式"),
    ("统计局.xlsx", OLE, "密码"),
    ("总结.docx", OLE, "实际是旧版 Word 97-2003（.doc）"),
    ("统计局.xlsx", b"", "文件是空的"),
    ("总结.txt", b"  \n", "文件是空的"),
    ("统计局.xlsx", b"not a zip at all", "不是有效的Excel 工作簿"),
])
def test_unreadable_files_are_refused(office, name, content, needle):
    data, forms = office
    stats_form(forms, name="好的.xlsx")
    (forms / name).write_bytes(content)
    _refused(data, [forms], name, needle)


def test_cli_prints_summary_and_refuses_with_exit_2(office, capsys):
    data, forms = office
    stats_form(forms)
    assert main(["gather", str(forms), "-o", str(data)]) == 0
    out = capsys.readouterr().out
    assert "统计局.xlsx | 区统计局 | 报表 | 5 | 2 | 1 | 30_gather_统计局.yaml | 新写" in out
    assert "尚未报送的部门" in out and "财政局" in out
    (forms / "坏.xls").write_bytes(OLE)
    assert main(["gather", str(forms), "-o", str(data)]) == 2
    assert "坏.xls" in capsys.readouterr().err


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")
def test_form_saved_again_by_libreoffice_still_reads(office, tmp_path):
    data, forms = office
    src = stats_form(tmp_path, name="统计局.xlsx")
    env = dict(os.environ, HOME=str(tmp_path))  # a private LibreOffice profile
    subprocess.run(["soffice", "--headless", "--convert-to", "xlsx", "--outdir", str(forms), str(src)],
                   check=True, capture_output=True, env=env)
    resaved = forms / "统计局.xlsx"
    if not resaved.exists():  # soffice without its Calc component cannot load spreadsheets
        pytest.skip("LibreOffice Calc (libreoffice-calc-nogui) not installed")
    assert resaved.read_bytes() != src.read_bytes()
    result = gather([forms], data)
    row = result.summary.rows[0]
    assert (row.dept, row.figures, row.facts, row.blank_rows) == ("区统计局", 5, 2, 1)
    text = (data / "30_gather_统计局.yaml").read_text(encoding="utf-8")
    assert "value: 2878" in text and "growth: 4.3" in text and "growth: 7.2" in text


def test_forms_made_by_drafter_forms_round_trip_against_the_office_file(tmp_path):
    """A form from `drafter forms`: its 元数据 ties row 2 to review.headline[0]; an empty place is
    reported, a value the office already has is not written twice, a different one is refused."""
    from drafter.api import forms

    data = tmp_path / "data"
    data.mkdir()
    office_file = data / "00_金台区2025.yaml"
    init(office_file, "金台区", "区", 2025)
    forms(data, tmp_path / "forms")
    form = tmp_path / "forms" / "区统计局.xlsx"
    wb = openpyxl.load_workbook(form)
    assert wb["数据"]["A2"].value == "生产总值"
    wb["数据"]["E2"] = 2878
    wb.save(form)
    result = gather([form], data)
    assert any("review.headline[0]" in n and "填入" in n for n in result.summary.notes)
    fragment = (data / "30_gather_区统计局.yaml").read_text(encoding="utf-8")
    assert 'fill:\n' in fragment and 'entry: "review.headline[0]"' in fragment and "value: 2878" in fragment
    # the empty entry init wrote is filled, not joined by a second 生产总值
    loaded = load_data(data)
    assert loaded.data["review"]["headline"][0]["value"] == 2878
    assert "fill" not in loaded.data
    names = [e.get("name") for s in loaded.data["review"].get("sections") or [] for e in s.get("facts") or [] if isinstance(e, dict)]
    assert "生产总值" not in names
    assert loaded.values[("review", "headline", 0, "value")].file.endswith("30_gather_区统计局.yaml")

    (data / "30_gather_区统计局.yaml").unlink()
    text = office_file.read_text(encoding="utf-8").replace("      value:\n", "      value: 2878\n", 1)
    office_file.write_text(text, encoding="utf-8")
    result = gather([form], data)
    assert result.summary.rows[0].figures == 1 and result.summary.rows[0].duplicates == 1
    assert not (data / "30_gather_区统计局.yaml").exists()  # already in the office's file

    office_file.write_text(text.replace("value: 2878", "value: 2900", 1), encoding="utf-8")
    with pytest.raises(DrafterError) as e:
        gather([form], data)
    assert "区统计局.xlsx!E2 为 2878" in e.value.message and "00_金台区2025.yaml:" in e.value.message
    assert "review.headline[0].value 为 2900" in e.value.message


def test_departments_gathered_earlier_count_as_returned(office):
    data, forms = office
    stats_form(forms)
    gather([forms], data)
    make_form(forms / "财政局.xlsx", [["一般公共预算收入", "亿元", None, None, 12.5, 3.1, "核实", None]])
    result = gather([forms / "财政局.xlsx"], data)
    assert "统计局" not in result.summary.missing and "财政局" not in result.summary.missing


def test_an_edited_fragment_is_kept_and_the_others_are_still_written(office):
    """H81 S1: one hand-edited fragment used to block every other department's update."""
    data, forms = office
    stats_form(forms)
    fin = make_form(forms / "财政局.xlsx", [["一般公共预算收入", "亿元", None, None, 25.1, 3.2, "快报", None]],
                    meta={"部门": "区财政局", "地区": "金台区", "年度": 2024})
    gather([forms], data)
    stats = data / "30_gather_统计局.yaml"
    edited = stats.read_text(encoding="utf-8").replace("2878", "2879")
    stats.write_text(edited, encoding="utf-8")
    make_form(fin, [["一般公共预算收入", "亿元", None, None, 25.6, 3.2, "核实", None]],
              meta={"部门": "区财政局", "地区": "金台区", "年度": 2024})
    result = gather([forms], data)
    assert stats.read_text(encoding="utf-8") == edited
    assert "value: 25.6" in (data / "30_gather_财政局.yaml").read_text(encoding="utf-8")
    assert [r.action for r in result.summary.rows] == ["保留（已手工修改）", "更新"]  # 统计局, 财政局
    assert result.written == [data / "30_gather_财政局.yaml"]
    assert main(["gather", str(forms), "-o", str(data)]) == 0


def test_dept_applies_only_to_materials_whose_name_names_none(office, tmp_path):
    """H81 S2: `--dept` reassigned every material given with it."""
    data, _ = office
    mats = tmp_path / "materials"
    mats.mkdir()
    (mats / "市住建局2024年工作总结.txt").write_text(
        "今年以来，我局实施城市功能与品质再提升十大行动项目485个，完成投资559亿元。\n", encoding="utf-8")
    (mats / "2024年工作情况.txt").write_text(
        "全市PM2.5平均浓度31微克/立方米，空气优良天数比例97.3%。\n", encoding="utf-8")
    result = gather([mats], data, dept="区生态环境局")
    depts = {r.source.rsplit("/", 1)[-1]: r.dept for r in result.summary.rows}
    assert depts == {"2024年工作情况.txt": "区生态环境局", "市住建局2024年工作总结.txt": "市住建局"}
    assert 'dept: "市住建局"' in (data / "30_gather_市住建局2024年工作总结.yaml").read_text(encoding="utf-8")


def test_gathered_sections_merge_into_the_skeleton_by_topic(tmp_path):
    """H81 M1: each fragment's topic was drafted as its own section, after empty skeleton ones
    (the fragments sort before the office's file)."""
    data = tmp_path / "data"
    data.mkdir()
    (data / "金台区2025.yaml").write_text(
        "meta: {region: 金台区, level: 区, year: 2025}\n"
        "review:\n  sections:\n    - {topic: 民生, title: 民生福祉持续增进, facts: []}\n"
        "    - {topic: 城乡, facts: []}\n    - {topic: 安全, facts: []}\n", encoding="utf-8")
    mats = tmp_path / "materials"
    mats.mkdir()
    for name, line in [("区人社局工作总结.txt", "全年城镇新增就业4680人，新增转移农村劳动力7760人。"),
                       ("区卫健委工作总结.txt", "全年新增养老床位1200张，建成社区嵌入式养老服务中心12个。"),
                       ("区住建局工作总结.txt", "全年改造城镇老旧小区147个、背街小巷60条，新增城市停车位9081个。")]:
        (mats / name).write_text(line + "\n", encoding="utf-8")
    gather([mats], data)
    sections = load_data(data).data["review"]["sections"]
    topics = [s.get("topic") for s in sections]
    assert topics[0] == "民生" and len(topics) == len(set(topics))  # one section per topic, the office's first
    assert "安全" not in topics  # still empty: not drafted
    body = draft(data, tmp_path / "d.txt").path.read_text(encoding="utf-8")
    review = body.split("二、")[0]
    assert "方面工作的标题" not in review.split("民生福祉持续增进")[0]
    assert review.index("民生福祉持续增进") < review.index("养老床位1200张")


def test_a_material_clause_restating_a_form_figure_is_cut(office, tmp_path):
    """H81 M9: 城镇新增就业4.68万人 from the 人社局's form and again from its material was printed twice."""
    data, forms = office
    make_form(forms / "人社局.xlsx", [["城镇新增就业", "万人", None, None, 4.68, None, "核实", None],
                                   ["空气质量优良天数", "%", None, None, 97.3, None, "核实", None]],
              meta={"部门": "区人社局", "地区": "金台区", "年度": 2024})
    mats = tmp_path / "materials"
    mats.mkdir()
    (mats / "区人社局工作总结.txt").write_text(
        "就业工作：城镇新增就业4.68万人，新增转移农村劳动力7.76万人。\n"
        "全市PM2.5平均浓度31微克/立方米，空气优良天数比例97.3%。\n", encoding="utf-8")
    result = gather([forms, mats], data)
    assert any(n.startswith("2 处材料中的数字") for n in result.summary.notes)
    frag = (data / "30_gather_区人社局工作总结.yaml").read_text(encoding="utf-8")
    assert '"新增转移农村劳动力7.76万人。"' in frag and '"全市PM2.5平均浓度31微克/立方米。"' in frag
    body = draft(data, tmp_path / "d.txt").path.read_text(encoding="utf-8")
    assert body.count("4.68万人") == 1 and body.count("97.3%") == 1 and "7.76万人" in body
