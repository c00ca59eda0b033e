"""What a new office meets at the command line (H87's audit on 宜宾, H90): where a placeholder
of a merged folder is written, an older data file without topics, gather into a folder with no
office data file, init -o a folder."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import ROOT
from tests.test_yaml_merge_topics import OFFICE, RENSHE

YIBIN = ROOT / "style_corpus" / "more" / "2024_宜宾.txt"

MATERIAL = """\
市教育局2024年工作总结
2024年，全市新（改、扩）建中小学、幼儿园146个，新增学位2.1万个。
累计创建省级示范性幼儿园25所，高考本科上线人数连续14年增长。
"""


def _folder(tmp_path: Path, office: str) -> Path:
    d = tmp_path / "data"
    d.mkdir()
    (d / "宜春市2025.yaml").write_text(office, encoding="utf-8")
    (d / "30_gather_人社局工作总结.yaml").write_text(RENSHE, encoding="utf-8")
    return d


def test_draft_names_where_each_placeholder_is_written(tmp_path: Path, run_cli):
    d = _folder(tmp_path, OFFICE)
    code, out, err = run_cli("draft", d, "-o", tmp_path / "d.txt")
    assert code == 0, err
    lines = out.splitlines()
    # the office's empty 城乡 section, counted after the merge, named at its line in the office's file
    [title] = [x for x in lines if "review.sections[1].title" in x]
    assert "宜春市2025.yaml:7:13 review.sections[1].title" in title
    # every placeholder under a part the file has names a line of it; targets, which it lacks, none
    listed = [x.split() for x in lines if x.startswith("  ") and "【待补充" in x]
    assert all(".yaml:" in x[0] for x in listed if x[-2].split(".")[0] in ("meta", "review", "key_tasks")), listed
    assert [x[0] for x in listed if x[0].startswith("targets.")] == ["targets.requirements", "targets.indicators"]


def test_an_office_file_without_topics_is_told_at_draft_too(tmp_path: Path, run_cli):
    old = "\n".join(line for line in OFFICE.splitlines() if "topic:" not in line) + "\n"
    d = _folder(tmp_path, old)
    code, out, err = run_cli("draft", d, "-o", tmp_path / "d.txt")
    assert code == 0, err
    told = [x for x in out.splitlines() if "没有 topic" in x]
    assert len(told) == 1 and "另起了 2 个方面" in told[0] and "drafter init --from" in told[0]


def test_gather_into_a_folder_without_the_office_file_says_init_first(tmp_path: Path, run_cli):
    material = tmp_path / "市教育局2024年工作总结.txt"
    material.write_text(MATERIAL, encoding="utf-8")
    d = tmp_path / "data_new"
    code, out, err = run_cli("gather", material, "-o", d)
    assert code == 0, err
    assert "还没有办公室的数据文件" in out and "drafter init --from" in out
    assert f"下一步：drafter draft {d}" not in out
    code, out, err = run_cli("draft", d, "-o", tmp_path / "d.txt")
    assert code == 2 and "Traceback" not in err
    assert "没有办公室的数据文件" in err and "drafter init" in err and "缺少必填字段" not in err, err


def test_init_into_a_folder_writes_region_and_year_there(tmp_path: Path, run_cli):
    d = tmp_path / "data"
    d.mkdir()
    code, out, err = run_cli("init", "--from", YIBIN, "-o", d)
    assert code == 0, err
    assert (d / "宜宾市2025.yaml").is_file() and f"下一步：填写 {d / '宜宾市2025.yaml'}" in out
    code, _out, err = run_cli("init", "--from", YIBIN, "-o", d)
    assert code == 2 and "数据文件可能有手工修改" in err and "文稿" not in err
    # a name without a suffix that is not there is a new folder (H105): init makes it and says so
    code, out, err = run_cli("init", "--from", YIBIN, "-o", tmp_path / "no_such_dir")
    assert code == 0 and (tmp_path / "no_such_dir" / "宜宾市2025.yaml").is_file(), err
    assert f"已新建文件夹 {tmp_path / 'no_such_dir'}" in out
    code, _out, err = run_cli("init", "--from", YIBIN, "-o", tmp_path / "data.txt")
    assert code == 2 and "以 .yaml 结尾" in err and "文件夹" in err and not (tmp_path / "data.txt").exists()


def test_check_names_where_a_finding_s_data_path_is_written(tmp_path: Path, monkeypatch):
    import io

    from rich.console import Console

    from drafter.api import check
    from drafter.cli import print_check

    _folder(tmp_path, OFFICE)
    monkeypatch.chdir(tmp_path)  # files named as given, short enough for one line of the table
    d = Path("data")
    result = check(d)
    buf = io.StringIO()
    print_check(result, Console(file=buf, width=400))
    rows = [x for x in buf.getvalue().splitlines() if "review.sections[1]" in x]
    assert rows and all("宜春市2025.yaml:7:" in x for x in rows), rows


def test_check_written_to_a_file_keeps_each_row_on_one_line(tmp_path: Path, monkeypatch, run_cli):
    """Redirected to a file (H98), rich folded the tables at 80 columns: a data path and its
    file:line:column broke over three lines (「review.check / s[4]（data/ / 呼和浩特市20…」)."""
    _folder(tmp_path, OFFICE)
    monkeypatch.chdir(tmp_path)
    code, out, err = run_cli("check", "data")
    rows = [x for x in out.splitlines() if "review.sections[1]" in x]
    assert rows and all("宜春市2025.yaml:7:" in x for x in rows), out


def test_draft_says_what_validate_asks_to_check(tmp_path: Path, run_cli):
    """An office that only drafts saw nothing of 「规模工业增加值分别增长6%、7%」 (H110):
    draft prints validate's doubts, with file:line, and still writes the draft."""
    from tests.conftest import MINIMAL

    data = tmp_path / "d.yaml"
    data.write_text(MINIMAL.replace("    - {name: 生产总值, value: 6, qualifier: 左右}",
                                    "    - {name: 规模工业增加值, value: 6, value2: 7}"), encoding="utf-8")
    code, out, err = run_cli("draft", data, "-o", tmp_path / "d.docx")
    assert code == 0 and (tmp_path / "d.docx").is_file(), err
    assert "请再核对" in out and "d.yaml:20:" in out and "targets.indicators[0].value2" in out, out
