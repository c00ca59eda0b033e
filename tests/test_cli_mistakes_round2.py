"""Messages a district and a county office met in their first trial (issue "What users expect"):
`init -o` as `draft -o`, a number typed with its unit, a Tab, and a target that cannot be judged
said once."""

from __future__ import annotations

from drafter.checks.targets_table import TargetRow, target_findings


def test_init_takes_its_file_after_o_as_draft_does(tmp_path, run_cli):
    code, out, _err = run_cli("init", "-o", tmp_path / "a.yaml", "--region", "某县", "--level", "县", "--year", "2025")
    assert code == 0 and (tmp_path / "a.yaml").is_file(), out


def test_init_with_two_different_files_is_refused(tmp_path, run_cli):
    code, _out, err = run_cli("init", tmp_path / "b.yaml", "-o", tmp_path / "c.yaml",
                              "--region", "某县", "--level", "县", "--year", "2025")
    assert code == 2 and "数据文件写了两个" in err
    assert not (tmp_path / "b.yaml").exists() and not (tmp_path / "c.yaml").exists()


def test_a_number_typed_with_its_unit_is_told_where_the_unit_goes(tmp_path, run_cli):
    data = tmp_path / "v.yaml"
    data.write_text("meta:\n  region: 某市\n  level: 市\n  year: 2025\nreview:\n  headline:\n"
                    "    - {name: 地区生产总值, value: 82.53亿元}\n", encoding="utf-8")
    code, _out, err = run_cli("validate", data)
    assert code == 2 and "写 82.53，单位（亿元）写在 unit 字段" in err, err


def test_a_tab_is_named_without_a_second_place(tmp_path, run_cli):
    data = tmp_path / "t.yaml"
    data.write_text("meta:\n  region: 某市\n\tlevel: 市\n", encoding="utf-8")  # was 「（从第 2 行第 11 列开始）」
    code, _out, err = run_cli("validate", data)
    assert code == 2 and "制表符" in err and "开始）" not in err, err


def test_a_target_that_cannot_be_judged_says_so_once():
    row = TargetRow("固定资产投资", "增长8%", "增长8%以上", "待核实", "实际数为以上的约数，无法判断是否完成",
                    "review.checks[0]")
    (finding,) = target_findings([row])
    assert finding.message.count("无法判") == 1, finding.message
