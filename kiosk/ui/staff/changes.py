"""What new content changes, shown to staff before it goes live, and the reviews that ran out."""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QFrame, QVBoxLayout

from kiosk.content import BundleInvalid, LoadedBundle, load_bundle
from kiosk.content.diff import diff_bundles, diff_lines
from kiosk.content.review import overdue_items, reviewable_items
from kiosk.ui.theme import Theme
from kiosk.ui.tokens import Space
from kiosk.ui.widgets import card, label

log = logging.getLogger(__name__)

MOST_LINES = 30  # a card, not a report: `kiosk diff` prints the rest


class ChangesCache:
    """The diff of the content on show against an installed folder, worked out once per pair
    (loading and comparing the built-in bundle takes about 60 ms)."""

    def __init__(self) -> None:
        self._lines: dict[tuple[Path, Path], list[str]] = {}

    def lines(self, shown: LoadedBundle, folder: Path) -> list[str]:
        key = (shown.root, folder)
        if key not in self._lines:
            self._lines[key] = _describe(shown, folder)
        return self._lines[key]


def _describe(shown: LoadedBundle, folder: Path) -> list[str]:
    try:
        return diff_lines(diff_bundles(shown, load_bundle(folder)))
    except (BundleInvalid, OSError) as error:
        log.warning("could not compare %s with the content on show: %s", folder, error)
        return ["The changes could not be worked out; the content was checked and is fine."]


def changes_card(theme: Theme, lines: list[str]) -> QFrame:
    """The diff's lines in a card headed "What changes"."""
    frame, body = titled_card(theme, "What changes")
    first, rest = lines[0], lines[1:MOST_LINES]
    # "What changes from clinic-a 1.0 to clinic-a 1.1:" under the heading "What changes"
    body.addWidget(label("From " + first.removeprefix("What changes from ").rstrip(":"), "muted"))
    for line in rest:
        body.addWidget(label(line))
    if len(lines) > MOST_LINES:
        more = len(lines) - MOST_LINES
        body.addWidget(label(f"…and {more} more lines: kiosk diff prints them all.", "muted"))
    frame.setAccessibleName("What changes")
    return frame


def reviews_card(theme: Theme, shown: LoadedBundle, today: date) -> QFrame:
    """The items of the content on show whose review date has passed, or that all are in date."""
    model = shown.model
    language = model.default_language
    overdue = overdue_items(model, today)
    frame, body = titled_card(theme, "Reviews due")
    frame.setAccessibleName("Reviews due")
    if not overdue:
        body.addWidget(label("No item is past its review date.", "muted"))
    for item in overdue:
        review = item.review
        assert review is not None  # overdue items have a review
        name = item.name(language)
        line = label(
            f"{name[0].upper()}{name[1:]}: review was due {review.review_by:%d %b %Y} "
            f"(last reviewed by {review.reviewed_by} on {review.reviewed_on:%d %b %Y})"
        )
        line.setAccessibleName(f"Overdue: {item.kind} {item.item_id}")
        body.addWidget(line)
    unreviewed = sum(item.review is None for item in reviewable_items(model))
    if unreviewed:
        body.addWidget(label(f"{unreviewed} item(s) have no review record.", "muted"))
    return frame


def titled_card(theme: Theme, heading: str) -> tuple[QFrame, QVBoxLayout]:
    """A staff card: a heading, then what the caller adds to the returned layout."""
    frame, body = card()
    body.setContentsMargins(*theme.insets(Space.L))
    body.setSpacing(theme.px(Space.S))
    body.addWidget(label(heading, "heading"))
    return frame, body
