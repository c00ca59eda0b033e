"""The phrase miner (drafter.mine): determinism, the kinds of the bank, bad input, atomic
writes. Fast: a handful of reports; the full-corpus checks are in test_mine_corpus.py."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from drafter.errors import DrafterError
from drafter.mine import mine
from drafter.mine.bank import Merger, dumps

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "style_corpus"
FEW = ["2024_咸阳市.txt", "2023_金台区.txt", "2022_庄浪县.txt", "2022_济南市.txt", "2024_高平市.txt"]
KINDS = {"formula", "heading", "lead", "number", "expression"}


@pytest.fixture(scope="module")
def few(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("few")
    for name in FEW:
        shutil.copy(CORPUS / name, d / name)
    return d


@pytest.fixture(scope="module")
def few_bank(few, tmp_path_factory) -> tuple[Path, dict]:
    out = tmp_path_factory.mktemp("out") / "bank.json"
    result = mine(few, out, jobs=1, progress=False)
    return out, result.bank


def test_same_corpus_same_bytes_whatever_jobs(few, few_bank, tmp_path):
    """Same bytes from another process (another hash seed) and from two worker processes."""
    first, _ = few_bank
    again = tmp_path / "again.json"
    two = tmp_path / "two.json"
    code = "import sys; from drafter.mine import mine; mine(sys.argv[1], sys.argv[2], progress=False)"
    env = {**os.environ, "PYTHONHASHSEED": "123", "PYTHONPATH": str(ROOT)}
    subprocess.run([sys.executable, "-c", code, str(few), str(again)], check=True, cwd=ROOT, env=env)
    mine(few, two, jobs=2, progress=False)
    assert first.read_bytes() == again.read_bytes()
    assert first.read_bytes() == two.read_bytes()


def test_merge_order_does_not_matter(few):
    from drafter.mine import candidates, mine_reports

    paths, _ = candidates(few)
    aggs = [agg for _, agg, _ in mine_reports(paths)]
    forward, backward = Merger(), Merger()
    for a in aggs:
        forward.add(a)
    for a in reversed(aggs):
        backward.add(a)
    assert dumps(forward.bank()) == dumps(backward.bank())


def test_bank_format(few_bank):
    path, bank = few_bank
    text = path.read_text(encoding="utf-8")
    assert text == dumps(json.loads(text))  # sorted keys, indent 1, no ASCII escapes
    assert bank["format"] == "drafter-phrase-bank" and bank["version"] == 1
    assert [c["file"] for c in bank["corpus"]] == sorted(FEW)
    xianyang = next(c for c in bank["corpus"] if c["file"] == "2024_咸阳市.txt")
    assert (xianyang["place"], xianyang["level"], xianyang["plan_year"]) == ("咸阳市", "市", 2024)
    jintai = next(c for c in bank["corpus"] if c["file"] == "2023_金台区.txt")
    assert (jintai["place"], jintai["level"], jintai["plan_year"]) == ("金台区", "区", 2023)
    entries = bank["entries"]
    assert {e["kind"] for e in entries} == KINDS
    ids = [e["id"] for e in entries]
    assert len(ids) == len(set(ids))
    order = [(e["kind"], e["part"], e["slot"], -e["count"], e["text"]) for e in entries]
    assert order == sorted(order)
    for e in entries:
        assert e["id"].startswith(f"{e['kind']}.{e['part']}.")
        assert 1 <= len(e["sources"]) <= 20 and e["count"] >= 1
        assert e["sources"] == sorted(e["sources"], key=lambda s: (s["file"], s["line"]))
        for name in re.findall(r"\{([^{}]+)\}", e["text"] + e.get("frame", "")):
            assert name in e["slots"], (name, e)


def test_sources_point_at_real_lines(few_bank):
    """The example of every entry is on the line its first source names."""
    _, bank = few_bank
    lines = {}
    for e in bank["entries"]:
        src = e["sources"][0]
        if src["file"] not in lines:
            raw = (CORPUS / src["file"]).read_text(encoding="utf-8")
            lines[src["file"]] = [x for x in raw.splitlines() if x.strip()]
        assert e["example"] in lines[src["file"]][src["line"] - 1], e


def test_formulas_are_clean(few_bank):
    _, bank = few_bank
    formulas = [e for e in bank["entries"] if e["kind"] == "formula"]
    places = ["咸阳", "金台", "庄浪", "济南", "高平", "陕西", "宝鸡", "平凉", "山东", "晋城", "山西"]
    assert {e["slot"] for e in formulas} >= {
        "opening.report", "review.thanks_closing", "review.problems_intro", "targets.intro",
        "key_tasks.list_intro", "closing.formula", "closing.couplet",
    }
    for e in formulas:
        literal = re.sub(r"\{[^{}]*\}", "", e["text"])
        assert not re.search(r"[0-9０-９]", literal), e
        assert not any(p in literal for p in places), e
        assert not re.search(r"[市区县](?:人民政府|政协委员|人大)|全[市区县]", literal), e
        assert e["part"] == e["slot"].split(".")[0]
    texts = {e["text"] for e in formulas}
    assert "现在，我代表{本级政府}向大会报告工作，请予审议，并请{政协委员}提出意见。" in texts
    assert "让我们更加紧密地团结在以习近平同志为核心的党中央周围，在{上级领导}的坚强领导下，" in texts
    assert any(t.endswith("{方面数}个方面工作：") for t in texts)


def test_each_kind_has_its_shape(few_bank):
    _, bank = few_bank
    by = {}
    for e in bank["entries"]:
        by.setdefault(e["kind"], []).append(e)
    heading = next(e for e in by["heading"] if e["text"] == "强化创新驱动，加快建设秦创原科技成果转化先行区")
    assert heading["slot"] == "key_task_section" and heading["topic"] == "创新"
    assert heading["frame"] != heading["text"] and "{" in heading["frame"] and "，加快" in heading["frame"]
    assert any(e["text"] == "促进创新协同" and e["topic"] == "创新" for e in by["lead"])
    assert all(5 <= len(e["text"]) <= 12 for e in by["lead"])
    growth = [e for e in by["number"] if e["text"] == "{指标}增长{百分比}"]
    assert growth and all(e["unit"] == "%" for e in growth)
    assert any(e["slot"] == "target_growth" and e["qualifier"] == "左右" for e in by["number"])
    for e in by["number"]:
        assert e["indicator"] and "{指标}" in e["text"]
        assert not re.search(r"\d", re.sub(r"\{[^{}]*\}", "", e["text"]))
    assert {e["slot"] for e in by["expression"]} == {"four_char", "verb_object"}


def _bad_folder(tmp_path: Path) -> Path:
    import docx

    d = tmp_path / "语料"
    d.mkdir()
    shutil.copy(CORPUS / "2024_咸阳市.txt", d / "2024_咸阳市.txt")
    text = (CORPUS / "2024_高平市.txt").read_text(encoding="utf-8")
    (d / "高平_gbk.txt").write_bytes(text.encode("gbk", errors="replace"))
    doc = docx.Document()
    for line in (CORPUS / "2023_金台区.txt").read_text(encoding="utf-8").splitlines():
        doc.add_paragraph(line)
    doc.save(d / "金台区.docx")
    (d / "空文件.txt").write_bytes(b"")
    (d / "乱码.txt").write_bytes(os.urandom(4096))
    (d / "旧版.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + os.urandom(1024))
    (d / "通知.txt").write_text("关于召开春季运动会的通知\n各单位：\n定于4月10日召开春季运动会。\n特此通知。\n", encoding="utf-8")
    (d / "咸阳_副本.txt").write_bytes((CORPUS / "2024_咸阳市.txt").read_text(encoding="utf-8").encode("gb18030"))
    (d / "扫描件.pdf").write_bytes(b"%PDF-1.4\n")
    return d


def test_bad_inputs_are_skipped_with_a_warning_each(tmp_path):
    d = _bad_folder(tmp_path)
    out = tmp_path / "bank.json"
    result = mine(d, out, jobs=2, progress=False)
    assert out.is_file() and json.loads(out.read_text(encoding="utf-8")) == result.bank
    mined = [c["file"] for c in result.bank["corpus"]]
    assert mined == ["2024_咸阳市.txt", "金台区.docx", "高平_gbk.txt"]
    skipped = ["空文件.txt", "乱码.txt", "旧版.doc", "通知.txt", "咸阳_副本.txt", "扫描件.pdf"]
    assert len(result.warnings) == len(skipped)
    for name in skipped:
        assert sum(w.startswith(f"跳过 {name}：") for w in result.warnings) == 1, (name, result.warnings)
    assert result.files == {"total": 9, "mined": 3, "skipped": 6}
    assert set(result.counts) == KINDS


def test_empty_corpus_is_an_error(tmp_path):
    with pytest.raises(DrafterError, match="没有可以读取的政府工作报告"):
        mine(tmp_path, None, progress=False)
    (tmp_path / "空.txt").write_bytes(b"")
    with pytest.raises(DrafterError, match=r"空\.txt"):
        mine(tmp_path, None, progress=False)
    with pytest.raises(DrafterError, match="找不到语料文件夹"):
        mine(tmp_path / "nowhere", None, progress=False)


def test_existing_bank_is_refused_without_overwrite(few, tmp_path):
    out = tmp_path / "bank.json"
    out.write_text("old", encoding="utf-8")
    with pytest.raises(DrafterError, match="已存在"):
        mine(few, out, progress=False)
    assert out.read_text(encoding="utf-8") == "old"


@pytest.mark.parametrize("existing", [False, True])
def test_a_failed_write_leaves_no_partial_bank(few, tmp_path, monkeypatch, existing):
    import drafter.mine as m

    out = tmp_path / "bank.json"
    if existing:
        out.write_text("old", encoding="utf-8")

    def broken(bank):
        text = dumps(bank)
        return text[: len(text) // 2] + "\udcff"  # not encodable: the write fails half-way

    monkeypatch.setattr(m, "dumps", broken)
    with pytest.raises(UnicodeEncodeError):  # the broken text itself, not some other failure
        mine(few, out, progress=False, overwrite=True)
    leftovers = [p.name for p in tmp_path.iterdir() if p.name != "bank.json"]
    assert leftovers == []
    if existing:
        assert out.read_text(encoding="utf-8") == "old"
    else:
        assert not out.exists()


def test_interrupt_leaves_no_partial_bank(few, tmp_path, monkeypatch):
    from drafter import atomic

    out = tmp_path / "bank.json"

    def interrupted(*a, **k):
        raise KeyboardInterrupt

    monkeypatch.setattr(atomic.os, "replace", interrupted)
    monkeypatch.setattr(atomic.os, "link", interrupted)  # the final step of a write without --force
    with pytest.raises(KeyboardInterrupt):
        mine(few, out, progress=False)
    assert list(tmp_path.iterdir()) == []


def test_progress_is_a_callback_and_the_library_never_prints(few, capsys):
    calls: list[tuple[str, int, int]] = []
    mine(few, None, progress=lambda name, done, total: calls.append((name, done, total)))
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err == ""
    assert [(d, t) for _, d, t in calls] == [(i, 5) for i in range(6)]  # 0/5 before the first
    assert calls[0][0] == "" and all(name for name, _, _ in calls[1:])


def test_the_cli_draws_the_mine_progress_bar_on_stderr(few, tmp_path):
    r = subprocess.run([sys.executable, "-m", "drafter", "mine", str(few), "-o", str(tmp_path / "b.json")],
                       capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 0, r.stderr
    assert "挖掘短语" in r.stderr and "5/5" in r.stderr and "挖掘短语" not in r.stdout
    # the summary names the kinds in Chinese (it printed 「expression 24，formula 26」, H94)
    assert "套话" in r.stdout and "引领句" in r.stdout and "formula" not in r.stdout, r.stdout


def test_jieba_is_imported_only_when_mining():
    code = (
        "import sys, drafter.mine, drafter.mine.bank, drafter.mine.report, drafter.cli\n"
        "assert 'jieba' not in sys.modules, 'jieba imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


def test_region_is_read_from_the_report_itself(tmp_path):
    """No SOURCES.tsv and a file name that says nothing: place, level and years still come
    from the report's own header, opening and part headings."""
    from drafter.mine.report import mine_file

    p = tmp_path / "报告.txt"
    shutil.copy(CORPUS / "2022_长沙市望城区.txt", p)
    agg = mine_file(p)
    assert (agg.place, agg.level, agg.plan_year) == ("望城区", "区", 2023)
    formulas = {k[3] for k in agg.items if k[0] == "formula"}
    assert not any("望城" in f for f in formulas)
