"""The small media service screens ask for pictures and icons; it caches what it renders."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRectF, QSize, Qt
from PySide6.QtGui import QIcon, QImage, QImageReader, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

from kiosk.content import LoadedBundle
from kiosk.ui.icon_font import glyph_icon

if TYPE_CHECKING:  # type hints only: the first screen paints before pydantic loads
    from kiosk.content.model import MediaRef

# A byte budget, not a count: pictures at 1080p are 1-3 MB each, and a count of them let the
# cache grow by ~50 MiB over a day of taps (benchmarks/monkey.py). This holds a few screens'.
_CACHE_BYTES = 24 * 1024 * 1024

PictureKey = tuple[str, int, int]


def picture_key(ref: MediaRef, box: QSize) -> PictureKey:
    """How a picture of `ref` fitted into `box` is known: in the cache, and in the pictures a
    bundle swap renders ahead (MediaService's `ready`)."""
    return (str(ref), box.width(), box.height())


class MediaService(QObject):
    """Pixmaps of the bundle's images, rendered once per size, and icons by qtawesome name."""

    def __init__(
        self,
        bundle: LoadedBundle,
        parent: QObject | None = None,
        ready: dict[PictureKey, QImage] | None = None,
    ) -> None:
        """`ready`: images already rendered off the UI thread (see render_image), by the key
        pixmap() looks them up with."""
        super().__init__(parent)
        self._bundle = bundle
        self._pixmaps: dict[PictureKey, QPixmap] = {}  # oldest first
        self._cached_bytes = 0
        self._ready = dict(ready or {})
        self.renders = 0  # pictures rendered on the UI thread, for tests

    def pixmap(self, ref: MediaRef, box: QSize) -> QPixmap:
        """The image `ref` scaled to fit inside `box`, keeping its shape."""
        key = picture_key(ref, box)
        cached = self._pixmaps.pop(key, None)
        if cached is None and key in self._ready:
            cached = QPixmap.fromImage(self._ready.pop(key))
            self._cached_bytes += _bytes(cached)
        elif cached is None:
            self.renders += 1
            cached = QPixmap.fromImage(render_image(self._bundle.media_path(ref), box))
            self._cached_bytes += _bytes(cached)
            while self._cached_bytes > _CACHE_BYTES and self._pixmaps:
                self._cached_bytes -= _bytes(self._pixmaps.pop(next(iter(self._pixmaps))))
        self._pixmaps[key] = cached  # now the most recently used
        return cached

    def forget(self) -> None:
        """Drop the cached pictures (at the idle reset: the patient has gone).

        A picture still on screen lives on in the widget showing it; the rest, up to the whole
        budget (four 720p posters alone are 14 MiB), left RSS at rest that much higher."""
        self._pixmaps.clear()
        self._cached_bytes = 0

    def icon(self, name: str, colour: str) -> QIcon:
        """A qtawesome icon by name (mdi6.home), drawn from its font in `colour`."""
        return glyph_icon(name, colour)


def render_image(path: Path, box: QSize) -> QImage:
    """The picture at `path` (SVG, PNG or JPEG) scaled to fit inside `box`, keeping its shape.

    Only QImage work, so it may run on a worker thread (a bundle about to be swapped in)."""
    if path.suffix.lower() == ".svg":
        renderer = QSvgRenderer(str(path))
        size = renderer.defaultSize().scaled(box, Qt.AspectRatioMode.KeepAspectRatio)
        image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        renderer.render(painter, QRectF(0, 0, size.width(), size.height()))
        painter.end()
        return image
    reader = QImageReader(str(path))
    reader.setScaledSize(reader.size().scaled(box, Qt.AspectRatioMode.KeepAspectRatio))
    return reader.read()


def _bytes(pixmap: QPixmap) -> int:
    return pixmap.width() * pixmap.height() * 4
