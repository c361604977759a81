"""A text-size change restyles only the screen on show; the others are built again when shown."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from kiosk.ui.screens.base import Route
from tests.ui.conftest import settle, tap

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
