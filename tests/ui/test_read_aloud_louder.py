"""Louder: while read-aloud speaks, a top-bar control steps the speech up 10 dB at a time from
its default, 20 dB below the staff's volume_cap, to the cap and never above it; the level
outlasts a new page and goes back to the default at the idle reset, for the next patient.
Touch, keys, high contrast, larger text, Arabic (right to left) and the three screen sizes."""

from __future__ import annotations

import math
import shutil
from itertools import pairwise
from pathlib import Path

import pytest
from PySide6.QtWidgets import QAbstractButton, QPushButton

from kiosk.content import load_bundle
from kiosk.settings import Settings
from kiosk.ui.screens.base import Route
from kiosk.ui.theme import HIGH_CONTRAST
from tests.helpers.driving import find_button, settle, tap, visible_names
from tests.helpers.narration import narrate_with_tones
from tests.helpers.places import TESTS_DIR
from tests.helpers.read_aloud import Speaker, press_by_keys, wait_for_sentence

pytestmark = pytest.mark.slow  # real narration plays

READ, REPEAT, STOP, LOUDER = "Read to me", "Repeat", "Stop reading", "Louder"
CAP = 0.8
SIZES = ((1280, 800), (1920, 1080), (1080, 1920))


@pytest.fixture
def kiosk(make_kiosk, builtin):
    kiosk = make_kiosk(builtin, sound_check=Speaker(), settings=Settings(volume_cap=CAP))
    kiosk.window.home()
    settle()
    return kiosk


def speech_volume(kiosk) -> float:
    return kiosk.read_aloud._player.volume


def test_louder_shows_only_while_reading_beside_repeat_and_stop(kiosk, qtbot) -> None:
    bar = kiosk.window.top_bar
    assert LOUDER not in visible_names(bar)
    tap(qtbot, kiosk.window, READ)
    names = visible_names(bar)
    assert names.index(REPEAT) < names.index(STOP) < names.index(LOUDER)
    tap(qtbot, kiosk.window, STOP)
    assert LOUDER not in visible_names(bar)


def test_each_tap_is_10_db_louder_up_to_the_cap_then_back_to_the_default(kiosk, qtbot) -> None:
    window = kiosk.window
    tap(qtbot, window, READ)
    wait_for_sentence(qtbot, kiosk, "Knee care")
    heard = [speech_volume(kiosk)]
    assert heard[0] == pytest.approx(CAP / 10)  # the default: 20 dB under the cap
    for _ in range(3):
        tap(qtbot, window, LOUDER)
        heard.append(speech_volume(kiosk))  # at once, on the sentence being said
    assert kiosk.read_aloud.reading
    steps_db = [round(20 * math.log10(b / a), 1) for a, b in pairwise(heard[:3])]
    assert steps_db == [10.0, 10.0]
    assert heard[2] == pytest.approx(CAP) and max(heard) <= CAP + 1e-6
    assert heard[3] == pytest.approx(heard[0])  # round again to the default


def test_the_level_outlasts_a_new_page_and_the_next_patient_starts_at_the_default(
    kiosk, qtbot
) -> None:
    window = kiosk.window
    tap(qtbot, window, READ)
    tap(qtbot, window, LOUDER)
    tap(qtbot, window, LOUDER)
    tap(qtbot, window, "Exercises")  # stops reading; the same patient
    tap(qtbot, window, READ)
    wait_for_sentence(qtbot, kiosk, "Exercises")
    assert speech_volume(kiosk) == pytest.approx(CAP)
    window.reset_to_attract()  # the idle reset
    settle()
    window.home()
    tap(qtbot, window, READ)
    wait_for_sentence(qtbot, kiosk, "Knee care")
    assert speech_volume(kiosk) == pytest.approx(CAP / 10)
    assert find_button(window.top_bar, LOUDER).isVisible()


def test_louder_by_keys(kiosk, qtbot) -> None:
    """Return on Read to me, then the ring on to Louder (after Repeat and Stop reading)."""
    keypad = kiosk.keypad
    press_by_keys(kiosk, READ, "previous")
    press_by_keys(kiosk, LOUDER)
    assert kiosk.read_aloud.volume_level == 1 and kiosk.read_aloud.reading
    assert keypad.current.accessibleName() == LOUDER and keypad.ring.isVisible()


def test_louder_in_spanish_and_its_icon_shows_the_level(kiosk, qtbot) -> None:
    window = kiosk.window
    tap(qtbot, window, "Español")
    tap(qtbot, window, "Leer en voz alta")
    louder = find_button(window.top_bar, "Más alto")
    before = louder.icon().pixmap(louder.iconSize()).toImage()
    tap(qtbot, window, "Más alto")
    assert louder.icon().pixmap(louder.iconSize()).toImage() != before


@pytest.fixture(scope="module")
def narrated_arabic(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("arabic") / "arabic"
    shutil.copytree(TESTS_DIR / "bundles" / "arabic", folder)
    narrate_with_tones(folder, ["ar", "en"], playable=True)
    return folder


def bar_buttons(window) -> list[QAbstractButton]:
    return [b for b in window.top_bar.findChildren(QPushButton) if b.isVisibleTo(window)]


def whole_and_apart(window, button: QAbstractButton) -> None:
    """`button` lies wholly in the window, at the touch size, overlapping no other button."""
    box = button.geometry().translated(button.parentWidget().mapTo(window, button.pos() * 0))
    assert window.rect().contains(box), (box, window.size())
    assert min(button.width(), button.height()) >= window.ctx.theme.touch - 1
    for other in bar_buttons(window):
        if other is not button:
            other_box = other.geometry().translated(
                other.parentWidget().mapTo(window, other.pos() * 0)
            )
            assert not box.intersects(other_box), (button.accessibleName(), other.accessibleName())


@pytest.mark.parametrize("size", SIZES)
def test_louder_fits_in_arabic_high_contrast_larger_text(
    make_kiosk, narrated_arabic, qtbot, size
) -> None:
    kiosk = make_kiosk(load_bundle(narrated_arabic), size=size, sound_check=Speaker())
    window = kiosk.window
    window.home()
    window.session.set_high_contrast(True)
    window.session.set_larger_text(True)
    settle()
    tap(qtbot, window, "اقرأ لي")
    settle()
    louder, stop = (
        find_button(window.top_bar, "صوت أعلى"),
        find_button(window.top_bar, "أوقف القراءة"),
    )
    whole_and_apart(window, louder)
    # Right to left: Louder comes after Stop reading, so to its left.
    assert (
        louder.mapTo(window, louder.rect().center()).x()
        < stop.mapTo(window, stop.rect().center()).x()
    )
    assert window.ctx.theme.colours["primary"] == HIGH_CONTRAST["primary"]
    tap(qtbot, window, "صوت أعلى")
    assert kiosk.read_aloud.volume_level == 1


@pytest.mark.parametrize("size", SIZES)
def test_louder_fits_in_english_at_each_size(make_kiosk, builtin, qtbot, size) -> None:
    kiosk = make_kiosk(builtin, size=size, sound_check=Speaker())
    window = kiosk.window
    window.go(Route("exercise", builtin.model.exercises[0].id))
    settle()
    tap(qtbot, window, READ)
    settle()
    whole_and_apart(window, find_button(window.top_bar, LOUDER))
