"""Plain text and markdown writers: the same tree, for reading, diffing and review by mail."""

from __future__ import annotations

from ..tree import Document, Paragraph, plain


def _para_text(p: Paragraph, md: bool) -> str:
    lead = plain(p.lead)
    if md and lead:
        lead = f"**{lead}**"
    return lead + plain(p.runs)


def render_text(doc: Document, markdown: bool = False) -> str:
    out: list[str] = []
    h = doc.header
    if plain(h.label):
        out.append(plain(h.label))
    if markdown:
        out.append(f"# {plain(h.title)}")
        for line in (plain(h.subtitle), plain(h.speaker)):
            if line:
                out.append(f"*{line}*")
    else:
        out.extend(x for x in (plain(h.title), plain(h.subtitle), plain(h.speaker)) if x)
    for ln in doc.lines():
        hd, p = ln.heading, ln.paragraph
        if p is None:  # a heading on its own line; an empty section heading is left out
            assert hd is not None  # a line has a heading, a paragraph or both
            if ln.section is None:
                out.append(("## " if markdown else "") + hd.text)
            elif hd.text:
                out.append(("### " if markdown else "") + hd.text)
        elif hd is not None:  # an inline section heading opens its first paragraph
            out.append((f"*{hd.text}*" if markdown and hd.text else hd.text) + _para_text(p, markdown))
        else:
            out.append(_para_text(p, markdown))
    sep = "\n\n" if markdown else "\n"
    return sep.join(out) + "\n"


def write_text(doc: Document, stream, markdown: bool = False) -> None:
    stream.write(render_text(doc, markdown).encode("utf-8"))


def write_markdown(doc: Document, stream) -> None:
    write_text(doc, stream, markdown=True)
