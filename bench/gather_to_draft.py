"""Do the numbers in department materials reach the draft? (issue 11, "numbers kept")

For each complete corpus report, bench/gather_simulation.py's department files are written (the
"headings" layout: each file says which half is 总结 and which is 计划), then
`drafter init` writes a skeleton, `drafter gather` collects the files into the data folder
and the folder is drafted. Counted: the report's Arabic numbers (as written in the review and
key-task sections) found in the draft's text, and how many of them the draft took from data runs.

    python bench/gather_to_draft.py              # all complete reports
    python bench/gather_to_draft.py 2024_咸阳市.txt
"""

from __future__ import annotations

import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from gather_simulation import DEPTS, ENCODINGS, _arabic, _write, complete_reports, department_lines  # noqa: E402

from drafter import api  # noqa: E402
from drafter.parse.about import about  # noqa: E402
from drafter.parse import parse_lines, read_lines  # noqa: E402

CORPUS = ROOT / "style_corpus"


def one(report: Path, tmp: Path) -> tuple[int, int]:
    lines = read_lines(report)
    info = about(parse_lines(lines), lines, report)
    work, data = tmp / "materials", tmp / "data"
    work.mkdir()
    data.mkdir()
    want: Counter[str] = Counter()
    for j, lines in enumerate(department_lines(report, 3)):
        texts = []
        for part, title in (("review", "一、工作总结"), ("key_tasks", "二、工作计划")):
            own = [x.text for x in lines if x.part == part]
            if own:
                texts += [title, *own]
        for t in texts[1:]:
            want.update(_arabic(t))
        _write(work / f"{report.stem}_部门{DEPTS[j]}.txt", texts, ENCODINGS[j % len(ENCODINGS)])
    level = info.level if info.level in ("市", "区", "县", "县级市") else "市"
    api.init(data / "00_基本信息.yaml", info.region or "示例市", level, info.plan_year or 2024)
    api.gather([work], data)
    doc = api.compose_report(api.load(data))
    text = "".join(r.text for r in doc.runs())
    have = Counter(_arabic(text))
    return sum(want.values()), sum((want & have).values())


def main(names: list[str]) -> None:
    names = names or complete_reports()
    total = kept = 0
    for name in names:
        with tempfile.TemporaryDirectory() as t:
            n, k = one(CORPUS / name, Path(t))
        total += n
        kept += k
        print(f"{name:24} numbers {k}/{n} = {100 * k / max(1, n):.1f} %")
    print(f"{'all':24} numbers {kept}/{total} = {100 * kept / max(1, total):.1f} %")


if __name__ == "__main__":
    main(sys.argv[1:])
