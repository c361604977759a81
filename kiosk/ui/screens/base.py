"""What a screen is: a widget that renders from the model and asks the window to navigate."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar, TypeVar

from PySide6.QtCore import QSize, Signal
from PySide6.QtWidgets import QPushButton, QScrollArea, QSizePolicy, QVBoxLayout, QWidget

from kiosk.content.links import link_label
from kiosk.content.problems import format_path
from kiosk.ui.context import ScreenContext
from kiosk.ui.tokens import Space
from kiosk.ui.widgets import KEEP, button, clear_layout, scroll_page

if TYPE_CHECKING:  # type hints only: the first screen paints before pydantic loads
    from kiosk.content.model import Block, Link, Tile


@dataclass(frozen=True)
class Route:
    """Where the patient is: a screen name and, for some, which item (an exercise id...)."""

    screen: str
    item: str | None = None
    # The part of a list the item was opened from (an exercise from the "while you wait"
    # list: waiting_room), so that "next" stays within it.
    within: str | None = None


# A text a screen shows, for read-aloud: its place in the bundle (format_path of its loc, or
# wording.<key> for the kiosk's own words) and the widget that shows its words.
Reading = tuple[str, QWidget]
ShownWidget = TypeVar("ShownWidget", bound=QWidget)


def text_path(*loc: str | int) -> str:
    """The narration's name for the text at `loc` in bundle.json: exercises[0].title."""
    return format_path(loc)


def word_path(key: str) -> str:
    """The narration's name for the kiosk's own wording `key`."""
    from kiosk.content.narration import wording_path  # the index's model: after first paint

    return wording_path(key)


def block_paths(loc: tuple[str | int, ...], blocks: list[Block]) -> list[str]:
    """The narration's names for each paragraph and bullet of rich text at `loc`, in order."""
    from kiosk.content.model import Bullets  # loaded by now: only screens after the first

    paths = []
    for number, block in enumerate(blocks):
        if isinstance(block, Bullets):
            paths += [text_path(*loc, number, "items", i) for i in range(len(block.items))]
        else:
            paths.append(text_path(*loc, number, "text"))
    return paths


def tile_for(tiles: list[Tile], target: str) -> int | None:
    """The place of the first home tile leading to `target` (its label titles that page)."""
    return next((index for index, tile in enumerate(tiles) if tile.target == target), None)


def target_route(target: str) -> Route:
    """Where a bundle's target leads: a section, or one item for article:<id> or exercise:<id>."""
    screen, _, item = target.partition(":")
    return Route(screen, item or None)


class Screen(QWidget):
    """Base of every screen. Subclasses build their widgets in `build` from `self.route`."""

    navigate = Signal(object)  # a Route to go to
    go_back = Signal()
    go_home = Signal()
    chrome_changed = Signal()  # the title or the Back button should be drawn again
    viewed = Signal(str, str)  # (kind, item id) shown to the patient, e.g. a picker result

    # Set by screens whose widgets depend only on the language, the text size and the window,
    # which all re-render every screen when they change (home, the lists): shown again, such
    # a screen keeps what it built instead of building it all over.
    keeps_widgets: ClassVar[bool] = False
    # False for the staff's pages, in English whatever the patient chose: they are never
    # mirrored for a right-to-left language.
    follows_patient_language: ClassVar[bool] = True

    def __init__(self, ctx: ScreenContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.route = Route("")
        self._built = False  # build() has filled self.root since the last release()
        self._scroll_areas: dict[str, QScrollArea] = {}
        self._reading: list[Reading] = []  # filled by build() through reads()
        self.root = QVBoxLayout(self)
        self.root.setContentsMargins(0, 0, 0, 0)
        # Pages share one stack: a hidden page's minimum size must not stretch the window.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)

    def show_route(self, route: Route) -> None:
        """Show `route` from its start (a new visit)."""
        self.route = route
        self.reset_state()
        if not (self.keeps_widgets and self._built):
            self.render()
        for area in self._scroll_areas.values():
            area.verticalScrollBar().setValue(0)

    def scroll_page(self, content: QWidget, key: str = "page") -> QScrollArea:
        """This screen's scrolling page `key`, now holding `content`.

        Made once per screen and reused by every render, which keeps the scroll position's
        widgets and saves building them again."""
        area = self._scroll_areas.get(key)
        if area is None:
            area = scroll_page(content)
            area.setProperty(KEEP, True)
            self._scroll_areas[key] = area
        else:
            previous = area.takeWidget()
            area.setWidget(content)
            if previous is not None:
                previous.deleteLater()  # later: a tap inside it may still be on its way out
        area.show()
        return area

    def render(self) -> None:
        """Rebuild from the model in the current language and text size, keeping the state."""
        clear_layout(self.root)
        self._reading = []
        margin = self.ctx.theme.px(Space.XXL)
        self.root.setContentsMargins(margin, self.ctx.theme.px(Space.M), margin, margin)
        self.root.setSpacing(self.ctx.theme.px(Space.L))
        self.build()
        self._built = True

    def release(self) -> None:
        """Let go of every widget now; the next show_route() or render() builds them again.

        Used before the window sets a new stylesheet (a text-size change), which would
        otherwise polish the widgets of every screen ever shown, only to throw them away."""
        clear_layout(self.root, detach=True)
        self._reading = []
        for area in self._scroll_areas.values():
            content = area.takeWidget()
            if content is not None:
                content.deleteLater()
        self._built = False

    def invalidate(self) -> None:
        """Build again at the next show: something it shows has changed."""
        self._built = False

    def link_buttons(self, links: list[Link]) -> list[QPushButton]:
        """A button for each link onward; validation made sure each one has words."""
        buttons = []
        arrow = self.ctx.directed_icon("mdi6.arrow-right", self.ctx.theme.colours["primary"])
        for link in links:
            words = link_label(self.ctx.bundle.model, link)
            if words is None:
                continue
            widget = button(self.ctx.text(words), icon=arrow)
            widget.setIconSize(QSize(self.ctx.theme.px(Space.XXL), self.ctx.theme.px(Space.XXL)))
            route = target_route(link.target)
            widget.clicked.connect(lambda _=False, r=route: self.navigate.emit(r))
            buttons.append(widget)
        return buttons

    def build(self) -> None:
        """Fill self.root; overridden by each screen."""
        raise NotImplementedError

    def reads(self, path: str, widget: ShownWidget) -> ShownWidget:
        """Note that `widget` shows the text at `path`, next in reading order; returns it."""
        self._reading.append((path, widget))
        return widget

    def reads_now(self, path: str, widget: QWidget | None) -> None:
        """`widget`, already in reading order, now shows the text at `path` (its numbers
        changed in place: "Repeat 2 of 10" after "Repeat 1 of 10")."""
        self._reading = [(path if w is widget else p, w) for p, w in self._reading]

    def reading(self) -> list[Reading]:
        """What the page shows, in reading order, for read-aloud (the title comes first, from
        title_path)."""
        return list(self._reading)

    def title_path(self) -> str | None:
        """Where the title in the top bar comes from, for read-aloud; None: no such text."""
        return None

    def duck_sound(self, ducked: bool) -> None:
        """Lower the screen's own sound while read-aloud speaks (True), or restore it."""

    def reset_state(self) -> None:
        """Forget progress within the screen (a new visit or a new patient)."""

    def leave(self) -> None:
        """Stop timers and media: the screen is no longer shown."""

    def title(self) -> str:
        """The title shown in the top bar."""
        return ""

    def portrait(self) -> bool:
        """True when the page is taller than wide.

        Asked of the page stack: on a first visit this screen is built before it has been laid
        out, at Qt's default 640x480, which would always say landscape."""
        page = self.parentWidget() or self
        return page.height() > page.width()

    def is_busy(self) -> bool:
        """True while the screen must not be interrupted by the idle reset (a playing video)."""
        return False

    def step_back(self) -> bool:
        """Take one step back within the screen (the previous question); False if none."""
        return False

    def can_go_back(self) -> bool:
        """False where the screen offers nothing but Home (a red-flag result)."""
        return True

    def stop_subject(self) -> tuple[str, str] | None:
        """(kind, item id) of what "Stop — this hurts" stops here; None: no Stop control."""
        return None

    def shows_home_in_bar(self) -> bool:
        """False where the screen holds the one way home itself (the stop card)."""
        return True

    def shows_top_bar(self) -> bool:
        """False for screens without the patient's Back, Home and language bar (staff ones)."""
        return True
