"""Resource limits for everything drafter reads, documented in one place.

A real data file is a few dozen kB and a real report under 1 MB; anything far beyond is a
mistake or an attack, refused at once with a Chinese message before it can eat memory.
"""

from __future__ import annotations

import io
import lzma
import os
import stat as st
import zipfile
import zlib
from pathlib import Path

from .errors import DrafterError, display_path, os_reason

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
    p = Path(path)
    shown = name or display_path(p)
    try:
        info = os.stat(p)  # follows links; a loop raises ELOOP
    except FileNotFoundError:
        raise DrafterError(f"找不到文件：{shown}") from None
    except OSError as e:
        raise DrafterError(f"无法读取 {shown}：{os_reason(e)}") from None
    if st.S_ISDIR(info.st_mode):
        raise DrafterError(f"{shown} 是一个文件夹，不是文件")
    if not st.S_ISREG(info.st_mode):
        raise DrafterError(f"{shown} 不是普通文件（设备、管道或套接字），已拒绝")
    check_size(info.st_size, limit, shown)
    try:
        # O_NONBLOCK: if the path was swapped for a FIFO after the stat, open does not hang.
        fd = os.open(p, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as e:
        raise DrafterError(f"无法读取 {shown}：{os_reason(e)}") from None
    with os.fdopen(fd, "rb") as f:
        if not st.S_ISREG(os.fstat(f.fileno()).st_mode):
            raise DrafterError(f"{shown} 不是普通文件，已拒绝")
        # In chunks: read(limit + 1) allocates the whole cap up front, even for a tiny file.
        chunks, n = [], 0
        while n <= limit and (block := f.read(min(1 << 20, limit + 1 - n))):
            chunks.append(block)
            n += len(block)
        data = b"".join(chunks)
    if len(data) > limit:
        raise DrafterError(f"{shown} 超过上限 {limit // 1024 // 1024} MB，已拒绝")
    return data


# A .docx's XML parts are parsed whole by python-docx before anything can be checked, so a
# document.xml of millions of tiny elements (78 MB at ratio 26, inside the size and ratio limits)
# took minutes and gigabytes. The elements are counted while streaming the parts, before any
# tree is built. A drafted report has ~1,000 elements; one edited for weeks in Word (runs split
# by revisions, tracked changes, a few tables) ~50,000.
MAX_DOCX_XML_PART = 16 * 1024 * 1024  # uncompressed size of one XML part (a real document.xml: 50 kB–2 MB)
MAX_DOCX_ELEMENTS = 300_000  # XML elements over all parts of a .docx


class XmlTooBig(Exception):
    """Raised by count_xml_elements past one of its caps; `what` is "elements" or "bytes"."""

    def __init__(self, what: str):
        super().__init__(what)
        self.what = what


class _Counter:
    """lxml parser target: counts start tags and keeps nothing, so no tree is ever built."""

    def __init__(self):
        self.n = 0

    def start(self, *args):
        self.n += 1

    def close(self):
        return self.n


def count_xml_elements(stream, max_elements: int, max_bytes: int, chunk: int = 64 * 1024) -> int:
    """The number of elements in the XML read from `stream` (a binary file object), in chunks.
    Raises XmlTooBig past either cap. Stops quietly where the bytes stop being well-formed XML
    (an image, a damaged part): python-docx reports a damaged part it needs when it parses it."""
    from lxml import etree  # lxml comes with python-docx: only a .docx being read needs it

    counter = _Counter()
    # lxml calls only the target methods that exist; lxml-stubs' ParserTarget wrongly demands all five
    parser = etree.XMLParser(target=counter, resolve_entities=False, no_network=True)  # type: ignore[arg-type]
    fed = 0
    try:
        while block := stream.read(chunk):
            fed += len(block)
            parser.feed(block)
            if counter.n > max_elements:
                raise XmlTooBig("elements")
            if fed > max_bytes:
                raise XmlTooBig("bytes")
        parser.close()
    except etree.XMLSyntaxError:
        pass
    return counter.n


def check_docx_xml(data: bytes, name: str) -> None:
    """Refuse a .docx whose XML would take python-docx minutes and gigabytes to build: every
    part is streamed through the element counter first (call after check_docx_package)."""
    left = MAX_DOCX_ELEMENTS
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        for info in z.infolist():
            try:
                with z.open(info) as f:
                    left -= count_xml_elements(f, left, MAX_DOCX_XML_PART)
            except XmlTooBig as e:
                if e.what == "bytes":
                    raise DrafterError(
                        f"{name} 中的 {info.filename} 解压后超过 {MAX_DOCX_XML_PART // 1024 // 1024} MB"
                        "（一份报告的正文通常不到 2 MB），已拒绝"
                    ) from None
                raise DrafterError(
                    f"{name} 的 XML 元素超过 {MAX_DOCX_ELEMENTS:,} 个（一份报告通常只有几千到几万个），"
                    "疑似异常构造的文档，已拒绝"
                ) from None
            # what zipfile's decompressors raise: CRC or header (BadZipFile), deflate (zlib.error), bzip2
            # (OSError), lzma (LZMAError), a cut stream (EOFError), encrypted (RuntimeError), unknown method
            except (zipfile.BadZipFile, zlib.error, OSError, lzma.LZMAError, EOFError, RuntimeError,
                    NotImplementedError) as e:
                raise DrafterError(
                    f"{name} 中的 {info.filename} 无法解压（文件已损坏，或不是 Word 文档）：{type(e).__name__}"
                ) from None


# Numbers in YAML data: a report never needs more than about 20 significant digits, nor a
# power of ten beyond ±30. Longer literals (1e999999999, 5000-digit integers) are refused by
# the YAML reader before any int/Decimal conversion, which would otherwise take minutes.
MAX_NUMBER_DIGITS = 30  # digits written in one number (any base), leading zeros included
MAX_NUMBER_EXPONENT = 30  # |exponent| in scientific notation such as 1.5e6


# A phrase bank is JSON read whole: the shipped one is ~1.4 MB and one mined from a corpus seven
# times wider ~10 MB (250 reports gave 8.8 MB, 2,500 gave 14 MB). Uncapped, a 2.3 GB bank was
# read and accepted (20 s, 5.2 GB).
MAX_BANK_BYTES = 24 * 1024 * 1024  # the shipped bank is split per kind, each a few MB; a valid 24 MB bank loads in ~1.5 s

# A check lists at most this many findings per group, on the terminal and in the report file,
# and says how many more there are: a draft with thousands of findings is the wrong file or a
# systematic error, and a table of 16,000 rows took rich half a minute to lay out.
MAX_FINDINGS_LISTED = 200

# Paragraphs (lines of a .txt) of a report read by parse / mine / init --from / check. A real
# report has 100–1,000 (the longest in style_corpus: 517); every check is linear in them, but
# 100,000 paragraphs still took seconds of python-docx and rule work each.
MAX_REPORT_PARAGRAPHS = 20_000


def check_paragraphs(count: int, name: str) -> None:
    if count > MAX_REPORT_PARAGRAPHS:
        raise DrafterError(
            f"{name} 有 {count:,} 段，超过上限 {MAX_REPORT_PARAGRAPHS:,} 段（一份报告通常只有几百段），已拒绝"
        )

# Templates (`--templates DIR` runs an office's Jinja2 files in a sandbox). Our own templates
# need a few thousand loop turns and calls and write ~40,000 characters; a hostile one
# (`range(10**9)`, nested loops, `'a'*10**9`, a recursive macro) stops at these with a
# Chinese error naming the template line, before anything is written.
MAX_TEMPLATE_BYTES = 1024 * 1024  # one template file (ours are 1–5 kB)
MAX_TEMPLATE_RANGE = 10_000  # items of one range() call
MAX_TEMPLATE_LOOPS = 200_000  # loop turns over one draft (every for loop counted)
MAX_TEMPLATE_CALLS = 200_000  # calls (macros, helpers, methods) over one draft
MAX_TEMPLATE_DEPTH = 50  # nesting of macro calls (recursion)
MAX_TEMPLATE_STRING = 1_000_000  # characters of a string a template builds (*, +, ~, join, format)
MAX_TEMPLATE_ITEMS = 100_000  # items of a list a template builds (*, +)
MAX_TEMPLATE_INT_BITS = 4_096  # an integer a template computes (*, **)
MAX_TEMPLATE_FORMAT_WIDTH = 1_000  # width / precision in '%5d' or '{:>5}'
MAX_TEMPLATE_OUTPUT = 5_000_000  # characters a draft's templates print in all

# Values in one data file or a whole data folder (after alias expansion): a full report has
# about 1,500 (examples/xianyang_2024.yaml: 1,291). Far beyond is refused right after parsing,
# before Python data, positions and the model are built for it (60k figures took 2.5 s, 290 MB).
MAX_DATA_VALUES = 100_000
