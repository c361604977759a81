"""Showing the sentence being read: its words on the highlight colour, in the label that
shows them; a button, or a label whose words cannot be found, is highlighted whole."""

from __future__ import annotations

import html
import re
from itertools import pairwise

import shiboken6
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLabel, QScrollArea, QWidget

READING = "reading"  # the property the stylesheet highlights a whole widget by
_TOKEN = re.compile(r"<[^>]*>|&#?[A-Za-z0-9]+;|[^<&]+|[<&]")
_LINE_TAGS = re.compile(r"<\s*(br|/p|/li|/div|li|p)\b", re.IGNORECASE)


def highlight_html(document: str, sentence: str, style: str, after: int = 0) -> str | None:
    """`document` (Qt rich text) with `sentence` wrapped in spans of `style`, searched for in
    its words from the `after`-th letter on (then from the start); None if it is not there.

    A span ends at every tag and starts again after it, so the spans always nest."""
    tokens = _TOKEN.findall(document)
    letters = [_letters(token) for token in tokens]
    start = found_at(document, sentence, after)
    if start < 0 or not sentence:
        return None
    end, out, position, marking = start + len(sentence), [], 0, False

    def mark(on: bool) -> None:
        nonlocal marking
        if on != marking:
            out.append(f'<span style="{style}">' if on else "</span>")
            marking = on

    for token, shown in zip(tokens, letters, strict=True):
        if _is_tag(token) or _is_entity(token):
            mark(_is_entity(token) and start <= position < end)
            out.append(token)
        else:
            cuts = sorted(
                {0, len(token), *(min(max(x - position, 0), len(token)) for x in (start, end))}
            )
            for first, last in pairwise(cuts):
                mark(start <= position + first < end)
                out.append(token[first:last])
        position += len(shown)
    mark(False)
    return "".join(out)


def found_at(document: str, sentence: str, after: int = 0) -> int:
    """Where in `document`'s words `sentence` starts, from the `after`-th letter on, else from
    the start; -1 if nowhere."""
    words = _words(document)
    start = words.find(sentence, after)
    return start if start >= 0 else words.find(sentence)


def _words(document: str) -> str:
    """What rich text shows, as plain letters."""
    return "".join(_letters(token) for token in _TOKEN.findall(document))


def _is_tag(token: str) -> bool:
    return token.startswith("<") and len(token) > 1


def _is_entity(token: str) -> bool:
    return token.startswith("&") and len(token) > 1


def _letters(token: str) -> str:
    """What a token of rich text shows: a line break for a tag that ends a line, no letters
    for other tags, the letter an entity stands for."""
    if _is_tag(token):
        return "\n" if _LINE_TAGS.match(token) else ""
    if _is_entity(token):
        return html.unescape(token).replace("\xa0", " ")
    return token


def as_rich_text(label: QLabel) -> str:
    """The label's words as rich text, whichever format it shows them in."""
    if label.textFormat() == Qt.TextFormat.RichText:
        return label.text()
    return html.escape(label.text(), quote=False).replace("\n", "<br>")


class SentenceHighlight:
    """The one highlight on screen: put on a widget's sentence, moved, or taken off."""

    def __init__(self) -> None:
        self.widget: QWidget | None = None
        self.sentence = ""
        self._original: tuple[str, Qt.TextFormat] | None = None  # the label before
        self._shown = ""  # the label's text while highlighted
        self._searched_from = 0  # where in the widget's words the last sentence was found

    def show(
        self, widget: QWidget, sentence: str, background: str, ink: str, whole: bool = False
    ) -> None:
        """Highlight `sentence` in `widget`; the widget whole if asked (its words must not be
        laid out anew: the title in the top bar) or if they are not found."""
        same_widget = widget is self.widget and _alive(widget)
        after = self._searched_from if same_widget else 0
        self.clear()
        self.widget, self.sentence = widget, sentence
        if isinstance(widget, QLabel) and not whole:
            document = as_rich_text(widget)
            style = f"background-color: {background}; color: {ink};"
            marked = highlight_html(document, sentence, style, after)
            if marked is not None:
                self._original = (widget.text(), widget.textFormat())
                start = found_at(document, sentence, after)
                self._searched_from = start + len(sentence)
                widget.setTextFormat(Qt.TextFormat.RichText)
                widget.setText(marked)
                self._shown = marked
                _bring_into_view(widget, start / max(1, len(_words(document))))
                return
        _set_reading(widget, True)
        _bring_into_view(widget, 0.0)

    def clear(self) -> None:
        """Take the highlight off, leaving words the screen changed meanwhile as they are."""
        widget, self.widget = self.widget, None
        if widget is None or not _alive(widget):
            self._original = None
            return
        if self._original is not None:
            text, text_format = self._original
            if widget.text() == self._shown:
                widget.setText(text)
            widget.setTextFormat(text_format)
            self._original = None
        else:
            _set_reading(widget, False)


def _alive(widget: QWidget) -> bool:
    return shiboken6.isValid(widget)


def _set_reading(widget: QWidget, reading: bool) -> None:
    widget.setProperty(READING, reading)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


def _bring_into_view(widget: QWidget, share: float) -> None:
    """Scroll the page so the highlighted words show: they start `share` of the way through
    the widget's words, so about as far down it (a long article is one label)."""
    area = widget.parentWidget()
    while area is not None and not isinstance(area, QScrollArea):
        area = area.parentWidget()
    if area is None or area.widget() is None or not widget.isVisible():
        return
    view = area.viewport().height()
    if widget.height() <= view * 2 // 3:
        area.ensureWidgetVisible(widget, 0, widget.height() // 4)
        return
    where = widget.mapTo(area.widget(), QPoint(0, round(widget.height() * share)))
    area.ensureVisible(where.x(), where.y(), 0, view // 3)
