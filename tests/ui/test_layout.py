"""Touch sizes, accessible names, contrast and layouts across screen sizes, on every screen."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtWidgets import QAbstractButton

from kiosk.ui.screens.base import Route
from kiosk.ui.theme import PALETTES, TEXT_PAIRS, Theme
from tests.helpers.colour import relative_luminance
from tests.helpers.driving import settle
from tests.helpers.places import REPO_ROOT

SIZES = [(1920, 1080), (1280, 800), (3840, 2160), (1080, 1920)]


def all_routes(bundle) -> list[Route]:
    model = bundle.model
    return [
        Route("home"),
        Route("exercises"),
        Route("picker"),
        Route("articles"),
        *(Route("article", article.id) for article in model.articles),
    ]


@pytest.mark.parametrize("palette", sorted(PALETTES))
@pytest.mark.parametrize(("text", "background"), TEXT_PAIRS)
def test_text_contrast_is_at_least_seven_to_one(palette: str, text: str, background: str) -> None:
    colours = PALETTES[palette]
    lighter, darker = sorted(
        (relative_luminance(colours[text]), relative_luminance(colours[background])), reverse=True
    )
    assert (lighter + 0.05) / (darker + 0.05) >= 7.0


def test_touch_target_is_at_least_72_px_at_1080p() -> None:
    from PySide6.QtCore import QSize

    assert Theme.for_screen(QSize(1920, 1080)).touch >= 72
    assert Theme.for_screen(QSize(1080, 1920)).touch >= 72


@pytest.mark.parametrize("larger_text", [False, True], ids=["normal-text", "larger-text"])
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_every_control_is_touch_sized_named_and_on_screen(
    make_window, small, size, larger_text
) -> None:
    window = make_window(small, size=size)
    window.session.set_larger_text(larger_text)
    least = window.ctx.theme.touch
    for route in all_routes(small):
        window.go(route)
        settle()
        buttons = [b for b in window.findChildren(QAbstractButton) if b.isVisibleTo(window)]
        assert buttons, route
        for b in buttons:
            assert b.accessibleName(), f"{route}: a button has no accessible name"
            assert b.height() >= least, f"{route}: {b.accessibleName()} is {b.height()} px high"
            where = b.rect().translated(b.mapTo(window, b.rect().topLeft()))
            if not _in_scroll_area(b):
                assert window.rect().contains(where), f"{route}: {b.accessibleName()} is cut off"
        assert (window.width(), window.height()) == size, f"{route} pushed the window to grow"


def _in_scroll_area(widget) -> bool:
    """Controls inside a scrolling page may lie below the fold; that is what scrolling is for."""
    while widget is not None:
        if widget.inherits("QScrollArea"):
            return True
        widget = widget.parentWidget()
    return False


def test_ui_code_names_no_bundle_content() -> None:
    """Everything patients read comes from the bundle: the screens name no knee content."""
    words = re.compile(r"\b(knee|rodilla|glute|quad|chiropract|cortisone|hamstring)", re.IGNORECASE)
    for path in sorted((REPO_ROOT / "kiosk" / "ui").rglob("*.py")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            assert not words.search(line), f"{path.relative_to(REPO_ROOT)}:{number}: {line}"


def test_second_bundle_renders_through_the_same_screens(make_window, small) -> None:
    window = make_window(small)
    for route in all_routes(small):
        window.go(route)
        assert window.route == route
    assert Path(small.root).name == "small"
