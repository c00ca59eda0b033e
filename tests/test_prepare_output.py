"""stages.prepare_output refuses a contradicting --format and a missing --style for every
caller, the pipeline's Python callers included, before any file is read or written."""

from pathlib import Path

import pytest

from drafter.errors import DrafterError
from drafter.office import write_division
from drafter.pipeline import DraftOptions, run

DATA = Path(__file__).parent.parent / "examples" / "gaoping_2024.yaml"


def test_run_refuses_a_format_the_name_contradicts(tmp_path):
    out = tmp_path / "稿.txt"
    with pytest.raises(DrafterError, match=r"--format docx 与输出文件名 稿\.txt 不符"):
        run(DATA, out, DraftOptions(fmt="docx"))
    assert not out.exists()
    run(DATA, tmp_path / "稿.markdown", DraftOptions(fmt="md"))  # .markdown is md


@pytest.mark.parametrize("name", ["稿.txt", "稿.docx"])
def test_run_refuses_a_missing_style_whatever_the_format(tmp_path, name):
    with pytest.raises(DrafterError, match="找不到版式文件"):
        run(DATA, tmp_path / name, DraftOptions(style=tmp_path / "无.yaml"))
    assert not (tmp_path / name).exists()


def test_division_refuses_a_style_folder(tmp_path):
    with pytest.raises(DrafterError, match="是文件夹"):
        write_division(DATA, tmp_path / "分工.docx", style=tmp_path)
