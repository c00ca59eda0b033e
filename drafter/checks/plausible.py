"""Warnings of `validate` about values that parse but read wrong in a report: one figure
printed twice (a headline figure again as a section fact), a growth of 8600 %, a negative
total, a growth target in 亿元, a second value with nothing to pair it with. The draft is still
written; each warning names file:line:column (and the other place, for a repeat)."""

from __future__ import annotations

from ..datapath import format_path
from ..errors import Problem
from ..model.report import Report
from ..model.figures import written_number
from ..model.stated import Said, differs, doubtful, repeats
from ..compose.figures import absorbed_checks
from ..readers.yaml_data import Loaded


def _problem(path: tuple, loaded: Loaded, message: str) -> Problem:
    pos = loaded.value_at(path) or loaded.where(path)
    if pos is None:
        return Problem(loaded.files[0] if loaded.files else "<数据>", 0, 0, format_path(path), message)
    return Problem(pos.file, pos.line, pos.column, format_path(path), message)


def _where(path: tuple, loaded: Loaded) -> str:
    pos = loaded.value_at(path)
    return (f"{pos.file}:{pos.line}:{pos.column} " if pos else "") + format_path(path)


def _as_drafted(s: Said) -> str:
    """「增长7%以上」 / 「约3000户」 / 「3000余户」, as the draft words the number (compose/figures)."""
    approx, qualifier = s.key[-1]
    if s.key[1] == "growth":  # a growth carries no approximate word
        return f"增长{s.number}%{qualifier}"
    return f"{written_number(str(s.number), approx, s.key[2])}{qualifier}"


def doubtful_values(report: Report, loaded: Loaded) -> list[Problem]:
    out = list(loaded.dropped)  # empty topic sections a folder's merge left out (readers/yaml_data.py)
    absorbed = absorbed_checks(report.review.headline, report.review.checks)
    for first, again in repeats(report, absorbed):
        said = _as_drafted(again)
        out.append(_problem(again.path, loaded,
                            f"同一个数写了两次：{again.name}{said} 已在 {_where(first.path, loaded)} 写过，"
                            "初稿会写两遍；保留一处即可"))
    for first, other in differs(report):
        out.append(_problem(other.path, loaded,
                            f"同一指标写了两个不同的数：{other.name}{_as_drafted(other)}，而 {_where(first.path, loaded)} "
                            f"是 {first.name}{_as_drafted(first)}，初稿会把两个数都写上；如果说的是不同范围（如某个园区），"
                            "请在名称里写明，否则核对后删去一处"))
    out += [_problem(path, loaded, why) for path, why in doubtful(report)]
    return out
