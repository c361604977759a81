"""Starting the kiosk: logs, settings, the bundle to show, the window and its services."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from contextlib import ExitStack
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk import settings as kiosk_settings
from kiosk.content import BundleInvalid, LoadedBundle, open_bundle
from kiosk.content.problems import refusal_text
from kiosk.content.record import RecordedBundle
from kiosk.paths import KioskPaths
from kiosk.runtime.crash import install_crash_guard
from kiosk.runtime.logs import setup_logging
from kiosk.store import BundleStore, NoUsableBundle

if TYPE_CHECKING:
    from kiosk.runtime.watchdog import WatchdogPinger
    from kiosk.ui.composition import Kiosk
    from kiosk.ui.window import KioskWindow

log = logging.getLogger(__name__)

WINDOWED_SIZE = (1280, 800)


def run(
    bundle_path: Path | None,
    windowed: bool,
    idle_seconds: float | None = None,
    exit_after_paint: bool = False,
) -> int:
    """Run the kiosk until staff exit it; returns the exit status."""
    from PySide6.QtWidgets import QApplication

    from kiosk.runtime.pyside_imports import stop_keeping_sources

    stop_keeping_sources()  # before the kiosk's own modules: ~12 MiB of their source text
    from kiosk.runtime.display import DisplayControl
    from kiosk.runtime.first_paint import FirstPaint
    from kiosk.runtime.lockdown import KeyboardLock, UrlRefuser
    from kiosk.runtime.stop_signals import StopOnSignals
    from kiosk.ui.composition import Kiosk

    paths = KioskPaths.from_environment().ensure()
    log.info("kiosk starting; log at %s", setup_logging(paths.log_dir))
    settings, messages = kiosk_settings.load(paths.settings_file)
    for message in messages:
        log.warning("%s", message)
    _warn_without_pin(paths, windowed)
    from kiosk.runtime.rendering import choose_rendering

    log.info("rendering: %s", choose_rendering())  # before the QApplication
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("knee-kiosk")
    store = BundleStore(paths)
    with ExitStack() as keep_open:
        bundle = _bundle_to_show(bundle_path, store, keep_open)
        if bundle is None:
            return 1
        overrides = {"idle_timeout": idle_seconds} if idle_seconds is not None else {}
        kiosk = _build_kiosk(
            lambda shown: Kiosk(
                shown, settings, overrides, _videos_available(), kiosk_mode=not windowed
            ),
            bundle,
        )
        del bundle  # a record's plain objects go once the window has the checked model
        window = kiosk.window
        # A preview shows one bundle as it is: no installs, no inbox, no counts.
        services = (paths, store) if bundle_path is None else None
        FirstPaint(window, on_paint=lambda: _after_first_paint(kiosk, services, store))
        kiosk.use_display(DisplayControl(kiosk_mode=not windowed))  # pointer, screen's turn
        _report_memory_if_asked(window)
        install_crash_guard(window.reset_to_attract)
        UrlRefuser(window)
        if windowed:
            window.resize(*WINDOWED_SIZE)
            window.show()
        else:
            KeyboardLock(window, allowed=kiosk.keypad.handles)
            # At the screen's size already: shown unsized, it is first laid out at its size
            # hint, and the attract screen was rendered twice more before the first paint.
            window.setGeometry(window.screen().geometry())
            window.showFullScreen()
        StopOnSignals(app)  # systemctl stop: leave as staff's exit does
        pinger = _start_watchdog(window)
        if services is not None:  # a preview is not the kiosk monitoring looks at
            # After the first paint: kiosk.metrics loads the feed's modules, and with them the
            # model (pydantic), ~30 ms before anything was on screen.
            FirstPaint(window, on_paint=lambda: _write_metrics(kiosk, pinger, app))
        if exit_after_paint:
            FirstPaint(window, on_paint=lambda: _report_start_and_quit(app))
        return app.exec()


def _warn_without_pin(paths: KioskPaths, windowed: bool) -> None:
    from kiosk.staff.pin import pin_is_set

    if not windowed and not pin_is_set(paths.pin_file):
        log.warning(
            "no staff PIN is set: the staff panel stays closed in kiosk mode until one is set "
            "with kiosk set-pin (or chosen in a windowed run)"
        )


def _bundle_to_show(
    bundle_path: Path | None, store: BundleStore, keep_open: ExitStack
) -> LoadedBundle | None:
    """A previewed folder or zip as it is, else the store's active bundle (with fallbacks)."""
    if bundle_path is not None:
        try:
            return keep_open.enter_context(open_bundle(bundle_path))
        except BundleInvalid as refusal:
            print(refusal_text(str(bundle_path), refusal.problems), file=sys.stderr)
            return None
    try:
        # Read from its validation record when that still matches: no pydantic before the
        # first paint (kiosk.content.record); validated in full otherwise.
        start = store.open_active(from_records=True)
    except NoUsableBundle as error:
        log.critical("%s", error)
        print(error, file=sys.stderr)
        return None
    for reason in start.reasons:
        log.warning("start-up fallback: %s", reason)
    log.info("showing %s %s (%s)", start.loaded.model.id, start.loaded.model.version, start.source)
    return start.loaded


def _build_kiosk(build: Callable[[LoadedBundle], Kiosk], bundle: LoadedBundle) -> Kiosk:
    """The kiosk on `bundle`. Drawn from a validation record, its first screen uses plain
    objects; should one lack what a screen asks of it, the checked model is used instead
    (a slower start, never a failed one)."""
    try:
        return build(bundle)
    except Exception:
        if not isinstance(bundle, RecordedBundle):
            raise
        log.exception("the first screen could not be drawn from the validation record")
        return build(bundle.checked())


def _use_checked_model(kiosk: Kiosk, store: BundleStore) -> None:
    """Swap a bundle shown from its validation record for its checked model, before any
    screen but the first is built: the same content, its every field validated by the model.
    A record the model refuses (only a forger with this kiosk's key could write one) gives
    way to whatever full validation shows, as a start without records would."""
    shown = kiosk.window.ctx.bundle
    if not isinstance(shown, RecordedBundle):
        return
    try:
        checked = shown.checked()
    except Exception:
        log.exception("the validation record of %s does not make a valid model", shown.root)
        checked = store.open_active(start_pending=False).loaded
    kiosk.window.swap_bundle(checked)  # on attract, nobody at the screen yet: a quiet moment


def _after_first_paint(
    kiosk: Kiosk, services: tuple[KioskPaths, BundleStore] | None, store: BundleStore
) -> None:
    """What the first screen does not need, done once it is up.

    First the checked model of a bundle shown from its validation record. Then the services
    (installs, the inbox, the feed and usage counts) unless previewing: their imports, the
    feed's cryptography among them, took about 60 ms of start-up. And home and the lists,
    built ahead of the first touch, which then costs what later ones do; and, for a narrated
    bundle, the look for a sound device (QtMultimedia, about 30 ms)."""
    _use_checked_model(kiosk, store)
    if services is not None:
        kiosk.start_services(*services)
    kiosk.window.prepare("home", "exercises", "articles")
    kiosk.read_aloud.prepare()


def _report_memory_if_asked(window: KioskWindow) -> None:
    """With KIOSK_MEMORY_REPORT set, a memory report soon after start and after each idle
    reset's heap trim."""
    from kiosk.runtime.memory_report import report_after_idle_resets
    from kiosk.ui.window import TRIM_AFTER_RESET_MS

    report_after_idle_resets(window, TRIM_AFTER_RESET_MS + 500, first_ms=2500)


def _report_start_and_quit(app) -> None:
    from kiosk.runtime.first_paint import seconds_since_process_start

    print(f"first paint {seconds_since_process_start():.3f} s after the process started")
    app.exit(0)  # not quit(): that asks the window to close, which a fullscreen kiosk refuses


def _start_watchdog(window: KioskWindow) -> WatchdogPinger | None:
    """Ping systemd's watchdog from the UI thread when run under a unit with WatchdogSec."""
    from kiosk.runtime.watchdog import WatchdogPinger, sd_notify, watchdog_interval_ms

    sd_notify("READY=1")
    interval = watchdog_interval_ms()
    if interval is None:
        return None
    pinger = WatchdogPinger(interval, window)
    pinger.start()
    log.info("systemd watchdog pings every %d ms", interval)
    return pinger


def _write_metrics(kiosk: Kiosk, pinger: WatchdogPinger | None, app) -> None:
    """Keep the metrics file current while metrics_folder is set; kiosk_up 0 on the way out."""
    from kiosk.runtime.metrics_writer import MetricsWriter

    metrics = MetricsWriter(kiosk)
    if pinger is not None:
        metrics.watch(pinger)
    app.aboutToQuit.connect(metrics.stop)


def _videos_available() -> bool:
    """Whether Qt has a multimedia plugin to play videos with: a look for its file only.

    Loading QtMultimedia and its FFmpeg backend costs about 40 ms and 15 MiB, so the window
    makes the real check when a patient first opens the videos."""
    from PySide6.QtCore import QCoreApplication

    folders = [Path(path) / "multimedia" for path in QCoreApplication.libraryPaths()]
    if any(folder.is_dir() and any(folder.iterdir()) for folder in folders):
        return True
    log.warning("videos unavailable: no Qt multimedia plugin in %s", folders)
    return False
