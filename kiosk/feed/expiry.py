"""Feed expiry: a signed feed is good for a set time, so an old one cannot be served forever.

`kiosk publish --expires-in DAYS` signs an `expires_at` into the payload. Without it, a host
(or anyone between it and the kiosks) could keep serving an old but validly signed feed.json,
and the kiosks would never learn of newer content or of a withdrawn bundle: the freeze attack
that TUF's timestamp role and Uptane's time server defend against.

Clocks differ. A kiosk accepts a feed until CLOCK_TOLERANCE after its `expires_at`, so a kiosk
clock running up to 5 minutes fast does not refuse a feed its publisher still considers
current; a kiosk clock 5 minutes slow holds on to an expired feed for at most 5 more minutes.
The boundary: at `expires_at` + 5 min 0 s the feed is still taken, one second later it is not.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from kiosk.feed.envelope import FeedEntry
from kiosk.feed.errors import FeedError, FeedRefused

DEFAULT_EXPIRES_IN_DAYS = 30
MAX_EXPIRES_IN_DAYS = 365
CLOCK_TOLERANCE = timedelta(minutes=5)
OUT_OF_DATE = "The feed is out of date; publish it again."
NO_EXPIRY_NOTE = (
    "This feed has no expiry date (it was published before feeds carried one); it is taken, "
    "but publish it again so that an old copy cannot be served for ever."
)


def expires_at(published: datetime, days: int) -> datetime:
    """When a feed published at `published` expires, `days` later.

    Raises FeedError if `days` is not a whole number from 1 to MAX_EXPIRES_IN_DAYS."""
    if isinstance(days, bool) or not isinstance(days, int):
        raise FeedError(f"--expires-in takes a whole number of days, not {days!r}.")
    if not 1 <= days <= MAX_EXPIRES_IN_DAYS:
        raise FeedError(
            f"--expires-in {days}: a feed may be good for 1 to {MAX_EXPIRES_IN_DAYS} days. "
            "Publish again before it runs out (a scheduled job can)."
        )
    return published + timedelta(days=days)


def expiry_of(entry: FeedEntry) -> datetime | None:
    """When `entry`'s feed expires (in UTC); None for a feed published without an expiry."""
    if not entry.expires_at:
        return None
    return datetime.fromisoformat(entry.expires_at).astimezone(UTC)


def refuse_if_expired(entry: FeedEntry, at: datetime) -> None:
    """Raise FeedRefused (reason "expired") if the feed is past its expiry at `at`, this
    kiosk's clock, allowing CLOCK_TOLERANCE for clocks that differ."""
    expiry = expiry_of(entry)
    if expiry is None or at <= expiry + CLOCK_TOLERANCE:
        return
    raise FeedRefused(
        f"{OUT_OF_DATE} It offers {entry.describe()} and expired on {_shown(expiry)}; this "
        f"kiosk's clock reads {_shown(at)}. The content on show stays. (An old feed played "
        "back by a host looks like this too.)",
        reason="expired",
    )


def _shown(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S UTC")
