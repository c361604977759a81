"""Source material for the authoring tests, made on the spot: a phone-like video that is not
H.264 (MPEG-4 Part 2 picture, MP2 sound, in an AVI), and SubRip captions."""

from __future__ import annotations

import math
from array import array
from fractions import Fraction
from pathlib import Path

SRT = """1
00:00:00,500 --> 00:00:02,000
Sit tall in a chair.

2
00:00:02,500 --> 00:00:04,000
Slowly straighten one knee.
"""


def make_camera_clip(path: Path, seconds: float = 4.0, size=(640, 480), fps: int = 25) -> Path:
    """A clip with moving colour bands and a tone, in codecs the kiosk does not play."""
    import av

    width, height = size
    with av.open(str(path), "w") as output:
        video = output.add_stream("mpeg4", rate=fps)
        video.width, video.height, video.pix_fmt = width, height, "yuv420p"
        audio = output.add_stream("mp2", rate=44100)
        audio.layout = "mono"
        for index in range(int(seconds * fps)):
            frame = av.VideoFrame(width, height, "rgb24")
            frame.planes[0].update(_bands(width, height, index))
            frame = frame.reformat(format="yuv420p")
            frame.pts, frame.time_base = index, Fraction(1, fps)
            output.mux(video.encode(frame))
        output.mux(video.encode(None))
        chunk = 1152
        for start in range(0, int(seconds * 44100), chunk):
            samples = array(
                "h",
                (
                    int(8000 * math.sin(2 * math.pi * 440 * (start + i) / 44100))
                    for i in range(chunk)
                ),
            )
            sound = av.AudioFrame(format="s16", layout="mono", samples=chunk)
            sound.planes[0].update(samples.tobytes())
            sound.sample_rate, sound.pts, sound.time_base = 44100, start, Fraction(1, 44100)
            output.mux(audio.encode(sound))
        output.mux(audio.encode(None))
    return path


def _bands(width: int, height: int, index: int) -> bytes:
    """Vertical colour bands that slide with `index`, darker for the first few frames."""
    fade = min(1.0, 0.1 + index / 20)
    row = bytearray()
    for x in range(width):
        band = ((x + index * 8) // 80) % 4
        colour = ((200, 40, 40), (40, 160, 60), (30, 60, 200), (230, 220, 200))[band]
        row += bytes(int(c * fade) for c in colour)
    return bytes(row) * height
