"""`kiosk screenshots`: every screen and state rendered to PNG, without a display."""

from __future__ import annotations

import dataclasses
import time
from collections import deque
from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import QEventLoop
from PySide6.QtWidgets import QApplication

from kiosk.content import LoadedBundle
from kiosk.content.model import Bundle, Picker, Question, WebAddress
from kiosk.content.spoken import filled_path
from kiosk.content.take_home import take_home_address
from kiosk.ui.composition import Kiosk, build_kiosk
from kiosk.ui.screens.base import Route
from kiosk.ui.window import KioskWindow


def picker_paths(picker: Picker) -> Iterator[list[str]]:
    """For each node, the shortest path of node ids that reaches it from the first question."""
    root = picker.root_id()
    queue, seen = deque([[root]]), {root}
    while queue:
        path = queue.popleft()
        yield path
        node = picker.nodes[path[-1]]
        for answer in node.answers if isinstance(node, Question) else []:
            if answer.next not in seen:
                seen.add(answer.next)
                queue.append([*path, answer.next])


def longest_titled(model: Bundle, language: str) -> Route:
    """The screen whose top-bar title is longest in `language` (to show how it is kept whole)."""
    titled = [(Route("article", a.id), a.title) for a in model.articles]
    titled += [(Route("exercise", e.id), e.title) for e in model.exercises]
    titled += [(Route("picker"), model.picker.title), (Route("videos"), model.videos.title)]
    return max(titled, key=lambda pair: len(pair[1].get(language)))[0]


class Camera:
    """Takes numbered pictures of the window into a folder."""

    def __init__(self, window: KioskWindow, folder: Path) -> None:
        self.window, self.folder, self.taken = window, folder, []
        folder.mkdir(parents=True, exist_ok=True)

    def settle(self) -> None:
        for _ in range(3):
            QApplication.processEvents()
        self.window.finish_transition()

    def shoot(self, name: str) -> Path:
        """Save what the window shows now as NN-name.png."""
        self.settle()
        path = self.folder / f"{len(self.taken) + 1:02d}-{name}.png"
        self.window.grab().save(str(path))
        self.taken.append(path)
        return path

    def visit(self, route: Route, name: str) -> Path:
        self.window.go(route)
        return self.shoot(name)


def capture_all(
    bundle: LoadedBundle,
    folder: Path,
    size: tuple[int, int],
    language: str | None,
    take_home_base: str | None = None,
) -> list[Path]:
    """Render every screen and state of `bundle` into `folder`; returns the files written.

    `take_home_base` shows the take-home codes with that address where the bundle has none
    (the built-in bundle knows no clinic's page)."""
    if take_home_base:
        bundle = with_take_home_base(bundle, take_home_base)
    # Pictures of a kiosk with a speaker, whatever this machine has: Read to me shows.
    kiosk = build_kiosk(bundle, sound_check=lambda: True)
    window = kiosk.window
    window.resize(*size)
    window.show()
    camera = Camera(window, folder)
    walk_all(kiosk, camera, language)
    window.close()
    return camera.taken


def walk_all(kiosk: Kiosk, camera: Camera, language: str | None) -> None:
    """Show every screen and state of the kiosk's bundle in turn (in `language`, or the
    bundle's own), handing each to `camera`: the screenshots, and the tests that look at
    every screen."""
    window = kiosk.window
    camera.settle()
    if language:
        window.session.set_language(language)
        window.session.default_language = language  # so the attract screen speaks it too
    model = window.ctx.bundle.model
    camera.visit(Route("attract"), "attract")
    for number in range(2, len(model.attract.slides) + 1):
        window.current_screen.slide_index = number - 1
        window.current_screen.render()
        camera.shoot(f"attract-slide-{number}")
    window.session.set_language(language or model.default_language)
    camera.visit(Route("home"), "home")
    camera.visit(Route("exercises"), "exercise-list")
    for tile in model.home.tiles:
        if tile.target.startswith("exercises:"):  # one place's list (while you wait)
            where = tile.target.partition(":")[2]
            camera.visit(Route("exercises", where), f"exercise-list-{where}")
    _capture_exercises(window, camera)
    _capture_safety(window, camera)
    if window.videos_available:
        _capture_videos(window, camera)
    _capture_picker(window, camera)
    camera.visit(Route("articles"), "article-list")
    for article in model.articles:
        camera.visit(Route("article", article.id), f"article-{article.id}")
    camera.visit(Route("about"), "about")
    if len(model.languages) > 1:
        camera.visit(Route("languages"), "language-chooser")
    window.session.set_larger_text(True)
    camera.visit(Route("home"), "home-larger-text")
    camera.visit(Route("article", model.articles[0].id), "article-larger-text")
    camera.visit(longest_titled(model, window.session.language), "long-title-larger-text")
    window.session.set_larger_text(False)
    _capture_access(kiosk, camera)


def _capture_access(kiosk: Kiosk, camera: Camera) -> None:
    """The keypad's focus ring, read-aloud, and high contrast on home, an exercise, a result
    and read-aloud."""
    window, model = kiosk.window, kiosk.window.ctx.bundle.model
    _capture_read_aloud(kiosk, camera, "read-aloud")
    _capture_about_read_aloud(kiosk, camera, "about-read-aloud")
    window.go(Route("home"))
    camera.settle()
    for _ in range(2):
        kiosk.keypad.act("next")
    camera.shoot("focus-ring")
    kiosk.keypad.reset()
    window.session.set_high_contrast(True)
    camera.visit(Route("home"), "high-contrast-home")
    camera.visit(Route("exercise", model.exercises[0].id), "high-contrast-exercise")
    window.go(Route("picker"))
    *_, last = picker_paths(model.picker)
    window.current_screen.show_path(last)
    camera.shoot("high-contrast-picker-result")
    _capture_read_aloud(kiosk, camera, "high-contrast-read-aloud")
    _capture_about_read_aloud(kiosk, camera, "high-contrast-about-read-aloud")
    window.session.set_high_contrast(False)


def _capture_read_aloud(
    kiosk: Kiosk,
    camera: Camera,
    name: str,
    route: Route | None = None,
    path: str = "articles[0].body[0].text",
) -> None:
    """A page read aloud (the first article unless `route` says), at the second sentence (or
    the first) of its text at `path`: played for real, up to 20 s, as a kiosk with a speaker
    plays it, Repeat, Stop reading and Louder in the bar."""
    window, narration = kiosk.window, kiosk.window.ctx.bundle.narration
    model = window.ctx.bundle.model
    if narration is None or (route is None and not model.articles):
        return
    window.go(route or Route("article", model.articles[0].id))
    recording = narration.recording(path, window.session.language)
    if recording is None:
        return  # this language is not narrated
    wanted = recording.sentences[min(1, len(recording.sentences) - 1)].text
    kiosk.read_aloud.start()
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and kiosk.read_aloud.highlighted[1] != wanted:
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
    camera.shoot(name)
    kiosk.read_aloud.stop()


def _capture_about_read_aloud(kiosk: Kiosk, camera: Camera, name: str) -> None:
    """The About screen read aloud, at its clinic line."""
    about_clinic = filled_path("about_clinic", clinic="clinic.name")
    _capture_read_aloud(kiosk, camera, name, Route("about"), about_clinic)


def with_take_home_base(bundle: LoadedBundle, base: str) -> LoadedBundle:
    """`bundle` with the clinic's take_home_base set to `base` (checked as the bundle's is)."""
    checked = WebAddress._parse(base)
    clinic = bundle.model.clinic.model_copy(update={"take_home_base": checked})
    model = bundle.model.model_copy(update={"clinic": clinic})
    return dataclasses.replace(bundle, model=model)  # its texts, so its narration, are the same


def _capture_safety(window: KioskWindow, camera: Camera) -> None:
    """An exercise with its take-home code, the warning before the reset, the stop card and
    the cleaning lock."""
    model = window.ctx.bundle.model
    exercise = next((e for e in model.exercises if take_home_address(model, e)), model.exercises[0])
    window.go(Route("exercise", exercise.id))
    if take_home_address(model, exercise):
        camera.shoot(f"exercise-{exercise.id}-take-home")
    reset = window.idle_reset
    reset.warning.begin()
    reset.card.show_seconds(reset.warning.seconds_left())
    camera.shoot("reset-warning")
    reset.start()  # the card away, as More time would
    window.stop_hurts()
    camera.shoot("stop")
    camera.visit(Route("cleaning"), "cleaning")
    window.go(Route("home"))


def _capture_exercises(window: KioskWindow, camera: Camera) -> None:
    """Every step of every exercise; then a running hold, a rest and the finish card."""
    for exercise in window.ctx.bundle.model.exercises:
        window.go(Route("exercise", exercise.id))
        for number in range(1, len(exercise.steps) + 1):
            camera.shoot(f"exercise-{exercise.id}-step-{number}")
            window.current_screen.next_step()
    held = [e for e in window.ctx.bundle.model.exercises if any(s.hold for s in e.steps)]
    # One with a rest if there is one, so the rest page is shot too.
    timed = next((e for e in held if e.rest_seconds), held[0] if held else None)
    if timed is None:
        return
    window.go(Route("exercise", timed.id))
    screen = window.current_screen
    while not timed.steps[screen.workout.step].hold:
        screen.next_step()
    screen.tap_hold()
    for _ in range(min(2, timed.hold_seconds - 1)):
        screen.workout.tick()  # two seconds on, without waiting for them
    screen.render()
    camera.shoot(f"exercise-{timed.id}-hold-running")
    if timed.rest_seconds:
        for _ in range(timed.repetitions):
            screen.count_repeat()
        camera.shoot(f"exercise-{timed.id}-rest")
    screen.leave()
    screen.workout.finish()
    screen.render()
    camera.shoot(f"exercise-{timed.id}-finished")
    screen.leave()


def _capture_videos(window: KioskWindow, camera: Camera) -> None:
    """The caution card, a playing frame with its caption, the error card and the closing card."""
    window.go(Route("videos"))
    camera.shoot("videos-caution")
    screen = window.current_screen
    screen.start_series()
    # Wait for a decoded frame and the first caption, up to 10 s (offscreen decoding is real).
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and not (screen.surface and screen.current_caption()):
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
    screen.pause()
    camera.shoot(f"videos-playing-{window.session.language}")
    screen.video_failed("a screenshot of the card shown when a file cannot play")
    camera.shoot("videos-cannot-play")
    screen.show_closing()
    camera.shoot("videos-closing")
    screen.leave()


def _capture_picker(window: KioskWindow, camera: Camera) -> None:
    picker = window.ctx.bundle.model.picker
    window.go(Route("picker"))
    for path in picker_paths(picker):
        window.current_screen.show_path(path)
        node = picker.nodes[path[-1]]
        kind = "question" if isinstance(node, Question) else f"result-{node.outcome}"
        camera.shoot(f"picker-{kind}-{path[-1]}")
