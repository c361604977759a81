"""Installing a bundle: copy or unpack to staging, validate fully, rename into bundles/.

A refusal or a crash at any point leaves bundles/ and the pointer as they were: until the one
rename, the new files live only in a staging folder, and clean_leftovers removes those.
"""

from __future__ import annotations

import filecmp
import logging
import os
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal

from kiosk.content import BundleInvalid, LoadedBundle, Problem, load_bundle
from kiosk.content.archive import bundle_root
from kiosk.content.limits import DEFAULT_LIMITS, Limits
from kiosk.paths import KioskPaths
from kiosk.store.atomic_file import fsync_folder
from kiosk.store.catalogue import INSTALL_RECORD, folder_name, write_install_record
from kiosk.store.copying import copy_folder, sync_tree, unpack_archive
from kiosk.store.killpoints import checkpoint
from kiosk.store.locks import file_lock
from kiosk.store.pointer import (
    BUILTIN,
    Pointer,
    PointerUnreadable,
    read_pointer,
    write_pointer,
)
from kiosk.store.progress import COPY_SHARE, PhaseReporter, Progress
from kiosk.store.staging import staging_folder
from kiosk.store.validated import remember

log = logging.getLogger(__name__)

# "repaired": the same version was installed but damaged on disk, and this copy replaced it.
Outcome = Literal["installed", "already-installed", "repaired"]


@dataclass(frozen=True)
class InstallResult:
    """What an install did, with a sentence for staff."""

    name: str
    bundle_id: str
    version: str
    folder: Path
    outcome: Outcome
    pending: bool  # True when it now waits to go live
    message: str  # for the staff panel, which has an Activate now button

    @property
    def message_for_terminal(self) -> str:
        """The message for `kiosk install`: no panel button, so when it goes live and how."""
        return self.message.removesuffix(_PANEL_ENDING) + " " + GOES_LIVE


# From a terminal: a running kiosk takes new content when it is quiet (back on its attract
# screen), a stopped one when it starts; restarting its service is the way to make it now.
GOES_LIVE = (
    "It goes on show when the kiosk next starts, or at the next quiet moment of a running "
    "kiosk (back on its attract screen, nobody using it). To show it now, restart the kiosk "
    "(systemctl --user restart knee-kiosk) or press Activate now in its staff panel."
)
_PANEL_ENDING = " It goes on show at the next quiet moment, or press Activate now."


def describe_role(name: str | None) -> str:
    """A pointer's folder name in words: the built-in content has no folder."""
    return "the built-in content that comes with the kiosk" if name in (None, BUILTIN) else name


def install_bundle(
    paths: KioskPaths,
    source: Path,
    progress: Progress | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> InstallResult:
    """Install the bundle folder or .zip at `source` and mark it pending; raise BundleInvalid."""
    source = Path(source).absolute()
    report = PhaseReporter(progress)
    report(0.0, "copying")
    try:
        with staging_folder(paths) as staging:
            root = _bring_in(paths, source, staging, limits, report)
            sync_tree(root)
            checkpoint("checking")
            report(COPY_SHARE, "checking")
            loaded = load_bundle(root, limits)
            result = _place(paths, source, loaded, limits)
            # Its files are now in the store, unchanged (moved, or the same bytes already
            # there): the next start shows it from this record, without validating again.
            remember(paths, replace(loaded, root=result.folder), limits)
    except BundleInvalid as refusal:
        log.warning("Refused bundle %s:\n%s", source, "\n".join(map(str, refusal.problems)))
        raise
    except OSError:
        log.exception("Install of %s failed; the store is unchanged", source)
        raise
    report(1.0, "done")
    log.info("Install of %s: %s (%s)", source, result.outcome, result.name)
    return result


def _bring_in(
    paths: KioskPaths, source: Path, staging: Path, limits: Limits, report: PhaseReporter
) -> Path:
    """Copy or unpack `source` into `staging`; return the bundle's root folder there."""
    if source.is_dir():
        root = bundle_root(source)
        if paths.data_dir.absolute().is_relative_to(root.absolute()):
            message = "holds the kiosk's own data folder; copy the bundle somewhere else first"
            raise BundleInvalid(str(source), [Problem(source.name, "", message)])
        copy_folder(root, staging / "bundle", limits, report.copying)
        return staging / "bundle"
    if source.is_file():
        return unpack_archive(source, staging / "unpacked", limits, report.copying)
    raise BundleInvalid(str(source), [Problem(str(source), "", "does not exist")])


def _place(paths: KioskPaths, source: Path, loaded: LoadedBundle, limits: Limits) -> InstallResult:
    """Rename the checked bundle into bundles/ and mark it pending, under the store lock."""
    model = loaded.model
    name = folder_name(model.id, model.version)
    target = paths.bundles_dir / name
    with file_lock(paths.store_lock_file):
        outcome = _move_into_store(source, loaded, target, limits)
        checkpoint("placed")
        pointer = _pointer_for_update(paths)
        pending = pointer.active != name
        if pending and pointer.pending != name:
            write_pointer(paths.pointer_file, replace(pointer, pending=name))
    return InstallResult(
        name, model.id, model.version, target, outcome, pending, _message(loaded, outcome, pending)
    )


def _move_into_store(source: Path, loaded: LoadedBundle, target: Path, limits: Limits) -> Outcome:
    """Put the staged bundle at `target`, unless the same files are already there."""
    root, model = loaded.root, loaded.model
    if target.exists():
        if _loads(target, limits):
            if _same_files(root, target):
                return "already-installed"
            message = (
                f"version {model.version} of {model.id} is already installed with different "
                "files; give this bundle a higher version number and install it again"
            )
            raise BundleInvalid(str(source), [Problem("bundle.json", "version", message)])
        # The installed copy is damaged: set it aside in staging (removed with it), then replace.
        log.warning("Installed bundle %s is damaged; replacing it with %s", target, source)
        os.rename(target, root.parent / f"damaged-{target.name}")
        outcome = "repaired"
    else:
        outcome = "installed"
    write_install_record(root, model, source)
    os.rename(root, target)
    fsync_folder(target.parent)
    return outcome


def _pointer_for_update(paths: KioskPaths) -> Pointer:
    try:
        return read_pointer(paths.pointer_file)
    except PointerUnreadable as error:
        # The kiosk is on its built-in bundle already; this install makes a fresh pointer.
        log.warning("%s; starting a new pointer file", error)
        return Pointer()


def _loads(folder: Path, limits: Limits) -> bool:
    try:
        load_bundle(folder, limits)
    except BundleInvalid:
        return False
    return True


def _same_files(staged: Path, installed: Path) -> bool:
    """Whether two bundle folders hold the same files with the same bytes."""
    staged_files = _relative_files(staged)
    if staged_files != _relative_files(installed):
        return False
    _, mismatch, errors = filecmp.cmpfiles(staged, installed, sorted(staged_files), shallow=False)
    return not mismatch and not errors


def _relative_files(folder: Path) -> set[str]:
    """The bundle's files, leaving out the store's own install record."""
    found = {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}
    return found - {INSTALL_RECORD}


def _message(loaded: LoadedBundle, outcome: Outcome, pending: bool) -> str:
    model = loaded.model
    what = f"{model.title.get(model.default_language)} (version {model.version})"
    if outcome == "already-installed" and not pending:
        return f"{what} is already installed and on show. Nothing changed."
    if outcome == "already-installed":
        first = f"{what} was already installed."
    elif outcome == "repaired":
        first = f"{what} was damaged on disk and has been replaced with this copy."
    else:
        first = f"{what} is installed and checked."
    if not pending:
        return f"{first} It is the active bundle."
    return first + _PANEL_ENDING
