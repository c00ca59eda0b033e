"""The .docx writer alone vs a bare python-docx add_paragraph loop, in one process (moved out of
the test suite: timing on a shared 2-core machine belongs here, not in tests).

~70 paragraphs / 12,000 characters: drafter's build + save vs docx.Document().add_paragraph
for the same texts, best of 9 each. Goal: within 1.5x (it was about 0.85x when written).

    python bench/writer_vs_docx.py
"""

from __future__ import annotations

import io
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import docx

from drafter.style import default_profile
from drafter.tree import Document, Header, Heading, Paragraph, Part, Run, Source
from drafter.writers.docx_writer import write_docx


def T(text: str, kind: str = "template") -> Run:
    return Run(text, Source(kind, ""))


def best(f, n: int = 9) -> float:
    f()
    ts = []
    for _ in range(n):
        t0 = time.perf_counter()
        f()
        ts.append(time.perf_counter() - t0)
    return min(ts)


def main() -> int:
    base = ("全市坚持稳中求进工作总基调，完整、准确、全面贯彻新发展理念，地区生产总值达到2878亿元、"
            "增长4.3%，“十四五”规划——稳步推进……")
    paras = [Paragraph([T(base[:40]), T("2878", "data"), T(base[40:]), T("【待补充：数值】", "placeholder"),
                        T(base + base[:20])], lead=[T("促进投资稳定增长。")] if i % 4 == 1 else [])
             for i in range(70)]
    doc = Document(Header([T("政府工作报告")]), [Part("review", Heading([T("回顾")], 1, "一、"), paras)])
    texts = [p.text for p in paras]
    prof = default_profile()

    def bare():
        d = docx.Document()
        for t in texts:
            d.add_paragraph(t)
        d.save(io.BytesIO())

    def ours():
        write_docx(doc, io.BytesIO(), prof)

    a, b = best(ours), best(bare)
    print(f"{len(texts)} paragraphs, {sum(map(len, texts))} characters")
    print(f"drafter writer: {a * 1000:.1f} ms   bare python-docx: {b * 1000:.1f} ms   ratio {a / b:.2f} (goal < 1.5)")
    return 0 if a / b < 1.5 else 1


if __name__ == "__main__":
    sys.exit(main())
