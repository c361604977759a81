"""The pointer and the screen's rotation follow the settings, at start and when staff save."""

from __future__ import annotations

import dataclasses
import os
import stat
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from kiosk.runtime.display import (
    DisplayControl,
    Rotator,
    run_command,
    wlr_randr_output,
    xrandr_output,
)
from kiosk.settings import Settings

XRANDR_QUERY = """\
Screen 0: minimum 320 x 200, current 1920 x 1080, maximum 16384 x 16384
eDP-1 connected 1366x768+0+0 (normal left inverted right x axis y axis) 344mm x 194mm
   1366x768      60.00*+
HDMI-1 connected primary 1920x1080+0+0 (normal left inverted right x axis y axis) 527mm x 296mm
   1920x1080     60.00*+
DP-1 disconnected (normal left inverted right x axis y axis)
"""

WLR_RANDR_QUERY = """\
HDMI-A-1 "Dell Inc. DELL P2419H (HDMI-A-1)"
  Enabled: yes
  Modes:
    1920x1080 px, 60.000000 Hz (preferred, current)
  Transform: normal
"""


class FakeTool:
    """Answers the query with `report` and records every command."""

    def __init__(self, report: str) -> None:
        self.report, self.commands = report, []

    def __call__(self, command: list[str]) -> str:
        self.commands.append(command)
        return self.report if len(command) == 1 else ""


def installed(_name: str) -> str:
    return "/usr/bin/tool"


def test_the_primary_connected_output_is_turned_under_x11() -> None:
    assert xrandr_output(XRANDR_QUERY) == "HDMI-1"
    tool = FakeTool(XRANDR_QUERY)
    message = Rotator("xcb", tool, installed).rotate("portrait")
    assert tool.commands[-1] == ["xrandr", "--output", "HDMI-1", "--rotate", "left"]
    assert "HDMI-1 turned to portrait" in message


def test_without_a_primary_the_first_connected_output_is_used() -> None:
    query = XRANDR_QUERY.replace(" primary", "")
    assert xrandr_output(query) == "eDP-1"
    assert xrandr_output("Screen 0: minimum 8 x 8\nDP-1 disconnected\n") is None


@pytest.mark.parametrize(
    ("orientation", "transform"),
    [("landscape", "normal"), ("portrait", "90"), ("inverted-landscape", "180"),
     ("inverted-portrait", "270")],
)  # fmt: skip
def test_wlroots_compositors_are_asked_through_wlr_randr(orientation, transform) -> None:
    assert wlr_randr_output(WLR_RANDR_QUERY) == "HDMI-A-1"
    tool = FakeTool(WLR_RANDR_QUERY)
    Rotator("wayland", tool, installed).rotate(orientation)
    assert tool.commands[-1] == ["wlr-randr", "--output", "HDMI-A-1", "--transform", transform]


def test_auto_leaves_the_screen_alone() -> None:
    tool = FakeTool(XRANDR_QUERY)
    assert "left as the system sets it" in Rotator("xcb", tool, installed).rotate("auto")
    assert tool.commands == []


def test_a_missing_tool_or_another_platform_is_said_not_raised() -> None:
    tool = FakeTool(XRANDR_QUERY)
    missing = Rotator("xcb", tool, lambda _name: None).rotate("portrait")
    assert "xrandr is not installed" in missing
    elsewhere = Rotator("windows", tool, installed).rotate("portrait")
    assert "system's display settings" in elsewhere
    assert tool.commands == []


def test_a_failing_tool_is_reported_with_its_words(tmp_path: Path, monkeypatch) -> None:
    """A real program on PATH, as the kiosk would run it: its complaint reaches the log."""
    script = tmp_path / "xrandr"
    script.write_text(
        "#!/bin/sh\n"
        f'if [ $# -eq 0 ]; then cat <<"EOF"\n{XRANDR_QUERY}EOF\nexit 0; fi\n'
        'echo "$@" > "$(dirname "$0")/asked"\n'
        'echo "X Error of failed request: BadMatch" >&2; exit 1\n'
    )
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("PATH", f"{tmp_path}{os.pathsep}{os.environ['PATH']}")
    message = Rotator("xcb").rotate("inverted-portrait")
    assert (tmp_path / "asked").read_text().split() == ["--output", "HDMI-1", "--rotate", "right"]
    assert "could not turn inverted-portrait" in message and "BadMatch" in message
    with pytest.raises(subprocess.CalledProcessError):
        run_command([str(script), "--output", "x"])


def test_staff_changes_to_the_pointer_and_rotation_apply_at_once(make_window, small) -> None:
    window = make_window(small, kiosk_mode=True)
    tool = FakeTool(XRANDR_QUERY)
    display = DisplayControl(kiosk_mode=True, rotator=Rotator("xcb", tool, installed))
    window.live_settings.changed.connect(display.apply)  # as the app wires it
    try:
        display.apply(Settings())  # start-up: the default hides the pointer
        assert QGuiApplication.overrideCursor().shape() == Qt.CursorShape.BlankCursor
        shown = dataclasses.replace(Settings(), hide_cursor=False, screen_orientation="portrait")
        window.live_settings.replace(shown)
        assert QGuiApplication.overrideCursor() is None
        assert tool.commands[-1][-2:] == ["--rotate", "left"]
        window.live_settings.replace(dataclasses.replace(shown, hide_cursor=True))
        assert QGuiApplication.overrideCursor().shape() == Qt.CursorShape.BlankCursor
        assert len(tool.commands) == 2  # the rotation did not change: not asked again
    finally:
        display.apply(dataclasses.replace(Settings(), hide_cursor=False))
        window.exit_kiosk()
    assert QGuiApplication.overrideCursor() is None


def test_a_windowed_kiosk_keeps_its_pointer_and_screen() -> None:
    tool = FakeTool(XRANDR_QUERY)
    control = DisplayControl(kiosk_mode=False, rotator=Rotator("xcb", tool, installed))
    control.apply(dataclasses.replace(Settings(), screen_orientation="portrait"))
    assert QGuiApplication.overrideCursor() is None
    assert tool.commands == []
