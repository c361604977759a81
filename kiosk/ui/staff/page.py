"""One section of the staff panel: state that outlives a redraw, and the widgets drawn from it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from kiosk.ui.theme import Theme

if TYPE_CHECKING:
    from kiosk.ui.services import KioskServices
    from kiosk.ui.staff.access import StaffAccess
    from kiosk.ui.window import KioskWindow


class Page(QObject):
    """A panel section. The panel redraws it from scratch, so state lives here, not in widgets."""

    title = ""
    changed = Signal()  # the state changed: draw the page again

    def __init__(self, access: StaffAccess, parent: QObject) -> None:
        super().__init__(parent)
        self.access = access

    @property
    def window(self) -> KioskWindow:
        """The kiosk window the panel is shown in."""
        return self.access.window

    @property
    def services(self) -> KioskServices | None:
        """The store, installs and counts; None in a preview."""
        return self.access.services

    def build(self, theme: Theme) -> QWidget:
        """The page's widgets, drawn from its state."""
        raise NotImplementedError

    def opened(self) -> None:
        """Staff turned to this page: look at the disk again (drives, settings file)."""

    def reset(self) -> None:
        """Forget the staff session (the panel closed or the kiosk went idle)."""

    def busy(self) -> bool:
        """True while work staff are watching must not be cut short by the idle reset."""
        return False
