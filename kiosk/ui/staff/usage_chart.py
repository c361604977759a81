"""A painted bar chart of what patients were shown per day: one bar a day, labelled axes."""

from __future__ import annotations

import math
from datetime import date

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from kiosk.ui.theme import COLOURS, Theme
from kiosk.ui.tokens import Size, Space, Stroke, Type

Y_TITLE = "Things shown"
X_TITLE = "Day"
LABEL_EVERY = 5  # days between date labels; the last day (today) is always labelled


def nice_ceiling(value: int) -> int:
    """The top of the scale: four equal, round steps (5, 10, 15, 20...) reaching `value`."""
    quarter = max(1, math.ceil(value / 4))
    power = 10 ** int(math.log10(quarter))
    steps = (power * nice for nice in (1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10))
    return 4 * next(int(step) for step in steps if step >= quarter and float(step).is_integer())


class UsageChart(QWidget):
    """Bars for (day, count) pairs, drawn in the kiosk's high-contrast colours."""

    def __init__(self, totals: list[tuple[date, int]], theme: Theme) -> None:
        super().__init__()
        self.totals = totals
        self.theme = theme
        self.setAccessibleName("Usage per day")
        shown = sum(count for _, count in totals)
        busiest = max(totals, key=lambda pair: pair[1], default=None)
        summary = f"{shown} things shown in {len(totals)} days"
        if busiest and busiest[1]:
            summary += f"; the busiest day was {busiest[0]:%d %b} with {busiest[1]}"
        self.setAccessibleDescription(summary)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(theme.px(Size.CHART_LEAST_HEIGHT))

    def sizeHint(self) -> QSize:
        return self.theme.size(Size.CHART)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor(COLOURS["surface"]))
        font = QFont(self.font())
        font.setPixelSize(self.theme.font_px(Type.SMALL))
        font.setBold(False)
        painter.setFont(font)
        metrics = painter.fontMetrics()
        top = self.theme.px(Space.L) + metrics.height() // 2
        highest = nice_ceiling(max((count for _, count in self.totals), default=0))
        left = self.theme.px(Space.L) + metrics.height() + metrics.horizontalAdvance(f"{highest} ")
        bottom = (
            self.height() - self.theme.px(Space.M) - 2 * metrics.height() - self.theme.px(Space.S)
        )
        right = self.width() - self.theme.px(Space.L)
        plot = QRectF(left, top, max(1, right - left), max(1, bottom - top))
        self._grid(painter, plot, highest)
        self._bars(painter, plot, highest)
        self._titles(painter, plot)
        painter.end()

    def _grid(self, painter: QPainter, plot: QRectF, highest: int) -> None:
        """Four gridlines with their counts, and the axes."""
        metrics = painter.fontMetrics()
        for step in range(5):
            value = highest * step // 4
            y = plot.bottom() - plot.height() * step / 4
            painter.setPen(QPen(QColor(COLOURS["border"]), self.theme.px(Stroke.HAIRLINE)))
            painter.drawLine(int(plot.left()), int(y), int(plot.right()), int(y))
            painter.setPen(QColor(COLOURS["text"]))
            text = str(value)
            x = plot.left() - self.theme.px(Space.XS) - metrics.horizontalAdvance(text)
            painter.drawText(int(x), int(y + metrics.ascent() / 2 - 1), text)
        painter.setPen(QPen(QColor(COLOURS["text"]), self.theme.px(Stroke.THICK)))
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        painter.drawLine(plot.bottomLeft(), plot.topLeft())

    def _bars(self, painter: QPainter, plot: QRectF, highest: int) -> None:
        """One bar a day, its count above it when it fits, and every fifth date below."""
        metrics = painter.fontMetrics()
        slot = plot.width() / max(1, len(self.totals))
        gap = max(1.0, slot * 0.2)
        for index, (day, count) in enumerate(self.totals):
            x = plot.left() + index * slot + gap / 2
            height = plot.height() * count / highest
            bar = QRectF(x, plot.bottom() - height, slot - gap, height)
            painter.fillRect(bar, QColor(COLOURS["primary"]))
            painter.setPen(QColor(COLOURS["text"]))
            number = str(count)
            if count and metrics.horizontalAdvance(number) <= slot:
                painter.drawText(
                    QRectF(x - gap / 2, bar.top() - metrics.height(), slot, metrics.height()),
                    Qt.AlignmentFlag.AlignCenter,
                    number,
                )
            last = index == len(self.totals) - 1
            if last or (len(self.totals) - 1 - index) % LABEL_EVERY == 0:
                text = "Today" if last and day == date.today() else f"{day.day} {day:%b}"
                width = metrics.horizontalAdvance(text) + self.theme.px(Space.XS)
                centre = min(x + (slot - gap) / 2, plot.right() - width / 2)
                painter.drawText(
                    QRectF(
                        centre - width / 2,
                        plot.bottom() + self.theme.px(Space.XS),
                        width,
                        metrics.height(),
                    ),
                    Qt.AlignmentFlag.AlignCenter,
                    text,
                )

    def _titles(self, painter: QPainter, plot: QRectF) -> None:
        """The axes' names: days along the bottom, counts up the side."""
        metrics = painter.fontMetrics()
        painter.setPen(QColor(COLOURS["text"]))
        bold = QFont(painter.font())
        bold.setBold(True)
        painter.setFont(bold)
        below = QRectF(
            plot.left(),
            self.height() - metrics.height() - self.theme.px(Space.XS),
            plot.width(),
            metrics.height(),
        )
        painter.drawText(below, Qt.AlignmentFlag.AlignCenter, X_TITLE)
        painter.save()
        painter.translate(self.theme.px(Space.XS) + metrics.height() / 2, plot.center().y())
        painter.rotate(-90)
        side = QRectF(-plot.height() / 2, -metrics.height() / 2, plot.height(), metrics.height())
        painter.drawText(side, Qt.AlignmentFlag.AlignCenter, Y_TITLE)
        painter.restore()
