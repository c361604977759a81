"""The panel's Content page: what is on show, what waits to go live, going back, and the list."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFrame, QWidget

from kiosk.content import LoadedBundle
from kiosk.store import InstalledBundle, Pointer, StoreError
from kiosk.store.pointer import BUILTIN
from kiosk.ui.staff.access import StaffAccess
from kiosk.ui.staff.changes import ChangesCache, changes_card, reviews_card, titled_card
from kiosk.ui.staff.page import Page
from kiosk.ui.staff.parts import button_row, message, scrolling_column, staff_button
from kiosk.ui.theme import Theme
from kiosk.ui.tokens import Space
from kiosk.ui.widgets import label

ROLE_WORDS = {
    "active": "on show",
    "last-known-good": "previous, kept for going back",
    "pending": "waiting to go live",
    "other": "kept",
}


def when(moment: datetime | None) -> str:
    """A time staff read at a glance, in the kiosk's local time."""
    return f"{moment.astimezone():%d %b %Y, %H:%M}" if moment else "an unknown time"


def describe_row(row: InstalledBundle) -> str:
    """One installed bundle in words: title, version and when it was installed."""
    return (
        f"{row.title or row.bundle_id} (version {row.version}), installed {when(row.installed_at)}"
    )


class ContentPage(Page):
    """Shows the store's state; the switching itself is StaffAccess's (it reopens the panel)."""

    title = "Content"

    def __init__(self, access: StaffAccess, parent: QObject) -> None:
        super().__init__(access, parent)
        self.changes = ChangesCache()

    def today(self) -> date:
        """The day reviews are judged on: from StaffAccess's clock, which tests set."""
        return date.fromtimestamp(self.access.clock())

    def build(self, theme: Theme) -> QWidget:
        spacing = theme.px(Space.L)
        services = self.services
        if services is None:  # a preview: the panel says so; there is no store to show
            return scrolling_column([self._on_show(theme, None), self._reviews(theme)], spacing)
        try:
            pointer = services.store.pointer()
        except StoreError as error:
            return scrolling_column(
                [self._on_show(theme, []), message(str(error), "error")], spacing
            )
        rows = services.store.list_installed()
        cards = [
            self._on_show(theme, rows),
            *self._waiting(theme, pointer, rows),
            self._previous(theme, pointer, rows),
            self._reviews(theme),
            self._installed(theme, rows),
        ]
        return scrolling_column([c for c in cards if c is not None], spacing)

    def _on_show(self, theme: Theme, rows: list[InstalledBundle] | None) -> QFrame:
        shown = self.window.ctx.bundle
        model = shown.model
        frame, body = titled_card(theme, "On show now")
        body.addWidget(label(model.title.get("en", model.default_language), "value"))
        body.addWidget(label(f"Version {model.version}  ·  {self._source(shown, rows)}"))
        return frame

    def _source(self, shown: LoadedBundle, rows: list[InstalledBundle] | None) -> str:
        """Where the bundle on show came from, in words."""
        services = self.services
        if services is None:
            return f"previewed from {shown.root}"
        if _same(shown.root, services.store.builtin_dir):
            return "the built-in content that comes with the kiosk"
        for row in rows or []:
            if _same(shown.root, row.folder):
                return f"installed {when(row.installed_at)}"
        return f"from {shown.root}"

    def _reviews(self, theme: Theme) -> QFrame:
        return reviews_card(theme, self.window.ctx.bundle, self.today())

    def _waiting(self, theme: Theme, pointer: Pointer, rows: list[InstalledBundle]) -> list[QFrame]:
        """New content checked and waiting for a quiet moment, with Activate now, and under it
        what it changes compared with the content on show."""
        shown_root = self.window.ctx.bundle.root
        name = pointer.pending
        active_root = (
            self.services.store.builtin_dir
            if pointer.active == BUILTIN
            else _folder(rows, pointer.active)
        )
        if name is None and pointer.active and not _same(shown_root, active_root):
            name = pointer.active  # activated, waiting for the patient on screen to leave
        if name is None:
            return []
        frame, body = titled_card(theme, "Waiting to go live")
        body.addWidget(label(_describe(rows, name)))
        body.addWidget(label("It goes on show by itself the next time the kiosk is idle.", "muted"))
        body.addLayout(
            button_row(staff_button("Activate now", self.access.activate_now, "primary"))
        )
        folder = _folder(rows, name)
        if folder is None:
            return [frame]
        return [frame, changes_card(theme, self.changes.lines(self.window.ctx.bundle, folder))]

    def _previous(self, theme: Theme, pointer: Pointer, rows: list[InstalledBundle]) -> QFrame:
        frame, body = titled_card(theme, "Go back")
        previous = pointer.previous()
        if previous:
            body.addWidget(label(f"The previous content: {_describe(rows, previous)}."))
        else:
            body.addWidget(label("There is no previous content to go back to yet.", "muted"))
        go_back = staff_button(
            "Go back to the previous content", self.access.rollback, enabled=bool(previous)
        )
        body.addLayout(button_row(go_back))
        return frame

    def _installed(self, theme: Theme, rows: list[InstalledBundle]) -> QFrame:
        frame, body = titled_card(theme, "Installed content")
        if not rows:
            body.addWidget(
                label("Nothing installed yet: the built-in content is on show.", "muted")
            )
        for row in rows:
            line = label(f"{describe_row(row)} — {ROLE_WORDS[row.role]}")
            line.setAccessibleName(f"Installed: {row.name}")
            body.addWidget(line)
        body.addWidget(
            label(
                "Only the content on show, the previous one and any waiting one are kept.", "muted"
            )
        )
        return frame


def _folder(rows: list[InstalledBundle], name: str) -> Path | None:
    return next((row.folder for row in rows if row.name == name), None)


def _describe(rows: list[InstalledBundle], name: str) -> str:
    if name == BUILTIN:
        return "the built-in content that comes with the kiosk"
    row = next((row for row in rows if row.name == name), None)
    return describe_row(row) if row else name


def _same(first: Path, second: Path | None) -> bool:
    if second is None:
        return False
    try:
        return first.resolve() == second.resolve()
    except OSError:
        return False
