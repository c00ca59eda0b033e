"""Hostile reports and documents (issue 9, §4 and §5): special files, XML bombs inside the zip
limits, huge drafts, broken .docx packages. Each is refused with a Chinese message naming the
file, exit 2 and nothing written, or finishes with its output bounded. Speed and memory are
measured by bench/hostile_cases_docs.py, not here."""

from __future__ import annotations

import io
import os
import sys
import tracemalloc
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from rich.console import Console

from drafter.errors import DrafterError
from drafter.limits import (
    MAX_DOCX_ELEMENTS,
    MAX_DOCX_XML_PART,
    MAX_FINDINGS_LISTED,
    MAX_REPORT_PARAGRAPHS,
    count_xml_elements,
)
from drafter.parse import ParseError, parse_report, read_lines
from tests.conftest import CORPUS, ROOT

sys.path.insert(0, str(ROOT / "bench"))
from hostile_cases_docs import grow_docx, numbered_paragraphs, report_paragraphs

SAMPLE = CORPUS / "2024_咸阳市.txt"
XIANYANG = ROOT / "examples" / "xianyang_2024.yaml"
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _chinese(message: str) -> bool:
    return any("\u4e00" <= c <= "\u9fff" for c in message)


@pytest.fixture(scope="module")
def report_docx(tmp_path_factory) -> Path:
    """Last year's report as Word saves it: the corpus text, one paragraph per line."""
    d = docx.Document()
    for line in read_lines(SAMPLE):
        d.add_paragraph(line)
    out = tmp_path_factory.mktemp("report") / "2024年报告.docx"
    d.save(str(out))
    return out


def _refused(run_cli, tmp_path, args, name, *, written=()):
    """The command exits 2 with a Chinese message naming `name`, and writes nothing."""
    before = set(os.listdir(tmp_path))
    code, out, err = run_cli(*args)
    assert code == 2, (out, err)
    assert name in err and _chinese(err) and "Traceback" not in err
    assert set(os.listdir(tmp_path)) == before
    for w in written:
        assert not Path(w).exists()
    return err


# ---------------------------------------------------------------------------------------------
# special files: /dev/zero, FIFOs, sparse files (read with a cap, never trusting stat)


def _special(tmp_path: Path, kind: str, suffix: str) -> Path:
    p = tmp_path / f"去年{suffix}"
    if kind == "zero":
        p.symlink_to("/dev/zero")
    else:
        os.mkfifo(p)
    return p


@pytest.mark.parametrize("kind", ["zero", "fifo"])
@pytest.mark.parametrize("suffix", [".docx", ".txt"])
def test_special_files_are_refused_by_parse_and_init_from(tmp_path, run_cli, kind, suffix):
    src = _special(tmp_path, kind, suffix)
    out = tmp_path / "s.json"
    err = _refused(run_cli, tmp_path, ["parse", src, "-o", out], src.name)
    assert "不是普通文件" in err
    err = _refused(run_cli, tmp_path, ["init", tmp_path / "n.yaml", "--from", src], src.name)
    assert "不是普通文件" in err


@pytest.mark.parametrize("kind", ["zero", "fifo"])
def test_special_files_are_refused_by_check(tmp_path, run_cli, kind):
    src = _special(tmp_path, kind, ".docx")
    report = tmp_path / "r.md"
    err = _refused(run_cli, tmp_path, ["check", XIANYANG, "--draft", src, "--report", report], src.name)
    assert "不是普通文件" in err
    err = _refused(run_cli, tmp_path, ["check", XIANYANG, "--previous", src, "--report", report], src.name)
    assert "不是普通文件" in err


def test_mine_skips_special_and_sparse_files_without_reading_them(tmp_path):
    from drafter.mine import mine

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "2024_咸阳市.txt").write_bytes(SAMPLE.read_bytes())
    (corpus / "zero.txt").symlink_to("/dev/zero")
    os.mkfifo(corpus / "fifo.txt")
    (corpus / "loop.txt").symlink_to("loop.txt")
    with open(corpus / "huge.txt", "wb") as f:
        f.truncate(3 * 2**30)  # sparse: 3 GB that `stat` reports truthfully
    tracemalloc.start()
    result = mine(corpus, tmp_path / "bank.json", progress=False)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert result.files["mined"] == 1
    warnings = "\n".join(result.warnings)
    assert "跳过 zero.txt：不是普通文件" in warnings
    assert "跳过 fifo.txt：不是普通文件" in warnings
    assert "跳过 huge.txt" in warnings and "超过上限" in warnings
    assert "跳过 loop.txt" in warnings and "循环" in warnings
    assert peak < 500 * 1024 * 1024  # the 3 GB file was never read (jieba's dictionary is ~100 MB)


def test_mine_of_a_folder_of_only_special_files_is_a_chinese_error(tmp_path):
    from drafter.mine import mine

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "zero.txt").symlink_to("/dev/zero")
    with pytest.raises(DrafterError, match=r"没有可以读取的政府工作报告.*zero\.txt"):
        mine(corpus, tmp_path / "bank.json", progress=False)
    assert not (tmp_path / "bank.json").exists()


# ---------------------------------------------------------------------------------------------
# XML bombs inside the zip limits: counted while streaming, before python-docx builds a tree


@pytest.fixture
def no_python_docx(monkeypatch):
    """Fails the test if python-docx is asked to open a package."""
    def refuse(*a, **k):
        raise AssertionError("python-docx opened a package that should have been refused")

    monkeypatch.setattr(docx, "Document", refuse)


def test_counting_builds_no_tree_and_stops_at_the_cap():
    from drafter.limits import XmlTooBig

    xml = b"<a>" + b"<b>x</b>" * 1000 + b"</a>"
    assert count_xml_elements(io.BytesIO(xml), 10_000, 10**6) == 1001
    with pytest.raises(XmlTooBig) as e:
        count_xml_elements(io.BytesIO(xml), 500, 10**6, chunk=256)
    assert e.value.what == "elements"
    with pytest.raises(XmlTooBig) as e:
        count_xml_elements(io.BytesIO(xml), 10_000, 1000, chunk=256)
    assert e.value.what == "bytes"
    assert count_xml_elements(io.BytesIO(b"\x89PNG\r\n\x1a\n" + bytes(5000)), 10, 10) == 0  # an image


def _element_bomb(tmp_path: Path, report_docx: Path) -> Path:
    """A real report with enough tiny paragraphs appended to pass the element budget, at a
    compression ratio (~26) inside the zip limits."""
    bomb = tmp_path / "超大.docx"
    grow_docx(report_docx, bomb, numbered_paragraphs(MAX_DOCX_ELEMENTS // 3 * 40))
    with zipfile.ZipFile(bomb) as z:
        info = z.getinfo("word/document.xml")
        assert info.file_size / info.compress_size < 200
    return bomb


def test_an_xml_element_bomb_is_refused_by_parse(tmp_path, report_docx, no_python_docx):
    bomb = _element_bomb(tmp_path, report_docx)
    with pytest.raises(ParseError) as e:
        parse_report(bomb)
    assert "超大.docx" in e.value.message and "XML 元素超过" in e.value.message


def test_an_xml_element_bomb_is_refused_by_check_and_init_from(tmp_path, run_cli, report_docx):
    bomb = _element_bomb(tmp_path, report_docx)
    err = _refused(run_cli, tmp_path, ["check", XIANYANG, "--draft", bomb, "--report", tmp_path / "r.md"], bomb.name)
    assert "XML 元素超过" in err
    err = _refused(run_cli, tmp_path, ["init", tmp_path / "n.yaml", "--from", bomb], bomb.name)
    assert "XML 元素超过" in err


def test_an_oversized_xml_part_is_refused(tmp_path, report_docx, no_python_docx):
    """Few elements but big text nodes: the per-part size cap, at a ratio inside the limits."""
    text = b"".join(b"<w:p><w:r><w:t>%s</w:t></w:r></w:p>" % os.urandom(512 * 1024).hex().encode()
                    for _ in range(MAX_DOCX_XML_PART // (1024 * 1024) + 1))
    big = tmp_path / "长文.docx"
    grow_docx(report_docx, big, text)
    with pytest.raises(ParseError) as e:
        parse_report(big)
    assert "长文.docx" in e.value.message and "word/document.xml 解压后超过" in e.value.message


# ---------------------------------------------------------------------------------------------
# paragraph cap and findings cap


def test_too_many_paragraphs_are_refused_in_docx_and_txt(tmp_path, report_docx):
    long_docx = tmp_path / "很长.docx"
    grow_docx(report_docx, long_docx, b"<w:p/>" * MAX_REPORT_PARAGRAPHS)
    with pytest.raises(ParseError, match=r"很长\.docx 有 .* 段，超过上限"):
        parse_report(long_docx)
    long_txt = tmp_path / "很长.txt"
    long_txt.write_text(SAMPLE.read_text(encoding="utf-8") + "推进工作。\n" * MAX_REPORT_PARAGRAPHS, encoding="utf-8")
    with pytest.raises(ParseError, match=r"很长\.txt 有 .* 段，超过上限"):
        parse_report(long_txt)


def test_too_many_paragraphs_are_refused_by_check(tmp_path):
    from tests.test_check_helpers import check, make_draft

    base = make_draft(XIANYANG, tmp_path / "初稿.docx")
    long_docx = tmp_path / "很长.docx"
    grow_docx(base, long_docx, b"<w:p/>" * MAX_REPORT_PARAGRAPHS)
    with pytest.raises(DrafterError, match=r"很长\.docx 有 .* 段，超过上限"):
        check(XIANYANG, draft=long_docx)


def _result(n: int):
    from drafter.checks.findings import ERROR, FACTS, Finding
    from drafter.checks.result import CheckResult

    r = CheckResult("咸阳市", 2024, "市", "文稿 初稿.docx", ran=[FACTS])
    r.findings = [Finding(FACTS, "被改动的数字", ERROR, f"第{i}处", paragraph=i + 1) for i in range(n)]
    return r


@pytest.mark.parametrize("markdown", [False, True])
def test_findings_listed_are_capped_and_the_rest_counted(markdown):
    from drafter.checks.render import report_text

    text = report_text(_result(MAX_FINDINGS_LISTED + 1234), markdown=markdown)
    assert f"第{MAX_FINDINGS_LISTED - 1}处" in text and f"第{MAX_FINDINGS_LISTED}处" not in text
    assert "另有 1234 条未列出" in text
    assert f"{MAX_FINDINGS_LISTED + 1234} 处错误" in text  # the totals still count every one
    assert "未列出" not in report_text(_result(MAX_FINDINGS_LISTED), markdown=markdown)


def test_findings_on_the_terminal_are_capped_too():
    from drafter.cli_render import print_result

    buf = io.StringIO()
    print_result(_result(MAX_FINDINGS_LISTED + 5), Console(file=buf, width=200))
    out = buf.getvalue()
    assert "另有 5 条未列出" in out and f"第{MAX_FINDINGS_LISTED}处" not in out


def test_a_draft_with_thousands_of_wrong_figures_lists_a_capped_report(tmp_path):
    from tests.test_check_helpers import check, make_draft

    base = make_draft(XIANYANG, tmp_path / "初稿.docx")
    long_docx = tmp_path / "改稿.docx"
    grow_docx(base, long_docx, report_paragraphs(3000))
    report = tmp_path / "检查结果.txt"
    result, printed = check(XIANYANG, draft=long_docx, report=report)
    assert len(result.errors) > MAX_FINDINGS_LISTED
    text = report.read_text(encoding="utf-8")
    assert "条未列出" in text and "条未列出" in printed
    assert len(text.splitlines()) < 3 * MAX_FINDINGS_LISTED + 50


# ---------------------------------------------------------------------------------------------
# broken packages (§5): every failure is a Chinese error naming the file


def _numbering_docx(tmp_path: Path, ilvl: str) -> Path:
    """The corpus report with Word numbering whose level is `ilvl` (in the numbering part and
    in the paragraphs)."""
    d = docx.Document()
    numbering = d.part.numbering_part.element
    numbering.insert(0, parse_xml(
        f'<w:abstractNum {W} w:abstractNumId="90">'
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="x"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>'
        "</w:abstractNum>"
    ))
    numbering.append(parse_xml(f'<w:num {W} w:numId="77"><w:abstractNumId w:val="90"/></w:num>'))
    for line in read_lines(SAMPLE):
        p = d.add_paragraph(line)
        if len(line) < 30:
            p._p.get_or_add_pPr().append(
                parse_xml(f'<w:numPr {W}><w:ilvl w:val="{ilvl}"/><w:numId w:val="77"/></w:numPr>'))
    out = tmp_path / f"编号{ilvl}.docx"
    d.save(str(out))
    return out


@pytest.mark.parametrize("ilvl", ["abc", "99", "-1", ""])
def test_a_bad_numbering_level_is_ignored(tmp_path, run_cli, ilvl):
    src = _numbering_docx(tmp_path, ilvl)
    assert read_lines(src) == read_lines(SAMPLE)  # the bad level gives no label, the text stays
    code, _, err = run_cli("parse", src, "-o", tmp_path / "s.json")
    assert code == 0, err
    code, _, err = run_cli("init", tmp_path / "n.yaml", "--from", src)
    assert code == 0, err


def test_a_bad_numbering_level_in_check_previous(tmp_path):
    from tests.test_check_helpers import check

    result, _ = check(XIANYANG, previous=_numbering_docx(tmp_path, "abc"))
    assert result.exit_code in (0, 1)


def _broken(tmp_path: Path, kind: str, report_docx: Path) -> Path:
    p = tmp_path / f"坏的{kind}.docx"
    good = report_docx.read_bytes()
    if kind == "空":
        p.write_bytes(b"")
    elif kind == "doc":
        p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(1000))
    elif kind == "加密":  # Word's encrypted package: a compound file holding EncryptedPackage
        p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500) + "EncryptedPackage".encode("utf-16-le") + bytes(500))
    elif kind == "截断":
        p.write_bytes(good[: len(good) // 2])
    elif kind == "损坏":  # the zip directory is intact, document.xml's deflate stream is not
        with zipfile.ZipFile(report_docx) as z:
            offset = z.getinfo("word/document.xml").header_offset
        data = bytearray(good)
        for i in range(offset + 200, offset + 400):
            data[i] ^= 0x5A
        p.write_bytes(bytes(data))
    elif kind == "缺正文":  # a valid zip without word/document.xml
        with zipfile.ZipFile(report_docx) as z, zipfile.ZipFile(p, "w") as out:
            for info in z.infolist():
                if info.filename != "word/document.xml":
                    out.writestr(info, z.read(info))
    elif kind == "无正文":  # document.xml is there, but its root is not a w:document with a w:body
        with zipfile.ZipFile(report_docx) as z, zipfile.ZipFile(p, "w") as out:
            for info in z.infolist():
                data = z.read(info)
                if info.filename == "word/document.xml":
                    data = b'<?xml version="1.0"?><x xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>'
                out.writestr(info, data)
    return p


BROKEN = {
    "空": "空文件",
    "doc": "旧版 Word 二进制格式",
    "加密": "打开密码",
    "截断": "不是有效的 .docx",
    "损坏": "损坏",
    "缺正文": "损坏",
    "无正文": "没有正文",
}


@pytest.mark.parametrize("kind", list(BROKEN))
def test_broken_docx_is_a_chinese_error_in_parse_and_init_from(tmp_path, run_cli, report_docx, kind):
    src = _broken(tmp_path, kind, report_docx)
    err = _refused(run_cli, tmp_path, ["parse", src, "-o", tmp_path / "s.json"], src.name)
    assert BROKEN[kind] in err
    err = _refused(run_cli, tmp_path, ["init", tmp_path / "n.yaml", "--from", src], src.name)
    assert BROKEN[kind] in err


@pytest.mark.parametrize("kind", list(BROKEN))
def test_broken_docx_is_a_chinese_error_in_check(tmp_path, run_cli, report_docx, kind):
    src = _broken(tmp_path, kind, report_docx)
    report = tmp_path / "r.md"
    err = _refused(run_cli, tmp_path, ["check", XIANYANG, "--draft", src, "--report", report], src.name)
    assert BROKEN[kind] in err
    err = _refused(run_cli, tmp_path, ["check", XIANYANG, "--previous", src, "--report", report], src.name)
    assert BROKEN[kind] in err


def test_paragraph_text_reads_as_python_docx_does():
    """The fast walk used for long documents gives python-docx's Paragraph.text (line breaks,
    which are layout, left out)."""
    from docx.text.paragraph import Paragraph

    from drafter.parse.docx_text import paragraph_text

    body = (
        "<w:r><w:t>全市</w:t><w:tab/><w:t xml:space='preserve'>生产总值 </w:t></w:r>"
        "<w:hyperlink><w:r><w:t>2878</w:t></w:r><w:r><w:noBreakHyphen/><w:ptab/></w:r></w:hyperlink>"
        "<w:r><w:br/><w:t>亿元</w:t><w:cr/><w:br w:type='page'/><w:delText>删</w:delText></w:r>"
        "<w:ins><w:r><w:t>插入</w:t></w:r></w:ins><w:fldSimple><w:r><w:t>域</w:t></w:r></w:fldSimple>"
        "<w:r><w:rPr><w:b/></w:rPr><w:t/></w:r>"
    )
    p = parse_xml(f"<w:p {W}>{body}</w:p>")
    assert paragraph_text(p) == Paragraph(p, None).text.replace("\n", "") == "全市\t生产总值 2878-\t亿元"


def test_a_symlink_loop_is_named_as_one(tmp_path, run_cli):
    loop = tmp_path / "去年.docx"
    loop.symlink_to(loop.name)
    for args in (["parse", loop, "-o", tmp_path / "s.json"],
                 ["init", tmp_path / "n.yaml", "--from", loop],
                 ["check", XIANYANG, "--draft", loop, "--report", tmp_path / "r.md"],
                 ["check", XIANYANG, "--previous", loop, "--report", tmp_path / "r.md"]):
        assert "循环" in _refused(run_cli, tmp_path, args, loop.name)
