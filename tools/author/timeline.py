"""A stretch video as a list of timed segments, and what the screen shows at any moment."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from tools.author.drawing import Countdown, Prop
from tools.author.skeleton import Pose, blend, ease


@dataclass(frozen=True)
class Cue:
    """One caption, in English and in Spanish."""

    en: str
    es: str


@dataclass(frozen=True)
class Segment:
    """A stretch of time: keep still, move smoothly to a new pose, or hold with a countdown.

    A segment's cues share its time equally; a segment without cues leaves the previous cue
    on screen, so a short move does not flash a caption too quick to read.
    """

    kind: Literal["still", "move", "hold"]
    seconds: float
    pose: Pose | None = None  # where a move ends; still and hold keep the current pose
    cues: tuple[Cue, ...] = ()


@dataclass(frozen=True)
class Video:
    """One stretch video: its props, the pose it opens on and its segments in order.

    `captions_at_top` puts the captions near the top of the picture (a WebVTT line setting)
    and the hold's countdown in the bottom corner, for stretches shown low in the picture
    (feet, heels, a knee on the mat) that a caption at the bottom would hide."""

    id: str
    props: tuple[Prop, ...]
    start: Pose
    segments: tuple[Segment, ...]
    captions_at_top: bool = False


CAPTION_TOP_LINE = "4%"  # the WebVTT line setting of a caption placed at the top


@dataclass(frozen=True)
class Span:
    """A segment placed on the clock, with the poses it goes between."""

    start: float
    end: float
    segment: Segment
    from_pose: Pose
    to_pose: Pose


def spans(video: Video) -> list[Span]:
    """Every segment with its start and end time and its start and end pose."""
    placed, clock, current = [], 0.0, video.start
    for segment in video.segments:
        target = segment.pose if segment.kind == "move" and segment.pose else current
        placed.append(Span(clock, clock + segment.seconds, segment, current, target))
        clock += segment.seconds
        current = target
    return placed


def duration(video: Video) -> float:
    """The video's length in seconds."""
    return sum(segment.seconds for segment in video.segments)


def holds(video: Video) -> list[Span]:
    """The held stretches, in order."""
    return [span for span in spans(video) if span.segment.kind == "hold"]


def main_pose(video: Video) -> Pose:
    """The pose of the first hold: the stretch itself, used for the poster."""
    placed = holds(video)
    return placed[0].to_pose if placed else video.start


def frame_at(video: Video, time: float) -> tuple[Pose, Countdown | None]:
    """The pose at `time` seconds, and the countdown if a hold is running then."""
    for span in spans(video):
        if span.start <= time < span.end:
            break
    else:
        last = spans(video)[-1]
        return last.to_pose, None
    fraction = (time - span.start) / (span.end - span.start)
    if span.segment.kind == "move":
        return blend(span.from_pose, span.to_pose, ease(fraction)), None
    if span.segment.kind == "hold":
        left = span.end - time
        # Show 20 at the start, 1 during the last second, as people count down.
        return span.to_pose, Countdown(max(1, math.ceil(left - 1e-9)), left / span.segment.seconds)
    return span.to_pose, None


def cue_times(video: Video) -> list[tuple[float, float, Cue]]:
    """Each caption with its start and end time, laid over the segments it belongs to."""
    timed: list[tuple[float, float, Cue]] = []
    for span in spans(video):
        cues = span.segment.cues
        if not cues:
            if timed:
                start, _, cue = timed[-1]
                timed[-1] = (start, span.end, cue)
            continue
        share = (span.end - span.start) / len(cues)
        timed.extend(
            (span.start + index * share, span.start + (index + 1) * share, cue)
            for index, cue in enumerate(cues)
        )
    return timed


def all_cues(videos: Sequence[Video]) -> list[Cue]:
    """Every caption in every video, for checking wording."""
    return [cue for video in videos for span in spans(video) for cue in span.segment.cues]
