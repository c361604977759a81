"""Screens are built only when they must be: a text-size change restyles only the screen on
show, home and the lists keep their widgets between visits, and home can be built ahead."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLabel

from kiosk.ui.screens.base import Route
from tests.helpers.driving import find_button, settle, tap

SCREENS = ("exercises", "picker", "articles")


def test_larger_text_leaves_hidden_screens_empty_until_shown_again(
    qtbot, make_window, small
) -> None:
    window = make_window(small)
    visited = {}
    for name in SCREENS:
        window.go(Route(name))
        settle()
        visited[name] = window.current_screen
    window.home()
    tap(qtbot, window, "Texte plus grand")
    settle()
    # Nothing of theirs was polished with the new stylesheet, only to be thrown away.
    assert all(screen.layout().count() == 0 for screen in visited.values())
    body_px = window.ctx.theme.font_px(30)
    for name in SCREENS:
        window.go(Route(name))
        settle()
        labels = [w for w in window.current_screen.findChildren(QLabel) if w.isVisibleTo(window)]
        assert labels, f"{name} shows nothing after the text-size change"
        assert max(label.font().pixelSize() for label in labels) >= body_px


def test_home_keeps_its_widgets_between_visits_until_the_text_changes(
    qtbot, make_window, small
) -> None:
    window = make_window(small)
    window.home()
    tile = find_button(window, "Mouvements")
    tap(qtbot, window, "Mouvements")
    tap(qtbot, window, "Accueil")
    assert find_button(window, "Mouvements") is tile  # shown again, not built again
    tap(qtbot, window, "Texte plus grand")
    assert find_button(window, "Mouvements") is not tile


def test_prepared_home_is_built_unseen_and_shown_as_built(qtbot, make_window, small) -> None:
    window = make_window(small)
    window.prepare("home", "exercises")

    def built(name: str) -> list[QAbstractButton]:
        return [b for b in window.findChildren(QAbstractButton) if b.accessibleName() == name]

    qtbot.waitUntil(lambda: len(built("Mouvements")) == 1 and len(built("Cercle du bras")) == 1)
    assert window.route == Route("attract")
    tile = built("Mouvements")[0]
    qtbot.mouseClick(window.current_screen, Qt.MouseButton.LeftButton)
    assert find_button(window, "Mouvements") is tile
