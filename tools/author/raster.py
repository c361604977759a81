"""Turning SVG text into pixels with Qt's SVG renderer, the same one the kiosk draws with."""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QFontDatabase, QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

FONT = Path(__file__).resolve().parents[2] / "assets" / "fonts" / "AtkinsonHyperlegible-Bold.ttf"

_app: QGuiApplication | None = None


def ensure_app() -> None:
    """Start a windowless Qt application if none is running (QPainter and fonts need one)."""
    global _app
    if QGuiApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        _app = QGuiApplication([])


@cache
def font_family(font: Path = FONT) -> str:
    """Register the kiosk's bold font with Qt and return its family name for SVG text."""
    ensure_app()
    font_id = QFontDatabase.addApplicationFont(str(font))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        raise RuntimeError(f"Qt could not load the font {font}")
    return families[0]


def rasterize(svg: str, width: int, height: int) -> QImage:
    """Render an SVG document into a new opaque 32-bit image of the given size."""
    ensure_app()
    renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
    if not renderer.isValid():
        raise ValueError("Qt could not read the generated SVG")
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter, QRectF(0, 0, width, height))
    painter.end()
    return image


def save_png(image: QImage, path: Path) -> None:
    """Write `image` as a PNG, failing loudly rather than leaving a missing file behind."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(path), "PNG"):
        raise OSError(f"could not write {path}")
