"""Input handling of the report parser: encodings, .docx, unreadable files, truncation.

All copies are made in tmp_path from the project's corpus (style_corpus/), never from
/work/shared.
"""

from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path

import pytest

from drafter.parse import ParseError, parse_lines, parse_report, read_lines, to_json

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "style_corpus"
REPORTS = sorted(CORPUS.glob("*.txt"))
SAMPLE = CORPUS / "2024_咸阳市.txt"


def _text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


@pytest.mark.parametrize("path", REPORTS, ids=lambda p: p.stem)
@pytest.mark.parametrize("encoding", ["gbk", "gb18030", "utf-16", "utf-8-sig"])
def test_encodings_parse_to_the_same_json(tmp_path, path, encoding):
    expected = to_json(parse_report(path))
    copy = tmp_path / f"{path.stem}.{encoding}.txt"
    copy.write_bytes(_text(path).encode(encoding))
    assert to_json(parse_report(copy)) == expected


def test_utf16_without_bom_and_crlf(tmp_path):
    expected = to_json(parse_report(SAMPLE))
    copy = tmp_path / "x.txt"
    copy.write_bytes(_text(SAMPLE).replace("\n", "\r\n").encode("utf-16-le"))
    assert to_json(parse_report(copy)) == expected
    copy.write_bytes(_text(SAMPLE).replace("\n", "\r\n").encode("utf-16-be"))
    assert to_json(parse_report(copy)) == expected


def test_decoding_is_deterministic(tmp_path):
    copy = tmp_path / "x.txt"
    copy.write_bytes(_text(SAMPLE).encode("gbk"))
    first = read_lines(copy)
    assert all(read_lines(copy) == first for _ in range(3))
    assert first == read_lines(SAMPLE)


def _make_docx(path: Path, lines: list[str]) -> None:
    import docx

    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    document.add_paragraph("")  # empty paragraphs are not lines
    table = document.add_table(rows=1, cols=2)  # tables are not read
    table.cell(0, 0).text = "表格内容"
    document.save(str(path))


@pytest.mark.parametrize("path", REPORTS, ids=lambda p: p.stem)
def test_docx_parses_to_the_same_json(tmp_path, path):
    lines = read_lines(path)
    target = tmp_path / f"{path.stem}.docx"
    _make_docx(target, lines)
    assert read_lines(target) == lines
    assert to_json(parse_report(target)) == to_json(parse_report(path))


def test_docx_spacing_is_normalised(tmp_path):
    lines = read_lines(SAMPLE)
    messy = ["政\u00a0府\u00a0工\u00a0作\u00a0报\u00a0告"] + ["\u3000\u3000" + x + "\u00a0" for x in lines[1:]]
    target = tmp_path / "messy.docx"
    _make_docx(target, messy)
    assert read_lines(target) == lines
    assert to_json(parse_report(target)) == to_json(parse_report(SAMPLE))


def test_docx_automatic_numbering_is_rendered(tmp_path):
    """Headings numbered by Word (numPr) read as the text a reader sees: 一、 / （一）."""
    import docx
    from docx.oxml import parse_xml

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    document = docx.Document()
    numbering = document.part.numbering_part.element
    numbering.insert(0, parse_xml(
        f'<w:abstractNum {w} w:abstractNumId="90">'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>'
        "</w:abstractNum>"
    ))
    numbering.append(parse_xml(f'<w:num {w} w:numId="77"><w:abstractNumId w:val="90"/></w:num>'))
    lines = read_lines(SAMPLE)
    for line in lines:
        level = None
        text = line
        for prefix, lvl in (("一、", 0), ("二、", 0), ("三、", 0)):
            if line.startswith(prefix):
                level, text = lvl, line[len(prefix):]
        if line[:1] == "（" and line[2:3] == "）" and len(line) < 40:
            level, text = 1, line[3:]
        p = document.add_paragraph(text)
        if level is not None:
            p._p.get_or_add_pPr().append(
                parse_xml(f'<w:numPr {w}><w:ilvl w:val="{level}"/><w:numId w:val="77"/></w:numPr>')
            )
    target = tmp_path / "numbered.docx"
    document.save(str(target))
    assert read_lines(target) == lines


def _assert_chinese_error(err: ParseError, name: str) -> None:
    message = str(err)
    assert name in message
    assert any("\u4e00" <= c <= "\u9fff" for c in message)
    assert err.path is not None and err.path.name == name


def test_old_doc_is_refused(tmp_path):
    target = tmp_path / "报告.doc"
    target.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512))
    with pytest.raises(ParseError) as e:
        parse_report(target)
    _assert_chinese_error(e.value, "报告.doc")
    assert ".doc" in str(e.value) and ".docx" in str(e.value)


def test_old_doc_with_wrong_suffix_is_refused(tmp_path):
    target = tmp_path / "报告.txt"
    target.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512))
    with pytest.raises(ParseError, match="旧版 Word"):
        read_lines(target)


@pytest.mark.parametrize("content", [b"", b"\n\r\n  \n", "\u3000\u3000\n".encode("utf-8")])
def test_empty_file_is_refused(tmp_path, content):
    target = tmp_path / "空.txt"
    target.write_bytes(content)
    with pytest.raises(ParseError) as e:
        parse_report(target)
    _assert_chinese_error(e.value, "空.txt")


def test_binary_garbage_is_refused(tmp_path):
    target = tmp_path / "garbage.txt"
    target.write_bytes(random.Random(20240205).randbytes(4096))
    with pytest.raises(ParseError) as e:
        parse_report(target)
    _assert_chinese_error(e.value, "garbage.txt")


def test_binary_without_nul_bytes_is_refused(tmp_path):
    rng = random.Random(7)
    target = tmp_path / "noise.bin"
    target.write_bytes(bytes(rng.randrange(0x80, 0x100) for _ in range(4096)))
    with pytest.raises(ParseError) as e:
        parse_report(target)
    _assert_chinese_error(e.value, "noise.bin")


@pytest.mark.parametrize(
    "content",
    [b"PK\x03\x04" + bytes(range(256)) * 4, b"this is not a zip file", b"PK\x03\x04"],
    ids=["broken-zip", "not-a-zip", "zip-header-only"],
)
def test_corrupt_docx_is_refused(tmp_path, content):
    target = tmp_path / "坏文件.docx"
    target.write_bytes(content)
    with pytest.raises(ParseError) as e:
        parse_report(target)
    _assert_chinese_error(e.value, "坏文件.docx")


def test_zip_that_is_not_word_is_refused(tmp_path):
    import zipfile

    target = tmp_path / "archive.docx"
    with zipfile.ZipFile(target, "w") as z:
        z.writestr("hello.txt", "hi")
    with pytest.raises(ParseError) as e:
        parse_report(target)
    _assert_chinese_error(e.value, "archive.docx")


def test_missing_file(tmp_path):
    with pytest.raises(ParseError) as e:
        parse_report(tmp_path / "没有.txt")
    assert "没有.txt" in str(e.value)


def test_truncated_report_parses(tmp_path):
    """咸阳 cut inside key task (五), in the middle of a paragraph."""
    lines = read_lines(SAMPLE)
    cut = lines[:44] + [lines[44][: len(lines[44]) // 2]]
    target = tmp_path / "truncated.txt"
    target.write_text("\n".join(cut), encoding="utf-8")
    js = to_json(parse_report(target))
    types = [p["type"] for p in js["parts"]]
    assert types == ["opening", "review", "targets", "key_tasks"]
    assert js["parts"][-1]["end_line"] == 45
    key = js["parts"][-1]["sections"]
    assert [s["line"] for s in key] == [27, 31, 35, 39, 43]
    assert [x["line"] for x in key[-1]["leads"]] == [44, 45] or [x["line"] for x in key[-1]["leads"]] == [44]


@pytest.mark.parametrize("path", REPORTS, ids=lambda p: p.stem)
def test_any_cut_parses_without_crashing(path):
    lines = read_lines(path)
    for cut in range(1, len(lines) + 1, 3):
        js = to_json(parse_lines(lines[:cut]))
        covered = [0] * (cut + 1)
        for p in js["parts"]:
            assert 1 <= p["start_line"] <= p["end_line"] <= cut
            for i in range(p["start_line"], p["end_line"] + 1):
                covered[i] += 1
        assert max(covered) <= 1  # parts never overlap


def test_parser_does_not_import_jieba():
    code = "import sys, drafter.parse; sys.exit(1 if 'jieba' in sys.modules else 0)"
    assert subprocess.run([sys.executable, "-c", code], cwd=ROOT).returncode == 0


@pytest.mark.parametrize("path", REPORTS, ids=lambda p: p.stem)
def test_parsed_report_rewrites_as_docx(tmp_path, path):
    """parse → the project's .docx writer → parse again gives the same structure."""
    from drafter.writers.docx_writer import write_docx

    doc = parse_report(path)
    target = tmp_path / f"{path.stem}.docx"
    write_docx(doc, target)
    assert read_lines(target) == read_lines(path)
    assert to_json(parse_report(target)) == to_json(doc)
