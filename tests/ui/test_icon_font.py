"""Icons are drawn from qtawesome's fonts by the kiosk itself, without importing qtawesome."""

from __future__ import annotations

import subprocess
import sys

from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QIcon

from kiosk.content.icons import icon_glyph
from kiosk.ui.icon_font import glyph_icon


def _colours(icon: QIcon, size: int, mode: QIcon.Mode = QIcon.Mode.Normal) -> set[str]:
    image = icon.pixmap(QSize(size, size), mode).toImage()
    return {
        QColor.fromRgba(image.pixel(x, y)).name()
        for x in range(size)
        for y in range(size)
        if QColor.fromRgba(image.pixel(x, y)).alpha() == 255
    }


def test_a_named_icon_is_its_glyph_in_the_colour_asked(qapp) -> None:
    font_file, glyph = icon_glyph("mdi6.snowflake")
    assert font_file.suffix == ".ttf" and font_file.is_file() and len(glyph) == 1
    assert _colours(glyph_icon("mdi6.snowflake", "#0b4f8a"), 88) == {"#0b4f8a"}


def test_a_disabled_icon_is_greyed(qapp) -> None:
    disabled = _colours(glyph_icon("mdi6.home", "#0b4f8a"), 88, QIcon.Mode.Disabled)
    assert disabled and "#0b4f8a" not in disabled


def test_an_unknown_icon_is_empty_and_logged(qapp, caplog) -> None:
    assert icon_glyph("mdi6.no-such-icon") is None
    assert glyph_icon("mdi6.no-such-icon", "#000000").isNull()
    assert "mdi6.no-such-icon" in caplog.text


def test_the_kiosk_runs_without_importing_qtawesome(tmp_path) -> None:
    """qtawesome's import alone (qtpy, OpenGL, data visualisation) cost ~30 MiB: keep it out."""
    script = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from kiosk.content import load_bundle\n"
        "from kiosk.content.locate import builtin_bundle_dir\n"
        "from kiosk.ui.screens.base import Route\n"
        "from kiosk.ui.composition import build_kiosk\n"
        "app = QApplication([])\n"
        "window = build_kiosk(load_bundle(builtin_bundle_dir())).window\n"
        "window.show()\n"
        "for screen in ('home', 'exercises', 'picker', 'articles'):\n"
        "    window.go(Route(screen))\n"
        "    app.processEvents()\n"
        "print(sorted(m for m in sys.modules if m.startswith(('qtawesome', 'qtpy'))))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": "", "HOME": str(tmp_path)},
        timeout=120,
        check=True,
    )
    assert done.stdout.strip().splitlines()[-1] == "[]"
