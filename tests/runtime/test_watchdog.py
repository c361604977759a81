"""The watchdog pings come from the UI thread: when the event loop blocks, they stop."""

from __future__ import annotations

import time

from kiosk.runtime.watchdog import WatchdogPinger, sd_notify, watchdog_interval_ms
from tests.helpers.systemd import FakeSystemd


def test_pings_stop_while_the_event_loop_is_blocked(qtbot, tmp_path, monkeypatch) -> None:
    path = str(tmp_path / "notify")
    systemd = FakeSystemd(path)
    monkeypatch.setenv("NOTIFY_SOCKET", path)
    pinger = WatchdogPinger(50)
    try:
        sd_notify("READY=1")
        pinger.start()
        qtbot.waitUntil(lambda: sum(m == "WATCHDOG=1" for _, m in systemd.messages) >= 4)
        blocked_from = time.monotonic()
        time.sleep(0.6)  # the UI thread is stuck: no timer can fire
        blocked_to = time.monotonic()
        qtbot.waitUntil(lambda: systemd.messages[-1][0] > blocked_to, timeout=3000)
    finally:
        pinger.stop()
        systemd.close()
    assert systemd.messages[0][1] == "READY=1"
    during = [t for t, m in systemd.messages if blocked_from + 0.05 < t < blocked_to]
    assert during == []


def test_interval_is_half_the_watchdog_timeout(monkeypatch) -> None:
    monkeypatch.setenv("WATCHDOG_USEC", "10000000")
    monkeypatch.delenv("WATCHDOG_PID", raising=False)
    assert watchdog_interval_ms() == 5000
    monkeypatch.delenv("WATCHDOG_USEC")
    assert watchdog_interval_ms() is None


def test_notify_without_systemd_is_a_no_op(monkeypatch) -> None:
    monkeypatch.delenv("NOTIFY_SOCKET", raising=False)
    assert sd_notify("WATCHDOG=1") is False
