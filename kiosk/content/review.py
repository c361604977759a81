"""Review records and media credits: what is overdue, what is wrong, what the About screen lists."""

from __future__ import annotations

import fnmatch
from dataclasses import dataclass
from datetime import date

from kiosk.content.model import Bundle, Loc, MediaCredit, Review, Source, Text


@dataclass(frozen=True)
class Reviewed:
    """One item that can carry a review record, and the record (None when it has none)."""

    loc: Loc  # where the item is in bundle.json, e.g. ("exercises", 2)
    kind: str  # what staff call it: "exercise", "video", "article", "ice-or-heat questions"
    item_id: str
    title: Text
    review: Review | None

    def name(self, language: str) -> str:
        """The item in words: exercise "Bridge"."""
        return f'{self.kind} "{self.title.get(language)}"'


def reviewable_items(model: Bundle) -> list[Reviewed]:
    """Every video, exercise and article, and the picker: the items a review record covers."""
    items = [
        Reviewed(("videos", "items", i), "video", v.id, v.title, v.review)
        for i, v in enumerate(model.videos.items)
    ]
    items += [
        Reviewed(("exercises", i), "exercise", e.id, e.title, e.review)
        for i, e in enumerate(model.exercises)
    ]
    items += [
        Reviewed(("articles", i), "article", a.id, a.title, a.review)
        for i, a in enumerate(model.articles)
    ]
    picker = model.picker
    items.append(
        Reviewed(("picker",), "ice-or-heat questions", "picker", picker.title, picker.review)
    )
    return items


def overdue_items(model: Bundle, today: date) -> list[Reviewed]:
    """Items whose review ran out before `today` (on the review_by day itself it is still due)."""
    return [
        item for item in reviewable_items(model) if item.review and item.review.review_by < today
    ]


def overdue_warnings(model: Bundle, today: date) -> list[tuple[Loc, str]]:
    """A warning, at its review_by, for each overdue item."""
    language = model.default_language
    found = []
    for item in overdue_items(model, today):
        review = item.review
        assert review is not None  # overdue_items keeps only reviewed items
        message = (
            f"{item.name(language)} was due for review on {review.review_by.isoformat()} "
            f"(last reviewed by {review.reviewed_by} on {review.reviewed_on.isoformat()})"
        )
        found.append(((*item.loc, "review", "review_by"), message))
    return found


def review_problems(model: Bundle, media: set[str]) -> list[tuple[Loc, str]]:
    """Errors: a review due before it was done, and a credit that names no media of the bundle."""
    found: list[tuple[Loc, str]] = []
    for item in reviewable_items(model):
        if item.review and item.review.review_by < item.review.reviewed_on:
            loc = (*item.loc, "review", "review_by")
            found.append((loc, "comes before reviewed_on; a review runs out after it is done"))
    for index, credit in enumerate(model.media_credits):
        for number, pattern in enumerate(credit.files):
            if not credited_files(pattern, media):
                loc = ("media_credits", index, "files", number)
                found.append((loc, f"{pattern} matches no picture, video or font of the bundle"))
    return found


def credited_files(pattern: str, media: set[str]) -> list[str]:
    """The bundle's media files that `pattern` (a path, or one with * and ?) names."""
    return sorted(ref for ref in media if fnmatch.fnmatchcase(ref, pattern))


@dataclass(frozen=True)
class AboutFacts:
    """What the patient's About screen shows, gathered from the bundle."""

    sources: tuple[Source, ...]
    last_reviewed: date | None
    credits: tuple[MediaCredit, ...]


def about_facts(model: Bundle) -> AboutFacts:
    """The distinct sources in bundle order, the latest review date, and the media credits."""
    sources: list[Source] = []
    dates = []
    for item in reviewable_items(model):
        if item.review is None:
            continue
        dates.append(item.review.reviewed_on)
        if item.review.source not in sources:
            sources.append(item.review.source)
    return AboutFacts(tuple(sources), max(dates, default=None), tuple(model.media_credits))
