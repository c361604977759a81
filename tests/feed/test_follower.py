"""Following a feed, served by a web host on loopback or from a folder: a new version is
installed (pending, for the next quiet moment) and trusted; a tampered zip, a bad signature,
an unknown key, an older version or the same version with other bytes are each refused with
the store as it was."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

from kiosk.feed.envelope import FEED_FILE, FeedEntry, sign_feed
from kiosk.feed.keys import load_private_key
from kiosk.feed.state import FeedState
from kiosk.store import BundleStore
from tests.feed.conftest import Feed, SigningKey, follower_for, live
from tests.helpers.staff import broken_bundle


def test_a_new_version_is_installed_waiting_and_trusted(feed: Feed, store: BundleStore) -> None:
    feed.publish("3.0")
    follower = follower_for(feed, store)
    status = follower.check()
    assert status.last_check_ok, status.last_result
    assert status.last_result.startswith("Fetched from the feed: Version 3.0 (version 3.0)")
    assert status.offered == "small-test version 3.0"
    pointer = store.pointer()
    assert (pointer.active, pointer.pending) == (None, "small-test-3.0")  # live at a quiet moment
    trusted = FeedState(store.paths).trusted()
    assert (trusted.bundle_id, trusted.version) == ("small-test", "3.0")
    assert list(follower.download_dir.iterdir()) == []  # the download is not kept


def test_an_unchanged_feed_is_not_fetched_again(web_feed: Feed, store: BundleStore) -> None:
    web_feed.publish("3.0")
    follower = follower_for(web_feed, store)
    follower.check()
    seen = len(web_feed.server.seen)
    status = follower.check()
    assert status.last_check_ok
    assert status.last_result == "Up to date: small-test version 3.0 is the newest in the feed."
    answers = web_feed.server.seen[seen:]
    assert [(a.path, a.status) for a in answers] == [("/feed/feed.json", 304)]
    assert answers[0].if_none_match  # asked "changed since?"


def test_a_folder_feed_that_did_not_change_is_taken_from_the_copy(
    folder_feed: Feed, store: BundleStore
) -> None:
    folder_feed.publish("3.0")
    follower = follower_for(folder_feed, store)
    follower.check()
    (folder_feed.folder / "small-test-3.0.zip").unlink()  # not needed: nothing new to fetch
    assert follower.check().last_result.startswith("Up to date")


def test_a_tampered_zip_is_refused(feed: Feed, store: BundleStore) -> None:
    published = feed.publish("3.0")
    data = bytearray(published.bundle_file.read_bytes())
    data[len(data) // 2] ^= 0xFF  # same size, one byte changed
    published.bundle_file.write_bytes(bytes(data))
    before = live(store)
    status = follower_for(feed, store).check()
    assert not status.last_check_ok
    assert "does not match the SHA-256 the signed feed gives" in status.last_error
    assert live(store) == before
    assert FeedState(store.paths).trusted() is None


def test_a_feed_changed_after_signing_is_refused(feed: Feed, store: BundleStore) -> None:
    feed.publish("3.0")
    feed_file = feed.folder / FEED_FILE
    envelope = json.loads(feed_file.read_text())
    envelope["payload"] = envelope["payload"].replace('"3.0"', '"3.1"')
    feed_file.write_text(json.dumps(envelope))
    before = live(store)
    status = follower_for(feed, store).check()
    assert "signature does not match its contents" in status.last_error
    assert status.offered == ""  # nothing of the payload was believed
    assert live(store) == before


def test_a_feed_signed_with_an_unknown_key_is_refused(
    feed: Feed, store: BundleStore, other_key: SigningKey
) -> None:
    feed.publish("3.0", key=other_key)
    before = live(store)
    status = follower_for(feed, store).check()  # trusts feed.key only
    assert f"a key this kiosk does not trust (key id {other_key.public.key_id})" in (
        status.last_error
    )
    assert live(store) == before


def test_several_keys_are_trusted_at_once(
    feed: Feed, store: BundleStore, other_key: SigningKey
) -> None:
    feed.publish("3.0", key=other_key)  # the new key, during a rotation
    status = follower_for(feed, store, feed.key, other_key).check()
    assert status.last_check_ok, status.last_result


def test_an_older_feed_played_back_is_refused_after_a_restart(
    feed: Feed, store: BundleStore
) -> None:
    feed.publish("2.5")
    old = feed.snapshot("2.5")
    feed.publish("3.0")
    assert follower_for(feed, store).check().last_check_ok
    store.activate_pending()
    feed.restore(old)  # someone serves the old, validly signed feed again
    before = live(store)
    restarted = follower_for(feed, store)  # a new follower: trust comes from the disk
    status = restarted.check()
    assert "offers small-test version 2.5, older than version 3.0 already taken" in (
        status.last_error
    )
    assert live(store) == before
    assert store.pointer().active == "small-test-3.0"


def test_the_same_version_with_other_contents_is_refused(
    feed: Feed, store: BundleStore, tmp_path
) -> None:
    feed.publish("3.0", "First")
    assert follower_for(feed, store).check().last_check_ok
    elsewhere = Feed(tmp_path / "elsewhere", "", feed.key, feed.sources)
    elsewhere.publish("3.0", "Second")  # 3.0 again, other bytes, validly signed
    feed.restore(elsewhere.folder)
    before = live(store)
    status = follower_for(feed, store).check()
    assert "offers small-test version 3.0 again, with other contents" in status.last_error
    assert live(store) == before


def test_a_bundle_with_problems_is_refused_once_and_not_fetched_again(
    web_feed: Feed, store: BundleStore, tmp_path
) -> None:
    broken = _zip_as_is(broken_bundle(tmp_path / "broken", "3.0"), tmp_path / "broken.zip")
    _sign_by_hand(web_feed, broken, "3.0")
    follower = follower_for(web_feed, store)
    before = live(store)
    status = follower.check()
    assert "small-test version 3.0 from the feed was checked and refused, with 2 problem(s)" in (
        status.last_error
    )
    assert live(store) == before
    downloads = len(web_feed.server.zip_requests())
    again = follower_for(web_feed, store).check()  # after a restart too
    assert "was refused before, so it is not fetched again" in again.last_error
    assert len(web_feed.server.zip_requests()) == downloads


def test_a_file_holding_another_version_than_the_feed_names_is_refused(
    feed: Feed, store: BundleStore
) -> None:
    published = feed.publish("3.0")
    _sign_by_hand(feed, published.bundle_file, "9.0")  # would lock out every version < 9
    status = follower_for(feed, store).check()
    assert "names small-test version 9.0, but its file holds small-test version 3.0" in (
        status.last_error
    )
    assert FeedState(store.paths).trusted() is None


def test_nothing_is_fetched_when_the_kiosk_already_has_a_newer_version(
    web_feed: Feed, store: BundleStore, tmp_path
) -> None:
    from tests.helpers.staff import bundle_version

    store.install(bundle_version(tmp_path / "usb-4.0", "4.0", "From a USB drive"))
    store.activate_pending()
    web_feed.publish("3.0")
    status = follower_for(web_feed, store).check()
    assert status.last_check_ok
    assert "already has small-test version 4.0" in status.last_result
    assert web_feed.server.zip_requests() == []
    assert store.pointer().pending is None


def test_a_damaged_trust_record_stops_the_feed_until_removed(
    feed: Feed, store: BundleStore
) -> None:
    feed.publish("3.0")
    state = FeedState(store.paths)
    state.folder.mkdir(parents=True)
    state.trusted_file.write_text("{not json")
    status = follower_for(feed, store).check()
    assert "is damaged, so nothing more is taken" in status.last_error
    assert store.pointer().pending is None
    state.trusted_file.unlink()
    assert follower_for(feed, store).check().last_check_ok


def test_no_trusted_keys_means_nothing_is_taken(feed: Feed, store: BundleStore) -> None:
    from kiosk.feed import FeedFollower, source_for

    feed.publish("3.0")
    status = FeedFollower(source_for(feed.address), [], store).check()
    assert "No trusted feed keys are set on this kiosk" in status.last_error


def _sign_by_hand(feed: Feed, bundle, version: str) -> None:
    """Put `bundle` in the feed under a feed.json signed with the feed's key, naming `version`
    (what `kiosk publish` would not do: it checks the bundle first)."""
    from kiosk.feed.sources import file_sha256

    feed.folder.mkdir(parents=True, exist_ok=True)
    target = feed.folder / f"small-test-{version}.zip"
    if bundle != target:
        target.write_bytes(bundle.read_bytes())
    entry = FeedEntry(
        "small-test", version, target.name, target.stat().st_size, file_sha256(target)
    )
    private = load_private_key(feed.key.file)
    (feed.folder / FEED_FILE).write_bytes(sign_feed(entry, private))


def _zip_as_is(folder: Path, target: Path) -> Path:
    """Every file of `folder` in a .zip, unchecked (kiosk pack would refuse a broken one)."""
    with zipfile.ZipFile(target, "w") as archive:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                archive.write(path, path.relative_to(folder).as_posix())
    return target
