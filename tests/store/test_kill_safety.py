"""Kill -9 during an install, at each of its steps, then start again: the kiosk starts on a valid
bundle, the pointer is readable and nothing is left in the staging folder.

A real process installs version 5.0 (as a .zip) and activates it, in a store showing 4.0 with
3.0 as last-known-good. $KIOSK_STORE_PAUSE_AT freezes it at a named step; the test kills it
there with SIGKILL, then starts a fresh process that opens the active bundle.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kiosk.paths import HOME_ENV, KioskPaths
from kiosk.store import BundleStore
from kiosk.store.killpoints import PAUSE_ENV
from kiosk.store.pointer import read_pointer
from tests.helpers.corpus import zip_of
from tests.helpers.places import REPO_ROOT, SMALL_BUNDLE
from tests.store.conftest import MakeVersion, install_active, name

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX kill -9"),
]

INSTALL_AND_ACTIVATE = """
import sys
from pathlib import Path
from kiosk.store import BundleStore
store = BundleStore(builtin_dir=Path(sys.argv[2]))
print("ready", file=sys.stderr, flush=True)
store.install(Path(sys.argv[1]))
store.activate_pending()
print("finished")
"""
START = """
import json, sys
from pathlib import Path
from kiosk.store import BundleStore
started = BundleStore(builtin_dir=Path(sys.argv[1])).open_active()
print(json.dumps({"source": started.source, "name": started.name,
                  "version": started.loaded.model.version, "reasons": started.reasons}))
"""

# (where to freeze the installer, the bundle the kiosk must start on afterwards)
KILL_POINTS = [
    ("copying", "4.0"),  # half unpacked in staging
    ("checking", "4.0"),  # unpacked, not yet validated
    ("placed", "4.0"),  # renamed into bundles/, pointer not yet updated
    ("before-replace-pointer.json", "4.0"),  # new pointer (pending) written, not yet swapped in
    ("before-replace-pointer.json:2", "5.0"),  # pending; activation's pointer not swapped in
    ("pruning", "5.0"),  # activated; 3.0 moved to the trash, not yet deleted
]


def run_python(script: str, *args: str, home: Path, pause_at: str = "") -> subprocess.Popen:
    env = {**os.environ, HOME_ENV: str(home), PAUSE_ENV: pause_at}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO_ROOT), env.get("PYTHONPATH")]))
    return subprocess.Popen(
        [sys.executable, "-c", script, *args],
        env=env,
        cwd=REPO_ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.fixture
def ready_home(make_version: MakeVersion, tmp_path: Path) -> tuple[Path, Path]:
    """A kiosk home showing 4.0 (3.0 last-known-good), and a .zip of 5.0 to install."""
    home = tmp_path / "home"
    store = BundleStore(KioskPaths.under(home), builtin_dir=SMALL_BUNDLE)
    install_active(store, make_version, "3.0", "4.0")
    return home, zip_of(make_version("5.0"), tmp_path / "five.zip")


@pytest.mark.parametrize(("pause_at", "expected"), KILL_POINTS, ids=[p for p, _ in KILL_POINTS])
def test_kill_during_install_then_start(
    ready_home: tuple[Path, Path], pause_at: str, expected: str
) -> None:
    home, archive = ready_home
    installer = run_python(
        INSTALL_AND_ACTIVATE, str(archive), str(SMALL_BUNDLE), home=home, pause_at=pause_at
    )
    assert installer.stderr is not None
    assert installer.stderr.readline().strip() == "ready"
    line = installer.stderr.readline()  # blocks until the installer reaches the point
    assert line.strip() == f"paused at {pause_at}", line + installer.stderr.read()
    installer.send_signal(signal.SIGKILL)
    installer.communicate(timeout=10)
    assert installer.returncode == -signal.SIGKILL
    assert leftovers(KioskPaths.under(home))  # the kill left something half done to recover from
    assert_starts_cleanly(home, name(expected))


@pytest.mark.parametrize("delay", [0.0, 0.005, 0.01, 0.02, 0.04])
def test_kill_after_a_delay_then_start(ready_home: tuple[Path, Path], delay: float) -> None:
    """Between the named points too: kill at moments through the install."""
    home, archive = ready_home
    installer = run_python(INSTALL_AND_ACTIVATE, str(archive), str(SMALL_BUNDLE), home=home)
    assert installer.stderr is not None
    assert installer.stderr.readline().strip() == "ready"
    time.sleep(delay)
    installer.send_signal(signal.SIGKILL)
    installer.communicate(timeout=10)
    assert_starts_cleanly(home, name("4.0"), name("5.0"))


def assert_starts_cleanly(home: Path, *expected: str) -> None:
    """A fresh process starts on one of the `expected` bundles, with nothing left over."""
    paths = KioskPaths.under(home)
    starter = run_python(START, str(SMALL_BUNDLE), home=home)
    out, err = starter.communicate(timeout=30)
    assert starter.returncode == 0, err
    started = json.loads(out)
    assert started["source"] == "active"
    assert started["name"] in expected
    assert started["reasons"] == []
    assert read_pointer(paths.pointer_file).active == started["name"]  # readable, and agrees
    assert leftovers(paths) == []


def leftovers(paths: KioskPaths) -> list[Path]:
    """What an interrupted install leaves: staging folders, locks, half-written pointers."""
    temps = [path for path in paths.data_dir.iterdir() if path.name.endswith(".tmp")]
    return [*paths.staging_dir.iterdir(), *temps]


def test_uninterrupted_install_finishes(ready_home: tuple[Path, Path]) -> None:
    home, archive = ready_home
    out, err = run_python(
        INSTALL_AND_ACTIVATE, str(archive), str(SMALL_BUNDLE), home=home
    ).communicate(timeout=30)
    assert out.strip() == "finished", err
    assert read_pointer(KioskPaths.under(home).pointer_file).active == name("5.0")
