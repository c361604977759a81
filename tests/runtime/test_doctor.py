"""`kiosk doctor` names what is missing in words an installer can act on."""

from __future__ import annotations

import os
import subprocess
import sys

from kiosk.runtime.doctor import check_libraries, package_for, qt_folder


def test_a_hidden_library_is_named_with_its_package(tmp_path, monkeypatch) -> None:
    # Shadow libxcb-cursor with a broken copy found first on the library path: the loader
    # fails on it exactly as when the package is missing.
    (tmp_path / "libxcb-cursor.so.0").write_bytes(b"")
    monkeypatch.setenv("LD_LIBRARY_PATH", str(tmp_path))
    finding = check_libraries("xcb", qt_folder() / "plugins/platforms/libqxcb.so")
    assert not finding.ok
    assert "libxcb-cursor.so.0" in finding.detail
    assert "apt-get install libxcb-cursor0" in finding.detail


def test_doctor_command_reports_and_fails_on_a_missing_library(tmp_path) -> None:
    (tmp_path / "libxcb-cursor.so.0").write_bytes(b"")
    env = {**os.environ, "LD_LIBRARY_PATH": str(tmp_path), "KIOSK_HOME": str(tmp_path / "home")}
    done = subprocess.run(
        [sys.executable, "-m", "kiosk", "doctor"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 1
    assert "FAIL  platform plugin xcb (X11): cannot load libxcb-cursor.so.0" in done.stdout
    assert "OK    data folder" in done.stdout
    assert "OK    active bundle: knee-care" in done.stdout


def test_a_healthy_plugin_passes() -> None:
    assert check_libraries("xcb", qt_folder() / "plugins/platforms/libqxcb.so").ok


def test_package_names_for_unknown_libraries_are_guessed_sensibly() -> None:
    assert package_for("libxcb-cursor.so.0") == "libxcb-cursor0"
    assert package_for("libfoo.so.3") == "libfoo3"
    assert package_for("libfoo2.so.3") == "libfoo2-3"
