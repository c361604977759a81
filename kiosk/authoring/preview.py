"""`kiosk preview FOLDER --watch`: the bundle in a window as patients will see it, reloaded
within a second of any file being saved, with its problems listed on screen (each with its
place in bundle.json) rather than refused; the language and text size switch from the strip."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from kiosk.content import LoadedBundle
from kiosk.content.loader import Inspection, inspect_bundle
from kiosk.ui.composition import Kiosk, build_kiosk
from kiosk.ui.theme import COLOURS
from kiosk.ui.widgets import label

log = logging.getLogger(__name__)

POLL_MS = 300  # how often the folder is looked at: saved edits show within a second
PREVIEW_IDLE_S = 3600  # someone editing is not a patient who walked away
Snapshot = dict[str, tuple[int, int]]


def folder_snapshot(folder: Path) -> Snapshot:
    """Every file under `folder` with its modification time and size: a save changes it."""
    found: Snapshot = {}
    for path in folder.rglob("*"):
        try:
            info = path.stat()
        except OSError:
            continue  # removed while we looked
        if path.is_file() and not path.name.endswith(".partial"):
            found[path.relative_to(folder).as_posix()] = (info.st_mtime_ns, info.st_size)
    return found


def showable(seen: Inspection) -> LoadedBundle | None:
    """The bundle to show despite its problems, or None to keep showing the last one.

    Every section must have parsed, and the picker's tree be sound (the screens walk it)."""
    model = seen.model
    if model is None or seen.missing:
        return None
    if any(problem.path.startswith("picker.nodes") for problem in seen.problems):
        return None
    return LoadedBundle(seen.root, model, seen.files, seen.warnings, seen.narration)


class BundlePreview(QWidget):
    """The strip (problems, languages, text size) over the kiosk showing the bundle."""

    reloaded = Signal(object)  # the Inspection just made

    def __init__(self, folder: Path, watch: bool = True) -> None:
        super().__init__()
        self.folder = folder
        self.setWindowTitle(f"Preview: {folder}")
        self.kiosk: Kiosk | None = None
        self.inspection: Inspection | None = None
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.layout_.setSpacing(0)
        self.strip = QWidget()
        self.strip.setAccessibleName("Bundle problems")
        self.strip.setStyleSheet(
            f"background: {COLOURS['caution_bg']}; color: {COLOURS['caution_text']};"
            "font-size: 15px;"
        )
        self.strip_layout = QVBoxLayout(self.strip)
        self.layout_.addWidget(self.strip)
        self._snapshot: Snapshot = {}
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.check_for_changes)
        self.reload()
        if watch:
            self._timer.start(POLL_MS)

    def check_for_changes(self) -> None:
        """Reload when any file in the folder was saved, added or removed since last time."""
        if folder_snapshot(self.folder) != self._snapshot:
            self.reload()

    def reload(self) -> None:
        """Read the folder again, show what can be shown, and list what is wrong."""
        self._snapshot = folder_snapshot(self.folder)
        seen = inspect_bundle(self.folder)
        self.inspection = seen
        bundle = showable(seen)
        if bundle is not None:
            self._show(bundle)
        self._fill_strip(seen, shown=bundle is not None)
        self.reloaded.emit(seen)

    def _show(self, bundle: LoadedBundle) -> None:
        if self.kiosk is None:
            self.kiosk = build_kiosk(bundle, idle_seconds=PREVIEW_IDLE_S)
            self.kiosk.window.setParent(self)
            # A window paints its background itself; inside the preview it must be asked to.
            self.kiosk.window.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
            self.layout_.addWidget(self.kiosk.window, 1)
            self.kiosk.window.show()
            return
        window = self.kiosk.window
        # The same screen again after the swap, with the patient's language and text size.
        route, language, larger = window.route, window.session.language, window.session.larger_text
        window.swap_bundle(bundle)
        if language in bundle.model.languages:
            window.session.set_language(language)
        window.session.set_larger_text(larger)
        try:
            window.go(route)
        except (StopIteration, KeyError, ValueError):
            log.info("preview: %s is not in the edited bundle; showing its start", route)

    def _fill_strip(self, seen: Inspection, shown: bool) -> None:
        layout = self.strip_layout
        _clear(layout)
        layout.addLayout(self._controls())
        lines = [f"Problem: {p}" for p in seen.problems]
        lines += [f"Warning: {w}" for w in seen.warnings]
        if not lines:
            lines = ["No problems: this bundle is valid."]
        elif seen.problems and not shown:
            lines.insert(0, "Showing the last version that could be shown. Fix these first:")
        text = label("\n".join(lines[:40]))
        text.setAccessibleName("Problems")
        layout.addWidget(text)
        text.show()  # now, not at the layout's next pass: the list is what was just read

    def _controls(self) -> QHBoxLayout:
        row = QHBoxLayout()
        window = self.kiosk.window if self.kiosk is not None else None
        model = window.ctx.bundle.model if window is not None else None
        for language in model.languages if model is not None else []:
            row.addWidget(
                _strip_button(
                    f"Show in {language}", lambda _=False, lang=language: self.use_language(lang)
                )
            )
        if window is not None:
            larger = _strip_button("Larger text", window.session.set_larger_text)
            larger.setCheckable(True)
            larger.setChecked(window.session.larger_text)
            row.addWidget(larger)
            row.addWidget(_strip_button("Start screen", lambda: window.reset_to_attract()))
        row.addStretch(1)
        return row

    def use_language(self, language: str) -> None:
        """Show the bundle in `language` from now on (until the next start screen)."""
        if self.kiosk is not None:
            self.kiosk.window.session.set_language(language)

    def closeEvent(self, event) -> None:
        self._timer.stop()
        if self.kiosk is not None:
            self.kiosk.window.close()
        super().closeEvent(event)


def _strip_button(text: str, slot) -> QPushButton:
    widget = QPushButton(text)
    widget.setAccessibleName(text)
    widget.clicked.connect(slot)
    return widget


def _clear(layout) -> None:
    """Take everything out of `layout`, hidden at once (deleted later, when Qt is done)."""
    while layout.count():
        item = layout.takeAt(0)
        if item.widget() is not None:
            item.widget().hide()
            item.widget().deleteLater()
        elif item.layout() is not None:
            _clear(item.layout())


def run_preview(folder: Path, watch: bool, size: tuple[int, int]) -> int:
    """Open the preview window and run until it is closed."""
    if not (folder / "bundle.json").is_file():
        print(f"{folder}: has no bundle.json; make one with kiosk new", file=sys.stderr)
        return 1
    app = QApplication.instance() or QApplication(sys.argv[:1])
    preview = BundlePreview(folder, watch)
    preview.resize(size[0], size[1] + 160)
    preview.show()
    return app.exec()
