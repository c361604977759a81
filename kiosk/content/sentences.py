"""Splitting a patient text into the sentences read aloud and highlighted one at a time.

Each sentence is kept exactly as it stands in the text (emphasis marks taken out), so the
kiosk finds it again in the words a label shows."""

from __future__ import annotations

import re

# A sentence ends at . ! ? or … (with any closing quotes or brackets) before a space, or at a
# line break. A full stop inside a number (1.5) or a web address is not followed by a space.
_END = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s)|\n+")
_EMPHASIS = re.compile(r"\*\*(.+?)\*\*")  # as the labels show it (kiosk.ui.rich_text)


def spoken_text(text: str) -> str:
    """`text` as it is read: the words, without **emphasis** marks."""
    return _EMPHASIS.sub(r"\1", text)


def sentences(text: str) -> list[str]:
    """The sentences of `text` (as written in a bundle, **emphasis** and all), in order."""
    words = spoken_text(text)
    found, start = [], 0
    for end in _END.finditer(words):
        found.append(words[start : end.end()])
        start = end.end()
    found.append(words[start:])
    return [piece.strip() for piece in found if has_words(piece)]


def has_words(text: str) -> bool:
    """Whether `text` says anything (has a letter or digit), so has a sentence to read."""
    return any(character.isalnum() for character in text)
