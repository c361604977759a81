"""The staff panel: big buttons for its pages, and Close panel / Exit kiosk always in reach."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QBoxLayout,
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.ui.context import ScreenContext
from kiosk.ui.screens.base import Route, Screen
from kiosk.ui.staff.access import StaffAccess
from kiosk.ui.staff.content_page import ContentPage
from kiosk.ui.staff.feed_page import FeedPage
from kiosk.ui.staff.install_page import InstallPage
from kiosk.ui.staff.page import Page
from kiosk.ui.staff.parts import (
    button_row,
    keep_words_whole,
    message,
    staff_button,
    staff_stylesheet,
    staff_theme,
)
from kiosk.ui.staff.settings_page import SettingsDraft, SettingsPage, VolumePage
from kiosk.ui.staff.usage_page import UsagePage
from kiosk.ui.theme import Theme
from kiosk.ui.tokens import Size, Space
from kiosk.ui.widgets import card, label

EXIT_QUESTION = (
    "Exit the kiosk program? The screen will show the computer's desktop until the kiosk "
    "is started again."
)


class StaffPanelScreen(Screen):
    """Content, Install, Settings, Usage and Volume; closes itself after an idle spell."""

    follows_patient_language = False

    def __init__(self, ctx: ScreenContext, access: StaffAccess) -> None:
        super().__init__(ctx)
        self.access = access
        self.setAccessibleName("Staff panel")
        self.pages: dict[str, Page] = {}
        self.section = "Content"
        self.confirming_exit = False

    def shows_top_bar(self) -> bool:
        return False

    def title(self) -> str:
        return "Staff panel"

    def is_busy(self) -> bool:
        # An install staff are watching finishes before the idle reset closes the panel.
        return any(page.busy() for page in self.pages.values())

    def show_route(self, route: Route) -> None:
        if not self.pages:
            self._make_pages()
        self.route = route
        self.reset_state()
        self.pages[self.section].opened()
        self.render()

    def reset_state(self) -> None:
        """Forget the staff session: first page, no question pending, no unsaved changes."""
        self.section = "Content"
        self.confirming_exit = False
        for page in self.pages.values():
            page.reset()

    def open_section(self, name: str) -> None:
        """Turn to the page `name` (a navigation button was tapped)."""
        self.section, self.confirming_exit = name, False
        self.access.notice = ""
        self.pages[name].opened()
        self.render()

    def _make_pages(self) -> None:
        access = self.access
        draft = SettingsDraft(access, self)
        pages: list[Page] = [
            ContentPage(access, self),
            InstallPage(access, self),
            FeedPage(access, self),
            SettingsPage(access, draft, self),
            UsagePage(access, self),
            VolumePage(access, draft, self),
        ]
        self.pages = {page.title: page for page in pages}
        for page in pages:
            page.changed.connect(self._page_changed)
        access.notice_changed.connect(self._page_changed)

    def _page_changed(self) -> None:
        if self.isVisible():
            self.render()

    # --- Drawing -------------------------------------------------------------------------

    def build(self) -> None:
        theme = staff_theme(self.ctx.theme)
        self.setStyleSheet(staff_stylesheet(theme, self.ctx.theme.larger_text))
        margin = theme.px(Space.XL)
        self.root.setContentsMargins(margin, margin, margin, margin)
        self.root.setSpacing(theme.px(Space.L))
        portrait = self.window().height() > self.window().width()
        body: QBoxLayout = QVBoxLayout() if portrait else QHBoxLayout()
        body.setSpacing(theme.px(Space.XL))
        body.addLayout(self._navigation(theme, portrait))
        body.addLayout(self._page_area(theme), 1)
        self.root.addLayout(body, 1)
        keep_words_whole(self)

    def _navigation(self, theme: Theme, portrait: bool) -> QBoxLayout | QGridLayout:
        """The page buttons, then Close panel and Exit kiosk: a column, or rows in portrait."""
        pages = [self._nav_button(name) for name in self.pages]
        clean = staff_button("Clean the screen", self.access.start_cleaning)
        close = staff_button("Close panel", self.access.close_panel, "primary")
        leave = staff_button("Exit kiosk", self._ask_exit)
        if portrait:
            grid = QGridLayout()
            grid.setSpacing(theme.px(Space.S))
            for index, widget in enumerate([*pages, clean, close, leave]):
                grid.addWidget(widget, index // 4, index % 4)
            return grid
        column = QVBoxLayout()
        column.setSpacing(theme.px(Space.S))
        heading = label("Staff panel", "heading", wrap=False)
        column.addWidget(heading)
        for widget in pages:
            widget.setMinimumWidth(theme.px(Size.STAFF_FIELD_WIDTH))
            column.addWidget(widget)
        column.addStretch(1)
        column.addWidget(clean)
        column.addWidget(close)
        column.addWidget(leave)
        return column

    def _nav_button(self, name: str) -> QPushButton:
        widget = staff_button(name, lambda: self.open_section(name), "nav")
        widget.setCheckable(True)
        widget.setChecked(name == self.section and not self.confirming_exit)
        return widget

    def _page_area(self, theme: Theme) -> QVBoxLayout:
        column = QVBoxLayout()
        column.setSpacing(theme.px(Space.M))
        if self.access.notice:
            column.addWidget(message(self.access.notice))
        if self.access.services is None:
            column.addWidget(
                label(
                    "A preview: installs are off, and nothing here changes the kiosk's content.",
                    "muted",
                )
            )
        if self.confirming_exit:
            column.addWidget(self._exit_question(theme))
            column.addStretch(1)
        else:
            column.addWidget(self.pages[self.section].build(theme), 1)
        return column

    # --- Leaving the kiosk ---------------------------------------------------------------

    def _ask_exit(self) -> None:
        self.confirming_exit = True
        self.render()

    def _exit_question(self, theme: Theme) -> QWidget:
        frame, body = card()
        body.setContentsMargins(*theme.insets(Space.XXL))
        body.setSpacing(theme.px(Space.L))
        body.addWidget(label("Exit the kiosk", "title"))
        body.addWidget(label(EXIT_QUESTION))
        yes = staff_button("Yes, exit the kiosk", self.access.window.exit_kiosk, "primary")
        no = staff_button("No, stay", self._stay)
        body.addLayout(button_row(yes, no))
        return frame

    def _stay(self) -> None:
        self.confirming_exit = False
        self.render()
