"""A feed host that is down, slow, or cuts a download half-way: the check fails in words, is
tried again, and a cut download carries on from where it stopped. Nothing on show changes
and nothing already fetched is lost."""

from __future__ import annotations

import shutil

from kiosk.feed.follower import DOWNLOAD_FOLDER
from kiosk.store import BundleStore
from tests.feed.conftest import TIMEOUT, Feed, follower_for, live


def test_a_host_that_is_down_is_tried_again_until_it_is_back(
    web_feed: Feed, store: BundleStore
) -> None:
    web_feed.publish("3.0")
    web_feed.server.stop()
    follower = follower_for(web_feed, store)
    before = live(store)
    first, second = follower.check(), follower.check()
    assert "The feed host refused the connection" in first.last_error
    assert (first.failures, second.failures) == (1, 2)  # the runner backs off on these
    assert second.last_success is None and not second.last_check_ok
    assert live(store) == before
    web_feed.server.start()
    back = follower.check()
    assert back.last_check_ok and back.failures == 0
    assert store.pointer().pending == "small-test-3.0"
    assert back.last_error.startswith("The feed host refused")  # kept, with its time
    assert back.last_success > back.last_error_at or back.last_success == back.last_error_at


def test_a_slow_host_times_out_and_is_tried_again(web_feed: Feed, store: BundleStore) -> None:
    web_feed.publish("3.0")
    web_feed.server.delay = TIMEOUT * 2
    follower = follower_for(web_feed, store)
    status = follower.check()
    assert f"did not answer within {TIMEOUT:g} seconds" in status.last_error
    assert status.failures == 1
    web_feed.server.delay = 0
    assert follower.check().last_check_ok
    assert store.pointer().pending == "small-test-3.0"


def test_a_cut_download_carries_on_where_it_stopped(web_feed: Feed, store: BundleStore) -> None:
    published = web_feed.publish("3.0")
    size = published.entry.size
    half = size // 2
    web_feed.server.cuts = [half]
    follower = follower_for(web_feed, store)
    before = live(store)
    status = follower.check()
    assert f"stopped at {half:,} of {size:,} bytes" in status.last_error
    assert status.failures == 1  # it got further: the next try comes soon
    kept = follower.download_dir / f"{published.entry.sha256[:32]}.part"
    assert kept.stat().st_size == half
    assert live(store) == before
    store.clean_leftovers()  # as at every quiet-moment swap: a download under way is kept
    assert kept.stat().st_size == half
    assert follower.check().last_check_ok
    ranges = [seen.range for seen in web_feed.server.zip_requests()]
    assert ranges == ["", f"bytes={half}-"]  # the second asked only for the rest
    assert store.pointer().pending == "small-test-3.0"


def test_two_cuts_in_a_row_still_end_in_one_whole_file(web_feed: Feed, store: BundleStore) -> None:
    size = web_feed.publish("3.0").entry.size
    web_feed.server.cuts = [size // 3, size // 3]
    follower = follower_for(web_feed, store)
    statuses = [follower.check() for _ in range(3)]
    assert [s.last_check_ok for s in statuses] == [False, False, True]
    assert [s.failures for s in statuses] == [1, 1, 0]  # progress each time: no long backoff
    assert store.pointer().pending == "small-test-3.0"


def test_a_host_without_range_support_sends_the_whole_file_again(
    web_feed: Feed, store: BundleStore
) -> None:
    size = web_feed.publish("3.0").entry.size
    web_feed.server.cuts = [size // 2]
    web_feed.server.ranges = False
    follower = follower_for(web_feed, store)
    assert not follower.check().last_check_ok
    assert follower.check().last_check_ok  # a 200 with the whole file replaces the part
    assert [s.status for s in web_feed.server.zip_requests()] == [200, 200]
    assert store.pointer().pending == "small-test-3.0"


def test_a_missing_feed_is_named_plainly(web_feed: Feed, store: BundleStore) -> None:
    status = follower_for(web_feed, store).check()  # nothing published yet
    assert "has no feed.json at" in status.last_error
    assert "(404 Not Found)" in status.last_error


def test_a_download_cut_by_a_restart_carries_on_in_the_next_run(
    web_feed: Feed, store: BundleStore
) -> None:
    published = web_feed.publish("3.0")
    half = published.entry.size // 2
    web_feed.server.cuts = [half]
    follower = follower_for(web_feed, store)
    follower.check()
    follower.close()  # the kiosk stopped: its lock on the download area went with it
    store.clean_leftovers()  # the next start tidies after killed installs...
    kept = store.paths.staging_dir / DOWNLOAD_FOLDER / f"{published.entry.sha256[:32]}.part"
    assert kept.stat().st_size == half  # ...but leaves a download to carry on
    restarted = follower_for(web_feed, store)
    assert restarted.check().last_check_ok
    ranges = [seen.range for seen in web_feed.server.zip_requests()]
    assert ranges == ["", f"bytes={half}-"]
    assert store.pointer().pending == "small-test-3.0"
    restarted.close()


def test_a_synced_folder_that_has_the_feed_but_not_yet_its_bundle(
    folder_feed: Feed, store: BundleStore, tmp_path
) -> None:
    published = folder_feed.publish("3.0")
    whole = published.bundle_file.read_bytes()
    aside = tmp_path / "still-syncing.zip"
    shutil.move(published.bundle_file, aside)
    follower = follower_for(folder_feed, store)
    status = follower.check()
    assert "is not in" in status.last_error and "still being copied or synced" in (
        status.last_error
    )
    assert status.failures == 1
    published.bundle_file.write_bytes(whole[: len(whole) // 2])  # half synced
    status = follower.check()
    assert f"stopped at {len(whole) // 2:,} of {len(whole):,} bytes" in status.last_error
    shutil.move(aside, published.bundle_file)  # the sync tool finished
    assert follower.check().last_check_ok
    assert store.pointer().pending == "small-test-3.0"


def test_a_folder_that_is_not_there_is_named_plainly(folder_feed: Feed, store: BundleStore) -> None:
    status = follower_for(folder_feed, store).check()
    assert f"There is no feed.json at {folder_feed.folder}" in status.last_error
    assert "Is the drive or synced folder connected" in status.last_error
