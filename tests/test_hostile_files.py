"""Issue 9 §2, §3 and the file/option cases of §5/§6, each through the real command line:
concurrent writes to one name, spreadsheet formula injection, symlink loops, over-long names,
typed init options that would break the skeleton, and messages that suggest only real options.

Every refusal: exit code 2, a Chinese message, nothing written."""

from __future__ import annotations

import errno
import os
import re
import signal
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import MINIMAL, ROOT

CJK = re.compile(r"[\u4e00-\u9fff]")
EXISTS = "已存在，未覆盖"
ENV = dict(os.environ, PYTHONPATH=str(ROOT))


def _listing(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir()}


def _refused(result, *words: str) -> None:
    code, out, err = result
    assert code == 2, (code, out, err)
    assert CJK.search(err) and "Traceback" not in err, err
    for w in words:
        assert w in err, err


# --- §2 concurrent writes -------------------------------------------------------------------


def test_eight_concurrent_drafts_to_one_name_exactly_one_wins(tmp_path, minimal):
    target = tmp_path / "r.docx"
    procs = [
        subprocess.Popen([sys.executable, "-m", "drafter", "draft", str(minimal), "-o", str(target),
                          "--seed", str(i)], cwd=tmp_path, env=ENV, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, text=True)
        for i in range(8)
    ]
    results = [(p.wait(timeout=600), *p.communicate()) for p in procs]
    codes = sorted(code for code, _, _ in results)
    assert codes == [0] + [2] * 7, results
    assert all(EXISTS in err for code, _, err in results if code == 2)
    assert zipfile.ZipFile(target).testzip() is None  # the winner's draft, whole
    assert _listing(tmp_path) == {"data.yaml", "r.docx"}  # no .part left behind


def test_without_hard_links_the_name_is_still_claimed_exclusively(tmp_path, monkeypatch):
    """On a filesystem without hard links (FAT, some shares) an O_EXCL claim is the final step."""
    from drafter import atomic
    from drafter.errors import DrafterError

    def no_links(src, dst):
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(atomic.os, "link", no_links)
    target = tmp_path / "out.txt"
    atomic.atomic_write_text(target, "first")
    assert target.read_text() == "first"
    # another run got past the existence check before the first one finished
    monkeypatch.setattr(atomic, "check_target", lambda path, force: None)
    with pytest.raises(DrafterError, match=EXISTS):
        atomic.atomic_write_text(target, "second")
    assert target.read_text() == "first"
    assert _listing(tmp_path) == {"out.txt"}


def test_force_still_replaces(tmp_path, run_cli, minimal):
    target = tmp_path / "r.md"
    target.write_text("手改过的稿子", encoding="utf-8")
    _refused(run_cli("draft", minimal, "-o", target), EXISTS)
    assert target.read_text(encoding="utf-8") == "手改过的稿子"
    assert run_cli("draft", minimal, "-o", target, "--force")[0] == 0
    assert target.read_text(encoding="utf-8") != "手改过的稿子"


KILLED_WRITER = r"""
import os, signal, sys
from pathlib import Path
from drafter.atomic import atomic_write

def killed(stream):
    stream.write(b"HALF")
    stream.flush()
    os.kill(os.getpid(), signal.SIGKILL)

atomic_write(Path(sys.argv[1]), killed)
"""


def test_a_killed_runs_part_file_is_cleaned_on_the_next_write(tmp_path, run_cli, minimal):
    target = tmp_path / "r.docx"
    proc = subprocess.Popen([sys.executable, "-c", KILLED_WRITER, str(target)], env=ENV)
    assert proc.wait(timeout=600) == -signal.SIGKILL
    orphans = [n for n in _listing(tmp_path) if n.endswith(".part")]
    assert len(orphans) == 1 and orphans[0].startswith(".r.docx.")
    assert f"-{proc.pid}." in orphans[0]  # the writer's pid is in the name

    from drafter.atomic import _host

    live = tmp_path / f".r.docx.{_host()}-{os.getppid()}.alive123.part"  # a running process's
    live.write_bytes(b"in progress")
    old = tmp_path / (".r.docx.ffffff-1.old12345.part")  # another host's, two hours old
    old.write_bytes(b"old")
    st = old.stat()
    os.utime(old, (st.st_atime - 7200, st.st_mtime - 7200))
    other = tmp_path / ".s.docx.ffffff-1.other123.part"  # a temp of another target: not ours
    other.write_bytes(b"x")
    os.utime(other, (st.st_atime - 7200, st.st_mtime - 7200))

    assert run_cli("draft", minimal, "-o", target)[0] == 0
    assert _listing(tmp_path) == {"data.yaml", "r.docx", live.name, other.name}


# --- §3 spreadsheet formula injection -------------------------------------------------------

HOSTILE_TEXT = ["=1+1", "+cmd|' /C calc'!A0", "-2+3", "@SUM(1)", "\t=1", "\r=1", "#DIV/0!",
                '=HYPERLINK("http://example.invalid")']


def _yaml(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t").replace("\r", "\\r") + '"'


def _hostile_data(tmp_path: Path) -> Path:
    facts = "\n".join(f"    - {{name: {_yaml(t) if i % 2 else '指标' + str(i)}, value: {i + 1}, "
                      f"unit: {_yaml(t)}, dept: {_yaml(t)}, status: 预计}}"
                      for i, t in enumerate(HOSTILE_TEXT))
    text = MINIMAL.replace("    - {name: 生产总值, value: 2878, unit: 亿元, growth: 4.3}\n", facts + "\n")
    depts = ", ".join(_yaml(t) for t in HOSTILE_TEXT)
    text = text.replace(
        "- {lead: 促进创新协同, measures: [锚定国家创新型城市目标。]}",
        f"- {{lead: 促进创新协同, measures: [锚定国家创新型城市目标。], lead_depts: [{depts}], deadline: \"=NOW()\"}}\n"
        f"        - {{lead: 推进协作, measures: [加强协作。], coop_depts: [{depts}], deadline: \"@A1\"}}",
    )
    p = tmp_path / "hostile.yaml"
    p.write_text(text, encoding="utf-8")
    return p


def _assert_no_formulas(path: Path) -> list:
    import openpyxl

    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if name.startswith("xl/worksheets/"):
                assert not re.search(rb"<f[ >]", z.read(name)), name
    cells = [c for ws in openpyxl.load_workbook(path) for row in ws.iter_rows() for c in row]
    assert not [c.coordinate for c in cells if c.data_type in ("f", "e")]
    return cells


def test_confirm_sheet_writes_department_text_as_text(tmp_path, run_cli):
    data = _hostile_data(tmp_path)
    sheet = tmp_path / "核对表.xlsx"
    code, _out, err = run_cli("check", data, "--confirm-sheet", sheet)
    assert code in (0, 1), err
    cells = _assert_no_formulas(sheet)
    texts = {c.value for c in cells if isinstance(c.value, str)}
    assert {"=1+1", "+cmd|' /C calc'!A0", "-2+3", "@SUM(1)", "#DIV/0!"} <= texts  # kept as written
    risky = [c for c in cells if isinstance(c.value, str) and c.value.startswith(("=", "+", "-", "@"))]
    assert risky and all(c.quotePrefix for c in risky)  # stays text when a clerk edits it


def test_division_sheet_writes_units_and_deadlines_as_text(tmp_path, run_cli):
    data = _hostile_data(tmp_path)
    out = tmp_path / "分工.xlsx"
    code, _, err = run_cli("division", data, "-o", out)
    assert code == 0, err
    cells = _assert_no_formulas(out)
    texts = [c.value for c in cells if isinstance(c.value, str)]
    assert any(t.startswith("=1+1、") for t in texts)  # the lead units, first one hostile
    assert any(t.startswith("=NOW") for t in texts) and "@A1" in texts  # deadlines


def test_cell_writer_handles_every_kind_of_text():
    from openpyxl import Workbook

    from drafter.writers.cells import append_row, sheet_title

    ws = Workbook().active
    row = append_row(ws, ["=1+1", "#REF!", "a\x01b", 5, None, "\t\r"])
    assert [c.data_type for c in row[:3]] == ["s", "s", "s"]
    assert row[2].value == "a\ufffdb" and row[3].value == 5 and row[5].quotePrefix
    used: set[str] = set()
    names = [sheet_title(n, used, reserved=("汇总",)) for n in ("'=x'", "汇总", "A/B", "a/b", "History", "x" * 40)]
    assert names == ["=x", "汇总(2)", "A_B", "a_b(2)", "History(2)", "x" * 31]


# --- §5 symlink loops and over-long names ---------------------------------------------------


def test_data_file_that_is_a_symlink_to_itself(tmp_path, run_cli, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "self.yaml").symlink_to("self.yaml")
    (tmp_path / "loop").symlink_to("loop")
    for data in ("self.yaml", "loop"):
        _refused(run_cli("validate", data), "循环链接")
        _refused(run_cli("draft", data, "-o", "r.docx"), "循环链接")
    assert _listing(tmp_path) == {"self.yaml", "loop"}


def test_output_folder_that_is_a_symlink_to_itself(tmp_path, run_cli, minimal, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "loop").symlink_to("loop")
    for args in (("draft", minimal, "-o", "loop/r.docx"), ("division", minimal, "-o", "loop/r.xlsx"),
                 ("check", minimal, "--confirm-sheet", "loop/r.xlsx"), ("check", minimal, "--report", "loop/r.txt"),
                 ("init", "loop/n.yaml", "--region", "咸阳市", "--level", "市", "--year", "2025")):
        _refused(run_cli(*args), "循环链接")
    (tmp_path / "self.docx").symlink_to("self.docx")
    _refused(run_cli("draft", minimal, "-o", "self.docx", "--force"), "循环链接")
    assert _listing(tmp_path) == {"data.yaml", "loop", "self.docx"}


@pytest.mark.parametrize("args", [
    ("draft", "{data}", "-o", "{long}.docx"),
    ("outline", "{data}", "-o", "{long}.docx"),
    ("division", "{data}", "-o", "{long}.xlsx"),
    ("check", "{data}", "--report", "{long}.txt"),
    ("check", "{data}", "--confirm-sheet", "{long}.xlsx"),
    ("init", "{long}.yaml", "--region", "咸阳市", "--level", "市", "--year", "2025"),
])
def test_output_name_over_255_bytes(tmp_path, run_cli, minimal, args):
    long = str(tmp_path / ("报告" * 43))  # 258 bytes before the suffix
    _refused(run_cli(*(a.format(data=minimal, long=long) for a in args)), "文件名过长", "255")
    assert _listing(tmp_path) == {"data.yaml"}


def test_a_name_just_under_the_limit_is_written(tmp_path, run_cli, minimal):
    name = "报" * 81 + ".txt"  # 247 bytes: the temporary name must be shortened, not the target
    assert len(name.encode()) <= 255
    assert run_cli("draft", minimal, "-o", tmp_path / name)[0] == 0
    assert _listing(tmp_path) == {"data.yaml", name}


# --- §6 typed init options and suggested options --------------------------------------------


@pytest.mark.parametrize("option,value", [
    ("--region", "x\n  evil: 1"), ("--region", "咸阳市\r"), ("--region", "咸阳\x0b市"),
    ("--region", "咸阳\u2028市"), ("--region", "咸阳\u202e市"), ("--level", "市\n"),
])
def test_init_refuses_line_breaks_and_control_characters(tmp_path, run_cli, option, value):
    args = {"--region": "咸阳市", "--level": "市", "--year": "2025", option: value}
    _refused(run_cli("init", tmp_path / "n.yaml", *[x for kv in args.items() for x in kv]), option)
    assert _listing(tmp_path) == set()


def test_init_from_refuses_a_region_with_a_newline(tmp_path, run_cli, minimal):
    _refused(run_cli("init", tmp_path / "n.yaml", "--from", minimal, "--region", "x\n  evil: 1"), "--region")
    assert _listing(tmp_path) == {"data.yaml"}


def test_skeleton_stays_valid_yaml_whatever_the_region():
    import yaml

    from drafter.skeleton import skeleton_yaml

    data = yaml.safe_load(skeleton_yaml("x\n  evil: 1\u2028y", "市", 2025))
    assert data["meta"]["region"] == "x\n  evil: 1\u2028y" and "evil" not in data


def _options_of(command: str) -> set[str]:
    import typer

    from drafter.cli import app

    cmd = typer.main.get_command(app).commands[command]
    return {o for p in cmd.params for o in p.opts + p.secondary_opts}


@pytest.mark.parametrize("command,out", [("division", "x.pdf"), ("outline", "x.pdf"), ("draft", "x.pdf")])
def test_format_message_suggests_only_options_the_command_has(tmp_path, run_cli, minimal, command, out):
    code, _, err = run_cli(command, minimal, "-o", tmp_path / out)
    _refused((code, "", err), "判断输出格式")
    suggested = set(re.findall(r"--[a-z][a-z-]*", err))
    assert suggested <= _options_of(command), (suggested, err)
    assert ("--format" in suggested) == ("--format" in _options_of(command))
    assert _listing(tmp_path) == {"data.yaml"}
