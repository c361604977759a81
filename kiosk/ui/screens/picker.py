"""Ice or heat: the bundle's decision tree, one question at a time, ending on a result card."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from kiosk.content.model import Question, Result
from kiosk.flows.picker_path import PickerPath
from kiosk.ui.direction import in_direction
from kiosk.ui.rich_text import inline_html
from kiosk.ui.screens.base import Route, Screen, text_path, word_path
from kiosk.ui.tokens import Radius, Size, Space, Stroke, Type
from kiosk.ui.widgets import ContentButton, ScrollColumn, button, card, label

# Each outcome's icon, and the colour names of its background and text; caution is calm
# (light, with a border), unlike the red flag, so "ask us first" does not read as an emergency.
OUTCOME_LOOKS = {
    "ice": ("mdi6.snowflake", "ice", "on_primary"),
    "heat": ("mdi6.fire", "heat", "on_primary"),
    "either": ("mdi6.snowflake-thermometer", "either", "on_primary"),
    "caution": ("mdi6.chat-question-outline", "caution_bg", "caution_text"),
    "front_desk": ("mdi6.alert-octagon", "front_desk", "on_primary"),
}
ANSWER_PX = 48  # an answer's type at 1080p, when it fits in MAX_ANSWER_LINES
MAX_ANSWER_LINES = 3


class PickerScreen(Screen):
    """Shows the picker path's node and forwards taps to it; Back retraces the path."""

    def __init__(self, ctx) -> None:
        super().__init__(ctx)
        self.path = PickerPath(ctx.bundle.model.picker)
        self._left_from: Route | None = None  # the visit a link onward left, to come back to
        self._returning = False

    @property
    def node_id(self) -> str:
        return self.path.node_id

    def show_route(self, route: Route) -> None:
        # Back from a linked exercise returns to this same visit (the very Route object the
        # history kept); a new visit from home is a new Route, and the idle reset clears it.
        self._returning = route is self._left_from
        super().show_route(route)

    def reset_state(self) -> None:
        if not self._returning:
            self.path = PickerPath(self.ctx.bundle.model.picker)  # the bundle may have changed
        self._left_from, self._returning = None, False

    def title(self) -> str:
        return self.ctx.text(self.ctx.bundle.model.picker.title)

    def title_path(self) -> str:
        return text_path("picker", "title")

    def _path(self, *loc: str | int) -> str:
        """The narration's name for a text of the node on show."""
        return text_path("picker", "nodes", self.node_id, *loc)

    def build(self) -> None:
        node = self.path.node
        if isinstance(node, Question):
            self._build_question(node)
        else:
            self._build_result(node)

    def step_back(self) -> bool:
        if self.path.back():
            self.render()
            return True
        return False

    def show_path(self, node_ids: list[str]) -> None:
        """Show the node at the end of `node_ids` (answers taken from the first question)."""
        self.path.follow(node_ids)
        self.render()
        self.chrome_changed.emit()

    def answer(self, index: int) -> None:
        """Take the answer number `index` of the question on show."""
        node = self.path.answer(index)
        if isinstance(node, Result):
            self.viewed.emit("picker_result", self.path.node_id)
        self.render()
        self.chrome_changed.emit()

    # --- A question ------------------------------------------------------------------------

    def _build_question(self, question: Question) -> None:
        picker, theme = self.ctx.bundle.model.picker, self.ctx.theme
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(theme.px(Space.L))
        if self.path.at_start:
            intro = label(self.ctx.text(picker.intro))
            column.addWidget(self.reads(text_path("picker", "intro"), intro))
            if picker.disclaimer is not None:
                note = label(self.ctx.text(picker.disclaimer), "note")
                column.addWidget(self.reads(text_path("picker", "disclaimer"), note))
        column.addStretch(1)
        for text, role, field in ((question.text, "title", "text"), (question.help, "", "help")):
            if text is not None:
                words = label(self.ctx.text(text), role)
                words.setAlignment(Qt.AlignmentFlag.AlignCenter)
                column.addWidget(self.reads(self._path(field), words))
        column.addSpacing(theme.px(Space.L))
        column.addLayout(self._answers(question))
        column.addStretch(2)
        # Long answers in larger text may not fit a small screen: the page scrolls, never clips.
        self.root.addWidget(self.scroll_page(holder), 1)

    def _answers(self, question: Question) -> QGridLayout:
        """Answers side by side in landscape (two to a row), one under another in portrait."""
        theme, gap = self.ctx.theme, self.ctx.theme.px(Space.XXL)
        area = self.window().size()  # this page may not have its final size yet
        columns = min(2, len(question.answers)) if area.width() >= area.height() else 1
        grid = QGridLayout()
        grid.setSpacing(gap)
        for column in range(columns):
            grid.setColumnStretch(column, 1)  # equal columns, as the type size assumes
        room = (area.width() - 2 * theme.px(Space.XXL) - (columns - 1) * gap) // columns
        texts = [self.ctx.text(answer.label) for answer in question.answers]
        size = self._answer_font_px(texts, room - 2 * (theme.px(Space.L) + theme.px(Stroke.THICK)))
        for index, text in enumerate(texts):
            grid.addWidget(self._answer_button(text, size, index), *divmod(index, columns))
        return grid

    def _answer_button(self, text: str, size: int, index: int) -> ContentButton:
        """A big answer whose words wrap; the button grows with them."""
        choice = ContentButton(text, "answer")
        pad = self.ctx.theme.px(Space.L)  # the words keep clear of the rounded edge
        choice.body.setContentsMargins(pad, pad // 2, pad, pad // 2)
        words = choice.add(label(text))
        words.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.reads(self._path("answers", index, "label"), words)
        words.setStyleSheet(f"font-size: {size}px;")
        choice.clicked.connect(lambda _=False, i=index: self.answer(i))
        return choice

    def _answer_font_px(self, texts: list[str], width: int) -> int:
        """The largest size, down to body size, at which every answer fits in three lines."""
        theme = self.ctx.theme
        body, largest = theme.font_px(Type.BODY), theme.font_px(ANSWER_PX)
        font = theme.font(largest, bold=True)
        for size in range(largest, body - 1, -1):
            font.setPixelSize(size)
            metrics = QFontMetrics(font)
            box = QRect(0, 0, max(1, width), 100_000)
            lines = [metrics.boundingRect(box, Qt.TextFlag.TextWordWrap, t).height() for t in texts]
            if max(lines) <= MAX_ANSWER_LINES * metrics.lineSpacing():
                return size
        return body  # more lines then, but never smaller type

    # --- A result --------------------------------------------------------------------------

    def _build_result(self, result: Result) -> None:
        self.root.addWidget(self._result_banner(result))  # reads first: the answer
        holder = ScrollColumn(self.ctx.theme.px(Space.XS))
        column = holder.column
        column.setSpacing(self.ctx.theme.px(Space.L))
        if result.what_to_do:
            column.addWidget(self._steps_card(result))
        column.addLayout(self._section_cards(result))
        if (disclaimer := self.ctx.bundle.model.picker.disclaimer) is not None:
            note = label(self.ctx.text(disclaimer), "note")
            column.addWidget(self.reads(text_path("picker", "disclaimer"), note))
        column.addStretch(1)
        self.root.addWidget(self.scroll_page(holder), 1)
        self.root.addLayout(self._result_buttons(result))

    def _steps_card(self, result: Result) -> QFrame:
        """What to do now, as numbered steps."""
        frame, body = card()
        body.setContentsMargins(*self.ctx.theme.insets(Space.L))
        for number, step in enumerate(result.what_to_do, 1):
            row = QHBoxLayout()
            row.setSpacing(self.ctx.theme.px(Space.L))
            marker = label(in_direction(f"{number}.", self.ctx.direction), "heading", wrap=False)
            row.addWidget(marker, 0, Qt.AlignmentFlag.AlignTop)
            words = label(inline_html(self.ctx.text(step)), rich=True)
            row.addWidget(self.reads(self._path("what_to_do", number - 1), words), 1)
            body.addLayout(row)
        return frame

    def _section_cards(self, result: Result) -> QBoxLayout:
        sections = [
            (key, self.ctx.text(text))
            for key, text in (
                ("how_long", result.how_long),
                ("protect_skin", result.protect_skin),
                ("avoid_when", result.avoid_when),
            )
            if text is not None
        ]
        area = self.window().size()
        row = QVBoxLayout() if area.height() > area.width() else QHBoxLayout()
        row.setSpacing(self.ctx.theme.px(Space.L))
        for key, text in sections:
            frame, body = card()
            body.setContentsMargins(*self.ctx.theme.insets(Space.L))
            body.addWidget(self.reads(word_path(key), label(self.ctx.word(key), "heading")))
            body.addWidget(self.reads(self._path(key), label(text)))
            body.addStretch(1)
            row.addWidget(frame, 1)
        return row

    def _result_buttons(self, result: Result) -> QBoxLayout:
        """Links onward, then Start over; a red flag offers no fresh start, only Back and Home."""
        bottom = QHBoxLayout()
        bottom.setSpacing(self.ctx.theme.px(Space.L))
        for link in self.link_buttons(result.links):
            link.clicked.connect(self._leave_by_link)
            bottom.addWidget(link)
        bottom.addStretch(1)
        if result.outcome != "front_desk":
            again = button(self.ctx.word("start_over"), "primary")
            again.clicked.connect(self._start_over)
            bottom.addWidget(again)
        return bottom

    def _result_banner(self, result: Result) -> QFrame:
        """The answer, big, on its outcome's colour: which one, and the one-line why."""
        theme = self.ctx.theme
        icon_name, background_name, ink_name = OUTCOME_LOOKS[result.outcome]
        colours = self.ctx.theme.colours
        background, ink = colours[background_name], colours[ink_name]
        frame = QFrame()
        frame.setAccessibleName(self.ctx.text(result.title))
        frame.setObjectName("outcome")
        border = (
            f"border: {theme.px(Stroke.HEAVY)}px solid {ink};"
            if result.outcome == "caution"
            else ""
        )
        frame.setStyleSheet(
            f"QFrame#outcome {{ background: {background};"
            f" border-radius: {theme.px(Radius.LARGE)}px;"
            f" {border} }} QLabel {{ color: {ink}; }}"
        )
        row = QHBoxLayout(frame)
        row.setContentsMargins(
            theme.px(Space.XXL), theme.px(Space.L), theme.px(Space.XXL), theme.px(Space.L)
        )
        row.setSpacing(theme.px(Space.XL))
        icon = QLabel()
        size = theme.px(Size.RESULT_ICON)
        icon.setPixmap(self.ctx.media.icon(icon_name, ink).pixmap(QSize(size, size)))
        row.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        words = QVBoxLayout()
        words.addWidget(
            self.reads(self._path("title"), label(self.ctx.text(result.title), "title"))
        )
        summary = label(self.ctx.text(result.summary), "heading")
        words.addWidget(self.reads(self._path("summary"), summary))
        row.addLayout(words, 1)
        return frame

    def _leave_by_link(self) -> None:
        self._left_from = self.route

    def _start_over(self) -> None:
        self.path.reset()
        self.render()
        self.chrome_changed.emit()
