"""Long-run health: 10,000 random taps across every screen, offscreen, with RSS at intervals.

Prints a table of RSS against the figure after warm-up; the kiosk must not crash or grow.
Run: QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/monkey.py [--taps N] [--seed S]
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import psutil
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication

from kiosk.content import load_bundle
from kiosk.content.locate import builtin_bundle_dir
from kiosk.ui.composition import build_kiosk
from kiosk.ui.window import TRIM_AFTER_RESET_MS

MiB = 1024 * 1024
# After the idle reset: deleteLater() and the decoder's threads finish, and the kiosk hands
# the heap's free pages back (TRIM_AFTER_RESET_MS).
REST_MS = TRIM_AFTER_RESET_MS + 500


def rss() -> float:
    gc.collect()
    return psutil.Process().memory_info().rss / MiB


def visible_buttons(window) -> list[QAbstractButton]:
    return [
        b
        for b in window.findChildren(QAbstractButton)
        if b.isVisibleTo(window) and b.isEnabled() and b.window() is window
    ]


def tap_something(window, rng: random.Random) -> str:
    """Tap a random control, or (one time in five) a random point of the screen."""
    buttons = visible_buttons(window)
    if buttons and rng.random() > 0.2:
        target = rng.choice(buttons)
        QTest.mouseClick(target, Qt.MouseButton.LeftButton)
        return target.accessibleName()
    point = QPoint(rng.randrange(window.width()), rng.randrange(window.height()))
    widget = window.childAt(point) or window
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton, pos=widget.mapFrom(window, point))
    return "screen"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--taps", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--report-every", type=int, default=1000)
    parser.add_argument("--warm-up", type=int, default=1000)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    window = build_kiosk(load_bundle(builtin_bundle_dir()), idle_seconds=3600).window
    window.resize(1920, 1080)
    window.show()
    rng = random.Random(args.seed)
    rows, started = [], time.perf_counter()
    screens: dict[str, int] = {}
    taps = 0

    def one_tap() -> None:
        # Driven by a timer inside app.exec(), as in the kiosk: deleteLater() only runs there.
        nonlocal taps
        taps += 1
        tap_something(window, rng)
        screens[window.route.screen] = screens.get(window.route.screen, 0) + 1
        if taps % 97 == 0:
            window.reset_to_attract()  # the idle reset, as the day goes on
        if taps % args.report_every == 0:
            timer.stop()
            read_at_rest()

    def read_at_rest() -> None:
        """RSS on the attract screen once released players and screens are really deleted.

        Read wherever the last tap left it, RSS swings by a decoder's working set (tens of
        MiB) when a video happens to be playing, which hides any trend."""
        window.reset_to_attract()
        QTimer.singleShot(REST_MS, record)

    def record() -> None:
        rows.append((taps, rss(), time.perf_counter() - started))
        if taps >= args.taps:
            app.quit()
        else:
            timer.start(0)

    timer = QTimer()
    timer.timeout.connect(one_tap)
    timer.start(0)
    app.exec()
    baseline = next((now for tap, now, _ in rows if tap == args.warm_up), rows[0][1])
    window.reset_to_attract()
    app.processEvents()
    print(f"Monkey test: {args.taps} random taps on the built-in bundle, seed {args.seed}")
    print(f"screens visited: {', '.join(f'{k} {v}' for k, v in sorted(screens.items()))}")
    print(f"{'taps':>7} {'RSS MiB':>9} {'vs warm-up':>11} {'seconds':>8}")
    for tap, now, seconds in rows:
        delta = f"{now - baseline:+.1f}"
        print(f"{tap:7d} {now:9.1f} {delta:>11} {seconds:8.1f}")
    growth = rows[-1][1] - baseline
    after = [(tap, now) for tap, now, _ in rows if tap >= args.warm_up]
    # Readings wobble by a few MiB with the allocator's state; the fitted line shows the trend.
    taps_at, rss_at = [tap for tap, _ in after], [now for _, now in after]
    trend = statistics.linear_regression(taps_at, rss_at).slope * (taps_at[-1] - taps_at[0])
    print(
        f"growth after warm-up: {growth:+.1f} MiB last minus first, {trend:+.1f} MiB by the "
        f"fitted trend (target < 5 MiB); no crash"
    )
    window.close()


if __name__ == "__main__":
    main()
