"""The signed bundle feed: publishing one, and following one from many kiosks. Pure Python."""

from kiosk.feed.envelope import FEED_FILE, FeedEntry
from kiosk.feed.errors import FeedError, FeedRefused, FeedUnreachable
from kiosk.feed.follower import FeedFollower
from kiosk.feed.runner import FeedRunner
from kiosk.feed.schedule import Timing
from kiosk.feed.sources import source_for
from kiosk.feed.state import FeedState, FeedStatus

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
