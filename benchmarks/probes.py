"""Measurements that each run in a fresh process, so one cannot warm another's caches.

Each probe prints one JSON object on its last line. Run by benchmarks/suite.py."""

from __future__ import annotations

import json
import os
import resource
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

MiB = 1024 * 1024


def rss_mib() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def settle(app, rounds: int = 3) -> None:
    for _ in range(rounds):
        app.processEvents()


def build_window(size=(1920, 1080)):
    from PySide6.QtWidgets import QApplication

    from kiosk.content import load_bundle
    from kiosk.content.locate import builtin_bundle_dir
    from kiosk.ui.window import build_kiosk_window

    app = QApplication.instance() or QApplication([])
    window = build_kiosk_window(load_bundle(builtin_bundle_dir()), idle_seconds=3600)
    window.resize(*size)
    window.show()
    settle(app)
    window.finish_transition()
    return app, window


def probe_floor_start() -> dict:
    """A bare window importing the same Qt modules as the kiosk: the floor for start-up."""
    from PySide6 import QtMultimedia, QtSvg  # noqa: F401  (the kiosk imports these too)
    from PySide6.QtWidgets import QApplication, QLabel

    from kiosk.runtime.first_paint import seconds_since_process_start

    _app = QApplication([])
    label = QLabel("floor")
    label.resize(1920, 1080)
    label.show()
    label.repaint()
    return {"seconds": seconds_since_process_start(), "rss_mib": rss_mib()}


def probe_idle_home() -> dict:
    """RSS on the home screen once it has settled."""
    from kiosk.ui.screens.base import Route

    app, window = build_window()
    window.go(Route("home"))
    settle(app)
    window.finish_transition()
    window.repaint()
    time.sleep(0.5)
    settle(app)
    return {"rss_mib": rss_mib()}


def probe_idle_cpu(seconds: float = 30.0) -> dict:
    """CPU used on the attract screen over `seconds` of wall time."""
    from PySide6.QtCore import QEventLoop, QTimer

    _app, _window = build_window()
    loop = QEventLoop()
    before, started = cpu_seconds(), time.perf_counter()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()
    wall = time.perf_counter() - started
    return {"cpu_percent": 100 * (cpu_seconds() - before) / wall, "seconds": wall}


def probe_taps() -> dict:
    """Tap to the next screen painted, for every navigation from home and back."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QAbstractButton

    from kiosk.ui.screens.base import Route

    app, window = build_window()
    model = window.ctx.bundle.model
    timings: dict[str, float] = {}

    def timed_tap(name: str, label: str) -> None:
        settle(app)
        window.finish_transition()
        target = next(
            b
            for b in window.findChildren(QAbstractButton)
            if b.accessibleName() == name and b.isVisibleTo(window)
        )
        started = time.perf_counter()
        QTest.mouseClick(target, Qt.MouseButton.LeftButton)
        window.repaint()  # the paint the patient sees, done now rather than queued
        timings[label] = (time.perf_counter() - started) * 1000

    def text(t):
        return t.get("en")

    window.go(Route("attract"))
    settle(app)
    started = time.perf_counter()
    QTest.mouseClick(window.current_screen, Qt.MouseButton.LeftButton)
    window.repaint()
    timings["attract > home"] = (time.perf_counter() - started) * 1000
    for tile in model.home.tiles:
        window.home()
        timed_tap(text(tile.label), f"home > {tile.target}")
    for exercise in model.exercises[:3]:
        window.go(Route("exercises"))
        timed_tap(text(exercise.title), f"exercise list > {exercise.id}")
        timed_tap("Next", f"{exercise.id}: next step")
        timed_tap("Previous", f"{exercise.id}: previous step")
    window.go(Route("picker"))
    root = model.picker.nodes[model.picker.root_id()]
    timed_tap(text(root.answers[-1].label), "picker: answer")
    timed_tap("Back", "picker: back")
    window.go(Route("articles"))
    for article in model.articles:
        window.go(Route("articles"))
        timed_tap(text(article.title), f"article list > {article.id}")
    window.home()
    timed_tap("Español", "home: language switch")
    timed_tap("Letra grande", "home: larger text")
    timed_tap(model.home.tiles[1].label.get("es"), "home > second tile (es)")
    timed_tap("Inicio", "back to home (es)")
    return {"taps_ms": timings}


def probe_swap() -> dict:
    """The UI thread's share of a bundle swap (loading is done off it, beforehand)."""
    from kiosk.content import load_bundle
    from kiosk.content.locate import builtin_bundle_dir

    app, window = build_window()
    other = load_bundle(builtin_bundle_dir())
    timings = []
    for _ in range(5):
        started = time.perf_counter()
        window.swap_bundle(other)
        window.repaint()
        timings.append((time.perf_counter() - started) * 1000)
        settle(app)
    timings.sort()
    return {"swap_ms": timings[len(timings) // 2]}


PROBES = {
    "floor_start": probe_floor_start,
    "idle_home": probe_idle_home,
    "idle_cpu": probe_idle_cpu,
    "taps": probe_taps,
    "swap": probe_swap,
}

if __name__ == "__main__":
    print(json.dumps(PROBES[sys.argv[1]]()))
