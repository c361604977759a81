"""What the read-aloud tests share: a sound check the test answers, and waiting for a sentence
to be highlighted as the real narration plays."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from tests.helpers.driving import settle
from tests.helpers.screens import TIMEOUT


class Speaker:
    """The kiosk's sound check, answered by the test: plugged in until it says not."""

    def __init__(self) -> None:
        self.plugged_in = True

    def __call__(self) -> bool:
        return self.plugged_in


def highlighted(kiosk) -> tuple[object, str]:
    return kiosk.read_aloud.highlighted


def wait_for_sentence(qtbot, kiosk, sentence: str, timeout: int = TIMEOUT) -> QLabel:
    """Wait until `sentence` is highlighted (up to `timeout` ms); the label showing it."""
    qtbot.waitUntil(lambda: highlighted(kiosk)[1] == sentence, timeout=timeout)
    return highlighted(kiosk)[0]


def shows_highlight(label: QLabel, sentence: str, colours: dict[str, str]) -> bool:
    """The label shows `sentence` on the highlight colour, in the highlight's ink."""
    style = f"background-color: {colours['highlight']}; color: {colours['on_highlight']};"
    span = f'<span style="{style}">'
    return label.text().count(span) >= 1 and sentence.split()[0] in label.text().split(span, 1)[1]


def press_by_keys(kiosk, name: str, step: str = "next") -> None:
    """Move the keypad's ring (a step of `step` at a time) to the control `name`, and press it."""
    window, keypad = kiosk.window, kiosk.keypad
    window.activateWindow()
    if keypad.current is None:
        keypad.act("next")  # the first key shows the ring
    while keypad.current.accessibleName() != name:
        keypad.act(step)
    keypad.act("activate")
    settle()
