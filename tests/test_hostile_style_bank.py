"""Issue 9 (§4, §5, §6): hostile style files, phrase banks and document properties end in a
Chinese error naming the file and key (exit 2, nothing written), never a traceback or a
.docx that Word / LibreOffice cannot lay out."""

from __future__ import annotations

import copy
import json
import os
import re
import shutil
import subprocess
import zipfile

import docx
import pytest
from pydantic import ValidationError

from drafter.errors import DrafterError
from drafter.limits import MAX_BANK_BYTES
from drafter.phrases.bank import FORMAT, check_bank, default_bank, load_bank
from drafter.style import default_profile, load_profile
from drafter.tree import Document, Header, Properties, Run
from drafter.writers.docx_writer import CORE_TEXT_MAX, write_docx

from conftest import CORPUS, MINIMAL


def _draft_with_style(tmp_path, run_cli, minimal, style_text: str):
    style = tmp_path / "本地版式.yaml"
    style.write_text(style_text, encoding="utf-8")
    out = tmp_path / "o.docx"
    code, _, err = run_cli("draft", minimal, "-o", out, "--style", style)
    assert code == 2 and not out.exists(), err
    assert "Traceback" not in err and "Error" not in err
    return err


# --- §5: style files that crashed the writer ----------------------------------------------------

def test_style_file_that_is_a_list(tmp_path, run_cli, minimal):
    err = _draft_with_style(tmp_path, run_cli, minimal, "- page\n- body\n")
    assert "本地版式.yaml 版式文件应为“键: 值”组成的映射" in err and "列表" in err


@pytest.mark.parametrize("char,code", [("\\v", "000B"), ("\\0", "0000"), ("\\x1b", "001B")])
def test_style_font_with_a_control_character(tmp_path, run_cli, minimal, char, code):
    err = _draft_with_style(tmp_path, run_cli, minimal, f'body:\n  font: "仿宋{char}GB2312"\n')
    assert f"本地版式.yaml:2:9 body.font 字体名含不可见字符（U+{code}）" in err


@pytest.mark.parametrize("value", [".nan", ".inf", "-.inf"])
def test_style_numbers_that_are_not_finite(tmp_path, run_cli, minimal, value):
    err = _draft_with_style(
        tmp_path, run_cli, minimal,
        f"page:\n  width_mm: {value}\n  lines_per_page: {value}\nbody:\n  size: {value}\n",
    )
    assert f"本地版式.yaml:2:13 page.width_mm 应在 50–1200 毫米之间，这里是 {value}" in err
    assert f"本地版式.yaml:3:19 page.lines_per_page 应在 10–60 行之间，这里是 {value}" in err
    assert f"本地版式.yaml:5:9 body.size 应在 5–72 磅之间，这里是 {value}" in err


@pytest.mark.parametrize("value", ["1e308", "1e999999999", "1e-400"])
def test_style_numbers_that_are_absurd(tmp_path, run_cli, minimal, value):
    """Refused by the YAML reader's number bounds or by the style's ranges: either way at the
    place they were written."""
    err = _draft_with_style(
        tmp_path, run_cli, minimal,
        f"page:\n  width_mm: {value}\n  lines_per_page: {value}\nbody:\n  size: {value}\n",
    )
    for where in ("2:13 page.width_mm ", "3:19 page.lines_per_page ", "5:9 body.size "):
        assert f"本地版式.yaml:{where}" in err


# --- §6: style numbers that were written into the .docx unchecked -------------------------------

@pytest.mark.parametrize("style_text,expected", [
    ("page:\n  margin_left_mm: -50\n", "2:19 page.margin_left_mm 应在 0–100 毫米之间，这里是 -50"),
    ("page:\n  margin_top_mm: 10000\n", "2:18 page.margin_top_mm 应在 0–100 毫米之间，这里是 10000"),
    ("page:\n  width_mm: 0\n  height_mm: 0\n", "2:13 page.width_mm 应在 50–1200 毫米之间，这里是 0"),
    ("body:\n  size: 1000000000\n", "2:9 body.size 应在 5–72 磅之间，这里是 1000000000"),  # w:sz="2000000000"
    ("body:\n  first_line_chars: 1e20\n", "2:21 body.first_line_chars 应在 0–10 字之间，这里是 1e+20"),  # firstLineChars="1e22"
    ("title:\n  space_after_lines: -1\n", "2:22 title.space_after_lines 应在 0–10 行之间，这里是 -1"),
    ("page_number:\n  indent_chars: 99\n", "2:17 page_number.indent_chars 应在 0–10 字之间，这里是 99"),
    ("page_number:\n  size: 2\n", "2:9 page_number.size 应在 5–72 磅之间，这里是 2"),
    ("page:\n  footer_mm: -1\n", "2:14 page.footer_mm 应在 0–100 毫米之间，这里是 -1"),
    ("page:\n  chars_per_line: 28.5\n", "2:19 page.chars_per_line 应为整数（字），这里是 28.5"),
    ("page:\n  lines_per_page: true\n", "2:19 page.lines_per_page 应为 10–60 之间的整数（行）"),
    ("body:\n  size: 大号\n", "2:9 body.size 未知字号“大号”"),
    ("page:\n  width_mm: 100\n  margin_left_mm: 40\n  margin_right_mm: 30\n",
     "2:3 page 纸张宽 100 毫米减去左右白边（40 + 30）只剩 30 毫米，版心宽度至少应有 40 毫米"),
    ("page:\n  height_mm: 120\n  margin_top_mm: 50\n  margin_bottom_mm: 50\n",
     "2:3 page 纸张高 120 毫米减去上下白边（50 + 50）只剩 20 毫米，版心高度至少应有 40 毫米"),
])
def test_style_numbers_out_of_range(tmp_path, run_cli, minimal, style_text, expected):
    err = _draft_with_style(tmp_path, run_cli, minimal, style_text)
    assert f"本地版式.yaml:{expected}" in err


def test_lines_that_would_overlap_or_squeeze(tmp_path, run_cli, minimal):
    err = _draft_with_style(tmp_path, run_cli, minimal, "page:\n  lines_per_page: 60\nbody:\n  size: 一号\n")
    assert "行距只有 10.6 磅，小于正文字号 26 磅（body.size），文字会重叠" in err
    err = _draft_with_style(tmp_path, run_cli, minimal, "page:\n  chars_per_line: 60\n")
    assert "每字只有 7.4 磅，远小于正文字号 16 磅（body.size）" in err


@pytest.mark.parametrize("font,expected", [
    ("字" * 65, "字体名有 65 个字符，超过上限 64"),
    ('""', "字体名不能为空（不需要时删去这一行）"),
    ("12", "字体名应为一段文本"),
])
def test_font_names_printable_and_bounded(tmp_path, run_cli, minimal, font, expected):
    err = _draft_with_style(tmp_path, run_cli, minimal, f"heading1:\n  font: {font}\nlatin_font: {font}\n")
    assert f"本地版式.yaml:2:9 heading1.font {expected}" in err
    assert f"本地版式.yaml:3:13 latin_font {expected}" in err


def test_page_number_format_printable_and_bounded(tmp_path, run_cli, minimal):
    err = _draft_with_style(tmp_path, run_cli, minimal, 'page_number:\n  format: "—\\u0007{page}"\n')
    assert "page_number.format 含不可见字符（U+0007）" in err
    err = _draft_with_style(tmp_path, run_cli, minimal, f"page_number:\n  format: {'页' * 41}\n")
    assert "page_number.format 有 41 个字符，超过上限 40" in err


def test_assignment_in_code_is_checked_too():
    prof = default_profile()
    with pytest.raises(ValidationError, match="应在 50–1200 毫米之间"):
        prof.page.width_mm = 0
    with pytest.raises(ValidationError, match="字体名含不可见字符"):
        prof.body.font = "仿宋\x00"
    assert prof.page.width_mm == 210 and prof.body.font == "仿宋_GB2312"


def test_edge_values_are_accepted_and_written(tmp_path):
    """The ends of each range load, and the values reach the .docx."""
    style = tmp_path / "s.yaml"
    style.write_text(
        "page:\n  width_mm: 297\n  height_mm: 420\n  margin_left_mm: 0\n  margin_right_mm: 100\n"
        "body:\n  size: 小四\n  first_line_chars: 10\n", encoding="utf-8")
    prof = load_profile(style)
    assert prof.body.size == 12 and prof.page.margin_right_mm == 100
    out = tmp_path / "o.docx"
    write_docx(Document(Header([Run("政府工作报告")])), out, prof)
    with zipfile.ZipFile(out) as z:
        doc, styles = z.read("word/document.xml").decode(), z.read("word/styles.xml").decode()
    assert 'w:w="16838" w:h="23811"' in doc and 'w:right="5669"' in doc  # 297 × 420 mm, 100 mm
    assert 'w:firstLineChars="1000"' in styles and 'w:sz w:val="24"' in styles


# --- §5 and §4: phrase banks --------------------------------------------------------------------

def _bank(**entry_changes) -> dict:
    entry = {
        "id": "formula.review.review.problems_intro.1", "kind": "formula", "part": "review",
        "slot": "review.problems_intro", "slots": {}, "text": "我们也清醒认识到，", "count": 3,
        "sources": [{"file": "2024_咸阳市.txt", "line": 30}], "example": "我们也清醒认识到，",
    }
    entry.update(entry_changes)
    return {"format": FORMAT, "version": 1, "corpus": [{"place": "咸阳市"}], "entries": [entry]}


def _write(tmp_path, data, ensure_ascii=True):
    path = tmp_path / "bank.json"
    text = data if isinstance(data, str) else json.dumps(data, ensure_ascii=ensure_ascii)
    path.write_text(text, encoding="utf-8")
    return path


def _refused(tmp_path, run_cli, bank_path) -> str:
    """The bank is refused the same way by `drafter phrases` and by `drafter draft`."""
    code, out, err = run_cli("phrases", "认识", "--phrases", bank_path)
    assert code == 2 and not out, err
    data = tmp_path / "d.yaml"
    data.write_text(MINIMAL, encoding="utf-8")
    code2, _, err2 = run_cli("draft", data, "-o", tmp_path / "o.docx", "--phrases", bank_path)
    assert code2 == 2 and err2 == err and not (tmp_path / "o.docx").exists()
    assert "Traceback" not in err and "Error" not in err
    return err


def test_bank_with_a_lone_surrogate(tmp_path, run_cli):
    err = _refused(tmp_path, run_cli, _write(tmp_path, _bank(text="清醒\ud800认识到")))
    assert "bank.json 的第 1 条短语（id “formula.review.review.problems_intro.1”）：text 第 3 个字符 U+D800" in err


def test_bank_with_a_control_character_in_a_source_file_name(tmp_path, run_cli):
    err = _refused(tmp_path, run_cli, _write(tmp_path, _bank(sources=[{"file": "a\x1b[2J.txt", "line": 1}])))
    assert "sources 第 1 项 第 2 个字符 U+001B" in err


def test_bank_with_a_number_as_corpus(tmp_path, run_cli):
    data = _bank()
    data["corpus"] = 5
    err = _refused(tmp_path, run_cli, _write(tmp_path, data))
    assert "bank.json 的 corpus 应为列表（每份语料报告一项），这里是 5" in err


def test_bank_nested_100k_deep(tmp_path, run_cli):
    err = _refused(tmp_path, run_cli, _write(tmp_path, "[" * 100_000 + "]" * 100_000))
    assert "bank.json 的 JSON 嵌套层数过深" in err


@pytest.mark.parametrize("count,shown", [("abc", "“abc”"), (2.5, "2.5"), (True, "true"), (0, "0"),
                                         (-3, "-3"), (10**30, "过大的数"), ([1], "列表")])
def test_bank_with_non_numeric_counts(tmp_path, run_cli, count, shown):
    err = _refused(tmp_path, run_cli, _write(tmp_path, _bank(count=count)))
    assert f"count 应为 1–1000000000 的整数，这里是 {shown}" in err


@pytest.mark.parametrize("change,expected", [
    ({"kind": "poem"}, "kind 应为 formula、heading、lead、number、expression 之一，这里是 “poem”"),
    ({"text": None}, "text 缺少必填字段"),
    ({"text": 7}, "text 应为文本，这里是 7"),
    ({"id": ""}, "id 不能为空"),
    ({"slots": ["a"]}, "slots 应为映射（槽位名: 类型），这里是 列表"),
    ({"slots": {"数": 1}}, "slots 中的槽位 “数” 应为文本，这里是 1"),
    ({"sources": [{"file": "a.txt", "line": "三"}]}, "sources 第 1 项 line 应为行号（非负整数），这里是 “三”"),
    ({"sources": "a.txt"}, "sources 应为列表，这里是 “a.txt”"),
    ({"topic": {"x": 1}}, "topic 应为文本，这里是 映射"),
])
def test_bank_entry_fields_are_type_checked(tmp_path, run_cli, change, expected):
    err = _refused(tmp_path, run_cli, _write(tmp_path, _bank(**change)))
    assert "bank.json 的第 1 条短语" in err and expected in err


@pytest.mark.parametrize("change,expected", [
    ({"version": True}, "短语库版本 true 不受支持"),
    ({"entries": {"a": 1}}, "entries 应为列表（短语条目），这里是 映射"),
    ({"entries": [3]}, "第 1 条短语应为映射（含 id、kind、text），这里是 3"),
    ({"corpus": ["咸阳市"]}, "corpus 第 1 项应为映射，这里是 “咸阳市”"),
    ({"corpus": [{"place": 5}]}, "corpus 第 1 项的 place 应为文本，这里是 5"),
])
def test_bank_top_level_is_type_checked(tmp_path, run_cli, change, expected):
    err = _refused(tmp_path, run_cli, _write(tmp_path, {**_bank(), **change}))
    assert expected in err


def test_bank_markup_is_printed_as_text(tmp_path, run_cli):
    """rich took 「[/]」 in an entry (or the query) as markup and failed."""
    data = _bank(text="清醒[/]认识到[bold]", slot="[red]x", sources=[{"file": "[/b]a.txt", "line": 2}])
    path = _write(tmp_path, data, ensure_ascii=False)
    code, out, err = run_cli("phrases", "[/]", "--phrases", path)
    assert code == 0, err
    assert "清醒[/]认识到[bold]" in out and "[red]x" in out and "[/b]a:2" in out
    assert "“[/]”：1 条（共 1 条）" in out


def test_bank_over_the_size_limit_is_not_read(tmp_path, run_cli):
    """A sparse file: refused by its size before a byte is read (the 2.3 GB case of §4)."""
    path = tmp_path / "bank.json"
    with open(path, "wb") as f:
        f.truncate(MAX_BANK_BYTES + 1)
    err = _refused(tmp_path, run_cli, path)
    mb = MAX_BANK_BYTES // (1024 * 1024)
    assert "短语库 " in err and f"bank.json 有 {mb * 1024} KB，超过上限 {mb} MB，已拒绝" in err


def test_bank_that_is_a_fifo(tmp_path, run_cli):
    path = tmp_path / "bank.json"
    os.mkfifo(path)
    err = _refused(tmp_path, run_cli, path)
    assert "不是普通文件" in err


def test_bank_with_a_bom_and_unknown_fields_loads(tmp_path):
    data = _bank(verb="推进", future_field={"x": [1]})
    path = tmp_path / "bank.json"
    path.write_text("\ufeff" + json.dumps(data, ensure_ascii=False), encoding="utf-8")
    bank = load_bank(path)
    assert len(bank) == 1 and bank.places == ("咸阳",)
    assert bank.of("formula", "review.problems_intro")[0].sources == (("2024_咸阳市.txt", 30),)


def test_shipped_bank_passes_the_check():
    from drafter.mine.split import read_split

    data = read_split(CORPUS / "phrases")  # the shipped bank is split by kind
    check_bank(data, "phrases.json")
    assert len(default_bank()) == len(data["entries"])
    bad = copy.deepcopy(data)
    bad["entries"][-1]["count"] = "7"
    with pytest.raises(DrafterError, match=f"第 {len(data['entries'])} 条短语.*count"):
        check_bank(bad, "phrases.json")


# --- §5: a region of 300 characters -------------------------------------------------------------

def test_region_of_300_characters_is_refused_with_its_position(tmp_path, run_cli):
    data = tmp_path / "d.yaml"
    data.write_text(MINIMAL.replace("region: 咸阳市", "region: " + "咸" * 299 + "市"), encoding="utf-8")
    code, _, err = run_cli("draft", data, "-o", tmp_path / "o.docx")
    assert code == 2 and not (tmp_path / "o.docx").exists()
    assert "d.yaml:2:11 meta.region（地区全称） 地区全称有 300 个字，超过上限 50" in err
    code, _, err = run_cli("validate", data)
    assert code == 2 and "超过上限 50" in err


def test_long_core_properties_are_cut_not_fatal(tmp_path):
    """Core properties are metadata: python-docx refuses more than 255 characters."""
    doc = Document(Header([Run("政府工作报告")]))
    doc.properties = Properties(title="长" * 300, keywords="词;" * 200, subject="主题" * 200,
                                author="作者" * 200, comments="注" * 256)
    path = tmp_path / "o.docx"
    write_docx(doc, path)
    cp = docx.Document(str(path)).core_properties
    for value in (cp.title, cp.keywords, cp.subject, cp.author, cp.comments, cp.last_modified_by):
        assert len(value) == CORE_TEXT_MAX and value.endswith("…")
    assert cp.title == "长" * 254 + "…"


def test_smallest_and_largest_allowed_pages_render(tmp_path):
    """The ends of the page ranges still make a document LibreOffice lays out (a 0×0 page
    could not be exported): both convert, at the page size asked for."""
    if not shutil.which("soffice") or not shutil.which("pdfinfo"):
        pytest.skip("LibreOffice / poppler-utils not installed: rendering check skipped")
    profiles = {
        "tiny": "page: {width_mm: 60, height_mm: 60, margin_top_mm: 5, margin_bottom_mm: 5, "
                "margin_left_mm: 5, margin_right_mm: 5, footer_mm: 2, lines_per_page: 10, chars_per_line: 10}\n"
                "title: {size: 5}\nbody: {size: 10, first_line_chars: 10}\npage_number: {size: 5, indent_chars: 10}\n",
        "huge": "page: {width_mm: 1200, height_mm: 1200, margin_top_mm: 100, margin_bottom_mm: 100, "
                "margin_left_mm: 100, margin_right_mm: 100, footer_mm: 100, lines_per_page: 10, chars_per_line: 10}\n"
                "title: {size: 72, space_before_lines: 10, space_after_lines: 10}\nbody: {size: 72}\n",
    }
    doc = Document(Header([Run("政府工作报告")]))
    for name, text in profiles.items():
        (tmp_path / f"{name}.yaml").write_text(text, encoding="utf-8")
        write_docx(doc, tmp_path / f"{name}.docx", load_profile(tmp_path / f"{name}.yaml"))
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{tmp_path}/lo-profile", "--headless", "--convert-to",
         "pdf", "--outdir", str(tmp_path), str(tmp_path / "tiny.docx"), str(tmp_path / "huge.docx")],
        check=True, capture_output=True, timeout=300, env={**os.environ, "HOME": str(tmp_path)},
    )
    for name, mm in (("tiny", 60), ("huge", 1200)):
        info = subprocess.run(["pdfinfo", str(tmp_path / f"{name}.pdf")], capture_output=True, text=True).stdout
        w, h = map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info).groups())
        assert abs(w - mm / 25.4 * 72) < 1 and abs(h - mm / 25.4 * 72) < 1
