"""PySide6 6.12.0 on Python < 3.12 drops a reference to None on every void Qt call and aborts
after ~5,000 of them (none_dealloc). The pin in pyproject.toml avoids it; this proves it."""

from __future__ import annotations

import os
import subprocess
import sys

SCRIPT = """
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
label = QLabel()
for n in range(20_000):
    label.setText(str(n))
    label.setObjectName("x")
    app.processEvents()
print("alive", label.text())
"""


def test_twenty_thousand_void_qt_calls_do_not_abort() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "alive 19999" in done.stdout
