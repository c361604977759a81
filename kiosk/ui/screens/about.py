"""About this content: the clinic, the sources, when it was last reviewed, and the media credits."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QLocale
from PySide6.QtWidgets import QFrame, QLabel

from kiosk.content import dates
from kiosk.content.about import AboutLine, AboutSection, about_sections
from kiosk.ui.screens.base import Screen, word_path
from kiosk.ui.tokens import Space
from kiosk.ui.widgets import card, label, vertical_list


def long_date(day: date, language: str) -> str:
    """`day` as the patient's language writes it in full: November 16, 2026, 16 de noviembre...

    The kiosk's own writing where it has one (so its narration knows the words), else Qt's."""
    written = dates.long_date(day, language)
    if written is not None:
        return written
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

    def title_path(self) -> str:
        return word_path("about_content")

    def build(self) -> None:
        sections = about_sections(self.ctx.bundle.model, self.ctx.session.language, long_date)
        cards = [self._section(section) for section in sections]
        self.root.addWidget(self.scroll_page(vertical_list(cards, self.ctx.theme.px(Space.L))), 1)

    def _section(self, section: AboutSection) -> QFrame:
        frame, body = card()
        pad = self.ctx.theme.px(Space.L)
        body.setContentsMargins(pad, pad, pad, pad)
        body.setSpacing(self.ctx.theme.px(Space.S))
        if section.heading:
            body.addWidget(
                self.reads(section.heading.path, label(section.heading.words, "heading"))
            )
        for line in section.lines:
            body.addWidget(self.reads(line.path, self._line(line)))
        return frame

    def _line(self, line: AboutLine) -> QLabel:
        widget = label(line.shown)  # an address is shown, never opened: no browser here
        widget.setAccessibleName(line.shown)
        return widget
