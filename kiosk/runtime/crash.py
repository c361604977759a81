"""An unexpected exception is logged and the kiosk goes back to attract, instead of dying.

Without a sys.excepthook, PySide aborts the process on an exception raised inside a slot."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from types import TracebackType

log = logging.getLogger("kiosk.crash")


def install_crash_guard(recover: Callable[[], None]) -> None:
    """Log every uncaught exception with its traceback, then call `recover`."""
    recovering = False

    def hook(kind: type[BaseException], error: BaseException, trace: TracebackType | None):
        nonlocal recovering
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, trace)
            return
        log.error(
            "unexpected error; returning to the attract screen", exc_info=(kind, error, trace)
        )
        if recovering:  # the recovery itself failed: do not loop
            return
        recovering = True
        try:
            recover()
        except Exception:
            log.exception("recovery after an unexpected error failed")
        finally:
            recovering = False

    sys.excepthook = hook
