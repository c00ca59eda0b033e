"""Drafts speak in the corpus's phrases: formulas from the shipped bank, chosen by seed and
place, never reused, always losing to the office's own text; mined headings and leads offered
(highlighted) where the data leaves them empty."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from drafter.api import find_phrases
from drafter.compose import compose
from drafter.errors import DrafterError
from drafter.model import Report
from drafter.phrases.bank import default_bank, load_bank
from drafter.readers.yaml_data import load_yaml_text
from drafter.writers.text import render_text
from tests.conftest import CORPUS, EXAMPLES, MINIMAL


def _report(**changes) -> Report:
    data = load_yaml_text(MINIMAL, "m.yaml").data
    for path, value in changes.items():
        node = data
        keys = path.split(".")
        for k in keys[:-1]:
            node = node.setdefault(k, {})
        node[keys[-1]] = value
    return Report.model_validate(data)


def test_shipped_bank_is_mined_from_the_shipped_corpus():
    from drafter.mine.split import read_split

    bank = read_split(CORPUS / "phrases")  # the split layout (docs/phrase-bank.md)
    files = {c["file"] for c in bank["corpus"]}
    assert files >= {p.name for p in CORPUS.glob("*.txt")}  # and more/
    kinds = Counter(e["kind"] for e in bank["entries"])
    assert set(kinds) == {"formula", "heading", "lead", "number", "expression"}
    assert all(kinds[k] >= 100 for k in kinds)


def test_formulas_come_from_the_bank_with_this_drafts_words():
    doc = compose(_report(), seed=0)
    phrase_runs = [r for r in doc.runs() if r.source.kind == "phrase"]
    assert len({r.source.ref for r in phrase_runs}) >= 6
    bank = default_bank()
    ids = {e.id: e for e in bank.entries}
    for r in phrase_runs:
        entry = ids[r.source.ref]
        assert entry.kind in ("formula", "number") and r.text in entry.text  # number frames: compose/frames.py
    text = render_text(doc)
    assert "{" not in text and "}" not in text
    assert "全区" not in text and "区人民政府" not in text  # slots filled with a 市's words


def test_no_bank_entry_is_used_twice_in_one_draft():
    for seed in range(5):
        doc = compose(Report.model_validate(load_yaml_text((EXAMPLES / "gaoping_2024.yaml").read_text(encoding="utf-8"), "g").data), seed=seed)
        refs = []
        for part in doc.parts:
            for block in part.blocks:
                paras = block.blocks if hasattr(block, "style") else [block]
                for p in paras:
                    refs.extend({r.source.ref for r in p.runs + p.lead if r.source.kind in ("phrase", "suggestion")
                                 and not r.source.ref.startswith("number.")})  # number frames: once per paragraph
        assert len(refs) == len(set(refs)), seed


def test_different_seeds_give_different_valid_drafts():
    texts = {render_text(compose(_report(), seed=s)) for s in range(6)}
    assert len(texts) >= 4
    for t in texts:
        assert "各位代表：" in t and "2878" in t and "【待补充" not in t


def test_same_seed_same_text_in_another_process():
    """Different hash seeds (set and dict order) in two processes: the same text."""
    import os
    import subprocess
    import sys

    from tests.conftest import ROOT

    code = (
        "import sys; from tests.test_phrases_in_drafts import _report, compose, render_text; "
        "sys.stdout.buffer.write(render_text(compose(_report(), seed=7)).encode())"
    )
    texts = [
        subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, cwd=ROOT,
                       env={**os.environ, "PYTHONHASHSEED": h, "PYTHONPATH": str(ROOT)}).stdout
        for h in ("1", "2")
    ]
    assert texts[0] == texts[1] == render_text(compose(_report(), seed=7)).encode()


def test_office_text_always_wins_over_the_bank():
    report = _report(**{
        "review.problems_intro": "我们也清楚看到，",
        "review.problems_response": "对此，我们自有办法。",
        "targets.intro": "今年全市的目标是：",
        "closing.couplet": "一元复始，万象更新",
    })
    for seed in range(4):
        text = render_text(compose(report, seed=seed))
        assert "我们也清楚看到，经济回升向好的基础尚不稳固。对此，我们自有办法。" in text
        assert "今年全市的目标是：生产总值增长6%左右。" in text
        assert "各位代表！一元复始，万象更新。" in text


def test_empty_title_gets_a_highlighted_suggestion_of_the_same_topic():
    report = _report()
    data = report.model_dump(exclude_unset=True)
    data["review"]["sections"][0]["title"] = None
    data["review"]["sections"][0]["facts"][:0] = ["深入打好污染防治攻坚战", "大气污染治理专项行动扎实开展",
                                                  "生态环境质量稳步改善"]
    data["key_tasks"]["areas"][0]["title"] = None
    data["key_tasks"]["areas"][0]["items"][0]["lead"] = None
    doc = compose(Report.model_validate(data), seed=0)
    suggestions = doc.suggestions()
    bank = {e.id: e for e in default_bank().entries}
    topics = [bank[r.source.ref].topic for r in suggestions]
    assert topics == ["生态", "创新"]  # 大气污染治理 …, 创新型城市 …
    # the lead 「更大力度建设创新型城市」 said the heading 「坚持以建设国家创新型城市为引领，……」
    # again: refused, the office writes its own
    assert "国家创新型城市" in suggestions[1].text
    assert [r.source.ref for r in doc.placeholders()] == ["key_tasks.areas[0].items[0].lead"]


def test_a_section_whose_facts_say_too_little_keeps_its_placeholder():
    """A lone figure (规上工业增加值增长7.2%) shares too few words with any heading: the draft
    leaves the office a visible placeholder rather than a guess."""
    data = _report().model_dump(exclude_unset=True)
    data["review"]["sections"][0]["title"] = None
    doc = compose(Report.model_validate(data), seed=0)
    assert "review.sections[0].title" in [r.source.ref for r in doc.placeholders()]
    assert not any(r.source.ref.startswith("heading.review") for r in doc.suggestions())


def test_an_empty_section_gets_a_placeholder_not_a_guess():
    data = _report().model_dump(exclude_unset=True)
    data["review"]["sections"].append({"title": None, "facts": []})
    doc = compose(Report.model_validate(data), seed=0)
    assert [r.source.ref for r in doc.placeholders()] == ["review.sections[1].title", "review.sections[1].facts"]


def test_phrases_command_lists_counts_and_sources(run_cli):
    code, out, _ = run_cli("phrases", "清醒", "--kind", "formula")
    assert code == 0, out
    assert re.match(r"“清醒”：\d+ 条", out), out  # the count first
    rows = [line.split("\t") for line in out.splitlines()[2:] if "\t" in line]
    assert rows and {r[0] for r in rows} == {"formula"} and "清醒" in rows[0][2]
    assert "2024_咸阳市:" in out  # each row names the reports it came from
    entries, total = find_phrases("促进创新协同", kind="lead")
    assert entries and entries[0].sources and total > 1000
    with pytest.raises(DrafterError):
        find_phrases("x", kind="nonsense")


def test_draft_with_an_office_bank(tmp_path, run_cli):
    """An office mines its own past reports and drafts with --phrases."""
    corpus = tmp_path / "往年报告"
    corpus.mkdir()
    for name in ("2024_咸阳市.txt", "2024_高平市.txt"):
        (corpus / name).write_text((CORPUS / name).read_text(encoding="utf-8"), encoding="utf-8")
    code, _out, err = run_cli("mine", corpus, "-o", tmp_path / "bank.json")
    assert code == 0, err
    bank = load_bank(tmp_path / "bank.json")
    data = tmp_path / "d.yaml"
    data.write_text(MINIMAL, encoding="utf-8")
    code, _out, err = run_cli("draft", data, "-o", tmp_path / "o.txt", "--phrases", tmp_path / "bank.json")
    assert code == 0, err
    written = (tmp_path / "o.txt").read_text(encoding="utf-8")
    doc = compose(_report(), bank=bank)
    assert written.strip() == render_text(doc).strip()  # the file is the draft drafted with this bank
    phrases = [r for r in doc.runs() if r.source.kind == "phrase"]
    assert phrases and {r.source.ref for r in phrases} <= {e.id for e in bank.entries}
    assert all(r.text in written for r in phrases)


def test_bad_bank_file(tmp_path, run_cli, minimal):
    bad = tmp_path / "bank.json"
    bad.write_text('{"format": "something else"}', encoding="utf-8")
    code, _, err = run_cli("draft", minimal, "-o", tmp_path / "o.txt", "--phrases", bad)
    assert code == 2 and "不是 drafter 短语库" in err and not (tmp_path / "o.txt").exists()


@pytest.mark.parametrize("twin", ["gaoping_2024_figures.yaml", "xianyang_2024_figures.yaml", "jintai_2023_figures"])
def test_suggested_area_headings_do_not_say_the_same_thing_twice(twin):
    """Two key-task areas both headed 「……推进农业农村现代化」 read as a mistake: an area whose
    best heading repeats an earlier one keeps its placeholder instead."""
    from drafter.api import load
    from drafter.phrases.suggest import _FRAME_PAIRS, REPEAT, bigrams

    report = load(EXAMPLES / twin)
    for seed in (0, 1, 2):
        doc = compose(report, seed=seed)
        said = [bigrams(r.text) - _FRAME_PAIRS for r in doc.suggestions()
                if r.source.ref.startswith("heading.key_tasks")]
        assert len(said) >= 2
        for i, a in enumerate(said):
            for b in said[:i]:
                assert len(a & b) < REPEAT * min(len(a), len(b)), (twin, seed, a, b)
