"""The wider miner: spread of each entry (provinces, levels, local), the place list, the topic
lexicon, and the split bank drafting loads kind by kind. Real reports of style_corpus/ and
style_corpus/more/ (three Shaanxi, one Shandong, one Sichuan)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from drafter.mine import mine
from drafter.mine.bank import dumps
from drafter.mine.split import read_split
from drafter.phrases import bank as bank_module
from drafter.phrases.bank import load_bank
from drafter.phrases.places import parse_places
from drafter.phrases.topics import by_seeds, classify, load_lexicon

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "style_corpus"
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "corpus"
TOP = ["2024_咸阳市.txt", "2023_金台区.txt", "2024_汉中市.txt", "2022_济南市.txt"]
MORE = ["2024_成都.txt"]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("wide")
    (d / "more").mkdir()
    for name in TOP + ["SOURCES.tsv"]:
        shutil.copy(CORPUS / name, d / name)
    for name in MORE + ["SOURCES.tsv"]:
        shutil.copy(CORPUS / "more" / name, d / "more" / name)
    return d


@pytest.fixture(scope="module")
def split(corpus, tmp_path_factory) -> tuple[Path, dict]:
    out = tmp_path_factory.mktemp("bank") / "phrases"
    result = mine(corpus, out, progress=False)
    return out, result.bank


def test_subfolders_are_mined_with_their_province(split):
    _, bank = split
    rows = {c["file"]: c for c in bank["corpus"]}
    assert set(rows) == set(TOP) | {f"more/{m}" for m in MORE}
    assert rows["more/2024_成都.txt"]["province"] == "四川"
    assert (rows["more/2024_成都.txt"]["place"], rows["more/2024_成都.txt"]["level"]) == ("成都市", "市")
    assert (rows["2023_金台区.txt"]["province"], rows["2023_金台区.txt"]["level"]) == ("陕西", "区")
    assert rows["2022_济南市.txt"]["province"] == "山东"


def test_every_entry_has_its_spread(split):
    _, bank = split
    for e in bank["entries"]:
        assert e["reports"] == sum(e["provinces"].values()) == sum(e["levels"].values()), e
        assert 1 <= e["reports"] <= len(bank["corpus"])
        assert e["reports"] >= len({s["file"] for s in e["sources"]})
        assert isinstance(e["local"], bool)
    wide = [e for e in bank["entries"] if len(e["provinces"]) == 3]
    assert wide and not any(e["local"] for e in wide)
    # 「在肯定成绩的同时，我们也清醒认识到」-like openings are shared across provinces
    problems = [e for e in bank["entries"] if e.get("slot") == "review.problems_intro" and e["reports"] >= 2]
    assert problems


def test_a_phrase_of_one_report_or_one_province_is_local(split):
    _, bank = split
    once = [e for e in bank["entries"] if e["reports"] == 1]
    assert once
    for e in once:
        generic = e["kind"] in ("formula", "number") and e["slots"] and "“" not in e["text"]
        assert e["local"] is (not generic), e
    shaanxi_only = [e for e in bank["entries"] if e["reports"] >= 2 and set(e["provinces"]) == {"陕西"}]
    assert shaanxi_only
    for e in shaanxi_only:
        generic = e["kind"] in ("formula", "number") and e["slots"] and "“" not in e["text"]
        assert e["local"] is (not generic), e
    quoted = [e for e in bank["entries"] if "“" in e["text"] and len(e["provinces"]) == 1]
    assert quoted and all(e["local"] for e in quoted)


def test_the_place_list_holds_the_corpus_regions_and_mined_places(split):
    folder, bank = split
    doc = json.loads((folder / "places.json").read_text(encoding="utf-8"))
    names = parse_places(doc)
    for name in ("咸阳", "咸阳市", "金台区", "金台", "宝鸡", "宝鸡市", "汉中", "济南市", "成都", "成都市",
                 "陕西", "陕西省", "山东", "四川"):
        assert name in names, name
    assert not names & {"城乡", "全市", "乡村", "城市", "全国"}
    assert all(len(n) >= 2 for n in names)
    regions = {r["file"]: r for r in doc["regions"]}
    assert regions["2023_金台区.txt"]["parent"] == "宝鸡市"
    assert regions["more/2024_成都.txt"]["province"] == "四川"
    assert doc["mined"] and set(doc["mined"]) <= names | set(doc["ambiguous"])


def test_single_file_bank_is_the_split_bank_in_one(split, corpus, tmp_path):
    folder, bank = split
    one = tmp_path / "office.json"
    mine(corpus, one, progress=False)
    assert one.read_text(encoding="utf-8") == dumps(read_split(folder))
    loaded = load_bank(one)
    assert len(loaded) == len(bank["entries"])


def test_split_bank_reads_only_the_kind_asked_for(split, monkeypatch):
    folder, bank = split
    opened: list[str] = []
    real = bank_module.read_capped

    def spy(path, limit, name=None):
        opened.append(Path(path).name)
        return real(path, limit, name)

    monkeypatch.setattr(bank_module, "read_capped", spy)
    loaded = load_bank(folder)
    assert opened == ["index.json"]
    formulas = loaded.of("formula", "review.problems_intro")
    assert formulas and opened == ["index.json", "formula.json"]
    loaded.of("formula", "closing.formula")
    loaded.of("heading", "review_section")
    assert opened == ["index.json", "formula.json", "heading.json"]
    assert len(loaded) == len(bank["entries"])  # `drafter phrases` loads all
    assert sorted(opened) == sorted(["index.json", "formula.json", "heading.json", "lead.json", "number.json", "expression.json"])


def test_split_kind_file_with_another_kind_is_refused(split, tmp_path):
    from drafter.errors import DrafterError

    folder, _ = split
    bad = tmp_path / "bad"
    shutil.copytree(folder, bad)
    shutil.copy(bad / "heading.json", bad / "formula.json")
    loaded = load_bank(bad)
    with pytest.raises(DrafterError, match="formula.json 应只含 formula 类短语"):
        loaded.of("formula", "review.problems_intro")


def test_lexicon_topics_of_real_section_bodies():
    """The shipped lexicon on the bodies (heading removed) of the hand-labelled own-line
    sections of the 25 reports (tests/fixtures/corpus/structure.json). In-sample: these reports
    are part of the corpus the lexicon was mined from (leave-one-out figure: docs/phrase-bank.md)."""
    lex = load_lexicon(CORPUS / "phrases" / "topics.json")
    assert set(lex) >= {"经济", "生态", "民生", "政府"} and all(len(w) <= 150 for w in lex.values())
    structure = json.loads((FIXTURES / "structure.json").read_text(encoding="utf-8"))
    agree = total = 0
    for report in structure:
        lines = (CORPUS / report["file"]).read_text(encoding="utf-8").splitlines()
        for part in ("review", "key_tasks"):
            for sec in (report.get(part) or {}).get("sections", []):
                topic = by_seeds(sec["heading"])
                if topic == "其他" or sec.get("style") != "own_line":
                    continue
                body = "".join(lines[sec["line"]:sec["end"]])
                assert sec["heading"].lstrip("（）一二三四五六七八九十") not in body
                total += 1
                agree += classify(body, lex) == topic
    assert total >= 60
    assert agree / total >= 0.7, (agree, total)


def test_classify_falls_back_to_seeds_without_a_lexicon_word():
    lex = {"生态": {"空气质量": 3.0}}
    assert classify("空气质量优良天数增加", lex) == "生态"
    assert classify("推进国企改革", lex) == "改革"  # no lexicon word: the seeds decide
    assert classify("", lex) == "其他"
