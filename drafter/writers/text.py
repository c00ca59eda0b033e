"""Plain text and markdown writers: the same tree, for reading, diffing and review by mail."""

from __future__ import annotations

from ..tree import Document, Paragraph, Section, plain


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
    for part in doc.parts:
        if part.heading:
            out.append(("## " if markdown else "") + part.heading.text)
        for block in part.blocks:
            if isinstance(block, Section):
                paras = list(block.blocks)
                head = block.heading.text if block.heading else ""
                if block.style == "inline" and paras:
                    first = _para_text(paras[0], markdown)
                    out.append((f"*{head}*" if markdown and head else head) + first)
                    paras = paras[1:]
                elif head:
                    out.append(("### " if markdown else "") + head)
                out.extend(_para_text(p, markdown) for p in paras)
            else:
                out.append(_para_text(block, markdown))
    sep = "\n\n" if markdown else "\n"
    return sep.join(out) + "\n"


def write_text(doc: Document, stream, markdown: bool = False) -> None:
    stream.write(render_text(doc, markdown).encode("utf-8"))


def write_markdown(doc: Document, stream) -> None:
    write_text(doc, stream, markdown=True)
