"""'Stop — this hurts': in the same place on every exercise and the video screen, it stops the
hold and the video at once, shows the bundle's guidance in the patient's language, leads home,
and is counted by exercise or video id only."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtMultimedia import QMediaPlayer
from PySide6.QtWidgets import QLabel

from kiosk.ui.screens.base import Route
from tests.helpers.driving import find_button, settle, tap, visible_names
from tests.helpers.screens import TIMEOUT, open_exercise, start_series, wait_for_frame
from tests.helpers.staff import start_services

STOP = {"en": "Stop — this hurts", "es": "Pare — me duele"}


def stop_card_text(window) -> str:
    settle()
    screen = window.current_screen
    return "\n".join(
        w.text() for w in screen.findChildren(QLabel) if w.isVisibleTo(screen) and w.text()
    )


def stop_place(window) -> QPoint:
    """Where the Stop button's middle is, in the window."""
    widget = find_button(window, STOP["en"])
    return widget.mapTo(window, widget.rect().center())


def test_stop_ends_a_running_hold_and_shows_the_guidance(qtbot, make_window, small) -> None:
    window = make_window(small)
    window.session.set_language("en")
    screen = open_exercise(window, "arm-circle", 1000)
    screen.next_step()
    screen.tap_hold()
    assert screen.clock.isActive() and screen.workout.holding
    with qtbot.waitSignal(window.stop_pressed) as pressed:
        tap(qtbot, window, STOP["en"])
    assert pressed.args == ["exercise", "arm-circle"]
    assert not screen.clock.isActive() and not screen.workout.holding
    assert window.route == Route("stop", "exercise:arm-circle")
    words = stop_card_text(window)
    assert "Stop here" in words and "Stop the movement." in words
    assert "Tell the front desk." in words
    # In the other language at a tap, and only one way out: Home.
    tap(qtbot, window, "Français")
    assert "Arrêtez le mouvement." in stop_card_text(window)
    names = visible_names(window)
    assert names.count("Accueil") == 1 and "Retour" not in names
    assert STOP["en"] not in names  # nothing left to stop
    tap(qtbot, window, "Accueil")
    assert window.route == Route("home")


def test_stop_ends_a_playing_video_at_once(qtbot, make_window, small) -> None:
    window = make_window(small)
    screen = start_series(qtbot, window)
    wait_for_frame(qtbot, screen, 0)
    player = screen.playback.player
    assert player.playbackState() == QMediaPlayer.PlaybackState.PlayingState
    states: list[QMediaPlayer.PlaybackState] = []
    player.playbackStateChanged.connect(states.append)
    with qtbot.waitSignal(window.stop_pressed) as pressed:
        tap(qtbot, window, STOP["en"])
    assert pressed.args == ["video", small.model.videos.items[0].id]
    assert states == [QMediaPlayer.PlaybackState.StoppedState]
    assert screen.playback is None and not screen.is_busy()
    assert window.route.screen == "stop"
    qtbot.waitUntil(lambda: not window.current_screen.is_busy(), timeout=TIMEOUT)


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_builtin_guidance_in_english_and_spanish(qtbot, make_window, builtin, language):
    window = make_window(builtin)
    window.session.set_language(language)
    exercise = builtin.model.exercises[0]
    open_exercise(window, exercise.id)
    tap(qtbot, window, STOP[language])
    guidance = builtin.model.stop_guidance
    words = stop_card_text(window)
    for text in [guidance.title, *guidance.steps, guidance.tell_us]:
        assert text.root[language] in words
    tap(qtbot, window, {"en": "Home", "es": "Inicio"}[language])
    assert window.route == Route("home")


def test_an_older_bundle_without_guidance_shows_the_kiosks_own_words(
    qtbot, make_window, small
) -> None:
    older = small.model.model_copy(update={"stop_guidance": None})
    window = make_window(type(small)(small.root, older, small.files, small.warnings))
    window.session.set_language("en")
    open_exercise(window, "toe-tap")
    tap(qtbot, window, STOP["en"])
    words = stop_card_text(window)
    assert "Stop now" in words
    assert "Tell the front desk or your chiropractor." in words


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)], ids=["landscape", "portrait"])
@pytest.mark.parametrize("larger_text", [False, True], ids=["normal-text", "larger-text"])
def test_stop_is_in_the_same_place_on_every_exercise_and_the_videos(
    qtbot, make_window, small, size, larger_text
) -> None:
    window = make_window(small, size)
    window.session.set_language("en")
    window.session.set_larger_text(larger_text)
    places = []
    for exercise in small.model.exercises:
        screen = open_exercise(window, exercise.id)
        for _ in exercise.steps:
            places.append(stop_place(window))
            screen.next_step()
        places.append(stop_place(window))  # the finish card too
    window.go(Route("videos"))
    places.append(stop_place(window))
    assert len(set((p.x(), p.y()) for p in places)) == 1, places
    stop = find_button(window, STOP["en"])
    box = stop.rect().translated(stop.mapTo(window, QPoint(0, 0)))
    assert window.rect().contains(box) and stop.height() >= window.ctx.theme.touch
    assert stop.width() >= stop.sizeHint().width()  # its words whole


def test_stop_presses_are_counted_by_item_only(qtbot, make_kiosk, small, tmp_path) -> None:
    kiosk = make_kiosk(small)
    services = start_services(kiosk, tmp_path / "home")
    window = kiosk.window
    window.session.set_language("en")
    for exercise_id in ("arm-circle", "arm-circle", "toe-tap"):
        open_exercise(window, exercise_id)
        tap(qtbot, window, STOP["en"])
    stops = {row.item: row.count for row in services.usage.all_rows() if row.kind == "stop"}
    assert stops == {"exercise:arm-circle": 2, "exercise:toe-tap": 1}
