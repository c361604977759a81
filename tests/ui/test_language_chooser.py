"""Three to eight languages: buttons while they fit in the top bar, then one Language button
that opens a chooser where each language is named in itself; by touch or by keys."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractButton

from kiosk.content import LoadedBundle, load_bundle
from kiosk.ui.screens.base import Route
from tests.helpers.bundles import bundle
from tests.helpers.driving import find_button, settle, tap, visible_names
from tests.helpers.many_languages import NAMES, eight_language_bundle

SIZES = [(1280, 800), (1920, 1080), (1080, 1920)]
RTL, LTR = Qt.LayoutDirection.RightToLeft, Qt.LayoutDirection.LeftToRight


@pytest.fixture(scope="module")
def eight(tmp_path_factory) -> LoadedBundle:
    return load_bundle(eight_language_bundle(tmp_path_factory.mktemp("bundles") / "eight"))


def bar_buttons(window) -> list[QAbstractButton]:
    settle()
    bar = window.top_bar
    return [b for b in bar.findChildren(QAbstractButton) if b.isVisibleTo(window)]


def assert_inside(window, buttons: list[QAbstractButton]) -> None:
    for widget in buttons:
        box = widget.geometry().translated(widget.parentWidget().mapTo(window, QPoint(0, 0)))
        assert window.rect().contains(box), f"{widget.accessibleName()} is cut off at {box}"


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_eight_languages_take_one_button_that_opens_the_chooser(
    qtbot, make_window, eight, size
) -> None:
    window = make_window(eight, size)
    window.go(Route("exercise", "glute-bridge"))
    names = [b.accessibleName() for b in bar_buttons(window)]
    assert not set(NAMES.values()) & set(names), names  # no button per language...
    assert "اللغة" in names  # ...but one for them all
    assert_inside(window, bar_buttons(window))
    tap(qtbot, window, "اللغة")
    assert window.route == Route("languages")
    assert window.current_screen.title() == "اختر لغتك"
    choices = [n for n in visible_names(window.current_screen) if n in NAMES.values()]
    assert choices == list(NAMES.values())  # every language, named in itself, in order
    for name in choices:
        widget = find_button(window.current_screen, name)
        assert widget.height() >= window.ctx.theme.touch
        assert widget.isChecked() == (name == "العربية")
    tap(qtbot, window, "Tiếng Việt")
    assert window.session.language == "vi"
    assert window.route == Route("exercise", "glute-bridge")  # back where the patient was
    assert window.layoutDirection() == LTR
    assert "Language" in visible_names(window.top_bar)  # the added ones speak English here


def test_a_right_to_left_language_chosen_there_mirrors_the_kiosk(qtbot, make_window, eight):
    window = make_window(eight)
    window.session.set_language("en")
    window.go(Route("home"))
    tap(qtbot, window, "Language")
    tap(qtbot, window, "فارسی")
    assert window.session.language == "fa" and window.route == Route("home")
    assert window.layoutDirection() == RTL
    tap(qtbot, window, "Language")
    tap(qtbot, window, "English")
    assert window.layoutDirection() == LTR


def test_the_chooser_works_by_keys_alone(qtbot, make_kiosk, eight) -> None:
    kiosk = make_kiosk(eight)
    window, keypad = kiosk.window, kiosk.keypad
    window.activateWindow()
    window.go(Route("home"))
    settle()

    def key_until(name: str) -> None:
        for _ in range(40):
            qtbot.keyClick(keypad.current or window, Qt.Key.Key_Tab)
            settle()
            if keypad.current is not None and keypad.current.accessibleName() == name:
                return
        raise AssertionError(f"the ring never reached {name}")

    key_until("اللغة")
    qtbot.keyClick(keypad.current, Qt.Key.Key_Return)
    settle()
    assert window.route == Route("languages")
    key_until("Español")
    qtbot.keyClick(keypad.current, Qt.Key.Key_Return)
    settle()
    assert window.session.language == "es" and window.route == Route("home")


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_two_languages_keep_a_button_each(qtbot, make_window, size) -> None:
    window = make_window(bundle("clinic"), size)
    window.go(Route("exercises"))
    names = [b.accessibleName() for b in bar_buttons(window)]
    assert {"Español", "Tiếng Việt"} <= set(names) and "Idioma" not in names
    assert_inside(window, bar_buttons(window))


def test_the_chooser_button_goes_nowhere_new_from_the_chooser(qtbot, make_window, eight) -> None:
    window = make_window(eight, (1280, 800))
    window.go(Route("home"))
    tap(qtbot, window, "اللغة")
    tap(qtbot, window, "اللغة")
    assert [r.screen for r in window.history] == ["home", "languages"]
    tap(qtbot, window, "رجوع")
    assert window.route == Route("home") and window.session.language == "ar"
