"""What `drafter init NEW.yaml --from LAST` carries from each corpus report (style_corpus/*.txt).

    python bench/init_from_carry.py

For each report: init --from into a temporary file, `drafter validate` it (exit 0 expected), and
count what was carried: review sections and key-task areas (hints above pre-created items),
problems, meeting, glossary terms, short name, custom part headings, speaker. A 「—」 means the
report itself does not have the item (no meeting line, no 名词解释, no 驻X, no speaker line).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from drafter.lastyear import init_from, read_last
from drafter.readers import load_report

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    reports = sorted((ROOT / "style_corpus").glob("*.txt"))
    cols = ["sections", "areas", "problems", "meeting", "glossary", "short", "headings", "speaker"]
    totals = dict.fromkeys(cols, 0)
    valid = 0
    print("report\t" + "\t".join(cols) + "\tvalidate")
    with tempfile.TemporaryDirectory() as tmp:
        for path in reports:
            last = read_last(path)
            out = Path(tmp) / f"{path.stem}.yaml"
            init_from(out, path, force=True)
            text = out.read_text(encoding="utf-8")
            report = load_report(out)
            row = {
                "sections": len(report.review.sections) if text.count("    # 去年回顾：") == len(last.sections) > 0 else 0,
                "areas": len(report.key_tasks.areas) if text.count("    # 去年重点工作：") == len(last.areas) > 0 else 0,
                "problems": len(last.problems),
                "meeting": 1 if last.meeting and f"# 去年会议：{last.meeting}" in text else 0,
                "glossary": len(last.glossary),
                "short": report.meta.short_name or "",
                "headings": len(report.structure.headings.model_dump(exclude_none=True))
                + (1 if report.self_building.title else 0),
                "speaker": report.meta.speaker or "",
            }
            rc = subprocess.run(
                [sys.executable, "-m", "drafter", "validate", str(out)], capture_output=True, text=True
            ).returncode
            valid += rc == 0
            for c in cols:
                totals[c] += 1 if row[c] else 0
            print(path.name + "\t" + "\t".join(str(row[c] or "—") for c in cols) + f"\t{'ok' if rc == 0 else rc}")
    n = len(reports)
    print("carried\t" + "\t".join(f"{totals[c]}/{n}" for c in cols) + f"\t{valid}/{n}")
    return 0 if valid == n else 1


if __name__ == "__main__":
    sys.exit(main())
