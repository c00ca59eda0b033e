"""Templates build the document tree through tags; nothing is parsed back out of their text.

    {% part "review" %}
      {% heading %}{{ review_year }}年工作回顾{% endheading %}
      {% para %}{{ r.review.intro }}{% endpara %}
      {% section "inline" %}{% heading %}…{% endheading %}{% para %}…{% endpara %}{% endsection %}
    {% endpart %}

`part`, `section`, `heading`, `para`, `lead` and the header tags call the Builder, which keeps
a stack of open nodes. Inside a `para`, every `{{ value }}` is passed through the environment's
`finalize`, which registers the value's runs (with their data path) and leaves a private-use
marker in the text; the para tag then splits its body at those markers. Literal template text
becomes runs tagged with the template name and line.

The markers are U+E000 index U+E001. Literal text reaches the body through `finalize` too (the
sandbox routes it there), escaped so that a U+E000 typed in a template can never pass for a
marker; the split unescapes it. Output stays deterministic: no random nonce is involved.
"""

from __future__ import annotations

import re
from typing import Any
from collections.abc import Callable

from jinja2 import nodes
from jinja2.ext import Extension

from ..limits import MAX_TEMPLATE_OUTPUT
from ..tree import Document, Heading, Paragraph, Part, Run, Section, Source
from .typography import normalize, tidy
from .values import to_runs

OPEN, CLOSE, ESC = "\ue000", "\ue001", "\ue002"
_MARK = re.compile(f"{OPEN}(\\d+){CLOSE}")
_ESCAPE = str.maketrans({OPEN: ESC + "0", CLOSE: ESC + "1", ESC: ESC + "2"})
_ESCAPED = re.compile(f"{ESC}([012])")


class Literal(str):
    """Literal template text on its way to `finalize` (see sandbox.ReportEnvironment)."""


def escape(text: str) -> str:
    """Literal text with the marker characters made harmless (U+E000 → U+E002 0 …)."""
    return text.translate(_ESCAPE)


def unescape(text: str) -> str:
    return _ESCAPED.sub(lambda m: chr(0xE000 + int(m.group(1))), text)
# Whitespace that contains a line break is template layout, not text.
_LAYOUT_WS = re.compile(r"[ \t]*\n\s*")


class TemplateStructureError(Exception):
    """A template used the tags wrongly (text outside a paragraph, a para inside a para…)."""


class TemplateLimitError(Exception):
    """A template went past one of the limits in drafter.limits (loops, sizes, output)."""


class Builder:
    def __init__(self) -> None:
        self.doc = Document()
        self._stack: list[Any] = []  # Part / Section / Paragraph / Heading / "header"
        self._tokens: list[tuple[list[Run], bool]] = []  # (runs, is_lead)
        self._sizes: list[int] = []  # characters of each token
        self.printed = 0  # characters printed so far, against MAX_TEMPLATE_OUTPUT

    # -- values printed inside a paragraph ------------------------------------------------
    def finalize(self, value: Any) -> str:
        if isinstance(value, Literal):
            self._spend(len(value))
            return escape(value)
        if type(value) is str and self._is_body(value):
            return value  # the output of a macro or a {% set %} block: split where it lands
        runs = to_runs(value)
        for r in runs:
            if r.source.kind == "data":
                r.text = normalize(r.text)
        return self._token(runs, False)

    def _token(self, runs: list[Run], is_lead: bool) -> str:
        size = sum(len(r.text) for r in runs) + 1
        self._spend(size)
        self._tokens.append((runs, is_lead))
        self._sizes.append(size)
        return f"{OPEN}{len(self._tokens) - 1}{CLOSE}"

    def _spend(self, n: int) -> None:
        self.printed += n
        if self.printed > MAX_TEMPLATE_OUTPUT:
            raise TemplateLimitError(f"模板输出超过 {MAX_TEMPLATE_OUTPUT:,} 个字符（一份报告通常只有几万字），已停止")

    def _is_body(self, text: str) -> bool:
        """Already-built body text (markers, escaped literals), not a value to print. Printing
        it again re-uses its values, which count against the output limit once more."""
        if not text.strip():
            return True
        if OPEN not in text and CLOSE not in text and ESC not in text:
            return False
        indexes = [int(m.group(1)) for m in _MARK.finditer(text)]
        rest = _MARK.sub("", text)
        if OPEN in rest or CLOSE in rest or any(i >= len(self._tokens) for i in indexes):
            return False  # made by the template itself: plain text
        self._spend(len(text) + sum(self._sizes[i] for i in indexes))
        return True

    def _split(self, body: str, ref: str) -> tuple[list[Run], list[Run]]:
        """Body text with markers → (lead runs, runs)."""
        lead: list[Run] = []
        runs: list[Run] = []
        pos = 0
        for m in _MARK.finditer(body):
            literal = unescape(_LAYOUT_WS.sub("", body[pos : m.start()]))
            if literal:
                runs.append(Run(literal, Source("template", ref)))
            i = int(m.group(1))
            if i >= len(self._tokens):  # only a {% filter %} block can forge one
                raise TemplateStructureError(f"{ref}：段落中有无法识别的内部标记（U+E000），请删除")
            token_runs, is_lead = self._tokens[i]
            if is_lead:
                if runs and any(r.text.strip() for r in runs):
                    raise TemplateStructureError(f"{ref}：引领句（lead）必须位于段落开头")
                lead.extend(token_runs)
            else:
                runs.extend(token_runs)
            pos = m.end()
        literal = unescape(_LAYOUT_WS.sub("", body[pos:]))
        if literal:
            runs.append(Run(literal, Source("template", ref)))
        return _strip(lead), _strip(runs)

    # -- structure --------------------------------------------------------------------------
    def _top(self, *kinds: type) -> Any:
        for node in reversed(self._stack):
            if isinstance(node, kinds):
                return node
        return None

    def part(self, kind: str, ref: str, caller: Callable[[], str]) -> str:
        if self._stack:
            raise TemplateStructureError(f"{ref}：part 不能嵌套在其他标签里")
        part = Part(type=kind)
        self._stack.append(part)
        try:
            self._only_layout(caller(), ref)
        finally:
            self._stack.pop()
        self.doc.parts.append(part)
        return ""

    def section(self, style: str, ref: str, caller: Callable[[], str]) -> str:
        part = self._top(Part)
        if part is None or self._top(Section) is not None:
            raise TemplateStructureError(f"{ref}：section 必须直接写在 part 里")
        if style not in ("own_line", "inline"):
            raise TemplateStructureError(f"{ref}：section 的形式只能是 own_line 或 inline")
        section = Section(style="inline" if style == "inline" else "own_line")  # the checked value, typed
        self._stack.append(section)
        try:
            self._only_layout(caller(), ref)
        finally:
            self._stack.pop()
        part.blocks.append(section)
        return ""

    def heading(self, ref: str, caller: Callable[[], str]) -> str:
        owner = self._top(Section, Part)
        if owner is None or self._top(Paragraph) is not None:
            raise TemplateStructureError(f"{ref}：heading 必须写在 part 或 section 里、para 之外")
        lead, runs = self._split(caller(), ref)
        runs = tidy(lead + runs)
        if runs:
            owner.heading = Heading(runs=runs, level=2 if isinstance(owner, Section) else 1)
        return ""

    def para(self, role: str, ref: str, caller: Callable[[], str]) -> str:
        owner = self._top(Section, Part)
        if owner is None or self._top(Paragraph) is not None:
            raise TemplateStructureError(f"{ref}：para 必须写在 part 或 section 里，且不能嵌套")
        p = Paragraph(role=role)
        self._stack.append(p)
        try:
            lead, runs = self._split(caller(), ref)
        finally:
            self._stack.pop()
        p.lead, p.runs = tidy(lead), tidy(runs)
        if p.lead and p.runs:
            joined = tidy(p.lead + p.runs)  # a lead ending 。 followed by 。 in the text
            p.runs = joined[len(p.lead) :] if len(joined) > len(p.lead) else []
        if p.text.strip():
            owner.blocks.append(p)
        return ""

    def lead(self, ref: str, caller: Callable[[], str]) -> str:
        if self._top(Paragraph) is None:
            raise TemplateStructureError(f"{ref}：lead 必须写在 para 里")
        _, runs = self._split(caller(), ref)
        runs = tidy(runs)
        if not runs:
            return ""
        return self._token(runs, True)

    def header(self, slot: str, ref: str, caller: Callable[[], str]) -> str:
        if self._stack:
            raise TemplateStructureError(f"{ref}：{slot} 必须写在所有 part 之外")
        self._stack.append("header")
        try:
            _, runs = self._split(caller(), ref)
        finally:
            self._stack.pop()
        setattr(self.doc.header, slot, tidy(runs))
        return ""

    def _only_layout(self, body: str, ref: str) -> None:
        stray = unescape(_MARK.sub("", body)).strip()
        if stray or _MARK.search(body):
            raise TemplateStructureError(
                f"{ref}：文字“{stray[:20] or '（变量）'}”写在了段落之外，请放进 para 或 heading 标签"
            )


def _strip(runs: list[Run]) -> list[Run]:
    """Trim spaces at the edges of a paragraph (template indentation)."""
    runs = [r for r in runs if r.text]
    while runs and not runs[0].text.strip():
        runs.pop(0)
    while runs and not runs[-1].text.strip():
        runs.pop()
    if runs:
        runs[0] = Run(runs[0].text.lstrip(), runs[0].source)
        runs[-1] = Run(runs[-1].text.rstrip(), runs[-1].source)
    return runs


class StructureExtension(Extension):
    """The part / section / heading / para / lead / title / subtitle / speaker tags."""

    tags = {"part", "section", "heading", "para", "lead", "label", "title", "subtitle", "speaker"}  # noqa: RUF012 - jinja2 Extension API: a class-level set
    header_slots = ("label", "title", "subtitle", "speaker")
    # The methods the tags compile to: the only methods of ours the sandbox lets templates call.
    tag_methods = frozenset({"_part", "_section", "_heading", "_para", "_lead", "_header"})

    def parse(self, parser: Any) -> nodes.Node:
        token = next(parser.stream)
        tag, lineno = token.value, token.lineno
        ref = nodes.Const(f"{parser.name or '<模板>'}:{lineno}")
        args: list[nodes.Expr] = []
        if tag == "part":
            args.append(parser.parse_expression())
        elif tag == "section":
            args.append(
                parser.parse_expression()
                if parser.stream.current.type != "block_end"
                else nodes.Const("own_line")
            )
        elif tag == "para":
            args.append(
                parser.parse_expression()
                if parser.stream.current.type != "block_end"
                else nodes.Const("body")
            )
        elif tag in self.header_slots:
            args.append(nodes.Const(tag))
        body = parser.parse_statements((f"name:end{tag}",), drop_needle=True)
        method = "_header" if tag in self.header_slots else f"_{tag}"
        return nodes.CallBlock(self.call_method(method, [*args, ref]), [], [], body).set_lineno(lineno)

    def _builder(self) -> Builder:
        return self.environment.drafter_builder  # type: ignore[attr-defined]  # set by compose on its environment

    def _part(self, kind: str, ref: str, caller: Callable[[], str]) -> str:
        return self._builder().part(kind, ref, caller)

    def _section(self, style: str, ref: str, caller: Callable[[], str]) -> str:
        return self._builder().section(style, ref, caller)

    def _heading(self, ref: str, caller: Callable[[], str]) -> str:
        return self._builder().heading(ref, caller)

    def _para(self, role: str, ref: str, caller: Callable[[], str]) -> str:
        return self._builder().para(role, ref, caller)

    def _lead(self, ref: str, caller: Callable[[], str]) -> str:
        return self._builder().lead(ref, caller)

    def _header(self, slot: str, ref: str, caller: Callable[[], str]) -> str:
        return self._builder().header(slot, ref, caller)
