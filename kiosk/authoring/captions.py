"""Captions as the kiosk wants them: SubRip (.srt) from a phone app or editor becomes WebVTT."""

from __future__ import annotations

import re
from pathlib import Path

from kiosk.authoring.errors import AuthoringError

_SRT_TIME = re.compile(r"(\d{1,2}:\d{2}:\d{2}),(\d{3})")


def read_caption_text(path: Path) -> str:
    """The file as text: UTF-8 (with or without a BOM), else Windows' Western encoding, as
    older subtitle tools write."""
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def srt_to_vtt(text: str) -> str:
    """SubRip text as WebVTT: the header, and timestamps with a dot before the milliseconds."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    return "WEBVTT\n\n" + _SRT_TIME.sub(r"\1.\2", text) + "\n"


def caption_as_vtt(path: Path) -> str:
    """The captions in `path` (.srt or .vtt) as WebVTT text."""
    suffix = path.suffix.lower()
    if suffix not in (".srt", ".vtt"):
        raise AuthoringError(f"{path.name}: captions must be a .srt or .vtt file")
    if not path.is_file():
        raise AuthoringError(f"{path}: no such file")
    text = read_caption_text(path)
    if suffix == ".srt":
        return srt_to_vtt(text)
    if not text.startswith("WEBVTT"):
        raise AuthoringError(f"{path.name}: a .vtt file must start with the line WEBVTT")
    return text.replace("\r\n", "\n")
