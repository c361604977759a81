"""Ice or heat: the bundle's decision tree, one question at a time, ending on a result card."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.content.model import Question, Result
from kiosk.flows.picker_path import PickerPath
from kiosk.ui.screens.base import Screen
from kiosk.ui.theme import COLOURS
from kiosk.ui.widgets import button, card, label

OUTCOME_ICONS = {"ice": "mdi6.snowflake", "heat": "mdi6.fire", "front_desk": "mdi6.alert-octagon"}


class PickerScreen(Screen):
    """Walks the picker tree; the path taken is kept so Back can retrace it."""

    def __init__(self, ctx) -> None:
        super().__init__(ctx)
        self.path = PickerPath(ctx.bundle.model.picker)

    @property
    def node_id(self) -> str:
        return self.path.node_id

    def reset_state(self) -> None:
        self.path = PickerPath(self.ctx.bundle.model.picker)  # the bundle may have changed

    def title(self) -> str:
        return self.ctx.text(self.ctx.bundle.model.picker.title)

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

    def _build_question(self, question: Question) -> None:
        theme = self.ctx.theme
        if self.path.at_start:
            self.root.addWidget(label(self.ctx.text(self.ctx.bundle.model.picker.intro), "muted"))
        self.root.addStretch(1)
        text = label(self.ctx.text(question.text), "title")
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.root.addWidget(text)
        if question.help is not None:
            help_text = label(self.ctx.text(question.help), "muted")
            help_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.root.addWidget(help_text)
        horizontal = len(question.answers) <= 2 and self.width() >= self.height()
        answers = QHBoxLayout() if horizontal else QVBoxLayout()
        answers.setSpacing(theme.px(40))
        for index, answer in enumerate(question.answers):
            choice = button(self.ctx.text(answer.label), "primary")
            # The stylesheet sets sizes, so these big answers say theirs there too.
            choice.setStyleSheet(
                f"font-size: {theme.font_px(48)}px; min-height: {theme.px(150)}px;"
                f"min-width: {theme.px(360)}px;"
            )
            choice.clicked.connect(lambda _=False, i=index: self.answer(i))
            answers.addWidget(choice)
        self.root.addSpacing(theme.px(24))
        self.root.addLayout(answers)
        self.root.addStretch(2)

    def _build_result(self, result: Result) -> None:
        self.root.addWidget(self._result_banner(result), 1 if result.outcome == "front_desk" else 0)
        sections = [
            (self.ctx.word(key), self.ctx.text(text))
            for key, text in (
                ("how_long", result.how_long),
                ("protect_skin", result.protect_skin),
                ("avoid_when", result.avoid_when),
            )
            if text is not None
        ]
        portrait = self.height() > self.width()
        row = QVBoxLayout() if portrait else QHBoxLayout()
        row.setSpacing(self.ctx.theme.px(24))
        for heading, text in sections:
            frame, body = card()
            body.setContentsMargins(*[self.ctx.theme.px(28)] * 4)
            body.addWidget(label(heading, "heading"))
            body.addWidget(label(text))
            body.addStretch(1)
            row.addWidget(frame, 1)
        if not sections:
            return
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(row)
        column.addStretch(1)
        self.root.addWidget(self.scroll_page(holder), 1)
        if result.outcome != "front_desk":
            again = button(self.ctx.word("start_over"), "primary")
            again.clicked.connect(self._start_over)
            bottom = QHBoxLayout()
            bottom.addStretch(1)
            bottom.addWidget(again)
            self.root.addLayout(bottom)

    def _result_banner(self, result: Result) -> QFrame:
        """The answer, big, on its outcome's colour: which one, and the one-line why."""
        theme, colour = self.ctx.theme, COLOURS[result.outcome]
        frame = QFrame()
        frame.setAccessibleName(self.ctx.text(result.title))
        frame.setStyleSheet(
            f"QFrame {{ background: {colour}; border-radius: {theme.px(24)}px; }}"
            f"QLabel {{ color: {COLOURS['on_primary']}; }}"
        )
        row = QHBoxLayout(frame)
        row.setContentsMargins(theme.px(40), theme.px(28), theme.px(40), theme.px(28))
        row.setSpacing(theme.px(32))
        icon = QLabel()
        size = theme.px(140)
        pixmap = self.ctx.media.icon(OUTCOME_ICONS[result.outcome], COLOURS["on_primary"])
        icon.setPixmap(pixmap.pixmap(QSize(size, size)))
        row.addWidget(icon)
        words = QVBoxLayout()
        words.addWidget(label(self.ctx.text(result.title), "title"))
        words.addWidget(label(self.ctx.text(result.summary), "heading"))
        row.addLayout(words, 1)
        return frame

    def _start_over(self) -> None:
        self.reset_state()
        self.render()
        self.chrome_changed.emit()
