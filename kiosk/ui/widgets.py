"""Touch-first building blocks every screen uses: buttons, cards, scrolling pages, swipes."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, QPoint, QSize, Qt, Signal
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QLayout,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.ui.drag_scroll import enable_drag_scroll
from kiosk.ui.rich_text import plain


def set_role(widget: QWidget, role: str) -> None:
    """Tag a widget for the stylesheet (QLabel[role="title"] and so on)."""
    widget.setProperty("role", role)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


def label(text: str, role: str = "", rich: bool = False, wrap: bool = True) -> QLabel:
    """A label; rich text only when asked, so bundle text is never read as HTML by accident."""
    widget = QLabel()
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
    """Emits left/right when a finger (or mouse) drags across a widget far enough."""

    swiped_left = Signal()
    swiped_right = Signal()

    def __init__(self, target: QWidget, min_distance: int) -> None:
        super().__init__(target)
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
                (self.swiped_left if delta.x() < 0 else self.swiped_right).emit()
                return True
        return False
