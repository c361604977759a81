"""The settings in force while the kiosk runs, announced to every part that uses them."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QObject, Signal

from kiosk.settings import Settings


class LiveSettings(QObject):
    """The settings file's values with the command line's overrides on top.

    A save from the staff panel or a rewritten file replaces the file's values; the overrides
    (`kiosk run --idle-seconds 5`) outlast both. Each part listens to `changed` for what it
    uses, so nothing reaches into another part to apply a setting."""

    changed = Signal(object)  # the Settings now in force

    def __init__(
        self,
        settings: Settings,
        overrides: Mapping[str, Any] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.overrides = dict(overrides or {})
        self.current = dataclasses.replace(settings, **self.overrides)

    def replace(self, settings: Settings) -> None:
        """Use `settings` (as saved or read from the file) from now on, overrides kept."""
        self.current = dataclasses.replace(settings, **self.overrides)
        self.changed.emit(self.current)
