"""Same data → byte-identical .xlsx: the 分工跟踪表 (`drafter division -o x.xlsx`), the 报送表
(`drafter forms`) and the 数据核对表 (`drafter check --confirm-sheet`), all saved through
writers.cells.save_workbook."""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest

from drafter.writers.cells import FIXED_STAMP, save_workbook

ROOT = Path(__file__).resolve().parent.parent
XIANYANG = ROOT / "examples" / "xianyang_2024.yaml"
MEETING = dt.datetime(2024, 2, 5)  # meta.date of the Xianyang example


def _run_all(data: Path, out: Path, tz: str) -> None:
    """The three commands, each in a fresh process with the time zone `tz` (zip entries would
    carry local time)."""
    env = {**os.environ, "TZ": tz}
    out.mkdir()
    for args in (["division", str(data), "-o", str(out / "分工.xlsx")],
                 ["forms", str(data), "-o", str(out / "forms")],
                 ["check", str(data), "--confirm-sheet", str(out / "核对.xlsx")]):
        done = subprocess.run([sys.executable, "-m", "drafter", *args], env=env, capture_output=True, cwd=out)
        assert done.returncode in (0, 1), done.stderr.decode()  # check exits 1 on findings, sheet written
    assert (out / "核对.xlsx").is_file()


def _files(out: Path) -> dict[str, bytes]:
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*.xlsx"))}


@pytest.fixture(scope="module")
def two_runs(tmp_path_factory):
    base = tmp_path_factory.mktemp("xlsx")
    _run_all(XIANYANG, base / "a", "UTC")
    _run_all(XIANYANG, base / "b", "Asia/Shanghai")
    return _files(base / "a"), _files(base / "b")


def test_two_processes_write_identical_bytes(two_runs):
    a, b = two_runs
    assert "分工.xlsx" in a and "核对.xlsx" in a
    assert sum(name.startswith("forms/") for name in a) >= 2  # one form per department
    assert a.keys() == b.keys()
    for name in a:
        assert a[name] == b[name], name


def test_stamps_are_the_meeting_date_and_entries_fixed(two_runs):
    for name, data in two_runs[0].items():
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            infos = z.infolist()
            assert [i.filename for i in infos] == sorted(i.filename for i in infos), name
            assert infos[0].filename == "[Content_Types].xml"
            for i in infos:
                assert i.date_time == MEETING.timetuple()[:6], (name, i.filename)
                assert i.compress_type == zipfile.ZIP_DEFLATED
                assert (i.create_system, i.external_attr >> 16) == (3, 0o100644)
        props = openpyxl.load_workbook(io.BytesIO(data)).properties
        assert props.created == props.modified == MEETING, name


def test_without_a_meeting_date_the_fixed_stamp(tmp_path):
    text = XIANYANG.read_text(encoding="utf-8")
    assert "  date: 2024-02-05\n" in text
    data = tmp_path / "无日期.yaml"
    data.write_text(text.replace("  date: 2024-02-05\n", ""), encoding="utf-8")
    _run_all(data, tmp_path / "a", "UTC")
    _run_all(data, tmp_path / "b", "America/New_York")
    a, b = _files(tmp_path / "a"), _files(tmp_path / "b")
    assert a == b
    with zipfile.ZipFile(io.BytesIO(a["分工.xlsx"])) as z:
        assert {i.date_time for i in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    props = openpyxl.load_workbook(io.BytesIO(a["分工.xlsx"])).properties
    assert props.created == props.modified == FIXED_STAMP


def test_save_workbook_twice_in_one_process_and_it_reads_back():
    wb = openpyxl.Workbook()
    wb.active["A1"] = "序号"
    first, second = io.BytesIO(), io.BytesIO()
    save_workbook(wb, first, dt.date(2025, 1, 20))
    save_workbook(wb, second, dt.date(2025, 1, 20))
    assert first.getvalue() == second.getvalue()
    assert openpyxl.load_workbook(first).active["A1"].value == "序号"


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice 未安装")
def test_libreoffice_converts_the_reproducible_files(two_runs, tmp_path):
    for name, data in two_runs[0].items():
        if name.startswith("forms/") and not name.endswith("市统计局.xlsx"):
            continue  # one form stands for all: each takes LibreOffice about a second
        src = tmp_path / Path(name).name
        src.write_bytes(data)
        profile = (tmp_path / "profile").as_uri()  # its own profile: another soffice may be running
        # 44,34,76: comma, double quote, UTF-8 (the default character set is not UTF-8)
        subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless",
                        "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76",
                        "--outdir", str(tmp_path / "lo"), str(src)], check=True, capture_output=True)
        with (tmp_path / "lo" / src.with_suffix(".csv").name).open(encoding="utf-8", newline="") as f:
            rows = [r for r in csv.reader(f) if any(r)]
        # the sheet LibreOffice exports is the active one, as openpyxl reads it
        expected = [r for r in openpyxl.load_workbook(src).active.iter_rows(values_only=True)
                    if any(v is not None for v in r)]
        assert len(rows) == len(expected) > 1, name
        assert rows[0][0] == str(expected[0][0]), name
