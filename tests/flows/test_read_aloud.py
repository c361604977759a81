"""The read-aloud cursor: a screen's passages in reading order, the sentence at a playback
position (stretched to a file of another length), the next passage, Repeat and Stop."""

from __future__ import annotations

import math

import pytest

from kiosk.content.narration import NarrationIndex, Recording, Sentence
from kiosk.flows.read_aloud import (
    SPEECH_LEVELS_DB,
    Passage,
    ReadingCursor,
    SpeechVolume,
    State,
    passages,
)


def passage(path: str, *spans: tuple[float, float, str]) -> Passage:
    sentences = tuple(Sentence(start=a, end=b, text=t) for a, b, t in spans)
    return Passage(path, f"narration/en/{path}.opus", spans[-1][1] + 0.05, sentences)


TITLE = passage("title", (0.05, 1.0, "Knee care"))
GREETING = passage("home.greeting", (0.05, 2.0, "Hello."), (2.35, 4.0, "Tap a tile."))


def cursor() -> ReadingCursor:
    return ReadingCursor([TITLE, GREETING])


def test_passages_follow_the_screens_order_and_skip_what_has_no_recording() -> None:
    recording = Recording(
        file="narration/en/a.opus",
        seconds=1.0,
        text_sha256="0" * 64,
        sentences=[Sentence(start=0.05, end=0.95, text="Home")],
    )
    index = NarrationIndex(
        narration_version=1,
        languages=["en"],
        texts={"wording.home": {"en": recording}, "title": {"en": recording}},
    )
    found = passages(["title", "wording.step_of", "wording.home"], index, "en")
    assert [p.path for p in found] == ["title", "wording.home"]
    assert passages(["title"], index, "es") == []


def test_reading_starts_at_the_first_sentence_of_the_first_passage() -> None:
    reading = cursor()
    assert reading.state is State.IDLE and reading.sentence is None
    assert reading.start() is TITLE
    assert reading.state is State.READING
    assert reading.sentence.text == "Knee care"


def test_the_sentence_follows_the_position_and_holds_through_the_pause() -> None:
    reading = cursor()
    reading.start()
    assert reading.passage_ended() is GREETING
    assert reading.at(0.0) is False  # the lead-in belongs to the first sentence
    assert reading.sentence.text == "Hello."
    assert reading.at(2.2) is False  # the pause after it
    assert reading.at(2.4) is True
    assert reading.sentence.text == "Tap a tile."
    assert reading.at(3.0) is False


def test_a_longer_recorded_voice_stretches_the_timings() -> None:
    reading = cursor()
    reading.start()
    reading.passage_ended()
    reading.set_length(GREETING.seconds * 2)  # a person reading at half the pace
    assert reading.at(2.4) is False  # still the first sentence, stretched
    assert reading.at(4.8) is True and reading.sentence.text == "Tap a tile."
    assert reading.repeat() == pytest.approx(4.7)


def test_after_the_last_passage_reading_is_over() -> None:
    reading = cursor()
    reading.start()
    reading.passage_ended()
    assert reading.passage_ended() is None
    assert reading.state is State.IDLE and reading.passage is None
    assert reading.passage_ended() is None  # stays over


def test_repeat_goes_back_to_the_start_of_the_sentence_being_said() -> None:
    reading = cursor()
    assert reading.repeat() is None
    reading.start()
    reading.passage_ended()
    reading.at(3.5)
    assert reading.repeat() == pytest.approx(2.35)
    assert reading.at(2.3) is False  # the player landed just before it, in the pause
    assert reading.sentence.text == "Tap a tile."


def test_stop_ends_reading_and_start_begins_again() -> None:
    reading = cursor()
    reading.start()
    reading.passage_ended()
    reading.stop()
    assert reading.state is State.IDLE and reading.sentence is None
    assert reading.at(3.0) is False
    assert reading.start() is TITLE and reading.sentence_number == 0


def test_a_screen_with_nothing_narrated_never_reads() -> None:
    reading = ReadingCursor([])
    assert reading.start() is None
    assert reading.state is State.IDLE


# --- The patient's speech volume -------------------------------------------------------------


def test_the_speech_levels_span_20_db_up_to_the_cap_and_start_at_the_softest() -> None:
    volume = SpeechVolume()
    cap = 0.8
    heard = []
    for _ in range(len(SPEECH_LEVELS_DB)):
        heard.append(volume.volume(cap))
        volume.louder()
    assert heard == sorted(heard) and heard[-1] == pytest.approx(cap)  # never above the cap
    assert (
        round(20 * math.log10(heard[-1] / heard[0]), 6) >= 20
    )  # ten times the amplitude, at least
    assert volume.level == 0  # from the loudest, round to the default
    volume.louder()
    volume.reset()
    assert volume.volume(cap) == pytest.approx(heard[0])
