"""The panel's Settings and Volume pages: every declared setting, changed by touch, saved
through kiosk.settings (which checks each value and writes the file safely)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFrame, QHBoxLayout, QVBoxLayout, QWidget

from kiosk import settings as kiosk_settings
from kiosk.settings import BY_KEY, SETTINGS, Setting, SettingsError
from kiosk.ui.staff.access import StaffAccess
from kiosk.ui.staff.page import Page
from kiosk.ui.staff.parts import button_row, message, scrolling_column, staff_button
from kiosk.ui.staff.setting_controls import control
from kiosk.ui.theme import Theme
from kiosk.ui.tokens import Space
from kiosk.ui.widgets import card, label

VOLUME_KEYS = ("volume_cap", "start_muted")


class SettingsDraft(QObject):
    """The settings file's values with the changes staff have made but not saved yet."""

    def __init__(self, access: StaffAccess, parent: QObject) -> None:
        super().__init__(parent)
        self.access = access
        self.changes: dict[str, Any] = {}
        self.saved = kiosk_settings.load(self.path)
        self.outcome = ""  # what the last Save did, in words
        self.outcome_is_error = False

    @property
    def path(self) -> Path:
        """The settings file."""
        return self.access.paths.settings_file

    def reload(self) -> None:
        """Read the file again (it may have been edited, or fixed, since)."""
        self.saved = kiosk_settings.load(self.path)

    def value(self, key: str) -> Any:
        """The value staff see for `key`: their change, else the file's."""
        return self.changes.get(key, getattr(self.saved.settings, key))

    def change(self, key: str, value: Any) -> None:
        """Note a change; changing back to the file's value is no change."""
        if value == getattr(self.saved.settings, key):
            self.changes.pop(key, None)
        else:
            self.changes[key] = value
        self.outcome = ""

    def forget(self) -> None:
        """Drop unsaved changes and the last Save's message."""
        self.changes.clear()
        self.outcome, self.outcome_is_error = "", False

    def save(self) -> None:
        """Write the changes; say what was saved and when each change takes effect."""
        changed = dict(self.changes)
        try:
            settings = kiosk_settings.save(changed, self.path)
        except (SettingsError, OSError) as error:
            self.outcome, self.outcome_is_error = f"Not saved: {error}", True
            return
        self.access.window.live_settings.replace(settings)
        self.changes.clear()
        self.reload()
        self.outcome, self.outcome_is_error = _saved_words(changed), False


def _saved_words(changed: dict[str, Any]) -> str:
    if not changed:
        return "Saved: the settings file has been written again, without its problems."
    now = [BY_KEY[key].title for key in changed if BY_KEY[key].applies == "now"]
    later = [BY_KEY[key].title for key in changed if BY_KEY[key].applies == "restart"]
    words = ["Saved."]
    if now:
        words.append(f"{_listed(now)} take{'s' * (len(now) == 1)} effect now.")
    if later:
        words.append(
            f"{_listed(later)} take{'s' * (len(later) == 1)} effect the next time the kiosk starts."
        )
    return " ".join(words)


def _listed(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def when_applied(setting: Setting) -> str:
    """When a saved change to `setting` takes effect, in words."""
    if setting.applies == "now":
        return "Takes effect as soon as it is saved."
    return "Takes effect the next time the kiosk starts."


class SettingsPage(Page):
    """Every setting in kiosk.settings.SETTINGS, one card each, in a scrolling list."""

    title = "Settings"

    def __init__(self, access: StaffAccess, draft: SettingsDraft, parent: QObject) -> None:
        super().__init__(access, parent)
        self.draft = draft
        self.keys = tuple(setting.key for setting in SETTINGS)

    def opened(self) -> None:
        self.draft.reload()

    def reset(self) -> None:
        self.draft.forget()

    def build(self, theme: Theme) -> QWidget:
        return _page(self, theme, [self._card(theme, BY_KEY[key]) for key in self.keys])

    def _card(self, theme: Theme, setting: Setting) -> QFrame:
        frame, body = card()
        body.setContentsMargins(*theme.insets(Space.L))
        row = QHBoxLayout()
        row.setSpacing(theme.px(Space.L))
        words = QVBoxLayout()
        words.addWidget(label(setting.title, "heading"))
        words.addWidget(label(setting.help, "muted"))
        if setting.key in self.draft.changes:
            words.addWidget(label("Changed: press Save to keep it.", "value"))
        row.addLayout(words, 3)
        row.addWidget(self._control(theme, setting), 2)
        body.addLayout(row)
        body.addWidget(label(when_applied(setting), "muted"))
        return frame

    def _control(self, theme: Theme, setting: Setting, big: bool = False) -> QWidget:
        if not setting.editable_in_panel:
            where = kiosk_settings.inbox_folder(self.draft.saved.settings, self.access.paths)
            return label(f"{where}\n(to change it, ask whoever set up the kiosk)")
        value = self.draft.value(setting.key)
        bundle = self.window.ctx.bundle
        return control(setting, value, bundle, theme, lambda v: self._change(setting, v), big)

    def _change(self, setting: Setting, value: Any) -> None:
        self.draft.change(setting.key, value)
        self.changed.emit()

    def save(self) -> None:
        """Save every change (Save was tapped)."""
        self.draft.save()
        self.changed.emit()

    def undo(self) -> None:
        """Drop every unsaved change."""
        self.draft.forget()
        self.changed.emit()


class VolumePage(SettingsPage):
    """The loudest the videos may play, big, with the start-muted switch."""

    title = "Volume"

    def __init__(self, access: StaffAccess, draft: SettingsDraft, parent: QObject) -> None:
        super().__init__(access, draft, parent)
        self.keys = VOLUME_KEYS

    def build(self, theme: Theme) -> QWidget:
        volume, muted = BY_KEY["volume_cap"], BY_KEY["start_muted"]
        widgets: list[QWidget] = [
            label("The loudest the videos may play", "heading"),
            self._control(theme, volume, big=True),
            label("Start every video with the sound off", "heading"),
            self._control(theme, muted),
            label(when_applied(volume), "muted"),
        ]
        return _page(self, theme, widgets)


def _page(page: SettingsPage, theme: Theme, widgets: list[QWidget]) -> QWidget:
    """File problems, the page's widgets (scrolling), what Save did, and Save / Undo."""
    holder = QWidget()
    column = QVBoxLayout(holder)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(theme.px(Space.L))
    draft = page.draft
    if draft.saved.messages:
        problems = "\n".join(draft.saved.messages)
        column.addWidget(
            message(
                "The settings file has problems, so defaults are used for these "
                f"(Save writes a corrected file):\n{problems}",
                "error",
            )
        )
    column.addWidget(scrolling_column(widgets, theme.px(Space.L)), 1)
    if draft.outcome:
        column.addWidget(message(draft.outcome, "error" if draft.outcome_is_error else "ok"))
    can_save = bool(draft.changes or draft.saved.messages)
    save = staff_button("Save", page.save, "primary", enabled=can_save)
    undo = staff_button("Undo changes", page.undo, enabled=bool(draft.changes))
    column.addLayout(button_row(save, undo))
    return holder
