"""docProps/core.xml of a draft: its title, author, language and dates, reproducibly.

Used by the element writer (docx_writer) and by the plain draft's kept package (docx_package).
"""

from __future__ import annotations

import datetime as dt
import os

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from lxml import etree

from ..tree import Document
from .docx_xml import xml_safe

CORE_TEXT_MAX = 255  # python-docx refuses longer core properties (ValueError)


def _core_text(value: str | None) -> str:
    """A core property (title, keywords …) is metadata, not the text: cut to what python-docx
    accepts rather than fail a draft over a long region or title."""
    text = xml_safe(value or "")
    return text if len(text) <= CORE_TEXT_MAX else text[: CORE_TEXT_MAX - 1] + "…"


def write_core_properties(d, doc: Document) -> None:
    """The draft's properties into a python-docx Document's docProps/core.xml."""
    el = d.part.package.part_related_by(RT.CORE_PROPERTIES).element
    set_core_properties(d.core_properties, el, doc)


def set_core_properties(cp, el: etree._Element, doc: Document) -> None:
    """The draft's properties on python-docx's CoreProperties `cp` over docProps/core.xml `el`."""
    props = doc.properties
    cp.title = _core_text(props.title)
    cp.subject = _core_text(props.subject)
    cp.author = _core_text(props.author)
    cp.keywords = _core_text(props.keywords)
    cp.comments = _core_text(props.comments)
    cp.language = _core_text(props.language)
    cp.category = ""
    cp.last_modified_by = _core_text(props.author)
    cp.revision = 1
    # Dates: taken from the properties if the tree carries them, else SOURCE_DATE_EPOCH, else
    # left out, so that the same tree gives the same core.xml.
    created = _as_datetime(getattr(props, "created", None))
    modified = _as_datetime(getattr(props, "modified", None)) or created
    if created is None and os.environ.get("SOURCE_DATE_EPOCH", "").isdigit():
        created = modified = dt.datetime.fromtimestamp(
            int(os.environ["SOURCE_DATE_EPOCH"]), dt.UTC)
    # python-docx has no API to clear a date: remove the template's 2013 ones from the XML.
    for name, value in (("created", created), ("modified", modified)):
        if value is not None:
            setattr(cp, name, value)
        else:
            for old in el.findall("{http://purl.org/dc/terms/}%s" % name):
                el.remove(old)


def _as_datetime(value) -> dt.datetime | None:
    if value is None or isinstance(value, dt.datetime):
        return value
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day, tzinfo=dt.UTC)
    return None
