"""The display settings the kiosk applies itself: the pointer, and which way up the screen is.

Rotation belongs to the display system, so the kiosk asks it: `xrandr` under X11 and
`wlr-randr` under wlroots compositors such as Cage or labwc. Elsewhere (Ubuntu Frame, Windows)
the system's own display settings rotate the screen, and the log says so. The kiosk's screens
follow whatever shape the window gets, so nothing else changes with the rotation."""

from __future__ import annotations

import logging
import re
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass

log = logging.getLogger(__name__)

COMMAND_TIMEOUT_S = 5

# setting -> (xrandr --rotate, wlr-randr --transform); both turn counter-clockwise.
_ROTATIONS = {
    "landscape": ("normal", "normal"),
    "portrait": ("left", "90"),
    "inverted-landscape": ("inverted", "180"),
    "inverted-portrait": ("right", "270"),
}

Runner = Callable[[list[str]], str]  # runs a command, returns its output; raises on failure


def run_command(command: list[str]) -> str:
    """Run a display tool briefly; its output, or CalledProcessError/TimeoutExpired/OSError."""
    done = subprocess.run(
        command, capture_output=True, text=True, timeout=COMMAND_TIMEOUT_S, check=True
    )
    return done.stdout


def xrandr_output(query: str) -> str | None:
    """The primary connected output in `xrandr --query`'s report, else the first connected."""
    connected = re.findall(r"^(\S+) connected( primary)?", query, flags=re.MULTILINE)
    primary = [name for name, is_primary in connected if is_primary]
    return (primary or [name for name, _ in connected] or [None])[0]


def wlr_randr_output(query: str) -> str | None:
    """The first output `wlr-randr` lists: its name starts a line, its details are indented."""
    for line in query.splitlines():
        if line and not line[0].isspace():
            return line.split()[0]
    return None


@dataclass(frozen=True)
class Rotator:
    """Turns the screen with the tool that fits the Qt platform in use ("xcb", "wayland"...)."""

    platform: str
    run: Runner = run_command
    which: Callable[[str], str | None] = shutil.which

    def rotate(self, orientation: str) -> str:
        """Ask the display system to show `orientation`; returns what happened, in a sentence.

        "auto" leaves the screen as the system has it. Never raises: a kiosk that cannot turn
        its screen still shows its content."""
        if orientation == "auto":
            return "Screen orientation: left as the system sets it."
        if orientation not in _ROTATIONS:
            return f"Screen orientation: {orientation!r} is not one the kiosk knows."
        xrandr_rotation, wlr_transform = _ROTATIONS[orientation]
        if self.platform == "xcb":
            return self._turn("xrandr", xrandr_output, ["--rotate", xrandr_rotation], orientation)
        if self.platform == "wayland":
            return self._turn(
                "wlr-randr", wlr_randr_output, ["--transform", wlr_transform], orientation
            )
        return (
            f"Screen orientation: the kiosk cannot turn the screen on the {self.platform!r} "
            f"display; set {orientation} in the system's display settings (see the README)."
        )

    def _turn(
        self, tool: str, find_output: Callable[[str], str | None], change: list[str], wanted: str
    ) -> str:
        if self.which(tool) is None:
            return f"Screen orientation: {tool} is not installed, so the screen stays as it is."
        try:
            output = find_output(self.run([tool]))
            if output is None:
                return f"Screen orientation: {tool} reports no connected screen."
            self.run([tool, "--output", output, *change])
        except (OSError, subprocess.SubprocessError) as error:
            detail = getattr(error, "stderr", None) or error
            return f"Screen orientation: {tool} could not turn {wanted}: {str(detail).strip()}"
        return f"Screen orientation: {output} turned to {wanted}."


class DisplayControl:
    """Applies hide_cursor and screen_orientation at start and whenever staff change them.

    Only in kiosk mode: a windowed kiosk (development, a preview) keeps the normal pointer and
    leaves the screen alone."""

    def __init__(self, kiosk_mode: bool, rotator: Rotator | None = None) -> None:
        from PySide6.QtGui import QGuiApplication

        self.kiosk_mode = kiosk_mode
        self.rotator = rotator or Rotator(QGuiApplication.platformName())
        self.cursor_hidden = False
        self.orientation = "auto"
        self.last_message = ""

    def apply(self, settings) -> None:
        """Bring the pointer and the screen in line with `settings` (a Settings)."""
        if not self.kiosk_mode:
            return
        self._set_cursor_hidden(settings.hide_cursor)
        if settings.screen_orientation != self.orientation:
            self.orientation = settings.screen_orientation
            self.last_message = self.rotator.rotate(self.orientation)
            log.info("%s", self.last_message)

    def _set_cursor_hidden(self, hide: bool) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QGuiApplication

        if hide == self.cursor_hidden:
            return  # override cursors stack: set and restore exactly once each
        if hide:
            QGuiApplication.setOverrideCursor(Qt.CursorShape.BlankCursor)
        else:
            QGuiApplication.restoreOverrideCursor()
        self.cursor_hidden = hide
