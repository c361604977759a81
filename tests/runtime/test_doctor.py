"""`kiosk doctor` names what is missing in words an installer can act on."""

from __future__ import annotations

import os
import subprocess
import sys

from kiosk.runtime.doctor import (
    check_libraries,
    intended_platforms,
    package_for,
    platform_findings,
    qt_folder,
)

NO_DISPLAY = ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")


def shadow(folder, *libraries: str) -> str:
    """A library path on which each named library is a broken, empty copy: the loader fails on
    it exactly as when its package is missing."""
    for library in libraries:
        (folder / library).write_bytes(b"")
    return str(folder)


def run_doctor(tmp_path, **env: str) -> subprocess.CompletedProcess:
    clean = {key: value for key, value in os.environ.items() if key not in NO_DISPLAY}
    return subprocess.run(
        [sys.executable, "-m", "kiosk", "doctor"],
        capture_output=True,
        text=True,
        env={**clean, "KIOSK_HOME": str(tmp_path / "home"), **env},
        timeout=120,
    )


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
    done = run_doctor(
        tmp_path, DISPLAY=":0", LD_LIBRARY_PATH=shadow(tmp_path, "libxcb-cursor.so.0")
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


def test_a_wayland_library_missing_passes_under_x11_and_fails_under_wayland(tmp_path) -> None:
    library_path = shadow(tmp_path, "libwayland-cursor.so.0")
    under_x11 = run_doctor(tmp_path, DISPLAY=":0", LD_LIBRARY_PATH=library_path)
    assert under_x11.returncode == 0, under_x11.stdout
    assert "OK    platform plugin xcb (X11)" in under_x11.stdout
    assert "NOTE  platform plugin wayland (Wayland): cannot load libwayland-cursor.so.0" in (
        under_x11.stdout
    )
    assert "apt-get install libwayland-cursor0" in under_x11.stdout
    under_wayland = run_doctor(tmp_path, WAYLAND_DISPLAY="wayland-0", LD_LIBRARY_PATH=library_path)
    assert under_wayland.returncode == 1
    assert "FAIL  platform plugin wayland (Wayland): cannot load libwayland-cursor.so.0" in (
        under_wayland.stdout
    )
    assert "apt-get install libwayland-cursor0" in under_wayland.stdout


def test_the_platform_is_read_from_qt_then_the_session() -> None:
    assert intended_platforms({"QT_QPA_PLATFORM": "wayland;xcb", "DISPLAY": ":0"}) == [
        "wayland",
        "xcb",
    ]
    assert intended_platforms({"QT_QPA_PLATFORM": "vnc:size=800x600"}) == ["vnc"]
    assert intended_platforms({"WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":0"}) == ["wayland"]
    assert intended_platforms({"DISPLAY": ":0"}) == ["xcb"]
    assert intended_platforms({}) == []


def verdicts(env: dict[str, str]) -> dict[str, str]:
    """Each platform finding's first word (OK, NOTE or FAIL), by its check's name."""
    return {f.check.split()[2]: str(f).split()[0] for f in platform_findings(qt_folder(), env)}


def test_without_a_display_one_platform_that_loads_is_enough(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("LD_LIBRARY_PATH", shadow(tmp_path, "libwayland-cursor.so.0"))
    assert verdicts({}) == {"xcb": "OK", "wayland": "NOTE"}
    shadow(tmp_path, "libxcb-cursor.so.0")
    assert verdicts({}) == {"xcb": "FAIL", "wayland": "FAIL"}


def test_a_fallback_list_fails_only_when_no_platform_in_it_loads(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("LD_LIBRARY_PATH", shadow(tmp_path, "libwayland-cursor.so.0"))
    assert verdicts({"QT_QPA_PLATFORM": "wayland;xcb"}) == {"wayland": "NOTE", "xcb": "OK"}
    assert verdicts({"QT_QPA_PLATFORM": "wayland"}) == {"wayland": "FAIL", "xcb": "OK"}
    assert verdicts({"QT_QPA_PLATFORM": "offscreen"}) == {
        "offscreen": "OK",
        "xcb": "OK",
        "wayland": "NOTE",
    }
    assert verdicts({"QT_QPA_PLATFORM": "nosuchplatform"})["nosuchplatform"] == "FAIL"
