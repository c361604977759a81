"""Finding the built-in bundle from a checkout, an installed wheel or a PyInstaller build."""

from __future__ import annotations

import sys
from pathlib import Path

from kiosk.content.manifest import MANIFEST_NAME

_PACKAGE_DIR = Path(__file__).resolve().parent.parent


def builtin_bundle_dir() -> Path:
    """The folder of the bundle that ships with the kiosk."""
    candidates = [
        Path(getattr(sys, "_MEIPASS", "")) / "builtin_bundle",  # standalone build
        _PACKAGE_DIR / "builtin_bundle",  # installed wheel
        _PACKAGE_DIR.parent,  # checkout: the repository root is laid out as a bundle
    ]
    for candidate in candidates:
        if (candidate / MANIFEST_NAME).is_file():
            return candidate
    return candidates[-1]
