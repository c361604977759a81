"""Take-home QR codes: made by segno as SVG, drawn by QtSvg at a whole number of pixels per
module, quiet zone kept, black on white whatever the screen's colours."""

from __future__ import annotations

import io
import math
from functools import lru_cache

import segno
from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout

from kiosk.content.take_home import short_address
from kiosk.ui.context import ScreenContext
from kiosk.ui.tokens import Radius, Space, Type
from kiosk.ui.widgets import label

QUIET_ZONE = 4  # modules of light border the QR standard asks for
CODE_PX = 240  # the least side of a code at 1080p, quiet zone included
DARK, LIGHT = "#000000", "#ffffff"  # the most contrast a phone's camera can get


def code_image(address: str, least_px: int) -> QImage:
    """`address` as a QR code at least `least_px` square, each module a whole number of px."""
    return QImage(_code_image(address, least_px))  # a copy: the cached one stays untouched


@lru_cache(maxsize=32)
def _code_image(address: str, least_px: int) -> QImage:
    code = segno.make(address, error="m", micro=False)
    modules = code.symbol_size(scale=1, border=QUIET_ZONE)[0]
    side = modules * max(1, math.ceil(least_px / modules))
    svg = io.BytesIO()
    code.save(svg, kind="svg", scale=1, border=QUIET_ZONE, dark=DARK, light=LIGHT, xmldecl=False)
    image = QImage(side, side, QImage.Format.Format_RGB32)
    image.fill(QColor(LIGHT))
    painter = QPainter(image)
    # Module edges fall on whole pixels, so no smoothing: crisp edges read best.
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    QSvgRenderer(QByteArray(svg.getvalue())).render(painter, QRectF(0, 0, side, side))
    painter.end()
    return image


def take_home_card(ctx: ScreenContext, address: str) -> QFrame:
    """The invitation in the patient's language, the code, and the address printed under it."""
    theme = ctx.theme
    frame = QFrame()
    frame.setObjectName("take_home")
    frame.setStyleSheet(
        f"QFrame#take_home {{ background: {LIGHT}; border-radius: {theme.px(Radius.MEDIUM)}px; }}"
    )
    invitation = ctx.word("take_home")
    frame.setAccessibleName(invitation)
    frame.setAccessibleDescription(address)
    column = QVBoxLayout(frame)
    column.setContentsMargins(
        theme.px(Space.L), theme.px(Space.M), theme.px(Space.L), theme.px(Space.M)
    )
    column.setSpacing(theme.px(Space.XXS))
    words = label(invitation, "heading")  # one line where there is room, else two
    words.setStyleSheet(f"font-size: {theme.font_px(Type.BODY)}px; color: {DARK};")
    code = QLabel()
    code.setObjectName("take_home_code")
    code.setPixmap(QPixmap.fromImage(code_image(address, theme.px(CODE_PX))))
    code.setAccessibleName(invitation)
    shown = label(short_address(address), wrap=False)
    shown.setObjectName("take_home_address")
    shown.setStyleSheet(f"font-size: {theme.font_px(Type.SMALL)}px; color: {DARK};")
    for widget in (words, code, shown):
        widget.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # The column's whole width for the words: a wrapped label given a layout alignment
        # gets its narrow size hint and loses its second line.
        column.addWidget(widget)
    return frame
