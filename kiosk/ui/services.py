"""What the running kiosk is connected to beyond the screen: the store, the inbox, the counts."""

from __future__ import annotations

from dataclasses import dataclass

from kiosk import settings as kiosk_settings
from kiosk.paths import KioskPaths
from kiosk.store import BundleStore
from kiosk.ui.bundle_service import BundleService
from kiosk.usage import UsageCounts


@dataclass
class KioskServices:
    """Handed to the staff panel: everything it shows or changes, in one place."""

    paths: KioskPaths
    store: BundleStore
    bundles: BundleService
    usage: UsageCounts

    @classmethod
    def start(cls, window, paths: KioskPaths, store: BundleStore) -> KioskServices:
        """Connect `window` to the store (installs, quiet-moment swaps, the inbox) and counts."""
        inbox = kiosk_settings.inbox_folder(window.ctx.settings, paths)
        usage = UsageCounts(paths.usage_db)
        window.viewed.connect(usage.record)
        return cls(paths, store, BundleService(store, window, inbox), usage)
