"""The memory report a long run asks for with KIOSK_MEMORY_REPORT: one JSON line soon after
start and one after each idle reset; nothing at all without the variable."""

from __future__ import annotations

import json
from pathlib import Path

from kiosk.runtime.memory_report import ENV, memory_report, report_after_idle_resets
from tests.conftest import MakeWindow
from tests.helpers.bundles import bundle


def test_a_report_counts_what_the_kiosk_holds(make_window: MakeWindow) -> None:
    window = make_window(bundle("small"))
    report = memory_report(window)
    assert report["rss_kib"] > 0 and report["python_objects"] > 0
    assert report["widget_classes"]["KioskWindow"] >= 1  # earlier tests' may linger
    assert report["malloc"]["uordblks"] > 0  # glibc's bytes in use
    json.dumps(report)


def test_reports_after_start_and_each_idle_reset(
    make_window: MakeWindow, tmp_path: Path, monkeypatch, qtbot
) -> None:
    target = tmp_path / "memory.jsonl"
    monkeypatch.setenv(ENV, str(target))
    window = make_window(bundle("small"))
    report_after_idle_resets(window, after_ms=10, first_ms=10)
    qtbot.waitUntil(lambda: target.exists() and len(target.read_text().splitlines()) == 1)
    window.reset_to_attract()
    qtbot.waitUntil(lambda: len(target.read_text().splitlines()) == 2)


def test_no_report_unless_asked(make_window: MakeWindow, tmp_path: Path, monkeypatch, qtbot):
    monkeypatch.delenv(ENV, raising=False)
    window = make_window(bundle("small"))
    report_after_idle_resets(window, after_ms=1, first_ms=1)
    window.reset_to_attract()
    qtbot.wait(50)
    assert not list(tmp_path.iterdir())
