"""The narration index: recorded speech for a bundle's patient texts, made ahead by
`kiosk narrate` and played by read-aloud.

The index (e.g. narration/index.json, named by bundle.json's `narration`) maps each text, by
its place in bundle.json (`exercises[0].steps[1].instruction`) or the kiosk's own wording
(`wording.stop_if`), and by language, to a recording: its audio file, its length, a hash of
the exact text it was made from, and where each sentence starts and ends in it."""

from __future__ import annotations

import hashlib
from typing import Annotated, Literal

from pydantic import Field

from kiosk.content.filled import filled_texts
from kiosk.content.model import Bundle, LanguageCode, MediaRef, Strict
from kiosk.content.problems import format_path
from kiosk.content.reading import patient_text_values
from kiosk.content.sentences import has_words
from kiosk.content.spoken import WORDING_PREFIX as WORDING_PREFIX
from kiosk.content.spoken import wording_path
from kiosk.content.wording import fixed_wording_keys, interface_word

# 1: the bundle's texts and the kiosk's fixed wording. 2: also every text with numbers or
# bundle words filled in (wording.step_of(n=2,total=5)) and the About screen's lines.
NARRATION_VERSION = 2
FILLED_SINCE = 2
MAX_SECONDS = 3600.0


class AudioFile(MediaRef):
    kind = "narration audio"
    extensions = (".opus", ".ogg")


Seconds = Annotated[float, Field(ge=0, le=MAX_SECONDS)]


class Sentence(Strict):
    """One sentence of a recording: when it is said, and its words as the text has them."""

    start: Seconds
    end: Seconds
    text: str = Field(min_length=1, max_length=4000)


class Recording(Strict):
    """One text in one language, read aloud."""

    file: AudioFile = Field(description="Opus audio in an Ogg file (.opus), in the bundle.")
    seconds: float = Field(gt=0, le=MAX_SECONDS, description="Its length as made.")
    text_sha256: str = Field(
        pattern=r"^[0-9a-f]{64}$",
        description="SHA-256 of the text as bundle.json (or the kiosk's wording) has it, in "
        "UTF-8: a text changed since is narrated again.",
    )
    sentences: list[Sentence] = Field(min_length=1, max_length=400)


class NarrationIndex(Strict):
    """The whole narration index file."""

    narration_version: Literal[1, 2] = Field(
        description="2 covers the filled-in texts too; 1 (older) is still read, without them."
    )
    languages: list[LanguageCode] = Field(
        min_length=1, max_length=10, description="The languages narrated: each covers every text."
    )
    voices: dict[LanguageCode, Annotated[str, Field(max_length=200)]] = Field(
        default_factory=dict, description="What read each language, for people (e.g. espeak-ng)."
    )
    texts: dict[Annotated[str, Field(min_length=1, max_length=300)], dict[LanguageCode, Recording]]

    def recording(self, path: str, language: str) -> Recording | None:
        """The recording of the text at `path` in `language`, if there is one."""
        return self.texts.get(path, {}).get(language)


def text_hash(text: str) -> str:
    """The hash a recording keeps of the text it was made from."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def narrated_texts(
    model: Bundle, languages: list[str], version: int = NARRATION_VERSION
) -> dict[str, dict[str, str]]:
    """Every text an index of `version` reads aloud, by path and then language, as
    bundle.json has it: each patient text and each fixed wording, in `languages`, and from
    version 2 each filled-in text (kiosk.content.filled). Texts without words are left out."""
    found: dict[str, dict[str, str]] = {}
    for loc, text in patient_text_values(model):
        found[format_path(loc)] = {lang: text.root[lang] for lang in languages if lang in text.root}
    for key in fixed_wording_keys():
        found[wording_path(key)] = {lang: interface_word(model, key, lang) for lang in languages}
    if version >= FILLED_SINCE:
        for path, by_language in filled_texts(model, languages).items():
            found.setdefault(path, {}).update(by_language)
    return {
        path: spoken
        for path, by_language in found.items()
        if (spoken := {lang: text for lang, text in by_language.items() if has_words(text)})
    }
