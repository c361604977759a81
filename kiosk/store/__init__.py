"""The bundle store: installing, activating and rolling back content bundles. Pure Python."""

from kiosk.store.bundle_store import BundleStore
from kiosk.store.catalogue import InstalledBundle
from kiosk.store.errors import StoreError
from kiosk.store.inbox import InboxOutcome, scan_inbox
from kiosk.store.install import InstallResult
from kiosk.store.pointer import Pointer
from kiosk.store.progress import Progress
from kiosk.store.startup import NoUsableBundle, StartupBundle

__all__ = [
    "BundleStore",
    "InboxOutcome",
    "InstallResult",
    "InstalledBundle",
    "NoUsableBundle",
    "Pointer",
    "Progress",
    "StartupBundle",
    "StoreError",
    "scan_inbox",
]
