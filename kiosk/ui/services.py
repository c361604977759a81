"""What the running kiosk is connected to beyond the screen: the store, the inbox, the counts."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from kiosk import settings as kiosk_settings
from kiosk.paths import KioskPaths
from kiosk.settings import Settings
from kiosk.store import BundleStore
from kiosk.ui.bundle_service import BundleService
from kiosk.ui.settings_watch import SettingsWatcher
from kiosk.usage import UsageCounts

if TYPE_CHECKING:
    from kiosk.feed import Timing
    from kiosk.ui.feed_service import FeedService
    from kiosk.ui.window import KioskWindow

log = logging.getLogger(__name__)

# Changing any of these starts following the feed afresh.
FEED_KEYS = ("feed_address", "feed_keys", "feed_check_minutes")


class KioskServices(QObject):
    """What the running kiosk is connected to: the store and installs, the inbox, the feed,
    usage counts and the settings file. It announces a feed it replaces."""

    feed_replaced = Signal(object)  # the FeedService now followed, or None

    def __init__(
        self,
        window: KioskWindow,
        paths: KioskPaths,
        store: BundleStore,
        feed_timing: Timing | None = None,
    ) -> None:
        super().__init__(window)
        self.paths, self.store, self.feed_timing = paths, store, feed_timing
        settings = window.live_settings.current
        self.usage = UsageCounts(paths.usage_db)
        window.viewed.connect(self.usage.record)
        window.stop_pressed.connect(self._count_stop)
        self.bundles = BundleService(store, window, kiosk_settings.inbox_folder(settings, paths))
        self.feed: FeedService | None = _follow(settings, self.bundles, window, feed_timing)
        self._window, self._followed = window, settings
        live = window.live_settings
        self.settings_watch = SettingsWatcher(paths.settings_file, live.replace, window)
        live.changed.connect(self._use_settings)

    def _count_stop(self, kind: str, item_id: str) -> None:
        """How often Stop was pressed on each exercise or video; nothing about who."""
        self.usage.record("stop", f"{kind}:{item_id}")

    def _use_settings(self, settings: Settings) -> None:
        if any(getattr(self._followed, key) != getattr(settings, key) for key in FEED_KEYS):
            self.follow_feed(settings)
        self._followed = settings
        self.settings_watch.seen_now()  # a save from the panel: nothing new in the file

    def follow_feed(self, settings: Settings) -> None:
        """Follow the feed `settings` name from now on (its address, keys or interval changed)."""
        if self.feed is not None:
            self.feed.stop()
            self.feed.deleteLater()
        self.feed = _follow(settings, self.bundles, self._window, self.feed_timing)
        log.info("feed: now following %r", settings.feed_address or "no feed")
        self.feed_replaced.emit(self.feed)


def _follow(
    settings: Settings, bundles: BundleService, window: KioskWindow, timing: Timing | None
) -> FeedService | None:
    """The feed service for `settings`, its installs reported to `bundles` (which puts them on
    screen at a quiet moment); None without a feed address.

    Imported only when there is a feed: the feed and cryptography cost about 8 MiB."""
    if not settings.feed_address:
        return None
    from kiosk.ui.feed_service import FeedService

    feed = FeedService.from_settings(settings, bundles.store, window, timing)
    if feed is not None:
        feed.installed.connect(bundles.note_installed)
    return feed
