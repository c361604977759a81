"""Opening patient screens the way the screen tests need them."""

from __future__ import annotations

from kiosk.ui.screens.base import Route
from kiosk.ui.screens.exercise import ExerciseScreen
from kiosk.ui.screens.videos import VideoScreen
from kiosk.ui.window import KioskWindow
from tests.helpers.driving import settle, tap

NO_SECOND_MS = 3_600_000  # a countdown second that never passes unless the test says so


TIMEOUT = 10_000  # ms: CI is a noisy two-core machine


def open_exercise(window, exercise_id: str, second_ms: int = NO_SECOND_MS) -> ExerciseScreen:
    """The exercise, with countdown seconds of `second_ms`."""
    window.go(Route("exercise", exercise_id))
    settle()
    screen = window.current_screen
    assert isinstance(screen, ExerciseScreen)
    screen.set_second_ms(second_ms)
    return screen


def open_series(qtbot, window: KioskWindow, english: bool = True) -> VideoScreen:
    """From home, in English unless asked (the small bundle defaults to French), to the caution."""
    window.home()
    if english:
        tap(qtbot, window, "English")
    tap(qtbot, window, "Clips")
    screen = window.current_screen
    assert isinstance(screen, VideoScreen)
    return screen


def start_series(qtbot, window: KioskWindow) -> VideoScreen:
    screen = open_series(qtbot, window)
    tap(qtbot, window, "I understand, play")
    return screen


def wait_for_frame(qtbot, screen: VideoScreen, index: int) -> None:
    qtbot.waitUntil(
        lambda: screen.index == index and screen.surface is not None and screen.surface.has_frame,
        timeout=TIMEOUT,
    )
