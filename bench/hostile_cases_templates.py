"""Resource cases for user templates (issue 9, §1): a hostile `--templates` folder that loops,
repeats strings, recurses or prints without end. Each must stop with a Chinese error quickly.

    python bench/hostile_inputs.py template
"""

from __future__ import annotations

from pathlib import Path

from hostile_inputs import Case

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "xianyang_2024.yaml"


def _closing(body: str, raw: bool = False):
    def build(tmp: Path) -> None:
        folder = tmp / "T"
        folder.mkdir()
        text = body if raw else "{% part 'closing' %}{% para %}" + body + "{% endpara %}{% endpart %}"
        (folder / "closing.j2").write_text(text, encoding="utf-8")

    return build


ARGV = ["draft", str(EXAMPLE), "-o", "{tmp}/o.docx", "--templates", "{tmp}/T"]

CASES = [
    Case("template range(10**9)", _closing("{% for i in range(10**9) %}x{% endfor %}"), ARGV),
    Case("template nested range(100000)",
         _closing("{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}"), ARGV),
    Case("template nested range(10000) loops",
         _closing("{% for i in range(10000) %}{% for j in range(10000) %}{% endfor %}{% endfor %}"), ARGV),
    Case("template 'a'*10**9", _closing("{{ 'a'*10**9 }}"), ARGV),
    Case("template doubling a string", _closing(
        "{% set ns = namespace(s='ab') %}{% for i in range(60) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}"), ARGV),
    Case("template printing 1 MB 10,000 times", _closing("{% for i in range(10000) %}{{ 'a'*999999 }}{% endfor %}"), ARGV),
    Case("template literal text 10,000 times", _closing("{% for i in range(10000) %}" + "长" * 2000 + "{% endfor %}"), ARGV),
    Case("template recursive macro", _closing("{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}"), ARGV),
    Case("template macro fan-out 2**40", _closing(
        "{% macro f(n) %}{% if n %}{{ f(n-1) }}{{ f(n-1) }}{% endif %}{% endmacro %}{{ f(40) }}"), ARGV),
    Case("template includes itself", _closing("{% include 'closing.j2' %}", raw=True), ARGV),
    Case("template 2**(10**9)", _closing("{{ 2**(10**9) }}"), ARGV),
    Case("template '%0999999999d'", _closing("{{ '%0999999999d' % 1 }}"), ARGV),
]
