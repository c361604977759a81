"""The bar above every screen but attract: Back, Home, the title, language and text size."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from kiosk.ui.context import ScreenContext

if TYPE_CHECKING:
    from kiosk.ui.read_aloud.service import ReadAloud
from kiosk.ui.rich_text import plain
from kiosk.ui.tokens import Size, Space
from kiosk.ui.widgets import button, clear_layout, set_role

# The Louder button's icon at each speech level (kiosk.flows.read_aloud.SPEECH_LEVELS_DB).
LOUDER_ICONS = ("mdi6.volume-low", "mdi6.volume-medium", "mdi6.volume-high")


class TopBar(QWidget):
    """Navigation and the patient's settings; rebuilt whenever the language or screen changes."""

    back = Signal()
    home = Signal()
    choose_language = Signal()  # the Language button: the bundle's languages did not fit

    def __init__(self, ctx: ScreenContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.read_aloud: ReadAloud | None = None
        self.heading: TitleLabel | None = None  # the title on show
        self._last: tuple | None = None
        self.column = QVBoxLayout(self)
        self.row = QHBoxLayout()
        self.column.addLayout(self.row)

    def render(
        self,
        title: str,
        show_back: bool,
        show_home: bool,
        portrait: bool,
        width: int,
        own_row: bool = False,
    ) -> None:
        """Rebuild the bar for the current screen; in portrait the title gets its own row.

        When the buttons' words do not fit in `width`, they give way to icons and language
        codes; their accessible names stay whole. When even the codes do not fit, one Language
        button stands for them all. A title too long for two lines beside the buttons gets its
        own row too, where it wraps whole: the full title always shows."""
        self._last = (title, show_back, show_home, portrait, width)
        clear_layout(self.column)
        self.row = QHBoxLayout()
        self.column.addLayout(self.row)
        theme = self.ctx.theme
        margin, spacing = theme.px(Space.XXL), theme.px(Space.L)
        self.column.setContentsMargins(margin, theme.px(Space.L), margin, theme.px(Space.XXS))
        self.row.setSpacing(spacing)
        # In landscape the title keeps a quarter of the width beside the buttons, and a gap.
        title_room = 0 if portrait else width // 4 + spacing
        left, right = self._buttons(show_back, show_home, width - title_room - 2 * margin)
        heading = self.heading = TitleLabel(plain(title))
        heading.setParent(self)
        heading.ensurePolished()
        beside = width - sum(b.sizeHint().width() + spacing for b in left + right) - 2 * margin
        own_row = own_row or portrait or not heading.fits(beside)
        if own_row:
            heading.max_lines = None  # the whole title, however many lines it takes
        else:
            # Should two lines still not hold it once laid out, it moves to a row of its own.
            heading.overflowed.connect(lambda: self._title_overflowed(heading))
        # A long title wraps (then ends in "…") rather than push buttons off the screen.
        policy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)  # as tall as its lines need (a new policy drops this)
        heading.setSizePolicy(policy)
        for widget in left:
            self.row.addWidget(widget)
        if own_row:
            self.row.addStretch(1)
            self.column.addWidget(heading)
        else:
            self.row.addWidget(heading, 1)
        for widget in right:
            self.row.addWidget(widget)

    def use_read_aloud(self, read_aloud: ReadAloud) -> None:
        """Offer `read_aloud` ("Read to me"; Repeat and Stop reading while it reads)."""
        self.read_aloud = read_aloud
        read_aloud.changed.connect(self.refresh)

    def refresh(self) -> None:
        """Draw the bar again as it was last asked for (read-aloud started or stopped)."""
        if self._last is not None and self.isVisible():
            self.render(*self._last)

    def _read_aloud_buttons(self) -> list[QPushButton]:
        """Read to me; while it reads, Repeat and Stop reading instead."""
        reader = self.read_aloud
        if reader is None or not reader.offered():
            return []
        if not reader.reading:
            return [self._icon_button("read_to_me", "mdi6.account-voice", reader.start)]
        return [
            self._icon_button("repeat_reading", "mdi6.replay", reader.repeat),
            self._icon_button("stop_reading", "mdi6.stop-circle-outline", reader.stop),
            self._louder_button(reader),
        ]

    def _louder_button(self, reader: ReadAloud) -> QPushButton:
        """Louder: its icon shows the level the patient is at (low, medium, high)."""
        widget = self._icon_button("louder", LOUDER_ICONS[reader.volume_level], reader.louder)
        widget.setObjectName("louder")

        def show_level() -> None:
            colour = self.ctx.theme.colours["primary"]
            widget.setIcon(self.ctx.directed_icon(LOUDER_ICONS[reader.volume_level], colour))

        widget.clicked.connect(show_level)  # after reader.louder, connected first
        return widget

    def _title_overflowed(self, heading: TitleLabel) -> None:
        # A title of an earlier render, not yet deleted, may still be laid out: not this one.
        if heading is self.heading:
            QTimer.singleShot(0, self, lambda: self.render(*self._last, own_row=True))

    def _buttons(
        self, show_back: bool, show_home: bool, room: int
    ) -> tuple[list[QPushButton], list[QPushButton]]:
        """The buttons before and after the title, in the first way that fits in `room`:
        with words, as icons and codes, then with one Language button for the languages."""
        several = len(self.ctx.bundle.model.languages) > 1
        ways = [(chooser, compact) for chooser in (False, True) for compact in (False, True)]
        ways = ways if several else ways[:2]
        for chooser, compact in ways:
            left = [self._icon_button("back", "mdi6.arrow-left", self.back)] if show_back else []
            if show_home:
                left.append(self._icon_button("home", "mdi6.home", self.home))
            right = self._read_aloud_buttons() + self._settings_buttons(several, chooser)
            for widget in left + right:
                widget.setParent(self)  # so the window's stylesheet sizes it before we measure
                widget.ensurePolished()
                if compact:
                    _compact(widget)
            gaps = self.row.spacing() * (len(left + right) - 1)
            needed = sum(b.sizeHint().width() for b in left + right) + gaps
            if needed <= room or (chooser, compact) == ways[-1]:
                return left, right
            for widget in left + right:
                widget.setParent(None)
                widget.deleteLater()
        raise AssertionError("the last way is always taken")

    def _settings_buttons(self, several: bool, chooser: bool) -> list[QPushButton]:
        """One button per language (when there are several) or the Language button, then
        larger text and high contrast."""
        if chooser:
            buttons = [self._icon_button("language", "mdi6.translate", self.choose_language)]
        elif several:
            buttons = [self._language_button(lang) for lang in self.ctx.bundle.model.languages]
        else:
            buttons = []
        larger = self._icon_button("larger_text", "mdi6.format-size", None)
        larger.setCheckable(True)
        larger.setChecked(self.ctx.session.larger_text)
        larger.toggled.connect(self.ctx.session.set_larger_text)
        contrast = self._icon_button("high_contrast", "mdi6.contrast-box", None)
        contrast.setCheckable(True)
        contrast.setChecked(self.ctx.session.high_contrast)
        contrast.toggled.connect(self.ctx.session.set_high_contrast)
        return [*buttons, larger, contrast]

    def _icon_button(self, wording_key: str, icon: str, signal) -> QPushButton:
        widget = button(
            self.ctx.word(wording_key),
            icon=self.ctx.directed_icon(icon, self.ctx.theme.colours["primary"]),
        )
        size = self.ctx.theme.px(Size.ICON)
        widget.setIconSize(QSize(size, size))
        if signal is not None:
            widget.clicked.connect(signal)
        return widget

    def _language_button(self, language: str) -> QPushButton:
        name = self.ctx.bundle.wording("language_name", language)
        widget = button(name)
        widget.setProperty("short_text", language.upper())
        widget.setCheckable(True)
        widget.setChecked(language == self.ctx.session.language)
        widget.clicked.connect(lambda: self.ctx.session.set_language(language))
        return widget


class TitleLabel(QLabel):
    """The screen's title on at most two lines, ending in "…" when it needs more (then it
    says so with `overflowed`); with max_lines None, the whole title on as many as it needs."""

    MAX_LINES = 2
    overflowed = Signal()

    def __init__(self, title: str) -> None:
        super().__init__()
        self.full_title = title
        self._fitted = title  # what it last chose to show (read-aloud may mark it meanwhile)
        self.max_lines: int | None = self.MAX_LINES
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setAccessibleName(title)
        set_role(self, "heading")
        self.setText(title)

    def fits(self, width: int) -> bool:
        """Whether the whole title fits in two lines `width` pixels wide."""
        room = QRect(0, 0, width - 2 * self.margin(), 1)
        return fitted_title(self.full_title, QFontMetrics(self.font()), room) == self.full_title

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.max_lines is None:
            return
        shown = fitted_title(self.full_title, QFontMetrics(self.font()), self.contentsRect())
        if shown != self._fitted:
            self._fitted = shown
            self.setText(shown)
            if shown != self.full_title:
                self.overflowed.emit()


def fitted_title(title: str, metrics: QFontMetrics, room: QRect) -> str:
    """`title`, or as many of its words as fit in two lines of `room` followed by "…"."""

    def fits(text: str) -> bool:
        box = QRect(0, 0, max(1, room.width()), 100_000)
        needed = metrics.boundingRect(box, Qt.TextFlag.TextWordWrap, text)
        return needed.height() <= TitleLabel.MAX_LINES * metrics.lineSpacing()

    words = title.split()
    count = len(words)
    while count > 1 and not fits(" ".join(words[:count]) + ("" if count == len(words) else "…")):
        count -= 1
    return title if count == len(words) else " ".join(words[:count]) + "…"


def _compact(widget: QPushButton) -> None:
    """Icon only (or the language code): the accessible name keeps the full words."""
    widget.ensurePolished()
    widget.setText(
        widget.property("short_text") or ("" if not widget.icon().isNull() else widget.text())
    )
