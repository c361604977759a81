"""Narration for test bundles, made in a moment: a tone stands for each sentence (0.3 s a
word) and the files are Ogg containers of that length (tests.helpers.ogg), not encoded sound.

What `kiosk narrate` does around the voice and the encoder (sentences, timings, names, the
index) is the real thing; tests/authoring/test_narrate.py runs espeak-ng and Opus too."""

from __future__ import annotations

from array import array
from pathlib import Path

from kiosk.authoring.narrate import narrate
from kiosk.authoring.speech import Pcm
from kiosk.content.reading import word_count
from tests.helpers.ogg import ogg_opus

RATE = 8000
SECONDS_PER_WORD = 0.3


class ToneVoice:
    """Says every sentence as a beep of 0.3 s a word."""

    name = "test tone"

    def speak(self, sentence: str) -> Pcm:
        period = array("h", [8000] * 10 + [-8000] * 10)
        length = round(max(1, word_count(sentence)) * SECONDS_PER_WORD * RATE)
        return Pcm((period * (length // len(period) + 1))[:length], RATE)


def container_only(pcm: Pcm, target: Path) -> None:
    """An Ogg file as long as `pcm`, with filler for sound."""
    target.write_bytes(ogg_opus(pcm.seconds))


def narrate_with_tones(folder: Path, languages: list[str], playable: bool = False) -> None:
    """Narrate the bundle in `folder` in `languages`, at once; `playable`: as real Opus audio
    (the tones encoded, as kiosk narrate encodes speech), for tests that play it."""
    voices = {lang: ToneVoice() for lang in languages}
    if playable:
        narrate(folder, voices)
    else:
        narrate(folder, voices, encode=container_only)
