"""The cleaning lock: from the staff panel, every touch ignored for cleaning_seconds with a large
countdown, then attract; staff end it early with the corner and the PIN; each start and end
logged."""

from __future__ import annotations

import logging

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLabel

from kiosk.flows.pace import Pace
from kiosk.settings import Settings
from kiosk.ui.screens.base import Route
from tests.helpers.driving import HOLD, press_and_hold, settle, tap
from tests.helpers.staff import PIN, open_panel, start_services, type_pin

TIMEOUT = 10_000


@pytest.fixture
def pace() -> Pace:
    return Pace(staff_hold_seconds=HOLD)  # the gesture's hold, shortened


def cleaning_kiosk(qtbot, make_kiosk, small, tmp_path, seconds: int):
    kiosk = make_kiosk(small, settings=Settings(cleaning_seconds=seconds))
    start_services(kiosk, tmp_path / "home")
    open_panel(qtbot, kiosk)
    return kiosk


def countdown(window) -> str:
    return window.current_screen.findChild(QLabel, "cleaning_seconds").text()


def test_the_lock_swallows_taps_then_returns_to_attract(
    qtbot, make_kiosk, small, tmp_path, caplog
) -> None:
    caplog.set_level(logging.INFO, logger="kiosk.ui.staff.cleaning")
    kiosk = cleaning_kiosk(qtbot, make_kiosk, small, tmp_path, seconds=3)
    window = kiosk.window
    tap(qtbot, window, "Clean the screen")
    assert window.route == Route("cleaning")
    settle()
    assert countdown(window) == "3" and not window.top_bar.isVisible()
    # A cloth across the screen: taps everywhere, corners and middle, press nothing.
    width, height = window.width(), window.height()
    for x in (width // 2, width - 10, 200):
        for y in (10, height // 2, height - 10):
            widget = window.childAt(x, y) or window
            qtbot.mouseClick(
                widget, Qt.MouseButton.LeftButton, pos=widget.mapFrom(window, QPoint(x, y))
            )
    assert window.route == Route("cleaning")
    qtbot.waitUntil(lambda: countdown(window) == "2", timeout=TIMEOUT)
    assert window.current_screen.is_busy()  # the idle warning waits for it
    qtbot.waitUntil(lambda: window.route == Route("attract"), timeout=TIMEOUT)
    assert "cleaning lock: started for 3 s" in caplog.text
    assert "cleaning lock: ended after 3 s" in caplog.text


def test_staff_end_it_early_with_the_corner_and_the_pin(
    qtbot, make_kiosk, small, tmp_path, caplog
) -> None:
    caplog.set_level(logging.INFO, logger="kiosk.ui.staff.cleaning")
    kiosk = cleaning_kiosk(qtbot, make_kiosk, small, tmp_path, seconds=60)
    window = kiosk.window
    tap(qtbot, window, "Clean the screen")
    screen = window.current_screen
    press_and_hold(qtbot, window, QPoint(5, 5))  # the top-left corner, held
    assert window.route == Route("staff-pin")
    assert not screen.lock.active
    assert "cleaning lock: ended early by staff" in caplog.text
    type_pin(qtbot, window, PIN)
    assert window.route == Route("staff")
