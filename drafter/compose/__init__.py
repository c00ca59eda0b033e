"""The composer: a region's data + templates (+ phrase bank) → the document tree.

Each part of the report has its own Jinja2 template under templates/; an office overrides
single parts with `--templates DIR`. Templates only word the text: structure comes from their
tags (see builder.py), numbering from the numbering pass, numbers from the data.
"""

from __future__ import annotations

import hashlib
import os
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from jinja2 import ChoiceLoader, FileSystemBytecodeCache
from pydantic import BaseModel

from ..errors import DrafterError, display_path
from ..model import Report
from ..model.tasks import TaskItem
from ..phrases.bank import Bank, default_bank
from ..phrases.picker import Picker
from ..phrases.slots import level_values
from ..phrases.suggest import ITEM_BREAK, PARA_BREAK, Suggester
from ..phrases.text_rules import DEPT_MARK
from ..resources import templates_dir
from ..tree import Document, Properties, Run, Source
from . import figures as fig
from .aggregate import is_topic
from .builder import Builder, StructureExtension
from .numbering import number, task_marker
from .numbers import cn_count, cn_number
from .sandbox import ReportEnvironment, TemplateLoader, explain, guard_helpers
from .values import Data, DataStr, Derived, Missing, Runs, model_of, placeholder
from .words import Words, closing_spirits, default_thanks, first_fitting, period_position, phrase_fits

# The parts of a report, in order; each is one template file.
PART_TEMPLATES: tuple[str, ...] = (
    "header.j2",
    "opening.j2",
    "review.j2",
    "targets.j2",
    "key_tasks.j2",
    "self_building.j2",
    "closing.j2",
    "appendix.j2",
)


class Chooser:
    """Deterministic choice among wordings, seeded by --seed and the place in the document."""

    def __init__(self, seed: int):
        self.seed = seed

    def __call__(self, key: str, options: Sequence[str]) -> Any:
        if not options:
            return ""
        digest = hashlib.sha256(f"{self.seed}\x00{key}".encode()).digest()
        choice = options[int.from_bytes(digest[:8], "big") % len(options)]
        return Derived(choice, f"choose:{key}") if isinstance(choice, str) else choice


def _bytecode_cache():
    """Compiled templates cached per user (keyed by each template's checksum), so a draft does
    not recompile them every run. A cache only: output never depends on it; if the folder
    cannot be written, templates are simply compiled each time."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    folder = os.path.join(base, "drafter", "jinja")
    try:
        os.makedirs(folder, exist_ok=True)
    except OSError:
        return None
    # The tag names the sandbox's compile pass: code cached by an older drafter (without the
    # guards it inserts) must never be loaded.
    pattern = f"__drafter_{COMPILE_TAG}_%s.cache"
    return FileSystemBytecodeCache(folder, pattern) if os.access(folder, os.W_OK) else None


COMPILE_TAG = "sandbox3"


def make_environment(user_templates: Path | None = None) -> ReportEnvironment:
    loaders = []
    if user_templates is not None:
        if not user_templates.is_dir():
            raise DrafterError(f"模板目录不存在：{display_path(user_templates)}")
        loaders.append(TemplateLoader(str(user_templates)))
    loaders.append(TemplateLoader(str(templates_dir())))
    env = ReportEnvironment(
        loader=ChoiceLoader(loaders),
        extensions=[StructureExtension],
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
        bytecode_cache=_bytecode_cache(),
    )
    # `x is missing`: the office left the field out (use the default wording); an empty
    # string written on purpose means "no such sentence".
    env.tests["missing"] = lambda v: isinstance(v, Missing)
    return env


def _date_cn(report: Report) -> Any:
    d = report.meta.date
    if d is None:
        return Missing("meta.date", "会议日期")
    return DataStr(f"{d.year}年{d.month}月{d.day}日", "meta.date")


# Which field of the data each derived word comes from when the office wrote it, so a value
# used only through a derived word still counts as used (checks/unused.py).
_WORD_FIELDS = {
    "speaker_title": "speaker_title", "leadership": "leadership", "name": "name", "place": "place",
    "short_name": "short_name", "period": "plan_period",
}


def _word_source(word: str, report: Report) -> str:
    meta = report.meta
    own = _WORD_FIELDS.get(word)
    if own and getattr(meta, own, None):
        return f"meta.{own}"
    if word in ("speaker_title", "name", "place", "short_name"):
        return "meta.region"
    if word == "period":
        return "meta.year"
    if word == "leadership" and meta.parent:
        return "meta.parent"
    if word in ("gov", "gov_short") and getattr(meta, "government", None):
        return "meta.government"
    return "meta.level"


def _headings(report: Report, w: Words) -> dict[str, Any]:
    h = report.structure.headings
    year, review_year = report.meta.year, report.review_year
    separate = report.structure.targets_part == "separate"

    def pick(value: str | None, path: str, default: str) -> Any:
        return DataStr(value, path) if value else Derived(default, "meta.year")

    return {
        "review": pick(h.review, "structure.headings.review", f"{review_year}年工作回顾"),
        "targets": pick(
            h.targets if separate else h.key_tasks,
            "structure.headings." + ("targets" if separate else "key_tasks"),
            f"{year}年工作的总体要求和预期目标" if separate else f"{year}年工作安排",
        ),
        "key_tasks": pick(h.key_tasks, "structure.headings.key_tasks", f"{year}年重点工作"),
        "self_building": pick(
            report.self_building.title, "self_building.title", "加强政府自身建设"
        ),
    }


# Fields that say how to word a value, not what it is about: their values (核实, number_first,
# 亿元, the 。 of `end`) are not the office's words and matched phrases of other subjects.
_WORDING = frozenset({"form", "status", "approx", "qualifier", "end", "unit", "growth_verb", "deadline"})
# Fields naming who reports or leads, not what is done: marked (text_rules.DEPT_MARK) so a lead its
# measures never speak to is refused even where a department does (州教育和体育局 under 城镇新增就业, H111).
_DEPTS = frozenset({"dept", "lead_depts", "coop_depts", "actual_dept"})


def _dept_text(obj: Any) -> str:
    t = _text_of(obj)
    return DEPT_MARK + t + DEPT_MARK if t else ""


def _text_of(obj: Any) -> str:
    """All the office's text under a data object, for choosing a heading or lead by what it says."""
    if isinstance(obj, Data):
        obj = model_of(obj)
    if isinstance(obj, str):
        return obj
    if isinstance(obj, BaseModel):
        return "".join((_dept_text if k in _DEPTS else _text_of)(getattr(obj, k))
                       for k in type(obj).model_fields if k not in _WORDING)
    if isinstance(obj, list):  # facts and measures stay apart, so the chooser finds the first
        if obj and isinstance(obj[0], TaskItem):  # an area's paragraphs
            return PARA_BREAK.join(t for t in map(_text_of, obj) if t)
        return _facts_text(obj)
    return ""


# A review section's facts are one list. Where the office marks three or more sub-topics with a
# statement of their own (工业经济稳中有进, 现代农业提质增效, 第三产业繁荣发展), each starts a paragraph
# for the chooser, so a heading must speak for most of them (phrases/text_rules.narrow): 金台's
# economy section was headed 「项目建设提速增效」 from its projects.
SUBTOPICS_MIN = 3


def _facts_text(facts: list) -> str:
    starts = {i for i, f in enumerate(facts) if isinstance(f, str) and is_topic(f)}
    split = len(starts) >= SUBTOPICS_MIN
    out: list[str] = []
    for i, f in enumerate(facts):
        t = _text_of(f)
        if t:
            if out:
                out.append(PARA_BREAK if split and i in starts else ITEM_BREAK)
            out.append(t)
    return "".join(out)


def _slot_values(report: Report, w: Words) -> dict[str, str]:
    values = level_values(w.unit)
    values.update(
        {
            "地区": w.place,
            "本级人民": w.people,  # 全州各族人民 of a 州, 全市各族人民 in 新疆 (else as level_values: 全市人民)
            "地区全称": w.name,
            "本级政府": w.gov,
            "简称": w.short_name,
            "上级领导": w.leadership,
            "年": str(report.meta.year),
            "上年": str(report.review_year),
            "规划": w.period,
        }
    )
    return values


def context(report: Report, seed: int, bank: Bank | None = None) -> dict[str, Any]:
    w = Words.of(report.meta)
    picker = Picker(bank if bank is not None else default_bank(), seed, _slot_values(report, w), report.meta.province)

    def phrase(slot: str, key: str | None = None, sections: int | None = None, **test: str) -> Runs:
        """A mined formula right for this place; `need` / `without` / `not_start` see phrase_fits."""
        extra = {"方面数": cn_count(int(sections))} if sections is not None else {}
        fits = lambda text: phrase_fits(text, w, report.meta.province, **test)  # noqa: E731
        return first_fitting(lambda k: picker.formula(slot, k, **extra), key or slot, fits)

    suggester = Suggester(picker.bank, seed, province=report.meta.province, level=report.meta.level,
                          own_reports=picker.bank.reports_of(report.meta.region, report.meta.year))

    def suggest(kind: str, slot: str | None, about: Any, key: str, within: Any = None, apart: bool = False) -> Runs:
        """A mined heading/lead for a section the office left untitled, chosen by what the
        section's own facts say (phrases/suggest.py), a lead also by the theme of the area
        `within` it stands; nothing when nothing fits, so the template leaves its placeholder.
        `apart`: a lead standing beside one short measure, which must not restate it."""
        entry = suggester.choose(kind, slot, _text_of(about), key, _text_of(within) if within is not None else "",
                                 apart=apart)
        return Runs([Run(entry.text, Source("suggestion", entry.id))]) if entry else Runs([])

    words = {k: Derived(v, _word_source(k, report)) for k, v in vars(w).items()}
    r = Data(report)
    thanks_to = report.review.thanks.to
    return guard_helpers({
        "r": r,
        "w": words,
        "year": Derived(str(report.meta.year), "meta.year"),
        "review_year": Derived(str(report.review_year), "meta.year"),
        "period_position": Derived(period_position(report.meta.year), "meta.year"),
        "date_cn": _date_cn(report),
        "headings": _headings(report, w),
        "separate_targets": report.structure.targets_part == "separate",
        "numbered": report.structure.numbered,
        "task_marker": task_marker(report.structure),
        "spirits": closing_spirits(report.meta.province),
        "thanks_to": r.review.thanks.to if thanks_to else [
            Derived(t, "words.thanks") for t in default_thanks(w)
        ],
        # helpers
        **fig.helpers(report, seed, picker.bank),  # figure, facts, headline, target(s), checks
        "joined": fig.joined,
        "enumerated": fig.enumerated,
        "cn": lambda n: Derived(cn_number(int(n)), "count"),
        "count": lambda n: Derived(cn_count(int(n)), "count"),
        "choose": Chooser(seed),
        # hole(path, label, text): a stand-in the office typed (高平's speaker 「×××」) kept as its text
        "hole": lambda path, label, text=None: Runs([Run(str(text), Source("placeholder", path)) if text else placeholder(path, label)]),
        "phrase": phrase,
        "suggest": suggest,
        "derived": lambda text, ref="": Derived(str(text), ref),
    }, _bank_name(bank))


# Environments kept per thread and template folder, so that drafting again in one process (a
# batch, a server) does not load and check every template again; Jinja reloads a template whose
# file changed. The sandbox's budgets count per draft: reset before each.
_ENVIRONMENTS = threading.local()
MAX_ENVIRONMENTS = 8  # template folders kept per thread


def _environment(templates: Path | None) -> ReportEnvironment:
    if templates is not None and not templates.is_dir():
        raise DrafterError(f"模板目录不存在：{display_path(templates)}")
    kept = getattr(_ENVIRONMENTS, "by_folder", None)
    if kept is None:
        kept = _ENVIRONMENTS.by_folder = {}
    # the folder's file names are in the key: a template added to or removed from the office's
    # folder changes which file Jinja reads, and only an edit to a file already read is noticed
    try:
        key = (os.path.abspath(templates), tuple(sorted(os.listdir(templates)))) if templates is not None else None
    except OSError:  # an unreadable folder: its own message comes from the loader, uncached
        return make_environment(templates)
    env = kept.get(key)
    if env is None:
        if len(kept) >= MAX_ENVIRONMENTS:
            kept.clear()
        env = kept[key] = make_environment(templates)
    env.loops = env.calls = env.depth = 0
    return env


def _bank_name(bank: Bank | None) -> str:
    path = getattr(bank, "path", None)
    return f"短语库 {display_path(path)}" if path else ("自带短语库" if bank is None else "短语库")


def compose(
    report: Report, seed: int = 0, templates: Path | None = None, bank: Bank | None = None
) -> Document:
    """Build the document tree for `report`, drawing wording from the phrase bank (the shipped
    one unless `bank` is given). Template mistakes raise DrafterError in Chinese."""
    env = _environment(templates)
    builder = Builder()
    env.drafter_builder = builder  # type: ignore[attr-defined]  # our attribute on the Jinja environment, read by the tags
    ctx = context(report, seed, bank)
    for name in PART_TEMPLATES:
        try:
            env.get_template(name).render(ctx)
        except DrafterError:
            raise
        except Exception as e:  # noqa: BLE001 - every fault of a template is the user's: named in Chinese
            raise DrafterError(explain(e, name, templates)) from None
    doc = builder.doc
    doc.parts = [p for p in doc.parts if p.blocks or p.heading]
    number(doc, report.structure)
    meta = report.meta
    doc.properties = Properties(
        title=f"{meta.region}{meta.year}年{meta.title}",
        subject=meta.title,
        author=f"{meta.region}人民政府",
        keywords=f"{meta.region}；{meta.title}；{meta.year}",
        comments="drafter 生成的初稿",
        created=meta.date,
    )
    return doc


__all__ = ["compose", "context", "make_environment", "PART_TEMPLATES", "Chooser", "Source"]
