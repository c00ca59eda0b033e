"""The command line: init → validate → draft, schema, the library behind it, and the
drafting path's imports."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from tests.conftest import EXAMPLES, ROOT


def test_init_writes_a_commented_skeleton_that_drafts_with_placeholders(tmp_path, run_cli):
    data = tmp_path / "咸阳市2025.yaml"
    code, out, err = run_cli("init", data, "--region", "咸阳市", "--level", "市", "--year", "2025")
    assert code == 0, err
    text = data.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=drafter.schema.json")
    schema = json.loads((tmp_path / "drafter.schema.json").read_text(encoding="utf-8"))
    assert schema["title"].startswith("drafter")
    # every field line is preceded by a Chinese comment
    lines = text.splitlines()
    for i, line in enumerate(lines):
        stripped = line.strip()
        if stripped and not stripped.startswith("#") and ":" in stripped and not stripped.startswith("- "):
            indent = len(line) - len(line.lstrip())
            prev = lines[i - 1].strip()
            is_item_field = any(ln.strip().startswith("- ") for ln in lines[max(0, i - 40):i]) and indent >= 6
            assert prev.startswith("#") or is_item_field, f"line {i + 1} has no comment: {line}"
    code, out, err = run_cli("validate", data)
    assert code == 0, err
    out_docx = tmp_path / "初稿.docx"
    code, out, err = run_cli("draft", data, "-o", out_docx)
    assert code == 0, err
    assert out_docx.exists()
    assert "【待补充" in out and "review.headline[0].value" in out and "meta.meeting" in out


def test_init_refuses_to_overwrite(tmp_path, run_cli):
    data = tmp_path / "d.yaml"
    data.write_text("手写的数据", encoding="utf-8")
    code, _, err = run_cli("init", data, "--region", "金台区", "--level", "区", "--year", "2025")
    assert code == 2 and "已存在" in err
    assert data.read_text(encoding="utf-8") == "手写的数据"


def test_init_rejects_bad_level(tmp_path, run_cli):
    code, _, err = run_cli("init", tmp_path / "d.yaml", "--region", "某乡", "--level", "乡", "--year", "2025")  # 州 is a level since H103
    assert code == 2 and "层级" in err and not (tmp_path / "d.yaml").exists()


def test_schema_command_prints_json_schema(run_cli):
    _code, out, _ = run_cli("schema")
    schema = json.loads(out)
    assert schema["properties"]["meta"]["$ref"].endswith("Meta")
    figure = schema["$defs"]["Figure"]["properties"]
    assert figure["value"]["title"] == "数值" and "只写数字" in figure["value"]["description"]


def test_draft_lists_placeholders(minimal, tmp_path, run_cli):
    text = minimal.read_text(encoding="utf-8").replace("  requirements: 做好今年政府工作，要坚持稳中求进工作总基调。\n", "")
    minimal.write_text(text, encoding="utf-8")
    code, out, _ = run_cli("draft", minimal, "-o", tmp_path / "o.md")
    assert code == 0
    assert "留有 1 处【待补充】" in out and "targets.requirements" in out


def test_markdown_and_text_outputs(minimal, tmp_path, run_cli):
    for name in ("o.md", "o.txt"):
        code, _, err = run_cli("draft", minimal, "-o", tmp_path / name)
        assert code == 0, err
    md = (tmp_path / "o.md").read_text(encoding="utf-8")
    txt = (tmp_path / "o.txt").read_text(encoding="utf-8")
    assert "## 一、2023年工作回顾" in md and "**促进创新协同。**" in md
    assert "一、2023年工作回顾\n" in txt and "**" not in txt


def test_style_profile_override(minimal, tmp_path, run_cli):
    import zipfile

    style = tmp_path / "本地版式.yaml"
    style.write_text("page:\n  margin_left_mm: 30\nheading1:\n  font: 方正黑体_GBK\n  size: 三号\n  bold: true\n", encoding="utf-8")
    out = tmp_path / "o.docx"
    code, _, err = run_cli("draft", minimal, "-o", out, "--style", style)
    assert code == 0, err
    with zipfile.ZipFile(out) as z:
        doc, styles = z.read("word/document.xml").decode(), z.read("word/styles.xml").decode()
    assert 'w:left="1701"' in doc  # 30 mm
    assert "方正黑体_GBK" in styles


def test_bad_style_profile_is_reported_with_position(minimal, tmp_path, run_cli):
    style = tmp_path / "s.yaml"
    style.write_text("page:\n  margin_lef_mm: 30\nbody:\n  size: 大号\n", encoding="utf-8")
    out = tmp_path / "o.docx"
    code, _, err = run_cli("draft", minimal, "-o", out, "--style", style)
    assert code == 2 and not out.exists()
    assert "s.yaml:2:3 page.margin_lef_mm 未知字段“margin_lef_mm”，是不是“margin_left_mm”？" in err
    assert "s.yaml:4:9" in err and "未知字号" in err


def test_library_api(minimal, tmp_path):
    from drafter.api import draft

    result = draft(minimal, tmp_path / "o.docx", seed=2)
    assert result.format == "docx" and result.placeholders == []
    assert result.paragraphs > 10 and result.characters > 600
    assert (tmp_path / "o.docx").stat().st_size > 5000


def test_console_script_and_no_jieba_on_the_drafting_path(tmp_path):
    """The installed command works as a process, and drafting never imports jieba."""
    out = tmp_path / "o.docx"
    probe = (
        "import sys; from drafter.cli import main; "
        "code = main(sys.argv[1:]); print('JIEBA', 'jieba' in sys.modules); sys.exit(code)"
    )
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    r = subprocess.run(
        [sys.executable, "-c", probe, "draft", str(EXAMPLES / "xianyang_2024.yaml"), "-o", str(out)],
        capture_output=True, text=True, env=env, cwd=tmp_path,
    )
    assert r.returncode == 0, r.stderr
    assert "JIEBA False" in r.stdout
    assert out.stat().st_size > 10_000
    r = subprocess.run([sys.executable, "-m", "drafter", "validate", str(tmp_path / "nope.yaml")],
                       capture_output=True, text=True, env=env)
    assert r.returncode == 2 and "找不到数据文件" in r.stderr and "Traceback" not in r.stderr
