"""What the staff side keeps on the window between visits: the gesture, the PIN gate, drives,
and the panel's return after staff switch the content on show."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from kiosk.content import LoadedBundle
from kiosk.paths import KioskPaths
from kiosk.staff.pin import PinGate
from kiosk.ui.screens.base import Route
from kiosk.ui.staff.gesture import CornerGesture
from kiosk.ui.staff.sources import mounted_drives

if TYPE_CHECKING:
    from kiosk.ui.bundle_service import BundleService
    from kiosk.ui.services import KioskServices
    from kiosk.ui.window import KioskWindow


class StaffAccess(QObject):
    """Lives as long as the window; the staff screens come and go (a bundle swap rebuilds them)."""

    notice_changed = Signal()  # `notice` has a new sentence for the panel
    services_ready = Signal(object)  # KioskServices: they started (after the first paint)

    def __init__(self, window: KioskWindow) -> None:
        super().__init__(window)
        self.window = window
        self.gesture = CornerGesture(window)
        self.gesture.held.connect(self.open_pin_pad)
        self.clock: Callable[[], float] = time.time  # the lock outlasts restarts: wall time
        self.find_drives: Callable[[], list[Path]] = mounted_drives  # tests pass a tmp folder
        self.notice = ""  # the outcome of the last switch of content, shown in the panel
        self._gate: PinGate | None = None
        self._reopen_panel = False
        self.services: KioskServices | None = None  # None in a preview: no store, no counts
        window.went_idle.connect(self.forget)

    def use_services(self, services: KioskServices) -> None:
        """The services started: follow the end of each switch of content, tell the pages."""
        self.services = services
        services.bundles.swapped.connect(self._swapped)
        services.bundles.failed.connect(self._failed)
        self.services_ready.emit(services)

    @property
    def paths(self) -> KioskPaths:
        """The kiosk's folders; in a preview (no services) the ones this machine would use."""
        services = self.services
        return services.paths if services is not None else KioskPaths.from_environment()

    def gate(self) -> PinGate:
        """The PIN's wrong-try counter, kept across visits so leaving the pad does not reset it."""
        paths = self.paths
        if self._gate is None or self._gate.pin_file != paths.pin_file:
            self._gate = PinGate(paths.pin_file, paths.pin_lock_file, self.clock)
        return self._gate

    def open_pin_pad(self) -> None:
        """Show the PIN pad (the corner was held long enough)."""
        self.window.go(Route("staff-pin"))

    def start_cleaning(self) -> None:
        """Ignore every touch for cleaning_seconds while staff wipe the screen."""
        self.window.go(Route("cleaning"))

    def close_panel(self) -> None:
        """Back to attract, forgetting the staff session as an idle spell would."""
        self.window.reset_to_attract()

    def forget(self) -> None:
        """The kiosk went idle: nothing of the staff session is kept."""
        self.notice = ""
        self._reopen_panel = False

    # --- Switching the content on show, then coming back to the panel --------------------

    def activate_now(self) -> None:
        """Put the waiting content on show now; the panel opens again once it is."""
        self._switch(lambda bundles: bundles.activate_now())

    def rollback(self) -> None:
        """Go back to the previous content now; the panel opens again once it is on show."""
        self._switch(lambda bundles: bundles.rollback())

    def _switch(self, start: Callable[[BundleService], None]) -> None:
        if self.services is None:
            return
        self._reopen_panel = True
        self.set_notice("Switching the content on show…")
        start(self.services.bundles)

    def set_notice(self, text: str) -> None:
        """Say `text` at the top of the panel."""
        self.notice = text
        self.notice_changed.emit()

    def _swapped(self, loaded: LoadedBundle) -> None:
        if not self._reopen_panel:
            return  # a swap at a quiet moment: staff are not here
        self._reopen_panel = False
        model = loaded.model
        title = model.title.get("en", model.default_language)
        self.notice = f"Now showing: {title} (version {model.version})."
        # The swap rebuilt every screen and went to attract; staff asked for this, so return.
        self.window.go(Route("staff"))

    def _failed(self, message: str) -> None:
        if self._reopen_panel:
            self._reopen_panel = False
            self.set_notice(f"{message} The content on show has not changed.")
