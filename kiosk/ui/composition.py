"""The composition root: the kiosk's parts, each built once and handed what it uses."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QObject, Qt, Signal

from kiosk.content import LoadedBundle
from kiosk.flows.pace import Pace
from kiosk.settings import Settings
from kiosk.ui.context import ScreenContext
from kiosk.ui.keypad import KeypadNavigator
from kiosk.ui.live_settings import LiveSettings
from kiosk.ui.read_aloud.service import ReadAloud
from kiosk.ui.screens.base import Screen
from kiosk.ui.staff.access import StaffAccess
from kiosk.ui.window import KioskWindow, screen_class

if TYPE_CHECKING:
    from kiosk.feed import Timing
    from kiosk.paths import KioskPaths
    from kiosk.store import BundleStore
    from kiosk.ui.services import KioskServices


class Display(Protocol):
    """What sets the pointer and the screen's turn from the settings (runtime's DisplayControl)."""

    def apply(self, settings: Settings) -> object: ...


class Kiosk(QObject):
    """The running kiosk: its live settings, the window, staff access, and (once started) the
    services and the display. Each part gets what it uses through its constructor or a
    signal; none reaches for another through the window."""

    services_started = Signal(object)  # KioskServices, once they run (after the first paint)

    def __init__(
        self,
        bundle: LoadedBundle,
        settings: Settings | None = None,
        overrides: Mapping[str, Any] | None = None,
        videos_available: bool = True,
        kiosk_mode: bool = False,
        pace: Pace | None = None,
        sound_check: Callable[[], bool] | None = None,
    ) -> None:
        super().__init__()
        self.live_settings = LiveSettings(settings or Settings(), overrides)
        # The staff screens are built on their first visit, after staff access exists.
        makers = {name: self._staff_screen(name) for name in ("staff-pin", "staff", "cleaning")}
        self.window = KioskWindow(
            bundle,
            self.live_settings,
            videos_available,
            kiosk_mode,
            screen_makers=makers,
            pace=pace,
        )
        self.setParent(self.window)  # lives and dies with the window
        self.staff = StaffAccess(self.window)
        self.keypad = KeypadNavigator(self.window, self.live_settings.current.keypad_keys)
        self.live_settings.changed.connect(self.keypad.use_settings)
        self.read_aloud = ReadAloud(self.window, sound_check)
        self.window.top_bar.use_read_aloud(self.read_aloud)
        self.keypad.help_pressed.connect(self.read_aloud.start)
        self.services: KioskServices | None = None  # None in a preview: no store, no counts
        self.services_started.connect(self.staff.use_services)
        if kiosk_mode:  # frameless and on top; only exit_kiosk() closes it
            self.window.setWindowFlags(
                self.window.windowFlags()
                | Qt.WindowType.FramelessWindowHint
                | Qt.WindowType.WindowStaysOnTopHint
            )

    def _staff_screen(self, name: str):
        return lambda ctx: _build(name, ctx, self.staff)

    def start_services(
        self, paths: KioskPaths, store: BundleStore, feed_timing: Timing | None = None
    ) -> KioskServices:
        """Connect the kiosk to the store, the inbox, the feed and usage counts."""
        from kiosk.ui.services import KioskServices

        self.services = KioskServices(self.window, paths, store, feed_timing)
        self.services_started.emit(self.services)
        return self.services

    def use_display(self, display: Display) -> None:
        """Let `display` set the pointer and the screen's turn, now and on every change."""
        display.apply(self.live_settings.current)
        self.live_settings.changed.connect(display.apply)


def _build(name: str, ctx: ScreenContext, staff: StaffAccess) -> Screen:
    return screen_class(name)(ctx, staff)


def build_kiosk(
    bundle: LoadedBundle,
    idle_seconds: float | None = None,
    videos_available: bool = True,
    kiosk_mode: bool = False,
    settings: Settings | None = None,
    pace: Pace | None = None,
    sound_check: Callable[[], bool] | None = None,
) -> Kiosk:
    """The kiosk on `bundle`, on the attract screen, not yet shown. Tests start here.

    `settings` defaults to every setting's default; `idle_seconds` overrides its idle timeout
    and outlasts any later save. `pace` sets the waits that are not settings;
    `sound_check` says whether a speaker is there (QtMultimedia is asked otherwise)."""
    overrides = {"idle_timeout": idle_seconds} if idle_seconds is not None else {}
    return Kiosk(bundle, settings, overrides, videos_available, kiosk_mode, pace, sound_check)
