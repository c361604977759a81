"""The panel's Feed page: the feed this kiosk follows, and how its last checks went, in words."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from kiosk.feed import FeedStatus
from kiosk.ui.feed_service import FeedService
from kiosk.ui.services import KioskServices
from kiosk.ui.staff.access import StaffAccess
from kiosk.ui.staff.content_page import when
from kiosk.ui.staff.page import Page
from kiosk.ui.staff.parts import button_row, message, scrolling_column, staff_button
from kiosk.ui.theme import Theme
from kiosk.ui.tokens import Space
from kiosk.ui.widgets import card, label

NO_FEED = (
    "This kiosk does not follow a feed. A clinic with several kiosks can publish new content "
    "once for all of them: whoever set up the kiosk sets feed_address and feed_keys in its "
    "settings file."
)
UNCHANGED_BY_TROUBLE = "Trouble with the feed never changes the content on show."


class FeedPage(Page):
    """The feed's state, drawn afresh whenever the follower reports."""

    title = "Feed"

    def __init__(self, access: StaffAccess, parent: QObject) -> None:
        super().__init__(access, parent)
        access.services_ready.connect(self._attach)
        if access.services is not None:
            self._attach(access.services)

    def _attach(self, services: KioskServices) -> None:
        """Follow the feed service now running, and each one a settings change puts in."""
        services.feed_replaced.connect(self._follow)
        self._follow(services.feed)

    def _follow(self, feed: FeedService | None) -> None:
        if feed is not None:
            feed.status_changed.connect(self._status_changed)
        self.changed.emit()

    @property
    def feed(self) -> FeedService | None:
        services = self.services
        return services.feed if services is not None else None

    def build(self, theme: Theme) -> QWidget:
        feed = self.feed
        if feed is None:
            return scrolling_column([label(NO_FEED)], theme.px(Space.L))
        status = feed.status
        frame, body = card()
        body.setContentsMargins(*theme.insets(Space.L))
        body.setSpacing(theme.px(Space.S))
        body.addWidget(label("Feed", "heading"))
        body.addWidget(label(status.address or feed.follower.source.address))
        for line in status_lines(status, feed):
            body.addWidget(label(line))
        check = staff_button("Check now", self._check_now, enabled=not status.activity)
        body.addLayout(button_row(check))
        widgets: list[QWidget] = [_news(status), frame, label(UNCHANGED_BY_TROUBLE, "muted")]
        return scrolling_column(widgets, theme.px(Space.L))

    def _check_now(self) -> None:
        if self.feed is not None:
            self.feed.check_now()

    def _status_changed(self, status: FeedStatus) -> None:
        self.changed.emit()


def status_lines(status: FeedStatus, feed: FeedService) -> list[str]:
    """Last check, last success, last problem, what the feed offers and the next check."""
    lines = [
        f"Last check: {_at(status.last_check, 'not yet')}",
        f"Last success: {_at(status.last_success, 'not yet')}",
    ]
    if status.last_error:
        # Times are to the second: a success in the same second came after the problem.
        solved = status.last_check_ok or (
            status.last_success is not None
            and status.last_error_at is not None
            and status.last_success >= status.last_error_at
        )
        lines.append(
            f"Last problem ({when(status.last_error_at)}{', solved since' if solved else ''}): "
            f"{status.last_error}"
        )
    else:
        lines.append("Last problem: none")
    if status.offered:
        lines.append(f"The feed offers: {status.offered}")
    expiry = expiry_line(status)
    if expiry:
        lines.append(expiry)
    trusted = feed.trusted()
    if trusted is not None:
        lines.append(f"Last taken from the feed: {trusted.bundle_id} version {trusted.version}")
    if status.next_check and not status.activity:
        lines.append(f"Next check: {when(status.next_check)}")
    return lines


def expiry_line(status: FeedStatus) -> str:
    """Until when the feed is taken, that it is out of date, or that it carries no expiry."""
    if status.expires_at is None:
        if not status.offered:  # not read yet: nothing to say
            return ""
        return "The feed has no expiry date: publish it again to give it one."
    if status.refusal == "expired":
        return f"The feed expired on {when(status.expires_at)}: publish it again."
    return f"The feed is taken until {when(status.expires_at)}; publish it again before then."


def _news(status: FeedStatus) -> QWidget:
    """What the feed is doing, or what its last check found."""
    if status.activity:
        return message(status.activity)
    if not status.last_check:
        return message("The feed has not been checked yet.")
    return message(status.last_result, "ok" if status.last_check_ok else "error")


def _at(moment: datetime | None, otherwise: str) -> str:
    return when(moment) if moment else otherwise
