"""Document.walk / find_all / lines: the one traversal of the tree, checked against what does
not use it — the source line numbers of a parsed real report, and the paragraphs python-docx
reads back from a written draft (the .docx writer lays out the tree with its own loop)."""

from __future__ import annotations

import docx
import pytest

from drafter.compose import compose
from drafter.parse import parse_report
from drafter.stages import load
from drafter.tree import Heading, Paragraph, Part, Section
from drafter.writers import write
from tests.conftest import CORPUS, EXAMPLES


def _every_node(doc):
    """The nodes collected part by part, without walk: what walk must visit."""
    out = []
    for part in doc.parts:
        out.append(part)
        out += [part.heading] if part.heading else []
        for s in part.sections:
            out.append(s)
            out += [s.heading] if s.heading else []
        out += part.paragraphs()
    return out


@pytest.mark.parametrize("name", ["2022_固原市.txt", "2023_金台区.txt", "2022_银川市.txt"])
def test_walk_visits_every_node_of_a_real_report_once_in_source_order(name):
    doc = parse_report(CORPUS / name)
    nodes = list(doc.walk())
    assert len({id(n) for n in nodes}) == len(nodes)  # none twice
    assert {id(n) for n in nodes} == {id(n) for n in _every_node(doc)}  # none left out
    lines = [n.line for n in nodes if isinstance(n, (Heading, Paragraph))]
    assert None not in lines and len(lines) > 50
    assert lines == sorted(lines)  # document order: an inline heading shares its paragraph's line
    paras = [n.line for n in doc.find_all(Paragraph)]
    assert paras == sorted(set(paras))  # each paragraph is a line of its own
    assert [p for _, _, p in doc.paragraphs()] == list(doc.find_all(Paragraph))
    assert list(doc.find_all(Part)) == doc.parts
    assert any(s.style == "inline" for s in doc.find_all(Section))


def _laid_out(doc) -> list[str]:
    """The body's Word paragraphs from walk: an inline section heading opens its first paragraph."""
    out: list[str] = []
    pending = ""  # an inline heading waiting for its paragraph
    for node in doc.walk():
        if isinstance(node, Section):
            inline = node.style == "inline" and node.blocks
        elif isinstance(node, Heading):
            if node.level == 2 and inline:
                pending = node.text
            else:
                out.append(node.text)
        elif isinstance(node, Paragraph):
            out.append(pending + node.text)
            pending = ""
        if isinstance(node, Part):
            inline = False
    return [t for t in out if t.strip()]


@pytest.mark.parametrize("data", ["xianyang_2024.yaml", "jintai_2023", "gaoping_2024.yaml"])
def test_walk_gives_the_paragraphs_of_the_written_docx_in_order(data, tmp_path):
    doc = compose(load(EXAMPLES / data))
    out = tmp_path / "初稿.docx"
    write(doc, out, "docx")
    written = [p.text for p in docx.Document(str(out)).paragraphs if p.text.strip()]
    header = [t for t in (doc.header.label, doc.header.title, doc.header.subtitle, doc.header.speaker)
              if "".join(r.text for r in t).strip()]
    body = _laid_out(doc)
    assert written[len(header):] == body
    assert len(written) == doc.paragraph_count()
    # lines() is the same layout, as the text writer and the check's paragraphs use it
    from_lines = [(ln.heading.text if ln.heading else "") + (ln.paragraph.text if ln.paragraph else "")
                  for ln in doc.lines()]
    assert [t for t in from_lines if t.strip()] == body
