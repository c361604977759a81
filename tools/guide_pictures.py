"""Render the pictures of docs/MAKING-A-BUNDLE.md: a starter bundle in the preview window, the
same with a mistake listed in the strip, and the clinic test bundle's home in Vietnamese.

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m tools.guide_pictures docs/guide
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication

from kiosk.authoring.preview import BundlePreview
from kiosk.authoring.starter import new_bundle
from kiosk.ui.screens.base import Route

SIZE = (1280, 960)


def settle() -> None:
    for _ in range(5):
        QApplication.processEvents()


def shoot(preview: BundlePreview, path: Path) -> None:
    settle()
    if preview.kiosk is not None:
        preview.kiosk.window.finish_transition()
    preview.grab().save(str(path))
    print(path)


def main(folder: Path) -> None:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        bundle = new_bundle(Path(scratch) / "my-clinic", ["en", "es"])
        preview = BundlePreview(bundle, watch=False)
        preview.resize(*SIZE)
        preview.show()
        shoot(preview, folder / "preview-starter-attract.png")
        preview.kiosk.window.go(Route("home"))
        shoot(preview, folder / "preview-starter-home.png")
        manifest = bundle / "bundle.json"
        data = json.loads(manifest.read_text(encoding="utf-8"))
        data["home"]["tiles"][0]["lable"] = data["home"]["tiles"][0].pop("label")
        data["exercises"][0]["steps"][0]["illustration"] = "pictures/step-1.png"
        manifest.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
        preview.reload()
        shoot(preview, folder / "preview-problems.png")
        preview.close()
    app.processEvents()


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/guide"))
