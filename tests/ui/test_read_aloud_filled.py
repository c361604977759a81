"""Read-aloud of what the first version left unread: the About screen, and the words with
numbers filled in ("Step 2 of 3", "Hold for 5 seconds", "Set 1 of 2"), played from the
built-in bundle's committed narration and highlighted in the labels that show them."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, QLocale

from kiosk.content import dates
from kiosk.ui.screens.base import Route
from kiosk.ui.theme import COLOURS
from tests.helpers.driving import settle, tap, visible_names
from tests.helpers.read_aloud import Speaker, shows_highlight, wait_for_sentence
from tests.helpers.screens import TIMEOUT, open_exercise

READ = "Read to me"
LONG = 4 * TIMEOUT  # a step's instruction and when to stop come first: 25 s of speech


@pytest.fixture
def kiosk(make_kiosk, builtin):
    kiosk = make_kiosk(builtin, sound_check=Speaker())
    kiosk.window.home()
    settle()
    return kiosk


@pytest.mark.slow
def test_about_is_read_aloud_line_by_line(kiosk, qtbot) -> None:
    window = kiosk.window
    tap(qtbot, window, "About this content")
    assert window.route == Route("about")
    tap(qtbot, window, READ)
    assert wait_for_sentence(qtbot, kiosk, "About this content") is window.top_bar.heading
    clinic = wait_for_sentence(qtbot, kiosk, "This content is from Your chiropractic clinic.")
    assert shows_highlight(clinic, "This content is", COLOURS)
    source = wait_for_sentence(qtbot, kiosk, "The clinic's knee pain article")
    assert source.parentWidget() is not clinic.parentWidget()  # the sources' own card
    wait_for_sentence(qtbot, kiosk, "The clinic last checked it on November 16, 2026.")


@pytest.mark.slow
def test_about_is_read_in_spanish_with_the_date_in_spanish(kiosk, qtbot) -> None:
    window = kiosk.window
    tap(qtbot, window, "Español")
    tap(qtbot, window, "Sobre esta información")
    tap(qtbot, window, "Leer en voz alta")
    wait_for_sentence(
        qtbot, kiosk, "La clínica la revisó por última vez el 16 de noviembre de 2026."
    )


@pytest.mark.slow
def test_an_exercise_says_its_hold_its_counts_and_its_step(kiosk, qtbot) -> None:
    """Glute bridge, step 2: the instruction, "Hold for 5 seconds", the hold's action,
    "Set 1 of 2", "Repeat 1 of 10", when to stop, then "Step 2 of 3"."""
    window = kiosk.window
    screen = open_exercise(window, "glute-bridge")
    screen.next_step()
    settle()
    tap(qtbot, window, READ)
    hint = wait_for_sentence(qtbot, kiosk, "Hold for 5 seconds", LONG)
    assert hint.objectName() == "hold_hint"
    assert wait_for_sentence(qtbot, kiosk, "Set 1 of 2").objectName() == "set_label"
    assert wait_for_sentence(qtbot, kiosk, "Repeat 1 of 10").objectName() == "repeat_label"
    step = wait_for_sentence(qtbot, kiosk, "Step 2 of 3", LONG)
    assert step.objectName() == "step_label" and shows_highlight(step, "Step 2 of 3", COLOURS)


@pytest.mark.slow
def test_a_repeat_counted_is_read_with_its_new_number(kiosk, qtbot) -> None:
    """The count changes in place (the page is not drawn anew): reading it again says it."""
    window = kiosk.window
    screen = open_exercise(window, "glute-bridge")
    screen.next_step()
    settle()
    tap(qtbot, window, "One done")
    tap(qtbot, window, READ)
    assert wait_for_sentence(qtbot, kiosk, "Repeat 2 of 10", LONG).objectName() == "repeat_label"


@pytest.mark.slow
def test_the_finish_card_says_what_was_done_in_spanish(kiosk, qtbot) -> None:
    window = kiosk.window
    tap(qtbot, window, "Español")
    screen = open_exercise(window, "glute-bridge")
    screen.next_step()
    screen.count_repeat()
    screen.next_step()
    screen.next_step()
    settle()
    assert screen.workout.finished
    tap(qtbot, window, "Leer en voz alta")
    summary = wait_for_sentence(qtbot, kiosk, "Hizo 1 de 20 repeticiones.")
    assert summary.objectName() == "what_was_done"
    assert "Leer en voz alta" not in visible_names(window.top_bar)  # reading


@pytest.mark.parametrize("language", dates.written_languages())
def test_the_kiosks_own_dates_read_as_qt_writes_them(language: str) -> None:
    """The words narrated are the words shown: each month and a one- and two-digit day."""
    locale = QLocale(language)
    form = locale.dateFormat(QLocale.FormatType.LongFormat)
    form = form.replace("dddd, ", "").replace("dddd ", "")
    for month in range(1, 13):
        for day in (1, 28):
            written = dates.long_date(date(2026, month, day), language)
            assert written == locale.toString(QDate(2026, month, day), form), (language, month)
