"""Reading an Opus-in-Ogg file's length without decoding it, in pure Python.

An Ogg file is a chain of pages, each starting "OggS"; the first page's packet is the Opus
identification header ("OpusHead": channels and pre-skip). A page's granule position counts
48 kHz samples decoded so far, so the length is the last page's granule minus the pre-skip
(RFC 7845). No CRC check: a cut or foreign file already breaks the chain of pages."""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path

OPUS_RATE = 48_000  # Opus granule positions always count 48 kHz samples (RFC 7845 4)
_PAGE_HEADER = struct.Struct("<4sBBqIIIB")  # capture, version, type, granule, serial, seq, crc, n
MAX_PAGE = _PAGE_HEADER.size + 255 + 255 * 255  # the largest an Ogg page can be


class NotOpus(ValueError):
    """The bytes are not an Opus-in-Ogg file; the message says why, for a person."""


@dataclass(frozen=True)
class OpusInfo:
    """What the container says: channels and length."""

    channels: int
    seconds: float


def opus_info(path: Path | str) -> OpusInfo:
    """Channels and length of the Opus-in-Ogg file at `path`; raise NotOpus if it is not one.

    Only its first page and its last are read when the last page ends the file exactly (a
    kiosk start reads hundreds of these); otherwise every page is walked, to say what is
    wrong."""
    with open(path, "rb") as handle:
        head = handle.read(MAX_PAGE)
        size = handle.seek(0, 2)
        handle.seek(max(0, size - MAX_PAGE))
        tail = handle.read()
    if size <= MAX_PAGE:
        return parse_opus(head)
    try:
        granule, _, end = _page(tail, tail.rindex(b"OggS"))
        _, first_packet, _ = _page(head, 0)
    except (ValueError, NotOpus):
        end = -1
    if end != len(tail) or not head.startswith(b"OggS") or granule == -1:
        with open(path, "rb") as handle:
            return parse_opus(handle.read())
    return _info(first_packet, granule)


def parse_opus(data: bytes) -> OpusInfo:
    """Channels and length of Opus-in-Ogg `data`; raise NotOpus if it is not one."""
    if not data.startswith(b"OggS"):
        raise NotOpus("is not an Ogg audio file (its first bytes say otherwise)")
    offset, last_granule, first_packet = 0, -1, b""
    while offset < len(data):
        granule, body, offset = _page(data, offset)
        if not first_packet:
            first_packet = body
        if granule != -1:  # -1: no packet ends on this page
            last_granule = granule
    return _info(first_packet, last_granule)


def _info(first_packet: bytes, last_granule: int) -> OpusInfo:
    channels, pre_skip = _opus_head(first_packet)
    if last_granule <= pre_skip:
        raise NotOpus("is an Ogg file with no sound in it")
    return OpusInfo(channels, (last_granule - pre_skip) / OPUS_RATE)


def _page(data: bytes, offset: int) -> tuple[int, bytes, int]:
    """(granule position, body, offset of the next page) of the page at `offset`."""
    if len(data) - offset < _PAGE_HEADER.size:
        raise NotOpus("ends part-way through an Ogg page (was the copy cut short?)")
    capture, version, _, granule, _, _, _, segments = _PAGE_HEADER.unpack_from(data, offset)
    if capture != b"OggS" or version != 0:
        raise NotOpus(f"is a damaged Ogg file: no page starts at byte {offset}")
    table_end = offset + _PAGE_HEADER.size + segments
    body_end = table_end + sum(data[offset + _PAGE_HEADER.size : table_end])
    if table_end > len(data) or body_end > len(data):
        raise NotOpus("ends part-way through an Ogg page (was the copy cut short?)")
    return granule, data[table_end:body_end], body_end


def _opus_head(packet: bytes) -> tuple[int, int]:
    """(channels, pre-skip) from the identification header."""
    if not packet.startswith(b"OpusHead") or len(packet) < 19:
        raise NotOpus("is an Ogg file, but not Opus audio (it has no OpusHead header)")
    version, channels, pre_skip = struct.unpack_from("<BBH", packet, 8)
    if version >> 4 != 0 or channels == 0:
        raise NotOpus("has an Opus header this kiosk cannot play")
    return channels, pre_skip
