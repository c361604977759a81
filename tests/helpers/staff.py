"""Setting up a kiosk for the staff tests and pictures: a tmp store, a fake USB drive, bundles."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from PySide6.QtWidgets import QLabel, QWidget

from kiosk.content.archive import write_zip
from kiosk.content.loader import load_bundle
from kiosk.paths import KioskPaths
from kiosk.staff.pin import pin_is_set, set_pin
from kiosk.store import BundleStore
from kiosk.ui.composition import Kiosk
from kiosk.ui.screens.base import Route
from kiosk.ui.services import KioskServices
from kiosk.ui.window import KioskWindow
from tests.helpers.driving import settle, tap
from tests.helpers.places import SMALL_BUNDLE

PIN = "2468"


def start_services(kiosk: Kiosk, home: Path, usb: Path | None = None) -> KioskServices:
    """Connect `kiosk` to a store under `home`, with `usb` as the one removable drive."""
    paths = KioskPaths.under(home).ensure()
    services = kiosk.start_services(paths, BundleStore(paths, builtin_dir=SMALL_BUNDLE))
    kiosk.staff.find_drives = lambda: [usb] if usb is not None else []
    return services


def bundle_version(folder: Path, version: str, title: str) -> Path:
    """A copy of the small bundle in `folder` with another version and title."""
    shutil.copytree(SMALL_BUNDLE, folder)
    manifest = folder / "bundle.json"
    data = json.loads(manifest.read_text(encoding="utf-8"))
    data["version"] = version
    data["title"] = {"en": title, "fr": title}
    manifest.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return folder


def zipped(folder: Path, target: Path) -> Path:
    """`folder` (a valid bundle) packed as the .zip `target`."""
    write_zip(folder, load_bundle(folder).files, target)
    return target


def broken_bundle(folder: Path, version: str = "9.0") -> Path:
    """A bundle with two problems: a clip that is not a video and a missing picture."""
    bundle_version(folder, version, "Broken")
    (folder / "clips" / "blue-clip.mp4").write_bytes(b"not a video")
    manifest = folder / "bundle.json"
    data = json.loads(manifest.read_text(encoding="utf-8"))
    data["articles"][0]["illustration"] = "media/missing-picture.png"
    manifest.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return folder


def with_pin(kiosk: Kiosk, pin: str = PIN) -> None:
    set_pin(kiosk.staff.paths.pin_file, pin)


def texts(root: QWidget) -> str:
    """Every visible label's text, one per line, to look for words in."""
    settle()
    return "\n".join(w.text() for w in root.findChildren(QLabel) if w.isVisibleTo(root))


def open_panel(qtbot, kiosk: Kiosk, pin: str = PIN) -> None:
    """Through the PIN pad, as staff would (the PIN is set first if none is)."""
    if not pin_is_set(kiosk.staff.paths.pin_file):
        with_pin(kiosk, pin)
    kiosk.staff.open_pin_pad()
    type_pin(qtbot, kiosk.window, pin)
    assert kiosk.window.route == Route("staff")


def type_pin(qtbot, window: KioskWindow, pin: str) -> None:
    for digit in pin:
        tap(qtbot, window, digit)
    tap(qtbot, window, "OK")
