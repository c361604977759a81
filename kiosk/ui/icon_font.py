"""Icons drawn from qtawesome's icon fonts, without importing qtawesome.

Importing qtawesome loads qtpy, which loads Qt modules the kiosk never uses (OpenGL, data
visualisation), and its first icon loads all twelve of its fonts with their charmaps: about
100 ms and 30 MiB, paid on the first touch. Here only the fonts the kiosk names are loaded, and
each glyph is drawn as qtawesome draws it (as text, 7/8 of the icon's height, centred)."""

from __future__ import annotations

import logging
from functools import cache

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QIcon,
    QIconEngine,
    QPainter,
    QPalette,
    QPixmap,
)
from PySide6.QtWidgets import QApplication

from kiosk.content.icons import icon_glyph

log = logging.getLogger(__name__)

GLYPH_SHARE = 0.875  # of the icon's height: room for the font's bearing, as in qtawesome


class GlyphIconEngine(QIconEngine):
    """Draws one glyph of an icon font in one colour (greyed when disabled); each size once."""

    def __init__(self, font: QFont, glyph: str, colour: QColor) -> None:
        super().__init__()
        self._font, self._glyph, self._colour = font, glyph, colour
        self._pixmaps: dict[tuple[int, int, QIcon.Mode], QPixmap] = {}

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        painter.save()
        disabled = mode == QIcon.Mode.Disabled
        painter.setPen(_disabled_colour() if disabled else self._colour)
        font = QFont(self._font)
        font.setPixelSize(max(1, round(GLYPH_SHARE * rect.height())))
        painter.setFont(font)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, self._glyph)
        painter.restore()

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        key = (size.width(), size.height(), mode)
        if key not in self._pixmaps:
            pixmap = QPixmap(size)
            pixmap.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pixmap)
            self.paint(painter, QRect(QPoint(0, 0), size), mode, state)
            painter.end()
            self._pixmaps[key] = pixmap
        return self._pixmaps[key]

    def clone(self) -> QIconEngine:
        return GlyphIconEngine(self._font, self._glyph, self._colour)


@cache
def glyph_icon(name: str, colour: str) -> QIcon:
    """The qtawesome icon `name` (mdi6.home) in `colour`; an empty icon if it is unknown."""
    found = icon_glyph(name)
    family = _family(str(found[0])) if found else ""
    if not family:
        log.warning("icon %s could not be drawn: no such icon or its font did not load", name)
        return QIcon()
    font = QFont(family)
    if name.partition(".")[0].endswith("s"):  # Font Awesome's solid style, as qtawesome
        font.setStyleName("Solid")
    return QIcon(GlyphIconEngine(font, found[1], QColor(colour)))


@cache
def _family(font_file: str) -> str:
    """Register an icon font once; its family name ("" if it would not load)."""
    font_id = QFontDatabase.addApplicationFont(font_file)
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    return families[0] if families else ""


def _disabled_colour() -> QColor:
    """The application's disabled text colour, as qtawesome greys a disabled icon."""
    return QApplication.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
