"""Measurements that each run in a fresh process, so one cannot warm another's caches.

`probes.py NAME` prints one JSON object on its last line; benchmarks/suite.py runs them and
takes medians. The kiosk probes start the real kiosk (kiosk.app.run, fullscreen, with its
services) and drive it once its first screen is painted. Set QT_QPA_PLATFORM and KIOSK_HOME
before running one by hand; the suite does.

A scenario is a generator: each `yield` hands control back to the kiosk's own event loop until
a frame is painted or some time has passed. Waiting in a nested event loop instead would keep
Qt from deleting what deleteLater() marked, and the figures would drift from the kiosk's."""

from __future__ import annotations

import importlib
import json
import os
import statistics
import sys
import time
import traceback
from collections.abc import Callable, Generator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import psutil

MiB = 1024 * 1024
STAFF_PIN = "2468"  # the suite sets it in its own KIOSK_HOME before the staff probe
FRAME_TIMEOUT_S = 10.0
UP_FOR_S = 1.0  # how long the kiosk has been up when a scenario starts

# What a scenario yields: a function that arranges for `resume` to be called later.
Wait = Callable[[Callable[[], None]], None]
Steps = Generator[Wait, None, object]


def rss_mib() -> float:
    return psutil.Process().memory_info().rss / MiB


def report_paint(label: str) -> None:
    """The line the suite times: it reads the clock when this arrives."""
    print(f"first paint: {label}", flush=True)


def sleep(seconds: float) -> Wait:
    """Wait `seconds` in the kiosk's event loop (its timers, fades and deletions run)."""
    from PySide6.QtCore import QTimer

    return lambda resume: QTimer.singleShot(round(seconds * 1000), resume)


# --- Seeing frames ------------------------------------------------------------------------


def frame_watch(window, widget=None, condition: Callable[[], bool] = lambda: True):
    """A FrameWatch on `window` (made here so that importing this module needs no Qt)."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    class FrameWatch(QObject):
        """Counts frames: an UpdateRequest of the window during which `widget` was painted
        while `condition()` held.

        A frame ends when the window's update has returned (a zero timer set at its start
        fires only then). Paint events outside an update, such as grab() for the page fade,
        are not frames."""

        def __init__(self) -> None:
            super().__init__(window)
            self.frames, self.frame_end = 0, 0.0
            self._in_update = self._painted = False
            self._waiting: tuple[int, Callable[[], None]] | None = None
            self._widget = widget or window
            window.installEventFilter(self)
            if self._widget is not window:
                self._widget.installEventFilter(self)

        def eventFilter(self, watched, event) -> bool:
            kind = event.type()
            if kind == QEvent.Type.UpdateRequest and watched is window:
                self._in_update, self._painted = True, False
                QTimer.singleShot(0, self._update_done)
            elif kind == QEvent.Type.Paint and watched is self._widget and self._in_update:
                self._painted = self._painted or condition()
            return False

        def _update_done(self) -> None:
            self._in_update = False
            if not self._painted:
                return
            self.frames += 1
            self.frame_end = time.perf_counter()
            if self._waiting is not None and self.frames > self._waiting[0]:
                resume, self._waiting = self._waiting[1], None
                resume()

        def after(self, frames: int) -> Wait:
            """Wait until frame number `frames` + 1 has ended, or FRAME_TIMEOUT_S."""

            def arrange(resume: Callable[[], None]) -> None:
                if self.frames > frames:
                    QTimer.singleShot(0, resume)
                    return
                done: list[bool] = []

                def once() -> None:
                    if not done:
                        done.append(True)
                        self._waiting = None
                        resume()

                self._waiting = (frames, once)
                QTimer.singleShot(round(FRAME_TIMEOUT_S * 1000), once)

            return arrange

        def painted_since(self, frames: int) -> float:
            """The end of the frame after frame number `frames`; TimeoutError if none came."""
            if self.frames <= frames:
                raise TimeoutError(f"no frame painted within {FRAME_TIMEOUT_S:g} s")
            return self.frame_end

        def detach(self) -> None:
            window.removeEventFilter(self)
            self._widget.removeEventFilter(self)
            self.deleteLater()

    return FrameWatch()


class Driver:
    """Taps on the running kiosk and times each to the end of the next painted frame."""

    def __init__(self, window) -> None:
        from kiosk.ui.composition import Kiosk

        self.window = window
        self.kiosk = window.findChild(Kiosk)  # the composition: staff access, services
        self.watch = frame_watch(window)
        self.timings: dict[str, float] = {}

    def button(self, name: str):
        from PySide6.QtWidgets import QAbstractButton

        found = [
            b
            for b in self.window.findChildren(QAbstractButton)
            if b.accessibleName() == name and b.isVisibleTo(self.window)
        ]
        if not found:
            raise LookupError(f"no visible button named {name!r} on {self.window.route}")
        return found[0]

    def settle(self) -> Steps:
        """End the page fade and let pending work run, as a patient's pause would."""
        self.window.finish_transition()
        yield sleep(0.05)

    def timed(self, label: str, action: Callable[[], object]) -> Steps:
        """Milliseconds from `action` (a tap) to the end of the next painted frame."""
        yield from self.settle()
        before = self.watch.frames
        started = time.perf_counter()
        action()
        yield self.watch.after(before)
        self.timings[label] = (self.watch.painted_since(before) - started) * 1000
        return self.timings[label]

    def tap(self, name: str, label: str) -> Steps:
        """Tap the visible button named `name` (after the last fade has settled)."""
        yield from self.settle()
        target = self.button(name)
        return (yield from self.timed(label, lambda: click(target)))

    def tap_screen(self, label: str) -> Steps:
        """A touch anywhere on the current screen (the attract screen's "touch to start")."""
        return (yield from self.timed(label, lambda: click(self.window.current_screen)))


def click(widget) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    QTest.mouseClick(widget, Qt.MouseButton.LeftButton)


def run_kiosk(scenario: Callable[[Driver], Steps]) -> dict:
    """Start the real kiosk; once its first frame is painted, run `scenario` on it, then quit.

    The scenario's return value (a dict) is the probe's result."""
    # `python -m kiosk run` imports these before PySide6, which reads the source of every
    # module imported after it (looking for __feature__ imports): keep that order.
    importlib.import_module("kiosk.cli")
    kiosk_app = importlib.import_module("kiosk.app")
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    result: dict = {}
    qt_app = QApplication([])  # the kiosk takes this one

    def finish(outcome: dict) -> None:
        result.update(outcome)
        QApplication.exit(0)  # not quit(): the kiosk refuses close requests

    def attach() -> None:
        # Imported here, as run() imports it: after its own start-up steps (kiosk.runtime.
        # pyside_imports) rather than before them.
        from kiosk.ui.window import KioskWindow

        window = next(w for w in qt_app.topLevelWidgets() if isinstance(w, KioskWindow))
        driver = Driver(window)

        def steps() -> Steps:
            yield driver.watch.after(0)  # the first screen, painted
            # Then what start-up leaves for after that paint (services, home built ahead):
            # nobody touches a kiosk in the first second after it starts.
            yield sleep(UP_FOR_S)
            return (yield from scenario(driver))

        advance(steps(), finish)

    # Posted before run() shows the window, so it runs before the first update is painted.
    QTimer.singleShot(0, attach)
    kiosk_app.run(None, windowed=False)
    return result


def advance(steps: Steps, finish: Callable[[dict], None]) -> None:
    """Run `steps` up to its next wait, and come back to it from the event loop after."""
    try:
        wait = next(steps)
    except StopIteration as done:
        finish(done.value or {})
        return
    except Exception:  # reported to the suite, which fails the row
        finish({"error": traceback.format_exc()})
        return
    wait(lambda: advance(steps, finish))


# --- Probes -------------------------------------------------------------------------------


def probe_floor() -> dict:
    """A bare fullscreen window importing every Qt module the kiosk uses: the floor. It stays
    up PROBE_STAY_SECONDS after its first paint (default 0), for a watcher outside."""
    from PySide6 import QtMultimedia, QtSvg  # noqa: F401  (the kiosk uses these too)
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QLabel

    from kiosk.runtime.first_paint import FirstPaint

    stay_ms = round(float(os.environ.get("PROBE_STAY_SECONDS", "0")) * 1000)
    app = QApplication([])
    window = QLabel("floor")
    window.setGeometry(window.screen().geometry())  # as the kiosk does (no window manager)
    window.showFullScreen()
    FirstPaint(
        window, on_paint=lambda: (report_paint("floor"), QTimer.singleShot(stay_ms, app.quit))
    )
    app.exec()
    return {"rss_mib": rss_mib()}


def probe_taps() -> dict:
    """Tap to the next frame painted, for every patient navigation."""
    return run_kiosk(_all_navigations)


def _all_navigations(d: Driver) -> Steps:
    model = d.window.ctx.bundle.model
    yield from d.tap_screen("attract > home (first visit)")
    for tile in model.home.tiles:
        yield from d.tap(tile.label.get("en"), f"home > {tile.target} (first visit)")
        yield from d.tap("Home", f"{tile.target} > home (top bar)")
    for tile in model.home.tiles:
        yield from d.tap(tile.label.get("en"), f"home > {tile.target}")
        yield from d.tap("Home", f"{tile.target} > home")
    yield from _exercises(d, model)
    yield from _picker(d, model)
    yield from _articles(d, model)
    yield from d.tap("Home", "article > home")
    yield from d.tap("Español", "language switch")
    yield from d.tap("Letra grande", "larger text on")
    yield from d.tap("Letra grande", "larger text off")
    yield from d.tap("English", "language switch back")
    yield from d.timed("idle reset > attract", d.window.reset_to_attract)
    yield from d.tap_screen("attract > home")
    return {"taps_ms": d.timings}


def _exercises(d: Driver, model) -> Steps:
    yield from d.tap(_tile_label(model, "exercises"), "home > exercises")
    yield from d.tap(model.exercises[0].title.get("en"), "exercise list > exercise")
    yield from d.tap("Next", "exercise: next step")
    yield from d.tap("Previous", "exercise: previous step")
    yield from d.tap("Back", "exercise > list (back)")
    yield from d.tap(model.exercises[-1].title.get("en"), "exercise list > another exercise")
    yield from d.tap("Home", "exercise > home")


def _picker(d: Driver, model) -> Steps:
    from kiosk.content.model import Question

    picker = model.picker
    yield from d.tap(_tile_label(model, "picker"), "home > picker")
    root = picker.nodes[picker.root_id()]
    onward = next(a for a in root.answers if isinstance(picker.nodes[a.next], Question))
    yield from d.tap(onward.label.get("en"), "picker: answer to next question")
    yield from d.tap("Back", "picker: back a question")
    path = _path_to_result(picker)
    for depth, answer in enumerate(path):
        label = "picker: answer to result" if depth == len(path) - 1 else f"picker: answer {depth}"
        yield from d.tap(answer.label.get("en"), label)
    yield from d.tap("Start over", "picker result > start over")
    red_flag = next(a for a in root.answers if not isinstance(picker.nodes[a.next], Question))
    yield from d.tap(red_flag.label.get("en"), "picker: answer to red flag")
    yield from d.tap("Home", "picker red flag > home")


def _path_to_result(picker) -> list:
    """The answers from the first question to the first result that is not the red flag."""
    from kiosk.content.model import Result

    def walk(node_id: str) -> list | None:
        node = picker.nodes[node_id]
        if isinstance(node, Result):
            return [] if node.outcome != "front_desk" else None
        for answer in node.answers:
            rest = walk(answer.next)
            if rest is not None:
                return [answer, *rest]
        return None

    return walk(picker.root_id()) or []


def _articles(d: Driver, model) -> Steps:
    yield from d.tap(_tile_label(model, "articles"), "home > articles")
    for number, article in enumerate(model.articles[:2], start=1):
        yield from d.tap(article.title.get("en"), f"article list > article {number}")
        yield from d.tap("Back", f"article {number} > list (back)")
    yield from d.tap(model.articles[0].title.get("en"), "article list > article 1 again")


def _tile_label(model, target: str) -> str:
    return next(t.label.get("en") for t in model.home.tiles if t.target == target)


def probe_staff() -> dict:
    """The way into the staff panel: corner hold to PIN pad, then the PIN (scrypt) to panel."""

    def scenario(d: Driver) -> Steps:
        yield from d.timed("corner hold > PIN pad (first)", d.kiosk.staff.open_pin_pad)
        yield sleep(1.0)  # a person reads the pad before typing
        for digit in STAFF_PIN:
            yield from d.tap(digit, f"PIN digit {digit}")
        yield from d.tap("OK", "PIN OK > staff panel (first)")
        yield from d.tap("Close panel", "staff panel > attract")
        yield from d.timed("corner hold > PIN pad", d.kiosk.staff.open_pin_pad)
        return {"taps_ms": d.timings}

    return run_kiosk(scenario)


def probe_idle_home() -> dict:
    """RSS on the home screen once it has settled after the first touch."""

    def scenario(d: Driver) -> Steps:
        yield from d.tap_screen("attract > home")
        yield sleep(1.0)
        return {"rss_mib": rss_mib()}

    return run_kiosk(scenario)


def probe_video() -> dict:
    """Tap on play to the first decoded frame painted (first video, then the next); RSS while
    the 720p series plays."""
    seconds = float(os.environ.get("PROBE_PLAY_SECONDS", "4"))

    def scenario(d: Driver) -> Steps:
        model = d.window.ctx.bundle.model
        yield from d.tap_screen("attract > home")
        yield from d.tap(_tile_label(model, "videos"), "home > videos")
        first = yield from _time_first_frame(d, d.window.ctx.word("understand_play"))
        peak, end = 0.0, time.perf_counter() + seconds
        while time.perf_counter() < end:
            yield sleep(0.1)
            peak = max(peak, rss_mib())
        following = yield from _time_first_frame(d, d.window.ctx.word("next_video"))
        return {"first_ms": first, "next_ms": following, "playing_rss_mib": peak}

    return run_kiosk(scenario)


def _time_first_frame(d: Driver, button_name: str) -> Steps:
    """Milliseconds from a tap on `button_name` to a frame with a decoded picture painted."""
    yield from d.settle()
    target, screen = d.button(button_name), d.window.current_screen
    started = time.perf_counter()
    click(target)
    surface = screen.surface  # the player is on screen once the tap has been handled
    watch = frame_watch(d.window, surface, lambda: surface.has_frame)
    yield watch.after(0)
    watch.detach()
    return (watch.painted_since(0) - started) * 1000


def probe_idle_cpu() -> dict:
    """CPU used on the attract screen over PROBE_IDLE_SECONDS (default 30) of wall time."""
    seconds = float(os.environ.get("PROBE_IDLE_SECONDS", "30"))

    def scenario(d: Driver) -> Steps:
        process = psutil.Process()
        before, frames, started = process.cpu_times(), d.watch.frames, time.perf_counter()
        yield sleep(seconds)
        after, wall = process.cpu_times(), time.perf_counter() - started
        used = (after.user - before.user) + (after.system - before.system)
        return {
            "cpu_percent": 100 * used / wall,
            "seconds": wall,
            "frames": d.watch.frames - frames,
        }

    return run_kiosk(scenario)


def probe_swap() -> dict:
    """The UI thread's share of a bundle swap, to the new attract screen's first frame, each
    after a patient's visit (so there are screens to replace) and the idle reset: to a copy of
    the built-in bundle (same typeface), and to the 1,000-exercise bundle (another typeface,
    so every style is computed again).

    Bundles are validated and loaded, and their attract pictures rendered (picture_plan),
    beforehand, as the kiosk's bundle service does off the UI thread."""
    from kiosk.content import load_bundle
    from kiosk.content.locate import builtin_bundle_dir

    builtin, big = builtin_bundle_dir(), Path(os.environ["PROBE_BIG_BUNDLE"])
    copies, bigs = [load_bundle(builtin) for _ in range(2)], [load_bundle(big) for _ in range(2)]
    back = load_bundle(builtin)

    def scenario(d: Driver) -> Steps:
        same, other = [], []
        for copy, large in zip(copies, bigs, strict=True):
            yield from _a_patient_visit(d)
            ready = d.window.picture_plan()(copy)
            swap = lambda b=copy, r=ready: d.window.swap_bundle(b, r)  # noqa: E731
            same.append((yield from d.timed("swap", swap)))
            yield from _a_patient_visit(d)
            ready = d.window.picture_plan()(large)
            swap = lambda b=large, r=ready: d.window.swap_bundle(b, r)  # noqa: E731
            other.append((yield from d.timed("swap", swap)))
            d.window.swap_bundle(back)
            yield sleep(0.5)
        return {"same_ms": statistics.median(same), "big_ms": statistics.median(other)}

    return run_kiosk(scenario)


def _a_patient_visit(d: Driver) -> Steps:
    """Home, each tile and back, then the idle reset: the screens a swap must replace."""
    yield from d.tap_screen("attract > home")
    for tile in d.window.ctx.bundle.model.home.tiles[:4]:
        yield from d.tap(tile.label.get(d.window.session.language), "tile")
        yield from d.tap(d.window.ctx.word("home"), "home")
    d.window.reset_to_attract()
    yield sleep(0.5)


def probe_bundle() -> dict:
    """Validate + load the generated bundle, against json.loads of its bundle.json (the floor)."""
    from benchmarks.bundle_load import median_seconds
    from kiosk.content import load_bundle

    folder = Path(os.environ["PROBE_BIG_BUNDLE"])
    runs = int(os.environ.get("PROBE_RUNS", "5"))
    manifest = folder / "bundle.json"
    return {
        "floor_s": median_seconds(lambda: json.loads(manifest.read_bytes()), runs),
        "load_s": median_seconds(lambda: load_bundle(folder), runs),
    }


def probe_layout() -> dict:
    """Where controls are on screen, for taps sent from outside (benchmarks/real_window.py):
    every visible button's centre on each screen a patient reaches from home, and the three
    taps from attract to the first video playing."""
    from PySide6.QtWidgets import QAbstractButton

    def centres(d: Driver) -> dict[str, tuple[int, int]]:
        found = {}
        for button in d.window.findChildren(QAbstractButton):
            if button.isVisibleTo(d.window) and button.window() is d.window:
                centre = button.mapToGlobal(button.rect().center())
                found[button.accessibleName()] = (centre.x(), centre.y())
        return found

    def scenario(d: Driver) -> Steps:
        model = d.window.ctx.bundle.model
        screen = d.window.current_screen.rect().center()
        targets = set()
        yield from d.tap_screen("attract > home")
        home = centres(d)
        for tile in model.home.tiles:
            yield from d.tap(tile.label.get("en"), "tile")
            yield from d.settle()
            targets.update(centres(d).values())
            yield from d.tap("Home", "home")
        targets.update(home.values())
        videos = home[_tile_label(model, "videos")]
        yield from d.tap(_tile_label(model, "videos"), "home > videos")
        play = centres(d)[d.window.ctx.word("understand_play")]
        return {
            "targets": sorted(targets),
            "to_video": [(screen.x(), screen.y()), videos, play],
        }

    return run_kiosk(scenario)


PROBES = {
    "floor": probe_floor,
    "taps": probe_taps,
    "staff": probe_staff,
    "idle_home": probe_idle_home,
    "video": probe_video,
    "idle_cpu": probe_idle_cpu,
    "swap": probe_swap,
    "bundle": probe_bundle,
    "layout": probe_layout,
}

if __name__ == "__main__":
    print(json.dumps(PROBES[sys.argv[1]]()))
