"""About this content: the clinic, the sources, when it was last reviewed, and the media credits."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QLocale
from PySide6.QtWidgets import QFrame, QLabel

from kiosk.content.model import MediaCredit, Text
from kiosk.content.review import about_facts
from kiosk.ui.screens.base import Screen
from kiosk.ui.tokens import Space
from kiosk.ui.widgets import card, label, vertical_list


def long_date(day: date, language: str) -> str:
    """`day` as the patient's language writes it in full: 16 November 2026, 16 de noviembre..."""
    locale = QLocale(language)
    # The locale's long form, without the weekday it starts with ("dddd, ").
    form = (
        locale.dateFormat(QLocale.FormatType.LongFormat).replace("dddd, ", "").replace("dddd ", "")
    )
    return locale.toString(QDate(day.year, day.month, day.day), form)


class AboutScreen(Screen):
    """Read-only facts from the bundle, in the patient's language; nothing to tap but Back."""

    keeps_widgets = True

    def title(self) -> str:
        return self.ctx.word("about_content")

    def build(self) -> None:
        model = self.ctx.bundle.model
        facts = about_facts(model)
        clinic = self.ctx.text(model.clinic.name)
        sections = [self._section(None, [self.ctx.word("about_clinic", clinic=clinic)])]
        if facts.sources:
            lines = [self._source_line(s.text, s.url) for s in facts.sources]
            sections.append(self._section(self.ctx.word("about_sources"), lines))
        sections.append(self._section(None, [self._reviewed(facts.last_reviewed)]))
        if facts.credits:
            lines = [self._credit_line(credit) for credit in facts.credits]
            sections.append(self._section(self.ctx.word("about_media"), lines))
        self.root.addWidget(
            self.scroll_page(vertical_list(sections, self.ctx.theme.px(Space.L))), 1
        )

    def _section(self, heading: str | None, lines: list[str]) -> QFrame:
        frame, body = card()
        pad = self.ctx.theme.px(Space.L)
        body.setContentsMargins(pad, pad, pad, pad)
        body.setSpacing(self.ctx.theme.px(Space.S))
        if heading:
            body.addWidget(label(heading, "heading"))
        for line in lines:
            body.addWidget(self._line(line))
        return frame

    def _line(self, text: str) -> QLabel:
        widget = label(text)
        widget.setAccessibleName(text)
        return widget

    def _source_line(self, text: Text, url: object) -> str:
        words = self.ctx.text(text)
        return f"{words} ({url})" if url else words  # shown, never opened: no browser here

    def _reviewed(self, last: date | None) -> str:
        if last is None:
            return self.ctx.word("about_not_reviewed")
        return self.ctx.word("about_reviewed", date=long_date(last, self.ctx.session.language))

    def _credit_line(self, credit: MediaCredit) -> str:
        title = self.ctx.text(credit.title)
        line = self.ctx.word(
            "credit_line", title=title, author=credit.author, licence=credit.licence
        )
        return f"{line} ({credit.source})" if credit.source else line
