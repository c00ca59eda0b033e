"""What came from where: facts and figures per source and department, and who sent nothing.

The departments expected are those named in the office's own data files (dept, actual_dept,
lead_depts, coop_depts), those `drafter forms` made a form for from the default catalogue of
the data's level (office/catalogue.py: 市教育局 gets a form although the data never names it),
and those in the forms' metadata; a department counts as returned when some source of it gave
at least one figure or fact. Names match loosely (区统计局 = 统计局)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import DrafterError
from ..model.depts import MERGED, bare_department, department, merged_parts
from ..office.catalogue import catalogue_for
from ..readers.yaml_data import data_files, load_yaml_file
from .facts import Gathered

_DEPT_KEYS = ("dept", "actual_dept")
_DEPT_LIST_KEYS = ("lead_depts", "coop_depts")


@dataclass
class SourceRow:
    source: str
    dept: str | None
    kind: str  # 报表 / 材料
    figures: int
    facts: int
    blank_rows: int
    fragment: str | None  # file name written (None: nothing to write)
    action: str  # 新写 / 更新 / 未变 / 覆盖（--force） / 无内容
    duplicates: int = 0
    problems: int = 0  # a material's 存在的问题 items: not drafted, offered as the fragment's comments


@dataclass
class Summary:
    rows: list[SourceRow] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # departments expected that sent nothing
    no_form: list[str] = field(default_factory=list)  # sent something, not their form: 「市工信局（新增规上工业企业、…）」
    notes: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        out = ["来源 | 部门 | 类型 | 数字 | 文字 | 未填行 | 片段 | 处理"]
        for r in self.rows:
            frag = r.fragment or "—"
            dup = f"（{r.duplicates} 项与他处相同，已并入）" if r.duplicates else ""
            out.append(f"{r.source} | {r.dept or '—'} | {r.kind} | {r.figures} | {r.facts} | {r.blank_rows} | {frag} | {r.action}{dup}")
        figures = sum(r.figures for r in self.rows)
        facts = sum(r.facts for r in self.rows)
        out.append(f"合计：{len(self.rows)} 个来源，{figures} 个数字，{facts} 条文字")
        if self.missing:
            out.append(f"尚未报送的部门（{len(self.missing)} 个）：{'、'.join(self.missing)}")
        elif not self.no_form:
            out.append("数据中列出的部门都已报送")
        if self.no_form:  # their materials are in, the rows their forms list are not
            out.append(f"已交材料、未交报表的部门（{len(self.no_form)} 个）：{'、'.join(self.no_form)}；"
                       "这些报表所列的指标仍未报送，请催报或由办公室在数据文件中补填")
        nameless = [r.source for r in self.rows if r.kind == "材料" and not r.dept]
        if nameless:  # a file name, signature and title that name no organ: its facts have no department
            out.append(f"未注明部门：{'、'.join(nameless)}，请用 --dept 指定")
        for r in self.rows:  # what a material gave that is not drafted is said, never silently dropped
            if r.problems:
                out.append(f"{r.source}：{r.problems} 条“存在的问题”未写入初稿（列在片段的注释中；要写进报告的，移到 review: problems: 下）")
            if r.kind == "材料" and not r.figures and not r.facts and not r.problems:
                out.append(f"{r.source}：没有取得任何数字或文字（只有标题、署名或套话？），请检查这份材料")
        out += self.notes
        return out


def same_dept(a: str, b: str) -> bool:
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    return len(short) >= 2 and long.endswith(short)


def office_files(data_dir: Path, fragments: bool = False) -> list:
    """The office's own YAML files in DATA_DIR (or, with `fragments`, gather's stamped ones),
    loaded with positions. A file that does not read is left to `drafter validate` to report."""
    found: list = []
    for p in sorted(data_files(data_dir)):
        if not p.is_file():
            continue
        try:
            with p.open("rb") as f:
                if f.readline().startswith(b"# drafter gather sha256:") != fragments:
                    continue
            found.append(load_yaml_file(p))
        except (DrafterError, OSError):
            continue
    return found


def depts_in_data(files: list) -> set[str]:
    """Departments named in the office's files (dept, actual_dept, lead_depts, coop_depts) and,
    for a file that gives meta.level, those the catalogue sends a form to at that level."""
    found: set[str] = set()
    for loaded in files:
        _walk(loaded.data, found)
    for loaded in files:
        meta = loaded.data.get("meta") if isinstance(loaded.data, dict) else None
        if isinstance(meta, dict) and meta.get("level"):
            level, region = str(meta["level"]), str(meta.get("region") or "")
            # named as the forms name them: 区城市管理执法局 returns 区城管执法局.xlsx (H94)
            found = {department(d, level, region) for d in found}
            found |= set(catalogue_for(level, merged_parts(found, level)))
    return found


def numbers_in(g: Gathered) -> int:
    """The numbers a source gave: its figures' filled cells and the Arabic numbers in its lines (each one a
    figure the confirm sheet tracks: checks/paths.figures_in_text, years and road numbers left out)."""
    from ..checks.paths import figures_in_text

    cells = sum((f.value is not None) + (f.growth is not None) for f in g.figures)  # 本年数 and 增长 are two numbers
    return cells + sum(len(figures_in_text(t.text)) for t in g.texts)


def _walk(node, found: set[str]) -> None:
    if isinstance(node, dict):
        for k, v in node.items():
            if k in _DEPT_KEYS and isinstance(v, str) and v.strip():
                found.add(v.strip())
            elif k in _DEPT_LIST_KEYS and isinstance(v, list):
                found.update(x.strip() for x in v if isinstance(x, str) and x.strip())
            else:
                _walk(v, found)
    elif isinstance(node, list):
        for v in node:
            _walk(v, found)


def missing_depts(expected: set[str], sources: list[Gathered], earlier: set[str] | frozenset[str] = frozenset()) -> list[str]:
    """`earlier`: departments in fragments an earlier gather wrote (their forms need not be given again)."""
    returned = {g.dept for g in sources if g.dept and (g.figures or g.texts)} | set(earlier)
    returned |= {f.dept for g in sources for f in g.figures if f.dept}
    returned |= {t.dept for g in sources for t in g.texts if t.dept}
    # a merged bureau answers for its parts: 区文旅体局's material is 区文旅局's form's answer
    returned |= {part for r in returned for part in MERGED.get(bare_department(r), ())}
    missing = sorted(d for d in expected if not any(same_dept(d, r) for r in returned))
    # 人社局 and 区人社局 are one department: name it once, by its longer name
    return [d for d in missing if not any(o != d and len(o) > len(d) and same_dept(d, o) for o in missing)]


def form_rows_of(files: list) -> dict[str, list[str]]:
    """{department: the names of the rows its form lists} as `drafter forms` makes them, near
    enough to say whose form is missing: the entries the office's files give a name and a
    department (dept / actual_dept), then the catalogue's indicators at the data's level."""
    rows: dict[str, list[str]] = {}
    level = region = None
    for loaded in files:
        meta = loaded.data.get("meta") if isinstance(loaded.data, dict) else None
        if isinstance(meta, dict) and meta.get("level"):
            level, region = str(meta["level"]), str(meta.get("region") or "")
        _named_rows(loaded.data, rows)
    if level is None:  # no level: departments are not named as the forms name them
        return rows
    out: dict[str, list[str]] = {}
    for d, names in rows.items():
        out.setdefault(department(d, level, region), []).extend(n for n in names if n not in out.get(d, []))
    for d, items in catalogue_for(level, merged_parts(set(out), level)).items():
        out.setdefault(d, []).extend(i.name for i in items if i.name not in out.get(d, []))
    return {d: names for d, names in out.items() if names}


def _named_rows(node, rows: dict[str, list[str]]) -> None:
    if isinstance(node, dict):
        name = node.get("name")
        who = next((node[k] for k in _DEPT_KEYS if isinstance(node.get(k), str) and node[k].strip()), None)
        if isinstance(name, str) and name.strip() and who:
            listed = rows.setdefault(who.strip(), [])
            if name.strip() not in listed:
                listed.append(name.strip())
        for v in node.values():
            _named_rows(v, rows)
    elif isinstance(node, list):
        for v in node:
            _named_rows(v, rows)


_FORM_FRAGMENT = re.compile(r"^# 由 drafter gather 汇总自 .+\.xlsx（(.+)），")


def earlier_forms(data_dir: Path) -> set[str]:
    """Departments whose form an earlier gather wrote a fragment of (its second line names it)."""
    found: set[str] = set()
    for p in sorted(data_files(data_dir)):
        try:
            with p.open("rb") as f:
                if not f.readline().startswith(b"# drafter gather sha256:"):
                    continue
                m = _FORM_FRAGMENT.match(f.readline().decode("utf-8", "replace").strip())
        except OSError:
            continue
        if m:
            found.add(m.group(1))
    return found


def forms_not_returned(rows: dict[str, list[str]], sources: list[Gathered], missing: list[str],
                       earlier: set[str]) -> list[str]:
    """The departments of `rows` that sent something (they are not in `missing`) but no form, in
    this run or an earlier one: 「市工信局（新增规上工业企业、…）」, three row names each."""
    returned = {g.dept for g in sources if g.kind == "form" and g.dept} | earlier
    returned |= {part for r in returned for part in MERGED.get(bare_department(r), ())}
    out = []
    for d, names in sorted(rows.items()):
        if any(same_dept(d, r) for r in returned) or any(same_dept(d, m) for m in missing):
            continue
        out.append(f"{d}（{'、'.join(names[:3])}{'等 %d 项' % len(names) if len(names) > 3 else ''}）")
    return out
