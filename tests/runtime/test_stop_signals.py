"""`systemctl stop` (SIGTERM) and Ctrl+C (SIGINT) stop the kiosk cleanly: status 0, and the
metrics file says kiosk_up 0, as when staff exit it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kiosk.metrics import METRICS_FILE
from tests.helpers.places import REPO_ROOT

START_S = 90  # a loaded CI machine starts the kiosk in seconds; this is a ceiling


def kiosk_up(path: Path) -> str | None:
    """The kiosk_up value in the metrics file, or None before the file is written."""
    if not path.exists():
        return None
    lines = [line for line in path.read_text().splitlines() if line.startswith("kiosk_up ")]
    return lines[0].split()[1] if lines else None


@pytest.mark.parametrize("number", [signal.SIGTERM, signal.SIGINT])
def test_a_stop_signal_ends_the_kiosk_cleanly(tmp_path: Path, number: signal.Signals) -> None:
    home, metrics = tmp_path / "home", tmp_path / "metrics"
    (home / "config").mkdir(parents=True)
    metrics.mkdir()
    (home / "config" / "settings.toml").write_text(f'metrics_folder = "{metrics}"\n')
    env = {**os.environ, "KIOSK_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    kiosk = subprocess.Popen(
        [sys.executable, "-m", "kiosk", "run", "--windowed"],
        cwd=REPO_ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + START_S
        while kiosk_up(metrics / METRICS_FILE) != "1":
            assert kiosk.poll() is None, kiosk.stderr.read()
            assert time.monotonic() < deadline, "the kiosk never wrote kiosk_up 1"
            time.sleep(0.1)
        kiosk.send_signal(number)
        assert kiosk.wait(timeout=30) == 0
    finally:
        if kiosk.poll() is None:
            kiosk.kill()
            kiosk.wait()
    assert kiosk_up(metrics / METRICS_FILE) == "0"
