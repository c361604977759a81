"""The letters each language of a bundle is written in: its texts and the kiosk's own words,
so the UI can draw a language in one font that has every one of them."""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING

from kiosk.content.wording import DEFAULT_WORDING, literal_text

if TYPE_CHECKING:
    from kiosk.content.loader import LoadedBundle


def letters_of(bundle: LoadedBundle, language: str) -> frozenset[str]:
    """Every letter (and combining mark) a patient reads in `language`: digits, punctuation
    and spaces are left out, as any font draws them alike."""
    from kiosk.content.model import Text, walk

    texts = [
        text.root.get(language, "")
        for where, text in walk(bundle.model)
        if isinstance(text, Text) and where[:1] != ("interface_text",)  # taken below
    ]
    texts += [literal_text(bundle.wording(key, language)) for key in DEFAULT_WORDING]
    return frozenset(c for text in texts for c in text if unicodedata.category(c)[0] in "LM")
