"""Encoding speech small: Opus in an Ogg file, mono, tuned for voice, through PyAV.

About 20 kbit/s (2.5 KB a second of speech, with the container), which keeps a voice clear;
PyAV's own FFmpeg has libopus, so no program beyond espeak-ng is needed."""

from __future__ import annotations

from pathlib import Path

from kiosk.authoring.errors import AuthoringError
from kiosk.authoring.speech import Pcm
from kiosk.authoring.transcode import load_av

BIT_RATE = 20_000
OPUS_RATE = 24_000  # libopus takes 8, 12, 16, 24 or 48 kHz; espeak-ng speaks at 22.05 kHz
# voip: libopus's tuning for speech; 60 ms frames: fewer packets, so less container overhead.
OPTIONS = {"application": "voip", "frame_duration": "60", "vbr": "on"}


def encode_opus(pcm: Pcm, target: Path) -> None:
    """Write `pcm` to `target` as Opus in Ogg; a partial file never takes the target's name."""
    av = load_av()
    partial = target.with_name(target.name + ".partial")
    try:
        with av.open(str(partial), "w", format="ogg") as container:
            stream = container.add_stream("libopus", rate=OPUS_RATE, layout="mono")
            stream.bit_rate = BIT_RATE
            stream.codec_context.options = dict(OPTIONS)
            resampler = av.AudioResampler(format="s16", layout="mono", rate=OPUS_RATE)
            for frame in [*resampler.resample(_frame(av, pcm)), *resampler.resample(None)]:
                for packet in stream.encode(frame):
                    container.mux(packet)
            for packet in stream.encode(None):
                container.mux(packet)
    except av.error.FFmpegError as error:
        partial.unlink(missing_ok=True)
        raise AuthoringError(f"{target.name}: could not be encoded as Opus ({error})") from None
    partial.replace(target)


def _frame(av, pcm: Pcm):
    frame = av.AudioFrame(format="s16", layout="mono", samples=len(pcm.samples))
    frame.sample_rate = pcm.rate
    frame.planes[0].update(pcm.samples.tobytes())
    return frame
