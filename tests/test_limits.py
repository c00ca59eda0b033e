"""Resource limits: oversized inputs, zip bombs, YAML alias bombs and deep nesting are refused
with a clear Chinese message before they can eat memory (asserted on memory allocated; the time
they take is measured in bench/hostile_inputs.py, not here)."""

from __future__ import annotations

import tracemalloc
import zipfile

import pytest

from drafter.errors import DrafterError
from drafter.limits import MAX_DATA_BYTES, MAX_REPORT_BYTES


def _quick(fn, budget_mb: int = 40):
    """Refused with a DrafterError while allocating at most `budget_mb` (the inputs here would
    take hundreds of MB, or gigabytes, if they were read)."""
    tracemalloc.start()
    try:
        with pytest.raises(DrafterError) as e:
            fn()
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < budget_mb * 1024 * 1024, peak
    return e.value


def test_oversized_data_file(tmp_path, run_cli):
    big = tmp_path / "big.yaml"
    with open(big, "wb") as f:
        f.write(b"meta:\n  region: x\n# " + b"x" * (MAX_DATA_BYTES + 10) + b"\n")
    code, _, err = run_cli("validate", big)
    assert code == 2 and "超过上限 5 MB" in err


def test_oversized_report(tmp_path):
    from drafter.parse import parse_report

    big = tmp_path / "big.txt"
    with open(big, "wb") as f:
        f.seek(MAX_REPORT_BYTES + 1)
        f.write(b"\n")
    err = _quick(lambda: parse_report(big))
    assert "超过上限" in err.message and "big.txt" in err.message


def _bomb(path, size=300 * 1024 * 1024):
    """A .docx whose document.xml unpacks to hundreds of MB (but is tiny on disk)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        with z.open("word/document.xml", "w", force_zip64=True) as f:
            chunk = b"<w:t>" + b"a" * (1024 * 1024 - 11) + b"</w:t>"
            for _ in range(size // len(chunk)):
                f.write(chunk)


def test_docx_zip_bomb_is_refused_by_parse_and_check(tmp_path, run_cli, minimal):
    from drafter.parse import parse_report

    bomb = tmp_path / "bomb.docx"
    _bomb(bomb)
    assert bomb.stat().st_size < 2 * 1024 * 1024
    err = _quick(lambda: parse_report(bomb))
    assert "解压后" in err.message or "压缩" in err.message
    code, _, err = run_cli("check", minimal, "--draft", bomb)
    assert code == 2 and ("压缩" in err or "解压后" in err)


def test_yaml_alias_bomb_and_deep_nesting(tmp_path, run_cli, monkeypatch):
    """Both are refused from the node graph before any Python data is built."""
    from drafter.readers import yaml_data

    built = []
    real = yaml_data._Converter.convert
    monkeypatch.setattr(yaml_data._Converter, "convert", lambda self, *a: built.append(1) or real(self, *a))
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n"
    for i, name in enumerate("bcdefghij"):
        prev = "abcdefghij"[i]
        bomb += f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 9) + "]\n"
    (tmp_path / "bomb.yaml").write_text(bomb, encoding="utf-8")
    code, _, err = run_cli("validate", tmp_path / "bomb.yaml")
    assert code == 2 and "别名" in err and not built
    deep = "a: " + "[" * 200 + "]" * 200 + "\n"
    (tmp_path / "deep.yaml").write_text(deep, encoding="utf-8")
    code, _, err = run_cli("validate", tmp_path / "deep.yaml")
    assert code == 2 and "嵌套" in err and not built


def test_memory_stays_bounded_on_a_bomb(tmp_path):
    """Refusing the zip bomb must not unpack it: peak memory grows by far less than its size."""
    import tracemalloc

    from drafter.parse import parse_report

    bomb = tmp_path / "bomb.docx"
    _bomb(bomb, 200 * 1024 * 1024)
    tracemalloc.start()
    with pytest.raises(DrafterError):
        parse_report(bomb)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert peak < 20 * 1024 * 1024
