"""A right-to-left language mirrors the kiosk: the bar, the step order, arrows, swipes, keys,
the progress bar and what widgets paint themselves; back in English, it all turns back."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QAbstractButton, QLabel, QProgressBar, QWidget

from kiosk.ui.screens.base import Route
from kiosk.ui.video.surface import VideoSurface
from kiosk.ui.widgets import ScrollColumn
from tests.helpers.bundles import bundle
from tests.helpers.driving import find_button, settle, tap
from tests.helpers.screens import open_exercise

RTL, LTR = Qt.LayoutDirection.RightToLeft, Qt.LayoutDirection.LeftToRight


@pytest.fixture
def arabic(make_kiosk):
    """The kiosk on the Arabic test bundle (Arabic first, then English)."""
    return make_kiosk(bundle("arabic"))


def middle_x(widget: QWidget) -> int:
    return widget.mapTo(widget.window(), widget.rect().center()).x()


def shows_icon(widget: QAbstractButton, window, name: str, colour: str) -> bool:
    """Whether `widget` shows the qtawesome icon `name` (compared as drawn)."""
    size = widget.iconSize()
    drawn = widget.icon().pixmap(size).toImage()
    return drawn == window.ctx.media.icon(name, colour).pixmap(size).toImage()


def test_arabic_mirrors_the_bar_and_english_turns_it_back(qtbot, arabic) -> None:
    window = arabic.window
    primary = window.ctx.theme.colours["primary"]
    window.go(Route("exercises"))
    settle()
    assert window.layoutDirection() == RTL
    back, home = find_button(window, "رجوع"), find_button(window, "الرئيسية")
    assert middle_x(back) > middle_x(home) > window.width() // 2  # Back first, on the right
    assert shows_icon(back, window, "mdi6.arrow-right", primary)  # pointing the way back
    assert middle_x(find_button(window, "تباين عالٍ")) < window.width() // 2
    tap(qtbot, window, "English")
    back, home = find_button(window, "Back"), find_button(window, "Home")
    assert window.layoutDirection() == LTR
    assert middle_x(back) < middle_x(home) < window.width() // 2
    assert shows_icon(back, window, "mdi6.arrow-left", primary)


def test_the_steps_run_right_to_left(qtbot, arabic) -> None:
    window = arabic.window
    screen = open_exercise(window, "glute-bridge")
    primary, on_primary = (window.ctx.theme.colours[c] for c in ("primary", "on_primary"))
    onward, previous = find_button(screen, "التالي"), find_button(screen, "السابق")
    assert middle_x(onward) < window.width() // 3 < 2 * window.width() // 3 < middle_x(previous)
    assert shows_icon(onward, window, "mdi6.arrow-left", on_primary)
    assert shows_icon(previous, window, "mdi6.arrow-right", primary)
    # The arrow after the word, on its left: the way the patient goes on.
    assert onward.layoutDirection() == LTR
    words = screen.findChild(QLabel, "instruction")
    assert words.alignment() & Qt.AlignmentFlag.AlignLeft  # read as "start"...
    assert words.layoutDirection() == RTL  # ...which is the right, in Arabic
    picture = next(w for w in screen.findChildren(QWidget) if type(w).__name__ == "Illustration")
    assert middle_x(picture) > middle_x(words)  # the picture comes first, on the right


def test_a_swipe_to_the_right_turns_to_the_next_step_in_arabic(qtbot, arabic) -> None:
    window = arabic.window
    screen = open_exercise(window, "glute-bridge")
    y, left, right = screen.height() // 2, screen.width() // 4, screen.width() * 3 // 4

    def drag(start: int, end: int) -> None:
        qtbot.mousePress(screen, Qt.MouseButton.LeftButton, pos=QPoint(start, y))
        qtbot.mouseMove(screen, QPoint(end, y))
        qtbot.mouseRelease(screen, Qt.MouseButton.LeftButton, pos=QPoint(end, y))
        settle()

    drag(left, right)
    assert screen.workout.step == 1
    drag(right, left)
    assert screen.workout.step == 0


def test_keys_follow_the_mirrored_screen(qtbot, arabic) -> None:
    window, keypad = arabic.window, arabic.keypad
    window.go(Route("exercises"))
    settle()
    bar = [c.accessibleName() for c in keypad.controls() if window.top_bar.isAncestorOf(c)]
    assert bar[:3] == ["رجوع", "الرئيسية", "العربية"]  # read from the right
    keypad.focus(find_button(window, "الرئيسية"))
    qtbot.keyClick(window, Qt.Key.Key_Left)  # Left goes on, to what is read next
    assert keypad.current.accessibleName() == "العربية"
    qtbot.keyClick(window, Qt.Key.Key_Right)
    assert keypad.current.accessibleName() == "الرئيسية"
    tap(qtbot, window, "English")
    keypad.focus(find_button(window, "Home"))
    qtbot.keyClick(window, Qt.Key.Key_Right)
    assert keypad.current.accessibleName() != "Back"  # in English Right goes on, not back


def drawn(widget: QWidget) -> QImage:
    settle()
    return widget.grab().toImage()


def ink_x(image: QImage, ink: QColor) -> float:
    """The mean x of the pixels of about `ink`'s colour (what is drawn in it)."""
    xs = [
        x
        for y in range(0, image.height(), 2)
        for x in range(image.width())
        if _near(QColor(image.pixel(x, y)), ink)
    ]
    assert xs, "nothing drawn in that colour"
    return sum(xs) / len(xs)


def _near(a: QColor, b: QColor) -> bool:
    return abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue()) < 60


def test_the_video_progress_fills_from_the_right(qtbot, arabic) -> None:
    window = arabic.window
    window.go(Route("videos"))
    window.current_screen.start_series()
    settle()
    bar = window.current_screen.controls.progress
    assert isinstance(bar, QProgressBar) and bar.layoutDirection() == RTL
    bar.setRange(0, 100)
    bar.setValue(25)
    filled = ink_x(drawn(bar), QColor(window.ctx.theme.colours["primary"]))
    assert filled > bar.width() * 3 / 4  # the first quarter is the right-hand quarter
    window.current_screen.leave()


def test_a_caption_is_painted_right_to_left(qtbot, arabic) -> None:
    """Letters then a row of full stops: right to left, the stops end up on their left."""
    window = arabic.window
    white = QColor("#ffffff")
    centres = {}
    for direction in (RTL, LTR):
        surface = VideoSurface(80)
        surface.setLayoutDirection(direction)
        surface.resize(800, 450)
        surface.set_caption("بببب" + "." * 12)
        centres[direction] = ink_x(drawn(surface), white)
        surface.deleteLater()
    assert window.layoutDirection() == RTL
    assert centres[RTL] > centres[LTR] + 20  # the heavy letters are right of the stops


def test_the_first_slide_dot_is_on_the_right(qtbot, arabic) -> None:
    window = arabic.window
    settle()
    dots = next(w for w in window.findChildren(QLabel) if "●" in w.text() and w.isVisible())
    image = drawn(dots)
    ink = QColor(window.ctx.theme.colours["muted"])
    middle = dots.width() / 2
    assert ink_x(image, ink) > middle  # the filled dot weighs on the right: the first slide


def test_the_room_beside_the_scroll_bar_moves_to_the_left(qtbot, arabic) -> None:
    window = arabic.window
    window.go(Route("exercises"))
    settle()
    column = next(w for w in window.current_screen.findChildren(ScrollColumn) if w.isVisible())
    margins = column.column.contentsMargins()
    assert margins.left() > 0 and margins.right() == 0
    tap(qtbot, window, "English")
    column = next(w for w in window.current_screen.findChildren(ScrollColumn) if w.isVisible())
    assert column.column.contentsMargins().right() > 0 == column.column.contentsMargins().left()


def test_the_staff_pages_stay_left_to_right(qtbot, arabic) -> None:
    window = arabic.window
    window.go(Route("staff-pin"))
    settle()
    assert window.layoutDirection() == RTL
    assert window.current_screen.layoutDirection() == LTR
    window.go(Route("cleaning"))  # patients see this one: it speaks their language
    assert window.current_screen.layoutDirection() == RTL


def test_lists_take_the_arabic_comma(qtbot, arabic) -> None:
    window = arabic.window
    window.go(Route("exercises"))
    settle()
    texts = [w.text() for w in window.current_screen.findChildren(QLabel) if w.isVisible()]
    assert "العضلات: عضلات الأرداف، عضلات البطن" in texts
    tap(qtbot, window, "English")
    texts = [w.text() for w in window.current_screen.findChildren(QLabel) if w.isVisible()]
    assert "Works: Glutes, Belly muscles" in texts
