"""Read-aloud on the real window, playing the built-in bundle's committed narration.

This machine (like CI) has no sound device: QMediaDevices.audioOutputs() is empty, so the
kiosk hides "Read to me", which the first tests check. QtMultimedia's FFmpeg backend still
plays a file into no device, at its real pace (position and end of media as with a speaker),
so the others say there is a speaker (`speaker`) and follow the real narration as it plays."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtMultimedia import QMediaDevices
from PySide6.QtWidgets import QLabel

from kiosk.content import load_bundle
from kiosk.ui.read_aloud import player
from kiosk.ui.screens.base import Route
from kiosk.ui.theme import COLOURS, HIGH_CONTRAST
from tests.helpers.driving import settle, tap, visible_names
from tests.helpers.narration import narrate_with_tones
from tests.helpers.places import SMALL_BUNDLE
from tests.helpers.read_aloud import (
    Speaker,
    highlighted,
    press_by_keys,
    shows_highlight,
    wait_for_sentence,
)
from tests.helpers.screens import TIMEOUT

pytestmark = pytest.mark.slow  # each test listens to seconds of real narration

READ, REPEAT, STOP = "Read to me", "Repeat", "Stop reading"


@pytest.fixture
def speaker() -> Speaker:
    """Say there is a sound device (there is none here; playback works the same without)."""
    return Speaker()


@pytest.fixture
def kiosk(speaker, make_kiosk, builtin):
    kiosk = make_kiosk(builtin, sound_check=speaker)
    kiosk.window.home()
    settle()
    return kiosk


# --- When it is offered --------------------------------------------------------------------


def test_without_a_sound_device_there_is_no_read_to_me(make_kiosk, builtin, qtbot) -> None:
    """The real check, on this machine: no sound device here, so no control (where there is
    one, the control shows)."""
    kiosk = make_kiosk(builtin)
    kiosk.window.home()
    has_device = bool(QMediaDevices.audioOutputs())
    assert player.audio_output_available() is has_device
    assert (READ in visible_names(kiosk.window)) is has_device


def test_with_a_sound_device_read_to_me_shows_in_both_languages(kiosk, qtbot) -> None:
    assert READ in visible_names(kiosk.window.top_bar)
    tap(qtbot, kiosk.window, "Español")
    assert "Leer en voz alta" in visible_names(kiosk.window.top_bar)


def test_a_bundle_without_narration_shows_no_control(speaker, make_kiosk, small) -> None:
    kiosk = make_kiosk(small, sound_check=speaker)
    kiosk.window.home()
    assert small.narration is None
    assert not {READ, "Lire à voix haute"} & set(visible_names(kiosk.window))


def test_a_language_without_narration_shows_no_control(
    speaker, make_kiosk, qtbot, tmp_path: Path
) -> None:
    folder = Path(shutil.copytree(SMALL_BUNDLE, tmp_path / "small"))
    narrate_with_tones(folder, ["en"])  # English only; the bundle is French first
    kiosk = make_kiosk(load_bundle(folder), sound_check=speaker)
    kiosk.window.home()
    assert READ not in visible_names(kiosk.window)  # wording falls back to English
    tap(qtbot, kiosk.window, "English")
    assert READ in visible_names(kiosk.window)


def test_a_speaker_unplugged_while_reading_stops_it_and_hides_the_control(
    kiosk, speaker, qtbot
) -> None:
    window = kiosk.window
    tap(qtbot, window, READ)
    wait_for_sentence(qtbot, kiosk, "Knee care")
    speaker.plugged_in = False
    kiosk.read_aloud._devices.audioOutputsChanged.emit()  # as QMediaDevices says it
    assert not kiosk.read_aloud.reading
    assert not {READ, STOP} & set(visible_names(window))
    speaker.plugged_in = True
    kiosk.read_aloud._devices.audioOutputsChanged.emit()  # plugged back in
    assert READ in visible_names(window.top_bar)


def test_attract_has_no_top_bar_and_no_control(kiosk) -> None:
    kiosk.window.reset_to_attract()
    settle()
    assert not kiosk.read_aloud.offered()


# --- Reading -------------------------------------------------------------------------------


def test_read_to_me_highlights_each_sentence_as_it_is_said(kiosk, qtbot) -> None:
    window = kiosk.window
    tap(qtbot, window, READ)
    assert {REPEAT, STOP} <= set(visible_names(window.top_bar))
    assert READ not in visible_names(window.top_bar)
    title = wait_for_sentence(qtbot, kiosk, "Knee care")  # the title, in the top bar
    assert title is window.top_bar.heading
    assert title.property("reading") is True  # marked whole, on the highlight colour
    assert title.palette().window().color().name() == COLOURS["highlight"]
    tile = wait_for_sentence(qtbot, kiosk, "While you wait")  # then the first tile
    assert tile is not title and isinstance(tile, QLabel)
    assert shows_highlight(tile, "While you wait", COLOURS)
    assert title.property("reading") is False  # the title's highlight went with it
    caption = wait_for_sentence(qtbot, kiosk, "3 easy moves with a chair, about 4 minutes")
    assert caption.parentWidget() is tile.parentWidget()  # the same tile's caption
    assert window.idle.quiet_for() < 2  # a patient listening is not idle


def test_stop_clears_the_highlight_and_offers_read_to_me_again(kiosk, qtbot) -> None:
    window = kiosk.window
    tap(qtbot, window, READ)
    tile = wait_for_sentence(qtbot, kiosk, "While you wait")
    tap(qtbot, window, STOP)
    assert highlighted(kiosk) == (None, "")
    assert tile.text() == "While you wait" and tile.textFormat() == Qt.TextFormat.PlainText
    assert READ in visible_names(window.top_bar) and STOP not in visible_names(window)
    assert not kiosk.read_aloud.reading


def test_repeat_says_the_sentence_again_from_its_start(kiosk, qtbot) -> None:
    """On an article: its first paragraph's second sentence, repeated from its start."""
    window, model = kiosk.window, kiosk.window.ctx.bundle.model
    window.go(Route("article", model.articles[0].id))
    tap(qtbot, window, READ)
    recording = window.ctx.bundle.narration.recording("articles[0].body[0].text", "en")
    second = recording.sentences[1]
    wait_for_sentence(qtbot, kiosk, second.text)
    speech = kiosk.read_aloud._player.player
    qtbot.waitUntil(lambda: speech.position() > second.start * 1000 + 400, timeout=TIMEOUT)
    tap(qtbot, window, REPEAT)
    assert speech.position() < second.start * 1000 + 300
    assert highlighted(kiosk)[1] == second.text


def test_reading_reaches_the_end_of_the_screen_by_itself(kiosk, qtbot) -> None:
    """The Stop card: the heading, then the steps and "tell us", then Read to me again."""
    window = kiosk.window
    window.go(Route("stop", "exercise:glute-bridge"))
    settle()
    tap(qtbot, window, READ)
    steps = window.current_screen.findChild(QLabel, "stop_steps")
    last_step = len(window.ctx.bundle.model.stop_guidance.steps) - 1
    recording = window.ctx.bundle.narration.recording(f"stop_guidance.steps[{last_step}]", "en")
    assert wait_for_sentence(qtbot, kiosk, recording.sentences[-1].text) is steps
    qtbot.waitUntil(lambda: not kiosk.read_aloud.reading, timeout=3 * TIMEOUT)
    assert highlighted(kiosk) == (None, "")
    assert READ in visible_names(window.top_bar)


def test_the_highlight_meets_contrast_in_high_contrast_too(kiosk, qtbot) -> None:
    window = kiosk.window
    tap(qtbot, window, "High contrast")
    tap(qtbot, window, READ)
    # Both at one moment: on a loaded machine the short phrase may pass between two looks.
    qtbot.waitUntil(
        lambda: (
            highlighted(kiosk)[1] == "While you wait"
            and shows_highlight(highlighted(kiosk)[0], "While you wait", HIGH_CONTRAST)
        ),
        timeout=TIMEOUT,
    )


def test_spanish_is_read_in_spanish(kiosk, qtbot) -> None:
    window = kiosk.window
    tap(qtbot, window, "Español")
    tap(qtbot, window, "Leer en voz alta")
    title = window.ctx.bundle.model.title.get("es")
    assert wait_for_sentence(qtbot, kiosk, title) is window.top_bar.heading
    assert kiosk.read_aloud._player.player.source().fileName().endswith(".opus")
    assert "/narration/es/" in kiosk.read_aloud._player.player.source().path()


# --- What stops it -------------------------------------------------------------------------


def test_going_to_another_page_stops_it(kiosk, qtbot) -> None:
    window = kiosk.window
    tap(qtbot, window, READ)
    wait_for_sentence(qtbot, kiosk, "While you wait")
    tap(qtbot, window, "Exercises")
    assert not kiosk.read_aloud.reading and highlighted(kiosk) == (None, "")
    assert READ in visible_names(window.top_bar)


def test_a_page_drawn_anew_stops_it(kiosk, qtbot) -> None:
    """An answer in ice or heat: the question read aloud is gone."""
    window = kiosk.window
    window.go(Route("picker"))
    settle()
    tap(qtbot, window, READ)
    qtbot.waitUntil(lambda: highlighted(kiosk)[0] is not None, timeout=TIMEOUT)
    root = window.ctx.bundle.model.picker.root_id()
    first_answer = window.ctx.bundle.model.picker.nodes[root].answers[0].label.get("en")
    tap(qtbot, window, first_answer)
    qtbot.waitUntil(lambda: not kiosk.read_aloud.reading, timeout=TIMEOUT)
    assert kiosk.read_aloud._player.player.source().isEmpty()


def test_the_idle_reset_stops_it_and_the_next_patient_starts_afresh(kiosk, qtbot) -> None:
    window = kiosk.window
    tap(qtbot, window, "Español")
    tap(qtbot, window, "Leer en voz alta")
    qtbot.waitUntil(lambda: highlighted(kiosk)[0] is not None, timeout=TIMEOUT)
    window.reset_to_attract()
    settle()
    assert not kiosk.read_aloud.reading and highlighted(kiosk) == (None, "")
    assert kiosk.read_aloud._player.player.source().isEmpty()
    window.home()  # the next patient
    tap(qtbot, window, READ)  # in English again
    wait_for_sentence(qtbot, kiosk, "Knee care")
    # At the default level for speech: 20 dB under the cap (Louder goes up to it).
    assert kiosk.read_aloud._player.volume == pytest.approx(window.ctx.settings.volume_cap / 10)


def test_a_videos_sound_is_lowered_while_it_speaks_and_comes_back(kiosk, qtbot) -> None:
    window = kiosk.window
    tap(qtbot, window, "Stretch videos")
    tap(qtbot, window, "I understand, play")
    screen = window.current_screen
    qtbot.waitUntil(lambda: screen.playback is not None and screen.is_busy(), timeout=TIMEOUT)
    tap(qtbot, window, "Sound off")  # the patient turns the video's sound on
    sound = screen.playback.audio
    full = window.ctx.settings.volume_cap
    assert sound.volume() == pytest.approx(full) and not sound.isMuted()
    tap(qtbot, window, READ)
    title = window.ctx.bundle.model.videos.items[0].title.get("en")
    label = wait_for_sentence(qtbot, kiosk, title)  # the video on show, in the list
    assert label in screen.playlist.titles
    assert sound.volume() == pytest.approx(full * 0.15)
    tap(qtbot, window, STOP)
    assert sound.volume() == pytest.approx(full)
    tap(qtbot, window, READ)  # and read to the end: the sound comes back by itself
    qtbot.waitUntil(lambda: sound.volume() < full, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: not kiosk.read_aloud.reading, timeout=3 * TIMEOUT)
    assert sound.volume() == pytest.approx(full)


# --- The Help key --------------------------------------------------------------------------


def test_f1_starts_reading(kiosk, qtbot) -> None:
    window = kiosk.window
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_F1)
    wait_for_sentence(qtbot, kiosk, "Knee care")
    assert kiosk.read_aloud.reading


def test_by_keys_the_ring_stays_where_read_to_me_was(kiosk, qtbot) -> None:
    """Return on Read to me: the ring is then on Repeat, next to Stop reading."""
    keypad = kiosk.keypad
    press_by_keys(kiosk, READ, "previous")
    assert keypad.current.accessibleName() == REPEAT and keypad.ring.isVisible()
    keypad.act("next")
    assert keypad.current.accessibleName() == STOP
    keypad.act("activate")
    settle()
    assert not kiosk.read_aloud.reading and keypad.current.accessibleName() == READ


def test_f1_on_the_attract_screen_wakes_the_kiosk_and_reads_home(kiosk, qtbot) -> None:
    window = kiosk.window
    window.reset_to_attract()
    window.activateWindow()
    settle()
    qtbot.keyClick(window, Qt.Key.Key_F1)
    assert window.route == Route("home")
    wait_for_sentence(qtbot, kiosk, "Knee care")
