"""A bundle swap shows the new attract screen first and deletes the old screens after."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt

from kiosk.ui.screens.base import Route, Screen
from tests.helpers.driving import tap


def test_a_swap_to_another_language_and_typeface_goes_straight_to_attract(
    qtbot, make_window, builtin, small, caplog
) -> None:
    window = make_window(builtin)
    qtbot.mouseClick(window.current_screen, Qt.MouseButton.LeftButton)
    tap(qtbot, window, "Exercises")
    old_screens = window.stack.findChildren(Screen)
    with caplog.at_level(logging.ERROR):
        window.swap_bundle(small)  # French by default, no typeface of its own
    assert window.route == Route("attract")
    assert window.session.language == "fr"
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
    qtbot.waitUntil(
        lambda: not set(window.stack.findChildren(Screen)) & set(old_screens), timeout=20_000
    )
