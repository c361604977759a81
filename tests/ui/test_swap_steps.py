"""A bundle swap shows the new attract screen first and deletes the old screens after."""

from __future__ import annotations

import logging
from concurrent.futures import ThreadPoolExecutor

from PySide6.QtCore import Qt

from kiosk.content import load_bundle
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


def test_the_swap_plan_works_out_each_languages_letters_on_the_worker(
    make_window, builtin, small
) -> None:
    window = make_window(builtin)
    fresh = load_bundle(small.root)  # nothing worked out yet
    with ThreadPoolExecutor(1) as worker:
        worker.submit(window.picture_plan(), fresh).result()
    # The swap's choice of fonts then only reads them: no walk of the model on the UI thread.
    assert set(fresh.known_letters) == set(fresh.model.languages)
    assert fresh.letters("fr") is fresh.letters("fr")
