"""The check's report in Chinese as a .txt or .md file for mailing or filing; the same
content as rich tables on the terminal is drafter/cli_render.py (only the CLI prints)."""

from __future__ import annotations

from pathlib import Path

from ..atomic import atomic_write_text
from ..errors import DrafterError, display_path
from ..limits import MAX_FINDINGS_LISTED
from .findings import CONSISTENCY, ERROR, FACTS, PREVIOUS, TARGETS, Finding
from .result import CheckResult

REPORT_SUFFIXES = (".txt", ".md")
FINDING_GROUPS = (TARGETS, FACTS, CONSISTENCY, PREVIOUS)


def title(r: CheckResult) -> str:
    return f"{r.region}{r.year}年政府工作报告检查（{r.checked}）"


def summary(r: CheckResult) -> str:
    e, h = len(r.errors), len(r.hints)
    if not e and not h:
        return "结论：未发现问题。"
    tail = "请逐条处理错误后再印发。" if e else "没有错误；提示请人工确认。"
    return f"结论：{e} 处错误，{h} 处提示。{tail}"


# How to find 第N段 in Word; the same numbering as draft's 「N 段」 (README, 使用).
NUMBERING = "第N段：文稿中第 N 个有文字的段落（标题、各级标题都算，空段不算），与 Word「字数统计」的段落数一致。"


def numbering(r: CheckResult) -> list[str]:
    return [NUMBERING] if any(f.paragraph is not None for f in r.findings) else []


def counts(fs: list[Finding]) -> str:
    e = sum(f.severity == ERROR for f in fs)
    return f"{e} 处错误，{len(fs) - e} 处提示"


def listed(fs: list[Finding]) -> tuple[list[Finding], str]:
    """The findings to list (the first MAX_FINDINGS_LISTED, in order) and a note on the rest."""
    rest = len(fs) - MAX_FINDINGS_LISTED
    note = f"另有 {rest} 条未列出（每组只列前 {MAX_FINDINGS_LISTED} 条）" if rest > 0 else ""
    return fs[:MAX_FINDINGS_LISTED], note


def _md_cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def report_text(r: CheckResult, markdown: bool = False) -> str:
    out: list[str] = []
    out.append(f"# {title(r)}" if markdown else title(r))
    out.append("")
    notes = r.skipped + numbering(r)
    out.extend(notes + ([""] if notes else []))
    if r.targets:
        if markdown:
            out += ["## 上年目标完成情况", "", "| 指标 | 目标 | 实际 | 结论 | 说明 |", "|---|---|---|---|---|"]
            out += [f"| {_md_cell(x.name)} | {_md_cell(x.target)} | {_md_cell(x.actual)} | {x.verdict} | {_md_cell(x.reason)} |"
                    for x in r.targets]
        else:
            out.append("【上年目标完成情况】")
            out += [f"{x.name}｜目标：{x.target}｜实际：{x.actual}｜{x.verdict}（{x.reason}）" for x in r.targets]
        out.append("")
    for group in FINDING_GROUPS:
        fs = r.group(group)
        if not fs:
            if group in r.ran and group != TARGETS:
                out += [f"✓ {group}：未发现问题", ""]
            continue
        shown, note = listed(fs)
        if markdown:
            out += [f"## {group}（{counts(fs)}）", "", "| 级别 | 类别 | 位置 | 数据路径 | 说明 |", "|---|---|---|---|---|"]
            out += [f"| {f.severity} | {f.kind} | {_md_cell(f.where)} | {_md_cell(f.path or '—')} | {_md_cell(f.message)} |"
                    for f in shown]
        else:
            out.append(f"【{group}】{counts(fs)}")
            for f in shown:
                path = f"｜{f.path}" if f.path else ""
                out.append(f"{f.severity}｜{f.kind}｜{f.where}{path}｜{f.message}")
        out += [note, ""] if note else [""]
    out.append(summary(r))
    return "\n".join(out) + "\n"


def check_report_target(path: Path) -> None:
    if path.suffix.lower() not in REPORT_SUFFIXES:
        raise DrafterError(f"检查报告应保存为 .txt 或 .md：{display_path(path)}")


def write_report(r: CheckResult, path: str | Path, force: bool = False) -> None:
    path = Path(path)
    check_report_target(path)
    atomic_write_text(path, report_text(r, markdown=path.suffix.lower() == ".md"), force=force)
