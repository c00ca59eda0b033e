"""What the draft writes for the figures-only examples (issue 10): characters by where they
come from, placeholders left, and how many of seeds 0..9 give distinct drafts.

    python bench/figures_only.py            # the markdown table the README quotes

Sources are the tree's run kinds (drafter/tree.py): data = the office's data file, phrase and
suggestion = the mined phrase bank, template = fixed template wording, derived = computed from
the data (全市 from the level, years), placeholder = 【待补充：…】. Numbering (一、 （一）) is
not a run and is not counted.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from drafter.api import compose_report, load  # noqa: E402
from drafter.compose import compose  # noqa: E402
from drafter.phrases.bank import default_bank  # noqa: E402
from suggestion_fit import without_report  # noqa: E402
from drafter.writers.text import render_text  # noqa: E402

TWINS = ("xianyang_2024_figures.yaml", "gaoping_2024_figures.yaml", "jintai_2023_figures")
# figures-only files new users filled from four 2024 reports the tool was not written against
# (湖州, 益阳, 聊城, 梧州, 凉山: tests/fixtures/figures_only/, sources in its SOURCES.tsv). Those reports were mined
# into the bank, so they are drafted with a bank as if they had not been (their own headings
# would otherwise come back as suggestions).
NEW_USERS = {"huzhou_2025_figures.yaml": "more/2024_湖州.txt", "yiyang_2025_figures.yaml": "more/2024_益阳.txt",
             "liaocheng_2025_figures.yaml": "more/2024_聊城.txt", "wuzhou_2025_figures.yaml": "more/2024_梧州.txt",
             "liangshan_2025_figures.yaml": "more/2024_凉山.txt"}  # a 自治州 (level 州, H103)
NEW_USERS_DIR = ROOT / "tests" / "fixtures" / "figures_only"
KINDS = ("data", "phrase", "suggestion", "template", "derived", "placeholder")
SEEDS = range(10)


def measure(name: str) -> dict:
    if name in NEW_USERS:
        report = load(NEW_USERS_DIR / name)
        bank = without_report(default_bank(), NEW_USERS[name])
        draft = lambda seed: compose(report, seed=seed, bank=bank)  # noqa: E731
    else:
        report = load(ROOT / "examples" / name)
        draft = lambda seed: compose_report(report, seed=seed)  # noqa: E731
    doc = draft(0)
    chars: Counter[str] = Counter()
    for run in doc.runs():
        chars[run.source.kind] += len(run.text)
    texts = {render_text(draft(s)) for s in SEEDS}
    return {"chars": chars, "total": sum(chars.values()), "placeholders": len(doc.placeholders()),
            "suggestions": len(doc.suggestions()), "distinct": len(texts)}


def main() -> None:
    head = ["示例", *KINDS, "合计", "来自短语库", "【待补充】", "建议标题/引领句", f"种子0–{SEEDS[-1]}不同稿"]
    print("| " + " | ".join(head) + " |")
    print("|" + "---|" * len(head))
    for name in (*TWINS, *NEW_USERS):
        m = measure(name)
        c, total = m["chars"], m["total"]
        bank = c["phrase"] + c["suggestion"]
        row = [name, *(f"{c[k]:,}" for k in KINDS), f"{total:,}", f"{bank / total:.1%}",
               str(m["placeholders"]), str(m["suggestions"]), f"{m['distinct']}/{len(SEEDS)}"]
        print("| " + " | ".join(row) + " |")


if __name__ == "__main__":
    main()
