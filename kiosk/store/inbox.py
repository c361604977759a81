"""The inbox folder: bundles dropped there are installed once, then moved to done/ or refused/.

Something in the inbox is taken when it has stopped changing: neither its modification time nor
its status-change time (ctime, which copy tools cannot back-date) has moved in the last
QUIET_SECONDS, for a .zip or for any file in a folder. Hidden names are ignored.
"""

from __future__ import annotations

import logging
import os
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from kiosk.content import BundleInvalid, Problem
from kiosk.store.install import InstallResult

log = logging.getLogger(__name__)

DONE = "done"
REFUSED = "refused"
QUIET_SECONDS = 10.0
PROBLEMS_SUFFIX = ".problems.txt"


@dataclass(frozen=True)
class InboxOutcome:
    """What became of one thing taken from the inbox."""

    source: Path  # where it was dropped
    moved_to: Path  # where it is now, in done/ or refused/
    message: str  # the install's message, or a summary of the refusal
    problems: tuple[Problem, ...] = ()

    @property
    def accepted(self) -> bool:
        return not self.problems


def scan_inbox(
    folder: Path, quiet_seconds: float = QUIET_SECONDS, now: float | None = None
) -> list[Path]:
    """The .zip files and folders in `folder` still for `quiet_seconds`, oldest first."""
    if not folder.is_dir():
        return []
    now = time.time() if now is None else now
    found = []
    for entry in folder.iterdir():
        if entry.name.startswith(".") or entry.name in (DONE, REFUSED) or entry.is_symlink():
            continue
        if not (entry.is_dir() or (entry.is_file() and entry.suffix.lower() == ".zip")):
            continue
        changed = _last_change(entry)
        if changed is not None and now - changed >= quiet_seconds:
            found.append((changed, entry))
    return [entry for _, entry in sorted(found)]


def take_from_inbox(candidate: Path, install: Callable[[Path], InstallResult]) -> InboxOutcome:
    """Install `candidate` with `install`, then move it to done/ or refused/ (with its problems)."""
    inbox = candidate.parent
    try:
        result = install(candidate)
    except BundleInvalid as refusal:
        moved = _move_unique(candidate, inbox / REFUSED)
        moved.with_name(moved.name + PROBLEMS_SUFFIX).write_text(
            _problems_text(candidate, refusal.problems), encoding="utf-8"
        )
        summary = f"{candidate.name} was not installed: {len(refusal.problems)} problem(s)."
        log.warning("Inbox: %s moved to %s", summary, moved)
        return InboxOutcome(candidate, moved, summary, tuple(refusal.problems))
    moved = _move_unique(candidate, inbox / DONE)
    log.info("Inbox: %s installed and moved to %s", candidate.name, moved)
    return InboxOutcome(candidate, moved, result.message)


def _last_change(entry: Path) -> float | None:
    """The latest mtime or ctime of `entry` and, for a folder, of everything in it."""
    latest = 0.0
    try:
        paths = [entry]
        if entry.is_dir():
            for folder, dirnames, filenames in os.walk(entry):
                paths.extend(Path(folder, name) for name in dirnames + filenames)
        for path in paths:
            info = path.lstat()
            latest = max(latest, info.st_mtime, info.st_ctime)
    except OSError:
        return None  # vanished or unreadable mid-scan: look again next time
    return latest


def _move_unique(path: Path, folder: Path) -> Path:
    """Move `path` into `folder`, adding " (2)", " (3)"... if the name is taken."""
    folder.mkdir(exist_ok=True)
    stem, suffix = (path.stem, path.suffix) if path.is_file() else (path.name, "")
    target = folder / path.name
    number = 2
    while target.exists() or target.with_name(target.name + PROBLEMS_SUFFIX).exists():
        target = folder / f"{stem} ({number}){suffix}"
        number += 1
    shutil.move(path, target)
    return target


def _problems_text(candidate: Path, problems: list[Problem]) -> str:
    lines = [
        f"{candidate.name} was not installed. The content on show has not changed.",
        "Fix these problems, then drop the bundle into the inbox again:",
        "",
        *(f"  - {problem}" for problem in problems),
    ]
    return "\n".join(lines) + "\n"
