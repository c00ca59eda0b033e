"""Which files gather reads, and refusing the ones it cannot read before anything is written.

Real departments send old .xls/.doc files, password-protected workbooks (an encrypted .xlsx is
an OLE compound file, not a zip) and .doc files renamed to .docx; each is named in Chinese."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from ..errors import DrafterError, display_path
from ..limits import MAX_DOCX_PARTS, MAX_DOCX_RATIO, MAX_DOCX_UNPACKED, MAX_REPORT_BYTES, read_capped

FORM_SUFFIXES = (".xlsx",)
MATERIAL_SUFFIXES = (".docx", ".txt")
OLD_SUFFIXES = {".xls": "Excel 97-2003（.xls）", ".doc": "Word 97-2003（.doc）", ".et": "WPS 表格（.et）",
                ".wps": "WPS 文字（.wps）"}
KNOWN = FORM_SUFFIXES + MATERIAL_SUFFIXES + tuple(OLD_SUFFIXES)
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # compound file: old Office formats and encrypted OOXML


def skipped_note(shown: str) -> str:
    return f"已跳过：{shown}（不支持的格式，请另存为 .docx 或 .txt）"


def collect(inputs: list[Path], skipped: list[str] | None = None) -> list[Path]:
    """The files named, and the known files inside folders (recursively, in name order).
    Office lock files (~$…) and hidden files in folders are skipped quietly; any other file of
    an unknown kind in a folder (说明.pdf) is named in `skipped` (see skipped_note), so the user
    knows it was not read; a named file of an unknown kind is refused."""
    out: list[Path] = []
    for given in inputs:
        shown = display_path(given)
        if given.is_dir():
            files = sorted(
                (p for p in given.rglob("*") if p.is_file()
                 and not p.name.startswith(("~$", ".")) and "/." not in p.relative_to(given).as_posix()),
                key=lambda p: p.relative_to(given).as_posix(),
            )
            out.extend(p for p in files if p.suffix.lower() in KNOWN)
            if skipped is not None:
                skipped.extend(display_path(p) for p in files if p.suffix.lower() not in KNOWN)
        elif given.exists():
            if given.suffix.lower() not in KNOWN:
                raise DrafterError(
                    f"{shown}：不支持的文件类型（gather 读取填好的报表 .xlsx 和部门材料 .docx / .txt）"
                )
            out.append(given)
        else:
            raise DrafterError(f"找不到输入文件或文件夹：{shown}")
    if not out:
        raise DrafterError("输入中没有可读的报表（.xlsx）或材料（.docx / .txt）")
    seen: set[Path] = set()
    unique = []
    for p in out:
        key = p.resolve()
        if key not in seen:
            seen.add(key)
            unique.append(p)
    return unique


def read_checked(path: Path) -> bytes:
    """The bytes of a source, refusing empty, old-format, encrypted and disguised files."""
    shown = display_path(path)
    suffix = path.suffix.lower()
    if suffix in OLD_SUFFIXES:
        target = ".xlsx" if suffix in (".xls", ".et") else ".docx"
        raise DrafterError(f"{shown}：{OLD_SUFFIXES[suffix]}是旧格式，无法读取；请用 Excel / WPS 另存为 {target} 后再汇总")
    data = read_capped(path, MAX_REPORT_BYTES, shown)
    if not data.strip():
        raise DrafterError(f"{shown}：文件是空的（0 字节或只有空白），没有可汇总的内容")
    if suffix == ".txt":
        return data
    if data.startswith(OLE_MAGIC):
        if suffix == ".xlsx":
            raise DrafterError(
                f"{shown}：文件设有打开密码（加密的工作簿），无法读取；请部门取消密码后重新报送"
                "（或本身是改了扩展名的旧版 .xls，请另存为 .xlsx）"
            )
        raise DrafterError(f"{shown}：实际是旧版 Word 97-2003（.doc）文件，只是扩展名改成了 .docx；请在 Word / WPS 中另存为 .docx")
    kind = "Excel 工作簿" if suffix == ".xlsx" else "Word 文档"
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            infos = z.infolist()
    except zipfile.BadZipFile:
        raise DrafterError(f"{shown}：不是有效的{kind}（文件已损坏，或扩展名与内容不符）") from None
    if len(infos) > MAX_DOCX_PARTS or sum(i.file_size for i in infos) > MAX_DOCX_UNPACKED:
        raise DrafterError(f"{shown}：解压后过大，已拒绝")
    for i in infos:
        if i.compress_size and i.file_size / i.compress_size > MAX_DOCX_RATIO and i.file_size > 1024 * 1024:
            raise DrafterError(f"{shown}：其中的 {i.filename} 压缩比异常（疑似压缩炸弹），已拒绝")
    return data
