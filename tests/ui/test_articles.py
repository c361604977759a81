"""Articles: the list, and one article laid out for the window's shape."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel

from kiosk.ui.screens.base import Route
from tests.helpers.driving import settle


def article_text(window, title: str) -> QLabel:
    """The article's body: the rich label named after its title."""
    settle()
    screen = window.current_screen
    found = [
        w for w in screen.findChildren(QLabel) if w.accessibleName() == title and w.isVisible()
    ]
    assert len(found) == 1
    return found[0]


@pytest.mark.parametrize("size", [(1080, 1920), (1920, 1080)], ids=["portrait", "landscape"])
def test_the_first_article_opened_uses_the_window_s_shape(make_window, builtin, size) -> None:
    # The first visit builds the screen before the page has its size: it must not guess.
    window = make_window(builtin, size=size)
    window.go(Route("home"))
    article = builtin.model.articles[0]
    window.go(Route("article", article.id))
    text = article_text(window, article.title.get("en"))
    page = window.current_screen.width()
    if size[1] > size[0]:
        assert text.width() > page * 0.8, "in portrait the text takes the full width"
    else:
        assert page * 0.35 < text.width() < page * 0.75, "in landscape it sits beside the picture"
