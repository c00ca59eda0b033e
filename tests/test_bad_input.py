"""Every user mistake ends in a Chinese message naming file:line:column and the field,
exit code 2, and nothing written."""

from __future__ import annotations

import re

import pytest

from tests.conftest import MINIMAL


def _draft(run_cli, data, out):
    return run_cli("draft", data, "-o", out)


def _assert_refused(code, err, out_path):
    assert code == 2
    assert "Traceback" not in err
    assert re.search(r"[\u4e00-\u9fff]", err), err
    assert not out_path.exists()
    assert not list(out_path.parent.glob(".*.part")), "temporary file left behind"


def test_yaml_syntax_error_names_line_and_column(tmp_path, run_cli):
    data = tmp_path / "d.yaml"
    data.write_text("meta:\n  region: 咸阳市\n  level: 市\n  year: [2024\n", encoding="utf-8")
    out = tmp_path / "o.docx"
    code, _, err = _draft(run_cli, data, out)
    _assert_refused(code, err, out)
    assert re.search(r"d\.yaml:\d+:\d+ ", err)
    assert "括号" in err


def test_tab_indentation_is_explained(tmp_path, run_cli):
    data = tmp_path / "d.yaml"
    data.write_text("meta:\n\tregion: 咸阳市\n", encoding="utf-8")
    code, _, err = run_cli("validate", data)
    assert code == 2 and "d.yaml:2:1" in err and "制表符" in err


def test_duplicate_key_is_an_error(tmp_path, run_cli):
    data = tmp_path / "d.yaml"
    data.write_text(MINIMAL.replace("  year: 2024\n", "  year: 2024\n  year: 2025\n"), encoding="utf-8")
    code, _, err = run_cli("validate", data)
    assert code == 2 and "d.yaml:5:" in err and "重复" in err


def test_percent_where_a_number_is_expected(tmp_path, run_cli):
    data = tmp_path / "d.yaml"
    data.write_text(MINIMAL.replace("growth: 4.3}", 'growth: "4.3%"}'), encoding="utf-8")
    out = tmp_path / "o.docx"
    code, _, err = _draft(run_cli, data, out)
    _assert_refused(code, err, out)
    line = next(i for i, ln in enumerate(MINIMAL.splitlines(), 1) if "growth: 4.3" in ln)
    assert f"d.yaml:{line}:" in err
    assert "review.headline[0].growth" in err and "不要带单位或百分号" in err


def test_missing_and_unknown_fields_all_reported_at_once(tmp_path, run_cli):
    data = tmp_path / "d.yaml"
    text = MINIMAL.replace("  year: 2024\n", "  yaer: 2024\n").replace("  speaker: 冷劲松\n", "  spaeker: 冷劲松\n")
    data.write_text(text, encoding="utf-8")
    code, _, err = run_cli("validate", data)
    assert code == 2
    assert "meta.year（报告年度） 缺少必填字段" in err
    assert "未知字段“yaer”，是不是“year”？" in err
    assert "未知字段“spaeker”，是不是“speaker”？" in err
    assert "数据文件有 3 处问题" in err


def test_invalid_level(tmp_path, run_cli):
    data = tmp_path / "d.yaml"
    data.write_text(MINIMAL.replace("level: 市", "level: 乡"), encoding="utf-8")  # 州 is a level since H103
    code, _, err = run_cli("validate", data)
    assert code == 2 and "d.yaml:3:10 meta.level（行政层级） 取值应为以下之一：省、市、州、区、县、县级市；这里是“乡”" in err


def test_text_where_a_number_was_typed(tmp_path, run_cli):
    data = tmp_path / "d.yaml"
    data.write_text(MINIMAL.replace("[锚定国家创新型城市目标。]", "[010]"), encoding="utf-8")
    code, _, err = run_cli("validate", data)
    assert code == 2 and "应为文本" in err and "加引号" in err


def test_non_utf8_file(tmp_path, run_cli):
    data = tmp_path / "d.yaml"
    data.write_bytes(MINIMAL.encode("gb18030"))
    out = tmp_path / "o.docx"
    code, _, err = _draft(run_cli, data, out)
    _assert_refused(code, err, out)
    assert "d.yaml:2:" in err and "UTF-8" in err and "GBK" in err


def test_utf8_bom_is_accepted(tmp_path, run_cli):
    data = tmp_path / "d.yaml"
    data.write_bytes(b"\xef\xbb\xbf" + MINIMAL.encode("utf-8"))
    code, _out, err = run_cli("validate", data)
    assert code == 0, err


def test_control_character_in_text(tmp_path, run_cli):
    data = tmp_path / "d.yaml"
    data.write_text(MINIMAL.replace("锚定国家创新型城市目标。", '"锚定\\x07国家创新型城市目标。"'), encoding="utf-8")
    out = tmp_path / "o.docx"
    code, _, err = _draft(run_cli, data, out)
    _assert_refused(code, err, out)
    assert "key_tasks.areas[0].items[0].measures[0]" in err and "控制字符" in err and "U+0007" in err


def test_existing_output_is_not_overwritten(minimal, tmp_path, run_cli):
    out = tmp_path / "初稿.md"
    out.write_text("手工修改过的稿子", encoding="utf-8")
    code, _, err = run_cli("draft", minimal, "-o", out)
    assert code == 2 and "已存在" in err and "--force" in err
    assert out.read_text(encoding="utf-8") == "手工修改过的稿子"
    code, _, err = run_cli("draft", minimal, "-o", out, "--force")
    assert code == 0, err
    assert "各位代表" in out.read_text(encoding="utf-8")


def test_missing_output_folder(minimal, tmp_path, run_cli):
    out = tmp_path / "no" / "such" / "初稿.docx"
    code, _, err = run_cli("draft", minimal, "-o", out)
    assert code == 2 and "输出文件夹不存在" in err
    assert not (tmp_path / "no").exists()


def test_missing_data_file(tmp_path, run_cli):
    code, _, err = run_cli("draft", tmp_path / "nope.yaml", "-o", tmp_path / "o.docx")
    assert code == 2 and "找不到数据文件" in err


def test_unknown_output_format(minimal, tmp_path, run_cli):
    code, _, err = run_cli("draft", minimal, "-o", tmp_path / "o.pdf")
    assert code == 2 and "输出格式" in err


def test_failure_while_composing_leaves_no_file(minimal, tmp_path, run_cli):
    """A template error happens after the target was checked: still nothing written."""
    tpl = tmp_path / "tpl"
    tpl.mkdir()
    (tpl / "closing.j2").write_text("{% part 'closing' %}{% para %}{{ no_such_name }}{% endpara %}{% endpart %}", encoding="utf-8")
    out = tmp_path / "o.docx"
    code, _, err = run_cli("draft", minimal, "-o", out, "--templates", tpl)
    _assert_refused(code, err, out)
    assert "closing.j2" in err and "no_such_name" in err


def test_usage_errors_are_chinese(run_cli, tmp_path):
    code, _, err = run_cli("draft", "x.yaml")
    assert code == 2 and "缺少参数：-o/--out" in err
    code, _, err = run_cli("draft", "x.yaml", "-o", "y.docx", "--bogus")
    assert code == 2 and "没有这个选项：--bogus" in err
    code, _, err = run_cli("drat")
    assert code == 2 and "没有这个命令：drat" in err
    code, _, err = run_cli("draft", "x.yaml", "-o", "y.docx", "--seed", "abc")
    assert code == 2 and "应为整数" in err


@pytest.mark.parametrize("cmd", [["-h"], ["draft", "-h"]])
def test_help_is_chinese(run_cli, cmd):
    code, out, _ = run_cli(*cmd)
    assert code == 0 and "用法：" in out and "Usage" not in out and "Options" not in out
