"""Which way a language's text runs, and what follows it: icons that point along the reading
direction, swipes and arrow keys.

Qt mirrors layouts, alignment and progress bars by itself once a widget's layout direction is
right to left; what it cannot know is which icons point "onward" and which way a finger or an
arrow key means "next"."""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt

# Icons that point along the reading direction, each with its mirror image. Icons that show a
# thing in the world (a play triangle, a hand, a snowflake) are never mirrored.
_MIRRORED = {
    "mdi6.arrow-left": "mdi6.arrow-right",
    "mdi6.chevron-left": "mdi6.chevron-right",
    "mdi6.skip-previous": "mdi6.skip-next",
}
_MIRRORED |= {right: left for left, right in _MIRRORED.items()}


def language_direction(language: str) -> Qt.LayoutDirection:
    """Right to left for a language written that way (Arabic, Farsi, Hebrew, Urdu...), as Qt's
    locale data knows it; left to right for the rest, and for codes Qt does not know."""
    return QLocale(language).textDirection()


def is_right_to_left(language: str) -> bool:
    return language_direction(language) == Qt.LayoutDirection.RightToLeft


def opposite(direction: Qt.LayoutDirection) -> Qt.LayoutDirection:
    """The other direction: a button laid out this way shows its icon after its words."""
    if direction == Qt.LayoutDirection.RightToLeft:
        return Qt.LayoutDirection.LeftToRight
    return Qt.LayoutDirection.RightToLeft


def directed_icon(name: str, direction: Qt.LayoutDirection) -> str:
    """The icon `name` as drawn for left-to-right text, pointing the same way in `direction`:
    Back's arrow-left becomes arrow-right in Arabic."""
    if direction == Qt.LayoutDirection.RightToLeft:
        return _MIRRORED.get(name, name)
    return name


RIGHT_TO_LEFT_MARK = "\u200f"


def in_direction(text: str, direction: Qt.LayoutDirection) -> str:
    """`text` read in `direction` even when it holds no letter to say so ("1." before a step):
    Qt reads a label's direction from its first letter, so a mark leads it in right-to-left."""
    if direction == Qt.LayoutDirection.RightToLeft:
        return RIGHT_TO_LEFT_MARK + text
    return text
