"""`drafter gather INPUT... -o DATA_DIR`: returned forms and department materials → YAML fragments.

Everything is read and checked first (bad files, conflicting figures); only then are the
fragments written, so a refusal leaves DATA_DIR as it was. A fragment edited by hand is kept as
it is (a note names it) and the others are still written. Every unreadable input
and every bad cell is listed in one refusal (as readers/validate do), not the first only. Fragment layout and
the stamp: see fragments.py; the forms contract: forms_in.py.
"""

from __future__ import annotations

import re
from decimal import Decimal
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..atomic import atomic_write_text
from ..datapath import format_path
from ..errors import DrafterError, display_path
from ..limits import MAX_FINDINGS_LISTED
from ..model.depts import department
from ..readers.fill import empty_entry
from .facts import Gathered, GFigure, GText
from .forms_in import check_paths, done_of, done_paths, read_form
from .fragments import existing_state, fragment_name, render
from .materials import Outline, names_matter, office_outline, read_material
from .sources import FORM_SUFFIXES, collect, read_checked, skipped_note
from .summary import (SourceRow, Summary, depts_in_data, earlier_forms, form_rows_of, forms_not_returned, missing_depts,
                      numbers_in, office_files)
from .years import earlier_year

__all__ = ["gather", "GatherResult"]


@dataclass
class GatherResult:
    written: list[Path] = field(default_factory=list)
    summary: Summary = field(default_factory=Summary)
    sources: list[Gathered] = field(default_factory=list)


def _read_material(path: Path, data: bytes, dept: str | None, outline: Outline | None = None) -> Gathered:
    """Harvest a .docx/.txt (its bytes already read and checked) through drafter.gather.materials,
    each paragraph's topic sought first among the office's (`outline`)."""
    # a file name naming its department (市人社局2023年工作总结.docx), then a signature or title,
    # win over --dept, which is for the files that name none: `gather 材料/ --dept 市住建局` must
    # not reassign the others
    material = read_material(path, fallback=dept, data=data, outline=outline)
    # 市人社局2023年工作总结.docx → 市人社局; 工作总结.docx with no signature → None, and the
    # summary asks for --dept (its stem is no department, and two such files would merge under it)
    who = material.dept
    out = Gathered(path, path.name, who, "material")
    for h in material.facts:
        out.texts.append(GText(h.text, h.part, h.topic, h.source, h.dept or who))
    out.problems = list(material.problems)
    return out


def _earlier_years(sources: list[Gathered], office: list) -> str | None:
    """Marks each line that names a year before its part's (years.earlier_year, against the
    office's meta.year) and returns the summary's note listing them; kept, not dropped: the
    office decides whether a 2023年 sentence belongs in the 2024 review."""
    year = next((f.data["meta"].get("year") for f in office if isinstance(f.data, dict)
                 and isinstance(f.data.get("meta"), dict) and isinstance(f.data["meta"].get("year"), int)), None)
    if year is None:  # no meta.year: nothing to compare with
        return None
    marked = []
    for g in sources:
        for t in g.texts:
            t.earlier = earlier_year(t.text, t.part, year)
            if t.earlier:
                marked.append(f"{t.source} “{t.text[:20]}{'…' if len(t.text) > 20 else ''}”")
    if not marked:
        return None
    shown = marked[:MAX_FINDINGS_LISTED] + ([f"另有 {len(marked) - MAX_FINDINGS_LISTED} 处"] if len(marked) > MAX_FINDINGS_LISTED else [])
    return (f"年份与本年不符：{'；'.join(shown)}（回顾写{year - 1}年、任务写{year}年；"
            "已写入片段并在这一句旁加了注释，请核实是否保留）")


_PART_NAMES = {"review": "回顾", "key_tasks": "重点工作"}


def _outline_of(office: list) -> Outline:
    """The topics the office's own files give their review sections and key-task areas
    (materials.office_outline: a part with fewer than two has none)."""
    topics: dict[str, list] = {"review": [], "key_tasks": []}
    for loaded in office:
        data = loaded.data if isinstance(loaded.data, dict) else {}
        for part, key in (("review", "sections"), ("key_tasks", "areas")):
            parent = data.get(part)
            items = parent.get(key) if isinstance(parent, dict) else None
            topics[part] += [it.get("topic") for it in items or [] if isinstance(it, dict)] \
                if isinstance(items, list) else []
    return office_outline(topics["review"], topics["key_tasks"])


def _outside_note(sources: list[Gathered], outline: Outline) -> str | None:
    """The summary's note on material lines whose topic the office's outline lacks (their
    paragraphs were far more likely of it): each such topic becomes a new section."""
    outside: dict[tuple[str, str], int] = {}
    for g in sources:
        if g.kind != "material":
            continue
        for t in g.texts:
            if t.part in outline and t.topic not in outline[t.part]:
                outside[(t.part, t.topic)] = outside.get((t.part, t.topic), 0) + 1
    if not outside:
        return None
    listed = "、".join(f"{_PART_NAMES[part]}·{topic} {n} 条" for (part, topic), n in outside.items())
    return (f"{sum(outside.values())} 条材料文字与办公室数据文件各方面的主题都不相近，按其本身的主题另起方面：{listed}"
            "（起草时排在办公室的方面之后；如应并入已有方面，请改片段中的 topic）")


def _all_refusals(refused: list[str]) -> str:
    """One message for every input that was refused: each problem on its own line (the first
    MAX_FINDINGS_LISTED), then how many problems in how many files."""
    lines = [line for message in refused for line in message.splitlines() if line.strip()]
    shown = lines[:MAX_FINDINGS_LISTED]
    if len(lines) > MAX_FINDINGS_LISTED:
        shown.append(f"另有 {len(lines) - MAX_FINDINGS_LISTED} 处未列出（只列前 {MAX_FINDINGS_LISTED} 处）")
    shown.append(f"共 {len(lines)} 处问题，涉及 {len(refused)} 个文件；请改正后重新汇总，未写入任何文件")
    return "\n".join(shown)


def _one_names(sources: list[Gathered], office: list, typed: str | None = None) -> str | None:
    """Name each department as forms and the confirm sheet do (统计局 → 市统计局: model/depts.py),
    at the level the office's files give; as typed when they give none. Returns the note saying
    so when --dept `typed` is written under another name (区应急局 → 区应急管理局)."""
    meta = next((f.data["meta"] for f in office if isinstance(f.data, dict) and isinstance(f.data.get("meta"), dict)
                 and f.data["meta"].get("level")), None)
    if meta is None:
        return None
    level, region = str(meta["level"]), str(meta.get("region") or "")
    said = department(typed, level, region) if typed else None
    used = typed is not None and any(g.kind == "material" and g.dept == typed for g in sources)
    for g in sources:
        g.dept = department(g.dept, level, region) if g.dept else g.dept
        for f in g.figures:
            f.dept = department(f.dept, level, region) if f.dept else f.dept
        for t in g.texts:
            t.dept = department(t.dept, level, region) if t.dept else t.dept
    if used and said != typed:
        return f"--dept {typed} 按部门的规范名称记作 {said}（报表、确认单与分工都用这个名称）"
    return None


def _key_name(name: str) -> str:
    return re.sub(r"[\s（）()]", "", name)


def _merge_duplicates(sources: list[Gathered]) -> dict[int, int]:
    """The same figure or line from two sources is kept once, in the first, with both sources;
    two different values of the same indicator, year and region are an error naming both cells.
    Returns how many items each source (by index) gave up as duplicates."""
    figures: dict[tuple, GFigure] = {}
    texts: dict[tuple[str, str], GText] = {}
    conflicts: list[str] = []
    dropped: dict[int, int] = {}
    for i, g in enumerate(sources):
        kept = []
        for f in g.figures:
            key = (_key_name(f.name), g.year, g.region)
            first = figures.get(key)
            if first is None:
                figures[key] = f
                kept.append(f)
                continue
            same = (first.value == f.value and first.growth == f.growth
                    and (not first.unit or not f.unit or first.unit == f.unit))
            if any(x is first for x in g.figures) and _agree(first, f):  # one form, one department: two entries, one number
                kept.append(f)
            elif same:
                first.also.append(f.source)
                dropped[i] = dropped.get(i, 0) + 1
            else:
                year = f"（{g.year}年）" if g.year else ""
                conflicts.append(
                    f"指标“{f.name}”{year}两处的数不一致：{first.where or first.source} 为 {_shown(first)}，"
                    f"{f.where or f.source} 为 {_shown(f)}；请与两个部门核实后只保留一个"
                )
        g.figures = kept
        kept_texts = []
        for t in g.texts:
            text_key = _text_key(t.text)
            first_text = texts.get((t.part, text_key))
            if first_text is None:
                texts[(t.part, text_key)] = t
                kept_texts.append(t)
            else:
                _merge_text(first_text, t)
                dropped[i] = dropped.get(i, 0) + 1
        g.texts = kept_texts
    if conflicts:
        raise DrafterError("\n".join(conflicts + [f"有 {len(conflicts)} 处数字冲突，未写入任何文件"]))
    for i, n in _merge_contained(sources).items():
        dropped[i] = dropped.get(i, 0) + n
    return dropped


def _text_key(text: str) -> str:
    return re.sub(r"[\s。；，、]+$", "", re.sub(r"\s+", "", text))


def _merge_text(kept: GText, other: GText) -> None:
    """`other` said again by `kept`: its sources go with it, and so does its department when
    `kept` names none (工作总结.docx beside 市商务局's: 65亿元 stays 市商务局's on the 核对表)."""
    kept.also += [other.source, *other.also]
    kept.dept = kept.dept or other.dept


def _holds(longer: str, key: str) -> bool:
    """`key` inside `longer`, not as part of a longer number (班列50列 in 班列150列)."""
    return key in longer and re.search(r"(?<![\d.])" + re.escape(key) + r"(?![\d.])", longer) is not None


def _merge_contained(sources: list[Gathered]) -> dict[int, int]:
    """A line whose text (and so its numbers) another line of the same part holds whole
    (开行中欧班列50列。 in 开行中欧班列50列、首次开通中亚班列。) is merged into it, keeping both
    sources. Returns how many lines each source gave up."""
    every = [(i, t, _text_key(t.text)) for i, g in enumerate(sources) for t in g.texts]
    gone: set[int] = set()
    dropped: dict[int, int] = {}
    for i, t, key in every:
        if len(key) < 6:  # a few characters are contained anywhere
            continue
        into = next((u for _, u, k in every if u is not t and id(u) not in gone and u.part == t.part
                     and len(k) > len(key) and _holds(k, key)), None)
        if into is not None:
            _merge_text(into, t)
            gone.add(id(t))
            dropped[i] = dropped.get(i, 0) + 1
    for g in sources:
        g.texts = [t for t in g.texts if id(t) not in gone]
    return dropped


_CLAUSE = re.compile(r"[^，,；;]+[，,；;]?")
# a sentence's time/place opening (2024年全市, 去年全区, 今年以来我县): said once for all its clauses
_OPENING = re.compile(r"(?:(?:20\d{2}|过去一|去|今)年(?:以来|全年|上半年|前三季度|1-\d{1,2}月)?|今年以来)?"
                      r"(?:全(?:市|区|县|州|旗|盟|省)|我(?:市|区|县|州|旗|盟))?")


def _opened(cut: str, first: str) -> str:
    """The first clause left after the sentence's first one was cut, given that clause's opening
    (2024年全市) unless it has one of its own: the sentence must not start 「工业企业技改投资…」."""
    opening, own = (m.group(0) if (m := _OPENING.match(x)) else "" for x in (cut.lstrip(), first))
    return first if not opening or own else opening + first


def _number(v) -> str:
    return format(Decimal(str(v)).normalize(), "f")


def _names(clause: str, name: str) -> bool:
    """The clause names the indicator: as names_matter does, or with the same characters in
    another order (新增城镇就业 for 城镇新增就业; four characters at least, so no chance match)."""
    if names_matter(clause, name):
        return True
    k = len(name)
    return k >= 4 and any(sorted(clause[i:i + k]) == sorted(name) for i in range(len(clause) - k + 1))


def _said(f: GFigure) -> list[re.Pattern]:
    """How a clause states the figure's own numbers: its value with its unit, and its growth after
    a word of growth (增长7.1% / 下降2.3%; 17.1% and 占比7.1% are not it)."""
    out = []
    if f.value is not None:
        out.append(re.compile(r"(?<![\d.])" + re.escape(f"{_number(f.value)}{f.unit or ''}")))
    if f.growth is not None:
        words = "增长|增速|增幅|同比增长|比上年增长|上升|提高" if f.growth >= 0 else "下降|减少|降低|回落"
        out.append(re.compile(rf"(?:{words})(?:为|达|达到)?{re.escape(_number(abs(f.growth)))}%"))
    return out


def _others_kept(clause: str, f: GFigure) -> bool:
    """The clause's numbers besides the figure's own (新增城镇就业6.1万人、占全区31.8%) are kept:
    said already by the figure's 备注, or made its note when it has none. False when they
    cannot be (the figure has other words): the clause is then not cut."""
    rest = [x.strip("，,；;。、") for x in re.split(r"、", clause) if not any(p.search(x) for p in _said(f))]
    rest = [x for x in rest if re.search(r"\d", x)]
    if not rest:
        return True
    if f.note:
        return all(x in f.note for x in rest)
    f.note = "，".join(rest)
    return True


def _drop_restated(sources: list[Gathered]) -> int:
    """A review sentence of a material or of a form's 主要工作和成效 line restating a figure a form
    gives (same number and unit, or the same growth after 增长 / 下降; the indicator named in the
    clause: 城镇新增就业7.2万人 typed in both) would print it twice: the form's figure stays, the clause goes and the rest of the
    sentence stays (a sentence with nothing left goes), and the figure is drafted where the
    sentence stood (its topic): the sentence must not lose its number to another section. A
    figure the office's file places (paths) cuts nothing. Returns the clauses cut."""
    # a growth-only row (规上工业增加值增长7.1%) cuts too: the figure is printed either way
    said = [(p, f) for g in sources for f in g.figures if f.fill is None and not f.paths for p in _said(f)]
    if not said:
        return 0
    cut = 0
    moved: set[int] = set()
    for g in sources:
        kept = []
        for t in g.texts:
            if t.part == "review":
                clauses = _CLAUSE.findall(t.text)
                left: list[str] = []
                first_kept = False
                for k, c in enumerate(clauses):
                    hit = next((f for n, f in said if n.search(c) and _names(c, _key_name(f.name))), None)
                    if hit is not None and not _others_kept(c, hit):
                        hit = None  # the clause's other numbers have nowhere to go: it stays whole
                    if hit is None:
                        first_kept = first_kept or k == 0
                        left.append(c)
                    elif id(hit) not in moved:  # the first sentence restating it places it
                        moved.add(id(hit))
                        hit.topic = t.topic
                if len(left) < len(clauses):
                    if left and not first_kept:  # the opening clause went: its opening stays
                        left[0] = _opened(clauses[0], left[0])
                    cut += len(clauses) - len(left)
                    rest = "".join(left).rstrip("，,；;")
                    if not re.search(r"[\u4e00-\u9fff]", rest):
                        continue
                    t.text = rest + ("。" if t.text.endswith(("。", ".")) and not rest.endswith(("。", ".")) else "")
            kept.append(t)
        g.texts = kept
    return cut


_PATH_PART = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


def _lookup(loaded, path: str):
    """(value, where) at a dotted data path such as review.headline[0].value in one office
    file; (None, None) when the file does not hold it."""
    node, parts = loaded.data, []
    for name, index in _PATH_PART.findall(path):
        part = int(index) if index else name
        parts.append(part)
        # two branches (noqa SIM114): each narrows part to the index type of its node for mypy
        if isinstance(part, int) and isinstance(node, list) and part < len(node):  # noqa: SIM114
            node = node[part]
        elif isinstance(part, str) and isinstance(node, dict) and part in node:
            node = node[part]
        else:
            return None, None
    pos = loaded.where(tuple(parts))
    return node, (f"{pos.file}:{pos.line}:{pos.column}" if pos else loaded.files[0])


def _listed(cells: list) -> str:
    shown = [f"{c.where} {c.name} {_number(c.value)}" for c in cells[:MAX_FINDINGS_LISTED]]
    return "；".join(shown) + (f"；另有 {len(cells) - MAX_FINDINGS_LISTED} 格" if len(cells) > MAX_FINDINGS_LISTED else "")


def _aside_notes(sources: list[Gathered], office: list) -> list[str]:
    """The summary's word on the 上年数 and 本年目标 cells the departments wrote: not drafted (the
    data has no 上年数; last year's targets are the office's), so named with why — the README's
    promise is that every value appears or the tool says why. A 本年目标 equal to the office's
    value at its 元数据 path is the form's own prefill and is not named."""
    last, targets = [], []
    for g in sources:
        for cell in g.aside:
            if cell.column == "上年数":
                last.append(cell)
                continue
            theirs = [v for v, w in (_lookup(o, cell.path) for o in office) if w is not None] if cell.path else []
            if not any(isinstance(v, (int, float, Decimal)) and not isinstance(v, bool)
                       and _number(v) == _number(cell.value) for v in theirs):
                targets.append(cell)
    notes = []
    if last:
        notes.append(f"上年数只供核对增长，不写入初稿（数据里没有上年数一项）：{len(last)} 格（{_listed(last)}）")
    if targets:
        notes.append(f"本年目标与办公室数据文件里的上年目标不同或没有对应的目标，未写入：{len(targets)} 格（{_listed(targets)}）；"
                     "上年的目标以办公室数据文件为准，如部门所填有据，请改数据文件中 review.checks 的目标")
    return notes


def _agree(a, b) -> bool:
    """Two figures of one form that say nothing different (a blank cell disagrees with nothing)."""
    return all(x is None or y is None or x == y for x, y in ((a.value, b.value), (a.growth, b.growth))) and (
        not a.unit or not b.unit or a.unit == b.unit or None in (a.value, b.value))


def _cell(f, column: str):
    """What the department gave in a column: 本年数 its value, 备注 its done, any other its growth."""
    return f.value if column == "本年数" else f.done if column == "备注" else f.growth


def _fill_of(f, paths: dict[str, str], name: str, words: bool = True) -> dict:
    """The `fill` item (drafter/readers/fill.py) of a figure whose office entry is empty: the
    entry's path (all `paths` are of one entry) and the cells the department filled, under the
    entry's own field names (value / growth, or a check's actual / actual2: 本年数 gives f.value,
    any other column f.growth). `name`: the entry's own (城镇和农村… for 城镇…'s actual).
    The 备注 words (approx, qualifier, rank, note) go with the figure's first entry only."""
    entry = next(iter(paths.values())).rpartition(".")[0]
    item: dict = {"entry": entry, "name": name}
    for column, path in paths.items():
        item[path.rpartition(".")[2]] = _cell(f, column)
    if "done" in item:  # a task the level above set: met or not, no number
        item.update(actual_status=f.status, actual_dept=f.dept)
    elif any(k.startswith("actual") for k in item):  # a last year's target
        item.update(actual_qualifier=f.qualifier, actual_status=f.status, actual_dept=f.dept)
        if words:  # the rank is the check's own (TargetCheck.rank), drafted as the department wrote it
            item["rank"] = f.rank
            item["note"] = "，".join(w for w in (f.approx, f.verb, f.note) if w) or None
    else:
        item.update(unit=f.unit if f.value is not None else None, status=f.status, dept=f.dept)
        if words:
            item.update(approx=f.approx, qualifier=f.qualifier, rank=f.rank, verb=f.verb, note=f.note)
    return {k: v for k, v in item.items() if v is not None and v != ""}


def _uncovered(f: GFigure, paths: dict[str, str]) -> GFigure | None:
    """The cells of a row that no data path of the office's takes (社会消费品零售总额's 本年数
    when only its growth answers a target) as a review figure of their own, or None: every
    filled cell must reach the data. The 备注 words stay with the entry that took them."""
    value = f.value if "本年数" not in paths else None
    growth = None if any(c != "本年数" and not c.startswith("备注") for c in paths) else f.growth
    if value is None and growth is None:
        return None
    where, source = f.where, f.source
    if value is None:  # the growth alone: its own cell (F) is named, not the 本年数's
        where, source = (re.sub(r"![A-Z]+(\d+)$", r"!F\1", w) for w in (f.where, f.source))
    return replace(f, value=value, growth=growth, unit=f.unit if value is not None else None, paths={}, fill=None,
                   also=[], approx="", qualifier="", rank=None, verb="", note=None, done=None, beside=False,
                   where=where, source=source)


_WORDS = ("approx", "qualifier", "actual_qualifier", "verb", "rank", "note")  # a fill item's 备注 fields


def _word_shown(key: str, v) -> str:
    if key == "rank" and isinstance(v, dict):
        return f"{v.get('of') or ''}居{v.get('scope') or ''}第{v.get('place')}"
    return str(v)


def _words_to_entry(f: GFigure, entry: str, entry_paths: dict[str, str], name: str, office: list,
                    refused: list[str]) -> dict | None:
    """The 备注 words of a row whose numbers the office's entry already holds: the number is not
    written twice, but the words (约, 以上, a rank, a note) are the department's and must not vanish.
    A field the entry leaves empty takes them (a fill item of words alone: fill.py fills empty
    fields); one the office wrote differently keeps the office's and the words go to `refused`."""
    item = _fill_of(f, entry_paths, name, True)
    cell = re.sub(r"![A-Z]+\d+$", f"!H{f.row}", f.where or f.source)  # 备注 is column H
    words: dict = {}
    for key in _WORDS:
        mine = item.get(key)
        if mine is None:
            continue
        found = [(v, w) for v, w in (_lookup(o, f"{entry}.{key}") for o in office) if w is not None and v not in (None, "")]
        if not found:
            words[key] = mine
        elif all(v != mine for v, _ in found):
            theirs, where = found[0]
            refused.append(f"{cell}：指标“{f.name}”的备注“{_word_shown(key, mine)}”未写入——{where} {entry}.{key} 已是"
                           f"“{_word_shown(key, theirs)}”，以办公室数据文件为准；如部门所写有据，请改数据文件")
    return {"entry": entry, "name": name, **words} if words else None


def _against_office(sources: list[Gathered], office: list,
                    unanswered: list[str] | None = None,
                    placed: list[str] | None = None) -> tuple[dict[int, int], list[str]]:
    """Pre-filled rows whose cells belong to a place in the office's files (元数据 paths), and
    rows a department added whose name is an empty entry of the office's review: a value the
    office already has is not written again; a different one is an error naming both places;
    an empty entry is filled (the fragment lists the figure under `fill`, not beside it).
    Returns (figures already in the data per source, the entries filled); a 已完成 / 未完成
    with no task of the office's to answer goes to `unanswered`; a cell no entry takes is kept as
    a review figure (_uncovered) and named in `placed`; the 备注 words of a row whose numbers the
    office holds reach its entry (_words_to_entry), and `unanswered` names them too."""
    unanswered = unanswered if unanswered is not None else []
    placed = placed if placed is not None else []  # cells no office entry takes, kept as review figures
    worded: list[str] = []  # 备注 words written into an entry whose number the office holds
    refused_words: list[str] = []  # 备注 words the office's entry already answers otherwise
    conflicts: list[str] = []
    in_data: dict[int, int] = {}
    filled: list[str] = []
    for i, g in enumerate(sources):
        kept = []
        tasked = {f.row for f in g.figures if f.beside and any(done_paths(o.data, f.name) for o in office)}
        for f in g.figures:
            if not f.beside and f.row not in tasked and done_of(f.note) is not None:
                # 已完成 on an ordinary figure's row is the status of its target, not text for the sentence
                target = f"；本年目标 {f.target}，是否完成由本年数与目标比较得出" if f.target is not None else ""
                cell = re.sub(r"![A-Z]+\d+$", f"!H{f.row}", f.where or f.source)  # 备注 is column H
                unanswered.append(f"{cell}：备注“{f.note}”是指标“{f.name}”的完成情况，不是文字，"
                                  f"未写入句子（这一行没有对应的上级下达任务{target}）")
                f.note = None
            paths = dict(f.paths)
            if not paths and (f.value is not None or f.growth is not None):  # a row the office may list empty
                at = next((p for p in (empty_entry(o.data, f.name, f.unit) for o in office) if p), None)
                if at is not None:
                    paths = {"本年数": _format(at + ("value",)), "增长(%)": _format(at + ("growth",))}
                if f.growth is not None:  # a growth target of the same indicator takes it as its actual
                    paths.update(next((p for p in (check_paths(o.data, f.name) for o in office) if p), {}))
            if not paths and f.done is not None:  # an added row answering a task the level above set
                paths = next((p for p in (done_paths(o.data, f.name) for o in office) if p), {})
            entries: dict[str, dict[str, str]] = {}  # a row's cells may belong to two entries (forms.SHARED_COLUMNS)
            for column, path in paths.items():
                entries.setdefault(path.rpartition(".")[0], {})[column] = path
            fills: list[dict] = []
            new = not entries
            for entry, entry_paths in entries.items():
                same, empty = True, False
                for column, path in entry_paths.items():
                    mine = _cell(f, column)
                    if mine is None:  # only the cells the department filled are compared
                        continue
                    found = [(v, w) for v, w in (_lookup(o, path) for o in office) if w is not None]
                    theirs = next(((v, w) for v, w in found if v is not None), None)
                    if not found:
                        same = False
                    elif theirs is None:
                        same, empty = False, True
                    elif theirs[0] != mine:
                        conflicts.append(f"指标“{f.name}”两处的数不一致：{f.where or f.source} 为 {mine}，{theirs[1]} {path} 为 {theirs[0]}；"
                                         "请与部门核实后只保留一个")
                if empty:
                    name = next((v for v, _ in (_lookup(o, entry + ".name") for o in office) if isinstance(v, str)), f.name)
                    fills.append(_fill_of(f, {c: p for c, p in entry_paths.items() if _cell(f, c) is not None},
                                          name, not fills))
                elif not same:
                    new = True
            rest = _uncovered(f, paths) if fills or not new else None
            if rest is not None:  # 社零's 本年数 beside a target that takes only its growth
                kept.append(rest)
                placed.append(f"{rest.where or rest.source} {rest.name} {_shown(rest)}")
            if fills:
                for n, fill in enumerate(fills):  # one figure per entry it fills
                    one = f if n == 0 else replace(f, fill=None)
                    one.fill = fill
                    filled.append(fill["entry"])
                    kept.append(one)
            elif new and f.done is None:
                kept.append(f)
            elif new and f.beside:  # no task to answer: the row's own figure keeps its 备注
                pass
            elif new:  # 已完成 with no task of the office's to answer: said, not dropped
                unanswered.append(f"{f.where or f.source}：备注“{'已完成' if f.done else '未完成'}”没有对应的"
                                  f"上级下达任务（{f.name}），未写入；请在回顾中用文字说明")
            else:
                in_data[i] = in_data.get(i, 0) + 1
                entry, entry_paths = next(iter(entries.items()))  # the words go with the first entry (_fill_of)
                name = next((v for v, _ in (_lookup(o, entry + ".name") for o in office) if isinstance(v, str)), f.name)
                words = None if f.beside else _words_to_entry(f, entry, entry_paths, name, office, refused_words)
                if words is not None:
                    kept.append(replace(f, fill=words))
                    worded.append(f"{re.sub(r'![A-Z]+[0-9]+$', f'!H{f.row}', f.where or f.source)} {name}："
                                  + "、".join(_word_shown(k, v) for k, v in words.items() if k in _WORDS))
        # the row's own figure no longer says 「完成节能减排任务」: the task it answered says it
        answered = {f.row for f in kept if f.beside and f.fill}
        for f in kept:
            if not f.beside and f.row in answered and done_of(f.note) is not None:
                f.note = None
        g.figures = kept
    if conflicts:
        raise DrafterError("\n".join(conflicts + [f"有 {len(conflicts)} 处数字与数据文件冲突，未写入任何文件"]))
    if worded:
        unanswered.append(f"{len(worded)} 处备注写入办公室数据文件中已有数字的同一指标（数字不重复写入，备注由片段的 fill 部分补上）："
                          + "；".join(worded[:MAX_FINDINGS_LISTED]) + ("……" if len(worded) > MAX_FINDINGS_LISTED else ""))
    unanswered.extend(refused_words)
    return in_data, filled


def _format(steps: tuple) -> str:
    return format_path(steps)


def _shown(f) -> str:
    parts = []
    if f.value is not None:
        parts.append(f"{f.value}{f.unit or ''}")
    if f.growth is not None:
        parts.append(f"增长 {f.growth}%")
    return "、".join(parts)


def gather(inputs: list[str | Path], data_dir: str | Path, force: bool = False, dept: str | None = None) -> GatherResult:
    data_dir = Path(data_dir)
    if data_dir.exists() and not data_dir.is_dir():
        raise DrafterError(f"{display_path(data_dir)} 不是文件夹：-o 应为数据文件夹（与 init 写的数据文件放在一起）")
    if not data_dir.exists() and not data_dir.parent.is_dir():
        raise DrafterError(f"输出文件夹的上级不存在：{display_path(data_dir.parent)}，请先创建")
    result = GatherResult()
    notes: list[str] = []
    refused: list[str] = []  # every input's refusal, one line per problem
    skipped: list[str] = []  # files of a folder gather cannot read (说明.pdf)
    # the office's own files first: their sections' topics are where the materials' facts go
    office = office_files(data_dir)
    outline = _outline_of(office)
    for path in collect([Path(p) for p in inputs], skipped):
        shown = display_path(path)
        try:
            data = read_checked(path)
            form = path.suffix.lower() in FORM_SUFFIXES
            result.sources.append(read_form(path, data, shown) if form else _read_material(path, data, dept, outline))
        except DrafterError as e:
            refused.append(e.message)
    if refused:
        raise DrafterError(_all_refusals(refused))
    notes.extend(skipped_note(s) for s in skipped)
    sources = result.sources
    if renamed := _one_names(sources, office, dept):
        notes.append(renamed)
    expected = depts_in_data(office) | {d for g in sources for d in g.depts_listed}
    missing = missing_depts(expected, sources, depts_in_data(office_files(data_dir, fragments=True)))
    no_form = forms_not_returned(form_rows_of(office), sources, missing, earlier_forms(data_dir))
    counts = [(numbers_in(g), len(g.texts)) for g in sources]  # a material's numbers are in its lines
    dropped = _merge_duplicates(sources)
    if restated := _drop_restated(sources):
        notes.append(f"{restated} 处材料中的数字与报表填写的同一指标相同，材料中的这一分句已删去（报表的数字写入初稿）")
    placed: list[str] = []
    in_data, filled = _against_office(sources, office, notes, placed)
    if placed:
        notes.append(f"{len(placed)} 个数字在办公室数据文件里没有对应的位置（如该指标只有增长目标），"
                     f"作为回顾的数字写入片段：{'；'.join(placed[:MAX_FINDINGS_LISTED])}"
                     + ("……" if len(placed) > MAX_FINDINGS_LISTED else ""))
    notes.extend(_aside_notes(sources, office))
    if stale := _earlier_years(sources, office):
        notes.append(stale)
    if outside := _outside_note(sources, outline):
        notes.append(outside)
    if filled:
        notes.append(
            f"{len(filled)} 个数字填入办公室数据文件中留空的指标（"
            + "、".join(filled[:5]) + ("……" if len(filled) > 5 else "")
            + "）：片段的 fill 部分在起草时写进这些空项，不另列一条"
        )

    taken: set[str] = set()
    plan: list[tuple[Gathered, Path | None, str | None, str]] = []
    for g in sources:
        text = render(g)
        name = fragment_name(g.path, taken)
        target = data_dir / name
        if text is None:
            plan.append((g, None, None, "无内容"))
            continue
        state = existing_state(target, text).state
        if state == "edited" and not force:
            # the office's edit is kept and the other sources are still written: one edited
            # fragment must not hold back every department's update
            notes.append(f"{display_path(target)}：这个片段已被手工修改（或不是 gather 写的），保留原样，"
                         f"未用 {g.shown} 的新内容更新；如要更新，请把修改移到办公室自己的数据文件后删除它，或加 --force 覆盖")
            plan.append((g, target, None, "保留（已手工修改）"))
            continue
        action = {"new": "新写", "same": "未变", "ours": "更新", "edited": "覆盖（--force）"}[state]
        plan.append((g, target, text, action))
    data_dir.mkdir(exist_ok=True)
    for i, (g, fragment, fragment_text, action) in enumerate(plan):
        if fragment is not None and fragment_text is not None and action != "未变":  # a kept one has no text
            atomic_write_text(fragment, fragment_text, force=True)
            result.written.append(fragment)
        result.summary.rows.append(SourceRow(
            source=g.shown, dept=g.dept, kind="报表" if g.kind == "form" else "材料",
            figures=counts[i][0], facts=counts[i][1], blank_rows=g.blank_rows,
            fragment=fragment.name if fragment is not None else None, action=action,
            duplicates=dropped.get(i, 0) + in_data.get(i, 0), problems=len(g.problems),
        ))
    result.summary.missing = missing
    result.summary.no_form = no_form
    result.summary.notes = notes
    return result
