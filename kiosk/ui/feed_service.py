"""The running kiosk's side of the bundle feed: the follower on its own thread, its status
brought to the UI thread as a signal. A feed install only makes a bundle pending; the bundle
service puts it on screen at the next quiet moment, as it does for the inbox."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from kiosk.feed import FeedFollower, FeedRunner, FeedStatus, Timing, source_for
from kiosk.feed.errors import FeedError
from kiosk.feed.state import Trusted
from kiosk.store import BundleStore, InstallResult

log = logging.getLogger(__name__)


class FeedService(QObject):
    """Follows the feed named in the settings; `status` is always the latest, on the UI thread."""

    status_changed = Signal(object)  # a FeedStatus
    installed = Signal(object)  # an InstallResult: a bundle from the feed waits to go live
    # Emitted on the feed thread; Qt queues them to this object's (the UI) thread.
    _status_arrived = Signal(object)
    _installed_arrived = Signal(object)

    def __init__(
        self,
        address: str,
        key_texts: tuple[str, ...],
        store: BundleStore,
        timing: Timing,
        parent: QObject,
    ) -> None:
        super().__init__(parent)
        self.follower = FeedFollower(
            source_for(address, timing.timeout),
            key_texts,
            store,
            on_status=self._from_thread(self._status_arrived.emit),
            on_installed=self._from_thread(self._installed_arrived.emit),
        )
        self.runner = FeedRunner(self.follower, timing)
        self.status: FeedStatus = self.follower.status
        self._status_arrived.connect(self._set_status)
        self._installed_arrived.connect(self._installed)
        runner = self.runner
        parent.destroyed.connect(lambda *_: runner.stop())

    @classmethod
    def from_settings(
        cls, settings: Any, store: BundleStore, parent: QObject, timing: Timing | None = None
    ) -> FeedService | None:
        """The feed service for `settings`, started; None when no feed address is set."""
        if not settings.feed_address:
            return None
        timing = timing or Timing(interval=settings.feed_check_minutes * 60.0)
        try:
            service = cls(settings.feed_address, settings.feed_keys, store, timing, parent)
        except FeedError as error:  # the settings check the address, so this is unexpected
            log.error("Feed not followed: %s", error)
            return None
        service.runner.start()
        return service

    def check_now(self) -> None:
        """Check the feed at once (staff asked, or a test)."""
        self.runner.check_now()

    def stop(self) -> None:
        """Stop following; waits briefly for a check under way."""
        self.runner.stop()

    def trusted(self) -> Trusted | None:
        """The last version taken from the feed, or None (also when its record is damaged)."""
        try:
            return self.follower.state.trusted()
        except FeedError:
            return None

    @staticmethod
    def _from_thread(emit: Callable[[object], None]) -> Callable[[object], None]:
        def send(value: object) -> None:
            # RuntimeError: the window and this service are gone while the thread stops.
            with contextlib.suppress(RuntimeError):
                emit(value)

        return send

    def _set_status(self, status: FeedStatus) -> None:
        self.status = status
        self.status_changed.emit(status)

    def _installed(self, result: InstallResult) -> None:
        log.info("feed: %s", result.message)
        self.installed.emit(result)
