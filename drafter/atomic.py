"""Writes that never lose what the user has: refuse to replace a file without --force, and
write through a temporary file in the same folder, so a failure or a kill mid-write leaves
the old file (or nothing) but never half a file.

Without --force the final step is exclusive — a hard link from the temporary file to the
target, which fails if the target exists — so of several runs writing the same name at once
exactly one wins and the others get the "已存在" error (a check followed by a rename would let
all of them pass the check and overwrite each other). With --force it is `os.replace`.

Temporary files are named `.NAME.HOST-PID.RANDOM.part`; one left by a killed run is removed
on the next write to the same target once its writer is gone or it is over an hour old.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import re
import socket
import stat as st
import tempfile
import time
from pathlib import Path
from typing import BinaryIO
from collections.abc import Callable

from .errors import DrafterError, display_path, os_reason

MAX_NAME_BYTES = 255  # a file name (not the path) on ext4, NTFS, APFS, FAT
_TMP_OVERHEAD = 40  # "." + ".HOST-PID." + 8 random + ".part", with room to spare
STALE_SECONDS = 3600  # a temporary file this old belongs to no live run
# Filesystems without hard links (FAT, some network shares) answer link() with these.
_NO_LINKS = {errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV, errno.EMLINK, errno.ENOSYS}


# What an output is, by its kind: the confirm sheet and forms are tables someone fills in
_KIND_BY_SUFFIX = {".xlsx": "表格", ".xls": "表格", ".csv": "表格", ".docx": "文稿", ".txt": "文稿", ".md": "文稿",
                   ".yaml": "数据文件", ".yml": "数据文件"}


def _exists_error(path: Path) -> DrafterError:
    kind = _KIND_BY_SUFFIX.get(Path(path).suffix.lower(), "文件")
    if kind == "表格" and ("核对" in Path(path).name or Path(path).stem.lower() == "confirm"):
        kind = "数据核对表"
    return DrafterError(
        f"{display_path(path)} 已存在，未覆盖（{kind}可能有手工修改）。换一个文件名，或加 --force 覆盖"
    )


def _short(name: str, width: int = 40) -> str:
    return name if len(name) <= width else name[:width] + "…"


def check_target(path: Path, force: bool) -> None:
    """Refuse, before any work is done, an output that cannot or must not be written."""
    path = Path(path)
    size = len(os.fsencode(path.name))
    if size > MAX_NAME_BYTES:
        raise DrafterError(
            f"输出文件名过长：{_short(path.name)}（{size} 字节，上限 {MAX_NAME_BYTES} 字节），请换一个短些的文件名"
        )
    _check_folder(path.parent)
    try:
        link = os.lstat(path)
    except FileNotFoundError:
        return
    except OSError as e:
        raise DrafterError(f"无法写入 {display_path(path)}：{os_reason(e)}") from None
    try:
        mode = os.stat(path).st_mode if st.S_ISLNK(link.st_mode) else link.st_mode
    except OSError as e:
        if e.errno != errno.ELOOP:
            mode = link.st_mode  # a dangling link: an existing name all the same
        else:
            raise DrafterError(f"{display_path(path)} 是指向自身的符号链接（循环链接），请换一个文件名") from None
    if st.S_ISDIR(mode):
        shown = display_path(path)
        raise DrafterError(f"{shown} 是一个文件夹，请指定输出文件名，如 {shown}/报告.docx")
    if not force:
        raise _exists_error(path)
    if not st.S_ISREG(mode) and not st.S_ISLNK(mode):
        raise DrafterError(f"{display_path(path)} 不是普通文件（设备、管道或套接字），不能写入")


Input = tuple[str, "str | Path | None"] | tuple[str, "str | Path | None", tuple[str, ...]]


def refuse_input_as_output(out: str | Path, inputs: list[Input]) -> None:
    """Refuse, even with --force, an output that is one of the files the command reads
    (`inputs`: (what it is, path[, suffixes read from a folder]); a folder stands for its files
    with those suffixes, or all): writing it would destroy the input. Same file by device and
    inode, so links and `./` spellings count."""
    out = Path(out)
    try:
        target = os.stat(out)
    except OSError:
        return  # not there yet (or unreadable): it is no input's file
    if st.S_ISDIR(target.st_mode):
        return
    for label, given, *read in inputs:
        if given is None:
            continue
        p = Path(given)
        suffixes = read[0] if read else None
        try:
            files = [f for f in p.iterdir() if suffixes is None or f.suffix.lower() in suffixes] if p.is_dir() else [p]
        except OSError:
            continue
        for f in files:
            try:
                info = os.stat(f)
            except OSError:
                continue
            if (info.st_dev, info.st_ino) == (target.st_dev, target.st_ino):
                raise DrafterError(
                    f"输出文件 {display_path(out)} 就是{label} {display_path(f)}，不能覆盖（加 --force 也不行），请换一个输出文件名"
                )


def _check_folder(folder: Path) -> None:
    shown = display_path(folder)
    try:
        info = os.stat(folder)
    except (FileNotFoundError, NotADirectoryError):
        raise DrafterError(f"输出文件夹不存在：{shown}，请先创建") from None
    except OSError as e:
        raise DrafterError(f"无法使用输出文件夹 {shown}：{os_reason(e)}") from None
    if not st.S_ISDIR(info.st_mode):
        raise DrafterError(f"输出文件夹 {shown} 不是文件夹")


def atomic_write(path: Path, write: Callable[[BinaryIO], object], force: bool = False) -> None:
    path = Path(path)
    check_target(path, force)
    clean_stale(path)
    try:
        fd, tmp = tempfile.mkstemp(prefix=_tmp_prefix(path.name), suffix=".part", dir=path.parent)
    except OSError as e:
        raise DrafterError(f"无法在 {display_path(path.parent)} 写入文件：{os_reason(e)}") from None
    try:
        with os.fdopen(fd, "wb") as stream:
            write(stream)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; a draft is an ordinary file
        if force:
            os.replace(tmp, path)
        else:
            _publish_new(tmp, path)
    except OSError as e:
        raise DrafterError(f"无法写入 {display_path(path)}：{os_reason(e)}") from None
    finally:
        _remove(tmp)  # after a link the target keeps the data; after a replace tmp is gone


def _publish_new(tmp: str, path: Path) -> None:
    """Make the finished file appear at `path` only if nothing is there, in one step."""
    try:
        os.link(tmp, path)
        return
    except FileExistsError:
        raise _exists_error(path) from None
    except OSError as e:
        if e.errno not in _NO_LINKS:
            raise
    # No hard links here: claim the name exclusively, then rename the finished file over our
    # own empty claim (a kill in between leaves an empty file, never a half-written one).
    try:
        claim = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    except FileExistsError:
        raise _exists_error(path) from None
    claimed = os.fstat(claim)
    os.close(claim)
    try:
        os.replace(tmp, path)
    except BaseException:
        _remove_if_same(path, claimed)
        raise


def _remove_if_same(path: Path, claimed: os.stat_result) -> None:
    try:
        now = os.lstat(path)
        if (now.st_dev, now.st_ino) == (claimed.st_dev, claimed.st_ino):
            os.unlink(path)
    except OSError:
        pass


def atomic_write_text(path: Path, text: str, force: bool = False) -> None:
    atomic_write(path, lambda s: s.write(text.encode("utf-8")), force)


# --- temporary files ------------------------------------------------------------------------


def _host() -> str:
    """A short tag of this machine: a writer's pid means something only on its own host (the
    folder may be a share other machines write to)."""
    return hashlib.sha1(socket.gethostname().encode("utf-8", "replace")).hexdigest()[:6]


def _name_part(name: str) -> str:
    """The target's name, cut so that the temporary name stays within MAX_NAME_BYTES."""
    while len(os.fsencode(name)) > MAX_NAME_BYTES - _TMP_OVERHEAD:
        name = name[:-1]
    return name


def _tmp_prefix(name: str) -> str:
    return f".{_name_part(name)}.{_host()}-{os.getpid()}."


def clean_stale(path: Path) -> list[Path]:
    """Remove temporary files of earlier writes to `path` whose run is over: its process is
    gone (same host), or the file is older than STALE_SECONDS. Returns what was removed."""
    pattern = re.compile(re.escape(f".{_name_part(path.name)}.") + r"([0-9a-f]{6})-(\d+)\.[^.]+\.part\Z")
    removed: list[Path] = []
    try:
        entries = list(os.scandir(path.parent))
    except OSError:
        return removed
    for entry in entries:
        m = pattern.match(entry.name)
        if m and _stale(entry, m.group(1), int(m.group(2))):
            try:
                os.unlink(entry.path)
                removed.append(Path(entry.path))
            except OSError:
                pass
    return removed


def _stale(entry: os.DirEntry, host: str, pid: int) -> bool:
    try:
        info = entry.stat(follow_symlinks=False)
    except OSError:
        return False
    if not st.S_ISREG(info.st_mode):
        return False
    if time.time() - info.st_mtime > STALE_SECONDS:
        return True
    return host == _host() and pid != os.getpid() and not _alive(pid)


def _alive(pid: int) -> bool:
    if os.name == "nt":  # os.kill(pid, 0) would terminate the process on Windows
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # exists, owned by someone else
    return True


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _remove(tmp: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(tmp)
