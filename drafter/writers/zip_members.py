"""The .docx zip of a plain draft with the members no draft changes deflated once (issue 13).

A draft's zip holds 13 members; 11 of them (styles, theme, settings, footers …) are the same
for every draft on one profile (docx_package.py), yet zipfile deflates each one again for
every draft. Here a member is deflated once into its local record (header, name, data: no
offset in it), kept with what the central directory needs, and each draft writes the records
and a central directory with their offsets. The layout is zipfile's own for a seekable output
written from the start (docx_xml.save_members): deflate at its level, the fixed date, no data
descriptors, no zip64; tests/test_fast_paths.py compares the bytes with zipfile's.
"""

from __future__ import annotations

import struct
import zlib
from typing import IO, NamedTuple

# zipfile's structures (structFileHeader, structCentralDir, structEndArchive) and values for a
# deflated member: version 2.0 to extract and made by, on Unix (3), no flags for ASCII names.
_LOCAL = struct.Struct("<4s2B4HL2L2H")
_CENTRAL = struct.Struct("<4s4B4HL2L5H2L")
_END = struct.Struct("<4s4H2LH")
_VERSION, _UNIX, _DEFLATED = 20, 3, 8
_DOS_TIME, _DOS_DATE = 0, (0 << 9) | (1 << 5) | 1  # 1980-01-01 00:00:00, docx_xml._FIXED_ZIP_TIME
_ATTR = 0o644 << 16
_MAX = 1 << 31  # well under zip64's limits; larger members go through zipfile


class Deflated(NamedTuple):
    name: bytes
    crc: int
    compressed: int  # size
    size: int
    record: bytes  # the local header, the name and the deflated data


def deflate(name: str, blob: bytes, level: int) -> Deflated:
    """One member as zipfile deflates and heads it."""
    packer = zlib.compressobj(level, zlib.DEFLATED, -15)
    data = packer.compress(blob) + packer.flush()
    raw = name.encode("ascii")
    crc = zlib.crc32(blob)
    head = _LOCAL.pack(b"PK\x03\x04", _VERSION, 0, 0, _DEFLATED, _DOS_TIME, _DOS_DATE, crc,
                       len(data), len(blob), len(raw), 0)
    return Deflated(raw, crc, len(data), len(blob), head + raw + data)


def fits(name: str, blob: bytes) -> bool:
    """Whether a member can be written here (an ASCII name, far from zip64's sizes)."""
    return name.isascii() and len(blob) < _MAX


def zip_bytes(members: list[Deflated]) -> bytes:
    out: list[bytes] = []
    central: list[bytes] = []
    offset = 0
    for m in members:
        central.append(_CENTRAL.pack(b"PK\x01\x02", _VERSION, _UNIX, _VERSION, 0, 0, _DEFLATED,
                                     _DOS_TIME, _DOS_DATE, m.crc, m.compressed, m.size,
                                     len(m.name), 0, 0, 0, 0, _ATTR, offset) + m.name)
        out.append(m.record)
        offset += len(m.record)
    directory = b"".join(central)
    end = _END.pack(b"PK\x05\x06", 0, 0, len(members), len(members), len(directory), offset, 0)
    if offset + len(directory) >= _MAX:
        raise ValueError("zip too large for this writer")  # the caller checks sizes first
    return b"".join(out) + directory + end


def at_start(target: str | IO[bytes]) -> bool:
    """Whether zipfile would write `target` from offset 0 with no data descriptors: a path,
    or a seekable stream at its start."""
    if isinstance(target, str):
        return True
    try:
        return target.seekable() and target.tell() == 0
    except (AttributeError, OSError, ValueError):
        return False
