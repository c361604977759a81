"""An exception raised inside a slot is logged and the kiosk returns to attract."""

from __future__ import annotations

import logging
import sys

import pytest
from PySide6.QtCore import QTimer

from kiosk.runtime.crash import install_crash_guard
from kiosk.runtime.logs import setup_logging
from kiosk.ui.screens.base import Route


@pytest.mark.qt_no_exception_capture
def test_exception_in_a_slot_returns_to_attract_and_is_logged(
    qtbot, make_window, small, tmp_path
) -> None:
    log_path = setup_logging(tmp_path / "logs", to_stderr=False)
    window = make_window(small)
    window.home()
    previous_hook = sys.excepthook
    install_crash_guard(window.reset_to_attract)

    def broken_slot() -> None:
        raise RuntimeError("a bug in a handler")

    try:
        QTimer.singleShot(0, broken_slot)
        qtbot.waitUntil(lambda: window.route == Route("attract"), timeout=5000)
    finally:
        sys.excepthook = previous_hook
        for handler in logging.getLogger().handlers:
            handler.flush()
    text = log_path.read_text(encoding="utf-8")
    assert "unexpected error; returning to the attract screen" in text
    assert "RuntimeError: a bug in a handler" in text
    assert "Traceback" in text
