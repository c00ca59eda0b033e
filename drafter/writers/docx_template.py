"""python-docx's default template, read once per process and without the parts a report drops.

`docx.Document()` unzips and parses the whole default.docx on every call: 6 ms, most of it the
438 kB styles.xml that docx_writer replaces and the 438 kB stylesWithEffects.xml it drops. The
template is read once; the parts the writer drops or replaces keep their names, types and
relationships (so rIds, part order and the written bytes stay the same) but get empty content,
and the zip is stored uncompressed, so each draft opens it in about a sixth of the time.
"""

from __future__ import annotations

import io
import zipfile
from functools import lru_cache

import docx
from docx.api import _default_docx_path

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_XML_HEAD = b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
# member → the content it gets; every one of them is dropped or replaced by docx_writer
# (_replace_styles, _DROP_DOC_RELS, _DROP_PKG_RELS), so none reaches a draft.
_EMPTIED = {
    "word/styles.xml": _XML_HEAD + f'<w:styles xmlns:w="{_W}"/>'.encode(),
    "word/stylesWithEffects.xml": _XML_HEAD + f'<w:styles xmlns:w="{_W}"/>'.encode(),
    "word/numbering.xml": _XML_HEAD + f'<w:numbering xmlns:w="{_W}"/>'.encode(),
    "docProps/thumbnail.jpeg": b"",
}


@lru_cache(maxsize=1)
def _template_bytes() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(_default_docx_path()) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as dst:
        for info in src.infolist():
            name = info.filename
            dst.writestr(name, _EMPTIED[name] if name in _EMPTIED else src.read(info))
    return out.getvalue()


def new_document() -> docx.document.Document:
    """A fresh python-docx Document on the default template (its styles still to be written)."""
    return docx.Document(io.BytesIO(_template_bytes()))
