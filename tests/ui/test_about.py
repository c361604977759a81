"""The patient's "About this content" screen: reached from home's footer, in the patient's
language, with the clinic, the sources, the last review and the media credits."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from kiosk.ui.screens.base import Route
from tests.helpers.driving import find_button, settle, tap


def shown_text(window) -> str:
    settle()
    screen = window.current_screen
    return "\n".join(w.text() for w in screen.findChildren(QLabel) if w.isVisibleTo(screen))


def test_home_footer_leads_to_about_in_english(make_window, builtin, qtbot) -> None:
    window = make_window(builtin)
    window.go(Route("home"))
    with qtbot.waitSignal(window.route_changed, check_params_cb=lambda r: r == Route("about")):
        tap(qtbot, window, "About this content")
    text = shown_text(window)
    for words in (
        "This content is from Your chiropractic clinic.",
        "Where it comes from",
        "The clinic's knee pain article",
        "The clinic last checked it on November 16, 2026.",
        "Atkinson Hyperlegible typeface, by Braille Institute of America. "
        "Licence: SIL Open Font License 1.1.",
    ):
        assert words in text, words


def test_about_speaks_spanish(make_window, builtin, qtbot) -> None:
    window = make_window(builtin)
    window.go(Route("home"))
    tap(qtbot, window, "Español")
    tap(qtbot, window, "Sobre esta información")
    qtbot.waitUntil(lambda: window.route == Route("about"))
    text = shown_text(window)
    for words in (
        "Esta información es de Su clínica quiropráctica.",
        "De dónde viene",
        "El artículo de la clínica sobre el dolor de rodilla",
        "La clínica la revisó por última vez el 16 de noviembre de 2026.",
        "Dibujos de ejercicios y videos de estiramientos, de The knee-care kiosk project.",
    ):
        assert words in text, words


def test_a_third_language_bundle_without_reviews_still_has_its_about(make_window, small) -> None:
    """The small bundle is in French, which gives none of the About wording (ADDED_LATER):
    the screen shows it in English, and says no review date was given."""
    window = make_window(small)
    window.go(Route("home"))
    assert window.session.language == "fr"
    find_button(window, "About this content").click()
    text = shown_text(window)
    assert "The clinic has not said when it last checked it." in text
    assert "Where it comes from" not in text  # no sources, so no empty heading


def test_the_about_link_is_a_full_touch_target(make_window, builtin) -> None:
    window = make_window(builtin)
    window.go(Route("home"))
    assert find_button(window, "About this content").height() >= 72
