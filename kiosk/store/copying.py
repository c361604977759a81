"""Bringing a bundle into the staging folder: copying a folder or unpacking a .zip, with limits."""

from __future__ import annotations

import io
import os
import stat
from collections.abc import Callable
from pathlib import Path, PurePosixPath

from kiosk.content import BundleInvalid, Problem
from kiosk.content.archive import ArchiveRefused, unpack_zip
from kiosk.content.limits import Limits

Report = Callable[[float], None]
_CHUNK = 1024 * 1024


def copy_folder(source: Path, destination: Path, limits: Limits, report: Report) -> None:
    """Copy the bundle folder `source` into the empty `destination`, refusing links and excess."""
    files = survey_folder(source, limits)
    total = sum(size for _, size in files) or 1
    copied = 0
    for relative, _ in files:
        target = destination.joinpath(*relative.parts)
        target.parent.mkdir(parents=True, exist_ok=True)
        # O_NOFOLLOW: a file swapped for a link after the survey is still not followed.
        fd = os.open(source.joinpath(*relative.parts), os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
        with os.fdopen(fd, "rb") as reader, target.open("xb") as writer:
            while chunk := reader.read(_CHUNK):
                copied += len(chunk)
                if copied > limits.unpacked_bytes:  # a file grew after the survey
                    raise _refused(source, _over_bundle_limit(limits))
                writer.write(chunk)
                report(copied / total)
    report(1.0)


def survey_folder(source: Path, limits: Limits) -> list[tuple[PurePosixPath, int]]:
    """Every file under `source` with its size; refuse links, special files and oversize."""
    files: list[tuple[PurePosixPath, int]] = []
    entries = total = 0
    for folder, dirnames, filenames in os.walk(source, onerror=_unreadable(source)):
        for name in sorted(dirnames) + sorted(filenames):
            entries += 1
            if entries > limits.zip_entries:
                message = f"holds over {limits.zip_entries:,} files and folders, the limit"
                raise _refused(source, message)
            relative = PurePosixPath(Path(folder, name).relative_to(source).as_posix())
            size = _file_size(source, relative, limits)
            if size is None:
                continue  # a folder: os.walk goes into it
            total += size
            if total > limits.unpacked_bytes:
                raise _refused(source, _over_bundle_limit(limits))
            files.append((relative, size))
    return files


def _file_size(source: Path, relative: PurePosixPath, limits: Limits) -> int | None:
    """The size of an ordinary file, None for a folder; refuse links, devices and oversize."""
    info = source.joinpath(*relative.parts).lstat()
    if stat.S_ISLNK(info.st_mode):
        message = f"{relative} is a link; a bundle must hold the file itself, not a link"
        raise _refused(source, message)
    if stat.S_ISDIR(info.st_mode):
        return None
    if not stat.S_ISREG(info.st_mode):
        raise _refused(source, f"{relative} is not an ordinary file")
    if info.st_size > limits.file_bytes:
        message = f"{relative} is over {limits.file_bytes:,} bytes, the limit for one file"
        raise _refused(source, message)
    return info.st_size


def unpack_archive(archive: Path, destination: Path, limits: Limits, report: Report) -> Path:
    """Unpack the .zip `archive` into the empty `destination`; return the bundle's root in it."""
    try:
        with _CountingReader(archive, report) as reader:
            # zipfile reads any seekable file object; counting its reads gives the progress.
            root = unpack_zip(reader, destination, limits)  # type: ignore[arg-type]
    except ArchiveRefused as refusal:
        raise BundleInvalid(str(archive), [Problem(archive.name, "", str(refusal))]) from None
    except OSError as error:
        message = f"cannot be read ({error.strerror or error})"
        raise BundleInvalid(str(archive), [Problem(archive.name, "", message)]) from None
    report(1.0)
    return root


def sync_tree(root: Path) -> None:
    """Flush every file and folder under `root` to disk, so a power cut cannot leave it half."""
    if os.name != "posix":
        return
    for folder, _, filenames in os.walk(root):
        for name in [*filenames, "."]:
            fd = os.open(os.path.join(folder, name), os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)


class _CountingReader(io.FileIO):
    """A file that reports how much of itself has been read so far."""

    def __init__(self, path: Path, report: Report) -> None:
        super().__init__(path, "r")
        self._size = max(os.fstat(self.fileno()).st_size, 1)
        self._read = 0
        self._report = report

    def read(self, size: int = -1) -> bytes:
        data = super().read(size)
        self._read += len(data)
        self._report(min(self._read / self._size, 1.0))
        return data


def _unreadable(source: Path) -> Callable[[OSError], None]:
    def refuse(error: OSError) -> None:
        where = Path(error.filename or source)
        name = where.relative_to(source).as_posix() if where != source else source.name
        raise _refused(source, f"{name} cannot be read ({error.strerror or error})")

    return refuse


def _refused(source: Path, message: str) -> BundleInvalid:
    return BundleInvalid(str(source), [Problem(source.name, "", message)])


def _over_bundle_limit(limits: Limits) -> str:
    return f"holds over {limits.unpacked_bytes:,} bytes, the limit for a bundle"
