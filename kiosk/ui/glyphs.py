"""Which letters of a text the fonts cannot draw, found the way Qt draws them.

A font's own character map is not the answer: Qt draws a letter the font lacks in a fallback
(the next family of the font's list, then one fontconfig picks), and only a letter none of
them has becomes an empty box. So the text is laid out as a label lays it out, and each glyph
Qt chose is read back; glyph 0 (".notdef") is the box. Each letter is also asked of
QFontMetrics.inFontUcs4, which looks through the same fallbacks."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontMetrics, QTextDocument, QTextLayout

_NOTDEF = 0  # the glyph every font draws for a character it has not got: an empty box
_LINE_BREAK = "\u2028"  # what QTextLayout takes for a new line
_WIDE = 100_000  # px: one line per paragraph, so layout never wraps a word apart


def undrawable(text: str, font: QFont, rich: bool = False) -> str:
    """The letters of `text` (rich: Qt rich text) that neither `font` nor any font Qt falls
    back to can draw, each once, in order; "" when every letter has a glyph."""
    letters = [c for c in dict.fromkeys(_plain(text, rich)) if _visible(c)]
    metrics = QFontMetrics(font)
    if not _draws_a_box(text, font, rich) and all(metrics.inFontUcs4(ord(c)) for c in letters):
        return ""
    # Which letters: each alone (a glyph run does not say reliably which letter it drew).
    return "".join(
        c for c in letters if drawn_by(c, font) is None or not metrics.inFontUcs4(ord(c))
    )


def drawn_by(letter: str, font: QFont) -> str | None:
    """The family Qt draws `letter` in with `font`, its fallbacks included; None for a box."""
    drawn = [
        (run.rawFont().familyName(), glyph)
        for run in _laid_out(letter, font).glyphRuns()
        for glyph in run.glyphIndexes()
    ]
    if not drawn or any(glyph == _NOTDEF for _, glyph in drawn):
        return None
    return drawn[0][0]


def _draws_a_box(text: str, font: QFont, rich: bool) -> bool:
    """Whether `text`, laid out as a label lays it out, gets glyph 0 anywhere."""
    if rich:
        document = QTextDocument()
        document.setDefaultFont(font)
        document.setHtml(text)
        document.setTextWidth(_WIDE)
        layouts, block = [], document.begin()
        while block.isValid():
            layouts.append(block.layout())
            block = block.next()
    else:
        layouts = [_laid_out(text, font)]
    return any(
        glyph == _NOTDEF
        for layout in layouts
        for run in layout.glyphRuns()
        for glyph in run.glyphIndexes()
    ) and any(_visible(c) for c in _plain(text, rich))


def _laid_out(text: str, font: QFont) -> QTextLayout:
    layout = QTextLayout(text.replace("\n", _LINE_BREAK), font)
    layout.beginLayout()
    while (line := layout.createLine()).isValid():
        line.setLineWidth(_WIDE)
    layout.endLayout()
    return layout


def _plain(text: str, rich: bool) -> str:
    if not rich:
        return text
    document = QTextDocument()
    document.setHtml(text)
    return document.toPlainText()


def _visible(character: str) -> bool:
    """A letter that is drawn: not a space, a line break or a direction mark."""
    return character.isprintable() and not character.isspace()
