"""The bundle store in one object: what the staff panel, the kiosk and `kiosk` commands call."""

from __future__ import annotations

import logging
from pathlib import Path

from kiosk.content.limits import DEFAULT_LIMITS, Limits
from kiosk.content.locate import builtin_bundle_dir
from kiosk.paths import KioskPaths
from kiosk.store import catalogue, inbox, roles, staging, startup
from kiosk.store.install import InstallResult, install_bundle
from kiosk.store.pointer import Pointer, read_pointer
from kiosk.store.progress import Progress

log = logging.getLogger(__name__)


class BundleStore:
    """Installed bundles under data/bundles and the pointer naming the active one.

    Safe to use from several threads and processes at once: pointer changes hold a file lock.
    """

    def __init__(
        self,
        paths: KioskPaths | None = None,
        builtin_dir: Path | None = None,
        limits: Limits = DEFAULT_LIMITS,
    ) -> None:
        self.paths = (paths or KioskPaths.from_environment()).ensure()
        self.paths.store_lock_file.touch(exist_ok=True)
        self.builtin_dir = builtin_dir or builtin_bundle_dir()
        self.limits = limits

    def install(self, source: Path, progress: Progress | None = None) -> InstallResult:
        """Copy, check and store the bundle folder or .zip at `source`; it becomes pending.

        Raises BundleInvalid (with .problems) if refused, leaving the store as it was.
        """
        return install_bundle(self.paths, source, progress, self.limits)

    def activate_pending(self) -> str | None:
        """Put the pending bundle on show (at a quiet moment); returns its name, or None."""
        return roles.activate_pending(self.paths)

    def rollback(self) -> Pointer:
        """Go back to the last-known-good bundle; raises StoreError if there is none."""
        return roles.rollback(self.paths)

    def prune(self) -> list[str]:
        """Delete bundles other than active, last-known-good and pending; returns their names."""
        return roles.prune(self.paths)

    def pointer(self) -> Pointer:
        """The current roles; raises StoreError if the pointer file is damaged."""
        return read_pointer(self.paths.pointer_file)

    def list_installed(self) -> list[catalogue.InstalledBundle]:
        """Every installed bundle, newest first, with its role."""
        try:
            pointer = self.pointer()
        except roles.StoreError as error:
            log.warning("%s", error)
            pointer = Pointer()
        return catalogue.list_installed(self.paths, pointer)

    def open_active(
        self, start_pending: bool = True, from_records: bool = False
    ) -> startup.StartupBundle:
        """Tidy up, activate any pending bundle, and load the bundle to show (with fallback);
        `from_records` reads it from its validation record where that still matches."""
        return startup.open_active(
            self.paths, self.builtin_dir, self.limits, start_pending, from_records
        )

    def clean_leftovers(self) -> list[Path]:
        """Remove what an interrupted install left behind; returns what was removed."""
        return staging.clean_leftovers(self.paths)

    def process_inbox(
        self,
        folder: Path,
        quiet_seconds: float = inbox.QUIET_SECONDS,
        progress: Progress | None = None,
        now: float | None = None,
    ) -> list[inbox.InboxOutcome]:
        """Install everything complete in the inbox `folder`, moving each to done/ or refused/."""
        outcomes = []
        for candidate in inbox.scan_inbox(folder, quiet_seconds, now):
            try:
                outcomes.append(inbox.take_from_inbox(candidate, self._installer(progress)))
            except OSError:  # disk trouble: leave it in the inbox to try again
                log.exception("Inbox: could not install %s", candidate)
        return outcomes

    def describe(self) -> str:
        """Text for `kiosk list`: each installed bundle with its role and install time."""
        rows = self.list_installed()
        if not rows:
            return f"No bundles installed in {self.paths.bundles_dir}; the built-in one is shown."
        lines = [f"Installed bundles in {self.paths.bundles_dir}:"]
        for row in rows:
            when = f"{row.installed_at.astimezone():%Y-%m-%d %H:%M}" if row.installed_at else "?"
            lines.append(f"  {row.role:<16}{row.bundle_id} {row.version:<10} installed {when}")
        return "\n".join(lines)

    def _installer(self, progress: Progress | None):
        return lambda path: self.install(path, progress)
