"""A plain draft's .docx members without python-docx's package layer (issue 13).

Every member of a draft but word/document.xml and docProps/core.xml depends on the layout
profile and language alone. The first draft for a profile builds a package the long way
(build_docx on an empty tree) and keeps each member's bytes, the document cut where its body
goes, and the template's core properties; every draft then writes its body as text into that
cut (body_xml.py), sets its properties and writes the kept members around them, in the same
order and with the same zip settings (docx_xml.save_members). That skips opening the
template, building the styles, settings and footers and serialising the parts no draft
changes: writing the .docx of 咸阳 took 5.4 ms, now 2.9. tests/test_fast_paths.py checks the
bytes against the long way's.
"""

from __future__ import annotations

from dataclasses import dataclass
from collections.abc import Callable
from typing import Any, cast

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.coreprops import CoreProperties
from docx.oxml.coreprops import CT_CoreProperties
from docx.oxml.parser import parse_xml
from lxml import etree

from ..tree import Document, Properties
from .body_xml import BodyText
from .core_props import set_core_properties
from .docx_template import new_document
from .docx_xml import package_members

_DOCUMENT = "word/document.xml"
_CORE = "docProps/core.xml"


@dataclass(frozen=True)
class _Kept:
    members: list[tuple[str, bytes]]  # in zip order; document.xml and core.xml are redone
    # document.xml with no paragraphs, cut where they go: before the section properties
    before_body: bytes
    after_body: bytes
    core: bytes  # core.xml as the template has it, before the draft's properties


_KEPT: dict[tuple[str, str], _Kept] = {}
MAX_KEPT = 32  # a few profiles at a time, as docx_writer's _BUILT


def draft_members(doc: Document, lay, build: Callable[..., Any]) -> list[tuple[str, bytes]]:
    """(member, bytes) of the .docx of `doc` laid out by `lay` (docx_writer._Layout); `build`
    is docx_writer.build_docx, which makes the kept members the long way once per profile."""
    kept = _kept(lay, build)
    document = kept.before_body + BodyText(lay).text(doc).encode() + kept.after_body
    core = cast(CT_CoreProperties, parse_xml(kept.core))  # python-docx's class for cp:coreProperties
    set_core_properties(CoreProperties(core), core, doc)
    fresh = {_DOCUMENT: document, _CORE: _serialize(core)}
    return [(name, fresh.get(name, blob)) for name, blob in kept.members]


def _serialize(el: etree._Element) -> bytes:
    return etree.tostring(el, encoding="UTF-8", standalone=True)  # as python-docx's XmlPart.blob


def _kept(lay, build: Callable[..., Any]) -> _Kept:
    key = (lay.lang, lay.profile.model_dump_json())
    kept = _KEPT.get(key)
    if kept is None:
        if len(_KEPT) >= MAX_KEPT:
            _KEPT.clear()
        kept = _KEPT[key] = _keep(lay, build)
    return kept


def _keep(lay, build: Callable[..., Any]) -> _Kept:
    empty = build(Document(properties=Properties(language=lay.lang)), lay.profile)
    members = package_members(empty.part.package)
    names = [name for name, _ in members]
    assert _DOCUMENT in names and _CORE in names, names  # python-docx's default template has both
    template_core = new_document().part.package.part_related_by(RT.CORE_PROPERTIES).blob
    document = dict(members)[_DOCUMENT]
    # the empty body holds only w:sectPr (python-docx's template has one)
    assert document.count(b"<w:body><w:sectPr") == 1, document[-400:]
    cut = document.index(b"<w:body>") + len(b"<w:body>")
    return _Kept(members, document[:cut], document[cut:], template_core)
