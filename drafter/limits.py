"""Resource limits for everything drafter reads, documented in one place.

A real data file is a few dozen kB and a real report under 1 MB; anything far beyond is a
mistake or an attack, refused at once with a Chinese message before it can eat memory.
"""

from __future__ import annotations

import io
import zipfile

from .errors import DrafterError

MAX_DATA_BYTES = 5 * 1024 * 1024  # one YAML data file
MAX_YAML_NODES = 200_000  # after alias expansion (an "alias bomb" expands exponentially)
MAX_YAML_DEPTH = 40  # nesting of mappings and lists
MAX_REPORT_BYTES = 20 * 1024 * 1024  # a report file (.txt / .docx) given to parse / mine / check
MAX_DOCX_UNPACKED = 80 * 1024 * 1024  # total uncompressed size of a .docx package
MAX_DOCX_RATIO = 200  # compression ratio of any single part (XML compresses ~10:1)
MAX_DOCX_PARTS = 2_000


def check_docx_package(data: bytes, name: str) -> None:
    """Refuse a zip bomb before python-docx unpacks it: sizes come from the zip directory."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            infos = z.infolist()
    except zipfile.BadZipFile:
        raise DrafterError(f"{name} 不是有效的 .docx 文件（文件已损坏，或不是 Word 文档）") from None
    if len(infos) > MAX_DOCX_PARTS:
        raise DrafterError(f"{name} 含 {len(infos)} 个部件，超过上限 {MAX_DOCX_PARTS}，已拒绝")
    total = sum(i.file_size for i in infos)
    if total > MAX_DOCX_UNPACKED:
        raise DrafterError(
            f"{name} 解压后有 {total // 1024 // 1024} MB，超过上限 {MAX_DOCX_UNPACKED // 1024 // 1024} MB，已拒绝"
        )
    for i in infos:
        if i.compress_size and i.file_size / i.compress_size > MAX_DOCX_RATIO and i.file_size > 1024 * 1024:
            raise DrafterError(f"{name} 中的 {i.filename} 压缩比异常（疑似压缩炸弹），已拒绝")


def check_size(size: int, limit: int, name: str) -> None:
    if size > limit:
        raise DrafterError(f"{name} 有 {size // 1024} KB，超过上限 {limit // 1024 // 1024} MB，已拒绝")


def read_capped(path, limit: int, name: str | None = None) -> bytes:
    """Read a user's file with a hard cap, never trusting `stat`: a FIFO or /dev/zero says its
    size is 0, a sparse file lies the other way. Only regular files are read; a symlink loop,
    a folder or a device is a Chinese error, never a traceback or a hang."""
    import os
    import stat as st
    from pathlib import Path

    from .errors import display_path

    p = Path(path)
    shown = name or display_path(p)
    try:
        info = os.stat(p)  # follows links; a loop raises ELOOP
    except FileNotFoundError:
        raise DrafterError(f"找不到文件：{shown}") from None
    except OSError as e:
        raise DrafterError(f"无法读取 {shown}：{_why(e)}") from None
    if st.S_ISDIR(info.st_mode):
        raise DrafterError(f"{shown} 是一个文件夹，不是文件")
    if not st.S_ISREG(info.st_mode):
        raise DrafterError(f"{shown} 不是普通文件（设备、管道或套接字），已拒绝")
    check_size(info.st_size, limit, shown)
    try:
        # O_NONBLOCK: if the path was swapped for a FIFO after the stat, open does not hang.
        fd = os.open(p, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as e:
        raise DrafterError(f"无法读取 {shown}：{_why(e)}") from None
    with os.fdopen(fd, "rb") as f:
        if not st.S_ISREG(os.fstat(f.fileno()).st_mode):
            raise DrafterError(f"{shown} 不是普通文件，已拒绝")
        data = f.read(limit + 1)
    if len(data) > limit:
        raise DrafterError(f"{shown} 超过上限 {limit // 1024 // 1024} MB，已拒绝")
    return data


def _why(e: OSError) -> str:
    import errno

    if e.errno == errno.ELOOP:
        return "符号链接指向自身（循环链接）"
    if e.errno == errno.ENAMETOOLONG:
        return "文件名过长"
    if e.errno in (errno.EACCES, errno.EPERM):
        return "没有读取权限"
    return e.strerror or str(e)


# A phrase bank is JSON read whole: the shipped one is ~1.4 MB and one mined from a corpus seven
# times wider ~10 MB (250 reports gave 8.8 MB, 2,500 gave 14 MB). Uncapped, a 2.3 GB bank was
# read and accepted (20 s, 5.2 GB).
MAX_BANK_BYTES = 64 * 1024 * 1024
