"""This year's review of last year's targets (review.checks) against what last year's report
actually set (its targets.indicators).

LAST is last year's data file (.yaml or data folder): its targets are read directly. LAST as
a report (.docx / .txt) needs target extraction from prose; that is the parser's job
(drafter/parse/targets_text.py): `find_targets(parse_report(LAST))` when it offers it, else
`parse_targets(text)` on the paragraph holding 「主要预期目标是：」. Without that module the
comparison is skipped with a 提示.

Targets are paired by name (whitespace and quotes ignored; else one name containing the
other, 一般公共预算收入 ~ 一般公共预算收入同口径). A paired target whose value (or second
value) differs is an 错误 — the review would judge against a target that was never set; a
different qualifier (左右 / 以上 …) is a 提示; so are targets found on one side only.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

from ..compose.numbers import format_number
from ..errors import DrafterError, display_path
from ..model import LevelWords, Report, Target, level_words
from ..parse import parse_report, read_lines
from ..readers import load_report
from ..readers.yaml_data import DATA_SUFFIXES as _DATA_SUFFIXES
from .findings import ERROR, HINT, PREVIOUS, Finding
from .targets_table import target_text

_REPORT_SUFFIXES = (".docx", ".txt", ".md")


def _norm(name: str) -> str:
    return re.sub(r"[\s“”\"'‘’]", "", name or "")


def _get(t: Any, key: str) -> Any:
    return t.get(key) if isinstance(t, dict) else getattr(t, key, None)


def _num(v: Any) -> Decimal | None:
    if v is None or isinstance(v, bool):
        return None
    try:
        return Decimal(format_number(v)) if not isinstance(v, str) else Decimal(v)
    # InvalidOperation ("5.5%"), OverflowError (inf) are ArithmeticErrors; ValueError (nan),
    # TypeError (a list where a number belongs)
    except (ArithmeticError, ValueError, TypeError):
        return None


def _shown(t: Any, level: str | LevelWords) -> str:
    if isinstance(t, Target):
        return target_text(t, level)
    vals = [format_number(v) for v in (_get(t, "value"), _get(t, "value2")) if _num(v) is not None]
    return "、".join(vals) + (_get(t, "unit") or "") + (_get(t, "qualifier") or "") if vals else "（无数值）"


def _qualifier(t: Any) -> str:
    """控制在3%以内 is written kind control with qualifier "", 以内 or 控制在以内: one meaning."""
    q = _get(t, "qualifier") or ""
    if _get(t, "kind") == "control" and q in ("", "以内", "控制在以内"):
        return "以内"
    return q


_MARKER = re.compile(r"(?:预期|主要|奋斗|发展)目标(?:是|为)[：:]")


def _parser_targets(path: Path) -> list[Any] | None:
    """Targets read from last year's report by the parser, if the parser offers that yet."""
    if importlib.util.find_spec("drafter.parse.targets_text") is None:
        return None
    module = importlib.import_module("drafter.parse.targets_text")
    find_targets = getattr(module, "find_targets", None)
    if find_targets is not None:
        return list(find_targets(parse_report(path)))
    parse_targets = getattr(module, "parse_targets", None)
    if parse_targets is None:
        return None

    # Only the targets passage: the whole report would read every 新建…个 as a target.
    for line in read_lines(path):
        m = _MARKER.search(line)
        if m:
            return list(parse_targets(line[m.end():]))
    return []


def _pair(name: str, targets: list[Any], used: set[int]) -> int | None:
    key = _norm(name)
    for i, t in enumerate(targets):
        if i not in used and _norm(_get(t, "name")) == key:
            return i
    for i, t in enumerate(targets):
        other = _norm(_get(t, "name"))
        if i not in used and other and (other in key or key in other):
            return i
    return None


def check_previous(report: Report, previous: str | Path) -> list[Finding]:
    path = Path(previous)
    shown = display_path(path)
    if not os.path.lexists(path):  # a symlink loop "exists": the reader names the loop
        raise DrafterError(f"找不到上年文件 {shown}")
    out: list[Finding] = []
    if path.is_dir() or path.suffix.lower() in _DATA_SUFFIXES:
        last = load_report(path)
        if last.meta.year != report.meta.year - 1:
            out.append(Finding(PREVIOUS, "年度", HINT,
                               f"上年数据文件 {shown} 的年度是{last.meta.year}年，本报告是{report.meta.year}年，应为{report.meta.year - 1}年"))
        targets: list[Any] = list(last.targets.indicators)
        where = "上年数据"
    elif path.suffix.lower() in _REPORT_SUFFIXES:
        parsed = _parser_targets(path)
        if parsed is None:
            return [Finding(PREVIOUS, "暂未对照", HINT,
                            f"{shown} 是上年报告全文：从报告文字中提取预期目标将由解析器提供（drafter/parse/targets_text.py），"
                            "本次跳过与上年目标的对照；如有上年数据文件（.yaml），可用它对照")]
        if not parsed:
            return [Finding(PREVIOUS, "暂未对照", HINT, f"{shown} 中没有找到“主要预期目标是：”一段，无法与上年目标对照")]
        targets = parsed
        where = "上年报告"
    else:
        raise DrafterError(f"无法识别上年文件 {shown} 的格式：请给出上年数据文件（.yaml）或上年报告（.docx / .txt）")

    checks = report.review.checks
    if not checks:
        out.append(Finding(PREVIOUS, "无完成情况", HINT,
                           "数据中没有上年目标完成情况（review.checks），无法与上年目标对照"))
        return out
    used: set[int] = set()
    level = level_words(report.meta.level, report.meta.province)
    for i, c in enumerate(checks):
        j = _pair(c.name, targets, used)
        if j is None:
            out.append(Finding(PREVIOUS, "上年没有的目标", HINT,
                               f"“{c.name}”不在{where}的预期目标中，请核对名称或目标值", path=f"review.checks[{i}]"))
            continue
        used.add(j)
        t = targets[j]
        for key in ("value", "value2"):
            mine, theirs = _num(getattr(c, key)), _num(_get(t, key))
            if mine != theirs and not (mine is None and theirs is None):
                out.append(Finding(
                    PREVIOUS, "目标值不一致", ERROR,
                    f"“{c.name}”：{where}的目标为“{_shown(t, level)}”，完成情况中写作“{_shown(c, level)}”",
                    path=f"review.checks[{i}].{key}"))
                break
        else:
            if _qualifier(c) != _qualifier(t):
                out.append(Finding(
                    PREVIOUS, "限定词不一致", HINT,
                    f"“{c.name}”：{where}的目标为“{_shown(t, level)}”，完成情况中写作“{_shown(c, level)}”（限定词不同会影响完成情况判定）",
                    path=f"review.checks[{i}].qualifier"))
    for j, t in enumerate(targets):
        if j not in used:
            out.append(Finding(PREVIOUS, "未回顾的目标", HINT,
                               f"{where}的目标“{_get(t, 'name')}”（{_shown(t, level)}）未在完成情况（review.checks）中回顾"))
    return out
