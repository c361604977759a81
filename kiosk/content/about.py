"""What the About screen says, line by line, in one language: the words shown and read aloud,
and each line's name in the narration index. The screen and `kiosk narrate` both read it, so
the narration covers exactly what the screen shows."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from kiosk.content.dates import long_date
from kiosk.content.model import Bundle, Loc, Source, Text
from kiosk.content.problems import format_path
from kiosk.content.review import about_facts, reviewable_items
from kiosk.content.spoken import filled_path, wording_path
from kiosk.content.wording import interface_word

DateWriter = Callable[[date, str], str | None]


@dataclass(frozen=True)
class AboutLine:
    """One line: its name in the narration index, its words, and what follows them in
    brackets on screen but is not read (a web address, where a credit comes from)."""

    path: str
    words: str
    aside: str | None = None

    @property
    def shown(self) -> str:
        return f"{self.words} ({self.aside})" if self.aside else self.words


@dataclass(frozen=True)
class AboutSection:
    """A card of the About screen: a heading (or none) and its lines."""

    heading: AboutLine | None
    lines: tuple[AboutLine, ...]


def about_sections(
    model: Bundle, language: str, write_date: DateWriter = long_date
) -> list[AboutSection]:
    """The About screen in `language`: the clinic, the sources, the last review, the credits.

    `write_date` writes the review date out; where it gives None (a language it does not
    write), the review's line is left out (the screen passes one that always answers)."""

    def word(key: str, **values: object) -> str:
        return interface_word(model, key, language).format(**values)

    def text(value: Text) -> str:
        return value.get(language, model.default_language)

    def heading(key: str) -> AboutLine:
        return AboutLine(wording_path(key), word(key))

    facts = about_facts(model)
    clinic = word("about_clinic", clinic=text(model.clinic.name))
    sections = [
        AboutSection(None, (AboutLine(filled_path("about_clinic", clinic="clinic.name"), clinic),))
    ]
    if facts.sources:
        lines = tuple(
            AboutLine(format_path(loc), text(source.text), str(source.url) if source.url else None)
            for source, loc in _sources(model)
        )
        sections.append(AboutSection(heading("about_sources"), lines))
    if facts.last_reviewed is None:
        sections.append(AboutSection(None, (heading("about_not_reviewed"),)))
    elif (day := write_date(facts.last_reviewed, language)) is not None:
        path = filled_path("about_reviewed", date=facts.last_reviewed.isoformat())
        sections.append(AboutSection(None, (AboutLine(path, word("about_reviewed", date=day)),)))
    if facts.credits:
        lines = tuple(
            AboutLine(
                filled_path(
                    "credit_line",
                    **{part: f"media_credits[{number}].{part}" for part in _CREDIT_PARTS},
                ),
                word(
                    "credit_line",
                    title=text(credit.title),
                    author=credit.author,
                    licence=credit.licence,
                ),
                credit.source,
            )
            for number, credit in enumerate(facts.credits)
        )
        sections.append(AboutSection(heading("about_media"), lines))
    return sections


_CREDIT_PARTS = ("title", "author", "licence")


def _sources(model: Bundle) -> list[tuple[Source, Loc]]:
    """Each distinct source, in the order about_facts lists them, with its first place."""
    found: list[tuple[Source, Loc]] = []
    for item in reviewable_items(model):
        if item.review is not None and all(item.review.source != s for s, _ in found):
            found.append((item.review.source, (*item.loc, "review", "source", "text")))
    return found
