"""Encoding frames and a soundtrack as a small H.264/AAC MP4 that starts playing at once."""

from __future__ import annotations

import os
from array import array
from collections.abc import Iterable
from fractions import Fraction
from pathlib import Path

import av
from av.video.reformatter import Colorspace

from tools.author.sound import RATE

FPS = 30
# Flat drawings compress very well; this quality keeps edges clean and files far below 2 MB.
X264_OPTIONS = {"crf": "23", "preset": "slow", "tune": "animation"}
BT709 = 1  # the colour standard HD players assume; tagged so they need not guess
AUDIO_CHUNK = 1024  # samples per AAC frame


def encode_mp4(
    path: Path, frames: Iterable[bytes], size: tuple[int, int], soundtrack: array
) -> None:
    """Write `frames` (32-bit BGRX pixel rows, top first) at FPS with `soundtrack` (mono, 16-bit).

    The file is written beside `path` and moved into place only when complete.
    """
    width, height = size
    partial = path.with_name(path.name + ".partial")
    path.parent.mkdir(parents=True, exist_ok=True)
    # faststart puts the index first, so playback can begin before the whole file is read.
    with av.open(str(partial), "w", format="mp4", options={"movflags": "+faststart"}) as output:
        video = output.add_stream("libx264", rate=FPS, options=X264_OPTIONS)
        video.width, video.height, video.pix_fmt = width, height, "yuv420p"
        context = video.codec_context
        context.colorspace = context.color_primaries = context.color_trc = BT709
        audio = output.add_stream("aac", rate=RATE)
        audio.layout = "mono"
        audio.bit_rate = 64_000

        sent = 0  # audio samples encoded so far; kept level with the pictures
        for index, pixels in enumerate(frames):
            frame = av.VideoFrame(width, height, "bgra")
            frame.planes[0].update(pixels)
            frame = frame.reformat(format="yuv420p", dst_colorspace=Colorspace.ITU709)
            frame.pts = index
            frame.time_base = Fraction(1, FPS)
            output.mux(video.encode(frame))
            due = min(len(soundtrack), round((index + 1) * RATE / FPS))
            while sent + AUDIO_CHUNK <= due:
                output.mux(audio.encode(_audio_frame(soundtrack, sent)))
                sent += AUDIO_CHUNK
        while sent < len(soundtrack):
            output.mux(audio.encode(_audio_frame(soundtrack, sent)))
            sent += AUDIO_CHUNK
        output.mux(video.encode(None))
        output.mux(audio.encode(None))
    os.replace(partial, path)


def _audio_frame(samples: array, start: int) -> av.AudioFrame:
    chunk = samples[start : start + AUDIO_CHUNK]
    frame = av.AudioFrame(format="s16", layout="mono", samples=len(chunk))
    frame.planes[0].update(chunk.tobytes())
    frame.sample_rate = RATE
    frame.pts = start
    frame.time_base = Fraction(1, RATE)
    return frame
