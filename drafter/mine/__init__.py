"""`drafter mine`: a folder of existing reports → a phrase bank (docs/phrase-bank.md).

    mine(corpus, out=None, jobs=1, progress=None, overwrite=False) -> MineResult

The folder's subfolders are read too (style_corpus/more/); a report is named in the bank by
its path in the folder (more/2024_三亚.txt), and its province comes from the SOURCES.tsv
beside it. OUT ending in .json gets one file; any other OUT is written as a folder with one
file per kind (drafter.mine.split), which drafting loads piece by piece.

Each report (.txt in any Chinese encoding, .docx) is parsed with drafter.parse, segmented
with jieba (imported here only, lazily) and reduced to an aggregate of candidate entries;
aggregates are merged one report at a time, in file-name order, so memory grows with the
bank and the bank is the same byte for byte whatever `jobs` is. Files that are not reports
(empty, binary, an old .doc, a text that is no report, a copy of another report — the same
text, or 80 % of its sentences shared, bank.DUPLICATE_SHARE) are skipped with a warning
naming them, so that a report filed twice does not count twice. The bank is written atomically (temporary file in the same
folder, then renamed); an existing file is replaced only with overwrite=True.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from collections.abc import Callable, Iterator
from typing import Any

from ..atomic import atomic_write_text, check_target
from ..errors import DrafterError, display_path
from . import seg
from .bank import NUMBER_FRAMES, Merger, dumps
from .report import ReportAgg, Skip, mine_file
from .split import check_split_target, write_split

__all__ = ["MineResult", "mine", "candidates", "mine_reports", "REPORT_SUFFIXES"]

REPORT_SUFFIXES = (".txt", ".docx", ".doc", ".text", "")
# Files beside the reports that are not reports and are passed over silently.
_IGNORED_SUFFIXES = (".json", ".tsv", ".md", ".yaml", ".yml", ".csv", ".part", ".tmp")


@dataclass
class MineResult:
    bank: dict[str, Any]
    warnings: list[str] = field(default_factory=list)
    files: dict[str, int] = field(default_factory=dict)  # total / mined / skipped
    out: Path | None = None

    @property
    def counts(self) -> dict[str, int]:
        """Entries per kind."""
        return dict(sorted(Counter(e["kind"] for e in self.bank["entries"]).items()))


MAX_DEPTH = 4  # subfolders deep; deeper ones and linked folders are not followed


def candidates(corpus: Path, out: Path | None = None) -> tuple[list[Path], list[str]]:
    """The files of the folder and its subfolders to try as reports (the folder's own files
    by name, then each subfolder's), and warnings for others."""
    files: list[Path] = []
    warnings: list[str] = []
    # realpath, not resolve(): a symlink loop in the folder must not raise here. FIFOs, devices
    # and broken links stay in the list: the capped reader skips them with the reason.
    out_resolved = os.path.realpath(out) if out else None

    def walk(folder: Path, depth: int) -> None:
        subfolders = []
        for p in sorted(folder.iterdir(), key=lambda p: p.name):
            if p.name.startswith((".", "~$")):
                continue
            if out_resolved is not None and os.path.realpath(p) == out_resolved:
                continue
            if p.is_dir():
                if not p.is_symlink() and depth < MAX_DEPTH:
                    subfolders.append(p)
                continue
            suffix = p.suffix.lower()
            if suffix in _IGNORED_SUFFIXES or p.name == "SOURCES.tsv":
                continue
            if suffix not in REPORT_SUFFIXES:
                warnings.append(f"跳过 {report_name(corpus, p)}：不支持的文件格式（只读取 .txt 和 .docx）")
                continue
            files.append(p)
        for sub in subfolders:
            walk(sub, depth + 1)

    walk(corpus, 0)
    return files, warnings


def report_name(corpus: Path, path: Path) -> str:
    """A report's name in the bank: its path in the corpus folder, with /."""
    try:
        return path.relative_to(corpus).as_posix()
    except ValueError:
        return path.name


def _work(job: tuple[str, str]) -> tuple[str, ReportAgg | None, str | None]:
    path, name = job
    try:
        return path, mine_file(Path(path), name), None
    except Skip as e:
        return path, None, str(e)
    except Exception as e:  # noqa: BLE001 - a bug on odd input must not stop the whole folder
        return path, None, f"跳过 {name}：无法解析（{type(e).__name__}: {e}）"


def _results(jobs_list: list[tuple[str, str]], jobs: int) -> Iterator[tuple[str, ReportAgg | None, str | None]]:
    if jobs <= 1 or len(jobs_list) <= 1:
        for job in jobs_list:
            yield _work(job)
        return

    seg.posseg()  # load jieba once, before the workers fork, so they share it
    methods = multiprocessing.get_all_start_methods()
    ctx = multiprocessing.get_context("fork" if "fork" in methods else None)
    # Workers ignore Ctrl-C: the parent alone stops (the pool is terminated on the way out),
    # not every worker printing its own KeyboardInterrupt traceback.
    with ctx.Pool(processes=min(jobs, len(jobs_list)), initializer=signal.signal,
                  initargs=(signal.SIGINT, signal.SIG_IGN)) as pool:
        yield from pool.imap(_work, jobs_list, chunksize=1)


def mine_reports(
    paths: list[Path], jobs: int = 1, on_file: Callable[[str], None] | None = None, corpus: Path | None = None
) -> Iterator[tuple[Path, ReportAgg | None, str | None]]:
    """(path, aggregate or None, warning or None) per file, in the order given; reports are
    named by their path in `corpus` (their file name when it is not given)."""
    jobs_list = [(str(p), report_name(corpus, p) if corpus else p.name) for p in paths]
    for path, agg, warning in _results(jobs_list, jobs):
        if on_file:
            on_file(Path(path).name)
        yield Path(path), agg, warning


def mine(
    corpus: Path | str,
    out: Path | str | None = None,
    jobs: int = 1,
    progress: Callable[[str, int, int], None] | None = None,
    overwrite: bool = False,
) -> MineResult:
    """`progress(name, done, total)` is called before the first report (done 0) and after each
    one: the CLI draws its bar with it; the library itself never prints."""
    corpus = Path(corpus)
    out = Path(out) if out is not None else None
    if not corpus.is_dir():
        if corpus.exists():
            raise DrafterError(f"{display_path(corpus)} 不是文件夹：请给出存放报告的文件夹")
        raise DrafterError(f"找不到语料文件夹：{display_path(corpus)}")
    if jobs < 1:
        raise DrafterError(f"--jobs 应为正整数，收到 {jobs}")
    split = out is not None and out.suffix.lower() != ".json"
    if out is not None:
        (check_split_target if split else check_target)(out, overwrite)
    paths, warnings = candidates(corpus, out)
    warnings = list(warnings)
    n_unsupported = len(warnings)
    merger = Merger()
    mined = 0
    done = 0

    def advance(name: str) -> None:
        nonlocal done
        done += 1
        if progress:
            progress(name, done, len(paths))

    if progress and paths:
        progress("", 0, len(paths))
    for path, agg, warning in mine_reports(paths, jobs, advance, corpus):
        if warning:
            warnings.append(warning)
            continue
        assert agg is not None
        dup = merger.duplicate_of(agg)
        if dup:
            warnings.append(f"跳过 {report_name(corpus, path)}：与 {dup} 是同一份报告（正文相同或几乎相同），只计一次")
            continue
        merger.add(agg)
        mined += 1
    if not mined:
        detail = "；".join(warnings) if warnings else "文件夹中没有 .txt 或 .docx 文件"
        raise DrafterError(f"{display_path(corpus)} 中没有可以读取的政府工作报告（{detail}）")
    bank = merger.bank()
    frames = bank.pop(NUMBER_FRAMES)  # the split bank's number.json; not part of the bank itself
    if out is not None and split:
        write_split({**bank, NUMBER_FRAMES: frames}, out, overwrite)
    elif out is not None:
        atomic_write_text(out, dumps(bank), force=overwrite)
    return MineResult(
        bank=bank,
        warnings=warnings,
        files={"total": len(paths) + n_unsupported, "mined": mined, "skipped": len(warnings)},
        out=out,
    )
