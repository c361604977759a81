"""Building blocks the staff screens share: their theme, messages, lists and big buttons."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.ui.theme import COLOURS, Theme
from kiosk.ui.tokens import Radius, Size, Space, Stroke, Type
from kiosk.ui.widgets import button, label, scroll_page, set_role


def staff_theme(theme: Theme) -> Theme:
    """The window's theme at normal text size: a patient's larger text must not crowd staff."""
    return dataclasses.replace(theme, larger_text=False)


def staff_stylesheet(theme: Theme, restyle_all: bool) -> str:
    """Rules the staff screens add to the kiosk's own (and all of it when text size differs)."""
    c = COLOURS
    extra = f"""
    QLabel[role="error"] {{
        background: {c["caution_bg"]}; color: {c["caution_text"]};
        border-radius: {theme.px(Radius.MEDIUM)}px;
        padding: {theme.px(Space.S)}px {theme.px(Space.L)}px;
    }}
    QLabel[role="ok"] {{
        background: {c["surface"]}; color: {c["text"]};
        border-left: {theme.px(Stroke.HEAVY)}px solid {c["primary"]};
        border-radius: {theme.px(Radius.SMALL)}px;
        padding: {theme.px(Space.S)}px {theme.px(Space.L)}px;
    }}
    QWidget[role="bare"] {{ background: transparent; }}
    QLabel[role="value"] {{ font-size: {theme.font_px(Type.HEADING)}px; {theme.bold_css} }}
    QLabel[role="problem"] {{
        font-size: {theme.font_px(Type.SMALL)}px; padding: {theme.px(Space.XS)}px 0;
        border-bottom: {theme.px(Stroke.HAIRLINE)}px solid {c["border"]};
    }}
    QPushButton[role="primary"]:disabled {{
        background: {c["surface"]}; color: {c["muted"]}; border-color: {c["border"]};
    }}
    QPushButton[role="nav"] {{ text-align: left; padding-left: {theme.px(Space.L)}px; }}
    QPushButton[role="nav"]:checked {{
        background: {c["primary"]}; color: {c["on_primary"]};
    }}
    QProgressBar {{
        background: {c["surface"]}; border: {theme.px(Stroke.THICK)}px solid {c["primary"]};
        border-radius: {theme.px(Radius.MEDIUM)}px;
        min-height: {theme.px(Size.STAFF_CONTROL_HEIGHT)}px; color: {c["text"]};
        font-size: {theme.font_px(Type.SMALL)}px; {theme.bold_css} text-align: center;
    }}
    QProgressBar::chunk {{ background: {c["pressed_surface"]}; }}
    """
    return (theme.stylesheet() if restyle_all else "") + extra


def keep_words_whole(root: QWidget) -> None:
    """Stop a layout squeezing buttons narrower than their words.

    The kiosk's stylesheet gives every button a touch-sized minimum width, and an explicit
    minimum wins over the text's own, so a long label in a narrow column would be cut off."""
    for widget in root.findChildren(QPushButton):
        widget.ensurePolished()
        widget.setMinimumWidth(max(widget.minimumWidth(), widget.sizeHint().width()))


def message(text: str, kind: str = "ok") -> QLabel:
    """A sentence that stands out: "ok" for news, "error" for trouble."""
    return label(text, kind)


def staff_button(
    text: str, on_tap: Callable[[], None], role: str = "", name: str = "", enabled: bool = True
) -> QPushButton:
    """A button named by what it says, calling `on_tap` when tapped."""
    widget = button(text, role, name=name)
    widget.clicked.connect(lambda _=False: on_tap())
    widget.setEnabled(enabled)
    return widget


def button_row(*buttons: QWidget, stretch_first: bool = False) -> QHBoxLayout:
    """Buttons side by side, pushed to the left (or to the right with `stretch_first`)."""
    row = QHBoxLayout()
    if stretch_first:
        row.addStretch(1)
    for widget in buttons:
        row.addWidget(widget)
    if not stretch_first:
        row.addStretch(1)
    return row


def scrolling_column(widgets: list[QWidget], spacing: int) -> QWidget:
    """The widgets one under another in a page a finger can scroll."""
    holder = QWidget()
    column = QVBoxLayout(holder)
    column.setContentsMargins(0, 0, spacing, 0)  # room for the scroll bar
    column.setSpacing(spacing)
    for widget in widgets:
        column.addWidget(widget)
    column.addStretch(1)
    area = scroll_page(holder)
    return area


def bare_widget() -> QWidget:
    """A plain holder for a layout that lets the card behind it show through."""
    widget = QWidget()
    set_role(widget, "bare")
    return widget
