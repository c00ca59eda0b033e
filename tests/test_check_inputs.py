"""What `drafter check` refuses (with a Chinese message), the report file, and the comparison
with last year's targets."""

from __future__ import annotations

import docx
import pytest

from drafter.checks.findings import ERROR, HINT, PREVIOUS
from drafter.errors import DrafterError
from tests.test_check_helpers import JINTAI, XIANYANG, check, make_draft, with_checks


@pytest.fixture(scope="module")
def xy_draft(tmp_path_factory):
    return make_draft(XIANYANG, tmp_path_factory.mktemp("xy") / "初稿.docx")


def test_a_word_document_that_is_not_a_report_is_refused(tmp_path):
    other = tmp_path / "会议通知.docx"
    d = docx.Document()
    d.add_paragraph("关于召开2024年第一季度经济运行分析会的通知")
    d.add_paragraph("各有关单位：定于3月5日召开会议。")
    d.save(str(other))
    with pytest.raises(DrafterError, match="看起来不是政府工作报告文稿"):
        check(XIANYANG, draft=other)


@pytest.mark.parametrize(
    "content,suffix,message",
    [
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, ".doc", "旧版 Word 二进制格式"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, ".docx", "另存为 .docx"),
        ("政府工作报告\n各位代表：".encode(), ".docx", "不是 .docx 文件"),
        (b"PK\x03\x04" + b"\x00broken" * 50, ".docx", "文件已损坏"),
        (b"", ".docx", "空文件"),
        (b"%PDF-1.7 ...", ".pdf", "不是 .docx 文件"),
    ],
)
def test_files_that_are_not_a_docx_are_refused(tmp_path, content, suffix, message):
    bad = tmp_path / f"文稿{suffix}"
    bad.write_bytes(content)
    with pytest.raises(DrafterError, match=message):
        check(XIANYANG, draft=bad)


def test_a_missing_draft_and_a_draft_of_other_data_are_refused(tmp_path, xy_draft):
    with pytest.raises(DrafterError, match="找不到文稿"):
        check(XIANYANG, draft=tmp_path / "没有.docx")
    with pytest.raises(DrafterError, match="请确认文稿和数据文件是否配对"):
        check(JINTAI, draft=xy_draft)


def test_the_txt_draft_drafter_writes_is_checked_too(tmp_path):
    txt = make_draft(XIANYANG, tmp_path / "初稿.txt")
    text = txt.read_text(encoding="utf-8").replace("2878", "2900")
    txt.write_text(text, encoding="utf-8")
    result, _ = check(XIANYANG, draft=txt)
    assert [f.path for f in result.findings] == ["review.headline[0].value"]


def test_report_file_txt_and_md_and_bad_suffix(tmp_path, xy_draft):
    from tests.test_check_helpers import edit_docx

    edited = tmp_path / "改.docx"
    edit_docx(xy_draft, edited, "2878", "2900")
    _result, printed = check(XIANYANG, draft=edited, report=tmp_path / "结果.txt")
    text = (tmp_path / "结果.txt").read_text(encoding="utf-8")
    assert "【数字核对】1 处错误" in text and "review.headline[0].value" in text and "数据为 2878，文稿为 2900" in text
    assert "已写出检查报告" in printed
    check(XIANYANG, draft=edited, report=tmp_path / "结果.md")
    md = (tmp_path / "结果.md").read_text(encoding="utf-8")
    assert "## 数字核对（1 处错误，0 处提示）" in md and "| 错误 | 被改动的数字 |" in md
    with pytest.raises(DrafterError, match=r"\.txt 或 \.md"):
        check(XIANYANG, report=tmp_path / "结果.pdf")
    with pytest.raises(DrafterError, match=r"\.xlsx"):
        check(XIANYANG, confirm_sheet=tmp_path / "表.csv")


def test_target_table_verdicts(tmp_path):
    result, printed = check(with_checks(tmp_path))
    rows = {r.name: r for r in result.targets}
    assert (rows["生产总值"].target, rows["生产总值"].actual, rows["生产总值"].verdict) == ("增长6%左右", "增长4.3%", "未完成")
    assert (rows["城镇新增就业"].target, rows["城镇新增就业"].actual, rows["城镇新增就业"].verdict) == ("4.5万人以上", "5.14万人", "超额完成")
    assert (rows["居民消费价格指数涨幅"].target, rows["居民消费价格指数涨幅"].verdict) == ("控制在3%以内", "完成")
    for word in ("指标", "目标", "实际", "结论", "未完成", "超额完成"):
        assert word in printed


def test_previous_year_targets_from_a_data_file(tmp_path):
    checks = """review:
  checks:
    - {name: 生产总值, kind: growth, value: 6, qualifier: 左右, actual: 4.3}  # the headline's 增长4.3%: one indicator, one number
    - {name: 城镇新增就业, kind: level, value: 4.5, unit: 万人, qualifier: 以上, actual: 4.8}
    - {name: 居民消费价格指数涨幅, kind: control, value: 3.5, actual: 0.2}
    - {name: 粮食产量, kind: level, value: 182, unit: 万吨, actual: 183}
"""
    this_year = with_checks(tmp_path, year=2025, checks=checks)
    result, _ = check(this_year, previous=XIANYANG)
    found = result.group(PREVIOUS)
    errors = [f for f in found if f.severity == ERROR]
    assert len(errors) == 1
    assert errors[0].path == "review.checks[2].value" and "“控制在3%以内”" in errors[0].message and "“控制在3.5%以内”" in errors[0].message
    hints = " ".join(f.message for f in found if f.severity == HINT)
    assert "粮食产量" in hints  # not a target last year
    assert "一般公共预算收入同口径" in hints and "城乡居民人均可支配收入" in hints  # set but not reviewed
    assert result.exit_code == 1


def test_previous_year_as_a_report(tmp_path, xy_draft):
    """Last year's report: its 主要预期目标 read by the parser (drafter/parse/targets_text.py)
    when it is there; otherwise skipped with a hint."""
    import importlib.util

    result, _ = check(with_checks(tmp_path, year=2025), previous=xy_draft)
    found = result.group(PREVIOUS)
    if importlib.util.find_spec("drafter.parse.targets_text") is None:
        [f] = found
        assert f.severity == HINT and "解析器" in f.message
    else:
        # 咸阳 2024 set 生产总值 6%左右, 城镇新增就业 4.5万人以上, CPI 3%以内: all as reviewed
        assert [f for f in found if f.severity == ERROR] == []
        hints = " ".join(f.message for f in found)
        assert "一般公共预算收入" in hints and "城乡居民人均可支配收入" in hints
        assert "全年技术合同成交额" not in hints  # a key-task figure is not a 预期目标
    with pytest.raises(DrafterError, match="找不到上年文件"):
        check(XIANYANG, previous=tmp_path / "没有.yaml")
