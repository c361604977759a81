"""A finger drags a page up and down; a tap still taps; nothing is kept per scroll area."""

from __future__ import annotations

import os
import subprocess
import sys

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from kiosk.ui.drag_scroll import DragScroller
from kiosk.ui.widgets import scroll_page

LEFT = Qt.MouseButton.LeftButton


_windows: list[QWidget] = []  # qtbot holds its widgets weakly: keep the test's window alive


def page_of_buttons(qtbot, count: int = 30) -> tuple[QWidget, list[QPushButton], list[str]]:
    """A 600x800 window holding a scrolling page of tall buttons; `clicked` records taps."""
    window = QWidget()
    _windows[:] = [window]
    qtbot.addWidget(window)
    holder = QWidget()
    column = QVBoxLayout(holder)
    clicked: list[str] = []
    buttons = []
    for index in range(count):
        name = f"Item {index}"
        button = QPushButton(name)
        button.setMinimumHeight(90)
        button.clicked.connect(lambda _=False, name=name: clicked.append(name))
        column.addWidget(button)
        buttons.append(button)
    area = scroll_page(holder)
    QVBoxLayout(window).addWidget(area)
    window.resize(600, 800)
    window.show()
    qtbot.waitExposed(window)
    return area, buttons, clicked


def drag(widget: QWidget, start: QPoint, dy: int, steps: int = 8, hold_ms: int = 0) -> None:
    """Press, move `dy` pixels in `steps` moves 10 ms apart, hold still `hold_ms`, lift.

    Moves are placed on the window, as a finger's are: the pressed widget moves with the page."""
    window, origin = widget.window().windowHandle(), widget.mapTo(widget.window(), start)
    QTest.mousePress(window, LEFT, pos=origin)
    for step in range(1, steps + 1):
        QTest.mouseMove(window, origin + QPoint(0, dy * step // steps), 10)
    QTest.qWait(hold_ms)
    QTest.mouseRelease(window, LEFT, pos=origin + QPoint(0, dy))


def test_a_tap_taps_at_once(qtbot) -> None:
    area, buttons, clicked = page_of_buttons(qtbot)
    QTest.mouseClick(buttons[2], LEFT)
    assert clicked == ["Item 2"]
    assert area.verticalScrollBar().value() == 0


def test_a_drag_on_a_button_scrolls_the_page_without_a_click(qtbot) -> None:
    area, buttons, clicked = page_of_buttons(qtbot)
    start = buttons[5].rect().center()
    drag(buttons[5], start, -300, hold_ms=300)  # the finger stops before lifting: no fling
    bar = area.verticalScrollBar()
    assert 250 <= bar.value() <= 320
    assert clicked == []
    assert not buttons[5].isDown()
    QTest.mouseClick(buttons[8], LEFT)  # the next tap is a tap again
    assert clicked == ["Item 8"]


def test_a_small_wobble_is_still_a_tap(qtbot) -> None:
    area, buttons, clicked = page_of_buttons(qtbot)
    drag(buttons[1], buttons[1].rect().center(), 4, steps=2)
    assert clicked == ["Item 1"]
    assert area.verticalScrollBar().value() == 0


def test_a_quick_flick_carries_on_and_stops(qtbot) -> None:
    area, buttons, _clicked = page_of_buttons(qtbot)
    bar = area.verticalScrollBar()
    drag(buttons[6], buttons[6].rect().center(), -200, steps=5)
    released_at = bar.value()
    scroller = DragScroller.install()
    assert scroller.flinging
    qtbot.waitUntil(lambda: not scroller.flinging, timeout=5000)
    assert bar.value() > released_at + 50  # momentum took the page further


MAKE_AND_DROP = """
import gc, sys, psutil
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QWidget, QVBoxLayout
from kiosk.ui.widgets import scroll_page
app = QApplication([])
holder = QWidget()
layout = QVBoxLayout(holder)
holder.show()
for batch in range(4):
    for _ in range(1000):
        area = scroll_page(QWidget())
        layout.addWidget(area)
        QApplication.processEvents()
        area.setParent(None)
        area.deleteLater()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    gc.collect()
    print(psutil.Process().memory_info().rss)
"""


def test_scroll_areas_leave_nothing_behind() -> None:
    """Qt's QScroller kept ~2.6 KB per area ever made; months of renders add that up.

    Measured in a fresh process: the test run's own heap would hide a few KB a time."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", MAKE_AND_DROP], capture_output=True, text=True, env=env, timeout=120
    )
    readings = [int(line) for line in done.stdout.split()]
    assert len(readings) == 4, done.stderr[-2000:]
    grown = readings[-1] - readings[0]  # 3,000 areas after a warm-up of 1,000
    assert grown < 1024 * 1024, f"{grown / 1024:.0f} KB kept by 3,000 scroll areas"
