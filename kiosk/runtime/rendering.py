"""Which way the kiosk draws: software (raster) by default, OpenGL only when asked for.

The kiosk's widgets are drawn by Qt's raster engine either way. OpenGL was only used by
QtMultimedia to turn each decoded video frame into a picture, and where no GPU driver exists
(Mesa's llvmpipe, as on most small kiosk PCs without one) that costs far more than it saves.
Measured in a real window (benchmarks/suite.py --only real_window): about 65 MiB of driver
code held from the first video on and 3x the CPU while 720p plays. KIOSK_RENDERING=opengl
brings OpenGL back for a machine whose GPU does better."""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping

log = logging.getLogger(__name__)

RENDERING_VARIABLE = "KIOSK_RENDERING"
CHOICES = ("software", "opengl")


def rendering_choice(environ: Mapping[str, str] = os.environ) -> str:
    """The drawing asked for: software unless KIOSK_RENDERING says opengl (else logged)."""
    chosen = environ.get(RENDERING_VARIABLE, "").strip().lower() or "software"
    if chosen not in CHOICES:
        log.warning("%s=%s is not one of %s; using software", RENDERING_VARIABLE, chosen, CHOICES)
        return "software"
    return chosen


def choose_rendering(environ: Mapping[str, str] = os.environ) -> str:
    """Apply the choice; call before the QApplication is made. Returns what was chosen."""
    from PySide6.QtCore import QCoreApplication, Qt

    chosen = rendering_choice(environ)
    if QCoreApplication.instance() is None:  # too late otherwise (a test's or probe's own app)
        # With raster-only widgets, QtMultimedia converts video frames on the CPU, not via RHI.
        QCoreApplication.setAttribute(
            Qt.ApplicationAttribute.AA_ForceRasterWidgets, chosen == "software"
        )
    return chosen
