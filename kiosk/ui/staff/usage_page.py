"""The panel's Usage page: the last 30 days as bars, what patients looked at most, and the
counts saved as CSV to a USB drive."""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QGridLayout, QVBoxLayout, QWidget

from kiosk.content import LoadedBundle
from kiosk.content.model import Result
from kiosk.ui.staff.page import Page
from kiosk.ui.staff.parts import button_row, message, scrolling_column, staff_button
from kiosk.ui.staff.usage_chart import UsageChart
from kiosk.ui.theme import Theme
from kiosk.ui.tokens import Space
from kiosk.ui.widgets import card, label

DAYS = 30
TOP = 5  # items listed per kind
KIND_WORDS = {
    "video": "Videos",
    "exercise": "Exercises",
    "article": "Articles",
    "picker_result": "Ice or heat answers",
    "stop": "Stop — this hurts, pressed on",
}


def item_title(bundle: LoadedBundle, kind: str, item: str) -> str:
    """An item's title in the content on show, in English when it has it; else its id."""
    model = bundle.model
    if kind == "stop":  # "exercise:<id>" or "video:<id>"
        of_kind, _, of_item = item.partition(":")
        return item_title(bundle, of_kind, of_item) if of_kind in ("exercise", "video") else item
    found = {
        "video": {video.id: video.title for video in model.videos.items},
        "exercise": {exercise.id: exercise.title for exercise in model.exercises},
        "article": {article.id: article.title for article in model.articles},
        "picker_result": {
            node_id: node.title
            for node_id, node in model.picker.nodes.items()
            if isinstance(node, Result)
        },
    }[kind].get(item)
    return found.get("en", model.default_language) if found else item


def export_name(today: date | None = None) -> str:
    """The CSV's file name, dated: usage-2025-01-31.csv."""
    return f"usage-{(today or date.today()):%Y-%m-%d}.csv"


class UsagePage(Page):
    """Counts are read when the page is drawn; exporting writes to the drive staff tap."""

    title = "Usage"

    def __init__(self, access, parent) -> None:
        super().__init__(access, parent)
        self.drives: list[Path] = []
        self.outcome = ""
        self.outcome_is_error = False

    def opened(self) -> None:
        self.drives = self.access.find_drives()

    def reset(self) -> None:
        self.outcome, self.outcome_is_error = "", False

    def look_again(self) -> None:
        """Look for drives again (one was just plugged in)."""
        self.drives = self.access.find_drives()
        self.outcome = ""
        self.changed.emit()

    def export(self, drive: Path) -> None:
        """Save the last 30 days' counts as CSV on `drive`, and say where."""
        if self.services is None:
            return
        target = drive / export_name()
        try:
            rows = self.services.usage.export_csv(target, days=DAYS)
        except OSError as error:
            self.outcome = f"Could not save to the drive {drive.name}: {error.strerror or error}"
            self.outcome_is_error = True
        else:
            self.outcome = (
                f"Saved {rows} rows to {target.name} on the drive {drive.name} ({drive})."
            )
            self.outcome_is_error = False
        self.changed.emit()

    def build(self, theme: Theme) -> QWidget:
        if self.services is None:
            return scrolling_column(
                [message("Usage is not counted in a preview.", "error")], theme.px(Space.L)
            )
        usage = self.services.usage
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(theme.px(Space.L))
        column.addWidget(
            label(f"What patients were shown, each of the last {DAYS} days", "heading")
        )
        column.addWidget(UsageChart(usage.daily_totals(DAYS), theme), 3)
        column.addWidget(self._most_viewed(theme), 2)
        column.addWidget(self._export(theme))
        return holder

    def _most_viewed(self, theme: Theme) -> QWidget:
        """The top items of each kind, most viewed first, in four cards."""
        totals: dict[str, Counter] = {kind: Counter() for kind in KIND_WORDS}
        for row in self.services.usage.last_days(DAYS):
            if row.kind in totals:
                totals[row.kind][row.item] += row.count
        holder = QWidget()
        grid = QGridLayout(holder)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(theme.px(Space.M))
        columns = 2 if self.window.height() > self.window.width() else 4
        bundle = self.window.ctx.bundle
        for index, (kind, words) in enumerate(KIND_WORDS.items()):
            frame, body = card()
            body.setContentsMargins(*theme.insets(Space.M))
            body.addWidget(label(words, "heading"))
            top = totals[kind].most_common(TOP)
            for item, count in top:
                body.addWidget(label(f"{count} × {item_title(bundle, kind, item)}"))
            if not top:
                body.addWidget(label("None yet", "muted"))
            body.addStretch(1)
            grid.addWidget(frame, index // columns, index % columns)
        return scrolling_column([holder], 0)

    def _export(self, theme: Theme) -> QWidget:
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(theme.px(Space.S))
        if self.outcome:
            column.addWidget(message(self.outcome, "error" if self.outcome_is_error else "ok"))
        buttons = [
            staff_button(
                f"Export CSV to {_short(drive.name)}", lambda d=drive: self.export(d), "primary"
            )
            for drive in self.drives
        ]
        if not buttons:
            column.addWidget(label("To export the counts as CSV, plug in a USB drive.", "muted"))
        column.addLayout(button_row(*buttons, staff_button("Look again", self.look_again)))
        return holder


def _short(name: str, most: int = 24) -> str:
    """A drive's name cut to fit on a button (the message after saving gives it whole)."""
    return name if len(name) <= most else name[: most - 1] + "…"
