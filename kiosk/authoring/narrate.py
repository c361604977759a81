"""`kiosk narrate`: speak every patient text of a bundle ahead of time, for read-aloud.

Each text is cut into sentences; each sentence is spoken and measured; the sentences are
joined with short pauses and encoded as one small Opus file per text and language. A file is
named by what it says and who says it, so a text that has not changed is not spoken again,
and a recording a clinic put in its place is kept. The narration index is written last."""

from __future__ import annotations

import hashlib
import json
import re
from array import array
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from kiosk.authoring.errors import AuthoringError
from kiosk.authoring.manifest import read_manifest, write_manifest
from kiosk.authoring.opus import encode_opus
from kiosk.authoring.speech import Pcm, Voice
from kiosk.content.loader import inspect_bundle
from kiosk.content.model import Bundle
from kiosk.content.narration import (
    NARRATION_VERSION,
    NarrationIndex,
    Recording,
    Sentence,
    narrated_texts,
    text_hash,
)
from kiosk.content.sentences import sentences, spoken_text

INDEX_REF = "narration/index.json"
RENDER_VERSION = 1  # part of every file's name: raise it when the rendering changes
PAUSE_SECONDS = 0.35  # between two sentences of a text
LEAD_SECONDS = 0.05  # before the first, so a player's start does not clip it
_MADE_HERE = re.compile(r"^[0-9a-f]{16}\.opus$")  # the names this command gives its files

Progress = Callable[[float], None]
Encoder = Callable[[Pcm, Path], None]


@dataclass
class Narrated:
    """What a run did: texts spoken anew, texts whose file was kept, old files removed, and
    the files' count, length and size."""

    spoken: int = 0
    kept: int = 0
    removed: int = 0
    files: int = 0
    seconds: float = 0.0
    bytes: int = 0

    @property
    def kb_per_second(self) -> float:
        return self.bytes / 1000 / max(self.seconds, 0.001)


def narrate(
    folder: Path,
    voices: dict[str, Voice],
    progress: Progress | None = None,
    encode: Encoder = encode_opus,
) -> Narrated:
    """Narrate the bundle in `folder` in each language of `voices`; write its index.

    `encode` writes one recording's sound to its file (Opus in Ogg, unless a test says)."""
    model = _valid_but_for_narration(folder)
    unknown = [lang for lang in voices if lang not in model.languages]
    if unknown:
        raise AuthoringError(f"{', '.join(unknown)}: not among the bundle's languages")
    index_ref = model.narration or INDEX_REF
    known = _recordings_by_file(_old_index(folder / index_ref))
    texts = narrated_texts(model, list(voices))
    jobs = [(path, lang, text) for path, by_lang in texts.items() for lang, text in by_lang.items()]
    done, entries = Narrated(), {}
    for number, (path, lang, text) in enumerate(jobs):
        recording = _recording(folder, voices[lang], lang, text, known, done, encode)
        entries.setdefault(path, {})[lang] = recording
        if progress:
            progress((number + 1) / len(jobs))
    index = NarrationIndex(
        narration_version=NARRATION_VERSION,
        languages=list(voices),
        voices={lang: voice.name for lang, voice in voices.items()},
        texts=entries,
    )
    _write_index(folder, index_ref, index)
    done.removed = _remove_unused(folder, index)
    _count(folder, index, done)
    return done


def _valid_but_for_narration(folder: Path) -> Bundle:
    """The bundle's model, if nothing but its narration is wrong (out of date, most often)."""
    seen = inspect_bundle(folder)
    index_ref = seen.model.narration if seen.model is not None else None
    problems = [p for p in seen.problems if p.file != index_ref and p.path != "narration"]
    if problems or seen.model is None:
        shown = "\n  ".join(map(str, problems[:10]))
        raise AuthoringError(f"{folder}: fix the bundle first (kiosk validate):\n  {shown}")
    return seen.model


def _recording(
    folder: Path,
    voice: Voice,
    lang: str,
    text: str,
    known: dict[str, Recording],
    done: Narrated,
    encode: Encoder,
) -> Recording:
    """The recording of `text`: one already made (or put in its place), else a new one.

    `known` holds the recordings made so far by file; a new one is added to it."""
    key = f"{RENDER_VERSION}\n{voice.name}\n{spoken_text(text)}".encode()
    ref = f"narration/{lang}/{hashlib.sha256(key).hexdigest()[:16]}.opus"
    if ref in known and (folder / ref).is_file():
        done.kept += 1
    else:
        pcm, timings = _speak(voice, sentences(text))
        (folder / ref).parent.mkdir(parents=True, exist_ok=True)
        encode(pcm, folder / ref)
        done.spoken += 1
        known[ref] = Recording(
            file=ref, seconds=round(pcm.seconds, 3), text_sha256="0" * 64, sentences=timings
        )
    return known[ref].model_copy(update={"text_sha256": text_hash(text)})


def _recordings_by_file(index: NarrationIndex | None) -> dict[str, Recording]:
    return {} if index is None else {r.file: r for r in _all(index)}


def _speak(voice: Voice, parts: list[str]) -> tuple[Pcm, list[Sentence]]:
    """The sentences spoken one after another, with a pause between; and when each is said."""
    rate, joined, timings = 0, array("h"), []
    for sentence in parts:
        spoken = voice.speak(sentence).trimmed()
        if rate and spoken.rate != rate:
            raise AuthoringError(f"{voice.name} changed its sample rate mid-text")
        rate = spoken.rate
        joined.extend([0] * round((PAUSE_SECONDS if timings else LEAD_SECONDS) * rate))
        start = len(joined) / rate
        joined.extend(spoken.samples)
        timings.append(
            Sentence(start=round(start, 3), end=round(len(joined) / rate, 3), text=sentence)
        )
    joined.extend([0] * round(LEAD_SECONDS * rate))
    return Pcm(joined, rate), timings


def _old_index(path: Path) -> NarrationIndex | None:
    """The index a previous run wrote, to find what need not be spoken again."""
    try:
        return NarrationIndex.model_validate_json(path.read_bytes())
    except (OSError, ValueError):
        return None  # none yet, or unreadable: everything is spoken anew


def _write_index(folder: Path, index_ref: str, index: NarrationIndex) -> None:
    path = folder / index_ref
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(index.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n"
    partial = path.with_name(path.name + ".partial")
    partial.write_text(text, encoding="utf-8")
    partial.replace(path)
    manifest = read_manifest(folder)
    if manifest.get("narration") != index_ref:
        manifest["narration"] = index_ref
        write_manifest(folder, manifest)


def _remove_unused(folder: Path, index: NarrationIndex) -> int:
    """Remove files this command made earlier that the index no longer names."""
    used = {(folder / r.file).resolve() for r in _all(index)}
    removed = 0
    for path in (folder / "narration").glob("*/*.opus"):
        if _MADE_HERE.match(path.name) and path.resolve() not in used:
            path.unlink()
            removed += 1
    return removed


def _count(folder: Path, index: NarrationIndex, done: Narrated) -> None:
    files = {r.file: r.seconds for r in _all(index)}
    done.files = len(files)
    done.seconds = sum(files.values())
    done.bytes = sum((folder / ref).stat().st_size for ref in files)


def _all(index: NarrationIndex) -> list[Recording]:
    return [r for by_language in index.texts.values() for r in by_language.values()]
