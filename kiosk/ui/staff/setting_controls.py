"""Touch controls for one declared setting: a switch, a button that cycles through choices,
or − and + steppers within its bounds. No typing anywhere."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QHBoxLayout, QWidget

from kiosk.content import LoadedBundle
from kiosk.settings import Setting
from kiosk.ui.staff.parts import bare_widget, staff_button
from kiosk.ui.theme import Theme
from kiosk.ui.tokens import Size, Space, Type
from kiosk.ui.widgets import button, label

NICE = (1, 1.5, 2, 3, 4, 5, 6, 8)  # stepper stops per power of ten: 10, 15, 20, 30, 40...
FLOAT_STOPS = 10  # a float setting moves in tenths of its range (volume: 10 % a tap)


def choices(setting: Setting, bundle: LoadedBundle, current: Any) -> list[Any]:
    """What a cycling button steps through; the language from the bundle on show."""
    if setting.key == "default_language":
        options = ["", *bundle.model.languages]
    else:
        options = list(setting.choices)
    return options if current in options else [current, *options]


def shown(setting: Setting, value: Any, bundle: LoadedBundle) -> str:
    """A value as staff read it: "On", "90 seconds", "70 %", "English (en)"."""
    if setting.type is bool:
        return "On" if value else "Off"
    if setting.key == "default_language":
        return _language(value, bundle)
    if setting.type is float and setting.bounds == (0.0, 1.0):
        return f"{round(value * 100)} %"
    if setting.unit:
        return f"{value:g} {setting.unit}"
    if isinstance(value, tuple):  # a list of texts, e.g. feed keys: the start of each
        return ", ".join(f"{item[:16]}…" if len(item) > 16 else item for item in value) or "(none)"
    if isinstance(value, str):
        return value.replace("-", " ") if value else "(empty)"
    return f"{value:g}"


def _language(code: str, bundle: LoadedBundle) -> str:
    model = bundle.model
    if not code:
        return f"The content's own ({bundle.wording('language_name', model.default_language)})"
    if code not in model.languages:
        return f"{code} (not in the content on show)"
    return f"{bundle.wording('language_name', code)} ({code})"


def stops(setting: Setting) -> list[float]:
    """The values − and + step between, from the lowest to the highest allowed."""
    low, high = setting.bounds or (0, 0)
    if setting.type is float:
        return [round(low + (high - low) * n / FLOAT_STOPS, 6) for n in range(FLOAT_STOPS + 1)]
    values = {low, high}
    for power in range(int(math.log10(max(high, 1))) + 1):
        values |= {nice * 10**power for nice in NICE}
    return sorted(int(v) for v in values if low <= v <= high and float(v).is_integer())


def stepped(setting: Setting, value: float, up: bool) -> Any:
    """The next stop above (or below) `value`; `value` itself at the end of the range."""
    if up:
        later = [stop for stop in stops(setting) if stop > value + 1e-9]
        return setting.type(later[0]) if later else value
    earlier = [stop for stop in stops(setting) if stop < value - 1e-9]
    return setting.type(earlier[-1]) if earlier else value


def control(
    setting: Setting,
    value: Any,
    bundle: LoadedBundle,
    theme: Theme,
    on_change: Callable[[Any], None],
    big: bool = False,
) -> QWidget:
    """The touch control for `setting` showing `value`; `on_change` gets the new value."""
    row = bare_widget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(theme.px(Space.M))
    name = setting.title
    if setting.type is bool:
        switch = button(shown(setting, value, bundle), name=name)
        switch.setCheckable(True)
        switch.setChecked(bool(value))
        switch.setMinimumWidth(theme.px(Size.STAFF_SWITCH_WIDTH))
        switch.clicked.connect(lambda _=False: on_change(not value))
        layout.addWidget(switch)
    elif setting.bounds:
        layout.addWidget(_stepper(setting, value, bundle, theme, on_change, big))
    elif setting.choices or setting.key == "default_language":
        options = choices(setting, bundle, value)
        following = options[(options.index(value) + 1) % len(options)]
        cycle = staff_button(
            shown(setting, value, bundle),
            lambda: on_change(following),
            name=f"Change {name.lower()}",
        )
        layout.addWidget(cycle)
    else:
        layout.addWidget(label(shown(setting, value, bundle), "value"))
    layout.addStretch(1)
    return row


def _stepper(
    setting: Setting,
    value: float,
    bundle: LoadedBundle,
    theme: Theme,
    on_change: Callable[[Any], None],
    big: bool,
) -> QWidget:
    """− value +, each button as big as a fingertip (or a thumb, on the Volume page)."""
    holder = bare_widget()
    row = QHBoxLayout(holder)
    row.setContentsMargins(0, 0, 0, 0)
    row.setSpacing(theme.px(Space.M))
    name = setting.title.lower()
    side = theme.px(Size.ANSWER_HEIGHT if big else Size.TOUCH)
    lower = staff_button(
        "−", lambda: on_change(stepped(setting, value, up=False)), name=f"Lower {name}"
    )
    higher = staff_button(
        "+", lambda: on_change(stepped(setting, value, up=True)), name=f"Raise {name}"
    )
    low, high = setting.bounds or (value, value)
    lower.setEnabled(value > low)
    higher.setEnabled(value < high)
    shown_value = label(shown(setting, value, bundle), "huge" if big else "value", wrap=False)
    shown_value.setAlignment(Qt.AlignmentFlag.AlignCenter)
    # As wide as the widest value it can show ("1440 minutes"), so none is cut off and the
    # buttons do not move as the value changes.
    # Measured in the font the staff stylesheet gives these labels (parts.py): the label has
    # no parent yet, so its own fontMetrics() would still be the plain default.
    font = QFont(theme.bold_font_family)
    font.setPixelSize(theme.font_px(Type.NUMBER if big else Type.HEADING))
    font.setBold(True)
    metrics = QFontMetrics(font)
    widest = max(metrics.horizontalAdvance(shown(setting, v, bundle)) for v in {low, value, high})
    shown_value.setMinimumWidth(
        max(
            theme.px(Size.STAFF_VALUE_WIDTH_BIG if big else Size.STAFF_VALUE_WIDTH),
            widest + theme.px(Space.M),
        )
    )
    shown_value.setAccessibleName(setting.title)
    font = theme.font_px(Type.DISPLAY if big else Type.LARGE)
    for widget in (lower, higher):
        widget.setStyleSheet(f"min-width: {side}px; min-height: {side}px; font-size: {font}px;")
    row.addWidget(lower)
    row.addWidget(shown_value)
    row.addWidget(higher)
    return holder
