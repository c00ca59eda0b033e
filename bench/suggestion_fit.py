"""Do suggested headings and leads fit their section? Leave-one-out on the corpus (issue 10).

For each report of style_corpus/: parse it, strip its review-section and key-task headings and
its leads, and ask the composer's suggestion step for a heading (lead) from the section's
(paragraph's) own text alone, with the bank's entries mined from that report removed.
Each suggestion is scored against the real heading (lead) by the metric in docs/suggestion-fit.md:

    fit  ⇔  topic(suggestion) == topic(real + first sentence)
            or  cover(suggestion, real + first sentence) ≥ 0.3

where topic is drafter.phrases.topics.classify (the mined lexicon), "first sentence" is the
section's (paragraph's) first sentence, and cover the share of the suggestion's content
character bigrams (punctuation, function characters and the pairs of heading frame words such as
扎实开展 dropped) found there. The real heading is what the
office wrote; the first sentence is what a writer reads to judge a heading. Of the metrics tried
this one agreed best with hand verdicts (docs/suggestion-fit.md).

    python bench/suggestion_fit.py                   # summary
    python bench/suggestion_fit.py --sample 50 --out docs/suggestion-sample.tsv
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from drafter.parse import parse_report  # noqa: E402
from drafter.phrases.bank import Bank, default_bank  # noqa: E402
from drafter.phrases.suggest import Suggester  # noqa: E402
from drafter.phrases.suggest import PARA_BREAK  # noqa: E402
from drafter.phrases.topics import classify  # noqa: E402
from drafter.tree import Paragraph, Section, plain  # noqa: E402

COVER_FIT = 0.3
_DROP = set("，。、；：！？“”‘’（）《》—…的和与在了是把为及等")


@dataclass
class Item:
    file: str
    kind: str  # heading / lead
    part: str
    real: str
    text: str  # what the suggestion was made from
    suggestion: str
    topic_real: str
    topic_sugg: str
    cover: float

    @property
    def fit(self) -> bool:
        return bool(self.suggestion) and (self.topic_real == self.topic_sugg or self.cover >= COVER_FIT)


def bigrams(text: str) -> set[str]:
    s = "".join(c for c in text if c not in _DROP and not c.isdigit() and not c.isspace())
    return {s[i : i + 2] for i in range(len(s) - 1)}


def first_sentence(text: str) -> str:
    return text.split("。", 1)[0]


def cover(suggestion: str, reference: str) -> float:
    """Share of the suggestion's content bigrams found in the reference text: the pairs of the
    verbs and adverbs that frame every heading (扎实开展, 深入推进) are not content."""
    from drafter.phrases.suggest import _FRAME_PAIRS

    x, y = bigrams(suggestion) - _FRAME_PAIRS, bigrams(reference)
    return len(x & y) / len(x) if x else 0.0


def _clean_heading(text: str, number: str) -> str:
    text = text[len(number):] if number and text.startswith(number) else text
    return text.rstrip("。；：")


def sections_of(path: Path):
    """(part, real heading, body text, [(real lead, paragraph text without lead)])."""
    doc = parse_report(path)
    for part in doc.parts:
        if part.type not in ("review", "key_tasks"):
            continue
        for block in part.blocks:
            if not isinstance(block, Section) or block.heading is None:
                continue
            paras = [p for p in block.blocks if isinstance(p, Paragraph)]
            # an area's paragraphs stay apart, as compose gives them to the chooser
            glue = PARA_BREAK if part.type == "key_tasks" else ""
            body = glue.join(plain(p.runs) if p.lead else p.text for p in paras)
            leads = [(plain(p.lead).rstrip("。；："), plain(p.runs)) for p in paras if p.lead]
            yield part.type, _clean_heading(block.heading.text, block.heading.number), body, leads


def without_report(bank: Bank, file: str) -> Bank:
    """The bank as if `file` had not been mined: entries seen only there go, counts drop."""
    kept = []
    for e in bank.entries:
        others = tuple(s for s in e.sources if s[0] != file)
        if e.sources and not others:
            continue
        lost = len(e.sources) - len(others)
        kept.append(type(e)(**{**e.__dict__, "sources": others, "count": max(1, e.count - lost)}) if lost else e)
    return Bank(kept, places=bank.places)


def run(files: list[Path], bank: Bank, seed: int = 0) -> list[Item]:
    items: list[Item] = []
    for path in files:
        held = without_report(bank, path.name)
        s = Suggester(held, seed)
        for part, heading, body, leads in sections_of(path):
            slot = "review_section" if part == "review" else "key_task_section"
            key = hashlib.sha1(f"{path.name}{heading}".encode()).hexdigest()[:8]
            sugg = s.text("heading", slot, body, key)
            ref = heading + "。" + first_sentence(body)
            items.append(Item(path.name, "heading", part, heading, body, sugg,
                              classify(ref), classify(sugg) if sugg else "", cover(sugg, ref)))
            for i, (lead, text) in enumerate(leads):
                sugg = s.text("lead", None, text, f"{key}.{i}", body)
                ref = lead + "。" + first_sentence(text)
                items.append(Item(path.name, "lead", part, lead, text, sugg,
                                  classify(ref), classify(sugg) if sugg else "", cover(sugg, ref)))
    return items


def summary(items: list[Item]) -> str:
    out = []
    for kind in ("heading", "lead"):
        xs = [i for i in items if i.kind == kind]
        if not xs:
            continue
        made = [i for i in xs if i.suggestion]
        fit = sum(i.fit for i in xs)
        out.append(f"{kind:8} {len(xs):5} sections, suggestion made for {len(made)} "
                   f"({100 * len(made) / len(xs):.1f} %), fit {fit} ({100 * fit / len(xs):.1f} % of all, "
                   f"{100 * fit / max(1, len(made)):.1f} % of those made)")
    return "\n".join(out)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default=str(ROOT / "style_corpus"))
    ap.add_argument("--sample", type=int, default=0)
    ap.add_argument("--out")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--salt", default="", help="another sample of the same size")
    a = ap.parse_args()
    files = sorted(Path(a.corpus).glob("*.txt"))
    items = run(files, default_bank(), a.seed)
    print(summary(items))
    if a.sample and a.out:
        ranked = sorted(items, key=lambda i: hashlib.sha1(f"{a.salt}{i.file}{i.real}".encode()).hexdigest())
        pick = [i for i in ranked if i.suggestion][: a.sample]
        with open(a.out, "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f, delimiter="\t")
            w.writerow(["file", "kind", "real", "text_start", "suggestion", "metric_fit", "hand_fit", "note"])
            for i in pick:
                w.writerow([i.file, i.kind, i.real, i.text[:60], i.suggestion, "yes" if i.fit else "no", "", ""])
    return 0


if __name__ == "__main__":
    sys.exit(main())
