"""Hostile YAML data (issue 9, §4–§6): oversized numbers, special files, a list split across a
data folder, alias bombs, raw NUL bytes, unclosed brackets, enum and text-fact messages.
Every case is a Chinese error with file:line:column, exit 2 and nothing written; the cost is
asserted by counting work, never by the clock (bench/hostile_cases_yaml.py measures time)."""

from __future__ import annotations

import os
import sys
from decimal import Decimal

import pytest

from conftest import MINIMAL
from drafter.errors import DataErrors
from drafter.readers import yaml_data
from drafter.readers.yaml_data import _merge, load_data, load_yaml_text


def _refused(run_cli, data, tmp_path):
    """`draft` refuses the data with exit 2, no traceback and no output file; returns stderr."""
    out = tmp_path / "o.docx"
    code, _, err = run_cli("draft", data, "-o", out)
    assert code == 2 and "Traceback" not in err and not out.exists(), err
    assert "模板" not in err  # the data is to blame, never a template
    return err


# ---- §4 numbers: bounded in the resolver, before any conversion --------------------------------

HUGE = [
    ("value: 2878", "value: 1e999999999", "11:27 review.headline[0].value"),
    ("value: 2878", "value: 1e-999999999", "11:27 review.headline[0].value"),
    ("diff: 2.2", "diff: 1e999999999", "15:68 review.sections[0].facts[0].compare[0].diff"),
    ("value: 6,", "value: 1e999999999,", "20:27 targets.indicators[0].value"),
    ("value: 2878", "value: " + "9" * 5000, "11:27 review.headline[0].value"),
    ("value: 2878", "value: 0o" + "7" * 6000, "11:27 review.headline[0].value"),
    ("value: 2878", "value: 0x" + "f" * 6000, "11:27 review.headline[0].value"),
    ("value: 2878", "value: !!float 1e999999999", "11:27 review.headline[0].value"),
    ("value: 2878", "value: !!int " + "9" * 5000, "11:27 review.headline[0].value"),
]


@pytest.mark.parametrize("old,new,where", HUGE, ids=[h[1][:22] for h in HUGE])
def test_oversized_number_is_refused_at_its_field(tmp_path, run_cli, old, new, where):
    data = tmp_path / "d.yaml"
    data.write_text(MINIMAL.replace(old, new, 1), encoding="utf-8")
    err = _refused(run_cli, data, tmp_path)
    assert f"d.yaml:{where} 数值过大或位数过多" in err


def test_number_bounds_accept_what_a_report_needs():
    data = load_yaml_text(
        "a: 123456789012345678901234567890\nb: 1.5e30\nc: 2.5E-30\nd: 0.000123\ne: 4.10\nf: 0o17\n", "x.yaml"
    ).data
    assert data == {
        "a": 123456789012345678901234567890, "b": Decimal("1.5e30"), "c": Decimal("2.5e-30"),
        "d": Decimal("0.000123"), "e": Decimal("4.10"), "f": 15,
    }
    for text in ("a: 1234567890123456789012345678901\n", "a: 1e31\n", "a: 1e-31\n", "a: 1e0000000000031\n"):
        with pytest.raises(DataErrors) as e:
            load_yaml_text(text, "x.yaml")
        (p,) = e.value.problems
        assert (p.line, p.column, p.path) == (1, 4, "a") and "数值过大" in p.message


def test_long_digit_text_in_quotes_stays_text():
    assert load_yaml_text("a: '" + "9" * 5000 + "'\n", "x.yaml").data == {"a": "9" * 5000}


# ---- §4 / §5 special files: capped reads, never a hang or a traceback ---------------------------


def test_dev_zero_as_data_file(tmp_path, run_cli):
    err = _refused(run_cli, "/dev/zero", tmp_path)
    assert "不是普通文件" in err


def test_fifo_as_data_file(tmp_path, run_cli):
    fifo = tmp_path / "d.yaml"
    os.mkfifo(fifo)
    err = _refused(run_cli, fifo, tmp_path)
    assert "d.yaml 不是普通文件" in err


def test_fifo_and_dev_zero_inside_a_data_folder_are_named_not_skipped(tmp_path, run_cli):
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "10_meta.yaml").write_text(MINIMAL, encoding="utf-8")
    os.mkfifo(folder / "20_fifo.yaml")
    err = _refused(run_cli, folder, tmp_path)
    assert "20_fifo.yaml 不是普通文件" in err
    (folder / "20_fifo.yaml").unlink()
    (folder / "30_zero.yaml").symlink_to("/dev/zero")
    err = _refused(run_cli, folder, tmp_path)
    assert "30_zero.yaml 不是普通文件" in err


def test_symlink_to_itself_as_data_file(tmp_path, run_cli):
    loop = tmp_path / "d.yaml"
    loop.symlink_to(loop)
    err = _refused(run_cli, loop, tmp_path)
    assert "循环链接" in err


# ---- §4 a list split across the files of a data folder: a linear merge -------------------------


def _split_list(n: int) -> tuple[yaml_data.Loaded, yaml_data.Loaded]:
    half = "".join(f"  - {{name: 事项{i}, value: {i}}}\n" for i in range(n))
    return (load_yaml_text("review:\n  problems:\n" + half, "a.yaml"),
            load_yaml_text("review:\n  problems:\n" + half, "b.yaml"))


def test_split_list_positions_are_right_for_20k_items(tmp_path):
    n = 10_000
    body = "".join(f"  - {{name: 事项{i}, value: {i}}}\n" for i in range(n))
    (tmp_path / "a.yaml").write_text("review:\n  problems:\n" + body, encoding="utf-8")
    (tmp_path / "b.yaml").write_text("review:\n  problems:\n" + body, encoding="utf-8")
    loaded = load_data(tmp_path)
    items = loaded.data["review"]["problems"]
    assert len(items) == 2 * n and items[n] == {"name": "事项0", "value": 0}
    for i in (0, n - 1, n, n + 1, 2 * n - 1):
        pos = loaded.values[("review", "problems", i, "value")]
        assert pos.file.endswith("a.yaml" if i < n else "b.yaml")
        assert pos.line == 3 + i % n
        assert loaded.keys[("review", "problems", i, "name")].column == 6
    assert ("review", "problems", 2 * n) not in loaded.values


def _lines_run_by_merge(n: int) -> int:
    """Python lines executed inside yaml_data while merging two n-item halves of a list."""
    into, new = _split_list(n)
    count = 0

    def tracer(frame, event, arg):
        nonlocal count
        if frame.f_code.co_filename != yaml_data.__file__:
            return None
        if event == "line":
            count += 1
        return tracer

    sys.settrace(tracer)
    try:
        assert _merge(into, new) == []
    finally:
        sys.settrace(None)
    assert len(into.data["review"]["problems"]) == 2 * n
    return count


def test_merge_work_grows_linearly():
    """Four times the items, about four times the work (the quadratic merge did sixteen)."""
    small, large = _lines_run_by_merge(500), _lines_run_by_merge(2000)
    assert large / small < 5


# ---- §4 alias bomb: measured on the node graph, memoised per node ------------------------------


def test_alias_bomb_guard_visits_each_node_once(monkeypatch):
    visits = []
    real = yaml_data._Converter.measure
    monkeypatch.setattr(
        yaml_data._Converter, "measure", lambda self, node, *a: visits.append(node) or real(self, node, *a)
    )
    bomb = "a: &a [" + ", ".join(["x"] * 9) + "]\n"
    for prev, name in zip("abcdefghi", "bcdefghij", strict=True):
        bomb += f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 9) + "]\n"
    with pytest.raises(DataErrors) as e:
        load_yaml_text(bomb, "bomb.yaml")  # 9**10 values once expanded
    assert "别名" in e.value.problems[0].message
    assert len({id(n) for n in visits}) <= 30 and len(visits) < 200


def test_shared_alias_below_the_limit_is_built():
    loaded = load_yaml_text("a: &a {x: 1, y: [1, 2]}\nb: *a\nc: *a\n", "x.yaml")
    assert loaded.data["c"] == {"x": 1, "y": [1, 2]} and loaded.values[("c", "y", 1)].line == 1


def test_self_referencing_anchor_is_refused():
    with pytest.raises(DataErrors) as e:
        load_yaml_text("a: &a [*a]\n", "x.yaml")
    assert "嵌套层级过深" in e.value.problems[0].message


# ---- §6 syntax errors with a real place ---------------------------------------------------------


def test_raw_nul_byte_has_line_and_column(tmp_path, run_cli):
    data = tmp_path / "d.yaml"
    data.write_bytes(MINIMAL.replace("冷劲松", "冷\0劲松").encode("utf-8"))
    err = _refused(run_cli, data, tmp_path)
    assert "d.yaml:7:13 有不可见的控制字符（U+0000）" in err


@pytest.mark.parametrize(
    "text,where,opened",
    [
        ("meta:\n  region: x\n  level: [市\n", "3:12", "第 3 行第 10 列"),
        ("meta:\n  region: x\n  level: {a: 市\n", "3:15", "第 3 行第 10 列"),
        ("meta:\n  region: 'x\n  level: 市", "3:11", "第 2 行第 11 列"),
        ("meta: [a, b\n\n\n", "1:12", "第 1 行第 7 列"),
        ("meta:\n  region: x\n  level: \"市\n\n", "3:12", "第 3 行第 10 列"),
    ],
)
def test_unclosed_bracket_names_where_it_opened_and_no_line_past_the_end(tmp_path, run_cli, text, where, opened):
    data = tmp_path / "d.yaml"
    data.write_text(text, encoding="utf-8")
    err = _refused(run_cli, data, tmp_path)
    assert f"d.yaml:{where} " in err and f"（从{opened}开始）" in err
    line = int(where.split(":")[0])
    assert line <= len(text.splitlines())


# ---- §6 messages --------------------------------------------------------------------------------


def test_enum_message_says_the_empty_choice_in_words(tmp_path, run_cli):
    data = tmp_path / "d.yaml"
    data.write_text(MINIMAL.replace("qualifier: 左右", "qualifier: 大约"), encoding="utf-8")
    err = _refused(run_cli, data, tmp_path)
    assert "d.yaml:20:41 targets.indicators[0].qualifier（限定） 取值应为以下之一：左右、以上、以内、" in err
    assert "，或留空；这里是“大约”" in err and "：、" not in err and "、、" not in err


def test_text_fact_written_as_a_mapping_gets_one_clear_message(tmp_path, run_cli):
    data = tmp_path / "d.yaml"
    data.write_text(
        MINIMAL.replace("- {name: 规上工业增加值", "- {text: 一段话}\n        - {name: 规上工业增加值"),
        encoding="utf-8",
    )
    err = _refused(run_cli, data, tmp_path)
    assert "d.yaml:15:11 review.sections[0].facts[0] 文字事项直接写成一段文字" in err
    assert "数据文件有 1 处问题" in err and "缺少必填字段" not in err and "未知字段" not in err


def test_syntax_error_at_the_end_of_the_stream_stays_inside_the_file(tmp_path, run_cli):
    data = tmp_path / "d.yaml"
    data.write_text("meta: [a,\n  b,\n\n\n", encoding="utf-8")
    err = _refused(run_cli, data, tmp_path)
    assert "d.yaml:2:5 方括号或花括号没有闭合" in err and "第 5 行" not in err


def test_too_many_values_are_refused_before_building_and_counted_over_a_folder(tmp_path, monkeypatch):
    from drafter.limits import MAX_DATA_VALUES

    monkeypatch.setattr(yaml_data, "MAX_DATA_VALUES", 1000)  # the folder's budget, small for the test
    (tmp_path / "10.yaml").write_text("review:\n  problems:\n" + "    - 问题\n" * 600, encoding="utf-8")
    (tmp_path / "20.yaml").write_text("review:\n  problems:\n" + "    - 问题\n" * 600, encoding="utf-8")
    with pytest.raises(DataErrors) as e:
        load_data(tmp_path)  # each file alone is within the limit, the two together are not
    (p,) = e.value.problems
    assert p.file.endswith("20.yaml") and p.path == "review.problems" and "数据项过多" in p.message
    assert "别名" not in p.message and MAX_DATA_VALUES >= 50 * 1291  # 50 times the largest example
