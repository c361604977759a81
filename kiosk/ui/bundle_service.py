"""The running kiosk's side of the bundle store: installs and loads off the UI thread, and
swaps the bundle on screen only at a quiet moment (or at once when staff ask)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from kiosk.content import BundleInvalid, LoadedBundle
from kiosk.store import BundleStore, StoreError
from kiosk.store.inbox import QUIET_SECONDS
from kiosk.ui.screens.base import Route

if TYPE_CHECKING:
    from kiosk.ui.window import KioskWindow

log = logging.getLogger(__name__)

INBOX_POLL_MS = 5000
Ready = tuple[LoadedBundle, dict]  # a bundle to show, and its pictures rendered ahead
# The attract screen untouched this long is a quiet moment too: the idle reset only comes after
# a patient, so a kiosk nobody uses would otherwise keep a new bundle waiting indefinitely.
QUIET_ON_ATTRACT_S = 30
QUIET_CHECK_MS = 5000


class BundleService(QObject):
    """Install, activate, roll back and pick up the inbox for a window, one job at a time.

    Every store call runs on one worker thread; results come back as signals on the UI thread."""

    progress = Signal(float, str)  # fraction 0..1, phase ("copying", "checking", "done")
    installed = Signal(object)  # an InstallResult: valid, waiting to go live
    refused = Signal(str, object)  # source, the list of Problems: nothing changed
    failed = Signal(str)  # a plain sentence: disk trouble, nothing to roll back to...
    swapped = Signal(object)  # the LoadedBundle now on screen
    rolled_back = Signal(object)  # the LoadedBundle a rollback went back to (then swapped)
    inbox_taken = Signal(object)  # an InboxOutcome: installed, or refused with its problems

    def __init__(self, store: BundleStore, window: KioskWindow, inbox: Path | None = None) -> None:
        super().__init__(window)
        self.store = store
        self.window = window
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="bundle-store")
        self._waiting: Ready | None = None  # loaded, to show at the next quiet moment
        self._busy = False
        self._finished.connect(self._deliver)
        window.went_idle.connect(self.at_quiet_moment)
        window.destroyed.connect(lambda: self._worker.shutdown(wait=False, cancel_futures=True))
        self.inbox = inbox
        self.inbox_quiet_seconds = QUIET_SECONDS  # a file still being copied is left alone
        self._inbox_timer = QTimer(self)
        self._inbox_timer.timeout.connect(self.check_inbox)
        if inbox is not None:
            inbox.mkdir(parents=True, exist_ok=True)
            self._inbox_timer.start(INBOX_POLL_MS)
        self.quiet_on_attract_s = QUIET_ON_ATTRACT_S
        self._maybe_pending = False  # an install since the store was last asked
        self._quiet_timer = QTimer(self)
        self._quiet_timer.timeout.connect(self.check_untouched_attract)
        self._quiet_timer.start(QUIET_CHECK_MS)

    # --- What staff (or a terminal, through the store) ask for --------------------------------

    def install(self, source: Path) -> None:
        """Validate and install `source`; it goes live at the next quiet moment."""

        def install() -> object:
            try:
                return self.store.install(source, self._report_progress)
            except BundleInvalid as refusal:  # name what staff chose, not the staging folder
                raise BundleInvalid(str(source), refusal.problems) from None

        self._run(install, self._installed)

    def activate_now(self) -> None:
        """Put the waiting bundle on screen at once (staff pressed "Activate now")."""
        self._run(self._to_show(self._activate_and_load), lambda got: self._show(got, True))

    def rollback(self) -> None:
        """Back to the last-known-good bundle, at once."""

        def roll_back() -> LoadedBundle:
            self.store.rollback()
            return self.store.open_active(start_pending=False).loaded

        self._run(self._to_show(roll_back), self._rolled_back)

    def check_inbox(self) -> None:
        """Install whatever has been dropped into the inbox folder and finished copying."""
        if self.inbox is None or self._busy:
            return
        self._run(
            lambda: self.store.process_inbox(self.inbox, self.inbox_quiet_seconds),
            self._inbox_done,
        )

    # --- Quiet moments -----------------------------------------------------------------------

    def at_quiet_moment(self) -> None:
        """The kiosk is idle on attract: show a waiting bundle, or load a pending one."""
        if self._waiting is not None:
            self._show(self._waiting, at_once=False)
        elif not self._busy and self._pending_in_store():
            self._run(self._to_show(self._activate_and_load), lambda got: self._show(got, False))

    @property
    def busy(self) -> bool:
        """Whether store work (an install, a load for a swap, an inbox scan) is under way."""
        return self._busy

    def note_installed(self, *_: object) -> None:
        """A bundle was installed elsewhere (the feed's thread) and waits to go live."""
        self._maybe_pending = True

    def _pending_in_store(self) -> bool:
        """Whether the store has a bundle waiting; a damaged pointer is logged, not raised
        (this runs from timers and the idle reset, where an exception has no one to catch it)."""
        self._maybe_pending = False
        try:
            return self.store.pointer().pending is not None
        except StoreError as error:
            log.warning("bundle store: %s", error)
            return False

    def check_untouched_attract(self) -> None:
        """Installed by the feed, the inbox or staff while nobody was about: show it now.

        Only after an install (no pointer read every few seconds on an idle kiosk). Also run
        when an inbox scan ends: scans share the worker, and one in progress would otherwise
        make every check find the service busy."""
        if self._waiting is None and not self._maybe_pending:
            return
        window = self.window
        if window.route == Route("attract") and window.idle.quiet_for() >= self.quiet_on_attract_s:
            self.at_quiet_moment()

    def _activate_and_load(self) -> LoadedBundle:
        self.store.activate_pending()
        start = self.store.open_active(start_pending=False)
        for reason in start.reasons:
            log.warning("bundle fallback: %s", reason)
        return start.loaded

    def _to_show(self, load: Callable[[], LoadedBundle]) -> Callable[[], Ready]:
        """`load`, then what the swap would otherwise render on the UI thread, on the worker."""
        plan = self.window.picture_plan()  # sizes read here, on the UI thread

        def load_and_render() -> Ready:
            loaded = load()
            return loaded, plan(loaded)

        return load_and_render

    def _show(self, got: Ready, at_once: bool) -> None:
        if not at_once and self.window.route != Route("attract"):
            self._waiting = got  # a patient arrived meanwhile: wait for the next quiet spell
            return
        self._waiting = None
        loaded, pictures = got
        self.window.swap_bundle(loaded, pictures)
        self.swapped.emit(loaded)

    # --- Running store work off the UI thread ---------------------------------------------

    def _run(self, job: Callable[[], object], done: Callable[[object], None]) -> None:
        self._busy = True
        future = self._worker.submit(job)
        future.add_done_callback(lambda f: self._finished.emit(f, done))

    _finished = Signal(object, object)  # (future, callback), delivered on the UI thread

    def _deliver(self, future, done: Callable[[object], None]) -> None:
        self._busy = False
        try:
            result = future.result()
        except BundleInvalid as refusal:
            log.warning("bundle refused: %s", refusal)
            self.refused.emit(refusal.source, refusal.problems)
            return
        except (StoreError, OSError) as error:
            log.warning("bundle store: %s", error)
            self.failed.emit(str(error))
            return
        done(result)

    def _report_progress(self, fraction: float, phase: str) -> None:
        self.progress.emit(fraction, phase)  # from the worker: queued to the UI thread

    def _rolled_back(self, got: Ready) -> None:
        self._show(got, True)
        self.rolled_back.emit(got[0])

    def _installed(self, result) -> None:
        log.info("installed: %s", result.message)
        self.note_installed()
        self.installed.emit(result)

    def _inbox_done(self, outcomes) -> None:
        for outcome in outcomes:
            log.info("inbox: %s: %s", outcome.source.name, outcome.message)
            self.inbox_taken.emit(outcome)
        if outcomes:
            self.note_installed()  # a refused one leaves nothing pending: one pointer read
        self.check_untouched_attract()
