"""The warned idle reset: "Still there?" on time, More time again and again, a tap anywhere or
Enter counting too, deferred by a running hold or a playing video, never on attract."""

from __future__ import annotations

import dataclasses
import time

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from kiosk.settings import Settings
from kiosk.ui.screens.base import Route
from tests.helpers.driving import settle, tap
from tests.helpers.screens import TIMEOUT, open_exercise, start_series


def warned_window(make_window, small, idle: float, warning: int = 20):
    """The small bundle's kiosk on home, in English; the card shows after idle - warning
    seconds (at most half the idle time), the reset after idle seconds."""
    window = make_window(small, idle_seconds=idle, settings=Settings(idle_warning_seconds=warning))
    window.home()
    window.session.set_language("en")
    settle()
    return window


def test_the_warning_shows_on_time_is_announced_and_then_resets(qtbot, make_window, small) -> None:
    window = warned_window(make_window, small, idle=3, warning=1)
    reset = window.idle_reset
    assert (reset.plan.quiet_before_warning, reset.plan.warning_length) == (2, 1)
    reset.start()  # the quiet spell counted from now
    started = time.monotonic()
    with qtbot.waitSignal(reset.shown, timeout=TIMEOUT):
        pass
    shown_at = time.monotonic()
    assert shown_at - started >= 2 - 0.05  # not before the quiet spell is over
    card = reset.card
    assert card.isVisible() and window.focusWidget() is card
    assert card.accessibleName() == "Still there?"
    assert "The screen starts over in 1 seconds." in card.accessibleDescription()
    assert window.route.screen == "home"
    qtbot.waitUntil(lambda: window.route == Route("attract"), timeout=TIMEOUT)
    assert time.monotonic() - shown_at >= 1 - 0.05  # the card's whole countdown
    assert not card.isVisible()


def test_the_card_counts_down_in_the_patients_language(qtbot, make_window, small) -> None:
    window = warned_window(make_window, small, idle=4)
    window.session.set_language("fr")
    with qtbot.waitSignal(window.idle_reset.shown, timeout=TIMEOUT):
        pass
    label = window.idle_reset.card._seconds
    assert label is not None and label.text() == "2"  # half of 4 s: 2, 1
    qtbot.waitUntil(lambda: label.text() == "1", timeout=TIMEOUT)


def test_more_time_works_ten_times_in_a_row(qtbot, make_window, small) -> None:
    window = warned_window(make_window, small, idle=1.2)
    reset = window.idle_reset
    answers = [
        lambda: tap(qtbot, window, "More time"),
        # A tap anywhere: on the page behind the card, which it must not press.
        lambda: qtbot.mouseClick(
            window.stack, Qt.MouseButton.LeftButton, pos=QPoint(window.width() // 2, 300)
        ),
        lambda: qtbot.keyClick(reset.card, Qt.Key.Key_Return),  # Enter chooses More time
    ]
    for number in range(10):
        with qtbot.waitSignal(reset.shown, timeout=TIMEOUT):
            pass
        answers[number % 3]()
        settle()
        assert not reset.card.isVisible(), f"the card stayed after answer {number + 1}"
        assert window.route == Route("home")
    assert reset.warning.times_extended == 10


def test_a_tap_on_the_card_does_not_press_what_lies_under_it(qtbot, make_window, small) -> None:
    window = warned_window(make_window, small, idle=1)
    with qtbot.waitSignal(window.idle_reset.shown, timeout=TIMEOUT):
        pass
    # A tile sits under the card: the tap goes to the card, as a finger's would.
    under = window.childAt(window.width() // 2, window.height() // 2)
    assert under is not None and under.window() is window
    qtbot.mouseClick(under, Qt.MouseButton.LeftButton)
    settle()
    assert window.route == Route("home")


def test_the_attract_screen_shows_no_warning(qtbot, make_window, small) -> None:
    window = make_window(small, idle_seconds=0.5)
    assert window.route == Route("attract")
    assert not window.idle.running  # no quiet spell counted on attract, so no card
    window.home()
    assert window.idle.running
    window.go(Route("attract"))
    assert not window.idle.running and not window.idle_reset.card.isVisible()


def test_a_running_hold_defers_the_warning_until_it_ends(qtbot, make_window, small) -> None:
    window = warned_window(make_window, small, idle=0.6)
    screen = open_exercise(window, "arm-circle", 150)  # a 3 s hold lasts 450 ms
    screen.next_step()
    busy_when_shown: list[bool] = []
    window.idle_reset.shown.connect(lambda: busy_when_shown.append(screen.is_busy()))
    screen.tap_hold()
    assert screen.is_busy()
    with qtbot.waitSignal(window.idle_reset.shown, timeout=TIMEOUT):
        pass
    assert busy_when_shown == [False]
    assert screen.workout.reps_done == 1  # the hold ran to its end first
    qtbot.waitUntil(lambda: window.route == Route("attract"), timeout=TIMEOUT)


def test_a_playing_video_defers_the_warning(qtbot, make_window, small) -> None:
    window = make_window(small)
    screen = start_series(qtbot, window)  # the quiet spell made short only once there: the
    # taps on the way take longer than 0.8 s on a loaded machine
    window.live_settings.replace(
        dataclasses.replace(window.live_settings.current, idle_timeout=0.8)
    )
    busy_when_shown: list[bool] = []
    window.idle_reset.shown.connect(lambda: busy_when_shown.append(screen.is_busy()))
    with qtbot.waitSignal(screen.now_playing, timeout=TIMEOUT):
        pass  # the first clip played on to the second, the quiet spell over meanwhile
    assert not window.idle_reset.card.isVisible()
    tap(qtbot, window, "Pause")
    with qtbot.waitSignal(window.idle_reset.shown, timeout=TIMEOUT):
        pass
    assert busy_when_shown == [False]
    QApplication.processEvents()
