"""Starting the kiosk: the Qt application, the bundle to show, and the window."""

from __future__ import annotations

import logging
import sys
from contextlib import ExitStack
from pathlib import Path

from kiosk.content import BundleInvalid, LoadedBundle, open_bundle
from kiosk.content.locate import builtin_bundle_dir

log = logging.getLogger(__name__)

WINDOWED_SIZE = (1280, 800)


def run(bundle_path: Path | None, windowed: bool, idle_seconds: float) -> int:
    """Run the kiosk until it is told to stop; returns the exit status."""
    from PySide6.QtWidgets import QApplication

    from kiosk.ui.window import build_kiosk_window

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("knee-kiosk")
    with ExitStack() as keep_open:
        bundle = _open_bundle(bundle_path, keep_open)
        if bundle is None:
            return 1
        window = build_kiosk_window(
            bundle, idle_seconds=idle_seconds, videos_available=_videos_available()
        )
        if windowed:
            window.resize(*WINDOWED_SIZE)
            window.show()
        else:
            window.showFullScreen()
        return app.exec()


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
