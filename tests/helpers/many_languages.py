"""A bundle in eight languages, for the top bar and its language chooser: the Arabic test bundle
with six more, each naming itself in its own words. Their other texts are the English ones:
what is tested is the bar and the chooser, not the words."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from kiosk.content.wording import DEFAULT_WORDING
from tests.helpers.places import TESTS_DIR

ARABIC_BUNDLE = TESTS_DIR / "bundles" / "arabic"
# Each added language's name for itself, as the chooser shows it (Farsi is right to left too).
ADDED = {
    "es": "Español",
    "vi": "Tiếng Việt",
    "fa": "فارسی",
    "ru": "Русский",
    "tl": "Tagalog",
    "so": "Soomaali",
}
NAMES = {"ar": "العربية", "en": "English", **ADDED}


def eight_language_bundle(target: Path) -> Path:
    """Write the eight-language bundle into the folder `target` (made here); returns it."""
    shutil.copytree(ARABIC_BUNDLE, target)
    manifest = target / "bundle.json"
    data = json.loads(manifest.read_text(encoding="utf-8"))
    data["languages"] = [*data["languages"], *ADDED]
    data["interface_text"] = {
        key: {**text, **{lang: _wording(key, lang) for lang in ADDED}}
        for key, text in data["interface_text"].items()
    }
    data = _with_languages(data)
    manifest.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    return target


def _wording(key: str, language: str) -> str:
    if key == "language_name":
        return ADDED[language]
    return DEFAULT_WORDING[key].get(language) or DEFAULT_WORDING[key]["en"]


def _with_languages(value: Any) -> Any:
    """Every text (and caption list) given in Arabic and English gets the English words in
    each added language too."""
    if isinstance(value, dict):
        if set(value) == {"ar", "en"}:
            return {**value, **dict.fromkeys(ADDED, value["en"])}
        return {key: _with_languages(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_with_languages(item) for item in value]
    return value
