"""Starting the kiosk: the Qt application, the bundle to show, and the window."""

from __future__ import annotations

import logging
import sys
from contextlib import ExitStack
from pathlib import Path

import platformdirs

from kiosk.content import BundleInvalid, LoadedBundle, open_bundle
from kiosk.content.locate import builtin_bundle_dir
from kiosk.runtime.crash import install_crash_guard
from kiosk.runtime.first_paint import seconds_since_process_start
from kiosk.runtime.logs import setup_logging

log = logging.getLogger(__name__)

WINDOWED_SIZE = (1280, 800)


def run(
    bundle_path: Path | None, windowed: bool, idle_seconds: float, exit_after_paint: bool = False
) -> int:
    """Run the kiosk until it is told to stop; returns the exit status."""
    from PySide6.QtWidgets import QApplication

    from kiosk.runtime.first_paint import FirstPaint
    from kiosk.runtime.lockdown import KeyboardLock, UrlRefuser
    from kiosk.ui.window import build_kiosk_window

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("knee-kiosk")
    log_path = setup_logging(Path(platformdirs.user_log_dir("knee-kiosk")))
    log.info("kiosk starting; log at %s", log_path)
    with ExitStack() as keep_open:
        bundle = _open_bundle(bundle_path, keep_open)
        if bundle is None:
            return 1
        window = build_kiosk_window(
            bundle,
            idle_seconds=idle_seconds,
            videos_available=_videos_available(),
            kiosk_mode=not windowed,
        )
        install_crash_guard(window.reset_to_attract)
        UrlRefuser(window)
        if windowed:
            window.resize(*WINDOWED_SIZE)
            window.show()
        else:
            KeyboardLock(window)
            window.showFullScreen()
        _start_watchdog(window)
        if exit_after_paint:
            FirstPaint(window, on_paint=lambda: _report_start_and_quit(app))
        return app.exec()


def _report_start_and_quit(app) -> None:
    print(f"first paint {seconds_since_process_start():.3f} s after the process started")
    app.quit()


def _start_watchdog(window) -> None:
    """Ping systemd's watchdog from the UI thread when run under a unit with WatchdogSec."""
    from kiosk.runtime.watchdog import WatchdogPinger, sd_notify, watchdog_interval_ms

    sd_notify("READY=1")
    interval = watchdog_interval_ms()
    if interval is not None:
        WatchdogPinger(interval, window).start()
        log.info("systemd watchdog pings every %d ms", interval)


def _open_bundle(bundle_path: Path | None, keep_open: ExitStack) -> LoadedBundle | None:
    """The bundle to show: a previewed path, else the built-in bundle."""
    source = bundle_path or builtin_bundle_dir()
    try:
        return keep_open.enter_context(open_bundle(source))
    except BundleInvalid as refusal:
        print(f"{source}: not valid, {len(refusal.problems)} problem(s):", file=sys.stderr)
        for problem in refusal.problems:
            print(f"  {problem}", file=sys.stderr)
        return None


def _videos_available() -> bool:
    try:
        from kiosk.ui.video.backend import multimedia_available
    except ImportError:
        log.exception("QtMultimedia could not be imported; videos are unavailable")
        return False
    return multimedia_available()
