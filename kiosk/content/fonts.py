"""What a bundle's font files hold, read from their tables without Qt: the family each one
belongs to and whether it is bold, so validation can say when a typeface has no bold face."""

from __future__ import annotations

import re
import struct
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

BOLD_WEIGHT = 600  # semi-bold and heavier read as bold on screen
# A family is named in the kiosk's stylesheet between quotes: these could end the quotes.
_NOT_IN_A_FAMILY_NAME = re.compile(r'["\\{};\x00-\x1f]')


def usable_family(family: str) -> bool:
    """Whether the kiosk can name `family` in its stylesheet: no quote, brace or semicolon."""
    return not _NOT_IN_A_FAMILY_NAME.search(family)


@dataclass(frozen=True)
class FontFace:
    """One font file: its family name and the heaviest weight it can draw."""

    family: str
    heaviest: int

    @property
    def bold(self) -> bool:
        return self.heaviest >= BOLD_WEIGHT


def family_without_bold(files: list[Path]) -> str | None:
    """The kiosk's typeface (the first file's family) when no file gives it a bold face; None
    when one does, or when the first cannot be read."""
    faces = [read_face(path) for path in files]
    if not faces or faces[0] is None:
        return None
    family = faces[0].family
    if any(face is not None and face.family == family and face.bold for face in faces):
        return None
    return family


def read_face(path: Path) -> FontFace | None:
    """The family and weight of a TrueType or OpenType file, or None if they cannot be read.

    Read once per version of the file: validation and the window both ask at start."""
    try:
        status = path.stat()
    except OSError:
        return None
    return _read_face(path, status.st_mtime_ns, status.st_size)


@lru_cache(maxsize=32)
def _read_face(path: Path, _mtime_ns: int, _size: int) -> FontFace | None:
    try:
        data = path.read_bytes()
        tables = _tables(data)
        family = _family(data, tables.get(b"name"))
        weight = _weight(data, tables.get(b"OS/2"))
        heaviest = max(weight, _heaviest_axis(data, tables.get(b"fvar")))
    except (OSError, struct.error, ValueError, UnicodeDecodeError):
        return None
    return FontFace(family, heaviest) if family else None


def _tables(data: bytes) -> dict[bytes, tuple[int, int]]:
    count = struct.unpack_from(">H", data, 4)[0]
    found = {}
    for index in range(count):
        tag, _, offset, length = struct.unpack_from(">4sIII", data, 12 + 16 * index)
        found[tag] = (offset, length)
    return found


def _weight(data: bytes, where: tuple[int, int] | None) -> int:
    """usWeightClass from the OS/2 table (400 regular, 700 bold)."""
    return struct.unpack_from(">H", data, where[0] + 4)[0] if where else 400


def _heaviest_axis(data: bytes, where: tuple[int, int] | None) -> int:
    """A variable font's heaviest weight on its wght axis; 0 for a static font."""
    if where is None:
        return 0
    start = where[0]
    axes_offset, _, axis_count, axis_size = struct.unpack_from(">HHHH", data, start + 4)
    for index in range(axis_count):
        tag, _, _, maximum = struct.unpack_from(
            ">4siii", data, start + axes_offset + index * axis_size
        )
        if tag == b"wght":
            return maximum >> 16  # Fixed 16.16
    return 0


def _family(data: bytes, where: tuple[int, int] | None) -> str:
    """The typographic family (name 16), else the family (name 1), as Qt would group it."""
    if where is None:
        return ""
    start = where[0]
    _, count, strings = struct.unpack_from(">HHH", data, start)
    names: dict[int, str] = {}
    for index in range(count):
        platform, _, _, name_id, length, offset = struct.unpack_from(
            ">HHHHHH", data, start + 6 + 12 * index
        )
        if name_id in (1, 16) and name_id not in names:
            raw = data[start + strings + offset : start + strings + offset + length]
            names[name_id] = raw.decode("utf-16-be" if platform in (0, 3) else "latin-1")
    return names.get(16) or names.get(1, "")
