"""The signed bundle feed: publishing one, and following one from many kiosks. Pure Python.

The names below load on first use (PEP 562), so a module that needs only the key's written
form (the settings) does not import the signing code and its cryptography library."""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kiosk.feed.envelope import FEED_FILE, FeedEntry
    from kiosk.feed.errors import FeedError, FeedRefused, FeedUnreachable
    from kiosk.feed.follower import FeedFollower
    from kiosk.feed.runner import FeedRunner
    from kiosk.feed.schedule import Timing
    from kiosk.feed.sources import source_for
    from kiosk.feed.state import FeedState, FeedStatus

_HOMES = {
    "FEED_FILE": "envelope",
    "FeedEntry": "envelope",
    "FeedError": "errors",
    "FeedRefused": "errors",
    "FeedUnreachable": "errors",
    "FeedFollower": "follower",
    "FeedRunner": "runner",
    "Timing": "schedule",
    "source_for": "sources",
    "FeedState": "state",
    "FeedStatus": "state",
}
__all__ = [
    "FEED_FILE",
    "FeedEntry",
    "FeedError",
    "FeedFollower",
    "FeedRefused",
    "FeedRunner",
    "FeedState",
    "FeedStatus",
    "FeedUnreachable",
    "Timing",
    "source_for",
]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f"kiosk.feed.{home}"), name)
