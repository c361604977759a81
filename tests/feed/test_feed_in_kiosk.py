"""The feed in the running kiosk: a new version arrives in the background and goes live at
the next quiet moment; network trouble changes nothing on screen; the staff panel says how
the feed is doing in words."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from kiosk.feed import Timing
from kiosk.paths import KioskPaths
from kiosk.settings import save
from kiosk.store import BundleStore
from kiosk.ui.screens.base import Route
from kiosk.ui.staff.feed_page import NO_FEED
from tests.feed.conftest import TIMEOUT, Feed
from tests.helpers.driving import find_button, tap
from tests.helpers.places import SMALL_BUNDLE
from tests.helpers.staff import open_panel, texts

AT_START = Timing(interval=3600, first_check=0, first_retry=3600, timeout=TIMEOUT)
WHEN_ASKED = Timing(interval=3600, first_check=3600, first_retry=3600, timeout=TIMEOUT)


@pytest.fixture
def start_kiosk(make_kiosk, small, tmp_path: Path, web_feed: Feed) -> Iterator:
    """Start a kiosk following `web_feed` (on a patient's screen: home); stopped afterwards."""
    started = []

    def start(timing: Timing, address: str | None = None, size=(1920, 1080)):
        paths = KioskPaths.under(tmp_path / "home").ensure()
        feed_settings = {
            "feed_address": web_feed.address if address is None else address,
            "feed_keys": [web_feed.key.public.text],
        }
        kiosk = make_kiosk(small, size, settings=save(feed_settings, paths.settings_file))
        kiosk.window.home()
        store = BundleStore(paths, builtin_dir=SMALL_BUNDLE)
        started.append(kiosk.start_services(paths, store, feed_timing=timing))
        return kiosk

    yield start
    for services in started:
        if services.feed is not None:
            services.feed.stop()


def test_a_new_version_arrives_and_goes_live_at_the_quiet_moment(
    qtbot, start_kiosk, web_feed: Feed
) -> None:
    web_feed.publish("3.0", "From the feed")
    kiosk = start_kiosk(AT_START)  # checks the feed at once, in the background
    feed, bundles = kiosk.services.feed, kiosk.services.bundles
    arrived = []
    feed.installed.connect(arrived.append)
    qtbot.waitUntil(lambda: bool(arrived), timeout=10000)
    assert arrived[0].pending
    assert kiosk.window.ctx.bundle.model.version == "2.1"  # a patient is using it: no swap
    assert kiosk.window.route == Route("home")
    with qtbot.waitSignal(bundles.swapped, timeout=10000):
        kiosk.window.reset_to_attract()  # the idle reset: a quiet moment
    assert kiosk.window.ctx.bundle.model.version == "3.0"
    kiosk.window.home()
    assert kiosk.window.current_screen.title() == "From the feed"
    assert feed.status.last_check_ok


def start_with_the_host_down(qtbot, start_kiosk, web_feed: Feed, size=(1920, 1080)):
    """A kiosk whose first check of a published feed found the host down."""
    web_feed.publish("3.0")
    web_feed.server.stop()
    kiosk = start_kiosk(AT_START, size=size)
    qtbot.waitUntil(lambda: kiosk.services.feed.status.failures >= 1, timeout=10000)
    return kiosk


def test_network_trouble_changes_nothing_on_screen(qtbot, start_kiosk, web_feed: Feed) -> None:
    kiosk = start_with_the_host_down(qtbot, start_kiosk, web_feed)
    assert "refused the connection" in kiosk.services.feed.status.last_error
    assert kiosk.window.route == Route("home")
    kiosk.window.reset_to_attract()  # a quiet moment: a pending bundle would start loading now
    assert not kiosk.services.bundles.busy
    assert kiosk.window.ctx.bundle.model.version == "2.1"
    assert kiosk.services.store.pointer().pending is None


def test_the_panel_says_how_the_feed_is_doing(qtbot, start_kiosk, web_feed: Feed) -> None:
    kiosk = start_with_the_host_down(qtbot, start_kiosk, web_feed)
    open_panel(qtbot, kiosk)
    tap(qtbot, kiosk.window, "Feed")
    words = texts(kiosk.window)
    assert web_feed.address in words
    assert "Last success: not yet" in words
    assert "Last problem (" in words and "The feed host refused the connection" in words
    assert "Trouble with the feed never changes the content on show." in words
    web_feed.server.start()
    tap(qtbot, kiosk.window, "Check now")
    qtbot.waitUntil(lambda: "Fetched from the feed" in texts(kiosk.window), timeout=10000)
    words = texts(kiosk.window)
    assert "solved since" in words
    assert "The feed offers: small-test version 3.0" in words
    assert "Last taken from the feed: small-test version 3.0" in words
    assert kiosk.window.route == Route("staff")  # the panel stays open; the new content waits


def test_the_panel_explains_a_kiosk_without_a_feed(qtbot, start_kiosk) -> None:
    kiosk = start_kiosk(WHEN_ASKED, address="")
    assert kiosk.services.feed is None
    open_panel(qtbot, kiosk)
    tap(qtbot, kiosk.window, "Feed")
    assert NO_FEED in texts(kiosk.window)


def test_the_settings_page_shows_the_feed_settings(qtbot, start_kiosk, web_feed: Feed) -> None:
    kiosk = start_kiosk(WHEN_ASKED)
    open_panel(qtbot, kiosk)
    tap(qtbot, kiosk.window, "Settings")
    words = texts(kiosk.window)
    assert "Feed address" in words and web_feed.address in words
    assert "Feed keys" in words and web_feed.key.public.text[:16] + "…" in words
    assert "Feed check minutes" in words and "15 minutes" in words


@pytest.mark.parametrize("size", [(1280, 800), (1080, 1920)], ids=str)
def test_a_long_problem_fits_the_page(qtbot, start_kiosk, web_feed: Feed, size) -> None:
    kiosk = start_with_the_host_down(qtbot, start_kiosk, web_feed, size)
    open_panel(qtbot, kiosk)
    tap(qtbot, kiosk.window, "Feed")
    check = find_button(kiosk.window, "Check now")
    assert check.height() >= kiosk.window.ctx.theme.touch
    assert check.width() >= check.sizeHint().width()
    assert kiosk.window.size().toTuple() == size, "the feed page pushed the window to grow"


def test_a_new_version_goes_live_on_an_untouched_attract_screen(
    qtbot, start_kiosk, web_feed: Feed
) -> None:
    """Nobody at the kiosk, so no idle reset comes: the quiet attract screen is enough."""
    web_feed.publish("3.0", "From the feed")
    kiosk = start_kiosk(AT_START)
    kiosk.window.reset_to_attract()
    kiosk.services.bundles.quiet_on_attract_s = 0.5
    with qtbot.waitSignal(kiosk.services.bundles.swapped, timeout=15000):
        pass  # the feed installs in the background; the bundle service shows it by itself
    assert kiosk.window.ctx.bundle.model.version == "3.0"


def test_the_panel_says_the_feed_is_out_of_date(qtbot, start_kiosk, web_feed: Feed) -> None:
    long_ago = datetime.now(UTC) - timedelta(days=40)
    web_feed.publish("3.0", clock=lambda: long_ago)  # good for 30 days: expired 10 days ago
    kiosk = start_kiosk(AT_START)
    feed = kiosk.services.feed
    qtbot.waitUntil(lambda: feed.status.refusal == "expired", timeout=10000)
    open_panel(qtbot, kiosk)
    tap(qtbot, kiosk.window, "Feed")
    words = texts(kiosk.window)
    assert "The feed is out of date; publish it again." in words
    assert "The feed expired on " in words
    assert kiosk.window.ctx.bundle.model.version == "2.1"  # what it shows stays
    assert kiosk.services.store.pointer().pending is None
    web_feed.publish("3.0")  # the same bundle signed again, good for 30 days from now
    tap(qtbot, kiosk.window, "Check now")
    qtbot.waitUntil(lambda: "Fetched from the feed" in texts(kiosk.window), timeout=10000)
    assert "The feed is taken until " in texts(kiosk.window)
