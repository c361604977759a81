"""Turning a phone or camera video into the kiosk's profile with PyAV: H.264 1280x720 at
30 frames a second with AAC sound, the index first (fast start), at most about 2 MB a minute.

PyAV is the optional `authoring` extra: imported only here, so the kiosk runs without it."""

from __future__ import annotations

import os
import statistics
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kiosk.authoring.errors import AuthoringError

WIDTH, HEIGHT, FPS = 1280, 720, 30
# 2 MB a minute is about 270 kbit/s in all: the picture is capped at 200 kbit/s and the sound
# takes 48. The cap only bites where a scene needs more; calm scenes come out smaller still.
VIDEO_OPTIONS = {"crf": "26", "preset": "medium", "maxrate": "200k", "bufsize": "400k"}
AUDIO_BIT_RATE = 48_000
AUDIO_RATE = 44_100
POSTER_EVERY_S = 1.0  # a candidate poster each second of the first part of the video

Progress = Callable[[float], None]  # fraction done, 0..1


@dataclass(frozen=True)
class Transcoded:
    """What came out: the file's size and length, and the poster picture written."""

    path: Path
    poster: Path
    seconds: float
    size: int

    @property
    def mb_per_minute(self) -> float:
        return self.size / 1_000_000 / max(self.seconds / 60, 1 / 60)


def load_av() -> Any:
    """PyAV, or a clear message of how to get it."""
    try:
        import av
    except ImportError:
        raise AuthoringError(
            "kiosk add-video needs PyAV to convert videos. Install it with: "
            "pip install 'knee-kiosk[authoring]' (or: pip install av)"
        ) from None
    return av


def transcode(source: Path, target: Path, poster: Path, progress: Progress | None = None):
    """Write `source` to `target` in the kiosk's profile and its best still to `poster` (PNG)."""
    av = load_av()
    try:
        container = av.open(str(source))
    except av.error.FFmpegError as error:
        raise AuthoringError(f"{source.name}: not a video this tool can read ({error})") from None
    with container:
        if not container.streams.video:
            raise AuthoringError(f"{source.name}: has no picture, only sound")
        duration = _duration(container)
        partial = target.with_name(target.name + ".partial")
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            best = _encode(av, container, partial, duration, progress or (lambda _: None))
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
    os.replace(partial, target)
    _write_png(av, best, poster)
    return Transcoded(target, poster, duration, target.stat().st_size)


def _duration(container: Any) -> float:
    if container.duration:
        return container.duration / 1_000_000  # AV_TIME_BASE
    stream = container.streams.video[0]
    return float(stream.duration * stream.time_base) if stream.duration else 0.0


def _encode(av: Any, container: Any, path: Path, duration: float, progress: Progress) -> Any:
    """Encode picture and sound; return the frame that makes the best poster."""
    source_video = container.streams.video[0]
    source_audio = container.streams.audio[0] if container.streams.audio else None
    with av.open(str(path), "w", format="mp4", options={"movflags": "+faststart"}) as output:
        video = output.add_stream("libx264", rate=FPS, options=VIDEO_OPTIONS)
        video.width, video.height, video.pix_fmt = WIDTH, HEIGHT, "yuv420p"
        audio = output.add_stream("aac", rate=AUDIO_RATE) if source_audio else None
        if audio is not None:
            audio.bit_rate = AUDIO_BIT_RATE
            audio.layout = "stereo"
        graph = _fit_graph(av, source_video)
        resampler = av.AudioResampler(format="fltp", layout="stereo", rate=AUDIO_RATE)
        picker = PosterPicker(duration)
        streams = [s for s in (source_video, source_audio) if s is not None]
        for packet in container.demux(*streams):
            for frame in packet.decode():
                if packet.stream is source_video:
                    for fitted in _filtered(graph, frame):
                        picker.offer(fitted)
                        output.mux(video.encode(fitted))
                    if duration and frame.time is not None:
                        progress(min(frame.time / duration, 0.99))
                elif audio is not None:
                    for sound in resampler.resample(frame):
                        sound.pts = None
                        output.mux(audio.encode(sound))
        for fitted in _filtered(graph, None):
            output.mux(video.encode(fitted))
        output.mux(video.encode(None))
        if audio is not None:
            output.mux(audio.encode(None))
    progress(1.0)
    return picker.best


def _fit_graph(av: Any, stream: Any) -> Any:
    """Scale to fit 1280x720 keeping the shape, pad the rest black, 30 frames a second."""
    graph = av.filter.Graph()
    source = graph.add_buffer(template=stream)
    chain = [
        ("scale", f"{WIDTH}:{HEIGHT}:force_original_aspect_ratio=decrease"),
        ("pad", f"{WIDTH}:{HEIGHT}:(ow-iw)/2:(oh-ih)/2:black"),
        ("setsar", "1"),
        ("fps", str(FPS)),
        ("format", "yuv420p"),
    ]
    last = source
    for name, arguments in chain:
        node = graph.add(name, arguments)
        last.link_to(node)
        last = node
    last.link_to(graph.add("buffersink"))
    graph.configure()
    return graph


def _filtered(graph: Any, frame: Any) -> list[Any]:
    """Push `frame` (None: the end) through the graph and take every frame it gives back."""
    import av

    graph.push(frame)
    out = []
    while True:
        try:
            out.append(graph.pull())
        except (av.error.BlockingIOError, av.error.EOFError):
            return out


class PosterPicker:
    """Keeps the frame with the most contrast among one a second in the first 60% of the
    video: not a black fade-in, not a blank wall."""

    def __init__(self, duration: float) -> None:
        self.until = duration * 0.6 if duration else float("inf")
        self.next_time = min(1.0, self.until / 2)
        self.best: Any = None
        self._score = -1.0

    def offer(self, frame: Any) -> None:
        time = frame.time if frame.time is not None else 0.0
        if self.best is not None and (time < self.next_time or time > self.until):
            return
        self.next_time = time + POSTER_EVERY_S
        luma = bytes(frame.planes[0])[::251]  # a sample of the brightness plane is enough
        score = statistics.pstdev(luma) if len(luma) > 1 else 0.0
        if score > self._score:
            self.best, self._score = frame, score


def _write_png(av: Any, frame: Any, path: Path) -> None:
    if frame is None:
        raise AuthoringError("the video has no frames to take a poster from")
    path.parent.mkdir(parents=True, exist_ok=True)
    with av.open(str(path), "w", format="image2") as output:
        stream = output.add_stream("png")
        stream.width, stream.height, stream.pix_fmt = WIDTH, HEIGHT, "rgb24"
        picture = frame.reformat(format="rgb24")
        picture.pts = None
        output.mux(stream.encode(picture))
        output.mux(stream.encode(None))


def placeholder_video(target: Path, seconds: int = 3) -> None:
    """A plain card in the kiosk's colours for a few seconds, silent: the starter's video."""
    av = load_av()
    target.parent.mkdir(parents=True, exist_ok=True)
    with av.open(str(target), "w", format="mp4", options={"movflags": "+faststart"}) as output:
        video = output.add_stream("libx264", rate=FPS, options=VIDEO_OPTIONS)
        video.width, video.height, video.pix_fmt = WIDTH, HEIGHT, "yuv420p"
        rgb = bytes((0xE4, 0xDE, 0xD2)) * (WIDTH * HEIGHT)
        for index in range(seconds * FPS):
            frame = av.VideoFrame(WIDTH, HEIGHT, "rgb24")
            frame.planes[0].update(rgb)
            frame = frame.reformat(format="yuv420p")
            frame.pts = index
            output.mux(video.encode(frame))
        output.mux(video.encode(None))
