"""The shell: attract, home, navigation, idle reset and the language switch, on the real window."""

from __future__ import annotations

from PySide6.QtCore import Qt

from kiosk.ui.screens.base import Route
from tests.ui.conftest import find_button, tap, visible_names


def test_touch_on_attract_goes_home(qtbot, make_window, small) -> None:
    window = make_window(small)
    assert window.route == Route("attract")
    qtbot.mouseClick(window.current_screen, Qt.MouseButton.LeftButton)
    assert window.route == Route("home")
    assert "Mouvements" in visible_names(window)


def test_home_tiles_lead_to_their_screens_and_home_comes_back(qtbot, make_window, small) -> None:
    window = make_window(small)
    window.home()
    for tile, screen in (
        ("Mouvements", "exercises"),
        ("Choisir", "picker"),
        ("Lisez ceci", "article"),
    ):
        tap(qtbot, window, tile)
        assert window.route.screen == screen
        tap(qtbot, window, "Accueil")
        assert window.route == Route("home")
