"""What the kiosk's memory holds, seen from inside, for hunting growth over long runs.

Set KIOSK_MEMORY_REPORT to a file and the kiosk appends one JSON line to it soon after its
start, then after each idle reset (once the heap has been trimmed): RSS, glibc's heap
statistics, threads, live Python objects by type, Qt widgets by class, and with
PYTHONTRACEMALLOC set, where Python allocated. benchmarks/real_window.py compares the lines.
Off by default: counting every object takes ~50 ms.
"""

from __future__ import annotations

import ctypes
import gc
import json
import logging
import os
import sys
import time
import tracemalloc
from collections import Counter
from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

log = logging.getLogger(__name__)

ENV = "KIOSK_MEMORY_REPORT"
TOP = 40


class _MallInfo2(ctypes.Structure):
    _fields_ = [
        (name, ctypes.c_size_t)
        for name in (
            "arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks",
            "uordblks", "fordblks", "keepcost",
        )
    ]  # fmt: skip


def report_after_idle_resets(window: QWidget, after_ms: int, first_ms: int) -> None:
    """If KIOSK_MEMORY_REPORT names a file, append a report there `first_ms` after now (the
    kiosk at rest after its start), then `after_ms` after each idle reset of `window`."""
    target = os.environ.get(ENV)
    if not target:
        return
    log.info("memory reports after each idle reset go to %s", target)

    def report_soon(delay_ms: int) -> None:
        QTimer.singleShot(delay_ms, window, lambda: append_report(Path(target), window))

    report_soon(first_ms)
    window.went_idle.connect(lambda: report_soon(after_ms))


def append_report(target: Path, window: QObject) -> None:
    """Append one report line (JSON) to `target`."""
    with target.open("a", encoding="utf-8") as out:
        out.write(json.dumps(memory_report(window)) + "\n")


def memory_report(window: QObject) -> dict:
    """The figures of one report, as plain data."""
    gc.collect()
    objects = gc.get_objects()
    widgets = QApplication.allWidgets()
    report = {
        "time": time.time(),
        "rss_kib": _status_kib("VmRSS"),
        "threads": len(os.listdir("/proc/self/task")) if sys.platform.startswith("linux") else 0,
        "malloc": _mallinfo(),
        "python_objects": len(objects),
        "python_types": dict(Counter(type(o).__name__ for o in objects).most_common(TOP)),
        "widgets": len(widgets),
        "widget_classes": dict(Counter(type(w).__name__ for w in widgets).most_common(TOP)),
        "window_children": len(window.findChildren(QObject)),
    }
    del objects
    if tracemalloc.is_tracing():
        snapshot = tracemalloc.take_snapshot()
        report["traced_kib"] = tracemalloc.get_traced_memory()[0] // 1024
        report["traced_top"] = {
            str(stat.traceback[0]): stat.size // 1024
            for stat in snapshot.statistics("lineno")[:TOP]
        }
    return report


def _status_kib(field: str) -> int:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def _mallinfo() -> dict[str, int]:
    """glibc's mallinfo2 (2.33 and later): bytes in use and free in the heap and arenas."""
    try:
        libc = ctypes.CDLL("libc.so.6")
        libc.mallinfo2.restype = _MallInfo2
    except (OSError, AttributeError):
        return {}
    info = libc.mallinfo2()
    return {name: getattr(info, name) for name, _ in _MallInfo2._fields_}
