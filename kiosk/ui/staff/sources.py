"""Finding bundles staff can install: on mounted removable drives and in the inbox folder."""

from __future__ import annotations

import glob
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

# Where Linux desktops and kiosk set-ups mount USB drives (udisks, usbmount, by hand).
DRIVE_PATTERNS = ("/media/*/*", "/media/*", "/run/media/*/*", "/mnt/*")
SEARCH_DEPTH = 2  # a .zip or bundle folder at the top of a drive, or a folder or two down
MOST_CANDIDATES = 100  # a drive full of zips should not fill the screen with buttons
INBOX_SKIPPED = {"done", "refused"}  # the inbox's own record of what it has taken


@dataclass(frozen=True)
class Candidate:
    """A .zip file or a bundle folder that staff may choose to install."""

    path: Path
    root: Path  # the drive or inbox it was found in
    place: str  # where it is, in words: "USB drive KINGSTON", "Inbox folder"
    kind: Literal["zip", "folder"]

    @property
    def name(self) -> str:
        """Its path inside the drive or inbox, e.g. "new/content.zip"."""
        if self.path == self.root:
            return self.path.name or str(self.path)
        return self.path.relative_to(self.root).as_posix()


def mounted_drives(
    patterns: Iterable[str] = DRIVE_PATTERNS, is_mount: Callable[[str], bool] = os.path.ismount
) -> list[Path]:
    """The mounted folders matching `patterns`, each one a drive, without repeats."""
    found: dict[str, Path] = {}
    for pattern in patterns:
        for match in sorted(glob.glob(pattern)):
            if os.path.isdir(match) and is_mount(match):
                found.setdefault(os.path.realpath(match), Path(match))
    return list(found.values())


def bundles_under(
    root: Path, depth: int = SEARCH_DEPTH, skip: Iterable[str] = (), include_root: bool = True
) -> list[Path]:
    """Every .zip and every folder holding bundle.json under `root`, down to `depth` levels."""
    skipped = set(skip)
    found: list[Path] = []

    def visit(folder: Path, level: int) -> None:
        if (folder / "bundle.json").is_file() and (level or include_root):
            found.append(folder)
            return  # a bundle's own folders hold its media, not more bundles
        if level >= depth:
            return
        try:
            entries = sorted(folder.iterdir(), key=lambda entry: entry.name.lower())
        except OSError:
            return  # unreadable (a drive pulled out, no permission): nothing to offer
        for entry in entries:
            if len(found) >= MOST_CANDIDATES:
                return
            # Links are not followed: a drive could point them anywhere on the kiosk.
            if entry.name.startswith(".") or entry.is_symlink():
                continue
            if entry.is_file() and entry.suffix.lower() == ".zip":
                found.append(entry)
            elif entry.is_dir() and entry.name not in skipped:
                visit(entry, level + 1)

    visit(root, 0)
    return found


def find_candidates(drives: Iterable[Path], inbox: Path | None) -> list[Candidate]:
    """What can be installed: everything on each drive, then everything waiting in the inbox."""
    candidates = []
    for drive in drives:
        candidates += _candidates(bundles_under(drive), drive, f"USB drive {drive.name}")
    if inbox is not None:
        waiting = bundles_under(inbox, depth=1, skip=INBOX_SKIPPED, include_root=False)
        candidates += _candidates(waiting, inbox, "Inbox folder")
    return candidates[:MOST_CANDIDATES]


def _candidates(paths: list[Path], root: Path, place: str) -> list[Candidate]:
    return [Candidate(p, root, place, "folder" if p.is_dir() else "zip") for p in paths]
