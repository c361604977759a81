"""The video area: the current frame (or the poster, or a message) with captions drawn over it.

Painting frame and captions in one widget keeps the captions on top of the picture on every
platform and lets grab() take screenshots; a native QVideoWidget would hide overlays."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPaintEvent, QPixmap
from PySide6.QtWidgets import QSizePolicy, QWidget

STAGE = QColor("#111111")  # around the picture, and behind messages
CAPTION_BAND = QColor(0, 0, 0, 200)  # dark and translucent: white text stays readable on it
CAPTION_TEXT = QColor("#ffffff")
MESSAGE_TEXT = QColor("#ffffff")


def fit(content: QSize, box: QRect) -> QRect:
    """The largest rectangle of `content`'s shape centred in `box`."""
    if content.isEmpty():
        return QRect(box)
    size = content.scaled(box.size(), Qt.AspectRatioMode.KeepAspectRatio)
    left = box.x() + (box.width() - size.width()) // 2
    top = box.y() + (box.height() - size.height()) // 2
    return QRect(left, top, size.width(), size.height())


class VideoSurface(QWidget):
    """Draws what the player shows; holds pictures and text only, no player logic."""

    def __init__(self, caption_px: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.caption_px = caption_px
        self.caption = ""
        self.caption_line: float | None = None  # percent from the top; None: at the bottom
        self.message = ""
        self._image = QImage()
        self._still = QPixmap()
        self._icon = QPixmap()

    @property
    def has_frame(self) -> bool:
        return not self._image.isNull()

    def set_image(self, image: QImage) -> None:
        """Show a decoded frame."""
        self._image = image
        self.update()

    def set_still(self, pixmap: QPixmap) -> None:
        """The picture shown until the first frame arrives (the video's poster)."""
        self._still = pixmap
        self.update()

    def set_caption(self, text: str, line_percent: float | None = None) -> None:
        """Show `text` over the picture: at the bottom, or `line_percent` down from its top."""
        if (text, line_percent) != (self.caption, self.caption_line):
            self.caption, self.caption_line = text, line_percent
            self.update()

    def set_message(self, text: str, icon: QPixmap) -> None:
        """Show a message instead of the picture (a video that cannot play)."""
        self.message, self._icon = text, icon
        self.update()

    def painted_texts(self) -> list[tuple[str, QFont]]:
        """The words this widget paints itself, with their font (for the audit's glyph check)."""
        shown = [self.message] if self.message else [self.caption] if self.caption else []
        return [(text, self._font(self.caption_px)) for text in shown]

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        # A painter starts left to right whatever the widget's direction: captions in Arabic
        # need it right to left, or their full stop lands at the wrong end.
        painter.setLayoutDirection(self.layoutDirection())
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), STAGE)
        if self.message:
            self._paint_message(painter)
        else:
            picture = self._paint_picture(painter)
            if self.caption:
                self._paint_caption(painter, picture)
        painter.end()

    def _paint_picture(self, painter: QPainter) -> QRect:
        """Draw the frame, or the poster before it; return where the picture is."""
        if self.has_frame:
            target = fit(self._image.size(), self.rect())
            painter.drawImage(target, self._image)
        else:
            target = fit(self._still.size(), self.rect())
            if not self._still.isNull():
                painter.drawPixmap(target, self._still)
        return target

    def _paint_caption(self, painter: QPainter, picture: QRect) -> None:
        # Never taller than an eighth of the picture, so a small window keeps most of it.
        font = self._font(min(self.caption_px, max(12, picture.height() // 8)))
        painter.setFont(font)
        pad = font.pixelSize() // 3
        flags = Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap
        room = picture.adjusted(picture.width() // 20, 0, -picture.width() // 20, 0)
        text_rect = painter.boundingRect(room, int(flags), self.caption)
        bottom = picture.bottom() - picture.height() // 20
        if self.caption_line is None:
            text_rect.moveBottom(bottom - pad)
        else:
            # Where the cue asks, so it leaves the body part it talks about in sight.
            top = picture.top() + round(picture.height() * self.caption_line / 100) + pad
            text_rect.moveTop(min(top, bottom - pad - text_rect.height()))
        band = text_rect.adjusted(-2 * pad, -pad, 2 * pad, pad)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(CAPTION_BAND)
        painter.drawRoundedRect(band, pad, pad)
        painter.setPen(CAPTION_TEXT)
        painter.drawText(text_rect, int(flags), self.caption)

    def _paint_message(self, painter: QPainter) -> None:
        font = self._font(self.caption_px)
        gap = font.pixelSize()
        icon_size = self._icon.deviceIndependentSize().toSize()
        room = self.rect().adjusted(2 * gap, gap, -2 * gap, -gap)
        painter.setFont(font)
        flags = Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap
        text_rect = painter.boundingRect(room, int(flags), self.message)
        top = room.top() + (room.height() - icon_size.height() - gap - text_rect.height()) // 2
        if not self._icon.isNull():
            left = room.left() + (room.width() - icon_size.width()) // 2
            painter.drawPixmap(left, top, self._icon)
        text_rect.moveTop(top + icon_size.height() + gap)
        painter.setPen(MESSAGE_TEXT)
        painter.drawText(text_rect, int(flags), self.message)

    def _font(self, pixel_size: int) -> QFont:
        font = QFont(self.font())
        font.setPixelSize(pixel_size)
        font.setBold(True)
        return font
