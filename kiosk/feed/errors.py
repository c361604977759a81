"""What can go wrong with a feed, each with a sentence for staff."""

from __future__ import annotations

# Why a feed was refused, in one word from a fixed set: the staff panel shows the sentence,
# monitoring (the metrics file) groups and alerts on the word.
REFUSAL_REASONS = (
    "expired",  # past its expires_at: an old feed played back, or one not published again
    "signature",  # changed after it was signed
    "untrusted_key",  # signed by a key not in feed_keys (or feed_keys is empty)
    "malformed",  # not a feed.json kiosk publish wrote
    "downgrade",  # an older version than the one taken, or the same version with other bytes
    "bundle_invalid",  # the bundle it names failed the kiosk's checks (now or before)
    "bundle_mismatch",  # the bundle's size, SHA-256, id or version differ from the feed's
    "trust_record",  # this kiosk's record of the last version taken is damaged
    "other",
)


class FeedError(Exception):
    """A feed problem; the message is written for staff (and `kiosk` command users)."""

    reason = "other"  # one of REFUSAL_REASONS when it is a refusal


class FeedUnreachable(FeedError):
    """The feed or its bundle could not be fetched now: tried again later, with backoff."""


class FeedRefused(FeedError):
    """The feed or the bundle it names was refused (signature, key, version, hash, problems)."""

    def __init__(self, message: str, bundle_sha256: str = "", reason: str = "other") -> None:
        super().__init__(message)
        # Set when a downloaded bundle failed its checks: that file is not fetched again.
        self.bundle_sha256 = bundle_sha256
        if reason not in REFUSAL_REASONS:
            raise ValueError(f"unknown refusal reason {reason!r}")
        self.reason = reason
