"""Opus-in-Ogg files built byte by byte, to test the container reading without an encoder.

The pages are well formed (headers, segment tables, granule positions); the packets after the
two headers are silence-sized filler, which is all the container check looks at."""

from __future__ import annotations

import struct

PRE_SKIP = 312  # what libopus puts in front


def _page(body: bytes, granule: int, sequence: int, first: bool = False) -> bytes:
    segments = [255] * (len(body) // 255) + [len(body) % 255]
    header = struct.pack(
        "<4sBBqIIIB", b"OggS", 0, 2 if first else 0, granule, 1, sequence, 0, len(segments)
    )
    return header + bytes(segments) + body


def opus_head(channels: int = 1, pre_skip: int = PRE_SKIP) -> bytes:
    return b"OpusHead" + struct.pack("<BBHIhB", 1, channels, pre_skip, 48_000, 0, 0)


def ogg_opus(seconds: float, channels: int = 1, pages: int = 3) -> bytes:
    """An Ogg file holding `seconds` of (filler) Opus audio over `pages` audio pages."""
    samples = round(seconds * 48_000)
    data = _page(opus_head(channels), 0, 0, first=True)
    data += _page(b"OpusTags" + struct.pack("<I", 4) + b"test" + struct.pack("<I", 0), 0, 1)
    for number in range(1, pages + 1):
        granule = PRE_SKIP + samples * number // pages
        data += _page(b"\xf8\xff\xfe" * 20, granule, number + 1)
    return data
