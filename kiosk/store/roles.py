"""Changing which installed bundle is active: activation, rollback and pruning."""

from __future__ import annotations

import logging
from collections.abc import Callable

from kiosk.paths import KioskPaths
from kiosk.store.catalogue import prune_folders
from kiosk.store.errors import StoreError
from kiosk.store.locks import file_lock
from kiosk.store.pointer import BUILTIN, Pointer, read_pointer, write_pointer

log = logging.getLogger(__name__)


def activate_pending(paths: KioskPaths) -> str | None:
    """Make the pending bundle active (the active one becomes last-known-good), then prune."""
    with file_lock(paths.store_lock_file):
        pointer = read_pointer(paths.pointer_file)
        if not pointer.pending:
            return None
        if not (paths.bundles_dir / pointer.pending).is_dir():
            log.warning("Pending bundle %s is missing; nothing to activate", pointer.pending)
            write_pointer(paths.pointer_file, Pointer(pointer.active, pointer.last_known_good))
            return None
        activated = pointer.activated()
        write_pointer(paths.pointer_file, activated)
        prune_folders(paths, activated)
    log.info("Activated bundle %s", activated.active)
    return activated.active


def rollback(paths: KioskPaths) -> Pointer:
    """Swap the active and last-known-good bundles (the built-in content counts as the earlier
    one); raise StoreError when there is nothing earlier."""

    def swap(pointer: Pointer) -> Pointer:
        previous = pointer.previous()
        if not previous:
            raise StoreError("The built-in content is on show; there is nothing earlier.")
        if previous != BUILTIN and not (paths.bundles_dir / previous).is_dir():
            raise StoreError(f"The earlier bundle ({previous}) is missing.")
        return pointer.rolled_back()

    pointer = _update(paths, swap)
    log.info("Rolled back to bundle %s", pointer.active)
    return pointer


def prune(paths: KioskPaths) -> list[str]:
    """Delete installed bundles other than active, last-known-good and pending."""
    with file_lock(paths.store_lock_file):
        return prune_folders(paths, read_pointer(paths.pointer_file))


def _update(paths: KioskPaths, change: Callable[[Pointer], Pointer]) -> Pointer:
    with file_lock(paths.store_lock_file):
        pointer = change(read_pointer(paths.pointer_file))
        write_pointer(paths.pointer_file, pointer)
    return pointer
