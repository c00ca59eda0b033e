"""YAML fragments: one per source file, merged by `drafter draft DATA_DIR` with the office's files.

A folder's files merge by name: mappings merge, lists concatenate, a scalar given twice must
agree. So a fragment only adds list items and never sets a scalar the office's file sets:
- figures and 主要工作和成效 lines → `review.sections`, one section per topic of that source
  with `topic:` set, which the folder's reader merges into the office's section of that topic
  (drafter/readers/yaml_data._merge); title left empty (the draft suggests one from the phrase bank or leaves 【待补充】);
  each line written {text: …, dept: …} with the source's department, so its numbers reach the
  confirm sheet under it even in a section merged from several departments (which keeps no
  one section `dept`);
- 明年主要措施 lines → `key_tasks.areas`, one area per topic (`topic:` set, merged likewise) with one item whose
  `lead_depts` is the department (so `drafter division` knows who leads it);
- a figure whose indicator the office's files list with an empty value → `fill`, naming that
  entry: drafter/readers/fill.py writes it into the entry when the folder is read.
Where each item came from (文件!单元格 or 文件:行), last year's value, the target and the
department's note are YAML comments above it: the model has no field for them and the draft
must not state them twice.

The first line is a stamp: the sha256 of the rest of the file. Gather replaces a fragment only
when the stamp still matches (nobody edited it); otherwise it needs --force.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path

from ..phrases.topics import TOPICS
from ..readers.yaml_data import FRAGMENT_PREFIX
from .facts import GFigure, Gathered, GText

PREFIX = FRAGMENT_PREFIX
_STAMP = re.compile(r"^# drafter gather sha256:([0-9a-f]{64})$")
_UNSAFE_NAME = re.compile(r"[\s/\\:*?\"<>|\x00-\x1f\x7f]+")


def fragment_name(source: Path, taken: set[str]) -> str:
    stem = _UNSAFE_NAME.sub("_", source.stem).strip("._") or "来源"
    name = f"{PREFIX}{stem}.yaml"
    if name in taken:  # 统计局.xlsx and 统计局.docx
        name = f"{PREFIX}{stem}_{source.suffix.lstrip('.').lower()}.yaml"
    n = 2
    while name in taken:
        name = f"{PREFIX}{stem}_{n}.yaml"
        n += 1
    taken.add(name)
    return name


def _one_line(s: str) -> str:
    return re.sub(r"[\s\u2028\u2029\x85]+", " ", s).strip()


def _q(s: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML): never read as a number,
    a boolean or a comment, whatever a department typed."""
    return json.dumps(_one_line(s), ensure_ascii=False)


def _num(v) -> str:
    return str(v)


def _value(v) -> str:
    """A flow-style YAML value: text quoted, a mapping (a rank from 备注) as {k: v, …}."""
    if isinstance(v, dict):
        return "{" + ", ".join(f"{k}: {_value(x)}" for k, x in v.items()) + "}"
    return _q(v) if isinstance(v, str) else _num(v)


def _figure_lines(f: GFigure, indent: str) -> list[str]:
    notes = [f"来源 {'；'.join([f.source, *f.also])}"]
    if f.last is not None:
        notes.append(f"上年数 {f.last}")
    if f.target is not None:
        notes.append(f"本年目标 {f.target}")
    parts = [f"name: {_q(f.name)}"]
    if f.value is not None:
        parts.append(f"value: {_num(f.value)}")
        if f.unit:
            parts.append(f"unit: {_q(f.unit)}")
    if f.growth is not None:
        parts.append(f"growth: {_num(f.growth)}")
    # the 备注 words as the fields the draft writes (forms_in.read_note), never only a comment
    parts += [f"{k}: {_value(v)}" for k, v in (("approx", f.approx), ("qualifier", f.qualifier),
                                                ("rank", f.rank), ("verb", f.verb), ("note", f.note)) if v]
    if f.status:
        parts.append(f"status: {_q(f.status)}")
    if f.dept:
        parts.append(f"dept: {_q(f.dept)}")
    return [f"{indent}# {_one_line('；'.join(notes))}", f"{indent}- {{{', '.join(parts)}}}"]


def _text_lines(t: GText, indent: str, dept: str | None = None) -> list[str]:
    """A text fact; with `dept`, written {text: …, dept: …} so its numbers keep their
    department once its section merges with other departments' (model/review.SaidText)."""
    item = f"{{text: {_q(t.text)}, dept: {_q(dept)}}}" if dept else _q(t.text)
    # a year before the part's (gather's summary lists it too): kept, for the office to judge
    stale = [f"{indent}# 年份与本年不符：这一句写的是{t.earlier}年，请核实是否保留"] if t.earlier else []
    return [f"{indent}# 来源 {_one_line('；'.join([t.source, *t.also]))}", *stale, f"{indent}- {item}"]


def _by_topic(items: list) -> dict[str, list]:
    groups: dict[str, list] = {}
    for it in items:
        groups.setdefault(it.topic, []).append(it)
    return groups


def _topic_lines(topic: str) -> list[str]:
    """A list item opening with its topic: merged with the office's section or area of that
    topic when the folder is read; 其他 (no standard topic) stays a section of its own."""
    if topic in TOPICS:
        return [f"    - topic: {topic}"]
    return [f"    # {topic}", "    - topic: null"]


def render(g: Gathered) -> str | None:
    """The fragment's text with its stamp, or None when the source gave nothing."""
    fills = [f for f in g.figures if f.fill]
    review = [*(f for f in g.figures if not f.fill), *(t for t in g.texts if t.part == "review")]
    tasks = [t for t in g.texts if t.part == "key_tasks"]
    if not review and not tasks and not fills and not g.problems:
        return None
    who = f"（{g.dept}）" if g.dept else ""
    body = [
        f"# 由 drafter gather 汇总自 {_one_line(g.shown)}{who}，与本文件夹的其他数据文件一起起草。",
        "# 改过的片段再次汇总时不会被覆盖（除非加 --force）；不再需要时直接删除本文件。",
    ]
    if review:
        body += ["review:", "  sections:"]
        for topic, items in _by_topic(review).items():
            body += [*_topic_lines(topic), "      facts:"]
            for it in items:  # each text names its department: a section of a topic merges with others
                body += _figure_lines(it, "        ") if isinstance(it, GFigure) else _text_lines(it, "        ", it.dept or g.dept)
    if fills:  # the office's empty entries these figures fill (drafter/readers/fill.py)
        body += ["fill:"]
        for f in fills:
            body += [_figure_lines(f, "  ")[0], "  - {" + ", ".join(f"{k}: {_value(v)}"
                                                          for k, v in (f.fill or {}).items()) + "}"]
    if tasks:
        body += ["key_tasks:", "  areas:"]
        for topic, items in _by_topic(tasks).items():
            body += [*_topic_lines(topic), "      items:", "        - measures:"]
            for it in items:
                body += _text_lines(it, "            ")
            if g.dept:
                body.append(f"          lead_depts: [{_q(g.dept)}]")
    if g.problems:  # a department's own shortcomings are the office's call, not the report's text
        body += ["# 材料中“存在的问题”（未写入初稿；要写进报告的问题一段，移到 review: problems: 下）："]
        body += [f"#   - {_one_line(p)}" for p in g.problems]
    text = "\n".join(body) + "\n"
    return f"# drafter gather sha256:{_digest(text)}\n{text}"


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass
class Existing:
    state: str  # "new" | "same" | "ours" (stamped, unedited) | "edited" (no stamp, or it no longer matches)


def existing_state(path: Path, new_text: str) -> Existing:
    if not path.exists() and not path.is_symlink():
        return Existing("new")
    try:
        old = path.read_bytes()[: 8 * 1024 * 1024].decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return Existing("edited")
    if old == new_text:
        return Existing("same")
    first, _, rest = old.partition("\n")
    m = _STAMP.match(first)
    return Existing("ours" if m and m.group(1) == _digest(rest) else "edited")
