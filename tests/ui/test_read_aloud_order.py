"""What each patient screen of the built-in bundle reads aloud, without playing it: texts in
reading order, each narrated in both languages, and each sentence found in the widget that
shows it (so its highlight lands on its own words)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QAbstractButton, QLabel

from kiosk.ui.read_aloud.highlight import as_rich_text, highlight_html
from kiosk.ui.screens.base import Route
from kiosk.ui.screens.exercise import ExerciseScreen
from kiosk.ui.screens.picker import PickerScreen
from kiosk.ui.screens.videos import VideoScreen
from kiosk.ui.screenshots import picker_paths
from kiosk.ui.window import KioskWindow
from tests.helpers.driving import settle
from tests.helpers.screens import NO_SECOND_MS


def pages(window: KioskWindow) -> Iterator[str]:
    """Every patient page and state there is to read, named; each shown in turn."""
    model = window.ctx.bundle.model
    for route in (Route("home"), Route("exercises"), Route("exercises", "waiting_room")):
        window.go(route)
        yield f"{route.screen} {route.item or ''}"
    for exercise in model.exercises:
        window.go(Route("exercise", exercise.id))
        screen = window.current_screen
        assert isinstance(screen, ExerciseScreen)
        screen.set_second_ms(NO_SECOND_MS)
        for step in range(len(exercise.steps)):
            yield f"{exercise.id} step {step + 1}"
            screen.next_step()
        yield f"{exercise.id} finished"
    yield from counted_pages(window)
    window.go(Route("picker"))
    picker = window.current_screen
    assert isinstance(picker, PickerScreen)
    for path in picker_paths(model.picker):
        picker.show_path(path)
        yield f"picker {path[-1]}"
    window.go(Route("articles"))
    yield "articles"
    for article in model.articles:
        window.go(Route("article", article.id))
        yield f"article {article.id}"
    window.go(Route("videos"))
    yield "videos: caution"
    videos = window.current_screen
    assert isinstance(videos, VideoScreen)
    videos.show_closing()
    yield "videos: closing"
    window.go(Route("stop", f"exercise:{model.exercises[0].id}"))
    yield "stop"
    window.go(Route("about"))
    yield "about"


def counted_pages(window: KioskWindow) -> Iterator[str]:
    """An exercise of two sets: a hold running, a repeat counted, the rest between sets, the
    second set, and the finish card that says how many repeats were done."""
    exercise = next(e for e in window.ctx.bundle.model.exercises if e.sets > 1)
    window.go(Route("exercise", exercise.id))
    screen = window.current_screen
    assert isinstance(screen, ExerciseScreen)
    screen.set_second_ms(NO_SECOND_MS)
    workout = screen.workout
    while not workout.counts_here:
        screen.next_step()
    assert exercise.steps[workout.step].hold
    screen.tap_hold()
    yield f"{exercise.id} holding"  # the hold's words changed in place: "Tap to pause"
    screen.tap_hold()
    screen.count_repeat()
    yield f"{exercise.id} repeat 2"
    while not workout.resting:
        screen.count_repeat()
    yield f"{exercise.id} rest"
    while workout.resting:
        screen.clock.timeout.emit()  # a second of the rest passes
    yield f"{exercise.id} set 2"
    while not workout.finished:
        screen.next_step()
    yield f"{exercise.id} finished after {workout.total_done} repeats"


@pytest.mark.parametrize("language", ["en", "es"])
def test_every_page_reads_its_texts_in_order_and_finds_each_sentence(
    make_window, builtin, language: str
) -> None:
    window = make_window(builtin)
    window.session.set_language(language)
    narration = builtin.narration
    for page in pages(window):
        settle()
        screen = window.current_screen
        order = screen.reading()
        assert order, f"{page}: reads nothing"
        title = screen.title_path()
        for path in [title] if title else []:
            assert narration.recording(path, language) is not None, f"{page}: title {path}"
        for path, widget in order:
            recording = narration.recording(path, language)
            assert recording is not None, f"{page}: {path} has no narration in {language}"
            assert isinstance(widget, QLabel | QAbstractButton), f"{page}: {path}"
            assert widget.isVisibleTo(window), f"{page}: {path} is read but not shown"
            if isinstance(widget, QLabel):
                document = as_rich_text(widget)
                for sentence in recording.sentences:
                    found = highlight_html(document, sentence.text, "x")
                    assert found is not None, f"{page}: {sentence.text!r} not in {path}'s label"
