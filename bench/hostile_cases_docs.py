"""Resource cases for reports and documents (issue 9, §4): a huge document.xml inside the zip
limits, a 100k-paragraph draft, a sparse 3 GB .txt in a corpus folder, /dev/zero and a FIFO.

    python bench/hostile_inputs.py docs
"""

from __future__ import annotations

import os
import random
import re
import subprocess
import sys
import zipfile
from pathlib import Path

from hostile_inputs import Case

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "xianyang_2024.yaml"
_BODY = re.compile(rb"(<w:body>)(.*)(<w:sectPr\b.*</w:body>)", re.S)


def _draft(path: Path) -> None:
    """A real draft of the example data: the base every hostile .docx is grown from."""
    from drafter.api import draft

    draft(EXAMPLE, path)


def grow_docx(base: Path, out: Path, paragraphs: bytes) -> None:
    """`base` with `paragraphs` appended to its body (the title stays on top, so the file
    passes every check that looks at what the document is)."""
    with zipfile.ZipFile(base) as z:
        parts = {i.filename: z.read(i) for i in z.infolist()}
    m = _BODY.search(parts["word/document.xml"])
    xml = parts["word/document.xml"]
    parts["word/document.xml"] = xml[: m.end(2)] + paragraphs + xml[m.start(3):]
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)


def numbered_paragraphs(size: int, kinds: int = 30, seed: int = 9) -> bytes:
    """Paragraphs of `size` bytes whose texts are one of `kinds` numbers: 30 kinds compress at
    about 26:1, inside the per-part ratio limit."""
    rnd = random.Random(seed)
    out, n = [], 0
    while n < size:
        s = b"<w:p><w:r><w:t>%d</w:t></w:r></w:p>" % rnd.randrange(kinds)
        out.append(s)
        n += len(s)
    return b"".join(out)


def report_paragraphs(count: int) -> bytes:
    """`count` paragraphs of report prose, each naming a figure (so every one is a finding)."""
    return b"".join(
        f"<w:p><w:r><w:t>全市完成固定资产投资{1000 + i}亿元，增长{i % 97}%。</w:t></w:r></w:p>".encode()
        for i in range(count)
    )


def _big_xml(tmp: Path) -> None:
    _draft(tmp / "base.docx")
    grow_docx(tmp / "base.docx", tmp / "big.docx", numbered_paragraphs(78 * 1024 * 1024))


def _many_paragraphs(tmp: Path) -> None:
    _draft(tmp / "base.docx")
    grow_docx(tmp / "base.docx", tmp / "long.docx", report_paragraphs(100_000))


def _within_limits(tmp: Path) -> None:
    """The longest draft the limits let through (under the paragraph cap), every paragraph a
    wrong figure: the findings listed are capped."""
    _draft(tmp / "base.docx")
    grow_docx(tmp / "base.docx", tmp / "long.docx", report_paragraphs(19_000))


def _dense_within_limits(tmp: Path) -> None:
    """19,000 paragraphs of 7 runs each (285,000 elements): just under both the paragraph and element caps."""
    _draft(tmp / "base.docx")
    run = "<w:r><w:t>推进高质量发展</w:t></w:r>".encode()
    grow_docx(tmp / "base.docx", tmp / "dense.docx", (b"<w:p>" + run * 7 + b"</w:p>") * 19_000)


def _sparse_corpus(tmp: Path) -> None:
    (tmp / "corpus").mkdir()
    with open(tmp / "corpus" / "huge.txt", "wb") as f:
        f.truncate(3 * 2**30)


def _zero_in_corpus(tmp: Path) -> None:
    (tmp / "corpus").mkdir()
    (tmp / "corpus" / "zero.txt").symlink_to("/dev/zero")
    os.mkfifo(tmp / "corpus" / "fifo.txt")


def _zero(tmp: Path) -> None:
    (tmp / "zero.docx").symlink_to("/dev/zero")


def _fifo(tmp: Path) -> None:
    os.mkfifo(tmp / "fifo.txt")


def _data(tmp: Path) -> None:
    (tmp / "data.yaml").write_bytes(EXAMPLE.read_bytes())


def _isolated(build):
    """Run `build` in a fresh interpreter. The measured child's peak RSS includes the peak of
    the process that spawned it (the kernel keeps it across vfork + exec), so the runner must
    not grow: building 78 MB of XML in it showed every case at 559 MB."""
    def run(tmp: Path) -> None:
        subprocess.run([sys.executable, __file__, build.__name__, str(tmp)], check=True)
    return run


def _both(*builds):
    def build(tmp: Path) -> None:
        for b in builds:
            b(tmp)
    return build


_big_xml_i, _many_i, _within_i = _isolated(_big_xml), _isolated(_many_paragraphs), _isolated(_within_limits)
_dense_i = _isolated(_dense_within_limits)

CASES = [
    Case("docs: parse 78 MB document.xml", _big_xml_i, ["parse", "{tmp}/big.docx", "-o", "{tmp}/s.json"]),
    Case("docs: check --draft 78 MB document.xml", _both(_big_xml_i, _data),
         ["check", "{tmp}/data.yaml", "--draft", "{tmp}/big.docx"]),
    Case("docs: check --draft 100k paragraphs", _both(_many_i, _data),
         ["check", "{tmp}/data.yaml", "--draft", "{tmp}/long.docx", "--report", "{tmp}/r.md"]),
    Case("docs: check --draft 19k findings", _both(_within_i, _data),
         ["check", "{tmp}/data.yaml", "--draft", "{tmp}/long.docx", "--report", "{tmp}/r.md"]),
    Case("docs: parse 19k paras, 285k elements", _dense_i, ["parse", "{tmp}/dense.docx", "-o", "{tmp}/s.json"]),
    Case("docs: check --draft 19k paras, 285k elements", _both(_dense_i, _data),
         ["check", "{tmp}/data.yaml", "--draft", "{tmp}/dense.docx"]),
    Case("docs: init --from 19k paras", _dense_i, ["init", "{tmp}/n.yaml", "--from", "{tmp}/dense.docx"]),
    Case("docs: mine 3 GB sparse txt", _sparse_corpus, ["mine", "{tmp}/corpus", "-o", "{tmp}/bank.json"]),
    Case("docs: mine /dev/zero and FIFO", _zero_in_corpus, ["mine", "{tmp}/corpus", "-o", "{tmp}/bank.json"]),
    Case("docs: parse /dev/zero", _zero, ["parse", "{tmp}/zero.docx", "-o", "{tmp}/s.json"]),
    Case("docs: parse FIFO", _fifo, ["parse", "{tmp}/fifo.txt", "-o", "{tmp}/s.json"]),
    Case("docs: init --from /dev/zero", _zero, ["init", "{tmp}/n.yaml", "--from", "{tmp}/zero.docx"]),
    Case("docs: init --from FIFO", _fifo, ["init", "{tmp}/n.yaml", "--from", "{tmp}/fifo.txt"]),
    Case("docs: check --previous /dev/zero", _both(_zero, _data),
         ["check", "{tmp}/data.yaml", "--previous", "{tmp}/zero.docx"]),
    Case("docs: check --draft FIFO", _both(_fifo, _data), ["check", "{tmp}/data.yaml", "--draft", "{tmp}/fifo.txt"]),
]


if __name__ == "__main__":  # _isolated: python hostile_cases_docs.py BUILD TMP
    globals()[sys.argv[1]](Path(sys.argv[2]))
