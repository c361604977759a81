"""Issue 17's additions on screen, with the clinic test bundle (Spanish and Vietnamese, ids
with _ and ., a reverse-DNS id, a Regular-only typeface): the slide icon, the home greeting,
emphasis in every patient text, the kiosk's own bold, and long titles shown whole."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from kiosk.content import LoadedBundle
from kiosk.ui.screens.base import Route
from kiosk.ui.screenshots import picker_paths
from kiosk.ui.theme import KIOSK_BOLD_FAMILY
from kiosk.ui.top_bar import TitleLabel
from tests.helpers.bundles import BUNDLES, bundle
from tests.helpers.driving import settle, tap
from tests.helpers.places import TESTS_DIR

CLINIC = TESTS_DIR / "bundles" / "clinic"
SIZES = [(1280, 800), (1920, 1080), (1080, 1920)]


def shown_labels(window) -> list[QLabel]:
    settle()
    window.finish_transition()
    return [w for w in window.findChildren(QLabel) if w.isVisibleTo(window)]


def every_route(model) -> list[Route]:
    routes = [Route("attract"), Route("home"), Route("videos"), Route("exercises")]
    routes += [Route("exercise", e.id) for e in model.exercises]
    routes += [Route("article", a.id) for a in model.articles] + [Route("picker")]
    return routes


@pytest.mark.parametrize("language", ["es", "vi"])
def test_every_screen_shows_the_clinic_bundle_without_literal_stars(
    qtbot, make_window, language: str
) -> None:
    loaded = bundle("clinic")
    window = make_window(loaded)
    window.session.set_language(language)
    for route in every_route(loaded.model):
        window.go(route)
        texts = [label.text() for label in shown_labels(window)]
        assert not [t for t in texts if "**" in t], (route, texts)
        if route.screen == "picker":
            for path in picker_paths(loaded.model.picker):
                window.current_screen.show_path(path)
                assert not [w.text() for w in shown_labels(window) if "**" in w.text()]


def test_the_home_greeting_is_under_the_title_with_its_emphasis_in_bold(qtbot, make_window) -> None:
    window = make_window(bundle("clinic"))
    window.home()
    greeting = next(w for w in shown_labels(window) if w.objectName() == "greeting")
    assert greeting.textFormat() == Qt.TextFormat.RichText
    assert "<b>empezar</b>" in greeting.text()
    assert greeting.accessibleName() == "¡Bienvenido! Toque un botón para empezar."
    below_bar = greeting.mapTo(window, greeting.rect().topLeft()).y()
    assert below_bar >= window.top_bar.geometry().bottom()
    tile = next(w for w in shown_labels(window) if w.text() == "Ejercicios")
    assert tile.mapTo(window, tile.rect().topLeft()).y() > below_bar  # tiles under it


def test_no_greeting_means_no_greeting_label(qtbot, make_window, small) -> None:
    window = make_window(small)
    window.home()
    assert not [w for w in shown_labels(window) if w.objectName() == "greeting"]


def test_a_slide_icon_is_drawn_large_when_there_is_no_picture(qtbot, make_window) -> None:
    window = make_window(bundle("clinic"))
    icons = [w for w in shown_labels(window) if w.objectName() == "slide-icon"]
    assert len(icons) == 1 and not icons[0].pixmap().isNull()
    assert icons[0].pixmap().width() >= window.ctx.theme.px(300)


def test_a_slide_with_neither_picture_nor_icon_keeps_its_words_centred(qtbot, make_window) -> None:
    window = make_window(bundle("clinic"))
    screen = window.current_screen
    screen.slide_index = 2  # the third slide has words only
    screen.render()
    tip = next(w for w in shown_labels(window) if w.text().startswith("Pregunte"))
    assert tip.alignment() & Qt.AlignmentFlag.AlignHCenter
    middle = tip.mapTo(window, tip.rect().center()).x()
    assert abs(middle - window.width() // 2) < window.width() // 20
    assert not [w for w in shown_labels(window) if w.objectName() == "slide-icon"]


def test_a_typeface_without_bold_takes_the_kiosks_bold(qtbot, make_window, builtin) -> None:
    window = make_window(bundle("clinic"))
    theme = window.ctx.theme
    assert theme.font_family == "Atkinson Hyperlegible"
    assert theme.bold_family == KIOSK_BOLD_FAMILY
    assert f'font-family: "{KIOSK_BOLD_FAMILY}"' in window.styleSheet()
    window.swap_bundle(builtin)  # Regular and Bold both ship: its own bold is used
    assert window.ctx.theme.bold_family == "" and window.ctx.theme.font_family == theme.font_family


def test_ids_with_underscores_and_dots_lead_where_they_say(qtbot, make_window) -> None:
    window = make_window(bundle("clinic"))
    window.home()
    tap(qtbot, window, "Trabajo de escritorio")
    assert window.route == Route("article", "art_desk.work")
    tap(qtbot, window, "Meter la barbilla sentado")  # a link to exercise:ex_chin_tuck
    assert window.route == Route("exercise", "ex_chin_tuck")
    window.go(Route("picker"))
    tap(qtbot, window, "No")
    assert window.current_screen.path.node_id == "q_when.new"


def longest_title(loaded: LoadedBundle, language: str) -> tuple[Route, str]:
    model = loaded.model
    titled = [(Route("article", a.id), a.title) for a in model.articles]
    titled += [(Route("exercise", e.id), e.title) for e in model.exercises]
    titled += [(Route("picker"), model.picker.title), (Route("videos"), model.videos.title)]
    route, text = max(titled, key=lambda pair: len(pair[1].get(language)))
    return route, text.get(language)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("name", sorted(BUNDLES))
def test_the_longest_title_is_shown_whole(qtbot, make_window, name: str, size) -> None:
    """At larger text too: where two lines beside the buttons cannot hold it, it has a row."""
    loaded = bundle(name)
    window = make_window(loaded, size=size)
    for larger in (False, True):
        window.session.set_larger_text(larger)
        for language in loaded.model.languages:
            window.session.set_language(language)
            route, title = longest_title(loaded, language)
            window.go(route)

            def whole(title: str = title) -> bool:
                settle()
                shown = [t for t in window.top_bar.findChildren(TitleLabel) if t.isVisible()]
                return [t.text() for t in shown] == [title.replace("**", "")]

            qtbot.waitUntil(whole, timeout=3000)


def test_a_title_two_lines_cannot_hold_moves_to_its_own_row(qtbot, make_window) -> None:
    """The Spanish article title beside three buttons at 1280x800 with larger text."""
    window = make_window(bundle("clinic"), size=(1280, 800))
    window.session.set_larger_text(True)
    window.go(Route("article", "art_desk.work"))
    settle()
    heading = next(t for t in window.top_bar.findChildren(TitleLabel) if t.isVisible())
    assert heading.max_lines is None  # its own row, every line it needs
    assert heading.geometry().top() > window.top_bar.row.geometry().bottom() - 1
