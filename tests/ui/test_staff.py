"""The staff side on the real window: the corner gesture, the PIN pad, and the panel's pages
(installing, refusing, the inbox, rollback, settings, usage and export, leaving)."""

from __future__ import annotations

import csv
import os
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QAbstractButton, QLabel, QProgressBar

from kiosk import settings as kiosk_settings
from kiosk.flows.pace import Pace
from kiosk.settings import BY_KEY, Settings
from kiosk.staff.pin import MAX_TRIES, pin_is_set, verify_pin
from kiosk.ui.screens.base import Route
from kiosk.ui.staff.gesture import corner_rect
from kiosk.ui.staff.install_page import READY, UNCHANGED
from kiosk.ui.staff.setting_controls import shown, stepped
from kiosk.ui.staff.sources import bundles_under, find_candidates, mounted_drives
from kiosk.ui.staff.usage_chart import UsageChart, nice_ceiling
from kiosk.ui.staff.usage_page import export_name
from tests.helpers.driving import (
    HOLD,
    find_button,
    finger,
    press_and_hold,
    settle,
    tap,
    visible_names,
)
from tests.helpers.staff import (
    PIN,
    broken_bundle,
    bundle_version,
    open_panel,
    start_services,
    texts,
    type_pin,
    with_pin,
    zipped,
)

DRIVE = "CLINIC-USB"


@pytest.fixture
def pace() -> Pace:
    return Pace(staff_hold_seconds=HOLD)  # the gesture's hold, shortened


@pytest.fixture(autouse=True)
def preview_home(monkeypatch, tmp_path) -> None:
    # A preview finds its PIN and settings through $KIOSK_HOME: keep them in tmp too.
    monkeypatch.setenv("KIOSK_HOME", str(tmp_path / "preview-home"))


@pytest.fixture
def usb(tmp_path) -> Path:
    """A fake removable drive, passed to the panel as the one mounted drive."""
    drive = tmp_path / "media" / DRIVE
    drive.mkdir(parents=True)
    return drive


@pytest.fixture
def kiosk(make_kiosk, small, tmp_path, usb):
    kiosk = make_kiosk(small)
    start_services(kiosk, tmp_path / "home", usb)
    return kiosk


def dots(window) -> str:
    settle()
    found = [w for w in window.findChildren(QLabel) if w.accessibleName() == "Digits typed"]
    return next(w.text() for w in found if w.isVisibleTo(window))


def digit_keys(window) -> list[QAbstractButton]:
    settle()
    names = {str(n) for n in range(10)}
    return [
        b
        for b in window.findChildren(QAbstractButton)
        if b.accessibleName() in names and b.isVisibleTo(window)
    ]


# --- The hidden gesture --------------------------------------------------------------------


def test_holding_the_corner_opens_the_pin_pad(qtbot, kiosk) -> None:
    window = kiosk.window
    window.home()
    press_and_hold(qtbot, window, QPoint(5, 5))
    assert window.route == Route("staff-pin")
    assert not window.top_bar.isVisible()  # no patient Back, Home or language here
    assert {"1", "0", "Delete", "OK", "Cancel"} <= set(visible_names(window))


def test_a_short_press_or_a_press_elsewhere_does_nothing(qtbot, kiosk) -> None:
    window = kiosk.window
    window.home()
    gesture = kiosk.staff.gesture
    corner = QPoint(5, 5)
    with qtbot.assertNotEmitted(gesture.held, wait=round(HOLD * 3000)):
        finger(qtbot, window, "click", corner)
    # An empty spot away from every control, below the tiles.
    middle = QPoint(window.width() // 2, window.height() - 10)
    with qtbot.assertNotEmitted(gesture.held, wait=round(HOLD * 3000)):
        finger(qtbot, window, "press", middle)
    finger(qtbot, window, "release", middle)
    with qtbot.assertNotEmitted(gesture.held, wait=round(HOLD * 3000)):
        finger(qtbot, window, "press", corner)
        finger(qtbot, window, "move", middle)  # the finger slid away
    finger(qtbot, window, "release", middle)
    assert window.route == Route("home")


def test_the_gesture_uses_the_corner_in_the_settings(qtbot, make_kiosk, small) -> None:
    kiosk = make_kiosk(small, settings=Settings(gesture_corner="bottom-right"))
    window = kiosk.window
    window.home()
    with qtbot.assertNotEmitted(kiosk.staff.gesture.held, wait=round(HOLD * 3000)):
        finger(qtbot, window, "press", QPoint(5, 5))
    finger(qtbot, window, "release", QPoint(5, 5))
    press_and_hold(qtbot, window, QPoint(window.width() - 5, window.height() - 5))
    assert window.route == Route("staff-pin")


def test_the_back_button_under_the_corner_is_not_clicked_by_the_gesture(qtbot, kiosk) -> None:
    window = kiosk.window
    window.home()
    tap(qtbot, window, "Mouvements")
    back = find_button(window, "Retour")
    corner = corner_rect(window.size(), "top-left", window.ctx.theme.px(60))
    overlap = corner.intersected(QRect(back.mapTo(window, QPoint(0, 0)), back.size()))
    assert not overlap.isEmpty(), "the test needs the Back button under the corner"
    where = overlap.center()
    press_and_hold(qtbot, window, where)
    assert window.route == Route("staff-pin")  # the release did not click Back
    # A patient's ordinary tap there still works.
    window.reset_to_attract()
    window.home()
    tap(qtbot, window, "Mouvements")
    finger(qtbot, window, "click", where)
    assert window.route == Route("home")


def test_the_gesture_works_on_attract_without_waking_it(qtbot, kiosk) -> None:
    window = kiosk.window
    shown: list[Route] = []
    window.route_changed.connect(shown.append)
    press_and_hold(qtbot, window, QPoint(5, 5))
    assert shown == [Route("staff-pin")]  # not home first
    window.reset_to_attract()
    finger(qtbot, window, "click", QPoint(5, 5))
    assert window.route == Route("home")  # a short touch in the corner still starts


# --- The PIN pad ---------------------------------------------------------------------------


def test_first_opening_chooses_the_staff_pin(qtbot, kiosk) -> None:
    window = kiosk.window
    pin_file = kiosk.staff.paths.pin_file
    assert not pin_is_set(pin_file)
    kiosk.staff.open_pin_pad()
    assert "Choose a staff PIN" in texts(window)
    type_pin(qtbot, window, "12")
    assert "The PIN must be 4 to 8 digits." in texts(window)
    type_pin(qtbot, window, "1357")
    assert "Enter it again" in texts(window)
    type_pin(qtbot, window, "1358")
    assert "The two PINs were not the same" in texts(window)
    assert not pin_is_set(pin_file)
    type_pin(qtbot, window, "1357")
    type_pin(qtbot, window, "1357")
    assert window.route == Route("staff")
    assert verify_pin(pin_file, "1357")
    assert "1357" not in pin_file.read_text()


def test_dots_show_how_many_digits_never_which(qtbot, kiosk) -> None:
    window = kiosk.window
    with_pin(kiosk)
    kiosk.staff.open_pin_pad()
    for digit in "246":
        tap(qtbot, window, digit)
    assert dots(window) == "●●●"
    tap(qtbot, window, "Delete")
    assert dots(window) == "●●"
    assert not any(d in texts(window) for d in "246")


def test_right_pin_opens_the_panel_and_wrong_pin_says_tries_left(qtbot, kiosk) -> None:
    window = kiosk.window
    with_pin(kiosk)
    kiosk.staff.open_pin_pad()
    type_pin(qtbot, window, "1111")
    assert window.route == Route("staff-pin")
    assert f"{MAX_TRIES - 1} tries left" in texts(window)
    assert dots(window) == ""
    type_pin(qtbot, window, PIN)
    assert window.route == Route("staff")
    assert not window.top_bar.isVisible()
    assert {"Content", "Install", "Settings", "Usage", "Volume", "Close panel", "Exit kiosk"} <= (
        set(visible_names(window))
    )


def test_five_wrong_tries_lock_the_pad_until_the_lockout_ends(qtbot, kiosk) -> None:
    window = kiosk.window
    now = [1000.0]
    kiosk.staff.clock = lambda: now[0]
    with_pin(kiosk)
    kiosk.staff.open_pin_pad()
    for _ in range(MAX_TRIES):
        type_pin(qtbot, window, "1111")
    assert "Try again in 60 s" in texts(window)
    assert all(not key.isEnabled() for key in digit_keys(window))
    assert not find_button(window, "OK").isEnabled()
    # Leaving the pad and coming back does not lift the lock.
    tap(qtbot, window, "Cancel")
    kiosk.staff.open_pin_pad()
    assert all(not key.isEnabled() for key in digit_keys(window))
    now[0] += 30
    qtbot.waitUntil(lambda: "Try again in 30 s" in texts(window), timeout=2000)
    now[0] += 31
    qtbot.waitUntil(lambda: all(key.isEnabled() for key in digit_keys(window)), timeout=2000)
    assert "You can try again now." in texts(window)
    type_pin(qtbot, window, PIN)
    assert window.route == Route("staff")


def test_in_kiosk_mode_no_pin_means_no_door(qtbot, make_kiosk, small, tmp_path, caplog) -> None:
    kiosk = make_kiosk(small, kiosk_mode=True)
    window = kiosk.window
    start_services(kiosk, tmp_path / "home")
    try:
        press_and_hold(qtbot, window, QPoint(5, 5))  # any patient can do this
        assert window.route == Route("staff-pin")
        assert "No staff PIN is set" in texts(window)
        assert "kiosk set-pin" in texts(window)
        assert not digit_keys(window)  # nothing to type a PIN with
        assert "Choose a staff PIN" not in texts(window)
        assert "no staff PIN is set: run kiosk set-pin" in caplog.text
        tap(qtbot, window, "Close")
        assert window.route == Route("attract")
        assert not pin_is_set(kiosk.staff.paths.pin_file)
    finally:
        window.exit_kiosk()


def test_the_lock_holds_across_a_restart_of_the_kiosk(qtbot, make_kiosk, small, tmp_path) -> None:
    first = make_kiosk(small)
    start_services(first, tmp_path / "home")
    with_pin(first)
    first.staff.open_pin_pad()
    for _ in range(MAX_TRIES):
        type_pin(qtbot, first.window, "1111")
    first.window.close()
    restarted = make_kiosk(small)  # a new process would read the same data folder
    start_services(restarted, tmp_path / "home")
    restarted.staff.open_pin_pad()
    assert all(not key.isEnabled() for key in digit_keys(restarted.window))
    assert "Try again in" in texts(restarted.window)


def test_cancel_goes_to_attract_and_the_pad_forgets_the_digits(qtbot, kiosk) -> None:
    window = kiosk.window
    with_pin(kiosk)
    kiosk.staff.open_pin_pad()
    tap(qtbot, window, "7")
    tap(qtbot, window, "Cancel")
    assert window.route == Route("attract")
    kiosk.staff.open_pin_pad()
    assert dots(window) == ""


# --- Installing ----------------------------------------------------------------------------


def test_installing_from_a_drive_then_activating_it(qtbot, kiosk, usb, tmp_path) -> None:
    window = kiosk.window
    zipped(bundle_version(tmp_path / "v3", "3.0", "Spring update"), usb / "spring.zip")
    service = kiosk.services.bundles
    fractions: list[float] = []
    service.progress.connect(lambda fraction, _phase: fractions.append(fraction))
    open_panel(qtbot, kiosk)
    tap(qtbot, window, "Install")
    assert "Content put in the inbox folder" in texts(window)  # it is picked up by itself too
    with qtbot.waitSignal(service.installed, timeout=10000):
        tap(qtbot, window, f"Install spring.zip from USB drive {DRIVE}")
        assert window.current_screen.is_busy()  # the idle reset waits for the install
        assert isinstance(window.current_screen.pages["Install"]._bar, QProgressBar)
    assert fractions and fractions[-1] == 1.0
    assert READY in texts(window)
    assert not window.current_screen.is_busy()
    assert window.ctx.bundle.model.version == "2.1"  # not live until idle, or Activate now
    with qtbot.waitSignal(service.swapped, timeout=10000):
        tap(qtbot, window, "Activate now")
    assert window.ctx.bundle.model.version == "3.0"
    assert window.route == Route("staff")  # back in the panel, saying what changed
    assert "Now showing: Spring update (version 3.0)." in texts(window)
    tap(qtbot, window, "Close panel")
    assert window.route == Route("attract")
    window.home()
    assert window.current_screen.title() == "Spring update"


def test_a_refused_bundle_shows_its_problems_and_changes_nothing(qtbot, kiosk, usb) -> None:
    window = kiosk.window
    broken_bundle(usb / "broken-content")
    service = kiosk.services.bundles
    open_panel(qtbot, kiosk)
    tap(qtbot, window, "Install")
    with qtbot.waitSignal(service.refused, timeout=10000):
        tap(qtbot, window, f"Install broken-content from USB drive {DRIVE}")
    words = texts(window)
    assert UNCHANGED in words and "2 problems found" in words
    assert "bundle.json: videos.items[1].file: clips/blue-clip.mp4 is not an MP4 video" in words
    assert "bundle.json: articles[0].illustration: media/missing-picture.png is not in" in words
    assert kiosk.services.store.pointer().pending is None
    with qtbot.assertNotEmitted(service.swapped, wait=300):
        tap(qtbot, window, "Close panel")  # a quiet moment, with nothing waiting to go live
    assert window.ctx.bundle.model.version == "2.1"


def test_an_inbox_drop_is_listed_then_installed_by_itself(qtbot, kiosk, tmp_path) -> None:
    window = kiosk.window
    service = kiosk.services.bundles
    zipped(bundle_version(tmp_path / "v5", "5.0", "From the inbox"), service.inbox / "new.zip")
    open_panel(qtbot, kiosk)
    tap(qtbot, window, "Install")
    assert "Install new.zip from Inbox folder" in visible_names(window)
    service.inbox_quiet_seconds = 0  # the file is complete: no need to wait for it to settle
    with qtbot.waitSignal(service.inbox_taken, timeout=10000):
        service.check_inbox()
    assert "From the inbox: From the inbox (version 5.0) is installed and checked." in texts(window)
    assert "Install new.zip from Inbox folder" not in visible_names(window)  # moved to done/
    assert kiosk.services.store.pointer().pending == "small-test-5.0"
    tap(qtbot, window, "Content")
    assert "Waiting to go live" in texts(window)
    assert "Activate now" in visible_names(window)


def test_going_back_to_the_previous_content(qtbot, kiosk, tmp_path) -> None:
    window = kiosk.window
    service = kiosk.services.bundles
    open_panel(qtbot, kiosk)
    assert not find_button(window, "Go back to the previous content").isEnabled()
    for version in ("3.0", "4.0"):
        with qtbot.waitSignal(service.installed, timeout=10000):
            service.install(bundle_version(tmp_path / version, version, f"Version {version}"))
        with qtbot.waitSignal(service.swapped, timeout=10000):
            kiosk.staff.activate_now()
    assert window.route == Route("staff")
    assert "The previous content: Version 3.0 (version 3.0)" in texts(window)
    with qtbot.waitSignal(service.swapped, timeout=10000):
        tap(qtbot, window, "Go back to the previous content")
    assert window.ctx.bundle.model.version == "3.0"
    assert window.route == Route("staff")
    assert "Now showing: Version 3.0 (version 3.0)." in texts(window)
    assert "The previous content: Version 4.0 (version 4.0)" in texts(window)


def test_after_the_first_install_going_back_returns_to_the_built_in_content(
    qtbot, kiosk, tmp_path
) -> None:
    window, service = kiosk.window, kiosk.services.bundles
    open_panel(qtbot, kiosk)
    assert "There is no previous content to go back to yet." in texts(window)
    with qtbot.waitSignal(service.installed, timeout=10000):
        service.install(bundle_version(tmp_path / "3.0", "3.0", "Version 3.0"))
    with qtbot.waitSignal(service.swapped, timeout=10000):
        kiosk.staff.activate_now()
    assert "The previous content: the built-in content that comes with the kiosk." in texts(window)
    with qtbot.waitSignal(service.swapped, timeout=10000):
        tap(qtbot, window, "Go back to the previous content")
    assert window.ctx.bundle.root == kiosk.services.store.builtin_dir
    assert window.route == Route("staff")
    assert "The previous content: Version 3.0 (version 3.0)" in texts(window)
    assert "Waiting to go live" not in texts(window)


# --- Settings and volume -------------------------------------------------------------------


def test_settings_changed_by_touch_are_saved_to_the_file(qtbot, kiosk) -> None:
    window = kiosk.window
    open_panel(qtbot, kiosk)
    tap(qtbot, window, "Settings")
    assert not find_button(window, "Save").isEnabled()  # nothing changed yet
    tap(qtbot, window, "Raise idle timeout")
    tap(qtbot, window, "Change gesture corner")
    tap(qtbot, window, "Start muted")
    assert "Changed: press Save to keep it." in texts(window)
    tap(qtbot, window, "Save")
    saved, messages = kiosk_settings.load(kiosk.services.paths.settings_file)
    assert not messages
    assert (saved.idle_timeout, saved.gesture_corner, saved.start_muted) == (
        100,
        "top-right",
        False,
    )
    words = texts(window)
    assert "Saved. Idle timeout, Gesture corner and Start muted take effect now." in words
    # The idle timeout applies at once: the card shows 20 s before the reset at 100 s.
    assert window.idle_reset.plan.idle_seconds == 100
    assert window.idle._timer.interval() == 80_000
    # The corner applies at once: the gesture now lives in the top right.
    tap(qtbot, window, "Close panel")
    window.home()
    press_and_hold(qtbot, window, QPoint(window.width() - 5, 5))
    assert window.route == Route("staff-pin")
    # Sound at the start of the videos applies at once too: the next visit starts unmuted.
    window.go(Route("videos"))
    assert window.current_screen.sound_on


def test_an_invalid_settings_file_is_named_and_can_be_fixed(qtbot, kiosk) -> None:
    window = kiosk.window
    settings_file = kiosk.services.paths.settings_file
    settings_file.write_text('idle_timeout = "soon"\n', encoding="utf-8")
    open_panel(qtbot, kiosk)
    tap(qtbot, window, "Settings")
    assert 'idle_timeout: "soon" is not a number; using the default 90' in texts(window)
    tap(qtbot, window, "Save")  # writes the file again without the problem
    assert kiosk_settings.load(settings_file).messages == []
    assert "is not a number" not in texts(window)


def test_volume_steps_down_and_is_saved(qtbot, kiosk) -> None:
    window = kiosk.window
    open_panel(qtbot, kiosk)
    tap(qtbot, window, "Volume")
    assert "100 %" in texts(window)
    assert not find_button(window, "Raise volume cap").isEnabled()  # already the loudest
    tap(qtbot, window, "Lower volume cap")
    tap(qtbot, window, "Lower volume cap")
    assert "80 %" in texts(window)
    tap(qtbot, window, "Save")
    saved = kiosk_settings.load(kiosk.services.paths.settings_file).settings
    assert saved.volume_cap == pytest.approx(0.8)


# --- Usage ---------------------------------------------------------------------------------


def test_usage_shows_what_patients_viewed_and_exports_csv(qtbot, kiosk, usb) -> None:
    window = kiosk.window
    window.home()
    tap(qtbot, window, "Mouvements")
    tap(qtbot, window, "Cercle du bras")
    window.home()
    tap(qtbot, window, "Choisir")
    tap(qtbot, window, "Chaud")
    open_panel(qtbot, kiosk)
    tap(qtbot, window, "Usage")
    words = texts(window)
    assert "1 × Arm circle" in words
    assert "1 × Tell the desk" in words  # the picker result, by its English title
    chart = next(w for w in window.findChildren(UsageChart) if w.isVisibleTo(window))
    assert len(chart.totals) == 30 and chart.totals[-1] == (date.today(), chart.totals[-1][1])
    assert chart.totals[-1][1] >= 5 and not any(count for _, count in chart.totals[:-1])
    tap(qtbot, window, f"Export CSV to {DRIVE}")
    exported = usb / export_name()
    assert exported.exists()
    with exported.open(encoding="utf-8") as file:
        rows = list(csv.reader(file))
    assert rows[0] == ["day", "kind", "item", "count"]
    assert [date.today().isoformat(), "exercise", "arm-circle", "1"] in rows
    assert f"Saved {len(rows) - 1} rows to {exported.name} on the drive {DRIVE}" in texts(window)


def test_usage_without_a_drive_says_to_plug_one_in(qtbot, kiosk) -> None:
    window = kiosk.window
    kiosk.staff.find_drives = list
    open_panel(qtbot, kiosk)
    tap(qtbot, window, "Usage")
    assert "To export the counts as CSV, plug in a USB drive." in texts(window)


# --- Leaving the panel ---------------------------------------------------------------------


def test_exit_kiosk_asks_first_then_closes_a_kiosk_mode_window(
    qtbot, make_kiosk, small, tmp_path, usb
) -> None:
    kiosk = make_kiosk(small, kiosk_mode=True)
    window = kiosk.window
    start_services(kiosk, tmp_path / "home", usb)
    window.close()
    assert window.isVisible()  # a kiosk-mode window refuses an ordinary close
    open_panel(qtbot, kiosk)
    tap(qtbot, window, "Exit kiosk")
    assert "Exit the kiosk program?" in texts(window)
    tap(qtbot, window, "No, stay")
    assert window.isVisible() and window.route == Route("staff")
    tap(qtbot, window, "Exit kiosk")
    tap(qtbot, window, "Yes, exit the kiosk")
    assert not window.isVisible()


def test_idle_reset_closes_the_panel_and_forgets_the_staff_session(
    qtbot, make_kiosk, small, tmp_path, usb
) -> None:
    kiosk = make_kiosk(small, idle_seconds=2)
    window = kiosk.window  # room for a slow, shared CI machine
    start_services(kiosk, tmp_path / "home", usb)
    open_panel(qtbot, kiosk)
    tap(qtbot, window, "Settings")
    tap(qtbot, window, "Raise idle timeout")  # changed, never saved
    qtbot.waitUntil(lambda: window.route == Route("attract"), timeout=10000)
    assert not kiosk.services.paths.settings_file.exists()
    kiosk.staff.open_pin_pad()
    tap(qtbot, window, "4")
    assert dots(window) == "●"
    qtbot.waitUntil(lambda: window.route == Route("attract"), timeout=10000)
    kiosk.staff.open_pin_pad()
    assert dots(window) == ""
    type_pin(qtbot, window, PIN)
    assert find_button(window, "Content").isChecked()  # the panel starts afresh
    tap(qtbot, window, "Settings")
    assert "Changed: press Save to keep it." not in texts(window)


def test_a_preview_panel_says_installs_are_off(qtbot, make_kiosk, small) -> None:
    kiosk = make_kiosk(small)
    window = kiosk.window  # no services: a preview of one bundle
    open_panel(qtbot, kiosk)
    assert "A preview: installs are off" in texts(window)
    assert f"previewed from {small.root}" in texts(window)
    tap(qtbot, window, "Install")
    assert "Installing is turned off in a preview." in texts(window)
    tap(qtbot, window, "Usage")
    assert "Usage is not counted in a preview." in texts(window)


@pytest.mark.parametrize("size", [(1920, 1080), (1280, 800), (1080, 1920)], ids=str)
def test_staff_controls_are_touch_sized_named_and_on_screen(
    qtbot, make_kiosk, small, tmp_path, usb, size
) -> None:
    broken_bundle(usb / "broken-content")
    kiosk = make_kiosk(small, size=size)
    window = kiosk.window
    start_services(kiosk, tmp_path / "home", usb)
    with_pin(kiosk)
    kiosk.staff.open_pin_pad()
    _check_controls(window, "PIN pad")
    type_pin(qtbot, window, PIN)
    for section in ("Content", "Install", "Settings", "Usage", "Volume"):
        tap(qtbot, window, section)
        _check_controls(window, section)
    tap(qtbot, window, "Exit kiosk")
    _check_controls(window, "Exit question")
    assert window.size().toTuple() == size, "a staff page pushed the window to grow"


def _check_controls(window, where: str) -> None:
    settle()
    least = window.ctx.theme.touch
    buttons = [b for b in window.findChildren(QAbstractButton) if b.isVisibleTo(window)]
    assert buttons, where
    for b in buttons:
        name = b.accessibleName()
        assert name, f"{where}: a button has no name"
        assert b.height() >= least, f"{where}: {name} is {b.height()} px high"
        assert b.width() >= b.sizeHint().width(), f"{where}: {name} is cut short"
        spot = b.rect().translated(b.mapTo(window, QPoint(0, 0)))
        if not _scrolls(b):
            assert window.rect().contains(spot), f"{where}: {name} is off the screen"


def _scrolls(widget) -> bool:
    while widget is not None:
        if widget.inherits("QScrollArea"):
            return True
        widget = widget.parentWidget()
    return False


# --- Pure helpers --------------------------------------------------------------------------


def test_bundles_are_found_on_a_drive_and_in_the_inbox(tmp_path) -> None:
    drive = tmp_path / "drive"
    (drive / "deep" / "deeper").mkdir(parents=True)
    (drive / "top.zip").write_bytes(b"")
    (drive / "deep" / "one-down.zip").write_bytes(b"")
    (drive / "deep" / "deeper" / "too-deep.zip").write_bytes(b"")
    (drive / "folder-bundle" / "media").mkdir(parents=True)
    (drive / "folder-bundle" / "bundle.json").write_text("{}")
    (drive / "folder-bundle" / "media" / "inside.zip").write_bytes(b"")
    (drive / ".hidden.zip").write_bytes(b"")
    os.symlink(tmp_path, drive / "link")
    found = [p.relative_to(drive).as_posix() for p in bundles_under(drive)]
    assert found == ["deep/one-down.zip", "folder-bundle", "top.zip"]
    inbox = tmp_path / "inbox"
    (inbox / "done").mkdir(parents=True)
    (inbox / "done" / "old.zip").write_bytes(b"")
    (inbox / "new.zip").write_bytes(b"")
    candidates = find_candidates([drive], inbox)
    assert [(c.name, c.place) for c in candidates][-1] == ("new.zip", "Inbox folder")
    assert candidates[0].place == "USB drive drive"
    patterns = [str(tmp_path / "d*")]
    assert mounted_drives(patterns, is_mount=lambda _: True) == [drive]
    assert mounted_drives(patterns, is_mount=lambda _: False) == []


def test_steppers_move_between_round_values_within_bounds() -> None:
    idle, volume = BY_KEY["idle_timeout"], BY_KEY["volume_cap"]
    assert stepped(idle, 90, up=True) == 100 and stepped(idle, 90, up=False) == 80
    assert stepped(idle, 10, up=False) == 10 and stepped(idle, 3600, up=True) == 3600
    assert stepped(volume, 1.0, up=False) == pytest.approx(0.9)
    assert isinstance(stepped(volume, 0.0, up=True), float)
    assert [nice_ceiling(n) for n in (0, 9, 58, 101)] == [4, 12, 60, 120]


def test_values_are_shown_in_words(small) -> None:
    assert shown(BY_KEY["idle_timeout"], 90, small) == "90 seconds"
    assert shown(BY_KEY["volume_cap"], 0.7, small) == "70 %"
    assert shown(BY_KEY["start_muted"], True, small) == "On"
    assert shown(BY_KEY["default_language"], "en", small) == "English (en)"
