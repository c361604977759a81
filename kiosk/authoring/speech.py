"""Speaking a sentence with espeak-ng, into 16-bit mono samples that can be measured and joined.

espeak-ng is a Debian package (espeak-ng), run as a program: `--stdout` gives a WAV file of
the sentence, read from standard input so no text is ever taken for an option."""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import sys
from array import array
from dataclasses import dataclass
from functools import cache
from typing import Protocol

from kiosk.authoring.errors import AuthoringError

DEFAULT_VOICES = {"en": "en-us", "es": "es-419"}
SILENCE = 300  # a sample under this (of 32767) is silence, when trimming a sentence's ends
ESPEAK_SECONDS = 60  # a sentence that takes longer than this to speak has hung espeak-ng


@dataclass(frozen=True)
class Pcm:
    """Mono 16-bit samples at `rate` per second."""

    samples: array
    rate: int

    @property
    def seconds(self) -> float:
        return len(self.samples) / self.rate

    def trimmed(self) -> Pcm:
        """Without the silence before the first sound and after the last."""
        samples = self.samples
        first = next((i for i, sample in enumerate(samples) if abs(sample) >= SILENCE), None)
        if first is None:
            return Pcm(array("h"), self.rate)
        last = next(i for i in range(len(samples) - 1, -1, -1) if abs(samples[i]) >= SILENCE)
        return Pcm(samples[first : last + 1], self.rate)


class Voice(Protocol):
    """What speaks one language's sentences."""

    @property
    def name(self) -> str:
        """What made the speech, for the index and for naming files (a new voice, new files)."""
        ...

    def speak(self, sentence: str) -> Pcm: ...


class EspeakVoice:
    """One of espeak-ng's voices (en-us, es-419, vi, ...)."""

    def __init__(self, voice: str) -> None:
        self.voice = voice
        self.name = f"espeak-ng {voice}"

    def speak(self, sentence: str) -> Pcm:
        try:
            done = subprocess.run(
                [espeak_program(), "-v", self.voice, "--stdout"],
                input=sentence.encode("utf-8"),
                capture_output=True,
                timeout=ESPEAK_SECONDS,
                check=False,
            )
        except subprocess.TimeoutExpired:
            raise AuthoringError(f"espeak-ng took over {ESPEAK_SECONDS} s on: {sentence}") from None
        if done.returncode != 0:
            said = done.stderr.decode("utf-8", "replace").strip()
            raise AuthoringError(f"espeak-ng could not speak with voice {self.voice}: {said}")
        return parse_wav(done.stdout)


def espeak_program() -> str:
    """espeak-ng's path, or a clear message of how to get it."""
    program = shutil.which("espeak-ng")
    if program is None:
        raise AuthoringError(
            "kiosk narrate needs espeak-ng to speak the texts. Install it with: "
            "sudo apt-get install espeak-ng"
        )
    return program


@cache
def espeak_voices() -> dict[str, str]:
    """Each voice espeak-ng has here, by its own name and by every language it speaks (the
    best one for that language): {"en-us": "en-us", "fr-fr": "fr-fr", "fr": "fr-fr", ...}."""
    listing = subprocess.run(
        [espeak_program(), "--voices"], capture_output=True, text=True, check=True
    ).stdout
    own: dict[str, str] = {}
    ranked: list[tuple[int, str, str]] = []  # (priority, language, voice)
    # Columns: Pty Language Age/Gender VoiceName File, then (language priority) pairs.
    for line in listing.splitlines()[1:]:
        columns = line.split()
        if len(columns) < 5 or not columns[0].isdigit():
            continue
        voice = columns[1]
        own[voice] = voice
        ranked.append((int(columns[0]), voice, voice))
        for lang, priority in _OTHER_LANGUAGE.findall(line):
            ranked.append((int(priority), lang, voice))
    best: dict[str, str] = {}
    for _, lang, voice in sorted(ranked):
        best.setdefault(lang, voice)
    return {**best, **own}


_OTHER_LANGUAGE = re.compile(r"\(([a-z-]+) (\d+)\)")


def voices_for(languages: list[str], chosen: dict[str, str]) -> dict[str, Voice]:
    """The voice for each language: as `chosen`, else the default (en: en-us, es: es-419),
    else espeak-ng's best voice for the language's code."""
    found: dict[str, Voice] = {}
    have = espeak_voices()
    for lang in languages:
        name = chosen.get(lang) or DEFAULT_VOICES.get(lang) or lang
        if name not in have:
            raise AuthoringError(
                f"espeak-ng has no voice {name!r} for the language {lang}: choose one with "
                f"--voice {lang}=NAME (espeak-ng --voices lists them)"
            )
        found[lang] = EspeakVoice(have[name])
    return found


def parse_wav(data: bytes) -> Pcm:
    """The samples of a 16-bit mono WAV file; espeak-ng's --stdout leaves its sizes unset, so
    the sound runs to the end of the data."""
    if data[:4] != b"RIFF" or data[8:12] != b"WAVE":
        raise AuthoringError("espeak-ng did not give a WAV file")
    offset, rate, bits, channels = 12, 0, 0, 0
    while offset + 8 <= len(data):
        kind, size = struct.unpack_from("<4sI", data, offset)
        if kind == b"fmt ":
            channels, rate = struct.unpack_from("<HI", data, offset + 10)
            bits = struct.unpack_from("<H", data, offset + 22)[0]
        elif kind == b"data":
            if (channels, bits) != (1, 16):
                raise AuthoringError(f"espeak-ng gave {channels} channels of {bits} bits")
            samples = array("h", data[offset + 8 : len(data) - (len(data) - offset - 8) % 2])
            if sys.byteorder == "big":
                samples.byteswap()
            return Pcm(samples, rate)
        offset += 8 + size
    raise AuthoringError("espeak-ng gave a WAV file without sound")
