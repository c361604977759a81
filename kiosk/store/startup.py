"""Choosing the bundle to show at start: active, else last-known-good, else the built-in one."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from kiosk.content import BundleInvalid, LoadedBundle, load_bundle
from kiosk.content.limits import DEFAULT_LIMITS, Limits
from kiosk.paths import KioskPaths
from kiosk.store.errors import StoreError
from kiosk.store.pointer import BUILTIN, Pointer, PointerUnreadable, read_pointer
from kiosk.store.roles import activate_pending
from kiosk.store.staging import clean_leftovers
from kiosk.store.validated import recall, remember

log = logging.getLogger(__name__)


Source = Literal["active", "last-known-good", "built-in"]


class NoUsableBundle(RuntimeError):
    """Even the built-in bundle failed to load: the kiosk was built or installed wrongly."""


@dataclass(frozen=True)
class StartupBundle:
    """The bundle to show, where it came from, and why the ones before it were passed over."""

    loaded: LoadedBundle
    source: Source
    name: str | None  # its folder in bundles/, None for the built-in bundle
    reasons: tuple[str, ...]  # plain sentences for staff; empty when the active one loaded
    activated: str | None = None  # the pending bundle this start made active, if any


def open_active(
    paths: KioskPaths,
    builtin_dir: Path,
    limits: Limits = DEFAULT_LIMITS,
    start_pending: bool = True,
    from_records: bool = False,
) -> StartupBundle:
    """Load the bundle to show; never raises unless the built-in bundle itself is broken.

    With `from_records` (the kiosk's own start), a bundle whose validation record still
    matches is read from it, without pydantic (a RecordedBundle); one without is validated
    in full and its record written for the next start."""
    reasons: list[str] = []
    records = paths if from_records else None
    activated = _prepare(paths, start_pending, reasons)
    try:
        pointer = read_pointer(paths.pointer_file)
    except StoreError as error:
        log.error("%s Starting on the built-in bundle.", error)
        reasons.append(str(error))
        pointer = Pointer()
    stored: tuple[tuple[Source, str | None], ...] = (
        ("active", pointer.active),
        ("last-known-good", pointer.last_known_good),
    )
    for source, name in stored:
        if name == BUILTIN:
            break  # the built-in content was chosen (gone back to): nothing before it to try
        if not name:
            continue
        loaded = _try_load(paths.bundles_dir / name, source, limits, reasons, records)
        if loaded is not None:
            return StartupBundle(loaded, source, name, tuple(reasons), activated)
    if not pointer.active:
        log.info("No bundle is installed yet; showing the built-in bundle.")
    try:
        loaded = _load(builtin_dir, limits, records)
    except BundleInvalid as refusal:
        raise NoUsableBundle(
            f"The built-in bundle at {builtin_dir} is broken:\n{refusal}"
        ) from None
    return StartupBundle(loaded, "built-in", None, tuple(reasons), activated)


def _prepare(paths: KioskPaths, start_pending: bool, reasons: list[str]) -> str | None:
    """Clean up after a crash and go live with a pending bundle (start is a quiet moment)."""
    try:
        paths.ensure()
        clean_leftovers(paths)
        return activate_pending(paths) if start_pending else None
    except PointerUnreadable:
        return None  # reported by the caller, which reads the pointer next
    except (OSError, StoreError) as error:
        # Still start: on whatever the pointer says, or on the built-in bundle.
        log.exception("Store start-up step failed")
        reasons.append(f"The bundle store could not be tidied at start ({error}).")
        return None


def _load(folder: Path, limits: Limits, records: KioskPaths | None) -> LoadedBundle:
    """The bundle in `folder`: from its record when `records` is given and it matches, else
    fully validated (then recorded for the next start)."""
    if records is None:
        return load_bundle(folder, limits)
    recorded = recall(records, folder, limits)
    if recorded is not None:
        return recorded
    loaded = load_bundle(folder, limits)
    remember(records, loaded, limits)
    return loaded


def _try_load(
    folder: Path, source: str, limits: Limits, reasons: list[str], records: KioskPaths | None
) -> LoadedBundle | None:
    try:
        return _load(folder, limits, records)
    except BundleInvalid as refusal:
        log.warning("The %s bundle failed to load: %s", source, refusal)
        detail = _summary(refusal)
    except Exception as error:  # start-up must survive whatever is on disk
        log.exception("The %s bundle %s failed to load", source, folder)
        detail = f"{type(error).__name__}: {error}"
    reasons.append(f"The {source} bundle {folder.name} could not be loaded: {detail}")
    return None


def _summary(refusal: BundleInvalid) -> str:
    """The first problem, and how many more the log holds."""
    problems = refusal.problems
    if not problems:
        return "unknown problem"
    more = f" (and {len(problems) - 1} more; see the log)" if len(problems) > 1 else ""
    return f"{problems[0]}{more}"
