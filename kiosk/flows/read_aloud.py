"""Reading a screen aloud: which of its texts is being read, and which sentence is being said.

A screen's texts, in reading order, become passages: each one recording, with its sentence
timings. The player reports its position and the real length of the file (a clinic may have
put a recorded voice of another length in its place: the timings are stretched to it); the
cursor says which sentence that is, what comes next, and where Repeat goes back to."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # type hints only: the first screen paints before pydantic loads
    from kiosk.content.narration import NarrationIndex, Sentence


@dataclass(frozen=True)
class Passage:
    """One text of the screen, read aloud: where it is in the bundle and its recording."""

    path: str
    file: str
    seconds: float  # the recording's length as the index says
    sentences: tuple[Sentence, ...]


def passages(paths: Iterable[str], index: NarrationIndex, language: str) -> list[Passage]:
    """The passages for a screen's texts (`paths`, in reading order) in `language`; texts
    without a recording (words filled in on screen, such as "Step 2 of 5") are left out."""
    found = []
    for path in paths:
        recording = index.recording(path, language)
        if recording is not None:
            found.append(
                Passage(path, recording.file, recording.seconds, tuple(recording.sentences))
            )
    return found


class State(enum.Enum):
    IDLE = "idle"  # not started, stopped, or read to the end
    READING = "reading"


class ReadingCursor:
    """Where reading is: a passage, a sentence in it, and the state."""

    def __init__(self, screen_passages: list[Passage]) -> None:
        self.passages = screen_passages
        self.state = State.IDLE
        self.passage_number = 0
        self.sentence_number = 0
        self._scale = 1.0  # the file's real length over the length the index gives

    @property
    def passage(self) -> Passage | None:
        """The passage being read, or None when not reading."""
        return self.passages[self.passage_number] if self.state is State.READING else None

    @property
    def sentence(self) -> Sentence | None:
        """The sentence being said, or None when not reading."""
        passage = self.passage
        return passage.sentences[self.sentence_number] if passage is not None else None

    def start(self) -> Passage | None:
        """Read from the first passage; None if the screen has nothing narrated."""
        if not self.passages:
            self.state = State.IDLE
            return None
        self.state = State.READING
        return self._open(0)

    def stop(self) -> None:
        self.state = State.IDLE

    def set_length(self, seconds: float) -> None:
        """The real length of the passage's file, once the player knows it."""
        passage = self.passage
        if passage is not None and seconds > 0:
            self._scale = seconds / passage.seconds

    def at(self, seconds: float) -> bool:
        """Follow the player to `seconds` into the passage; True if the sentence changed.

        A sentence stays current through the pause after it, until the next one starts.
        Reading never goes back a sentence by itself: a player sent back to a sentence's
        start (Repeat) may land a little before it, in the pause."""
        passage = self.passage
        if passage is None:
            return False
        number = self.sentence_number
        for index, sentence in enumerate(passage.sentences):
            if index > number and sentence.start * self._scale <= seconds:
                number = index
        changed = number != self.sentence_number
        self.sentence_number = number
        return changed

    def passage_ended(self) -> Passage | None:
        """The passage was read to its end: the next one, or None at the end of the screen."""
        if self.state is not State.READING:
            return None
        if self.passage_number + 1 >= len(self.passages):
            self.state = State.IDLE
            return None
        return self._open(self.passage_number + 1)

    def repeat(self) -> float | None:
        """Where to play from to say the current sentence again (seconds into its passage);
        None when not reading."""
        sentence = self.sentence
        return None if sentence is None else sentence.start * self._scale

    def _open(self, number: int) -> Passage:
        self.passage_number, self.sentence_number, self._scale = number, 0, 1.0
        return self.passages[number]


# The patient's speech volume, in dB below the staff's volume_cap: read-aloud starts at the
# softest, and Louder steps up 10 dB at a time to the cap, 20 dB (ten times the amplitude)
# above the start (ADA 707.5), then round to the start again; the idle reset goes back to it.
SPEECH_LEVELS_DB = (-20.0, -10.0, 0.0)


class SpeechVolume:
    """Which of the speech levels the patient chose; a plain counter, reset for each patient."""

    def __init__(self, levels_db: tuple[float, ...] = SPEECH_LEVELS_DB) -> None:
        self.levels_db = levels_db
        self.level = 0  # the default: the softest

    def louder(self) -> None:
        """One step up; from the loudest, back to the default."""
        self.level = (self.level + 1) % len(self.levels_db)

    def reset(self) -> None:
        """Back to the default, for the next patient."""
        self.level = 0

    def volume(self, cap: float) -> float:
        """The player's volume (0.0-1.0, linear) at this level under `cap`."""
        return cap * 10 ** (self.levels_db[self.level] / 20)
