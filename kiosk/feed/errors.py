"""What can go wrong with a feed, each with a sentence for staff."""

from __future__ import annotations


class FeedError(Exception):
    """A feed problem; the message is written for staff (and `kiosk` command users)."""


class FeedUnreachable(FeedError):
    """The feed or its bundle could not be fetched now: tried again later, with backoff."""


class FeedRefused(FeedError):
    """The feed or the bundle it names was refused (signature, key, version, hash, problems)."""

    def __init__(self, message: str, bundle_sha256: str = "") -> None:
        super().__init__(message)
        # Set when a downloaded bundle failed its checks: that file is not fetched again.
        self.bundle_sha256 = bundle_sha256
