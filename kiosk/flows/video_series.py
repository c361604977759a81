"""Where a patient is in the stretch video series: the caution card, a video (playing, paused
or failed), the closing card. The video screen shows this state and plays what it names."""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Phase(enum.Enum):
    CAUTION = "caution"  # the warning before anything plays
    PLAYING = "playing"  # a video is open (playing or paused)
    FAILED = "failed"  # "this video can't play", then the next one
    CLOSING = "closing"  # the closing card, then home


class AfterCard(enum.Enum):
    """What ends a card's time on screen leads to."""

    NEXT_VIDEO = "next video"  # after the error card
    HOME = "home"  # after the closing card
    NOTHING = "nothing"


@dataclass
class VideoSeries:
    """The series' state: phase, which video, paused, captions and sound. No Qt, no player."""

    count: int  # videos in the series
    phase: Phase = Phase.CAUTION
    index: int = 0
    paused: bool = False
    captions_on: bool = True
    sound_on: bool = False

    def reset(self, start_muted: bool) -> None:
        """A new visit: the caution card, the first video, captions on, sound as set."""
        self.phase, self.index, self.paused = Phase.CAUTION, 0, False
        self.captions_on, self.sound_on = True, not start_muted

    def open(self, index: int) -> None:
        """Video `index` is opened and plays."""
        if not 0 <= index < self.count:
            raise IndexError(f"no video {index} in a series of {self.count}")
        self.phase, self.index, self.paused = Phase.PLAYING, index, False

    def next(self) -> None:
        """On to the next video, or to the closing card after the last."""
        if self.index + 1 < self.count:
            self.open(self.index + 1)
        else:
            self.close()

    def previous(self) -> None:
        """Back one video; on the first, the same one from the start."""
        self.open(max(0, self.index - 1))

    def fail(self) -> None:
        """The current video cannot play: its error card shows."""
        self.phase = Phase.FAILED

    def close(self) -> None:
        """The closing card shows."""
        self.phase = Phase.CLOSING

    def pause(self) -> None:
        if self.phase == Phase.PLAYING:
            self.paused = True

    def resume(self) -> None:
        """Play on after a pause; on the error card, the same video is tried again."""
        if self.phase == Phase.FAILED:
            self.open(self.index)
        elif self.phase == Phase.PLAYING:
            self.paused = False

    def after_card(self) -> AfterCard:
        """Where the current card leads once its time is up."""
        if self.phase == Phase.FAILED:
            return AfterCard.NEXT_VIDEO
        if self.phase == Phase.CLOSING:
            return AfterCard.HOME
        return AfterCard.NOTHING

    @property
    def playing(self) -> bool:
        """A video is playing (open and not paused)."""
        return self.phase == Phase.PLAYING and not self.paused

    @property
    def busy(self) -> bool:
        """The series runs on its own: a video playing, or the error card counting down."""
        return self.playing or self.phase == Phase.FAILED
