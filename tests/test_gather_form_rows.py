"""Forms from `drafter forms` on the 金台 example, returned with the mistakes departments make:
rows moved, 元数据 deleted, a locked name changed, a formula saved without its value. The
office's own prefilled rows must never come back as new facts, and nothing is dropped silently."""

from __future__ import annotations

import io
import re
import shutil
import zipfile
from pathlib import Path

import openpyxl
import pytest

from drafter.api import draft, forms, gather
from drafter.cli import main
from drafter.errors import DrafterError

EXAMPLE = Path(__file__).parent.parent / "examples" / "jintai_2023"


@pytest.fixture(scope="module")
def blank_form(tmp_path_factory) -> Path:
    """区统计局.xlsx as `drafter forms` writes it for the 金台 example (rows 2–6 prefilled)."""
    out = tmp_path_factory.mktemp("forms")
    forms(EXAMPLE, out)
    return out / "区统计局.xlsx"


@pytest.fixture
def office(tmp_path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(EXAMPLE, data)
    return data


def returned(blank: Path, folder: Path, name: str, edit) -> Path:
    """The blank form filled by a department: 城镇居民人均可支配收入 (row 9, a catalogue row)
    gets 45000, then `edit` does the department's mistake."""
    wb = openpyxl.load_workbook(blank)
    ws = wb["数据"]
    assert ws["A9"].value == "城镇居民人均可支配收入" and ws["F3"].value == 5  # the layout this test stands on
    ws["E9"] = 45000
    edit(wb)
    path = folder / name
    wb.save(path)
    return path


def draft_text(data: Path, tmp_path: Path) -> str:
    out = tmp_path / "draft.docx"
    draft(data, out)
    return out.with_suffix(".txt").read_text(encoding="utf-8") if out.with_suffix(".txt").exists() else _docx_text(out)


def _docx_text(path: Path) -> str:
    import docx

    return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)


def test_a_returned_form_as_made_gives_only_what_the_department_filled(blank_form, office, tmp_path):
    form = returned(blank_form, tmp_path, "区统计局.xlsx", lambda wb: None)
    result = gather([form], office)
    row = result.summary.rows[0]
    assert (row.dept, row.figures, row.duplicates) == ("区统计局", 6, 5)  # 5 prefilled rows already in the data
    fragment = (office / "30_gather_区统计局.yaml").read_text(encoding="utf-8")
    assert re.findall(r'name: "([^"]+)"', fragment) == ["城镇居民人均可支配收入"]


def test_a_row_inserted_above_the_prefilled_ones_does_not_repeat_them(blank_form, office, tmp_path):
    """Rows are matched to 元数据 by name, not by position: after a row is inserted at 3,
    the prefilled 规上工业增加值 (now row 4) is still the office's own and is not re-emitted."""
    def insert(wb):
        ws = wb["数据"]
        ws.protection.sheet = False
        ws.insert_rows(3)
        ws["A3"], ws["E3"] = "新增规上企业", 12

    form = returned(blank_form, tmp_path, "区统计局.xlsx", insert)
    result = gather([form], office)
    assert result.summary.rows[0].duplicates == 5
    fragment = (office / "30_gather_区统计局.yaml").read_text(encoding="utf-8")
    assert re.findall(r'name: "([^"]+)"', fragment) == ["新增规上企业", "城镇居民人均可支配收入"]
    assert "区统计局.xlsx!E10" in fragment  # the department's value, at its shifted cell
    assert draft_text(office, tmp_path).count("规上工业增加值增长5%") == 1


def test_a_form_whose_metadata_sheet_was_deleted_is_refused(blank_form, office, tmp_path):
    """Without 元数据 nothing tells the office's prefilled rows from the department's: they would
    come back as new facts (规上工业增加值增长5% twice) under a department named after the file."""
    form = returned(blank_form, tmp_path, "nometa.xlsx", lambda wb: wb.remove(wb["元数据"]))
    with pytest.raises(DrafterError) as e:
        gather([form], office)
    assert "nometa.xlsx" in e.value.message and "工作表“元数据”" in e.value.message
    assert "预填" in e.value.message
    assert not list(office.glob("30_gather_*"))
    assert main(["gather", str(form), "-o", str(office)]) == 2


def test_a_plain_table_without_metadata_needs_a_department_in_its_name(office, tmp_path):
    """A table built to the layout by another tool never had 元数据 and has no prefilled rows:
    it is read, its department taken from the file name only when the name reads as one."""
    def table(name: str) -> Path:
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.title = "数据"
        ws.append(["指标", "单位", "上年数", "本年目标", "本年数", "增长(%)", "状态", "备注"])
        ws.append(["一般公共预算收入", "亿元", None, None, 12.5, 3.1, "核实", None])
        wb.save(tmp_path / name)
        return tmp_path / name

    assert gather([table("区财政局.xlsx")], office).summary.rows[0].dept == "区财政局"
    with pytest.raises(DrafterError) as e:
        gather([table("book1.xlsx")], office)
    assert "book1.xlsx" in e.value.message and "部门" in e.value.message


def _refused(blank_form, office, tmp_path, cell: str, value: str) -> str:
    """The message refusing the statistics bureau's form returned with `value` typed into `cell`
    of 数据; nothing gathered."""
    def edit(wb):
        wb["数据"][cell] = value

    form = returned(blank_form, tmp_path, "区统计局.xlsx", edit)
    with pytest.raises(DrafterError) as e:
        gather([form], office)
    assert not list(office.glob("30_gather_*"))
    return e.value.message


def test_a_renamed_locked_indicator_is_refused_at_its_cell(blank_form, office, tmp_path):
    message = _refused(blank_form, office, tmp_path, "A9", "城镇人均收入")
    assert "区统计局.xlsx 工作表“数据”单元格 A9" in message
    assert "城镇居民人均可支配收入" in message and "城镇人均收入" in message


def test_a_renamed_prefilled_row_left_unfilled_is_refused_too(blank_form, office, tmp_path):
    message = _refused(blank_form, office, tmp_path, "A4", "固投")  # 固定资产投资, prefilled 7
    assert "单元格 A4" in message and "固定资产投资" in message


def _with_cached_value(path: Path, coord: str, value: str) -> None:
    """Give the formula in `coord` of 数据 the value Excel would have saved with it (openpyxl
    writes formulas without one)."""
    raw = path.read_bytes()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(raw)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            body = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                body, n = re.subn(rf'(<c r="{coord}"[^>]*>\s*<f>[^<]*</f>)(\s*<v\s*/>|\s*<v></v>)?'.encode(),
                                  lambda m: m.group(1) + f"<v>{value}</v>".encode(), body)
                assert n == 1
            dst.writestr(item, body)
    path.write_bytes(out.getvalue())


def test_a_formula_without_a_saved_value_is_refused(blank_form, office, tmp_path):
    message = _refused(blank_form, office, tmp_path, "E9", "=40000+5000")
    assert "区统计局.xlsx 工作表“数据”单元格 E9 是公式但没有计算结果：请在 Excel/WPS 中打开并保存后再交" in message


def test_a_formula_with_its_saved_value_is_read_by_the_value(blank_form, office, tmp_path):
    def formula(wb):
        wb["数据"]["E9"] = "=40000+5000"

    form = returned(blank_form, tmp_path, "区统计局.xlsx", formula)
    _with_cached_value(form, "E9", "45000")
    gather([form], office)
    fragment = (office / "30_gather_区统计局.yaml").read_text(encoding="utf-8")
    assert 'name: "城镇居民人均可支配收入", value: 45000' in fragment


def test_a_formula_without_value_in_the_work_sheet_is_refused(blank_form, office, tmp_path):
    def formula(wb):
        wb["工作和措施"]["A2"] = '="新建基站"&300&"个"'

    form = returned(blank_form, tmp_path, "区统计局.xlsx", formula)
    with pytest.raises(DrafterError) as e:
        gather([form], office)
    assert "工作表“工作和措施”单元格 A2 是公式但没有计算结果" in e.value.message


@pytest.mark.parametrize(("note", "fields"), [
    ("约", ("约", "", None, None)),
    ("多", ("多", "", None, None)),  # 300多项
    ("左右", ("", "左右", None, None)),
    ("列全省第4", ("", "", {"scope": "全省", "place": 4, "numeral": "数字"}, None)),
    ("居全市第二", ("", "", {"scope": "全市", "place": 2, "numeral": "汉字"}, None)),
    ("约；列全省第1", ("约", "", {"scope": "全省", "place": 1, "numeral": "数字"}, None)),
    ("优良天数比例", ("", "", None, "优良天数比例")),  # anything else reaches the draft as its note
])
def test_notes_column_words_become_the_figures_fields(note, fields):
    from drafter.gather.forms_in import read_note

    words = read_note(note)
    assert (words.approx, words.qualifier, words.rank, words.note) == fields


@pytest.mark.parametrize(("note", "fields"), [
    # H87's 商务局: without `of` the draft inferred 增速 from the growth
    ("总量居全省第2位", ("", "", {"scope": "全省", "place": 2, "numeral": "数字", "of": "总量"}, "", None)),
    ("增速列全市第一", ("", "", {"scope": "全市", "place": 1, "numeral": "汉字", "of": "增速"}, "", None)),
    ("以下", ("", "以内", None, "", None)),  # 城镇登记失业率4.2%以下: an upper bound, said 以内
    ("提升至", ("", "", None, "提升至", None)),  # 常住人口城镇化率提升至54.35%
    ("约，达到", ("约", "", None, "达到", None)),
])
def test_notes_column_rank_basis_bound_and_verb(note, fields):
    from drafter.gather.forms_in import read_note

    words = read_note(note)
    assert (words.approx, words.qualifier, words.rank, words.verb, words.note) == fields


@pytest.mark.parametrize("note", ["列全省第二二位", "列全省第十十"])
def test_notes_column_rank_with_no_numeral_is_kept_as_words(note):
    """A place that is no Chinese numeral (第二二, a slip) was a ValueError traceback."""
    from drafter.gather.forms_in import read_note

    words = read_note(note)
    assert words.rank is None and words.note == note


def test_notes_lines_and_restated_lines_of_a_returned_form_in_the_draft(blank_form, office, tmp_path):
    """H87's 宜宾 forms: 「进出口总额364.2亿元、增长15.5%、增速居全省第2」 for 总量居全省第2位,
    「常住人口城镇化率54.35%，提升至。」, a 工作 line without 。 running on into the next
    department's text, and 城镇新增就业7.2万人 given as a row and again as a 工作 line."""
    def edit(wb):
        ws = wb["数据"]
        r = ws.max_row + 1
        for row in (("进出口总额", "亿元", None, None, 364.2, 15.5, "快报", "总量居全省第2位"),
                    ("常住人口城镇化率", "%", None, None, 54.35, None, "预计", "提升至"),
                    ("城镇新增就业", "万人", None, None, 7.2, None, "核实", None)):
            for c, v in enumerate(row, 1):
                ws.cell(r, c, v)
            r += 1
        lines = wb["工作和措施"]
        lines["A2"], lines["A3"] = "城镇新增就业7.2万人", "成功承办全省高校毕业生等青年就业创业工作推进会"
    form = returned(blank_form, tmp_path, "区统计局.xlsx", edit)
    result = gather([form], office)
    assert any(n.startswith("1 处材料中的数字") for n in result.summary.notes)
    text = draft_text(office, tmp_path)
    assert "总量居全省第2" in text and "增速居全省第2" not in text
    assert "常住人口城镇化率提升至54.35%" in text and "提升至。" not in text
    assert "就业创业工作推进会。" in text
    assert text.count("7.2万人") == 1
