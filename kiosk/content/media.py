"""Checking that media files are what their names say, without Qt: bytes are sniffed and
images and captions are parsed. Each check returns a sentence for staff, or None if fine."""

from __future__ import annotations

import os
import re
import stat
import struct
import zlib
from collections.abc import Callable
from pathlib import Path
from xml.etree import ElementTree

import webvtt

from kiosk.content.limits import Limits
from kiosk.content.model import (
    CaptionFile,
    FontFile,
    ImageFile,
    LicenceFile,
    MediaRef,
    NarrationIndexFile,
    VideoFile,
)

Check = Callable[[Path, Limits], str | None]


def place_problem(root: Path, ref: str, limits: Limits) -> str | None:
    """Why the file `ref` names is not a real file inside the bundle at `root`, or None."""
    return Places(root, limits).problem(ref)


class Places:
    """Checks that the files a bundle names are real files inside it; each folder on the way
    is looked at once, however many files it holds (a narration has hundreds)."""

    def __init__(self, root: Path, limits: Limits) -> None:
        self.root, self.limits = root, limits
        self._folders: dict[str, str | None] = {}
        self._root_text = os.fspath(root)  # plain strings: pathlib costs more than the lstat

    def problem(self, ref: str) -> str | None:
        """Why `ref` is not a real file inside the bundle, or None."""
        parts = ref.split("/")
        for depth in range(1, len(parts)):
            folder = "/".join(parts[:depth])
            if folder not in self._folders:
                self._folders[folder] = self._folder_problem(folder)
            if self._folders[folder] is not None:
                return self._folders[folder]
        try:
            info = os.lstat(os.path.join(self._root_text, *parts))
        except FileNotFoundError:
            return "is not in the bundle"
        if stat.S_ISLNK(info.st_mode):
            return "is a link; bundles must hold real files, not links"
        if stat.S_ISDIR(info.st_mode):
            return "is a folder, not a file"
        if not stat.S_ISREG(info.st_mode):
            return "is not an ordinary file"
        if info.st_size > self.limits.file_bytes:
            return f"is over the limit of {self.limits.file_bytes:,} bytes for one file"
        return None

    def _folder_problem(self, folder: str) -> str | None:
        path = self.root / folder
        if path.is_symlink():
            return "is a link; bundles must hold real files, not links"
        if not path.is_dir():
            return "is not in the bundle"
        if not path.resolve().is_relative_to(self.root.resolve()):
            return "leaves the bundle folder"
        return None


def check_media(path: Path, ref: MediaRef, limits: Limits) -> str | None:
    """Sniff `path` as the kind of media `ref` names; a plain sentence if it is not that."""
    try:
        return _CHECKS[type(ref)](path, limits)
    except OSError as error:
        return f"could not be read ({error.strerror or error})"


# --- Video -----------------------------------------------------------------------------------


def _check_video(path: Path, limits: Limits) -> str | None:
    with path.open("rb") as handle:
        head = handle.read(64)
    if path.suffix.lower() == ".webm":
        if not head.startswith(b"\x1a\x45\xdf\xa3") or b"webm" not in head:
            return "is not a WebM video (its first bytes say otherwise)"
        return None
    if head[4:8] != b"ftyp":
        return "is not an MP4 video (its first bytes say otherwise)"
    moov = _find_mp4_box(path, b"moov")
    if moov is None:
        return "is an incomplete MP4: it has no 'moov' index (was the copy cut short?)"
    if b"avc1" not in moov and b"avc3" not in moov:
        return "is an MP4 without H.264 video; re-encode it as H.264 with AAC sound"
    if b"soun" in moov and b"mp4a" not in moov:
        return "has sound that is not AAC; re-encode it as H.264 with AAC sound"
    return None


def _find_mp4_box(path: Path, wanted: bytes, limit: int = 64 * 1024 * 1024) -> bytes | None:
    """Read one top-level MP4 box by walking box headers (seeking past the media data)."""
    size_on_disk = path.stat().st_size
    with path.open("rb") as handle:
        offset = 0
        while offset + 8 <= size_on_disk:
            handle.seek(offset)
            size, kind = struct.unpack(">I4s", handle.read(8))
            header = 8
            if size == 1:
                size = struct.unpack(">Q", handle.read(8))[0]
                header = 16
            elif size == 0:
                size = size_on_disk - offset
            if size < header or offset + size > size_on_disk:
                return None
            if kind == wanted:
                return handle.read(min(size - header, limit))
            offset += size
    return None


# --- Captions --------------------------------------------------------------------------------


def _check_captions(path: Path, limits: Limits) -> str | None:
    data = path.read_bytes()
    if len(data) > limits.caption_bytes:
        return f"is {len(data):,} bytes, over the limit of {limits.caption_bytes:,} for captions"
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        return f"is not valid UTF-8 text (bad byte at position {error.start})"
    if not text.startswith("WEBVTT"):
        return "is not a WebVTT file: it must start with the line WEBVTT"
    try:
        captions = webvtt.from_string(text)
    except Exception as error:  # webvtt-py raises several types for malformed input
        return f"is not valid WebVTT ({error})"
    if not captions.captions:
        return "has no captions in it"
    return None


# --- Images ----------------------------------------------------------------------------------


def _check_image(path: Path, limits: Limits) -> str | None:
    suffix = path.suffix.lower()
    if suffix == ".svg":
        return _check_svg(path, limits)
    data = path.read_bytes()
    if suffix == ".png":
        return _check_png(data, limits)
    return _check_jpeg(data, limits)


_SVG_FORBIDDEN = re.compile(rb"<!DOCTYPE|<!ENTITY|<script|<foreignObject", re.IGNORECASE)
_SVG_EXTERNAL = re.compile(rb"""(?:xlink:)?href\s*=\s*["'](?!#|data:image/)""", re.IGNORECASE)


def _check_svg(path: Path, limits: Limits) -> str | None:
    if path.stat().st_size > limits.svg_bytes:
        return f"is over the limit of {limits.svg_bytes:,} bytes for an SVG drawing"
    data = path.read_bytes()
    if _SVG_FORBIDDEN.search(data):
        return "contains a DOCTYPE, entity, script or embedded page; drawings must be plain SVG"
    if _SVG_EXTERNAL.search(data):
        return "links to a file or web address; SVG drawings must be self-contained"
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as error:
        return f"is not a readable SVG drawing ({error})"
    if root.tag not in ("svg", "{http://www.w3.org/2000/svg}svg"):
        return "is not an SVG drawing (its top element is not <svg>)"
    return None


def _check_png(data: bytes, limits: Limits) -> str | None:
    if not data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "is not a PNG image (its first bytes say otherwise)"
    offset, idat, width, height, row_bytes = 8, [], 0, 0, 0
    while offset + 12 <= len(data):
        length, kind = struct.unpack(">I4s", data[offset : offset + 8])
        body = data[offset + 8 : offset + 8 + length]
        crc_bytes = data[offset + 8 + length : offset + 12 + length]
        if len(body) < length or len(crc_bytes) < 4:
            return "is a damaged PNG image: it ends part-way through"
        if zlib.crc32(kind + body) != struct.unpack(">I", crc_bytes)[0]:
            return f"is a damaged PNG image (bad checksum in its {kind.decode('latin-1')} chunk)"
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", body[:10])
            channels = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}.get(colour, 4)
            row_bytes = 1 + (width * channels * depth + 7) // 8
        elif kind == b"IDAT":
            idat.append(body)
        elif kind == b"IEND":
            break
        offset += 12 + length
    else:
        return "is a damaged PNG image: it has no end marker"
    return _check_pixels(width, height, limits) or _inflate_png(idat, height * row_bytes)


def _inflate_png(chunks: list[bytes], expected: int) -> str | None:
    try:
        inflated = zlib.decompressobj().decompress(b"".join(chunks), expected + 1)
    except zlib.error:
        return "is a damaged PNG image: its pixel data does not decode"
    if expected and len(inflated) < expected:
        return "is a damaged PNG image: its pixel data is cut short"
    return None


def _check_jpeg(data: bytes, limits: Limits) -> str | None:
    if not data.startswith(b"\xff\xd8"):
        return "is not a JPEG image (its first bytes say otherwise)"
    if not data.rstrip(b"\x00").endswith(b"\xff\xd9"):
        return "is a damaged JPEG image: it ends part-way through"
    offset = 2
    while offset + 4 <= len(data):
        if data[offset] != 0xFF:
            return "is a damaged JPEG image: its markers are out of order"
        marker = data[offset + 1]
        length = struct.unpack(">H", data[offset + 2 : offset + 4])[0]
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
            height, width = struct.unpack(">HH", data[offset + 5 : offset + 9])
            return _check_pixels(width, height, limits)
        offset += 2 + length
    return "is a damaged JPEG image: it has no frame header"


def _check_pixels(width: int, height: int, limits: Limits) -> str | None:
    if width == 0 or height == 0:
        return "is an empty image (0 pixels wide or high)"
    if width * height > limits.image_pixels:
        return (
            f"is {width}x{height} pixels, over the limit of {limits.image_pixels:,} pixels "
            "for one image"
        )
    return None


# --- Fonts and licences ----------------------------------------------------------------------


def _check_font(path: Path, limits: Limits) -> str | None:
    with path.open("rb") as handle:
        head = handle.read(12)
    if head[:4] not in (b"\x00\x01\x00\x00", b"OTTO", b"true"):
        return "is not a TrueType or OpenType font (its first bytes say otherwise)"
    tables = struct.unpack(">H", head[4:6])[0]
    if not 1 <= tables <= 100 or path.stat().st_size < 12 + 16 * tables:
        return "is a damaged font file: its table directory does not fit"
    return None


def _check_licence(path: Path, limits: Limits) -> str | None:
    try:
        path.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        return "is not plain UTF-8 text"
    return None


_CHECKS: dict[type[MediaRef], Check] = {
    VideoFile: _check_video,
    CaptionFile: _check_captions,
    ImageFile: _check_image,
    FontFile: _check_font,
    LicenceFile: _check_licence,
    # Read and checked in full, with the audio it names, by kiosk.content.narration_checks.
    NarrationIndexFile: lambda path, limits: None,
}
