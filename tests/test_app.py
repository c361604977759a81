"""Starting the kiosk from a bundle's validation record: the first screen paints without
pydantic, looks as it does from the validated model, and the checked model is in place before
any other screen; a record that cannot stand in gives way to full validation."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from kiosk import app
from kiosk.content import LoadedBundle
from kiosk.content.limits import DEFAULT_LIMITS
from kiosk.content.model import Bundle
from kiosk.content.record import PlainItem, RecordedBundle, read_record, record_bytes
from kiosk.store import BundleStore
from kiosk.ui.composition import build_kiosk
from tests.conftest import MakeKiosk
from tests.helpers.bundles import BUNDLES, bundle
from tests.helpers.driving import settle
from tests.helpers.places import REPO_ROOT, SMALL_BUNDLE

KEY = bytes(32)

# Starts the kiosk and reports, as JSON: at its first paint, whether pydantic was loaded and
# what the window showed; once the first paint's work is done, what the window holds.
START_AND_REPORT = """
import json, sys
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication
from kiosk import app

seen = {}

class AtFirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and not seen:
            seen.update(pydantic="pydantic" in sys.modules,
                        shown=type(watched.ctx.bundle).__name__)
        return False

build = app._build_kiosk
def build_and_watch(make, shown):
    kiosk = build(make, shown)
    kiosk.window.installEventFilter(AtFirstPaint(kiosk.window))
    return kiosk
app._build_kiosk = build_and_watch

after = app._after_first_paint
def after_and_report(kiosk, services, store):
    after(kiosk, services, store)
    model = kiosk.window.ctx.bundle.model
    seen.update(after=type(model).__module__ + "." + type(model).__name__,
                version=model.version)
    print(json.dumps(seen), flush=True)
    QApplication.instance().exit(0)
app._after_first_paint = after_and_report
sys.exit(app.run(None, windowed=True))
"""


def start_and_report(home: Path) -> dict:
    env = {**os.environ, "KIOSK_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", START_AND_REPORT],
        env=env, cwd=REPO_ROOT, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_a_start_from_its_record_paints_before_pydantic_loads(tmp_path: Path) -> None:
    first = start_and_report(tmp_path)  # validated in full, and recorded
    assert first["shown"] == "LoadedBundle"
    second = start_and_report(tmp_path)
    assert second["pydantic"] is False
    assert second["shown"] == "RecordedBundle"
    assert second["after"] == first["after"] == "kiosk.content.model.Bundle"
    assert second["version"] == first["version"]


def recorded(loaded: LoadedBundle) -> RecordedBundle:
    return read_record(loaded.root, record_bytes(loaded, DEFAULT_LIMITS, KEY), DEFAULT_LIMITS, KEY)


def attract_picture(make_kiosk: MakeKiosk, shown: LoadedBundle, size: tuple[int, int]) -> QImage:
    kiosk = make_kiosk(shown, size, videos_available=False)
    settle()
    picture = kiosk.window.grab().toImage()
    kiosk.window.close()
    return picture


@pytest.mark.parametrize("name", sorted(BUNDLES))
@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)])
def test_the_first_screen_from_a_record_is_the_same_picture(
    make_kiosk: MakeKiosk, name: str, size: tuple[int, int]
) -> None:
    validated = bundle(name)
    from_record = attract_picture(make_kiosk, recorded(validated), size)
    assert from_record == attract_picture(make_kiosk, validated, size)


def test_a_plain_object_lacking_what_a_screen_asks_for_gives_way(qtbot) -> None:
    """A plain object without something the window reads: the checked model is used."""
    shown = recorded(bundle("small"))
    without_attract = PlainItem("Bundle", {k: v for k, v in vars(shown.model).items()})
    del without_attract.attract
    kiosk = app._build_kiosk(build_kiosk, replace(shown, model=without_attract))
    qtbot.addWidget(kiosk.window)
    assert isinstance(kiosk.window.ctx.bundle.model, Bundle)


def test_the_checked_model_takes_over_after_the_first_paint(qtbot) -> None:
    shown = recorded(bundle("small"))
    kiosk = build_kiosk(shown)
    qtbot.addWidget(kiosk.window)
    app._use_checked_model(kiosk, BundleStore(builtin_dir=SMALL_BUNDLE))
    assert kiosk.window.ctx.bundle.model == bundle("small").model
    assert not isinstance(kiosk.window.ctx.bundle, RecordedBundle)


def test_a_record_the_model_refuses_gives_way_to_full_validation(qtbot) -> None:
    """Signed with the right key but holding what validation refuses (only someone with the
    kiosk's key could write one): the kiosk swaps to the bundle as full validation finds it."""
    shown = recorded(bundle("small"))
    forged = replace(shown, recorded=json.loads(json.dumps(shown.recorded)))
    forged.recorded["fields"]["version"] = "not a version"
    forged.recorded["set"].append("version")
    kiosk = build_kiosk(forged)
    qtbot.addWidget(kiosk.window)
    app._use_checked_model(kiosk, BundleStore(builtin_dir=SMALL_BUNDLE))
    assert kiosk.window.ctx.bundle.model.version == bundle("small").model.version
