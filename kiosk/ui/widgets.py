"""Touch-first building blocks every screen uses: buttons, cards, scrolling pages, swipes."""

from __future__ import annotations

from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QEvent, QObject, QPoint, QSize, Qt, Signal
from PySide6.QtGui import QIcon, QPainter, QPaintEvent, QPixmap
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.ui.drag_scroll import enable_drag_scroll
from kiosk.ui.media import MediaService
from kiosk.ui.rich_text import has_emphasis, inline_html, plain
from kiosk.ui.theme import Theme
from kiosk.ui.tokens import Size, Space

if TYPE_CHECKING:  # type hints only: the first screen paints before pydantic loads
    from kiosk.content.model import ImageFile


def set_role(widget: QWidget, role: str) -> None:
    """Tag a widget for the stylesheet (QLabel[role="title"] and so on)."""
    widget.setProperty("role", role)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


def label(text: str, role: str = "", rich: bool = False, wrap: bool = True) -> QLabel:
    """A label; rich text only when asked, so bundle text is never read as HTML by accident.

    Plain text with **emphasis** is shown in bold, escaped: every patient text can use it."""
    widget = QLabel()
    if not rich and has_emphasis(text):
        widget.setAccessibleName(plain(text))
        text, rich = inline_html(text), True
    widget.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    widget.setText(text)
    widget.setWordWrap(wrap)
    widget.setOpenExternalLinks(False)
    widget.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    if role:
        set_role(widget, role)
    return widget


def button(text: str, role: str = "", icon: QIcon | None = None, name: str = "") -> QPushButton:
    """A touch-sized button whose accessible name is what it says (or `name`)."""
    widget = QPushButton(text)
    widget.setAccessibleName(plain(name or text))
    widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    if icon is not None:
        widget.setIcon(icon)
    if role:
        set_role(widget, role)
    return widget


class ContentButton(QPushButton):
    """A button that holds a layout of pictures and text (tiles, list cards)."""

    def __init__(self, accessible_name: str, role: str) -> None:
        super().__init__()
        self.setAccessibleName(plain(accessible_name))
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        set_role(self, role)
        self.body = QVBoxLayout(self)
        self.words: dict[int, QLabel] = {}  # a list card's labels, by the place of their text

    def add(self, widget: QWidget, stretch: int = 0) -> QWidget:
        """Add a child that lets taps through to the button."""
        widget.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.body.addWidget(widget, stretch)
        return widget

    def sizeHint(self) -> QSize:
        return self.body.sizeHint()

    def minimumSizeHint(self) -> QSize:
        return self.body.minimumSize()


def picture(pixmap: QPixmap) -> QLabel:
    widget = QLabel()
    widget.setPixmap(pixmap)
    widget.setAlignment(Qt.AlignmentFlag.AlignCenter)
    return widget


def list_card(
    theme: Theme, media: MediaService, image: ImageFile, texts: list[tuple[str, str]]
) -> ContentButton:
    """A tappable row: picture on the left, then each (text, role) below the first, a title."""
    widget = ContentButton(texts[0][0], "card")
    row = QHBoxLayout()
    row.setSpacing(theme.px(Space.L))
    image_label = picture(media.pixmap(image, theme.size(Size.CARD_PICTURE)))
    image_label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
    row.addWidget(image_label)
    words = QVBoxLayout()
    for index, (text, role) in enumerate(texts):
        if text:
            part = label(text, role)
            part.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            words.addWidget(part)
            widget.words[index] = part
    row.addLayout(words, 1)
    widget.body.addLayout(row)
    return widget


class ScrollColumn(QWidget):
    """A scrolling page's column, kept `room` px clear of the scroll bar: on the right, or on
    the left when the page is mirrored (layout margins are not mirrored by Qt)."""

    def __init__(self, room: int) -> None:
        super().__init__()
        self._room = room
        self.column = QVBoxLayout(self)
        self._keep_room()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LayoutDirectionChange:
            self._keep_room()
        super().changeEvent(event)

    def _keep_room(self) -> None:
        mirrored = self.layoutDirection() == Qt.LayoutDirection.RightToLeft
        left, right = (self._room, 0) if mirrored else (0, self._room)
        self.column.setContentsMargins(left, 0, right, 0)


def vertical_list(widgets: list[QWidget], spacing: int) -> QWidget:
    """Widgets one under another, pushed to the top, with room for a finger by the scroll bar."""
    holder = ScrollColumn(spacing // 2)
    holder.column.setSpacing(spacing)
    for widget in widgets:
        holder.column.addWidget(widget)
    holder.column.addStretch(1)
    return holder


class Illustration(QWidget):
    """A picture that fills whatever room the layout leaves it, rendered once per size."""

    def __init__(self, media: MediaService, image: ImageFile, least: int) -> None:
        super().__init__()
        self._media, self._image = media, image
        self._pixmap: QPixmap | None = None
        self.setMinimumSize(least, least)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:
        return self.minimumSize() * 3

    def paintEvent(self, event: QPaintEvent) -> None:
        if self.width() < 1 or self.height() < 1:
            return
        # Fetched here, not on resize, so only the size that is finally shown gets rendered.
        if self._pixmap is None or not _fills(self._pixmap.size(), self.size()):
            self._pixmap = self._media.pixmap(self._image, self.size())
        x = (self.width() - self._pixmap.width()) // 2
        y = (self.height() - self._pixmap.height()) // 2
        QPainter(self).drawPixmap(x, y, self._pixmap)


def _fills(picture: QSize, box: QSize) -> bool:
    """True when `picture` is what fitting an image into `box` gives: inside, touching two sides."""
    inside = picture.width() <= box.width() and picture.height() <= box.height()
    return inside and (picture.width() == box.width() or picture.height() == box.height())


def card() -> tuple[QFrame, QVBoxLayout]:
    frame = QFrame()
    set_role(frame, "card")
    return frame, QVBoxLayout(frame)


def scroll_page(content: QWidget) -> QScrollArea:
    """A page that scrolls by dragging a finger, with momentum."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setWidget(content)
    enable_drag_scroll(area)
    return area


KEEP = "keep_across_renders"


def clear_layout(layout: QLayout, detach: bool = False) -> None:
    """Remove and delete everything in `layout`, nested layouts too.

    `detach` also takes the widgets out of the window at once (they are deleted later either
    way), so that a stylesheet set next does not spend time polishing them first."""
    while layout.count():
        item = layout.takeAt(0)
        if widget := item.widget():
            widget.hide()
            if not widget.property(KEEP):  # kept widgets are reused by the next render
                if detach:
                    widget.setParent(None)
                widget.deleteLater()
        elif child := item.layout():
            clear_layout(child, detach)
        # takeAt() hands the item over to us, and PySide never frees it: ~100 bytes a render.
        shiboken6.delete(item)


class SwipeDetector(QObject):
    """Emits onward/backward when a finger (or mouse) drags across a widget far enough.

    Onward is a drag against the reading direction, as a page is turned: to the left in
    English, to the right in Arabic (the target's layout direction, read at each swipe)."""

    swiped_onward = Signal()
    swiped_backward = Signal()

    def __init__(self, target: QWidget, min_distance: int) -> None:
        super().__init__(target)
        self._target = target
        self._start: QPoint | None = None
        self._min_distance = min_distance
        target.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.MouseButtonPress:
            self._start = event.position().toPoint()
        elif kind == QEvent.Type.MouseButtonRelease and self._start is not None:
            delta = event.position().toPoint() - self._start
            self._start = None
            if abs(delta.x()) >= self._min_distance and abs(delta.x()) > 2 * abs(delta.y()):
                leftward = delta.x() < 0
                if self._target.layoutDirection() == Qt.LayoutDirection.RightToLeft:
                    leftward = not leftward
                (self.swiped_onward if leftward else self.swiped_backward).emit()
                return True
        return False
