"""systemd's watchdog: a ping from a timer on the UI thread, so a hung UI gets restarted."""

from __future__ import annotations

import logging
import os
import socket

from PySide6.QtCore import QObject, QTimer, Signal

log = logging.getLogger(__name__)


def sd_notify(message: str) -> bool:
    """Send `message` to systemd (READY=1, WATCHDOG=1...); False when not run by systemd."""
    address = os.environ.get("NOTIFY_SOCKET", "")
    if not address:
        return False
    if address.startswith("@"):  # an abstract socket
        address = "\0" + address[1:]
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM | socket.SOCK_CLOEXEC) as sock:
            sock.connect(address)
            sock.sendall(message.encode())
    except OSError as error:
        log.warning("could not notify systemd: %s", error)
        return False
    return True


def watchdog_interval_ms() -> int | None:
    """Half of systemd's WatchdogSec for this process, or None when no watchdog is set."""
    usec = os.environ.get("WATCHDOG_USEC", "")
    pid = os.environ.get("WATCHDOG_PID", "")
    if not usec.isdigit() or (pid and pid != str(os.getpid())):
        return None
    return max(100, int(usec) // 2000)


class WatchdogPinger(QObject):
    """Pings systemd from the Qt event loop: if the loop blocks, the pings stop."""

    pinged = Signal()  # systemd took a ping (the metrics file reports when)

    def __init__(self, interval_ms: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.ping)

    def start(self) -> None:
        self.ping()
        self._timer.start()

    def ping(self) -> None:
        if sd_notify("WATCHDOG=1"):
            self.pinged.emit()

    def stop(self) -> None:
        self._timer.stop()
