"""Checking a bundle's narration: the index covers every text in each language it claims,
was made from the texts as they are now, and names real Opus audio of a sane length.

A clinic may put a recorded voice in place of any file: a length that differs from the
index's is accepted while it stays sane (the kiosk scales the sentence timings to it)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from kiosk.content.limits import Limits
from kiosk.content.media import Places, place_problem
from kiosk.content.model import Bundle
from kiosk.content.narration import (
    FILLED_SINCE,
    NARRATION_VERSION,
    WORDING_PREFIX,
    NarrationIndex,
    Recording,
    narrated_texts,
    text_hash,
)
from kiosk.content.ogg import NotOpus, opus_info
from kiosk.content.partial import schema_problems
from kiosk.content.problems import Problem
from kiosk.content.reading import word_count
from kiosk.content.safe_json import JsonRefused, read_json_file
from kiosk.content.sentences import spoken_text
from kiosk.content.spoken import is_filled

RUN_NARRATE = "run kiosk narrate"
# Speech is sane at 0.15 to 1.5 seconds a word (400 to 40 words a minute), give or take
# SLACK_SECONDS of pauses; a script without spaces counts a word per 6 letters.
FASTEST_SECONDS_PER_WORD = 0.15
SLOWEST_SECONDS_PER_WORD = 1.5
SLACK_SECONDS = 1.5
# A recorded voice may run this many times shorter or longer than the recording it replaces.
LENGTH_RATIO = 3.0
SENTENCE_SLACK_SECONDS = 0.05  # rounding in the index
MISSING_SHOWN = 5  # missing texts named one by one, per language; then how many more


@dataclass(frozen=True)
class NarrationCheck:
    """The index (None when absent or refused), what is wrong with it, and its files.

    Recordings of the kiosk's own wording that are missing or out of date are warnings, not
    problems: a newer kiosk may add or reword its words, and a bundle narrated before must
    stay on show. Those recordings are left out of `index`, so they are never played."""

    index: NarrationIndex | None
    problems: list[Problem]
    files: frozenset[str] = frozenset()
    warnings: list[Problem] = field(default_factory=list)


def check_narration(
    model: Bundle, root: Path, limits: Limits, missing: frozenset[str] = frozenset()
) -> NarrationCheck:
    """Read and check the narration index bundle.json names (if any) against the bundle."""
    ref = model.narration if "narration" not in missing else None
    if ref is None or place_problem(root, ref, limits):  # a bad place: reported by checks
        return NarrationCheck(None, [])
    try:
        raw = read_json_file(root / ref, limits)
        index = NarrationIndex.model_validate(raw)
    except JsonRefused as refusal:
        return NarrationCheck(None, [Problem(ref, "", str(refusal))])
    except ValidationError as error:
        return NarrationCheck(None, schema_problems(error, ref, _field))
    audio = {r.file for by_language in index.texts.values() for r in by_language.values()}
    files = frozenset({ref, *audio})
    if missing & {"languages", "interface_text", "default_language"}:
        return NarrationCheck(index, [], files)  # the texts are not all known: checked later
    checker = _IndexChecker(model, index, root, limits)
    problems = [Problem(ref, where, message) for where, message in checker.problems]
    warnings = [Problem(ref, where, message) for where, message in checker.warnings]
    playable = None if problems else _without(index, checker.unplayable)
    return NarrationCheck(playable, problems, files, warnings)


def _without(index: NarrationIndex, unplayable: set[tuple[str, str]]) -> NarrationIndex:
    texts = {
        path: {lang: r for lang, r in by_lang.items() if (path, lang) not in unplayable}
        for path, by_lang in index.texts.items()
    }
    return index.model_copy(update={"texts": texts})


def _field(loc: list) -> str:
    """An index field's name: texts["exercises[0].title"].en.file."""
    out = ""
    for position, part in enumerate(loc):
        if isinstance(part, int):
            out += f"[{part}]"
        elif position == 1 and loc[0] == "texts":
            out += f'["{part}"]'
        else:
            out += f".{part}" if out else str(part)
    return out


Found = tuple[str, str]  # (field, message)


class _IndexChecker:
    """The problems and warnings of one index; each audio file is read once."""

    def __init__(self, model: Bundle, index: NarrationIndex, root: Path, limits: Limits) -> None:
        self.model, self.index, self.root, self.limits = model, index, root, limits
        self.places = Places(root, limits)
        self._root_text = os.fspath(root)
        self.expected = narrated_texts(model, index.languages, index.narration_version)
        self._lengths: dict[str, float | str] = {}  # file: seconds, or why it is not audio
        self.problems: list[Found] = self._languages()
        self.warnings: list[Found] = self._older_version()
        self.unplayable: set[tuple[str, str]] = set()  # (path, language) left unplayed
        self._coverage()
        for path, by_language in self.index.texts.items():
            if path not in self.expected:
                message = f"is not a text of this bundle (changed or removed?): {RUN_NARRATE}"
                self._out_of_date(path, list(by_language), (_field(["texts", path]), message))
                continue
            for lang, recording in by_language.items():
                self._recording(path, lang, recording)

    def _out_of_date(self, path: str, languages: list[str], found: Found) -> None:
        """Narration of other words: the bundle's own must be made again; the kiosk's wording
        may have changed with the kiosk, so its recording is only left unplayed."""
        if path.startswith(WORDING_PREFIX):
            self.warnings.append(found)
            self.unplayable.update((path, lang) for lang in languages)
        else:
            self.problems.append(found)

    def _older_version(self) -> list[Found]:
        """An index made before the filled-in texts were narrated is still played, without
        them: a warning says how many texts it leaves unread."""
        if self.index.narration_version >= FILLED_SINCE:
            return []
        languages = self.index.languages
        unread = len(narrated_texts(self.model, languages, NARRATION_VERSION)) - len(self.expected)
        message = (
            f"is {self.index.narration_version}, made before the numbers filled in on screen "
            f'("Step 2 of 5") and the About screen were narrated: {unread} texts are not read '
            f"aloud; {RUN_NARRATE}"
        )
        return [("narration_version", message)]

    def _languages(self) -> list[Found]:
        declared = ", ".join(self.model.languages)
        return [
            (f"languages[{i}]", f"{lang} is not one of the bundle's languages ({declared})")
            for i, lang in enumerate(self.index.languages)
            if lang not in self.model.languages
        ]

    def _coverage(self) -> None:
        for lang in (lang for lang in self.index.languages if lang in self.model.languages):
            lacking = [
                path
                for path, by_language in self.expected.items()
                if lang in by_language and self.index.recording(path, lang) is None
            ]
            # A filled-in text is the bundle's numbers or words: as needed as its own texts.
            texts = [p for p in lacking if not p.startswith(WORDING_PREFIX) or is_filled(p)]
            self.problems += _lacking(texts, lang)
            self.warnings += _lacking([p for p in lacking if p not in texts], lang)

    def _recording(self, path: str, lang: str, recording: Recording) -> None:
        where = _field(["texts", path, lang])
        text = self.expected[path].get(lang)
        if text is None:
            self.problems.append((where, f"is in {lang}, which the index's languages do not list"))
            return
        if recording.text_sha256 != text_hash(text):
            message = f"narration for {path} ({lang}) was made for older text: {RUN_NARRATE}"
            self._out_of_date(path, [lang], (where, message))
            return
        words = spoken_text(text)
        sentences = _sentence_problems(recording, words)
        self.problems += [(f"{where}.sentences{f}", m) for f, m in sentences]
        if problem := self._audio_problem(recording, words):
            self.problems.append((f"{where}.file", problem))

    def _audio_problem(self, recording: Recording, words: str) -> str | None:
        file = recording.file
        if file not in self._lengths:
            self._lengths[file] = self._length(file)
        length = self._lengths[file]
        if isinstance(length, str):
            return f"{file} {length}"
        if not 1 / LENGTH_RATIO <= length / recording.seconds <= LENGTH_RATIO:
            return (
                f"{file} lasts {length:.1f} s, but it was made {recording.seconds:.1f} s long: "
                f"is it the right recording? ({RUN_NARRATE} to make it again)"
            )
        if not _sane_for_words(length, words):
            return f"{file} lasts {length:.1f} s: too short or too long to be this text read aloud"
        return None

    def _length(self, file: str) -> float | str:
        if problem := self.places.problem(file):
            return problem
        try:
            return opus_info(os.path.join(self._root_text, *file.split("/"))).seconds
        except NotOpus as why:
            return str(why)
        except OSError as error:
            return f"could not be read ({error.strerror or error})"


def _lacking(paths: list[str], lang: str) -> list[Found]:
    """The texts without narration in `lang`: a few by name, then how many more."""
    found = [("texts", f"has no narration for {p} ({lang}): {RUN_NARRATE}") for p in paths]
    if len(paths) > MISSING_SHOWN:
        more = len(paths) - MISSING_SHOWN
        found[MISSING_SHOWN:] = [("texts", f"has no narration for {more} more texts in {lang}")]
    return found


def _sentence_problems(recording: Recording, words: str) -> list[tuple[str, str]]:
    """Each sentence within the recording, after the one before, and found in its words."""
    found: list[tuple[str, str]] = []
    previous_end = 0.0
    limit = recording.seconds + SENTENCE_SLACK_SECONDS
    for number, sentence in enumerate(recording.sentences):
        if not previous_end - SENTENCE_SLACK_SECONDS <= sentence.start < sentence.end <= limit:
            message = (
                f"runs from {sentence.start:g} s to {sentence.end:g} s: a sentence must end "
                f"after it starts, after the one before, within the {recording.seconds:g} s"
            )
            found.append((f"[{number}]", message))
        if sentence.text not in words:
            found.append((f"[{number}].text", "is not in the text it belongs to"))
        previous_end = sentence.end
    return found


def _sane_for_words(seconds: float, words: str) -> bool:
    count = max(word_count(words), len("".join(words.split())) / 6)
    shortest = FASTEST_SECONDS_PER_WORD * count - SLACK_SECONDS
    longest = SLOWEST_SECONDS_PER_WORD * count + SLACK_SECONDS
    return shortest <= seconds <= longest
