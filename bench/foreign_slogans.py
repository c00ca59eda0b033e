"""Does a suggestion carry another province's slogan? (H123)

Each figures-only data file (the examples' twins and the new users' files, bench/figures_only.py)
is drafted as a place of every province of style_corpus/more/ (meta.region and meta.province
changed, level kept; seeds 0 and 1), with the bank as if the file's own report had not been
mined. Every suggested heading and lead is collected. A suggestion's terms (one to three whole
words of 4 characters or more, cut by jieba) that the 161 corpus reports (style_corpus/*.txt, style_corpus/more/*.txt; their
provinces from the SOURCES.tsv beside them) use, but only in provinces other than the draft's,
are a *foreign candidate*: a slogan of another province (制造业当家 of 广东 and 湖北), or an
ordinary word the draft's province happened not to use. The candidates are listed by the number
of provinces using them, fewest first, for reading by hand.

    python bench/foreign_slogans.py              # summary and the candidates used by ≤ 2 provinces
    python bench/foreign_slogans.py --all        # every candidate
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from drafter.api import load  # noqa: E402
from drafter.compose import compose  # noqa: E402
from drafter.phrases.bank import default_bank  # noqa: E402
from figures_only import NEW_USERS, NEW_USERS_DIR  # noqa: E402
from suggestion_fit import without_report  # noqa: E402

CORPUS = ROOT / "style_corpus"
# the twins: drafted as another place, so their own report is held out as the new users' are
TWINS = {"xianyang_2024_figures.yaml": "2024_咸阳市.txt", "gaoping_2024_figures.yaml": "2024_高平市.txt",
         "jintai_2023_figures": "2023_金台区.txt"}
SEEDS = (0, 1)
N = 4  # characters of a term at least
_PUNCT = set("，。、；：！？“”‘’（）《》—…·「」 \t\n\r")


def reports() -> dict[str, tuple[str, str]]:
    """file (as the bank names it) → (province, text without whitespace)."""
    out = {}
    for folder, prefix in ((CORPUS, ""), (CORPUS / "more", "more/")):
        with open(folder / "SOURCES.tsv", encoding="utf-8") as f:
            prov = {r["file"]: r["province"] for r in csv.DictReader(f, delimiter="\t")}
        for path in sorted(folder.glob("*.txt")):
            text = "".join(path.read_text(encoding="utf-8").split())
            out[prefix + path.name] = (prov.get(path.name, ""), text)
    return out


def terms(text: str) -> list[str]:
    """The 4+-character stretches of `text` made of one to three whole words (jieba): 制造业当家,
    国家重大战略, not the accident 移推进农 of 坚定不移推进农业."""
    import jieba  # the bench may; drafting never does

    words = list(jieba.cut(text))
    out = []
    for i in range(len(words)):
        for j in range(i + 1, min(i + 4, len(words)) + 1):
            span = "".join(words[i:j])
            if len(span) >= N and not set(span) & _PUNCT:
                out.append(span)
    return out


def places(corpus_dir: Path = CORPUS / "more") -> dict[str, str]:
    """province → the place of its first report in more/ (the region a draft is given)."""
    out: dict[str, str] = {}
    with open(corpus_dir / "SOURCES.tsv", encoding="utf-8") as f:
        for r in sorted(csv.DictReader(f, delimiter="\t"), key=lambda r: r["file"]):
            out.setdefault(r["province"], r["place"])
    return out


def suggestions() -> list[tuple[str, str, int, str]]:
    """(data file, province, seed, suggestion) for every draft."""
    out = []
    where = places()
    for name, source in (*TWINS.items(), *NEW_USERS.items()):
        path = (NEW_USERS_DIR if name in NEW_USERS else ROOT / "examples") / name
        report = load(path)
        bank = without_report(default_bank(), source)
        for prov, region in sorted(where.items()):
            meta = report.meta.model_copy(update={"region": region, "province": prov, "short_name": region[0]})
            moved = report.model_copy(update={"meta": meta})
            for seed in SEEDS:
                for run in compose(moved, seed=seed, bank=bank).suggestions():
                    out.append((name, prov, seed, run.text))
    return out


def foreign(text: str, prov: str, used_in) -> list[tuple[str, frozenset[str]]]:
    """The terms of `text` the corpus uses, and only outside `prov`, that hold no shorter such term."""
    hits = [(t, used_in(t)) for t in terms(text)]
    hits = [(t, ps) for t, ps in hits if ps and prov not in ps]
    return [(t, ps) for t, ps in hits if not any(u != t and u in t for u, _ in hits)]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--all", action="store_true", help="list every candidate, not only those of ≤ 2 provinces")
    ap.add_argument("--tsv", help="write every (suggestion, province, candidate) here")
    a = ap.parse_args()
    corpus = list(reports().values())
    known: dict[str, frozenset[str]] = {}

    def used_in(term: str) -> frozenset[str]:
        if term not in known:
            known[term] = frozenset(p for p, text in corpus if term in text)
        return known[term]

    got = suggestions()
    drafts = len({(f, p, s) for f, p, s, _ in got})
    print(f"drafts {drafts}, suggestions {len(got)} ({len({t for *_, t in got})} distinct)")
    cands: Counter[tuple[str, str, str]] = Counter()  # (suggestion, term, provinces using it) → times offered
    few = Counter()
    rows = []
    for name, prov, seed, text in got:
        spans = foreign(text, prov, used_in)
        for span, ps in spans:
            cands[(text, span, "、".join(sorted(ps)))] += 1
            rows.append((name, prov, seed, text, span, "、".join(sorted(ps))))
        if spans:
            few["any"] += 1
        if any(len(ps) <= 2 for _, ps in spans):
            few["≤2"] += 1
        if any(len(ps) == 1 for _, ps in spans):
            few["1"] += 1
    print(f"suggestions with a foreign candidate: {few['any']}; of ≤ 2 provinces: {few['≤2']}; of 1 province: {few['1']}")
    print(f"distinct (suggestion, term) pairs: {len(cands)}; of ≤ 2 provinces: "
          f"{sum(1 for k in cands if k[2].count('、') < 2)}")
    for (text, span, ps), n in sorted(cands.items(), key=lambda kv: (kv[0][2].count("、"), -kv[1], kv[0])):
        if a.all or ps.count("、") < 2:
            print(f"{n:4}  {span:12}  [{ps}]  {text}")
    if a.tsv:
        with open(a.tsv, "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f, delimiter="\t")
            w.writerow(["data", "province", "seed", "suggestion", "term", "used_in"])
            w.writerows(rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
