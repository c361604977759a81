"""Unpacking a bundle .zip safely, and packing a folder into a reproducible .zip."""

from __future__ import annotations

import os
import stat
import zipfile
from collections.abc import Iterable
from pathlib import Path, PurePosixPath

from kiosk.content.limits import Limits

NESTED_ARCHIVE_SUFFIXES = (".zip", ".tar", ".gz", ".tgz", ".bz2", ".xz", ".7z", ".rar", ".zst")
_CHUNK = 64 * 1024
# A fixed timestamp makes the same folder always pack to the same bytes.
_FIXED_DATE = (2020, 1, 1, 0, 0, 0)


class ArchiveRefused(ValueError):
    """The .zip will not be unpacked; the message names the entry or the limit."""


def unpack_zip(archive: Path, destination: Path, limits: Limits) -> Path:
    """Unpack `archive` into the empty folder `destination`; return the bundle's root folder.

    Entries are checked before anything is written, and sizes are counted while streaming,
    because a zip's headers can lie.
    """
    try:
        with zipfile.ZipFile(archive) as zf:
            entries = zf.infolist()
            _check_entries(entries, limits)
            written = 0
            for entry in entries:
                if entry.is_dir():
                    continue
                written = _extract(zf, entry, destination, written, limits)
    except zipfile.BadZipFile as error:
        raise ArchiveRefused(f"is not a readable zip file ({error})") from None
    except (EOFError, OSError, zipfile.LargeZipFile) as error:
        raise ArchiveRefused(f"is damaged or truncated ({error})") from None
    except (RuntimeError, NotImplementedError) as error:  # encrypted or unknown compression
        raise ArchiveRefused(f"cannot be unpacked ({error})") from None
    return bundle_root(destination)


def bundle_root(folder: Path) -> Path:
    """The folder holding bundle.json: the top of the zip, or its one top-level folder."""
    if (folder / "bundle.json").exists():
        return folder
    children = [child for child in folder.iterdir() if not child.name.startswith(".")]
    if len(children) == 1 and children[0].is_dir() and (children[0] / "bundle.json").exists():
        return children[0]
    return folder


def _check_entries(entries: list[zipfile.ZipInfo], limits: Limits) -> None:
    if len(entries) > limits.zip_entries:
        raise ArchiveRefused(
            f"has {len(entries):,} entries, over the limit of {limits.zip_entries:,}"
        )
    seen: set[str] = set()
    for entry in entries:
        name = entry.filename
        _check_entry_name(name)
        mode = entry.external_attr >> 16
        if stat.S_ISLNK(mode):
            raise ArchiveRefused(f"entry {name} is a symbolic link; links are not allowed")
        if entry.flag_bits & 0x1:
            raise ArchiveRefused(f"entry {name} is encrypted; bundles cannot be encrypted")
        if not entry.is_dir() and name.lower().endswith(NESTED_ARCHIVE_SUFFIXES):
            raise ArchiveRefused(f"entry {name} is an archive inside the archive; unpack it first")
        key = name.rstrip("/").lower()
        if key in seen:
            raise ArchiveRefused(f"entry {name} appears twice")
        seen.add(key)


def _check_entry_name(name: str) -> None:
    path = PurePosixPath(name)
    if (
        name.startswith(("/", "\\"))
        or "\\" in name
        or (len(name) > 1 and name[1] == ":")
        or ".." in path.parts
        or "\x00" in name
    ):
        raise ArchiveRefused(f"entry {name} would be written outside the bundle folder")


def _extract(
    zf: zipfile.ZipFile, entry: zipfile.ZipInfo, destination: Path, written: int, limits: Limits
) -> int:
    target = destination.joinpath(*PurePosixPath(entry.filename).parts)
    target.parent.mkdir(parents=True, exist_ok=True)
    size = 0
    with zf.open(entry) as source, target.open("xb") as sink:
        while chunk := source.read(_CHUNK):
            size += len(chunk)
            written += len(chunk)
            if size > limits.file_bytes:
                raise ArchiveRefused(
                    f"entry {entry.filename} unpacks to over {limits.file_bytes:,} bytes, "
                    "the limit for one file"
                )
            if written > limits.unpacked_bytes:
                raise ArchiveRefused(
                    f"unpacks to over {limits.unpacked_bytes:,} bytes, the limit for a bundle"
                )
            if size > _CHUNK and size > limits.compression_ratio * max(entry.compress_size, 1):
                raise ArchiveRefused(
                    f"entry {entry.filename} expands more than {limits.compression_ratio} times; "
                    "that is the limit for compression (a zip bomb looks like this)"
                )
            sink.write(chunk)
    return written


def write_zip(folder: Path, files: Iterable[str], output: Path) -> None:
    """Write `files` (bundle-relative paths) from `folder` into a byte-for-byte repeatable zip."""
    tmp = output.with_name(output.name + ".part")
    with zipfile.ZipFile(tmp, "w") as zf:
        for name in sorted(set(files)):
            info = zipfile.ZipInfo(name, date_time=_FIXED_DATE)
            info.external_attr = 0o644 << 16
            # Media are already compressed; deflating them again only costs time.
            compress = not name.lower().endswith((".mp4", ".webm", ".png", ".jpg", ".jpeg"))
            info.compress_type = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED
            zf.writestr(info, (folder / name).read_bytes())
    os.replace(tmp, output)
