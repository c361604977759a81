"""Keeping the metrics file current: every minute, and soon after each change it hears of.

The formatting and the counting are kiosk.metrics (no Qt); this part only listens to the
kiosk's signals and runs the timers, so nothing here reads another part's insides.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from kiosk.metrics import (
    METRICS_FILE,
    KioskState,
    PatientTally,
    render,
    resident_bytes,
    write_metrics,
)
from kiosk.settings import Settings

if TYPE_CHECKING:
    from kiosk.content import LoadedBundle
    from kiosk.feed import FeedStatus
    from kiosk.runtime.watchdog import WatchdogPinger
    from kiosk.store.inbox import InboxOutcome
    from kiosk.ui.composition import Kiosk
    from kiosk.ui.feed_service import FeedService
    from kiosk.ui.screens.base import Route
    from kiosk.ui.services import KioskServices

log = logging.getLogger(__name__)

EVERY_MS = 60_000
# Changes come in bursts (a feed check reports several times): one write for the lot.
SOON_MS = 200


def _now() -> datetime:
    return datetime.now(UTC)


class MetricsWriter(QObject):
    """Writes knee_kiosk.prom into the metrics_folder setting's folder while it is set."""

    written = Signal(object)  # the Path just written

    def __init__(
        self, kiosk: Kiosk, clock: Callable[[], datetime] = _now, every_ms: int = EVERY_MS
    ) -> None:
        super().__init__(kiosk.window)
        self.clock = clock
        self.started = clock()
        self.tally = PatientTally()
        model = kiosk.window.ctx.bundle.model
        self._bundle = (model.id, model.version)
        self._feed: FeedService | None = None
        self._feed_status: FeedStatus | None = None
        self._last_ping: datetime | None = None
        self._folder = kiosk.live_settings.current.metrics_folder
        self._logged_problem = ""
        self._every = _timer(self, every_ms, single=False)
        self._soon = _timer(self, SOON_MS, single=True)
        kiosk.live_settings.changed.connect(self._use_settings)
        window = kiosk.window
        window.route_changed.connect(self._route_changed)
        window.viewed.connect(self._viewed)
        window.stop_pressed.connect(self._stop_pressed)
        kiosk.services_started.connect(self._attach)
        if kiosk.services is not None:
            self._attach(kiosk.services)
        self._restart()

    # --- What it listens to -----------------------------------------------------------------

    def watch(self, pinger: WatchdogPinger) -> None:
        """Note each ping systemd's watchdog takes (not a change: the minute's write says it)."""
        pinger.pinged.connect(self._pinged)

    def _attach(self, services: KioskServices) -> None:
        bundles = services.bundles
        bundles.installed.connect(self._installed)
        bundles.inbox_taken.connect(self._inbox_taken)
        bundles.rolled_back.connect(self._rolled_back)
        bundles.swapped.connect(self._swapped)
        services.feed_replaced.connect(self._follow)
        self._follow(services.feed)

    def _follow(self, feed: FeedService | None) -> None:
        self._feed = feed
        self._feed_status = feed.status if feed is not None else None
        if feed is not None:
            # A replaced feed's last reports are ignored: only the one followed now counts.
            feed.status_changed.connect(lambda status, f=feed: self._feed_reported(f, status))
            feed.installed.connect(self._installed)
        self._changed()

    def _feed_reported(self, feed: FeedService, status: FeedStatus) -> None:
        if feed is self._feed:
            self._feed_status = status
            self._changed()

    def _installed(self, *_: object) -> None:
        self.tally.installs += 1
        self._changed()

    def _inbox_taken(self, outcome: InboxOutcome) -> None:
        if outcome.accepted:  # a refused one installed nothing
            self._installed()

    def _rolled_back(self, *_: object) -> None:
        self.tally.rollbacks += 1
        self._changed()

    def _swapped(self, loaded: LoadedBundle) -> None:
        self._bundle = (loaded.model.id, loaded.model.version)
        self._changed()

    def _route_changed(self, route: Route) -> None:
        if route.screen == "attract":
            self.tally.back_on_attract()

    def _viewed(self, kind: str, item: str) -> None:
        # The window reports a ("screen", name) view for patient screens only, not staff ones.
        if kind == "screen" and self.tally.patient_screen(self._today()):
            self._changed()

    def _stop_pressed(self, kind: str, item_id: str) -> None:
        self.tally.stop_pressed(self._today())
        self._changed()

    def _pinged(self) -> None:
        self._last_ping = self.clock()

    def _use_settings(self, settings: Settings) -> None:
        if settings.metrics_folder == self._folder:
            return
        self._remove_file()  # a file left behind would say "up" for ever
        self._folder = settings.metrics_folder
        log.info("metrics: now written to %r", self._folder or "nowhere")
        self._restart()

    # --- Writing ------------------------------------------------------------------------

    def state(self, up: bool = True) -> KioskState:
        """What the metrics file says now."""
        now = self.clock()
        today = self._today()
        return KioskState(
            now=now,
            up=up,
            started=self.started,
            bundle_id=self._bundle[0],
            bundle_version=self._bundle[1],
            feed=self._feed_status if self._feed is not None else None,
            installs=self.tally.installs,
            rollbacks=self.tally.rollbacks,
            sessions_today=self.tally.today("sessions", today),
            stop_presses_today=self.tally.today("stop_presses", today),
            watchdog_last_ping=self._last_ping,
            resident_bytes=resident_bytes(),
        )

    def write(self, up: bool = True) -> Path | None:
        """Write the file now; None when no folder is set or it could not be written (logged
        once per problem: a missing folder must not fill the log every minute)."""
        if not self._folder:
            return None
        try:
            path = write_metrics(Path(self._folder).expanduser(), render(self.state(up)))
        except OSError as error:
            # strerror, not the error: its temporary file's name differs every time
            reason = error.strerror or error
            problem = f"metrics: cannot write {METRICS_FILE} in {self._folder}: {reason}"
            if problem != self._logged_problem:
                log.warning("%s", problem)
                self._logged_problem = problem
            return None
        self._logged_problem = ""
        self.written.emit(path)
        return path

    def stop(self) -> None:
        """The kiosk is stopping: say so in the file (kiosk_up 0) and write no more."""
        self._every.stop()
        self._soon.stop()
        self.write(up=False)
        self._folder = ""

    def _changed(self) -> None:
        if self._folder:
            self._soon.start()

    def _restart(self) -> None:
        self._soon.stop()
        self._every.stop()
        if self._folder:
            self._every.start()
            self._soon.start()

    def _remove_file(self) -> None:
        if self._folder:
            with contextlib.suppress(OSError):  # not ours to fix; the new folder matters
                (Path(self._folder).expanduser() / METRICS_FILE).unlink(missing_ok=True)

    def _today(self) -> date:
        return self.clock().astimezone().date()  # the kiosk's own calendar day


def _timer(parent: MetricsWriter, interval_ms: int, single: bool) -> QTimer:
    timer = QTimer(parent)
    timer.setInterval(interval_ms)
    timer.setSingleShot(single)
    timer.timeout.connect(parent.write)
    return timer
