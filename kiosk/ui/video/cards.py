"""The cards around the series: the caution before it and the closing card after it."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from kiosk.content.model import Card
from kiosk.ui.context import ScreenContext
from kiosk.ui.rich_text import blocks_html
from kiosk.ui.tokens import Radius, Size, Space, Stroke, Type
from kiosk.ui.widgets import ContentButton, card, label, scroll_page


def fill_card(ctx: ScreenContext, model: Card, icon: str, colour: str, body: QVBoxLayout) -> None:
    """Put a card's icon and title on one line, and its paragraphs below, into `body`."""
    theme = ctx.theme
    body.setContentsMargins(
        theme.px(Space.XXXL), theme.px(Space.XXL), theme.px(Space.XXXL), theme.px(Space.XXL)
    )
    body.setSpacing(theme.px(Space.L))
    header = QHBoxLayout()
    header.setSpacing(theme.px(Space.L))
    symbol = QLabel()
    size = theme.px(Size.ICON_HERO)
    symbol.setPixmap(ctx.media.icon(icon, colour).pixmap(QSize(size, size)))
    header.addWidget(symbol, 0, Qt.AlignmentFlag.AlignTop)
    title = label(ctx.text(model.title), "title")
    title.setObjectName("card_title")
    # Set here too: inside a button (the closing card) the stylesheet makes labels plain.
    title.setStyleSheet(f"font-size: {theme.font_px(Type.TITLE)}px; {theme.bold_css}")
    header.addWidget(title, 1)
    body.addLayout(header)
    gap = theme.px(Space.M)
    text = label(blocks_html(model.body, ctx.session.language, gap), rich=True)
    text.setObjectName("card_body")
    text.setStyleSheet(f"font-size: {theme.font_px(Type.HEADING)}px;")
    body.addWidget(text)


def centred(card: QWidget) -> QWidget:
    """`card` at its natural height, in the middle of a page that scrolls if it must."""
    holder = QWidget()
    column = QVBoxLayout(holder)
    column.setContentsMargins(0, 0, 0, 0)
    column.addStretch(1)
    column.addWidget(card)
    column.addStretch(1)
    return scroll_page(holder)


def caution_card(ctx: ScreenContext, model: Card) -> QFrame:
    """The warning shown before the series, in the theme's caution colours."""
    frame, body = card()
    frame.setAccessibleName(ctx.text(model.title))
    frame.setStyleSheet(
        f"QFrame {{ background: {ctx.theme.colours['caution_bg']}; border: none;"
        f" border-radius: {ctx.theme.px(Radius.LARGE)}px; }}"
        f"QLabel {{ color: {ctx.theme.colours['caution_text']}; }}"
    )
    fill_card(ctx, model, "mdi6.alert-outline", ctx.theme.colours["caution_text"], body)
    return frame


def closing_card(ctx: ScreenContext, model: Card) -> QWidget:
    """The card after the last video; the whole card is one button (tap to go home)."""
    widget = ContentButton(ctx.text(model.title), "card")
    widget.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
    widget.setStyleSheet(
        f"QPushButton {{ background: {ctx.theme.colours['surface']};"
        f" border: {ctx.theme.px(Stroke.HEAVY)}px solid {ctx.theme.colours['primary']};"
        f" border-radius: {ctx.theme.px(Radius.LARGE)}px; }}"
    )
    fill_card(ctx, model, "mdi6.check-circle-outline", ctx.theme.colours["primary"], widget.body)
    for child in widget.findChildren(QLabel):
        child.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
    return widget
