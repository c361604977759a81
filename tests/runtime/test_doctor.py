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


def test_settings_are_checked_with_what_they_need(tmp_path, monkeypatch) -> None:
    from kiosk.runtime.doctor import settings_checks

    home = tmp_path / "home"
    monkeypatch.setenv("KIOSK_HOME", str(home))
    settings_file = home / "config" / "settings.toml"
    settings_file.parent.mkdir(parents=True)
    settings_file.write_text(
        'idle_timeout = "soon"\nscreen_orientation = "portrait"\n'
        'feed_address = "https://example.org/feed/"\n',
        encoding="utf-8",
    )
    monkeypatch.setenv("PATH", str(tmp_path / "no-tools"))  # neither rotation tool is found
    findings = {f.check: f for f in (check() for check in settings_checks())}
    assert not findings["settings"].ok
    assert 'idle_timeout: "soon" is not a number' in findings["settings"].detail
    rotation = findings["screen rotation"]
    assert not rotation.ok
    assert "apt-get install x11-xserver-utils" in rotation.detail
    assert "feed_keys is empty" in findings["feed"].detail
    tool = tmp_path / "no-tools" / "wlr-randr"
    tool.parent.mkdir()
    tool.write_text("#!/bin/sh\n")
    tool.chmod(0o755)
    rotation = next(c() for c in settings_checks() if "rotation" in c().check)
    assert rotation.ok
    assert "portrait via wlr-randr" in rotation.detail
