"""Everything a patient can do works without touch: keys move a focus ring, Return taps the
ringed control, Escape goes back. The flows here use key events only."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent

from kiosk.content.model import Result
from kiosk.runtime.lockdown import KeyboardLock
from kiosk.ui.keypad import parse_keymap
from kiosk.ui.screens.base import Route
from tests.helpers.driving import settle, tap

TIMEOUT = 15000


@pytest.fixture
def kiosk(make_kiosk, small):
    kiosk = make_kiosk(small)
    kiosk.window.activateWindow()
    return kiosk


def press(qtbot, kiosk, key: Qt.Key) -> None:
    """One key, sent where a keyboard's would go: the ringed control, else the window."""
    qtbot.keyClick(kiosk.keypad.current or kiosk.window, key)
    settle()


def ringed(kiosk) -> str:
    """The accessible name of the control the ring is drawn around."""
    ring = kiosk.keypad.ring
    assert ring.isVisible() and ring.target is kiosk.keypad.current
    return ring.target.accessibleName()


def ring_on(qtbot, kiosk, name: str) -> None:
    """Move the ring down the page with the arrow key until it reaches `name`."""
    for _ in range(40):
        press(qtbot, kiosk, Qt.Key.Key_Down)
        if ringed(kiosk) == name:
            return
    pytest.fail(f"the ring never reached {name!r}")


def choose(qtbot, kiosk, name: str) -> None:
    ring_on(qtbot, kiosk, name)
    press(qtbot, kiosk, Qt.Key.Key_Return)


def test_a_whole_visit_by_keys_alone(qtbot, kiosk) -> None:
    window = kiosk.window
    press(qtbot, kiosk, Qt.Key.Key_Return)  # any key wakes the attract screen
    assert window.route == Route("home")
    # An exercise, to its hold, and the hold running.
    choose(qtbot, kiosk, "Mouvements")
    choose(qtbot, kiosk, "Cercle du bras")
    assert window.route == Route("exercise", "arm-circle")
    choose(qtbot, kiosk, "Suivant")
    choose(qtbot, kiosk, "Touchez pour commencer")
    assert window.current_screen.is_busy()  # the hold counts down
    choose(qtbot, kiosk, "Accueil")
    assert window.route == Route("home")
    # Ice or heat, to a result.
    choose(qtbot, kiosk, "Choisir")
    choose(qtbot, kiosk, "Frais")
    picker = window.current_screen
    while not isinstance(picker.ctx.bundle.model.picker.nodes[picker.node_id], Result):
        press(qtbot, kiosk, Qt.Key.Key_Down)
        press(qtbot, kiosk, Qt.Key.Key_Return)
    press(qtbot, kiosk, Qt.Key.Key_Escape)  # Back: the question before the result
    assert not isinstance(picker.ctx.bundle.model.picker.nodes[picker.node_id], Result)
    choose(qtbot, kiosk, "Accueil")
    # The videos: the caution card, then a decoded frame.
    choose(qtbot, kiosk, "Clips")
    choose(qtbot, kiosk, "J'ai compris, lancer")
    videos = window.current_screen
    qtbot.waitUntil(
        lambda: videos.surface is not None and videos.surface.has_frame, timeout=TIMEOUT
    )
    choose(qtbot, kiosk, "Accueil")
    # An article.
    choose(qtbot, kiosk, "Toutes les lectures")
    choose(qtbot, kiosk, "Le seul article")
    assert window.route.screen == "article"


def test_up_goes_back_through_the_page_and_wraps(qtbot, kiosk) -> None:
    kiosk.window.home()
    press(qtbot, kiosk, Qt.Key.Key_Down)
    first = ringed(kiosk)
    assert first == "Mouvements"  # the first control of the screen, not the top bar
    press(qtbot, kiosk, Qt.Key.Key_Up)
    press(qtbot, kiosk, Qt.Key.Key_Down)
    assert ringed(kiosk) == first
    names = {ringed(kiosk)}
    for _ in range(12):
        press(qtbot, kiosk, Qt.Key.Key_Tab)
        names.add(ringed(kiosk))
    assert {"Français", "English", "Texte plus grand", "Choisir", "Clips"} <= names


def test_a_touch_hides_the_ring_and_the_idle_reset_forgets_it(qtbot, kiosk) -> None:
    window = kiosk.window
    window.home()
    press(qtbot, kiosk, Qt.Key.Key_Down)
    assert kiosk.keypad.ring.isVisible()
    tap(qtbot, window, "Choisir")
    assert not kiosk.keypad.ring.isVisible()
    press(qtbot, kiosk, Qt.Key.Key_Down)
    window.reset_to_attract()
    assert not kiosk.keypad.ring.isVisible() and not kiosk.keypad.active


def test_the_ring_is_thick_and_shows_on_any_background(qtbot, kiosk) -> None:
    kiosk.window.home()
    press(qtbot, kiosk, Qt.Key.Key_Down)
    ring = kiosk.keypad.ring
    target = ring.target.mapTo(kiosk.window, ring.target.rect().topLeft())
    picture = kiosk.window.grab().toImage()
    outer = picture.pixelColor(target.x() - ring.width_px() + 1, target.y() + 40)
    inner = picture.pixelColor(target.x() - 2, target.y() + 40)
    assert (outer.red(), outer.green(), outer.blue()) == (0xFF, 0xD4, 0x00)
    assert max(inner.red(), inner.green(), inner.blue()) < 40
    assert ring.width_px() >= 8


def test_the_key_map_is_a_setting(qtbot, make_kiosk, small) -> None:
    from dataclasses import replace

    kiosk = make_kiosk(small)
    settings = kiosk.live_settings.current
    kiosk.live_settings.replace(replace(settings, keypad_keys=("F5=next", "F6=activate")))
    kiosk.window.home()
    press(qtbot, kiosk, Qt.Key.Key_F5)
    assert ringed(kiosk) == "Mouvements"
    press(qtbot, kiosk, Qt.Key.Key_F6)
    assert kiosk.window.route == Route("exercises")
    assert parse_keymap(["Nonsense=fly", "Down=next"]) == {Qt.Key.Key_Down.value: "next"}


def test_the_kiosk_mode_lock_lets_the_keypad_by_but_not_combinations(kiosk) -> None:
    lock = KeyboardLock(allowed=kiosk.keypad.handles)
    try:
        down = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Down, Qt.KeyboardModifier.NoModifier)
        quit_ = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
        alt_tab = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Tab, Qt.KeyboardModifier.AltModifier)
        assert not lock.eventFilter(kiosk.window, down)
        assert lock.eventFilter(kiosk.window, quit_)
        assert lock.eventFilter(kiosk.window, alt_tab)
    finally:
        lock.release()


def test_keys_keep_the_kiosk_awake(qtbot, make_kiosk, small) -> None:
    kiosk = make_kiosk(small, idle_seconds=10)
    window = kiosk.window
    window.home()
    idle = window.idle
    idle._last_input -= 8  # eight quiet seconds have passed
    press(qtbot, kiosk, Qt.Key.Key_Down)
    assert idle.quiet_for() < 1


def test_high_contrast_is_a_patients_choice_forgotten_at_reset(qtbot, kiosk) -> None:
    window = kiosk.window
    window.home()
    tap(qtbot, window, "High contrast")
    settle()
    assert window.ctx.theme.high_contrast
    window.finish_transition()
    picture = window.grab().toImage()
    corner = picture.pixelColor(4, picture.height() - 4)
    assert (corner.red(), corner.green(), corner.blue()) == (0, 0, 0)  # light on black
    window.reset_to_attract()
    settle()
    assert not window.session.high_contrast and not window.ctx.theme.high_contrast
