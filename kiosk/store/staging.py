"""The staging folder (data/tmp): one locked folder per install, and clean-up after a crash."""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

from kiosk.paths import KioskPaths
from kiosk.store.atomic_file import is_leftover_temp
from kiosk.store.locks import file_lock, is_held

log = logging.getLogger(__name__)
LOCK_SUFFIX = ".lock"
# A download that carries on after a restart (the feed's): its owner tidies it, not clean-up.
RESUMABLE_FOLDER = "feed-download"


@contextmanager
def staging_folder(paths: KioskPaths, prefix: str = "install-") -> Iterator[Path]:
    """A fresh folder under tmp/, marked live by a held lock, and removed when the block ends."""
    with ExitStack() as stack:
        # Made under the store lock so a clean-up never sees the folder before its lock.
        with file_lock(paths.store_lock_file):
            folder = Path(tempfile.mkdtemp(dir=paths.staging_dir, prefix=prefix))
            lock = _lock_path(folder)
            stack.enter_context(file_lock(lock))
        try:
            yield folder
        finally:
            shutil.rmtree(folder, ignore_errors=True)
            lock.unlink(missing_ok=True)


def clean_leftovers(paths: KioskPaths) -> list[Path]:
    """Remove what a killed install or prune left in tmp/, and half-written pointer files."""
    removed: list[Path] = []
    with file_lock(paths.store_lock_file):
        for entry in sorted(paths.staging_dir.iterdir()):
            if not os.path.lexists(entry):
                continue  # a lock file removed along with its folder just before
            if entry.name.endswith(LOCK_SUFFIX):
                if not entry.with_name(entry.name.removesuffix(LOCK_SUFFIX)).exists():
                    _remove_if_unheld(entry, entry, removed)
                continue
            if entry.name == RESUMABLE_FOLDER:
                continue
            _remove_if_unheld(entry, _lock_path(entry), removed)
        for entry in paths.data_dir.iterdir():
            if is_leftover_temp(entry):
                entry.unlink(missing_ok=True)
                removed.append(entry)
    if removed:
        log.info("Removed leftovers of an interrupted install: %s", [str(p) for p in removed])
    return removed


def _remove_if_unheld(entry: Path, lock: Path, removed: list[Path]) -> None:
    if is_held(lock):
        return  # an install still running, here or in another process
    if entry.is_dir() and not entry.is_symlink():
        shutil.rmtree(entry, ignore_errors=True)
    else:
        entry.unlink(missing_ok=True)
    lock.unlink(missing_ok=True)
    removed.append(entry)


def _lock_path(folder: Path) -> Path:
    return folder.with_name(folder.name + LOCK_SUFFIX)
