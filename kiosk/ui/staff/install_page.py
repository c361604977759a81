"""The panel's Install page: choose a bundle on a USB drive or in the inbox, watch it being
checked, then see it ready (or refused, with every problem, and nothing on screen changed)."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QProgressBar, QVBoxLayout, QWidget

from kiosk import settings as kiosk_settings
from kiosk.content import Problem
from kiosk.store import InboxOutcome, InstallResult
from kiosk.ui.staff.access import StaffAccess
from kiosk.ui.staff.changes import ChangesCache, changes_card
from kiosk.ui.staff.page import Page
from kiosk.ui.staff.parts import button_row, message, scrolling_column, staff_button
from kiosk.ui.staff.sources import Candidate, find_candidates
from kiosk.ui.theme import Theme
from kiosk.ui.tokens import Space
from kiosk.ui.widgets import ContentButton, label

State = Literal["choose", "installing", "ready", "refused", "failed"]
PHASES = {
    "copying": "Copying the files…",
    "checking": "Checking every file…",
    "done": "Finishing…",
}
READY = "Checked and ready. It will go live when the kiosk is idle."
UNCHANGED = "Nothing on screen has changed."
RECENT_INBOX = 5  # inbox news kept on the page


class InstallPage(Page):
    """One install at a time, started by staff; inbox pick-ups are reported as they happen."""

    title = "Install"

    def __init__(self, access: StaffAccess, parent: QObject) -> None:
        super().__init__(access, parent)
        self.state: State = "choose"
        self.candidates: list[Candidate] = []
        self.chosen: Candidate | None = None
        self.fraction, self.phase = 0.0, "copying"
        self.result: InstallResult | None = None
        self.problems: list[Problem] = []
        self.failure = ""
        self.inbox_news: list[InboxOutcome] = []
        self.changes = ChangesCache()
        self._bar: QProgressBar | None = None
        self._phase: QWidget | None = None
        if self.services is not None:
            bundles = self.services.bundles
            bundles.progress.connect(self._progress)
            bundles.installed.connect(self._installed)
            bundles.refused.connect(self._refused)
            bundles.failed.connect(self._failed)
            bundles.inbox_taken.connect(self._inbox_taken)

    @property
    def inbox(self) -> Path | None:
        """The inbox folder the kiosk watches; None in a preview."""
        services = self.services
        if services is None:
            return None
        return kiosk_settings.inbox_folder(self.window.ctx.settings, services.paths)

    def busy(self) -> bool:
        return self.state == "installing"

    def reset(self) -> None:
        if self.state != "installing":  # its result still has to arrive; it is ignored then
            self.state = "choose"
        self.chosen, self.result, self.problems, self.failure = None, None, [], ""

    def opened(self) -> None:
        if self.state != "installing":
            self.state = "choose"
            self._search()

    def look_again(self) -> None:
        """Search the drives and the inbox again (a USB drive was just plugged in)."""
        if self.state != "installing":
            self.state = "choose"
        self._search()
        self.changed.emit()

    def _search(self) -> None:
        self.candidates = find_candidates(self.access.find_drives(), self.inbox)

    def install(self, candidate: Candidate) -> None:
        """Check and install `candidate` off the UI thread; progress arrives as signals."""
        if self.services is None or self.state == "installing":
            return
        self.chosen, self.state = candidate, "installing"
        self.fraction, self.phase = 0.0, "copying"
        self.changed.emit()
        self.services.bundles.install(candidate.path)

    # --- Results from the bundle service -------------------------------------------------

    def _progress(self, fraction: float, phase: str) -> None:
        if self.state != "installing":
            return
        self.fraction, self.phase = fraction, phase
        # Only the bar and its words change: no redraw of the page for every step.
        if self._bar is not None:
            self._bar.setValue(round(fraction * 100))
        if self._phase is not None:
            self._phase.setText(PHASES.get(phase, phase))

    def _installed(self, result: InstallResult) -> None:
        if self.state == "installing":
            self.state, self.result = "ready", result
            self.changed.emit()

    def _refused(self, source: str, problems: list[Problem]) -> None:
        if self.state == "installing":
            self.state, self.problems = "refused", list(problems)
            self.changed.emit()

    def _failed(self, text: str) -> None:
        if self.state == "installing":
            self.state, self.failure = "failed", text
            self.changed.emit()

    def _inbox_taken(self, outcome: InboxOutcome) -> None:
        self.inbox_news = [outcome, *self.inbox_news][:RECENT_INBOX]
        if self.state == "choose":
            self._search()
        self.changed.emit()

    # --- Drawing -------------------------------------------------------------------------

    def build(self, theme: Theme) -> QWidget:
        self._bar = self._phase = None
        if self.services is None:
            return scrolling_column(
                [message("Installing is turned off in a preview.", "error")], theme.px(Space.L)
            )
        draw = {
            "choose": self._choose,
            "installing": self._installing,
            "ready": self._ready,
            "refused": self._refused_page,
            "failed": self._failed_page,
        }[self.state]
        return draw(theme)

    def _choose(self, theme: Theme) -> QWidget:
        spacing = theme.px(Space.L)
        widgets: list[QWidget] = [*self._news(theme)]
        widgets.append(
            label("Plug in the USB drive with the new content, then tap what to install.")
        )
        widgets += [self._candidate_button(theme, c) for c in self.candidates]
        if not self.candidates:
            widgets.append(
                message("No content found. Plug in a USB drive, then tap Look again.", "error")
            )
        widgets.append(
            label(
                f"Content put in the inbox folder ({self.inbox}) is also installed by itself "
                "once it has finished copying: there is no need to tap it.",
                "muted",
            )
        )
        look_again = staff_button("Look again", self.look_again)
        return _stack(theme, [scrolling_column(widgets, spacing)], (look_again,), grow=0)

    def _candidate_button(self, theme: Theme, candidate: Candidate) -> ContentButton:
        what = "zip file" if candidate.kind == "zip" else "folder"
        widget = ContentButton(f"Install {candidate.name} from {candidate.place}", "card")
        widget.body.setContentsMargins(*theme.insets(Space.S))
        widget.add(label(candidate.name, "heading"))
        widget.add(label(f"{what} on the {candidate.place}", "muted"))
        widget.clicked.connect(lambda _=False, c=candidate: self.install(c))
        return widget

    def _installing(self, theme: Theme) -> QWidget:
        name = self.chosen.name if self.chosen else ""
        self._bar = QProgressBar()
        self._bar.setRange(0, 100)
        self._bar.setValue(round(self.fraction * 100))
        self._bar.setFormat("%p %")
        self._bar.setAccessibleName("Install progress")
        self._phase = label(PHASES.get(self.phase, self.phase))
        return _stack(
            theme,
            [
                label(f"Installing {name}", "heading"),
                self._bar,
                self._phase,
                label(
                    "This can take a minute. The content on show stays as it is while the new "
                    "content is checked.",
                    "muted",
                ),
            ],
        )

    def _ready(self, theme: Theme) -> QWidget:
        result = self.result
        widgets: list[QWidget] = [label(READY, "heading")]
        if result is not None:
            widgets.append(message(result.message))
            # What it would change, compared with the content on show: read before activating.
            lines = self.changes.lines(self.window.ctx.bundle, result.folder)
            widgets.append(scrolling_column([changes_card(theme, lines)], theme.px(Space.L)))
        buttons = [staff_button("Install something else", self.look_again)]
        if result is not None and result.pending:
            buttons.insert(0, staff_button("Activate now", self.access.activate_now, "primary"))
        return _stack(theme, widgets, tuple(buttons), grow=2 if result is not None else None)

    def _refused_page(self, theme: Theme) -> QWidget:
        count = len(self.problems)
        name = self.chosen.name if self.chosen else "This content"
        lines = [_problem_line(problem) for problem in self.problems]
        widgets = [
            label(f"{name} was not installed", "heading"),
            message(f"{UNCHANGED} {count} problem{'s' * (count != 1)} found:", "error"),
            scrolling_column(lines, theme.px(Space.XXS)),
        ]
        back = staff_button("Back to the list", self.look_again)
        return _stack(theme, widgets, (back,), grow=2)

    def _failed_page(self, theme: Theme) -> QWidget:
        widgets = [
            label("The install did not finish", "heading"),
            message(f"{self.failure} {UNCHANGED}", "error"),
        ]
        return _stack(theme, widgets, (staff_button("Back to the list", self.look_again),))

    def _news(self, theme: Theme) -> list[QWidget]:
        """What the inbox picked up by itself since the panel opened."""
        news: list[QWidget] = []
        for outcome in self.inbox_news:
            text = f"From the inbox: {outcome.message}"
            if not outcome.accepted:
                text += f" {UNCHANGED} " + " ".join(str(p) for p in outcome.problems[:3])
            news.append(message(text, "ok" if outcome.accepted else "error"))
        return news


def _problem_line(problem: Problem) -> QWidget:
    """One problem as a line staff can act on: file: place: what is wrong."""
    return label(str(problem), "problem")


def _stack(
    theme: Theme, widgets: list[QWidget], buttons: tuple = (), grow: int | None = None
) -> QWidget:
    """The widgets one under another, then the buttons; widget `grow` takes the spare height."""
    page = QWidget()
    column = QVBoxLayout(page)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(theme.px(Space.L))
    for index, widget in enumerate(widgets):
        column.addWidget(widget, 1 if index == grow else 0)
    if buttons:
        column.addLayout(button_row(*buttons))
    if grow is None:
        column.addStretch(1)
    return page
