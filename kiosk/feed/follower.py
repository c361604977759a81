"""Following a feed: fetch feed.json, check its signature, refuse a downgrade, download the
bundle (carrying on after a cut), check its size and SHA-256, and only then hand it to the
bundle store's normal install, which validates it fully and leaves it pending until a quiet
moment. Nothing here touches what is on screen.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import zipfile
from collections.abc import Callable, Iterable
from contextlib import ExitStack
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from kiosk.content import BundleInvalid
from kiosk.feed.envelope import FeedEntry, open_feed
from kiosk.feed.errors import FeedError, FeedRefused, FeedUnreachable
from kiosk.feed.expiry import NO_EXPIRY_NOTE, expiry_of, refuse_if_expired
from kiosk.feed.keys import trusted_keys
from kiosk.feed.sources import FeedSource, file_sha256
from kiosk.feed.state import CachedFeed, FeedState, FeedStatus, Trusted, now
from kiosk.feed.versions import is_newer, version_key
from kiosk.store import BundleStore, InstallResult, StoreError
from kiosk.store.catalogue import folder_name
from kiosk.store.locks import file_lock
from kiosk.store.staging import LOCK_SUFFIX, RESUMABLE_FOLDER

log = logging.getLogger(__name__)

DOWNLOAD_FOLDER = RESUMABLE_FOLDER  # in the store's staging folder (data/tmp), kept across restarts
_MANIFEST_BYTES = 8 * 1024 * 1024


class FeedFollower:
    """One feed, checked by one thread at a time; reports its status through `on_status`."""

    def __init__(
        self,
        source: FeedSource,
        key_texts: Iterable[str],
        store: BundleStore,
        on_status: Callable[[FeedStatus], None] | None = None,
        on_installed: Callable[[InstallResult], None] | None = None,
        clock: Callable[[], datetime] = now,
    ) -> None:
        self.source = source
        self.clock = clock  # this kiosk's time, in UTC: passed in so tests can set it
        self.key_texts = tuple(key_texts)
        self.store = store
        self.state = FeedState(store.paths)
        self.download_dir = store.paths.staging_dir / DOWNLOAD_FOLDER
        self.on_status = on_status or (lambda status: None)
        self.on_installed = on_installed or (lambda result: None)
        self.status = replace(self.state.status(), address=source.address, activity="")
        self._held = ExitStack()
        self._holding_area = False
        self._progressed = False  # the last cut download got further than the try before

    # --- The download area, kept while the follower lives ------------------------------

    def __enter__(self) -> FeedFollower:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Let go of the download area (a later start of the store may then tidy it away)."""
        self._held.close()
        self._holding_area = False

    def _download_area(self) -> Path:
        """data/tmp/feed-download, locked so the store's clean-up leaves a partial download be."""
        if not self._holding_area:
            # Made under the store lock, as the store makes its own staging folders.
            with file_lock(self.store.paths.store_lock_file):
                self.download_dir.mkdir(parents=True, exist_ok=True)
                lock = self.download_dir.with_name(DOWNLOAD_FOLDER + LOCK_SUFFIX)
                self._held.enter_context(file_lock(lock))
            self._holding_area = True
        return self.download_dir

    # --- One check ---------------------------------------------------------------------

    def check(self) -> FeedStatus:
        """Check the feed once and install what it offers if it passes; returns the status."""
        started = self.clock()
        self._progressed = False
        self._report(last_check=started, activity="Checking the feed…", offered="")
        try:
            news = self._check()
        except FeedUnreachable as problem:
            log.warning("Feed %s: %s", self.source.address, problem)
            failures = 1 if self._progressed else self.status.failures + 1
            return self._finished(started, str(problem), failures=failures)
        except FeedError as problem:
            log.warning("Feed %s: refused: %s", self.source.address, problem)
            refused = getattr(problem, "bundle_sha256", "") or self.status.refused_sha256
            return self._finished(
                started, str(problem), refused_sha256=refused, refusal=problem.reason
            )
        except Exception:  # the follower must outlive any surprise; the log has the detail
            log.exception("Feed %s: check failed", self.source.address)
            return self._finished(
                started, "The feed check failed unexpectedly; the kiosk's log has the detail."
            )
        log.info("Feed %s: %s", self.source.address, news)
        return self._finished(started, "", news=news)

    def scheduled(self, seconds: float) -> FeedStatus:
        """Note when the next check will be (the runner decides)."""
        moment = round(self.clock().timestamp() + seconds)
        return self._report(next_check=datetime.fromtimestamp(moment, UTC))

    def _check(self) -> str:
        keys = trusted_keys(self.key_texts)
        entry = self._verified_entry(keys)
        self._report(offered=entry.describe(), expires_at=expiry_of(entry))
        refuse_if_expired(entry, self.clock())
        if not entry.expires_at:
            log.warning("Feed %s: %s", self.source.address, NO_EXPIRY_NOTE)
        return self._take(entry) + ("" if entry.expires_at else f" {NO_EXPIRY_NOTE}")

    def _take(self, entry: FeedEntry) -> str:
        """Install what the verified, current `entry` offers if it is new; returns the news."""
        trusted = self.state.trusted()
        if trusted and (trusted.version, trusted.sha256) == (entry.version, entry.sha256):
            return f"Up to date: {entry.describe()} is the newest in the feed."
        _refuse_going_back(entry, trusted)
        kept = self._kept_in_store(entry)
        if kept is not None:
            return (
                f"Nothing to fetch: this kiosk already has {entry.bundle_id} version {kept}, "
                f"as new as the feed's {entry.version} or newer."
            )
        if entry.sha256 == self.status.refused_sha256:
            raise FeedRefused(
                f"{entry.describe()} from the feed was refused before, so it is not fetched "
                "again. Publish a corrected bundle under a higher version.",
                reason="bundle_invalid",
            )
        bundle = self._download(entry)
        try:
            result = self._install(entry, bundle)
        finally:
            bundle.unlink(missing_ok=True)
        self.state.trust(Trusted(entry.bundle_id, entry.version, entry.sha256))
        self.on_installed(result)
        return f"Fetched from the feed: {result.message}"

    def _verified_entry(self, keys) -> FeedEntry:
        """The feed's entry once its signature checks out; the unchanged copy on a 304."""
        address = self.source.address
        cached = self.state.cached(address)
        if cached is None:
            fetched = self.source.fetch_feed()
        else:
            fetched = self.source.fetch_feed(cached.etag, cached.last_modified)
        if fetched.data is None:
            if cached is None:
                raise FeedUnreachable("The feed host said feed.json had not changed, unasked.")
            return open_feed(cached.data, keys)  # checked again: the keys may have changed
        entry = open_feed(fetched.data, keys)
        if cached is None or cached.data != fetched.data or cached.etag != fetched.etag:
            self.state.cache(CachedFeed(address, fetched.etag, fetched.last_modified, fetched.data))
        return entry

    def _kept_in_store(self, entry: FeedEntry) -> str | None:
        """The version of `entry`'s bundle the store already shows or has waiting, if it is as
        new as `entry` or newer (installed by hand, say): then there is nothing to fetch."""
        try:
            pointer = self.store.pointer()
        except StoreError:
            return None
        for name in (pointer.active, pointer.pending):
            version = (name or "").rpartition("-")[2]
            # Compared as the store names folders: an id with dots is mapped (see folder_name).
            if name == folder_name(entry.bundle_id, version) and not is_newer(
                entry.version, version
            ):
                return version
        return None

    def _download(self, entry: FeedEntry) -> Path:
        """The bundle in the download area, complete and with the SHA-256 the feed names."""
        folder = self._download_area()
        part = folder / f"{entry.sha256[:32]}.part"
        for other in folder.iterdir():  # the rest of an earlier version's download
            if other == part:
                continue
            if other.is_dir():
                shutil.rmtree(other)
            else:
                other.unlink()
        before = part.stat().st_size if part.exists() else 0
        self._report(activity=f"Downloading {entry.describe()}…")
        try:
            self.source.download(entry.file, part, entry.size)
        except FeedUnreachable:
            self._progressed = part.exists() and part.stat().st_size > before
            raise
        if file_sha256(part) != entry.sha256:
            part.unlink()
            raise FeedRefused(
                f"The downloaded {entry.file} does not match the SHA-256 the signed feed gives, "
                "so it was thrown away and nothing was installed (was the file on the host "
                "changed?). It is fetched again at the next check.",
                reason="bundle_mismatch",
            )
        complete = folder / entry.file
        os.replace(part, complete)
        return complete

    def _install(self, entry: FeedEntry, bundle: Path) -> InstallResult:
        """The store's install: full validation, then pending until a quiet moment."""
        self._report(activity=f"Checking and installing {entry.describe()}…")
        found = _identity(bundle)
        if found != (entry.bundle_id, entry.version):
            shown = f"{found[0]} version {found[1]}" if found else "no readable bundle.json"
            raise FeedRefused(
                f"The feed names {entry.describe()}, but its file holds {shown}; refused.",
                entry.sha256,
                reason="bundle_mismatch",
            )
        try:
            return self.store.install(bundle)
        except BundleInvalid as refusal:
            problems = refusal.problems
            first = f" The first: {problems[0]}" if problems else ""
            raise FeedRefused(
                f"{entry.describe()} from the feed was checked and refused, with "
                f"{len(problems)} problem(s); nothing on screen changed.{first}",
                entry.sha256,
                reason="bundle_invalid",
            ) from None
        except OSError as error:
            raise FeedUnreachable(
                f"{entry.describe()} could not be installed ({error.strerror or error}); "
                "it is tried again later."
            ) from None

    # --- Status ------------------------------------------------------------------------

    def _report(self, **changes) -> FeedStatus:
        self.status = replace(self.status, **changes)
        self._save()
        self.on_status(self.status)
        return self.status

    def _finished(
        self,
        started,
        problem: str,
        news: str = "",
        failures: int = 0,
        refused_sha256: str = "",
        refusal: str | None = None,
    ) -> FeedStatus:
        if problem:
            return self._report(
                failed_in_a_row=self.status.failed_in_a_row + 1,
                # A refusal names its reason; a feed out of reach leaves the last one be.
                refusal=self.status.refusal if refusal is None else refusal,
                last_check_ok=False,
                last_result=problem,
                last_error=problem,
                last_error_at=started,
                failures=failures,
                refused_sha256=refused_sha256,
                activity="",
            )
        return self._report(
            last_check_ok=True,
            last_result=news,
            last_success=started,
            failures=0,
            failed_in_a_row=0,
            refusal="",
            refused_sha256="",
            activity="",
        )

    def _save(self) -> None:
        try:
            self.state.save_status(self.status)
        except OSError:  # a full disk must not stop the feed; the log says so
            log.exception("Feed status could not be saved")


def _refuse_going_back(entry: FeedEntry, trusted: Trusted | None) -> None:
    """Refuse a version older than the last one taken, or the same version with other bytes."""
    if trusted is None:
        return
    if version_key(entry.version) < version_key(trusted.version):
        raise FeedRefused(
            f"The feed offers {entry.describe()}, older than version {trusted.version} already "
            "taken from it, so it was refused: a kiosk never goes back to an older version "
            "from its feed (an old feed played back looks like this).",
            reason="downgrade",
        )
    if version_key(entry.version) == version_key(trusted.version):
        raise FeedRefused(
            f"The feed offers {entry.describe()} again, with other contents than the copy "
            "already taken, so it was refused. Publish changes under a higher version.",
            reason="downgrade",
        )


def _identity(bundle: Path) -> tuple[str, str] | None:
    """The id and version in the .zip's bundle.json (at its top or in its one folder)."""
    try:
        with zipfile.ZipFile(bundle) as archive:
            found = [n for n in archive.namelist() if n.split("/")[-1] == "bundle.json"]
            found = sorted((n for n in found if n.count("/") <= 1), key=lambda n: n.count("/"))
            if not found:
                return None
            manifest = found[0]
            with archive.open(manifest) as file:
                raw = json.loads(file.read(_MANIFEST_BYTES))
        return str(raw["id"]), str(raw["version"])
    except (OSError, zipfile.BadZipFile, ValueError, KeyError, TypeError):
        return None
