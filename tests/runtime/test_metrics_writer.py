"""The running kiosk keeps its metrics file current from its own signals."""

from __future__ import annotations

import dataclasses
import logging
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from prometheus_client.parser import text_string_to_metric_families
from PySide6.QtCore import Qt

from kiosk.feed.publish import publish
from kiosk.metrics import METRICS_FILE
from kiosk.runtime.metrics_writer import MetricsWriter
from kiosk.runtime.watchdog import WatchdogPinger
from kiosk.ui.composition import Kiosk
from kiosk.ui.screens.base import Route
from tests.feed.conftest import make_key
from tests.helpers.staff import bundle_version, start_services

WAIT_MS = 10_000


class Clock:
    def __init__(self, moment: datetime) -> None:
        self.moment = moment

    def __call__(self) -> datetime:
        return self.moment


@pytest.fixture
def kiosk(make_kiosk, small, tmp_path: Path) -> Kiosk:
    kiosk = make_kiosk(small)
    start_services(kiosk, tmp_path / "home")
    return kiosk


def use_folder(kiosk: Kiosk, folder: Path | str) -> None:
    live = kiosk.live_settings
    live.replace(dataclasses.replace(live.current, metrics_folder=str(folder)))


def metrics(path: Path) -> dict[str, list[tuple[dict[str, str], float]]]:
    out: dict[str, list[tuple[dict[str, str], float]]] = {}
    for family in text_string_to_metric_families(path.read_text(encoding="utf-8")):
        for sample in family.samples:
            out.setdefault(sample.name, []).append((sample.labels, sample.value))
    return out


def value(path: Path, name: str) -> float:
    (only,) = metrics(path)[name]
    return only[1]


def says(path: Path, name: str, expected: float) -> bool:
    """Whether the file exists and its `name` is `expected` (to wait for a write)."""
    return path.exists() and value(path, name) == expected


def written_after(qtbot, writer: MetricsWriter, change) -> Path:
    """Run `change` and wait for the write it causes."""
    with qtbot.waitSignal(writer.written, timeout=WAIT_MS) as written:
        change()
    return written.args[0]


def test_no_folder_no_file_then_a_folder_gets_one(qtbot, kiosk, tmp_path: Path) -> None:
    writer = MetricsWriter(kiosk)
    assert writer.write() is None  # metrics_folder is empty by default
    folder = tmp_path / "textfile"
    folder.mkdir()
    path = written_after(qtbot, writer, lambda: use_folder(kiosk, folder))
    assert path == folder / METRICS_FILE
    assert value(path, "kiosk_up") == 1
    assert metrics(path)["kiosk_bundle_info"] == [({"id": "small-test", "version": "2.1"}, 1.0)]
    assert value(path, "kiosk_feed_followed") == 0


def test_a_patient_session_is_counted_when_attract_is_left(qtbot, kiosk, tmp_path) -> None:
    use_folder(kiosk, tmp_path)
    writer = MetricsWriter(kiosk, clock=Clock(datetime.now(UTC)))
    window = kiosk.window
    touch = window.current_screen  # the attract screen: a touch anywhere starts
    path = written_after(qtbot, writer, lambda: qtbot.mouseClick(touch, Qt.MouseButton.LeftButton))
    assert window.route == Route("home")
    assert value(path, "kiosk_patient_sessions_today") == 1
    window.go(Route("exercises"))  # the same patient, further in
    window.reset_to_attract()
    path = written_after(qtbot, writer, window.home)
    assert value(path, "kiosk_patient_sessions_today") == 2


def test_staff_screens_are_not_patient_sessions(qtbot, kiosk, tmp_path) -> None:
    use_folder(kiosk, tmp_path)
    writer = MetricsWriter(kiosk)
    kiosk.window.go(Route("staff-pin"))
    assert writer.state().sessions_today == 0


def test_the_hook_for_stop_this_hurts(qtbot, kiosk, tmp_path) -> None:
    use_folder(kiosk, tmp_path)
    writer = MetricsWriter(kiosk)
    assert writer.state().stop_presses_today == 0
    path = written_after(
        qtbot, writer, lambda: kiosk.window.stop_pressed.emit("exercise", "wall-sit")
    )
    assert value(path, "kiosk_stop_hurts_presses_today") == 1


def test_installs_rollbacks_and_the_bundle_on_show(qtbot, kiosk, tmp_path) -> None:
    use_folder(kiosk, tmp_path)
    MetricsWriter(kiosk)  # the window owns it
    service = kiosk.services.bundles
    for version in ("3.0", "4.0"):
        with qtbot.waitSignal(service.installed, timeout=WAIT_MS):
            service.install(bundle_version(tmp_path / version, version, f"Version {version}"))
        with qtbot.waitSignal(service.swapped, timeout=WAIT_MS):
            service.activate_now()
    with qtbot.waitSignal(service.rolled_back, timeout=WAIT_MS):
        service.rollback()
    path = tmp_path / METRICS_FILE
    qtbot.waitUntil(lambda: says(path, "kiosk_bundle_rollbacks_total", 1), timeout=WAIT_MS)
    assert value(path, "kiosk_bundle_installs_total") == 2
    assert value(path, "kiosk_bundle_rollbacks_total") == 1
    assert metrics(path)["kiosk_bundle_info"] == [({"id": "small-test", "version": "3.0"}, 1.0)]


def test_an_expired_feed_shows_in_the_metrics(qtbot, kiosk, tmp_path) -> None:
    """A feed published 40 days ago with the default 30-day expiry, read on today's clock."""
    key = make_key(tmp_path / "keys")
    feed = tmp_path / "feed"
    long_ago = datetime.now(UTC) - timedelta(days=40)
    publish(bundle_version(tmp_path / "b", "3.0", "Old"), key.file, feed, clock=lambda: long_ago)
    use_folder(kiosk, tmp_path)
    MetricsWriter(kiosk)  # the window owns it
    live = kiosk.live_settings
    with qtbot.waitSignal(kiosk.services.feed_replaced, timeout=WAIT_MS):
        live.replace(
            dataclasses.replace(live.current, feed_address=str(feed), feed_keys=(key.public.text,))
        )
    service = kiosk.services.feed
    service.check_now()
    path = tmp_path / METRICS_FILE
    qtbot.waitUntil(lambda: says(path, "kiosk_feed_expired", 1), timeout=WAIT_MS)
    assert value(path, "kiosk_feed_followed") == 1
    assert value(path, "kiosk_feed_expired") == 1
    assert metrics(path)["kiosk_feed_last_refusal_info"] == [({"reason": "expired"}, 1.0)]
    assert value(path, "kiosk_feed_failures_in_a_row") == 1
    assert value(path, "kiosk_feed_last_success_age_seconds") == float("inf")
    expiry = (long_ago.replace(microsecond=0) + timedelta(days=30)).timestamp()
    assert value(path, "kiosk_feed_expiry_timestamp_seconds") == expiry
    service.stop()


def test_stopping_says_the_kiosk_is_down(qtbot, kiosk, tmp_path) -> None:
    use_folder(kiosk, tmp_path)
    writer = MetricsWriter(kiosk)
    writer.stop()
    assert value(tmp_path / METRICS_FILE, "kiosk_up") == 0
    assert writer.write() is None  # and writes no more


def test_a_new_folder_takes_the_file_with_it(qtbot, kiosk, tmp_path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    first.mkdir()
    second.mkdir()
    use_folder(kiosk, first)
    writer = MetricsWriter(kiosk)
    assert writer.write() == first / METRICS_FILE
    written_after(qtbot, writer, lambda: use_folder(kiosk, second))
    assert not (first / METRICS_FILE).exists()  # it would have said "up" for ever
    use_folder(kiosk, "")
    assert not (second / METRICS_FILE).exists()
    assert writer.write() is None


def test_a_missing_folder_is_logged_once(qtbot, kiosk, tmp_path, caplog) -> None:
    use_folder(kiosk, tmp_path / "not there")
    writer = MetricsWriter(kiosk)
    with caplog.at_level(logging.WARNING):
        assert writer.write() is None
        assert writer.write() is None
    assert caplog.text.count("cannot write knee_kiosk.prom") == 1


def test_the_watchdogs_pings_are_reported(qtbot, kiosk, tmp_path, monkeypatch) -> None:
    from tests.helpers.systemd import FakeSystemd

    systemd = FakeSystemd(str(tmp_path / "notify"))
    monkeypatch.setenv("NOTIFY_SOCKET", str(tmp_path / "notify"))
    clock = Clock(datetime(2025, 4, 2, 10, 0, 0, tzinfo=UTC))
    writer = MetricsWriter(kiosk, clock=clock)
    pinger = WatchdogPinger(60_000, kiosk.window)
    writer.watch(pinger)
    assert writer.state().watchdog_last_ping is None
    pinger.ping()
    assert writer.state().watchdog_last_ping == clock.moment
    systemd.close()


def test_every_minute_it_is_written_again(qtbot, kiosk, tmp_path) -> None:
    use_folder(kiosk, tmp_path)
    writer = MetricsWriter(kiosk, every_ms=50)  # a minute, shortened
    with qtbot.waitSignals([writer.written] * 3, timeout=WAIT_MS):
        pass
