"""The shell: attract, home, navigation, idle reset and the language switch, on the real window."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractButton, QScrollArea

from kiosk.ui.screens.base import Route
from tests.helpers.driving import settle, tap, visible_names


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


def test_idle_reset_forgets_the_patient(qtbot, make_window, small) -> None:
    window = make_window(small, idle_seconds=2)  # long enough for a slow, shared CI machine
    window.home()
    tap(qtbot, window, "English")
    tap(qtbot, window, "Larger text")
    assert (window.session.language, window.session.larger_text) == ("en", True)
    tap(qtbot, window, "Choose")
    tap(qtbot, window, "Cool")
    assert window.current_screen.path.node_ids == ("first", "second")
    qtbot.waitUntil(lambda: window.route == Route("attract"), timeout=10000)
    # The next patient: defaults again, and the picker starts from its first question.
    assert (window.session.language, window.session.larger_text) == ("fr", False)
    qtbot.mouseClick(window.current_screen, Qt.MouseButton.LeftButton)
    assert "Texte plus grand" in visible_names(window)
    tap(qtbot, window, "Choisir")
    assert window.current_screen.path.node_ids == ("first",)
    assert "Frais" in visible_names(window)


def test_touches_keep_the_kiosk_awake(qtbot, make_window, small) -> None:
    window = make_window(small, idle_seconds=2.5)
    window.home()
    for _ in range(4):  # 4 s in all, longer than the quiet spell, touched every second
        qtbot.wait(1000)
        tap(qtbot, window, "Choisir")
        tap(qtbot, window, "Accueil")
    assert window.route == Route("home")


def test_language_switch_rerenders_the_current_screen_in_place(qtbot, make_window, small) -> None:
    window = make_window(small)
    window.home()
    tap(qtbot, window, "Choisir")
    tap(qtbot, window, "Frais")
    assert "Oui" in visible_names(window)
    tap(qtbot, window, "English")
    assert window.route.screen == "picker"
    assert window.current_screen.path.node_ids == ("first", "second")
    names = visible_names(window)
    assert "Yes" in names and "Oui" not in names and "Home" in names


def test_back_steps_through_the_picker_then_leaves_it(qtbot, make_window, small) -> None:
    window = make_window(small)
    window.home()
    tap(qtbot, window, "Choisir")
    tap(qtbot, window, "Frais")
    tap(qtbot, window, "Retour")
    assert window.current_screen.path.node_ids == ("first",)
    tap(qtbot, window, "Retour")
    assert window.route == Route("home")


def test_red_flag_result_offers_back_and_home_not_start_over(qtbot, make_window, small) -> None:
    window = make_window(small)
    window.home()
    tap(qtbot, window, "Choisir")
    tap(qtbot, window, "Chaud")
    names = visible_names(window)
    assert "Accueil" in names and "Retour" in names  # a mis-tap must not mean starting over
    assert "Recommencer" not in names


def test_every_home_tile_shows_whole_on_a_wide_screen_with_larger_text(
    make_window, builtin
) -> None:
    # Five tiles in two columns were squeezed below the height their words ask for, or
    # pushed below the fold.
    window = make_window(builtin, size=(1920, 1080))
    window.session.set_larger_text(True)
    window.go(Route("home"))
    settle()
    screen = window.current_screen
    labels = {tile.label.get("en") for tile in builtin.model.home.tiles}
    tiles = [t for t in screen.findChildren(QAbstractButton) if t.accessibleName() in labels]
    assert len(tiles) == len(labels) >= 5
    (page,) = [a for a in screen.findChildren(QScrollArea) if a.isVisibleTo(screen)]
    for tile in tiles:
        name = tile.accessibleName()
        assert tile.height() >= tile.sizeHint().height(), f"{name} is squeezed"
        bottom = tile.mapTo(page.viewport(), QPoint(0, tile.height())).y()
        assert bottom <= page.viewport().height(), f"{name} is below the fold"
