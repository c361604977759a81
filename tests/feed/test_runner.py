"""The follower on its thread: it keeps trying while the host is down, backing off, takes the
bundle once the host is back, checks at once when asked, and stops when told."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from kiosk.feed import FeedFollower, FeedRunner, Timing, source_for
from kiosk.feed.follower import DOWNLOAD_FOLDER
from kiosk.store import BundleStore
from kiosk.store.locks import is_held
from kiosk.store.staging import LOCK_SUFFIX
from tests.feed.conftest import TIMEOUT, Feed

QUICK = Timing(interval=60, first_check=0, first_retry=0.02, max_retry=0.2, timeout=TIMEOUT)


def wait_for(condition: Callable[[], bool], seconds: float = 10.0) -> None:
    """Wait until `condition` holds, looking every few milliseconds; fail after `seconds`."""
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.01)


def runner_for(feed: Feed, store: BundleStore, timing: Timing = QUICK):
    installed = threading.Event()
    follower = FeedFollower(
        source_for(feed.address, timing.timeout),
        [feed.key.public.text],
        store,
        on_installed=lambda result: installed.set(),
    )
    return FeedRunner(follower, timing), follower, installed


def test_down_then_back_up_ends_in_the_bundle_installed(web_feed: Feed, store: BundleStore) -> None:
    web_feed.publish("3.0")
    web_feed.server.stop()
    runner, follower, installed = runner_for(web_feed, store)
    runner.start()
    try:
        wait_for(lambda: follower.status.failures >= 3)  # it keeps trying, backing off
        assert store.pointer().pending is None
        web_feed.server.start()
        assert installed.wait(10)
    finally:
        runner.stop()
    assert not runner.running
    assert store.pointer().pending == "small-test-3.0"
    assert follower.status.failures == 0 and follower.status.last_check_ok


def test_check_now_does_not_wait_for_the_interval(web_feed: Feed, store: BundleStore) -> None:
    hour = Timing(interval=3600, first_check=3600, timeout=TIMEOUT)
    runner, follower, installed = runner_for(web_feed, store, hour)
    runner.start()
    try:
        wait_for(lambda: follower.status.next_check is not None)  # waiting its hour
        assert follower.status.last_check is None
        web_feed.publish("3.0")
        runner.check_now()
        assert installed.wait(10)
    finally:
        runner.stop()
    assert follower.status.last_check_ok


def test_stop_ends_the_thread_and_frees_the_download_area(
    web_feed: Feed, store: BundleStore
) -> None:
    web_feed.publish("3.0")
    size = (web_feed.folder / "small-test-3.0.zip").stat().st_size
    web_feed.server.cuts = [size // 2] * 100  # never completes
    runner, follower, _ = runner_for(web_feed, store)
    runner.start()
    wait_for(lambda: follower.status.failures >= 1)
    runner.stop()
    assert not runner.running
    area = store.paths.staging_dir / DOWNLOAD_FOLDER
    assert not is_held(area.with_name(DOWNLOAD_FOLDER + LOCK_SUFFIX))  # free for the next run
    assert any(area.glob("*.part"))  # which carries on from the part already fetched
