"""The cached, emptied default template must give the very bytes python-docx's own does."""

from __future__ import annotations

import io
from pathlib import Path

import docx

from drafter.api import compose_report, load
from drafter.writers import docx_package, docx_writer
from drafter.writers.docx_template import new_document

ROOT = Path(__file__).resolve().parent.parent


def _parts(d) -> list[tuple[str, str]]:
    return [(str(p.partname), p.content_type) for p in d.part.package.iter_parts()]


def test_same_parts_and_relationships_as_the_default_template():
    ours, theirs = new_document(), docx.Document()
    assert _parts(ours) == _parts(theirs)
    assert [(r.rId, r.reltype) for r in ours.part.rels.values()] == [
        (r.rId, r.reltype) for r in theirs.part.rels.values()
    ]


def test_draft_bytes_identical_with_python_docx_template(monkeypatch):
    doc = compose_report(load(ROOT / "examples" / "gaoping_2024.yaml"), seed=3)
    ours = io.BytesIO()
    docx_writer.write_docx(doc, ours)
    monkeypatch.setattr(docx_writer, "new_document", docx.Document)
    monkeypatch.setattr(docx_package, "new_document", docx.Document)
    monkeypatch.setattr(docx_package, "_KEPT", {})  # a plain draft's kept parts, built anew
    theirs = io.BytesIO()
    docx_writer.write_docx(doc, theirs)
    assert len(ours.getvalue()) > 5000
    assert ours.getvalue() == theirs.getvalue()


def test_each_draft_gets_its_own_document():
    a, b = new_document(), new_document()
    a.add_paragraph("甲")
    assert all(p.text != "甲" for p in b.paragraphs)
