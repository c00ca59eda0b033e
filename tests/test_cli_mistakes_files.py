"""User mistakes about files (issue "What users expect"): an output that is an input, a
format the output's name contradicts, a missing --style, a --templates file, a data file
given to `parse`, and the schema `init` must not overwrite."""

from __future__ import annotations

import os
import shutil

import pytest

from tests.conftest import EXAMPLES, ROOT

GAOPING = EXAMPLES / "gaoping_2024_figures.yaml"
JINTAI = EXAMPLES / "jintai_2023_figures"
REPORT = ROOT / "style_corpus" / "2024_高平市.txt"


@pytest.fixture
def data(tmp_path):
    p = tmp_path / "高平.yaml"
    shutil.copyfile(GAOPING, p)
    return p


def _same_file_refused(code: int, err: str, before: bytes, path) -> None:
    assert code == 2 and "就是" in err and "不能覆盖" in err, err
    assert path.name in err
    assert path.read_bytes() == before  # the input is untouched


@pytest.mark.parametrize("extra", [[], ["--force"], ["--format", "txt", "--force"]])
def test_draft_never_writes_over_its_data_file(data, run_cli, extra):
    before = data.read_bytes()
    code, _, err = run_cli("draft", data, "-o", data, *extra)
    _same_file_refused(code, err, before, data)
    assert "数据文件" in err


def test_same_file_is_found_through_another_spelling_and_a_hard_link(data, tmp_path, run_cli, monkeypatch):
    before = data.read_bytes()
    monkeypatch.chdir(tmp_path)
    code, _, err = run_cli("outline", data, "-o", f"./{data.name}", "--force")
    _same_file_refused(code, err, before, data)
    link = tmp_path / "link.txt"
    os.link(data, link)
    code, _, err = run_cli("draft", data, "-o", link, "--force")
    _same_file_refused(code, err, before, data)


def test_an_output_that_is_a_file_of_the_data_folder_is_refused(tmp_path, run_cli):
    folder = tmp_path / "jintai"
    shutil.copytree(JINTAI, folder)
    victim = sorted(folder.glob("*.yaml"))[0]
    before = victim.read_bytes()
    code, _, err = run_cli("draft", folder, "-o", victim, "--format", "txt", "--force")
    _same_file_refused(code, err, before, victim)
    # a new file in the data folder is not an input: drafting into it works
    code, _out, err = run_cli("draft", folder, "-o", folder / "初稿.txt")
    assert code == 0, err


def test_style_and_templates_files_are_inputs_too(data, tmp_path, run_cli):
    style = tmp_path / "版式.yaml"
    style.write_text("body:\n  size: 16\n", encoding="utf-8")
    before = style.read_bytes()
    code, _, err = run_cli("draft", data, "-o", style, "--format", "txt", "--style", style, "--force")
    _same_file_refused(code, err, before, style)
    assert "版式文件" in err
    templates = tmp_path / "tpl"
    templates.mkdir()
    note = templates / "说明.txt"
    note.write_text("本单位的模板", encoding="utf-8")
    code, _, err = run_cli("draft", data, "-o", note, "--templates", templates, "--force")
    _same_file_refused(code, err, note.read_bytes(), note)
    assert note.read_text(encoding="utf-8") == "本单位的模板"


def test_init_from_itself_is_refused(data, run_cli):
    before = data.read_bytes()
    code, _, err = run_cli("init", data, "--from", data, "--force")
    _same_file_refused(code, err, before, data)


def test_parse_and_check_never_write_over_what_they_read(tmp_path, data, run_cli):
    report = tmp_path / "2024.txt"
    shutil.copyfile(REPORT, report)
    before = report.read_bytes()
    code, _, err = run_cli("parse", report, "-o", report, "--force")
    _same_file_refused(code, err, before, report)
    data_before = data.read_bytes()
    code, _, err = run_cli("check", data, "--report", data, "--force")
    _same_file_refused(code, err, data_before, data)


def test_mine_never_writes_over_a_report_of_its_corpus(tmp_path, run_cli):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copyfile(REPORT, corpus / "2024_高平市.txt")
    victim = corpus / "2024_高平市.txt"
    before = victim.read_bytes()
    code, _, err = run_cli("mine", corpus, "-o", victim, "--force")
    _same_file_refused(code, err, before, victim)


def test_init_leaves_an_existing_different_schema_and_says_so(tmp_path, run_cli):
    schema = tmp_path / "drafter.schema.json"
    schema.write_text('{"title": "本单位自己的"}', encoding="utf-8")
    code, out, err = run_cli("init", tmp_path / "d.yaml", "--region", "金台区", "--level", "区", "--year", "2025")
    assert code == 0, err
    assert schema.read_text(encoding="utf-8") == '{"title": "本单位自己的"}'
    assert "drafter.schema.json 已存在且与本版本不同，未覆盖" in out
    # identical content: left, nothing said
    code, out, _ = run_cli("schema")
    schema.write_text(out, encoding="utf-8")
    code, out, err = run_cli("init", tmp_path / "e.yaml", "--region", "金台区", "--level", "区", "--year", "2025")
    assert code == 0 and "schema" not in out.replace("drafter draft", "")


def test_a_format_that_contradicts_the_output_name_is_refused(data, tmp_path, run_cli):
    out = tmp_path / "s3.txt"
    code, _, err = run_cli("draft", data, "-o", out, "--format", "docx")
    assert code == 2 and "--format docx" in err and "s3.txt" in err
    assert not out.exists()
    # agreeing, or a name without a known extension: accepted
    assert run_cli("draft", data, "-o", tmp_path / "a.md", "--format", "markdown")[0] == 0
    assert run_cli("draft", data, "-o", tmp_path / "稿件", "--format", "txt")[0] == 0


@pytest.mark.parametrize("command,out", [("draft", "a.docx"), ("draft", "a.txt"), ("outline", "a.txt"),
                                         ("division", "分工.docx")])
def test_a_missing_style_file_is_named_as_such_whatever_the_format(data, tmp_path, run_cli, command, out):
    code, _, err = run_cli(command, data, "-o", tmp_path / out, "--style", tmp_path / "nope.yaml")
    assert code == 2 and "找不到版式文件" in err and "nope.yaml" in err and "数据文件" not in err
    assert not (tmp_path / out).exists()


def test_a_valid_style_with_a_text_output_is_accepted(data, tmp_path, run_cli):
    style = tmp_path / "版式.yaml"
    style.write_text("body:\n  size: 16\n", encoding="utf-8")
    code, _, err = run_cli("draft", data, "-o", tmp_path / "a.txt", "--style", style)
    assert code == 0 and err == ""


def test_templates_given_a_file_says_it_is_a_file(data, tmp_path, run_cli):
    code, _, err = run_cli("draft", data, "-o", tmp_path / "a.docx", "--templates", data)
    assert code == 2 and "是一个文件" in err and "文件夹" in err and "不存在" not in err


@pytest.mark.parametrize("name", ["数据.yaml", "数据.yml", "短语.json"])
def test_parse_refuses_a_data_file(tmp_path, run_cli, name):
    p = tmp_path / name
    shutil.copyfile(GAOPING, p)
    code, out, err = run_cli("parse", p)
    assert code == 2 and out == "" and name in err and "不是报告" in err


def test_init_from_a_data_file_still_works(data, tmp_path, run_cli):
    code, _, err = run_cli("init", tmp_path / "2025.yaml", "--from", data)
    assert code == 0, err
    assert "year: 2025" in (tmp_path / "2025.yaml").read_text(encoding="utf-8")
