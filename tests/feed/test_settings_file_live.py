"""The settings file, rewritten while the kiosk runs (by an admin or a fleet tool), applies
without a restart: a new feed address and key start a new follower at once."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.feed import Timing
from kiosk.paths import KioskPaths
from kiosk.settings import save
from kiosk.store import BundleStore
from tests.feed.conftest import TIMEOUT, Feed
from tests.helpers.places import SMALL_BUNDLE

AT_ONCE = Timing(interval=3600, first_check=0, first_retry=3600, timeout=TIMEOUT)


@pytest.fixture
def kiosk(make_kiosk, small, tmp_path: Path):
    paths = KioskPaths.under(tmp_path / "home").ensure()
    kiosk = make_kiosk(small)
    kiosk.start_services(paths, BundleStore(paths, builtin_dir=SMALL_BUNDLE), AT_ONCE)
    yield kiosk
    if kiosk.services.feed is not None:
        kiosk.services.feed.stop()


def test_a_rewritten_file_applies_without_a_restart(kiosk) -> None:
    window = kiosk.window
    services = kiosk.services
    assert not services.settings_watch.check()  # nothing new yet
    save({"idle_timeout": 123}, services.paths.settings_file)
    assert services.settings_watch.check()
    assert window.ctx.settings.idle_timeout == 123
    assert window.idle_reset.plan.idle_seconds == 123


def test_a_bad_value_in_the_file_keeps_the_default(kiosk, caplog) -> None:
    window = kiosk.window
    settings_file = kiosk.services.paths.settings_file
    settings_file.write_text('idle_timeout = "soon"\n', encoding="utf-8")
    assert kiosk.services.settings_watch.check()
    assert window.ctx.settings.idle_timeout == 90
    assert 'idle_timeout: "soon" is not a number' in caplog.text


def test_a_save_from_the_staff_panel_is_not_applied_twice(kiosk) -> None:
    settings = save({"idle_timeout": 100}, kiosk.services.paths.settings_file)
    kiosk.live_settings.replace(settings)  # what the Settings page does after saving
    assert not kiosk.services.settings_watch.check()


def test_a_new_feed_address_and_key_are_followed_at_once(qtbot, kiosk, folder_feed: Feed) -> None:
    services = kiosk.services
    assert services.feed is None  # no feed set when the kiosk started
    folder_feed.folder.mkdir(parents=True)
    folder_feed.publish("3.0", "From the new feed")
    save(
        {"feed_address": folder_feed.address, "feed_keys": [folder_feed.key.public.text]},
        services.paths.settings_file,
    )
    assert services.settings_watch.check()
    assert services.feed is not None
    arrived = []
    services.feed.installed.connect(arrived.append)
    qtbot.waitUntil(lambda: bool(arrived), timeout=10000)
    assert services.store.pointer().pending == "small-test-3.0"
    save({"feed_address": ""}, services.paths.settings_file)  # and turned off again
    services.settings_watch.check()
    assert services.feed is None


def test_the_command_line_idle_time_outlasts_a_save_and_a_rewritten_file(
    make_kiosk, small, tmp_path: Path
) -> None:
    paths = KioskPaths.under(tmp_path / "home").ensure()
    kiosk = make_kiosk(small, idle_seconds=5)
    kiosk.start_services(paths, BundleStore(paths, builtin_dir=SMALL_BUNDLE))
    window = kiosk.window
    assert window.idle_reset.plan.idle_seconds == 5
    kiosk.live_settings.replace(save({"volume_cap": 0.5}, paths.settings_file))  # the panel
    assert window.ctx.settings.volume_cap == 0.5
    assert window.ctx.settings.idle_timeout == 5
    assert window.idle_reset.plan.idle_seconds == 5
    save({"idle_timeout": 300}, paths.settings_file)  # a fleet tool rewrites the file
    assert kiosk.services.settings_watch.check()
    assert window.idle_reset.plan.idle_seconds == 5
