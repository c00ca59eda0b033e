"""What the user reads after a mistake is Chinese (issue "What users expect"): click's usage
errors, PyYAML's and json's problems, UTF-16 and empty data files, a non-positive --limit,
and Ctrl-C."""

from __future__ import annotations

import re
import shutil

import pytest

from tests.conftest import EXAMPLES

GAOPING = EXAMPLES / "gaoping_2024_figures.yaml"
# English words of two letters or more: file names and options are stripped first
_ENGLISH = re.compile(r"[A-Za-z]{2,}")


def _no_english(err: str, *allowed: str) -> None:
    text = err
    for a in (*allowed, "drafter", "check", "validate", "draft", "init", "YAML", "JSON", "UTF-8", "UTF-16", "Tab", "docx", "yaml", "txt", "json"):
        text = text.replace(a, "")
    text = re.sub(r"\S*/\S*", "", text)  # paths
    text = re.sub(r"--?[a-z][a-z-]*", "", text)  # options
    assert not _ENGLISH.search(text), err


@pytest.mark.parametrize("args,expected", [
    (["check", "{data}", "draft.docx"], "要核对文稿请用 --draft 文稿.docx"),
    (["validate", "{data}", "多余"], "多余的参数：多余"),
    (["draft", "{data}", "x.docx", "-o", "y.docx"], "输出文件请用 -o x.docx"),
    (["draft", "{data}", "-o", "a.docx", "--seed"], "选项 --seed 后面缺少取值"),
    (["draft", "{data}", "-o", "a.docx", "--annotate=yes"], "选项 --annotate 不带取值"),
    (["draft", "{data}", "-o", "a.docx", "--sed", "1"], "没有这个选项：--sed，是不是要用 --seed"),
    (["draft", "{data}", "-o", "a.docx", "--seed", "x"], "应为整数"),
    (["draft"], "缺少参数：数据文件"),
    (["init"], "缺少参数：要创建的数据文件"),
    (["draftt"], "没有这个命令：draftt"),
])
def test_usage_errors_are_chinese(tmp_path, run_cli, args, expected):
    data = tmp_path / "d.yaml"
    shutil.copyfile(GAOPING, data)
    code, _out, err = run_cli(*[a.replace("{data}", str(data)) for a in args])
    assert code == 2 and expected in err, err
    assert "Got" not in err and "用法错误" not in err
    _no_english(err, str(data), "draftt")


# (YAML text, what the message must say): each is a problem libyaml words in English
YAML_MISTAKES = [
    ("meta:\n  intro: > 50% 的企业\n", "以“|”或“>”开头的值会被当作多行文本"),
    ("meta:\n  region: 咸阳市: 市\n", "此处不能出现“键: 值”"),
    ('meta:\n  region: "咸\\q阳"\n', "反斜杠"),
    ("meta:\n  region: 咸阳市\n---\nb: 2\n", "只能有一份数据"),
    ("meta: &a 1\nb: &a 2\n", "锚点"),
    ("meta:\n  intro: |0\n    文字\n", "缩进数字"),
    ("meta:\n  region: [咸阳市, 市\n", "方括号或花括号没有闭合"),
    ("meta:\n  - a\n  b: 1\n", "缩进"),
]


@pytest.mark.parametrize("text,expected", YAML_MISTAKES)
def test_yaml_problems_are_chinese_with_their_place(tmp_path, run_cli, text, expected):
    data = tmp_path / "d.yaml"
    data.write_text(text, encoding="utf-8")
    code, _, err = run_cli("validate", data)
    assert code == 2 and expected in err, err
    assert re.search(r"d\.yaml:\d+:\d+ ", err), err
    _no_english(err, "d.yaml")


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le"])
def test_a_utf16_data_file_is_named_with_a_hint(tmp_path, run_cli, encoding):
    data = tmp_path / "数据.yaml"
    data.write_bytes(GAOPING.read_text(encoding="utf-8").encode(encoding))  # with and without a BOM
    code, _, err = run_cli("validate", data)
    assert code == 2 and "数据.yaml:1:1 文件是 UTF-16 编码，请在编辑器中另存为 UTF-8" in err, err


@pytest.mark.parametrize("text", ["", "\n\n", "# 只有注释\n# 还没填\n", "{}\n"])
def test_an_empty_data_file_says_so(tmp_path, run_cli, text):
    data = tmp_path / "空.yaml"
    data.write_text(text, encoding="utf-8")
    code, _, err = run_cli("draft", data, "-o", tmp_path / "a.docx")
    assert code == 2 and "空.yaml：文件是空的" in err and "缺少必填字段" not in err, err


def test_a_bank_that_is_not_json_is_reported_in_chinese(tmp_path, run_cli):
    bank = tmp_path / "短语库.json"
    bank.write_text("这不是 JSON\n", encoding="utf-8")
    code, _, err = run_cli("phrases", "创新", "--phrases", bank)
    assert code == 2 and "短语库.json:1:1 短语库不是有效的 JSON" in err and "Expecting" not in err, err
    bank.write_text("", encoding="utf-8")
    code, _, err = run_cli("phrases", "创新", "--phrases", bank)
    assert code == 2 and "文件是空的" in err, err


@pytest.mark.parametrize("limit", ["-3", "0"])
def test_a_non_positive_limit_is_refused(run_cli, limit):
    code, out, err = run_cli("phrases", "创新", "--limit", limit)
    assert code == 2 and out == "" and "--limit 应为正整数" in err


def test_ctrl_c_in_a_command_says_it_stopped(tmp_path, run_cli, monkeypatch):
    def interrupted(*_args, **_kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr("drafter.api.draft", interrupted)
    code, _, err = run_cli("draft", GAOPING, "-o", tmp_path / "a.docx")
    assert code == 130 and err.strip() == "已中止"
