"""The composition root: builds the one kiosk window, its screens, and wires navigation."""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable, Mapping

from PySide6.QtCore import QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget

from kiosk.content import LoadedBundle
from kiosk.flows.pace import Pace
from kiosk.settings import Settings
from kiosk.ui.context import ScreenContext, Session
from kiosk.ui.live_settings import LiveSettings
from kiosk.ui.media import MediaService
from kiosk.ui.reset_warning import WarnedReset
from kiosk.ui.screens.base import Route, Screen
from kiosk.ui.stop_bar import StopBar
from kiosk.ui.theme import Theme
from kiosk.ui.top_bar import TopBar
from kiosk.ui.transition import CrossFade
from kiosk.ui.typeface import load_fonts
from kiosk.ui.video.memory import (
    keep_frames_off_the_heap,
    keep_to_few_heaps,
    return_freed_memory,
)
from kiosk.ui.window_settings import default_language_for

log = logging.getLogger(__name__)

TRIM_AFTER_RESET_MS = 2000
# A swap's old screens are deleted this long after it, once the new screen is painted.
DELETE_AFTER_SWAP_MS = 200

# Each route's screen, imported on its first visit: the attract screen paints without loading
# the others (the video screen loads QtMultimedia, the staff panel its charts and pages).
SCREEN_CLASSES = {
    "attract": "kiosk.ui.screens.attract:AttractScreen",
    "home": "kiosk.ui.screens.home:HomeScreen",
    "exercises": "kiosk.ui.screens.exercises:ExerciseListScreen",
    "exercise": "kiosk.ui.screens.exercise:ExerciseScreen",
    "picker": "kiosk.ui.screens.picker:PickerScreen",
    "articles": "kiosk.ui.screens.articles:ArticleListScreen",
    "article": "kiosk.ui.screens.articles:ArticleScreen",
    "videos": "kiosk.ui.screens.videos:VideoScreen",
    "about": "kiosk.ui.screens.about:AboutScreen",
    "stop": "kiosk.ui.screens.stop:StopScreen",
    "staff-pin": "kiosk.ui.staff.pin_pad:PinPadScreen",
    "staff": "kiosk.ui.staff.panel:StaffPanelScreen",
    "cleaning": "kiosk.ui.staff.cleaning:CleaningScreen",
    "languages": "kiosk.ui.screens.languages:LanguageScreen",
}


# The screen that follows, imported while this one is read (once it is painted): the staff
# panel (its pages and charts) while staff type the PIN, not after OK, which waits for scrypt.
IMPORT_AHEAD = {"staff-pin": "staff"}
IMPORT_AHEAD_MS = 300


def screen_class(route_screen: str) -> type[Screen]:
    """The class of the screen named `route_screen`, imported now if it was not yet."""
    module, _, name = SCREEN_CLASSES[route_screen].partition(":")
    return getattr(importlib.import_module(module), name)


class KioskWindow(QWidget):
    """The kiosk: a top bar over one page at a time, reset to attract when left alone."""

    route_changed = Signal(object)  # the Route now shown
    viewed = Signal(str, str)  # (kind, item id): what a patient was shown, for usage counts
    went_idle = Signal()  # the kiosk is back on attract after a quiet spell: a safe moment
    # (kind, item id): "Stop — this hurts" on an exercise or video, for usage counts and
    # metrics; nothing about the person.
    stop_pressed = Signal(str, str)

    def __init__(
        self,
        bundle: LoadedBundle,
        live_settings: LiveSettings,
        videos_available: bool = True,
        kiosk_mode: bool = False,
        screen_makers: Mapping[str, Callable[[ScreenContext], Screen]] | None = None,
        pace: Pace | None = None,
    ) -> None:
        super().__init__()
        self.kiosk_mode = kiosk_mode
        # How to build the screens that need more than the context (the staff side).
        self._screen_makers = dict(screen_makers or {})
        self._exit_allowed = not kiosk_mode
        self.setAccessibleName("Kiosk")
        self.live_settings = live_settings
        live_settings.setParent(self)
        settings = live_settings.current
        self.session = Session(default_language_for(bundle, settings), self)
        self.ctx = ScreenContext(
            bundle,
            MediaService(bundle, self),
            self.session,
            Theme.for_screen(QSize(1920, 1080)),
            settings,
            pace or Pace(),
        )
        self._fonts = load_fonts(bundle)
        self.setWindowTitle(bundle.model.title.get(self.session.language))
        self.videos_available = videos_available
        self._videos_checked = False  # the video backend is checked on the first visit
        self._screens: dict[str, Screen] = {}
        self._restyle_pending = False
        self._shape: tuple[Theme, bool] | None = None
        self.history: list[Route] = []
        self.top_bar = TopBar(self.ctx)
        self.top_bar.back.connect(self.back)
        self.top_bar.home.connect(self.home)
        self.top_bar.choose_language.connect(self.choose_language)
        self.stack = QStackedWidget()
        self.stop_bar = StopBar(self.ctx)
        self.stop_bar.pressed.connect(self.stop_hurts)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.top_bar)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.stop_bar)
        self._fade = CrossFade(self)
        # Each page change takes an 8 MiB picture of the page for the fade; with glibc's
        # own threshold a freed one stays in the heap (benchmarks/suite.py: ~8 MiB of idle RSS).
        keep_frames_off_the_heap()
        keep_to_few_heaps()  # before the decoder threads: each would get a heap of its own
        # A running hold or a playing video defers the warning until it ends.
        self.idle_reset = WarnedReset(self, self.ctx, lambda: self.current_screen.is_busy())
        self.idle_reset.reset_due.connect(self.reset_to_attract)
        self.idle = self.idle_reset.watcher
        live_settings.changed.connect(self._use_settings)
        self.session.changed.connect(self._restyle)
        self._apply_theme(QSize(1920, 1080))
        self.go(Route("attract"))

    # --- Navigation ----------------------------------------------------------------------

    @property
    def route(self) -> Route:
        return self.history[-1]

    @property
    def current_screen(self) -> Screen:
        return self._screens[self.route.screen]

    def go(self, route: Route) -> None:
        """Show `route` as a new step the patient can come back from."""
        if route.screen == "videos" and not self._videos_play():
            route = Route("home")  # its Videos tile now says why there are none
        if route.screen in ("attract", "home"):
            self.history.clear()
        self._show(route, push=True)

    def back(self) -> None:
        """One step back: within the screen first, then the previous screen, then home."""
        if self.current_screen.step_back():
            self._render_top_bar()
            return
        if len(self.history) > 1:
            self.history.pop()
            self._show(self.history.pop(), push=True)
        else:
            self.home()

    def home(self) -> None:
        self.go(Route("home"))

    def choose_language(self) -> None:
        """The language chooser, over the screen the patient is on (Back returns to it)."""
        if self.route.screen != "languages":
            self.go(Route("languages"))

    def stop_hurts(self) -> None:
        """ "Stop — this hurts": every timer and the video stop now, then the guidance."""
        subject = self.current_screen.stop_subject()
        if subject is None:
            return
        kind, item_id = subject
        self.current_screen.leave()  # at once, before anything is drawn
        log.info("stop pressed on %s %s", kind, item_id)
        self.stop_pressed.emit(kind, item_id)
        self.go(Route("stop", f"{kind}:{item_id}"))

    def reset_to_attract(self) -> None:
        """Forget the patient: stop everything, defaults back, attract screen."""
        log.info("idle reset: returning to attract")
        for screen in self._screens.values():
            screen.leave()
            screen.reset_state()
        self.session.reset()
        self.go(Route("attract"))
        # The patient has gone: their pictures go too (up to the cache's 24 MiB of posters and
        # illustrations); what the attract screen shows keeps its own copy.
        self.ctx.media.forget()
        self.went_idle.emit()
        # Once the screens and players left behind are deleted (deleteLater, decoder threads).
        QTimer.singleShot(TRIM_AFTER_RESET_MS, self, return_freed_memory)

    def picture_plan(self) -> Callable[[LoadedBundle], dict]:
        """What to render ahead for a bundle about to be swapped in: a function safe to run on
        a worker thread, giving swap_bundle's `ready` (the new attract screen's picture). It also
        works out the bundle's letters, which the swap's choice of fonts reads."""
        from kiosk.ui.media import picture_key, render_image
        from kiosk.ui.screens.attract import first_picture

        theme, portrait = Theme.for_screen(self.size()), self.height() > self.width()

        def render(bundle: LoadedBundle) -> dict:
            for language in bundle.model.languages:  # a walk of the model; they pick its fonts
                bundle.letters(language)
            wanted = first_picture(bundle.model, theme, portrait)
            if wanted is None:
                return {}
            ref, box = wanted
            image = render_image(bundle.media_path(ref), box)
            return {picture_key(ref, box): image}

        return render

    def swap_bundle(self, bundle: LoadedBundle, ready: dict | None = None) -> None:
        """Show another bundle from its attract screen; called only at a quiet moment.

        Kept to the least the UI thread must do before the new attract screen is painted: no
        fade, its picture rendered ahead off the UI thread (`ready`, from picture_plan), and
        the old screens deleted only after that paint; when the typeface changes, they are
        taken out of the window first, so the new stylesheet does not polish them."""
        log.info("now showing bundle %s %s", bundle.model.id, bundle.model.version)
        self._fade.finish()
        old_screens = list(self._screens.values())  # still in the stack, hidden, till deleted
        for screen in old_screens:
            screen.leave()
        self._screens.clear()
        self.history.clear()
        self.ctx.bundle = bundle
        old_media = self.ctx.media  # with its cached pictures; goes with the old screens
        self.ctx.media = MediaService(bundle, self, ready)
        self._fonts = load_fonts(bundle)
        if self._theme_for(self.size()) != self.ctx.theme:
            for screen in old_screens:
                screen.release()  # out of the window: the new stylesheet need not polish it
        self.session.default_language = default_language_for(bundle, self.ctx.settings)
        self.session.reset()
        self._apply_theme(self.size())
        self._show(Route("attract"), push=True, fade=False)
        QTimer.singleShot(
            DELETE_AFTER_SWAP_MS, self, lambda: _delete_all([*old_screens, old_media])
        )

    def _show(self, route: Route, push: bool, fade: bool = True) -> None:
        if fade:
            self._fade.snapshot()
        shown = self.stack.currentWidget()
        if isinstance(shown, Screen):
            shown.leave()  # even when go() has just cleared the history (Home, attract)
        if push:
            self.history.append(route)
        screen = self._screen(route.screen)
        screen.show_route(route)
        self.stack.setCurrentWidget(screen)
        self._render_top_bar()
        if fade:
            self._fade.play()
        if route.screen in IMPORT_AHEAD:
            ahead = IMPORT_AHEAD[route.screen]
            QTimer.singleShot(IMPORT_AHEAD_MS, self, lambda: screen_class(ahead))
        if route.screen == "attract":
            self.idle_reset.stop()  # the attract screen shows no warning
        else:
            self.idle_reset.start()
        self.route_changed.emit(route)
        if screen.shows_top_bar():  # patients' screens only: staff visits are not usage
            self.viewed.emit("screen", route.screen)
            if route.item is not None and route.screen in ("exercise", "article"):
                self.viewed.emit(route.screen, route.item)

    def _videos_play(self) -> bool:
        """Whether QtMultimedia can play here, checked on the first visit to the videos.

        Checking loads QtMultimedia and FFmpeg (about 40 ms and 15 MiB), which the kiosk does
        not need until then; at start the app only looks for the plugin's file."""
        if self.videos_available and not self._videos_checked:
            from kiosk.ui.video.backend import multimedia_available

            self._videos_checked = True
            self.videos_available = multimedia_available()
            if "home" in self._screens:
                self._screens["home"].videos_available = self.videos_available
                self._screens["home"].invalidate()
        return self.videos_available

    def prepare(self, *names: str) -> None:
        """Build the screens `names` now, unseen, one per turn of the event loop, each if it
        keeps its widgets between visits (home, the lists).

        Their first visits then cost what later ones do: importing and building home took the
        first touch about 50 ms more than the next, and the exercise list 40 ms more."""
        if not names:
            return
        screen = self._screen(names[0])
        if screen.keeps_widgets and screen is not self.stack.currentWidget():
            screen.show_route(Route(names[0]))
            screen.ensurePolished()
        QTimer.singleShot(0, self, lambda: self.prepare(*names[1:]))

    def finish_transition(self) -> None:
        """End the page fade now (for screenshots)."""
        self._fade.finish()

    def _screen(self, name: str) -> Screen:
        if name not in self._screens:
            if name in self._screen_makers:
                screen = self._screen_makers[name](self.ctx)
            elif name == "home":
                screen = screen_class(name)(self.ctx, self.videos_available)
            else:
                screen = screen_class(name)(self.ctx)
            if not screen.follows_patient_language:
                screen.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # not mirrored
            screen.navigate.connect(self.go)
            screen.go_back.connect(self.back)
            screen.go_home.connect(self.home)
            screen.chrome_changed.connect(self._render_top_bar)
            screen.viewed.connect(self.viewed)
            self._screens[name] = screen
            self.stack.addWidget(screen)
        return self._screens[name]

    def _render_top_bar(self) -> None:
        screen_name = self.route.screen
        screen = self.current_screen
        shown = screen_name != "attract" and screen.shows_top_bar()
        self.top_bar.setVisible(shown)
        self.stop_bar.render(shown and screen.stop_subject() is not None)
        if not shown:
            return
        self.top_bar.render(
            screen.title(),
            show_back=screen_name != "home" and screen.can_go_back(),
            show_home=screen_name != "home" and screen.shows_home_in_bar(),
            portrait=self.height() > self.width(),
            width=self.width(),
        )

    def _use_settings(self, settings: Settings) -> None:
        """Saved settings, from now on: each screen reads ctx.settings when it uses one."""
        self.ctx.settings = settings
        self.session.default_language = default_language_for(self.ctx.bundle, settings)
        self.idle_reset.use_settings(settings)

    # --- Theme ---------------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.idle_reset.card.setGeometry(self.rect())
        shape = (self._theme_for(event.size()), event.size().height() > event.size().width())
        if shape != self._shape and not self._restyle_pending:
            # Re-render once the resizing settles, not inside Qt's layout pass.
            self._restyle_pending = True
            QTimer.singleShot(0, self._restyle)

    def _restyle(self) -> None:
        """The language, text size or window size changed: re-render the current screen.

        Every screen lets go of its widgets first (hidden ones are rendered again when next
        shown): a new stylesheet is then applied to the few widgets of the new render only."""
        self._restyle_pending = False
        for screen in self._screens.values():
            screen.release()
        if not self.history:  # mid-swap (the session reset): the new first screen comes next
            return
        self._apply_theme(self.size())
        self.current_screen.render()
        self._render_top_bar()

    def _theme_for(self, size: QSize) -> Theme:
        session = self.session
        typeface = self._fonts.for_language(session.language)
        return Theme.for_screen(
            size,
            session.larger_text,
            typeface.family,
            typeface.bold_family,
            session.high_contrast,
            typeface.fallbacks,
        )

    def _apply_theme(self, size: QSize) -> None:
        # Mirrored for a right-to-left language: Qt flips the layouts, alignment and bars.
        self.setLayoutDirection(self.ctx.direction)
        theme = self._theme_for(size)
        self._shape = (theme, size.height() > size.width())
        if theme != self.ctx.theme or not self.styleSheet():
            self.ctx.theme = theme
            self.setStyleSheet(theme.stylesheet())

    def exit_kiosk(self) -> None:
        """Close for real: the one way out, taken from the staff panel."""
        self._exit_allowed = True
        self.close()

    def closeEvent(self, event) -> None:
        if not self._exit_allowed:
            log.info("refused a request to close the kiosk")
            event.ignore()
            return
        self.idle_reset.detach()
        for screen in self._screens.values():
            screen.leave()
        super().closeEvent(event)


def _delete_all(objects: list[QObject]) -> None:
    for found in objects:
        found.deleteLater()
