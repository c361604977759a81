"""What the running kiosk is connected to beyond the screen: the store, the inbox, the counts."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

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

log = logging.getLogger(__name__)

# Changing any of these starts following the feed afresh.
FEED_KEYS = ("feed_address", "feed_keys", "feed_check_minutes")


@dataclass
class KioskServices:
    """Handed to the staff panel: everything it shows or changes, in one place."""

    paths: KioskPaths
    store: BundleStore
    bundles: BundleService
    usage: UsageCounts
    feed: FeedService | None = None  # None when no feed address is set
    feed_timing: Timing | None = None
    settings_watch: SettingsWatcher | None = None

    @classmethod
    def start(
        cls, window, paths: KioskPaths, store: BundleStore, feed_timing: Timing | None = None
    ) -> KioskServices:
        """Connect `window` to the store (installs, quiet-moment swaps, the inbox, the feed)
        and counts; `feed_timing` overrides the feed's check intervals (tests)."""
        settings = window.ctx.settings
        inbox = kiosk_settings.inbox_folder(settings, paths)
        usage = UsageCounts(paths.usage_db)
        window.viewed.connect(usage.record)
        bundles = BundleService(store, window, inbox)
        feed = _follow(settings, bundles, window, feed_timing)
        services = cls(paths, store, bundles, usage, feed, feed_timing)
        live = window.live_settings
        services.settings_watch = SettingsWatcher(paths.settings_file, live.replace, window)
        followed = [settings]  # the settings the feed follows now

        def use_settings(new: Settings) -> None:
            if any(getattr(followed[0], key) != getattr(new, key) for key in FEED_KEYS):
                services.follow_feed(window, new)
            followed[0] = new
            services.settings_watch.seen_now()  # a save: nothing new in the file to apply

        live.changed.connect(use_settings)
        return services

    def follow_feed(self, window, settings: Settings) -> None:
        """Follow the feed `settings` name from now on (its address, keys or interval changed)."""
        if self.feed is not None:
            self.feed.stop()
            self.feed.deleteLater()
        self.feed = _follow(settings, self.bundles, window, self.feed_timing)
        log.info("feed: now following %r", settings.feed_address or "no feed")


def _follow(settings, bundles: BundleService, window, timing: Timing | None) -> FeedService | None:
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
