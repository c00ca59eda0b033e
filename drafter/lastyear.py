"""`drafter init PATH --from LAST`: start this year's data file from last year's report.

    read_last(path)                 -> LastYear   what last year's report (.docx/.txt) or data
                                                  file (.yaml / data folder) tells about this year
    skeleton_from_last(path, ...)   -> str        the commented YAML data file for the next year
    init_from(path_out, last, ...)  -> list[Path] write it (and the JSON Schema beside it)

What is pre-filled, and from where:

    meta           year + 1; region, level, leadership (the chain of 是…坚强领导的结果, else
                   the most frequent before 的坚强领导; a closing naming another chain keeps its
                   words in closing.leadership), speaker and speaker_title: what the report says about
                   itself (drafter.parse.about: title, meeting line, label, speaker line,
                   我代表X人民政府, signs of a county-level city); from a data file: the whole
                   meta but the meeting, date, label and plan period, which change every year
    meta (more)    province when the report plainly names one (浙江 in 湖州's, not 河北 of the
                   street 南河北路; else a comment); parent of a 区/县/县级市 from the region
                   (长沙市 of 长沙市望城区) or the report (按照省、晋城市要求), else a comment;
                   a region with the unit the report writes it with (湖州 of 2024_湖州.txt →
                   湖州市); with --region alone, its level and short name read in the report;
                   short_name (驻咸 → 咸); the speaker without stray spaces (「市长 冷劲松」,
                   「冷 劲 松」, a name on the line below its title); meeting stays empty: last
                   year's meeting and the probable next session (or the first of a new term:
                   the report cannot tell a 换届 year) are a comment above it
    structure      numbering, where the targets sit, review marker, task heading style; part
                   headings that differ from the draft's defaults, years advanced by one
                   (二、2023年主要目标和重点任务 → 2024年主要目标和重点任务), and
                   self_building.title (from a data file: its structure, years advanced)
    review.checks  every target of last year, with its value, value2, unit and qualifier kept
                   and an empty `actual:` (or `done:` for 完成上级下达任务) to fill; a comment
                   「去年目标：…」 above each. Targets the model cannot hold (促稳提质, 相适应, …)
                   are listed in a comment above the checks
    review         as many empty sections as last year's review had, each with 「# 去年回顾：…」;
                   last year's key-task area headings above review.sections and last year's
                   problems above review.problems (or a note that the report has none), as
                   comments: clues, never text of the draft
    key_tasks      as many empty areas as last year's, each with 「# 去年重点工作：…」; a last
                   area that is 政府建设 (望城's 七是…) becomes self_building.placement
                   key_task_section instead, never both; 一是-marked areas get a comment at
                   structure.task_marker (it has no such value); last year's 民生实事 above
                   key_tasks.livelihood, whom the thanks named (partners: 天津市河西区、南开大学)
                   above review.thanks.to, the 自身建设 leads above self_building.items: comments
    glossary       last year's 名词解释 as commented-out entries below `glossary: []`
    targets        this year's indicators: last year's, values emptied; a task target keeps the
                   office's words as its verb (控制在省定目标以内); a rider closing the list
                   (在实际工作中争取更好的结果) is targets.rider
    the rest       the `drafter init` skeleton (placeholders wherever data is needed)

Nothing is written when last year's file cannot be read (a Chinese DrafterError, exit 2).
"""

from __future__ import annotations

import os
import re
import tempfile
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from . import lastyear_report as lr
from .atomic import atomic_write_text
from .errors import DrafterError, display_path
from .lastyear_report import advance_years, meeting_hint
from .model import BELOW_PREFECTURE, LEVELS, Report, Target
from .model.meta import level_problem, year_problem
from .parse import parse_lines, read_lines
from .parse.about import about, level_of, short_of
from .parse.lines import OPENING_FORMULA, SALUTATION
from .parse.targets_text import closing_riders, describe, find_targets_text, parse_clauses, task_wording
from .readers import load_report
from .skeleton import (
    DATA_SUFFIXES, SCHEMA_FILE, _scalar, data_file_target, emit_model, make_data_folder, skeleton_data, year_comments,
)
from .stages import write_schema_beside

__all__ = ["LastYear", "read_last", "skeleton_from_last", "init_from"]


@dataclass
class LastTarget:
    target: Target
    said: str  # how last year's report worded it: 生产总值增长6%左右
    wording: str | None = None  # a task target's own words (控制在省定目标以内): this year's verb


@dataclass
class LastYear:
    """What last year's report or data file says that this year's data file can reuse."""

    source: Path
    kind: str  # "report" | "data"
    year: int | None = None  # last year's plan year (meta.year of last year's data)
    meta: dict[str, Any] = field(default_factory=dict)  # region, level, leadership, speaker…
    structure: dict[str, Any] = field(default_factory=dict)
    opening: dict[str, Any] = field(default_factory=dict)
    closing: dict[str, Any] = field(default_factory=dict)
    self_building: dict[str, Any] = field(default_factory=dict)
    targets: list[LastTarget] = field(default_factory=list)
    others: list[str] = field(default_factory=list)  # targets the model cannot hold
    # targets with no number (进出口稳中提质), each with the count of last.targets before it:
    # this year's list keeps them where they stood, as written (kind text)
    texts: list[tuple[int, str]] = field(default_factory=list)
    sections: list[str] = field(default_factory=list)  # review section headings
    areas: list[str] = field(default_factory=list)  # key-task area headings
    section_topics: list[str | None] = field(default_factory=list)  # `topic:` of each, None unsure
    area_topics: list[str | None] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    other_work: list[str] = field(default_factory=list)  # 「过去一年，老龄、妇女儿童……」, for a comment
    meeting: str | None = None
    glossary: list[tuple[str, str]] = field(default_factory=list)  # (term, definition)
    livelihood: list[str] = field(default_factory=list)  # last year's 民生实事, for a comment
    thanks: list[str] = field(default_factory=list)  # whom last year's thanks named, for a comment
    self_items: list[str] = field(default_factory=list)  # 自身建设 leads, for a comment
    self_area: str | None = None  # the key-task area that was 政府建设 (望城's 七是…)
    notes: dict[str, str] = field(default_factory=dict)  # meta field → hint comment
    rider: str | None = None  # 在实际工作中争取更好的结果 after the whole list: targets.rider
    text: str = ""  # the report's text, for what --region alone decides (level, short name)


# ---------------------------------------------------------------------------------------------
# last year's data file


def _topic(topics: list[str | None], i: int) -> dict[str, str]:
    """`topic:` of the i-th section: what `gather` collects on that topic merges into it
    (drafter/readers/yaml_data._merge)."""
    topic = topics[i] if i < len(topics) else None
    return {"topic": topic} if topic else {}


def _from_data(path: Path) -> LastYear:
    report: Report = load_report(path)
    m = report.meta
    keep = ("region", "level", "short_name", "parent", "province", "speaker", "speaker_title", "leadership", "title")
    meta = {k: getattr(m, k) for k in keep if getattr(m, k) is not None}
    last = LastYear(path, "data", year=m.year, meta=meta, meeting=m.meeting)
    structure = report.structure.model_dump(exclude_defaults=True)
    if m.year is not None:  # 2024年工作回顾 names last year's years: move them on by one
        headings = {k: advance_years(v, m.year + 1) for k, v in structure.pop("headings", {}).items() if v}
        if headings:
            structure["headings"] = headings
    last.structure = structure
    if report.self_building.placement != "part":
        last.self_building = {"placement": report.self_building.placement}
    if report.self_building.title:
        last.self_building["title"] = advance_years(report.self_building.title, m.year + 1)
    if report.opening.audience:
        last.opening = {"audience": report.opening.audience}
    for t in report.targets.indicators:
        if t.as_text:
            last.texts.append((len(last.targets), t.name))
            last.others.append(t.name)
        else:
            last.targets.append(LastTarget(t, describe(t)))
    last.rider = report.targets.rider
    sections = [s for s in report.review.sections if s.title]
    areas = [a for a in report.key_tasks.areas if a.title]
    last.sections = [s.title or "" for s in sections]
    last.areas = [a.title or "" for a in areas]
    # last year's topics where it had them, else read from the titles and facts
    last.section_topics = _kept_or_read(sections)
    last.area_topics = _kept_or_read(areas)
    last.problems = list(report.review.problems)
    last.glossary = [(g.term, g.definition) for g in report.glossary]
    return last


# ---------------------------------------------------------------------------------------------
# last year's report


def _from_report(path: Path) -> LastYear:
    lines = read_lines(path)  # ParseError (a DrafterError) for what cannot be read at all
    doc = parse_lines(lines)
    info = about(doc, lines, path)  # region, level, years, leadership, speaker, meeting
    last = LastYear(path, "report", year=info.plan_year, text="".join(lines))
    found = find_targets_text(doc)
    if found is not None:
        clauses = parse_clauses(found.text)
        for c in clauses:
            if c.kind == "target":
                said = c.text
                own = task_wording(c.text)
                for t in c.targets:
                    last.targets.append(LastTarget(
                        t, said + (f"，{t.note}" if t.note else ""), own if t.assigned_by_superior else None
                    ))
            elif c.kind == "other":
                last.others.append(c.text)
                if _qualitative(c.text):
                    last.texts.append((len(last.targets), c.text))
        last.rider = "，".join(c.text for c in closing_riders(clauses)) or None
    types = {p.type for p in doc.parts}
    if not last.targets and not ({"targets", "key_tasks"} & types):
        raise DrafterError(
            f"无法从 {display_path(path)} 中识别出政府工作报告的结构（没有找到预期目标和重点工作部分）；"
            "请确认这是去年的政府工作报告（.docx 或 .txt），未写出任何文件"
        )
    if info.region:
        last.meta["region"] = info.region
    if info.level:  # 我代表市人民政府 says the level even where no name is found
        last.meta["level"] = info.level
        if info.level_hint:
            last.notes["level"] = info.level_hint
    if info.province:
        last.meta["province"] = info.province
    elif info.provinces:
        last.notes["province"] = f"去年的报告提到了{'、'.join(info.provinces[:4])}，未能确定所在省份，请填写"
    else:
        last.notes["province"] = "去年的报告没有写明所在省份，请填写"
    if info.parent:
        last.meta["parent"] = info.parent
    elif info.level in BELOW_PREFECTURE:
        last.notes["parent"] = "去年的报告没有写明所属的市，请填写"
    # the chain the review thanks (是省委省政府和市委坚强领导的结果) is meta.leadership; a closing
    # that names another (聊城: 在市委的坚强领导下) keeps its own words in closing.leadership
    ack, close, close_words = lr.leadership_said(doc)
    # 宜春 thanks 省委、省政府 and names 省委、省政府和市委 everywhere else: the fuller chain
    lead = info.leadership if not ack or _same_or_more(info.leadership, ack) else ack
    if lead:
        last.meta["leadership"] = lead
    if close and not _same_chain(close, lead):
        last.closing = {"leadership": close_words}
    if info.speaker:
        last.meta["speaker"] = info.speaker
        last.meta["speaker_title"] = info.speaker_title
    header = _header_lines(lines)
    who = lr.speaker(header, info.region or None)
    if who:  # spaces inside the name removed (冷 劲 松), 「市长 冷劲松」 read too
        last.meta["speaker"], last.meta["speaker_title"] = who
    if info.short:
        last.meta["short_name"] = info.short
    last.meeting = _meeting(info.meeting, info.name) or lr.meeting_in_header(header, info.name) or None
    last.structure = lr.structure(doc)
    if lr.headless(doc):  # 绵阳: its sections are guessed too loosely to carry
        review_bodies, area_bodies = [], []
        last.notes["structure"] = (
            "去年的报告没有部分标题和分项编号，只沿用了按标志句找到的目标和困难问题；"
            "回顾和重点工作的分项请按今年的安排填写"
        )
    else:
        last.sections, review_bodies = lr.section_titles(doc, "review"), lr.section_bodies(doc, "review")
        last.areas, area_bodies = lr.section_titles(doc, "key_tasks"), lr.section_bodies(doc, "key_tasks")
    kept = [i for i, (t, b) in enumerate(zip(last.sections, review_bodies, strict=True)) if not lr.other_work(t + b)]
    if len(kept) < len(last.sections):  # 镇江's 「——过去一年，老龄、妇女儿童……」: a hint for other_work
        last.other_work = [re.split(r"(?<=[。！])", last.sections[i] + review_bodies[i])[0]
                           for i in range(len(last.sections)) if i not in kept]
        last.sections, review_bodies = [last.sections[i] for i in kept], [review_bodies[i] for i in kept]
    if lr.self_building_area(doc) is not None and last.areas:
        # 望城's 七是在加强政府建设中树立新形象: self-building as the last area, carried once
        last.self_area = last.areas.pop()
        area_bodies.pop()
        last.self_building["placement"] = "key_task_section"
    elif lr.self_building_untitled(doc):
        last.self_building["placement"] = "before_closing"
    last.section_topics = lr.topics(last.sections, review_bodies)
    last.area_topics = lr.topics(last.areas, area_bodies)
    if lr.areas_marked_shi(doc):
        last.notes["task_marker"] = (
            "去年重点工作各方面以“一是……二是……”开头；本字段没有这种写法（可选 auto / （一） / 一、），"
            "初稿按所选标记编号，需要时请在定稿中改回"
        )
    last.livelihood = lr.livelihood(doc)
    last.thanks = lr.thanks(doc)
    last.self_items = lr.self_building_leads(doc)
    last.problems = lr.problems(doc)
    last.glossary = lr.glossary(doc)
    if last.year is not None:
        found_headings, self_title = lr.headings(doc, last.year + 1, last.structure)
        if found_headings:
            last.structure["headings"] = found_headings
        if self_title:
            last.self_building["title"] = self_title
    return last


def _qualitative(text: str) -> bool:
    """A clause of the targets passage the parser could not read as a number is this year's
    target as written (粮食产量保持基本稳定), unless it holds a number: 「增长6%-7%」「“3个1000”」
    are last year's figures, which must not stand as this year's."""
    return not re.search(r"[0-9０-９]", text)


def _kept_or_read(items: list[Any]) -> list[str | None]:
    """The topics a data file's sections carry; when none does, read from titles and facts."""
    kept = [getattr(it, "topic", None) for it in items]
    if any(kept):
        return kept
    return lr.topics([it.title for it in items], [_words(it) for it in items])


def _words(item: Any) -> str:
    """The text a data file's section or area holds: facts, leads, measures (figures by name)."""
    if isinstance(item, str):
        return item
    parts = [getattr(item, k, None) for k in ("lead", "name", "text")]
    out = "".join(p for p in parts if isinstance(p, str))
    for k in ("facts", "items", "measures"):
        out += "".join(_words(x) for x in getattr(item, k, None) or [])
    return out


def _same_chain(a: str | None, b: str | None) -> bool:
    """省委省政府和市委 and 省委、省政府和市委 name the same organs."""
    return (a or "").replace("、", "") == (b or "").replace("、", "")


def _same_or_more(chain: str | None, part: str) -> bool:
    """省委、省政府和市委 names the organs of 省委省政府, or goes on from them."""
    return (chain or "").replace("、", "").startswith(part.replace("、", ""))


def _header_lines(lines: list[str]) -> list[str]:
    """The lines before 各位代表： / the opening formula (at most 8): title, meeting, speaker."""
    out = []
    for line in lines[:8]:
        if SALUTATION.match(line) or OPENING_FORMULA.match(line):
            break
        out.append(line)
    return out


def _meeting(meeting: str, name: str) -> str:
    """金台区 writes 「在区第十九届人民代表大会第二次会议上」: the region's name goes first."""
    if meeting and name and meeting[0] == name[-1] and not meeting.startswith(name):
        return name + meeting[1:]
    return meeting


def read_last(path: str | Path) -> LastYear:
    """Last year's report (.docx/.txt) or data file (.yaml, or a data folder)."""
    p = Path(path)
    if not os.path.lexists(p):  # a symlink loop "exists": the reader names the loop
        raise DrafterError(f"找不到去年的报告或数据文件：{display_path(p)}")
    if p.is_dir() or p.suffix.lower() in DATA_SUFFIXES:
        return _from_data(p)
    return _from_report(p)


# ---------------------------------------------------------------------------------------------
# the YAML


def _plain_number(v: Any) -> Any:
    """Numbers as the YAML emitter writes them: int, or float (Decimal would be quoted)."""
    if isinstance(v, Decimal):
        return int(v) if v == v.to_integral_value() else float(v)
    return v


def _check(t: Target) -> dict[str, Any]:
    d: dict[str, Any] = {"name": t.name}
    q = t.qualifier
    if t.states_number:
        d["kind"] = t.kind
    for key in ("value", "value2", "unit"):
        v = getattr(t, key)
        if v is not None:
            d[key] = _plain_number(v)
    if q:
        d["qualifier"] = q
    if t.scope:  # 高于全省平均水平
        d["scope"] = t.scope
    if t.verb:
        d["verb"] = t.verb
    if t.note:  # the rider (在实际工作中争取更好结果) stays with its target
        d["note"] = t.note
    if t.assigned_by_superior:
        d["done"] = None
    else:
        d["actual"] = None
        if t.value2 is not None:
            d["actual2"] = None
    if t.dept:
        d["dept"] = t.dept
    return d


def _indicator(t: Target, wording: str | None = None) -> dict[str, Any]:
    """This year's target: last year's indicator with its values emptied; a task target keeps
    the office's words as its verb (城镇调查失业率控制在省定目标以内), which the draft writes in
    place of 「完成省下达的目标任务」."""
    d: dict[str, Any] = {"name": t.name}
    if t.states_number:  # 同步 / 上级下达 targets have no kind of number
        d["kind"] = t.kind
        d["value"] = None
        if t.value2 is not None:
            d["value2"] = None
        if t.unit is not None:
            d["unit"] = t.unit
    if t.qualifier:
        d["qualifier"] = t.qualifier
    if t.scope:
        d["scope"] = t.scope
    if t.verb or wording:
        d["verb"] = t.verb or wording
    if t.dept:
        d["dept"] = t.dept
    return d


def _field_start(lines: list[str], parent: str, key: str) -> int | None:
    """Index of the comment block above `  key:` inside the top-level `parent:` block."""
    try:
        start = lines.index(f"{parent}:")
    except ValueError:
        return None
    for i in range(start + 1, len(lines)):
        line = lines[i]
        if line and not line.startswith((" ", "#")):
            return None  # the next top-level block
        if line.startswith(f"  {key}:"):
            j = i
            while j - 1 > start and lines[j - 1].startswith("  # "):
                j -= 1
            return j
    return None


def _insert(lines: list[str], parent: str, key: str, comments: list[str]) -> None:
    at = _field_start(lines, parent, key)
    if at is not None and comments:
        lines[at:at] = comments


def _list_items(lines: list[str], start: int) -> list[int]:
    """Where each item of the list whose key is on line `start` begins (items at indent 4); the
    first item starts at its own field comments, which belong to it."""
    items: list[int] = []
    first_item = None
    for i in range(start + 1, len(lines)):
        line = lines[i]
        if not line.startswith("    "):
            break
        if first_item is None:
            first_item = i
        if line.startswith("    - "):
            items.append(i)
    if first_item is not None and items:
        items[0] = first_item
    return items


def _check_comments(lines: list[str], saids: list[str]) -> None:
    """「# 去年目标：…」 above each item of review.checks. One check is emitted per target, so
    items and saids pair one to one: strict, so a drift fails loudly instead of putting a
    comment over the wrong target."""
    try:
        start = lines.index("  checks:")
    except ValueError:
        return  # `checks: []`: no target was read
    items = _list_items(lines, start)
    for i, said in reversed(list(zip(items, saids, strict=True))):
        lines[i:i] = [f"    # 去年目标：{' '.join(said.splitlines())}"]


def _item_comments(lines: list[str], parent: str, key: str, hints: list[str]) -> None:
    """「# 去年回顾：（一）……」 above each item of the list `parent.key` (indent 2, items at 4)."""
    at = _field_start(lines, parent, key)
    if at is None or not hints:
        return  # no titles last year: the skeleton's default items stay without hints
    start = next(i for i in range(at, len(lines)) if lines[i].startswith(f"  {key}:"))
    items = _list_items(lines, start)
    # one item per title of last year (_prefilled), so they pair one to one
    for i, hint in reversed(list(zip(items, hints, strict=True))):
        lines[i:i] = [f"    # {' '.join(hint.splitlines())}"]


def _glossary_comments(lines: list[str], terms: list[tuple[str, str]], last_year: int) -> None:
    """Last year's 名词解释 as commented-out entries after `glossary: []`: uncommented (and the
    [] removed) they are valid entries; left alone, nothing reaches the draft."""
    try:
        at = lines.index("glossary: []")
    except ValueError:
        return
    if not terms:
        return
    out = [
        f"# 去年报告的名词解释（{last_year}年，{len(terms)}条）：今年仍用到的，删去上一行的 [] 并去掉条目行首的“# ”。",
    ]
    for term, definition in terms:
        out.append(f"#   - term: {_scalar(' '.join(term.splitlines()))}")
        out.append(f"#     definition: {_scalar(' '.join(definition.splitlines()))}")
    lines[at + 1:at + 1] = out


def _comment_lines(title: str, items: list[str], prefix: str = "  ") -> list[str]:
    if not items:
        return []
    return [f"{prefix}# {title}"] + [f"{prefix}#   {x}" for x in items]


def skeleton_from_last(
    path: str | Path | LastYear,
    region: str | None = None,
    level: str | None = None,
    year: int | None = None,
    schema_ref: str = SCHEMA_FILE,
) -> str:
    """This year's data file as YAML text, pre-filled from last year's report or data file.
    `region` / `level` / `year` (this year's) override what is read from last year's file."""
    last = path if isinstance(path, LastYear) else read_last(path)
    region, level, year = _this_year(last, region, level, year)
    origin = "报告" if last.kind == "report" else "数据文件"
    out = [
        f"# yaml-language-server: $schema={schema_ref}",
        f"# {region}{year}年政府工作报告 数据文件（drafter init --from {last.source.name} 生成）",
        f"# 已从去年的{origin}预填：基本信息、结构和部分标题、去年的预期目标（review.checks：请逐项填写 actual",
        "# 实际完成值，约束性任务填写 done: true/false）；去年的回顾方面、重点工作、困难和问题、会议名称、",
        "# 名词解释写在相应字段旁的注释中，供参考（注释不会写进初稿）。",
        "# 每个字段上方的注释说明填写内容；留空的字段在初稿中显示为【待补充：…】。",
        "# 数字只写数字（如 6.5），单位写在 unit；文字中含冒号等符号时请加引号。",
        "# 检查：drafter validate 本文件    生成初稿：drafter draft 本文件 -o 初稿.docx",
        "",
    ]
    lines: list[str] = []
    emit_model(Report, _prefilled(last, region, level, year), 0, lines, full=True)
    # hints, as comments: never text of the draft
    _meta_hints(lines, last, level)
    _review_hints(lines, last, origin, year - 1)
    _glossary_comments(lines, last.glossary, year - 1)
    _carried_comments(lines, last, year - 1)
    year_comments(lines, year)
    if last.targets:
        _insert(lines, "targets", "indicators", [
            "  # 以下沿用去年的指标，目标值待填写；去年的目标见 review.checks。"
        ])
    return "\n".join(out + lines) + "\n"


def _this_year(last: LastYear, region: str | None, level: str | None, year: int | None) -> tuple[str, str, int]:
    """This year's region, level and year: the ones given, else read from last year's file."""
    shown = last.source.name
    given = (region or "").strip()
    region = given or last.meta.get("region")
    if not level and given and last.text and not last.meta.get("region"):
        # --region for a report that does not name itself: its level by the same rule
        level, hint = level_of(given, last.text)
        last.meta["level"] = level
        last.notes.pop("level", None)
        if hint:
            last.notes["level"] = hint
    level = level or last.meta.get("level")
    if not region and not level:
        raise DrafterError(
            f"未能从 {shown} 中识别地区名称和行政层级，请用 --region 和 --level 指定，如 --region 咸阳市 --level 市"
        )
    if not region:
        raise DrafterError(f"未能从 {shown} 中识别地区名称，请用 --region 指定，如 --region 咸阳市")
    if not level:
        raise DrafterError(f"未能从 {shown} 中识别行政层级，请用 --level 指定（{' / '.join(LEVELS)}）")
    if problem := level_problem(level):
        raise DrafterError(problem)
    if year is None:
        if last.year is None:
            raise DrafterError(f"未能从 {shown} 中识别报告年度，请用 --year 指定今年的年度，如 --year 2025")
        year = last.year + 1
    if problem := year_problem(year):
        raise DrafterError(problem)
    return region, level, year


def _prefilled(last: LastYear, region: str, level: str, year: int) -> dict:
    """The skeleton's data with what carries over from last year."""
    data = skeleton_data(region, level, year)
    meta = data["meta"]
    for k, v in last.meta.items():
        if k not in ("region", "level"):
            meta[k] = v
    if "short_name" not in meta and last.text and (short := short_of(region, last.text)):
        meta["short_name"] = short  # 驻益部队 of a report that did not name itself (--region 益阳市)
    if last.structure:
        data["structure"] = last.structure
    if last.opening:
        data["opening"] = last.opening
    if last.closing:
        data["closing"] = {**data.get("closing", {}), **last.closing}
    if last.self_building:
        data["self_building"] = last.self_building
    targets = [lt.target for lt in last.targets]
    data["review"]["checks"] = [_check(t) for t in targets]
    _headline_as_checked(data["review"]["headline"], targets)
    # as many review sections and key-task areas as last year, each with last year's title above
    if last.sections:
        data["review"]["sections"] = [
            {"title": None, "facts": [], **_topic(last.section_topics, i)} for i in range(len(last.sections))
        ]
    if last.areas:
        area = data["key_tasks"]["areas"][0]
        data["key_tasks"]["areas"] = [{**area, **_topic(last.area_topics, i)} for i in range(len(last.areas))]
    if targets or last.texts:
        indicators: list[Any] = [_indicator(lt.target, lt.wording) for lt in last.targets]
        for at, text in reversed(last.texts):  # from the end, so each index still holds
            indicators.insert(at, text)
        data["targets"]["indicators"] = indicators
    if last.rider:  # 在实际工作中争取更好的结果 closes the whole list, not its last target
        data["targets"]["rider"] = last.rider
    return data


# The skeleton's headline names the income pair; a report whose target is one figure of all
# residents (呼和浩特: 全体居民人均可支配收入增长6.5%左右) means that figure: under two names the
# draft asked for it twice and the forms found no department for the check.
_ONE_INCOME = ("全体居民人均可支配收入", "居民人均可支配收入")


def _headline_as_checked(headline: list[dict[str, Any]], targets: list[Target]) -> None:
    """The headline's income figure takes the name of last year's income target when that target
    is one figure, so the check is judged on the headline's number (model/verdict.lent)."""
    one = next((t.name for t in targets if t.name in _ONE_INCOME and t.value2 is None), None)
    if one is None:
        return
    for figure in headline:
        if figure.get("name") == "城乡居民人均可支配收入":
            figure["name"] = one


def _carried_comments(lines: list[str], last: LastYear, last_year: int) -> None:
    """What the model has a place for but last year's words cannot fill: 民生实事, whom the
    thanks named (partners such as 天津市河西区、南开大学), the 自身建设 items, and the
    key-task area that was self-building. Comments only: clues, never text of the draft."""
    _insert(lines, "key_tasks", "livelihood", _comment_lines(
        f"去年的民生实事（{last_year}年，{len(last.livelihood)}件，今年的请重新填写 items）：", last.livelihood
    ))
    _insert_nested(lines, "review", "thanks", "to", _comment_lines(
        "去年报告致谢的对象（含对口帮扶、协作单位，供参考）：", last.thanks, "    "
    ))
    sb = []
    if last.self_area:
        sb.append(f"  # 去年重点工作的最后一个方面是政府自身建设：{last.self_area}（已设为 key_task_section，不再另列一个方面）")
    _insert(lines, "self_building", "placement", sb)
    _insert(lines, "self_building", "items", _comment_lines(
        f"去年政府自身建设的要点（{last_year}年，供参考）：", last.self_items
    ))


def _insert_nested(lines: list[str], parent: str, sub: str, key: str, comments: list[str]) -> None:
    """`comments` above `    key:` inside `  sub:` of the top-level `parent:` block."""
    at = _field_start(lines, parent, sub)
    if at is None or not comments:
        return
    start = lines.index(f"  {sub}:", at)
    for i in range(start + 1, len(lines)):
        line = lines[i]
        if not line.startswith(("    ", "  #")):
            return  # the next field of `parent`
        if line.startswith(f"    {key}:"):
            j = i
            while lines[j - 1].startswith("    # "):
                j -= 1
            lines[j:j] = comments
            return


def _meta_hints(lines: list[str], last: LastYear, level: str) -> None:
    """Last year's meeting (and the one that usually follows it), the level's note."""
    if last.meeting:
        hint = meeting_hint(last.meeting)
        _insert(lines, "meta", "meeting", [f"  # 去年会议：{last.meeting}"] + (
            [f"  # 今年一般是：{hint}（请核对后填写）"] if hint else ["  # 今年一般是下一次会议，请核对后填写"]
        ))
    if "level" in last.notes and level == last.meta.get("level"):
        _insert(lines, "meta", "level", [f"  # {last.notes['level']}"])
    if "province" in last.notes and "province" not in last.meta:
        _insert(lines, "meta", "province", [f"  # {last.notes['province']}"])
    if "parent" in last.notes and "parent" not in last.meta and level in BELOW_PREFECTURE:
        _insert(lines, "meta", "parent", [f"  # {last.notes['parent']}"])
    if "structure" in last.notes:
        _insert(lines, "structure", "numbered", [f"  # {last.notes['structure']}"])
    if "task_marker" in last.notes:
        _insert(lines, "structure", "task_marker", [f"  # {last.notes['task_marker']}"])


def _review_hints(lines: list[str], last: LastYear, origin: str, last_year: int) -> None:
    """Beside review: last year's targets as said, sections, areas and problems."""
    _check_comments(lines, [lt.said for lt in last.targets])
    check_hints = []
    if not last.targets:
        check_hints.append(
            f"  # 未能在去年的{origin}中找到预期目标（“主要预期目标是：……”），请按去年的报告逐项填写"
            "（name、kind、value、unit、qualifier、actual）。"
        )
    if any(lt.target.kind == "growth" and lt.target.value is not None and lt.target.value < 0 for lt in last.targets):
        check_hints.append("  # 下降类目标（如单位生产总值能耗降低2.5%）的目标值为负数，实际降幅也写负数，如下降2.7%写 -2.7。")
    if last.others:
        check_hints += _comment_lines(
            f"去年另有{len(last.others)}项目标无法按数值核对（如定性目标），请在回顾中用文字说明完成情况：",
            last.others,
        )
    _insert(lines, "review", "checks", check_hints)
    _insert(lines, "review", "sections", _comment_lines(
        f"去年重点工作（{last_year}年，可作为今年回顾各方面的线索）：", last.areas + ([last.self_area] if last.self_area else [])
    ))
    _item_comments(lines, "review", "sections", [f"去年回顾：{t}" for t in last.sections])
    _item_comments(lines, "key_tasks", "areas", [f"去年重点工作：{t}" for t in last.areas])
    if last.other_work:
        _insert(lines, "review", "other_work", _comment_lines(
            f"去年回顾中的其他工作（{last_year}年，可照此列出今年的其他工作）：", last.other_work
        ))
    if last.problems:
        _insert(lines, "review", "problems", _comment_lines(
            f"去年报告中的困难和问题（{last_year}年，供对照哪些已解决、哪些仍需写入）：", last.problems
        ))
    else:
        _insert(lines, "review", "problems", [f"  # 去年的{origin}中没有找到困难和问题的段落（“我们也清醒认识到……”）。"])


def init_from(
    path_out: str | Path,
    last: str | Path,
    force: bool = False,
    region: str | None = None,
    level: str | None = None,
    year: int | None = None,
) -> list[Path]:
    """Write this year's data file pre-filled from last year's report or data file, and the
    JSON Schema beside it. Everything is read and checked before anything is written."""
    found = read_last(last)
    this_region, _, this_year = _this_year(found, region, level, year)
    path = data_file_target(Path(path_out), this_region, this_year, force)  # a folder: <folder>/宜宾市2025.yaml
    text = skeleton_from_last(found, region=region, level=level, year=year)
    _validate(text, path)
    make_data_folder(path)  # -o 新文件夹: made only now, once last year's file was read
    atomic_write_text(path, text, force=force)

    return [path, *write_schema_beside(path)]


def _validate(text: str, path: Path) -> None:
    """The file we are about to write must load: a wrong guess is a bug, never the user's."""
    with tempfile.TemporaryDirectory() as tmp:
        probe = Path(tmp) / path.name
        probe.write_text(text, encoding="utf-8")
        load_report(probe)
