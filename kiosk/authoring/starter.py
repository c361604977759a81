"""`kiosk new`: a starter bundle that validates as it is, for a clinic to fill in.

One of each item (a video, an exercise, an ice-or-heat picker, an article, a slide), drawings
made here as SVG, and a README. Words in other languages than English start as the English
placeholder marked with the language, so the preview shows what is left to translate."""

from __future__ import annotations

import shutil
from pathlib import Path

from kiosk.authoring.errors import AuthoringError
from kiosk.authoring.manifest import write_manifest
from kiosk.content.locate import builtin_bundle_dir
from kiosk.content.wording import ADDED_LATER, DEFAULT_WORDING

README = """# {title}

This folder is a content bundle for the waiting-room kiosk. Everything the kiosk shows comes
from `bundle.json` and the files beside it.

- See it as patients will, updated each time you save a file:
  `kiosk preview {folder} --watch`
- Add a video from a phone or camera (converted for you), with captions:
  `kiosk add-video {folder} my-video.mov --captions en=my-video.srt`
- Check it, then make the .zip you install on the kiosk:
  `kiosk validate {folder}` and `kiosk pack {folder} -o my-bundle.zip`

Every text has one entry per language. Texts that start as `(xx)` are placeholders still to
translate into that language. The guide for clinic staff is docs/MAKING-A-BUNDLE.md.
"""

_DRAWING = """<svg xmlns="http://www.w3.org/2000/svg" width="800" height="600"
  viewBox="0 0 800 600">
  <rect width="800" height="600" rx="40" fill="#e4ded2"/>
  <circle cx="400" cy="230" r="90" fill="#0b4f8a"/>
  <rect x="250" y="350" width="300" height="40" rx="20" fill="#0b4f8a"/>
  <text x="400" y="470" font-size="44" text-anchor="middle" fill="#1a1a1a"
    font-family="sans-serif">{words}</text>
</svg>
"""

_CAPTIONS = "WEBVTT\n\n00:00:00.000 --> 00:00:03.000\n{words}\n"


def new_bundle(folder: Path, languages: list[str], source: Path | None = None) -> Path:
    """Make a starter bundle in `folder` (new or empty); from `source` when given."""
    if folder.exists() and any(folder.iterdir()):
        raise AuthoringError(f"{folder}: is not empty; choose a new folder name")
    if source is not None:
        return _copy_bundle(source, folder)
    if not languages or len(set(languages)) != len(languages):
        raise AuthoringError("--languages: list each language once, e.g. en,es")
    folder.mkdir(parents=True, exist_ok=True)
    texts = _Texts(languages)
    _write_media(folder, texts)
    write_manifest(folder, starter_manifest(texts))
    _write_readme(folder, "New clinic bundle")
    return folder


def _copy_bundle(source: Path, folder: Path) -> Path:
    """Start from an existing bundle folder: its files, renamed as a new version to edit."""
    from kiosk.content import BundleInvalid, open_bundle

    try:
        with open_bundle(source) as loaded:
            shutil.copytree(loaded.root, folder, dirs_exist_ok=True)
            title = loaded.model.title.get(loaded.model.default_language)
    except BundleInvalid as refusal:
        raise AuthoringError(f"--from {source}: not a valid bundle:\n{refusal}") from None
    if not (folder / "README.md").exists():
        _write_readme(folder, title)
    return folder


def _write_readme(folder: Path, title: str) -> None:
    (folder / "README.md").write_text(README.format(title=title, folder=folder), encoding="utf-8")


class _Texts:
    """Placeholder words in every language of the bundle."""

    def __init__(self, languages: list[str]) -> None:
        self.languages = languages

    def __call__(self, english: str) -> dict[str, str]:
        return {lang: english if lang == "en" else f"({lang}) {english}" for lang in self.languages}

    def wording(self) -> dict[str, dict[str, str]]:
        """The kiosk's own words, for languages it does not ship with: placeholders too."""
        needed = {}
        for key, defaults in DEFAULT_WORDING.items():
            missing = [lang for lang in self.languages if lang not in defaults]
            if missing and key not in ADDED_LATER:
                needed[key] = {lang: f"({lang}) {defaults['en']}" for lang in missing}
        return needed


def _write_media(folder: Path, texts: _Texts) -> None:
    (folder / "pictures").mkdir()
    for name, words in (
        ("slide", "Your clinic"),
        ("exercise-step", "Step picture"),
        ("article", "Article picture"),
        ("poster", "Video poster"),
    ):
        (folder / "pictures" / f"{name}.svg").write_text(_DRAWING.format(words=words), "utf-8")
    (folder / "videos").mkdir()
    _starter_video(folder / "videos" / "welcome.mp4")
    for lang in texts.languages:
        words = texts("Replace this video with kiosk add-video.")[lang]
        (folder / "videos" / f"welcome.{lang}.vtt").write_text(
            _CAPTIONS.format(words=words), "utf-8"
        )


def _starter_video(target: Path) -> None:
    """A few seconds of a plain card, made with PyAV when it is installed; else a copy of a
    built-in video, so the starter plays either way."""
    try:
        from kiosk.authoring.transcode import placeholder_video

        placeholder_video(target)
    except ImportError:
        builtin = builtin_bundle_dir() / "videos"
        shutil.copyfile(min(builtin.glob("*.mp4"), key=lambda p: p.stat().st_size), target)


def starter_manifest(t: _Texts) -> dict:
    """bundle.json of the starter: every section, one item in each."""
    languages = t.languages
    return {
        "schema_version": 1,
        "id": "my-clinic",
        "version": "0.1",
        "title": t("My clinic"),
        "clinic": {"name": t("My clinic")},
        "languages": languages,
        "default_language": languages[0],
        "safety_note": t("General advice only. Ask your practitioner what suits you."),
        # What "Stop — this hurts" shows: a clinic rewrites it in its own words.
        "stop_guidance": {
            "title": t("Stop now"),
            "steps": [
                t("Stop the move you are doing."),
                t("Sit down and rest."),
            ],
            "tell_us": t("Tell the front desk what happened."),
        },
        "home": {
            "greeting": t("Welcome! Tap a button to start."),
            "tiles": [
                {"target": "videos", "label": t("Videos"), "icon": "mdi6.play-circle-outline"},
                {"target": "exercises", "label": t("Exercises"), "icon": "mdi6.run"},
                {"target": "picker", "label": t("Ice or heat?"), "icon": "mdi6.thermometer"},
                {"target": "articles", "label": t("Learn more"), "icon": "mdi6.book-open-variant"},
            ],
        },
        "attract": {
            "slides": [
                {
                    "title": t("Welcome"),
                    "text": t("Touch the screen to start."),
                    "icon": "mdi6.hand-wave",
                },
                {"text": t("Write a short tip here."), "image": "pictures/slide.svg"},
            ]
        },
        "videos": {
            "title": t("Videos"),
            "caution": {
                "title": t("Before you start"),
                "body": [{"kind": "paragraph", "text": t("Stop if anything hurts.")}],
            },
            "closing": {
                "title": t("Well done"),
                "body": [{"kind": "paragraph", "text": t("Ask us if you have questions.")}],
            },
            "items": [
                {
                    "id": "welcome",
                    "title": t("Welcome video"),
                    "file": "videos/welcome.mp4",
                    "captions": {lang: f"videos/welcome.{lang}.vtt" for lang in languages},
                    "poster": "pictures/poster.svg",
                }
            ],
        },
        "exercises": [_exercise(t)],
        "picker": _picker(t),
        "articles": [
            {
                "id": "first-article",
                "title": t("Article title"),
                "summary": t("One line about the article."),
                "illustration": "pictures/article.svg",
                "body": [
                    {"kind": "paragraph", "text": t("Write the article here, in short sentences.")},
                    {"kind": "bullets", "items": [t("A first point."), t("A second point.")]},
                ],
            }
        ],
        "interface_text": t.wording(),
    }


def _exercise(t: _Texts) -> dict:
    return {
        "id": "first-exercise",
        "title": t("Exercise name"),
        "summary": t("What it does, in one line."),
        "muscles": [t("The muscle it works")],
        "sets": 1,
        "repetitions": 5,
        "hold_seconds": 5,
        "rest_seconds": 10,
        "steps": [
            {
                "illustration": "pictures/exercise-step.svg",
                "instruction": t("Get ready."),
                "setup": True,
            },
            {
                "illustration": "pictures/exercise-step.svg",
                "instruction": t("Hold the stretch."),
                "hold": True,
            },
        ],
        "stop_if": [t("It hurts more.")],
    }


def _picker(t: _Texts) -> dict:
    return {
        "title": t("Ice or heat?"),
        "intro": t("Answer a question to find out."),
        "disclaimer": t("This is general advice, not a diagnosis."),
        "nodes": {
            "start": {
                "kind": "question",
                "text": t("Is it a new injury?"),
                "answers": [
                    {"id": "yes", "label": t("Yes"), "next": "use-ice"},
                    {"id": "no", "label": t("No"), "next": "use-heat"},
                ],
            },
            "use-ice": {
                "kind": "result",
                "outcome": "ice",
                "title": t("Use ice"),
                "summary": t("Cold calms a new injury."),
                "what_to_do": [t("Wrap the ice in a cloth."), t("Hold it on for 15 minutes.")],
            },
            "use-heat": {
                "kind": "result",
                "outcome": "heat",
                "title": t("Use heat"),
                "summary": t("Warmth eases stiffness."),
            },
        },
        "cases": [
            {"answers": ["yes"], "result": "use-ice", "why": "A new injury: cold calms it."},
            {"answers": ["no"], "result": "use-heat", "why": "Stiffness: heat eases it."},
        ],
    }
