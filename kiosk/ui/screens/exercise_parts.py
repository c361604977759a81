"""The pieces of the exercise screen that show a workout's numbers and words.

Each takes what it shows and returns a widget; the screen (exercise.py) keeps the state and
decides which pieces a page has."""

from __future__ import annotations

import html

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.content.model import Exercise
from kiosk.content.spoken import filled_path
from kiosk.flows.workout import Workout
from kiosk.ui.context import ScreenContext
from kiosk.ui.rich_text import inline_html, plain
from kiosk.ui.tokens import Radius, Size, Space, Type
from kiosk.ui.widgets import ContentButton, button, card, label

HOLD_ACTIONS = ("tap_to_start_hold", "tap_to_pause", "tap_to_restart")


def hold_action(ctx: ScreenContext, workout: Workout) -> str:
    """What a tap on the hold button does now; it is also the button's accessible name."""
    return ctx.word(hold_action_key(workout))


def hold_action_key(workout: Workout) -> str:
    """The wording key of what a tap on the hold button does now."""
    if workout.holding:
        return "tap_to_pause"
    return "tap_to_restart" if workout.hold_paused else "tap_to_start_hold"


def hold_button(ctx: ScreenContext, workout: Workout) -> tuple[ContentButton, QLabel, QLabel]:
    """The hold countdown: one big button that starts, pauses and starts again.

    Returns the button, its seconds and its caption, which the screen updates each second."""
    theme = ctx.theme
    action = hold_action(ctx, workout)
    widget = ContentButton(action, "tile")
    widget.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
    hint_text = ctx.word("hold_for", seconds=workout.plan.hold_seconds)
    widget.setMinimumWidth(_hold_width(ctx, hint_text))
    widget.setStyleSheet(f"border-radius: {theme.px(Radius.ROUND)}px;")
    margin = theme.px(Space.L)
    widget.body.setContentsMargins(margin, theme.px(Space.M), margin, theme.px(Space.L))
    widget.body.setSpacing(0)
    hint = widget.add(label(hint_text, "caption"))
    hint.setObjectName("hold_hint")
    seconds = widget.add(big_number(ctx, workout.hold_left, "hold_seconds"))
    caption = widget.add(label(action))
    caption.setStyleSheet(f"font-size: {theme.font_px(Type.BODY)}px;")
    for part in (hint, caption):
        part.setAlignment(Qt.AlignmentFlag.AlignCenter)
    return widget, seconds, caption


def _hold_width(ctx: ScreenContext, hint: str) -> int:
    """Room for the hint on one line and each action on two, in whichever state it is.

    Wrapped labels do not widen a layout by themselves, and the width must not jump as the
    words change from "start" to "pause"."""
    theme = ctx.theme
    hint_font = theme.font(theme.font_px(Type.SMALL))
    action_font = theme.font(theme.font_px(Type.BODY), True)
    measure = QFontMetrics(action_font).horizontalAdvance
    actions = [ctx.word(key) for key in HOLD_ACTIONS]
    widest = max(
        QFontMetrics(hint_font).horizontalAdvance(hint),
        *(measure(word) for action in actions for word in action.split()),
        *(measure(action) // 2 for action in actions),
    )
    return min(
        max(widest + 2 * theme.px(Space.XXL), theme.font_px(Size.TIMER_LEAST)),
        theme.font_px(Size.TIMER_MOST),
    )


def rest_panel(ctx: ScreenContext, seconds_left: int) -> tuple[QFrame, QLabel]:
    """The rest between sets: a big countdown that runs by itself; returns it and its seconds."""
    theme = ctx.theme
    frame, body = card()
    frame.setAccessibleName(ctx.word("rest"))
    frame.setMinimumWidth(theme.font_px(Size.TIMER_FRAME))
    body.setContentsMargins(
        theme.px(Space.L), theme.px(Space.M), theme.px(Space.L), theme.px(Space.M)
    )
    body.setSpacing(0)
    heading = label(ctx.word("rest"), "heading")
    heading.setObjectName("rest_heading")
    heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
    body.addWidget(heading)
    seconds = big_number(ctx, seconds_left, "rest_seconds")
    body.addWidget(seconds)
    return frame, seconds


def big_number(ctx: ScreenContext, seconds: int, name: str) -> QLabel:
    """The seconds left, in the largest type; `name` tells hold from rest."""
    number = label(str(seconds), "huge", wrap=False)
    number.setObjectName(name)
    number.setAlignment(Qt.AlignmentFlag.AlignCenter)
    # Set on the label itself: the tile's label rule would otherwise win over "huge".
    number.setStyleSheet(f"font-size: {ctx.theme.font_px(Type.NUMBER)}px;")
    return number


def icon_button(ctx: ScreenContext, wording_key: str, icon: str, role: str = "") -> QPushButton:
    """A button with an icon before its words, named by its words; an arrow in `icon` points
    the way the patient's language runs."""
    colour = ctx.theme.colours["on_primary"] if role == "primary" else ctx.theme.colours["primary"]
    widget = button(ctx.word(wording_key), role, ctx.directed_icon(icon, colour))
    size = ctx.theme.px(Size.ICON)
    widget.setIconSize(QSize(size, size))
    return widget


def caution(ctx: ScreenContext, exercise: Exercise) -> QLabel:
    """When to stop, in the caution style; shown with every step and the finish card."""
    items = [ctx.text(item) for item in exercise.stop_if]
    heading = html.escape(ctx.word("stop_if"))
    lines = "".join(f"<br>•&nbsp;{inline_html(item)}" for item in items)
    widget = label(f"<b>{heading}</b>{lines}", "caution", rich=True)
    widget.setObjectName("stop_if")
    widget.setAccessibleName(plain(" ".join([ctx.word("stop_if"), *items])))
    return widget


def what_was_done(ctx: ScreenContext, workout: Workout) -> tuple[str, str]:
    """What the patient did, as counted (all the sets, some repeats, or nothing to claim:
    ""), and the words' name in the narration index."""
    plan = workout.plan
    if workout.all_done:
        return filled_word(ctx, "sets_reps", sets=plan.sets, reps=plan.repetitions)
    if workout.total_done:
        return filled_word(ctx, "reps_done", done=workout.total_done, total=plan.total_repetitions)
    return "", ""


def filled_word(ctx: ScreenContext, key: str, **values: int) -> tuple[str, str]:
    """The wording `key` filled in with `values`, and its name in the narration index."""
    return ctx.word(key, **values), filled_path(key, **values)


def praise_heading(ctx: ScreenContext) -> QHBoxLayout:
    """A big tick and "Well done!"."""
    theme = ctx.theme
    heading = QHBoxLayout()
    heading.setSpacing(theme.px(Space.L))
    icon = QLabel()
    size = theme.px(Size.ICON_HERO)
    icon.setPixmap(ctx.media.icon("mdi6.check-circle", ctx.theme.colours["primary"]).pixmap(size))
    heading.addWidget(icon)
    praise = label(ctx.word("well_done"), "title")
    praise.setObjectName("well_done")
    heading.addWidget(praise, 1)
    return heading


def next_exercise_button(ctx: ScreenContext, following: Exercise) -> ContentButton:
    """A big button naming what comes next, so the patient knows where it leads."""
    text = ctx.word("next_exercise")
    widget = ContentButton(text, "tile")
    widget.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
    widget.add(label(text)).setAlignment(Qt.AlignmentFlag.AlignCenter)
    title = widget.add(label(ctx.text(following.title), "caption"))
    title.setAlignment(Qt.AlignmentFlag.AlignCenter)
    return widget


def top_aligned(widget: QWidget) -> QWidget:
    """`widget` at the top of a holder that takes the rest of the height."""
    holder = QWidget()
    column = QVBoxLayout(holder)
    column.setContentsMargins(0, 0, 0, 0)
    column.addWidget(widget)
    column.addStretch(1)
    return holder
