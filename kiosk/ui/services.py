"""What the running kiosk is connected to beyond the screen: the store, the inbox, the counts."""

from __future__ import annotations

from dataclasses import dataclass

from kiosk import settings as kiosk_settings
from kiosk.feed import Timing
from kiosk.paths import KioskPaths
from kiosk.store import BundleStore
from kiosk.ui.bundle_service import BundleService
from kiosk.ui.feed_service import FeedService
from kiosk.usage import UsageCounts


@dataclass
class KioskServices:
    """Handed to the staff panel: everything it shows or changes, in one place."""

    paths: KioskPaths
    store: BundleStore
    bundles: BundleService
    usage: UsageCounts
    feed: FeedService | None = None  # None when no feed address is set

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
        feed = FeedService.from_settings(settings, store, window, feed_timing)
        return cls(paths, store, bundles, usage, feed)
