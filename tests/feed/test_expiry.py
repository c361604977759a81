"""Feed expiry: a signed feed is taken only until its expires_at (plus 5 minutes for clocks).

Every time here comes from a clock passed in; nothing is patched."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from kiosk.cli import main
from kiosk.feed.envelope import FEED_FILE, FeedEntry, open_feed, sign_feed
from kiosk.feed.errors import FeedError, FeedRefused
from kiosk.feed.expiry import CLOCK_TOLERANCE, OUT_OF_DATE, refuse_if_expired
from kiosk.feed.keys import load_private_key, trusted_keys
from kiosk.feed.publish import publish
from kiosk.store import BundleStore
from tests.feed.conftest import Feed, SigningKey, follower_for, live
from tests.helpers.staff import bundle_version

PUBLISHED = datetime(2025, 3, 1, 9, 0, 0, tzinfo=UTC)
EXPIRES = PUBLISHED + timedelta(days=30)


class Clock:
    """A clock that reads what the test sets."""

    def __init__(self, moment: datetime) -> None:
        self.moment = moment

    def __call__(self) -> datetime:
        return self.moment


def entry(expires_at: datetime | None) -> FeedEntry:
    stamp = expires_at.isoformat() if expires_at else ""
    return FeedEntry("knee-care", "1.4.0", "knee-care-1.4.0.zip", 1234, "ab" * 32, "", stamp)


# --- Publishing ---------------------------------------------------------------------------


def test_publish_signs_an_expiry_30_days_ahead_by_default(folder_feed: Feed) -> None:
    published = folder_feed.publish("3.0", clock=Clock(PUBLISHED))
    assert published.entry.published_at == PUBLISHED.isoformat()
    assert published.entry.expires_at == EXPIRES.isoformat()
    signed = open_feed(
        published.feed_file.read_bytes(), trusted_keys([folder_feed.key.public.text])
    )
    assert signed.expires_at == "2025-03-31T09:00:00+00:00"


def test_expires_in_sets_the_days(folder_feed: Feed) -> None:
    published = folder_feed.publish("3.0", expires_in_days=7, clock=Clock(PUBLISHED))
    assert published.entry.expires_at == (PUBLISHED + timedelta(days=7)).isoformat()


@pytest.mark.parametrize("days", [0, -3, 366])
def test_an_expiry_out_of_range_is_refused_before_anything_is_written(
    tmp_path: Path, key: SigningKey, days: int
) -> None:
    with pytest.raises(FeedError, match="a feed may be good for 1 to 365 days"):
        publish(bundle_version(tmp_path / "b", "3.0", "T"), key.file, tmp_path / "f", days)
    assert not (tmp_path / "f").exists()


def test_the_command_line_takes_expires_in(tmp_path: Path, key: SigningKey, capsys) -> None:
    bundle = bundle_version(tmp_path / "b", "3.0", "T")
    feed = tmp_path / "feed"
    args = ["publish", str(bundle), "--key", str(key.file), "--feed", str(feed)]
    assert main([*args, "--expires-in", "0"]) == 1
    assert "1 to 365 days" in capsys.readouterr().err
    assert main([*args, "--expires-in", "2"]) == 0
    assert "kiosks take it until" in capsys.readouterr().out
    payload = json.loads(json.loads((feed / FEED_FILE).read_bytes())["payload"])
    expiry = datetime.fromisoformat(payload["expires_at"])
    published = datetime.fromisoformat(payload["published_at"])
    assert expiry - published == timedelta(days=2)


def test_publishing_the_same_bundle_again_renews_the_expiry(folder_feed: Feed) -> None:
    first = folder_feed.publish("3.0", clock=Clock(PUBLISHED))
    later = PUBLISHED + timedelta(days=20)
    again = folder_feed.publish("3.0", clock=Clock(later))
    assert again.entry.sha256 == first.entry.sha256
    assert again.entry.expires_at == (later + timedelta(days=30)).isoformat()


def test_the_same_version_with_other_contents_is_still_refused(folder_feed: Feed) -> None:
    folder_feed.publish("3.0", "First", clock=Clock(PUBLISHED))
    with pytest.raises(FeedError, match="with other contents"):
        folder_feed.publish("3.0", "Changed", clock=Clock(PUBLISHED))


# --- The boundary and clocks that differ --------------------------------------------------


def test_the_boundary_second() -> None:
    """Taken up to expires_at + the tolerance, to the second; refused one second later."""
    signed = entry(EXPIRES)
    refuse_if_expired(signed, EXPIRES)
    refuse_if_expired(signed, EXPIRES + CLOCK_TOLERANCE)
    with pytest.raises(FeedRefused, match=OUT_OF_DATE) as refusal:
        refuse_if_expired(signed, EXPIRES + CLOCK_TOLERANCE + timedelta(seconds=1))
    assert refusal.value.reason == "expired"
    assert "expired on 2025-03-31 09:00:00 UTC" in str(refusal.value)


def test_the_tolerance_is_five_minutes() -> None:
    assert timedelta(minutes=5) == CLOCK_TOLERANCE


@pytest.mark.parametrize("skew_minutes", [-5, -1, 0, 1, 5])
def test_a_kiosk_clock_off_by_up_to_5_minutes_takes_a_current_feed(skew_minutes: int) -> None:
    """In the feed's last second, a kiosk clock up to 5 minutes fast or slow still takes it."""
    last_second = EXPIRES - timedelta(seconds=1)
    refuse_if_expired(entry(EXPIRES), last_second + timedelta(minutes=skew_minutes))


@pytest.mark.parametrize("skew_minutes", [-5, 0, 5])
def test_a_kiosk_clock_off_by_up_to_5_minutes_refuses_a_feed_10_minutes_expired(
    skew_minutes: int,
) -> None:
    later = EXPIRES + timedelta(minutes=10, seconds=1)
    with pytest.raises(FeedRefused, match=OUT_OF_DATE):
        refuse_if_expired(entry(EXPIRES), later + timedelta(minutes=skew_minutes))


def test_an_expiry_in_another_time_zone_is_read_as_the_same_moment() -> None:
    eastern = EXPIRES.astimezone(ZoneInfo("America/New_York"))
    refuse_if_expired(entry(eastern), EXPIRES + CLOCK_TOLERANCE)
    with pytest.raises(FeedRefused):
        refuse_if_expired(entry(eastern), EXPIRES + CLOCK_TOLERANCE + timedelta(seconds=1))


@pytest.mark.parametrize("value", ["tomorrow", "2025-03-31T09:00:00", 20250331])
def test_a_signed_expiry_that_is_not_a_utc_time_is_refused(value: object, key: SigningKey) -> None:
    odd = FeedEntry(**{**entry(EXPIRES).__dict__, "expires_at": value})
    data = sign_feed(odd, load_private_key(key.file))  # a good signature on an odd field
    with pytest.raises(FeedRefused, match="has no valid expires_at") as refusal:
        open_feed(data, trusted_keys([key.public.text]))
    assert refusal.value.reason == "malformed"


# --- A kiosk following the feed -----------------------------------------------------------


def test_a_replayed_old_feed_after_expiry_is_refused_and_the_content_stays(
    feed: Feed, store: BundleStore
) -> None:
    clock = Clock(PUBLISHED + timedelta(days=1))
    feed.publish("3.0", clock=Clock(PUBLISHED))
    old = feed.snapshot("3.0")
    with follower_for(feed, store, clock=clock) as follower:
        assert follower.check().last_check_ok
        shown = live(store)
        # The publisher moves on, but the host (or someone between) keeps playing back the
        # old, validly signed feed, long after its expiry.
        feed.publish("3.1", clock=Clock(PUBLISHED + timedelta(days=2)))
        feed.restore(old)
        clock.moment = EXPIRES + timedelta(days=10)
        status = follower.check()
    assert not status.last_check_ok
    assert status.last_result.startswith(OUT_OF_DATE)
    assert (status.refusal, status.expires_at, status.failed_in_a_row) == ("expired", EXPIRES, 1)
    assert live(store) == shown  # what it shows and keeps is unchanged


def test_a_fresh_kiosk_takes_nothing_from_an_expired_feed(feed: Feed, store: BundleStore) -> None:
    feed.publish("3.0", clock=Clock(PUBLISHED))
    before = live(store)
    late = EXPIRES + CLOCK_TOLERANCE + timedelta(seconds=1)
    with follower_for(feed, store, clock=Clock(late)) as follower:
        status = follower.check()
    assert status.refusal == "expired"
    assert live(store) == before


def test_a_renewed_feed_is_taken_again(folder_feed: Feed, store: BundleStore) -> None:
    folder_feed.publish("3.0", clock=Clock(PUBLISHED))
    clock = Clock(EXPIRES + timedelta(days=1))
    with follower_for(folder_feed, store, clock=clock) as follower:
        assert follower.check().refusal == "expired"
        folder_feed.publish("3.0", clock=clock)  # the same bundle, signed again
        status = follower.check()
    assert status.last_check_ok, status.last_result
    assert (status.refusal, status.failed_in_a_row) == ("", 0)
    assert status.expires_at == clock.moment + timedelta(days=30)


def test_a_feed_published_before_expiry_is_taken_with_a_note(
    folder_feed: Feed, store: BundleStore
) -> None:
    published = folder_feed.publish("3.0", clock=Clock(PUBLISHED))
    old_style = FeedEntry(**{**published.entry.__dict__, "expires_at": ""})
    assert b"expires_at" not in old_style.payload()
    private = load_private_key(folder_feed.key.file)
    published.feed_file.write_bytes(sign_feed(old_style, private))
    with follower_for(folder_feed, store, clock=Clock(PUBLISHED + timedelta(days=400))) as f:
        status = f.check()
    assert status.last_check_ok, status.last_result
    assert status.expires_at is None
    assert "has no expiry date" in status.last_result
    assert "publish it again" in status.last_result
