"""Does the supplying department help sort a gathered sentence into its topic? (issue 11)

    python bench/gather_dept_topic.py            # agreement at the shipped DEPT_WEIGHT
    python bench/gather_dept_topic.py --sweep    # and at other weights

The real data with departments: tests/fixtures/corpus/division_2022_咸阳.tsv, the items of
咸阳's 2022 report with the departments that carry them out. Truth = the seed topic of the
item's section heading (topics.by_seeds; headings with none are skipped). Each item is read
as one paragraph of a department's material (topic_table.sequence over that one paragraph),
once from its text alone and once with the department's field prior (dept_topics.field_prior).
Sets: `lead` = items with a lead department (its first one); `named` = those plus items with
no lead, by the first department named (joint lists; 市政府各部门 gives no prior).
The 2022 咸阳 report is not in style_corpus/ (the bigram table never saw these items).
DEPT_WEIGHT was chosen on this same table, so the `lead` figure at that weight is optimistic;
the sweep shows how flat it is, and the 5-year part (一) against the 2022 part (二) shows
whether a weight chosen on one half holds on the other.
"""

from __future__ import annotations

import csv
import sys
from dataclasses import dataclass
from pathlib import Path

from drafter.gather import topic_table
from drafter.gather.dept_topics import field_prior
from drafter.gather.materials import split_sentences, topic_of
from drafter.gather.topic_table import shipped_table
from drafter.phrases.topics import by_seeds

DIVISION = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "corpus" / "division_2022_咸阳.tsv"


@dataclass(frozen=True)
class Item:
    item_id: str
    text: str
    truth: str
    dept: str  # the lead department, or the first one named
    led: bool  # a lead department (not the first of a joint list)


def items(path: Path = DIVISION) -> list[Item]:
    out = []
    with path.open(encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            truth = by_seeds(row["section"])
            if truth == "其他":
                continue
            lead = row["lead_departments"].split("、")[0].strip()
            dept = lead or (row["joint_departments"] or row["cooperating_departments"]).split("、")[0].strip()
            out.append(Item(row["item_id"], row["text"], truth, dept, bool(lead)))
    return out


def topic(item: Item, with_dept: bool, table=None) -> str | None:
    table = table or shipped_table()
    return table.sequence([item.text], prior=field_prior(item.dept) if with_dept else None)[0]


def agreement(chosen: list[Item], with_dept: bool, table=None) -> tuple[int, int]:
    """(items whose topic is the heading's, items)."""
    return sum(topic(i, with_dept, table) == i.truth for i in chosen), len(chosen)


def sentence_agreement(chosen: list[Item], with_dept: bool) -> tuple[int, int]:
    """(sentences whose topic is the heading's, sentences): each sentence of an item on its own
    with its item as paragraph (materials.topic_of, the path of a form's line)."""
    right = n = 0
    for i in chosen:
        prior = field_prior(i.dept) if with_dept else None
        for s in split_sentences(i.text):
            right += topic_of(s, i.text, prior=prior) == i.truth
            n += 1
    return right, n


def _row(label: str, chosen: list[Item]) -> str:
    a, n = agreement(chosen, False)
    b, _ = agreement(chosen, True)
    return f"| {label:18} | {n:3} | text {a}/{n} = {a / n:.1%} | text + dept {b}/{n} = {b / n:.1%} |"


def main(args: list[str]) -> None:
    every = items()
    sets = {
        "lead": [i for i in every if i.led],
        "lead, part 一": [i for i in every if i.led and i.item_id.startswith("一")],
        "lead, part 二": [i for i in every if i.led and i.item_id.startswith("二")],
        "named": every,
    }
    print(f"DEPT_WEIGHT {topic_table.DEPT_WEIGHT}")
    for label, chosen in sets.items():
        print(_row(label, chosen))
    (a, n), (b, _) = sentence_agreement(sets["lead"], False), sentence_agreement(sets["lead"], True)
    print(f"| lead, per sentence | {n:3} | text {a}/{n} = {a / n:.1%} | text + dept {b}/{n} = {b / n:.1%} |")
    if "--sweep" in args:
        shipped = topic_table.DEPT_WEIGHT
        for w in (0.0, 1.0, 2.0, 3.0, 5.0, 8.0, 12.0, 20.0, 50.0):
            topic_table.DEPT_WEIGHT = w
            cells = []
            for label, chosen in sets.items():
                b, n = agreement(chosen, True)
                cells.append(f"{label} {b}/{n} = {b / n:.1%}")
            print(f"weight {w:5}: " + " | ".join(cells))
        topic_table.DEPT_WEIGHT = shipped
    if "--errors" in args:
        for i in sets["lead"]:
            a, b = topic(i, False), topic(i, True)
            if a != i.truth or b != i.truth:
                print(f"{i.item_id:6} {i.dept:10} truth {i.truth} text {a} +dept {b}  {i.text[:40]}")


if __name__ == "__main__":
    main(sys.argv[1:])
