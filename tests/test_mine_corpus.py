"""The miner on the shipped corpus: the shipped bank (split, mined from all of style_corpus/
with more/), leave-one-out coverage of number frames and jobs=1 against jobs=2 on the 25
reports of the top folder (about 20 s together; the 161-report figures are in
docs/phrase-bank.md, from `python bench/mine_vs_posseg.py --coverage`)."""

from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path

import pytest

from drafter.parse.normalize import full_width_punctuation

from drafter.mine import candidates, mine, mine_reports
from drafter.mine.bank import Merger, dumps
from drafter.mine.coverage import leave_one_out, mean_share
from drafter.mine.split import KINDS, read_split
from drafter.parse.unwrap import hard_wrapped, unwrap
from drafter.parse.runon import split_run_on

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "style_corpus"
BANK = CORPUS / "phrases"
# whole reports on one line (paragraph breaks lost upstream): parse/runon.py splits them, so
# the shipped bank reads them too
ONE_LINE = {"more/2024_枣庄.txt", "more/2024_泸州.txt", "more/2024_潍坊.txt"}


@pytest.fixture(scope="module")
def top25(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("top25")
    for p in list(CORPUS.glob("*.txt")) + [CORPUS / "SOURCES.tsv"]:
        shutil.copy(p, d / p.name)
    return d


@pytest.fixture(scope="module")
def aggregates(top25):
    paths, _ = candidates(top25)
    out = []
    for _path, agg, warning in mine_reports(paths, jobs=2, corpus=top25):
        assert warning is None, warning
        out.append(agg)
    assert len(out) == 25
    return out


@pytest.fixture(scope="module")
def shipped() -> dict:
    return read_split(BANK)


def test_leave_one_out_number_frame_coverage(aggregates):
    """For each of the 25 reports, a bank is mined from the other 24 and we count the share
    of the report's number-bearing clauses whose number frame that bank holds.

    Clause: a stretch of a sentence between ，；。！？： (split at 、 when both sides carry
    their own figure); a clause that only continues the figure before it (…，增长4.3% /
    …，高于全省1.2个百分点 / …，居全省第3位) is joined to that one. Number-bearing: it has a
    figure, an Arabic number that is not a year, a date, an ordinal or part of a name (5G).
    Frame held: the frame the miner makes of the clause (indicator, numbers and units as
    slots, e.g. {指标}增长{百分比}左右) is the text of a number entry of the 24-report bank.
    Clauses the miner cannot frame count as not held. The 25 banks are merges of per-report
    aggregates, so the corpus is segmented once."""
    covs = leave_one_out(aggregates)
    mean = mean_share(covs)
    clauses = sum(c.clauses for c in covs)
    print(f"\nleave-one-out number-frame coverage: mean {mean:.1%} over 25 reports "
          f"({sum(c.held for c in covs)}/{clauses} clauses pooled; "
          f"lowest {min(c.share for c in covs):.1%}, highest {max(c.share for c in covs):.1%})")
    assert clauses > 3000
    assert mean >= 0.6
    assert min(c.share for c in covs) >= 0.45


def test_jobs_do_not_change_the_full_bank(aggregates, top25, tmp_path):
    merger = Merger()
    for agg in aggregates:
        merger.add(agg)
    out = tmp_path / "bank.json"
    mine(top25, out, jobs=1, progress=False)
    assert out.read_bytes() == dumps(merger.bank()).encode("utf-8")


def test_shipped_bank_is_split_and_complete(shipped):
    """Per kind a file drafting reads and one with the sources, each listed in index.json with
    its sha256; what drafting reads stays small. Every report once: more/2024_抚州.txt is
    2024_抚州市.txt again (a title line and line breaks apart)."""
    import json

    index = json.loads((BANK / "index.json").read_text(encoding="utf-8"))
    assert index["layout"] == "split" and set(index["kinds"]) == set(KINDS)
    for kind, meta in index["kinds"].items():
        for m in (meta, meta["sources"]):
            assert hashlib.sha256((BANK / m["file"]).read_bytes()).hexdigest() == m["sha256"]
        assert meta["sources"]["entries"] == sum(e["kind"] == kind for e in shipped["entries"])
    assert sum((BANK / f"{k}.json").stat().st_size for k in KINDS) < 5_000_000
    files = sorted(p.relative_to(CORPUS).as_posix() for p in CORPUS.rglob("*.txt"))
    assert len(files) == 161
    assert sorted(c["file"] for c in shipped["corpus"]) == sorted(set(files) - {"more/2024_抚州.txt"})
    assert ONE_LINE.issubset(c["file"] for c in shipped["corpus"])
    for c in shipped["corpus"]:
        assert hashlib.sha256((CORPUS / c["file"]).read_bytes()).hexdigest() == c["sha256"]
    assert len({c["province"] for c in shipped["corpus"]}) >= 25
    slots = {e["slot"] for e in shipped["entries"] if e["kind"] == "formula"}
    assert slots == {
        "opening.report", "review.list_intro", "review.other_work_ending", "review.self_building_intro",
        "review.thanks_attribution", "review.thanks_closing", "review.problems_intro",
        "review.problems_outro", "targets.intro", "key_tasks.list_intro", "self_building.intro",
        "closing.couplet", "closing.spirit", "closing.formula",
    }


def test_shipped_formulas_name_no_place_and_no_number(shipped):
    places = set()
    for c in shipped["corpus"]:
        region = re.sub(r"[（(].*", "", c["place"])
        places |= {region, region[:-1]}
    places |= set(shipped["places"]["provinces"]) | {"西安", "宝鸡"}
    for e in shipped["entries"]:
        if e["kind"] != "formula":
            continue
        literal = re.sub(r"\{[^{}]*\}", "", e["text"])
        assert not re.search(r"\d", literal), e
        # 黔南州 reads its own name 黔南 without a unit the slots know: such a formula is kept
        # but local (one report), so no other draft gets it
        assert e["local"] or not any(p and p in literal for p in places), e


def test_shipped_sources_point_at_real_lines(shipped):
    lines = {}
    for e in shipped["entries"]:
        for src in e["sources"]:
            assert (CORPUS / src["file"]).is_file()
        src = e["sources"][0]
        if src["file"] not in lines:
            raw = (CORPUS / src["file"]).read_text(encoding="utf-8")
            # a report saved as one line is numbered by the paragraphs cut from it (runon.py)
            raw_lines = split_run_on(raw.splitlines())
            # the parser reads odd spaces (U+2002 in more/2024_潜江) as plain ones
            lines[src["file"]] = [re.sub(r"\s", " ", x) for x in raw_lines if x.strip()]
        here = lines[src["file"]][src["line"] - 1]
        example = re.sub(r"\s", " ", e["example"])
        # the parser reads half-width punctuation in Chinese text as full-width: (1) → （1）
        if example not in here and example in full_width_punctuation(here):
            continue
        if example not in here:
            # a hard-wrapped report (more/2024_承德) is mined with its printed lines joined
            # (drafter/parse/unwrap.py): the example is in the paragraph that starts on its line
            assert hard_wrapped(lines[src["file"]]), e
            joined, origin = unwrap(lines[src["file"]])
            assert example.strip() in joined[origin.index(src["line"])], e


def test_shipped_files_pass_the_check_the_trusted_load_skips():
    """Drafting trusts the shipped kind files (no entry-by-entry check) while their sha256 is
    the one index.json records (drafter.phrases.bank.load_split): this is the check it skips."""
    import json

    from drafter.phrases.bank import check_bank, default_bank, load_kind

    index = json.loads((BANK / "index.json").read_text(encoding="utf-8"))
    check_bank(index, "index.json")
    for kind, meta in index["kinds"].items():
        for m in (meta, meta["sources"]):
            data = json.loads((BANK / m["file"]).read_text(encoding="utf-8"))
            check_bank(data, m["file"])
            assert len(data["entries"]) == m["entries"] and {e["kind"] for e in data["entries"]} == {kind}
            assert load_kind(BANK / m["file"], kind, m["sha256"]) == data["entries"]
    bank = default_bank()
    assert all(sha for _, sha in bank._pending.values())  # trusted: the shipped bank, by its index


def test_local_by_words_on_real_entries(shipped):
    """Headings and leads of the shipped bank: local when they name a place (the place list,
    with the autonomous prefectures), or hold a word of one province (秦创原), not because their
    exact wording occurs once."""
    by_text = {(e["kind"], e["text"]): e for e in shipped["entries"]}
    for kind, text, local in (
        ("heading", "强化创新驱动，加快建设秦创原科技成果转化先行区", True),  # 创原: Shaanxi only
        ("lead", "深入推进健康黔东南建设", True),  # a prefecture (州) by its short name
        ("heading", "坚定不移强工业，加快建设陇东综合能源化工基地", True),
        ("heading", "深入推进生态文明建设", False),  # one report, words of every province
        ("heading", "促进资源转化，加快培育壮大文化旅游产业", False),
        ("lead", "推进健康{地区}建设", False),
    ):
        e = by_text[(kind, text)]
        assert e["local"] is local, e
    assert by_text[("heading", "深入推进生态文明建设")]["reports"] == 1
    names = set(shipped["places"]["names"])
    assert {"湘西", "湘西州", "延边", "黔东南", "锡林郭勒", "喀什"} <= names and "文山" not in names  # 文山会海
    for slot, most in (("review_section", 0.1), ("key_task_section", 0.15), ("key_task_lead", 0.1)):
        entries = [e for e in shipped["entries"] if e["slot"] == slot]
        once = sum(e["reports"] == 1 for e in entries)
        local = sum(e["local"] for e in entries)
        print(f"\n{slot}: {len(entries)} entries, {once} seen once, {local} local")
        assert once > len(entries) / 2 and local < most * len(entries)


def test_a_report_filed_twice_is_mined_once():
    """The fingerprint (sentences of 12+ characters) finds the copy with its title line and
    line breaks changed; the same city's report of another year is another report."""
    from drafter.mine.report import mine_file

    merger = Merger()
    first = mine_file(CORPUS / "2024_抚州市.txt", "2024_抚州市.txt")
    copy = mine_file(CORPUS / "more" / "2024_抚州.txt", "more/2024_抚州.txt")
    assert first.text_sha256 != copy.text_sha256
    merger.add(first)
    assert merger.duplicate_of(copy) == "2024_抚州市.txt"
    for older, newer in (("2022_宜春市.txt", "more/2024_宜春.txt"), ("2022_济南市.txt", "more/2024_济南.txt")):
        merger.add(mine_file(CORPUS / older, older))
        assert merger.duplicate_of(mine_file(CORPUS / newer, newer)) is None
