"""`kiosk doctor`: checks that this machine can run the kiosk, in words an installer can act on."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

# Shared libraries Qt loads at run time, and the Debian/Ubuntu package that provides each.
DEBIAN_PACKAGES = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-xinerama.so.0": "libxcb-xinerama0",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libOpenGL.so.0": "libopengl0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libdbus-1.so.3": "libdbus-1-3",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libpulse.so.0": "libpulse0",
    "libwayland-client.so.0": "libwayland-client0",
    "libwayland-cursor.so.0": "libwayland-cursor0",
    "libX11-xcb.so.1": "libx11-xcb1",
}


@dataclass(frozen=True)
class Finding:
    """One check's outcome: ok, and what to say. A note is ok, but worth reading."""

    ok: bool
    check: str
    detail: str
    note: bool = False

    def __str__(self) -> str:
        verdict = "FAIL" if not self.ok else "NOTE" if self.note else "OK  "
        return f"{verdict}  {self.check}: {self.detail}"


def package_for(library: str) -> str:
    """The package to install for a missing library, known or guessed from its name."""
    if library in DEBIAN_PACKAGES:
        return DEBIAN_PACKAGES[library]
    match = re.match(r"lib(.+)\.so\.(\d+)", library)
    if not match:
        return library
    name, major = match.groups()
    # Debian puts a dash between a name that ends in a digit and the major version.
    return f"lib{name.lower()}{'-' if name[-1].isdigit() else ''}{major}"


def unloadable_libraries(binary: Path) -> list[tuple[str, str]]:
    """(library, why) for each shared library `binary` needs that the loader cannot load."""
    if shutil.which("ldd") is None:
        return _first_unloadable_with_ctypes(binary)
    done = subprocess.run(["ldd", str(binary)], capture_output=True, text=True, timeout=30)
    problems = [
        (line.split("=>")[0].strip(), "not found")
        for line in done.stdout.splitlines()
        if "not found" in line
    ]
    # A library that is present but broken (or shadowed by a broken copy) stops ldd early.
    output = done.stdout + done.stderr  # glibc's ldd prints this error on stdout
    for match in re.finditer(r"error while loading shared libraries: (\S+): (.+)", output):
        problems.append((Path(match.group(1)).name, match.group(2).strip()))
    return problems


def _first_unloadable_with_ctypes(binary: Path) -> list[tuple[str, str]]:
    code = "import ctypes, sys; ctypes.CDLL(sys.argv[1])"
    done = subprocess.run(
        [sys.executable, "-c", code, str(binary)], capture_output=True, text=True, timeout=30
    )
    match = re.search(r"OSError: (\S+?): (.+)", done.stderr)
    return [(Path(match.group(1)).name, match.group(2))] if match else []


def qt_folder() -> Path:
    """Where PySide6 keeps Qt's libraries and plugins (found without importing Qt)."""
    import importlib.util

    spec = importlib.util.find_spec("PySide6")
    return Path(next(iter(spec.submodule_search_locations))) / "Qt"


def check_libraries(label: str, binary: Path) -> Finding:
    """Every library `binary` needs loads; else name each one and the package to install."""
    if not binary.exists():
        return Finding(False, label, f"{binary} is missing from the installation")
    problems = list(dict.fromkeys(unloadable_libraries(binary)))  # ldd names some twice
    if not problems:
        return Finding(True, label, "all libraries load")
    parts = [f"{library} ({why})" for library, why in problems]
    packages = " ".join(sorted({package_for(library) for library, _ in problems}))
    return Finding(
        False, label, f"cannot load {', '.join(parts)}; install: apt-get install {packages}"
    )


def check_in_offscreen_qt(label: str, check: str, files: list[Path]) -> Finding:
    """Run a Qt check in a fresh offscreen kiosk process; its last printed line is the detail.

    The child is this same program (python -m kiosk, or the standalone build's binary)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    program = [sys.executable] if getattr(sys, "frozen", False) else [sys.executable, "-m", "kiosk"]
    done = subprocess.run(
        [*program, "doctor-check", check, *map(str, files)],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    lines = (done.stdout.strip() or done.stderr.strip() or "no output").splitlines()
    return Finding(done.returncode == 0, label, lines[-1])


def check_fonts(font_files: list[Path]) -> Finding:
    """The bundle's fonts load into Qt."""
    return check_in_offscreen_qt("fonts", "fonts", font_files)


def check_writable(label: str, folder: Path) -> Finding:
    """The kiosk can create files in `folder`."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        probe = folder / ".kiosk-doctor-probe"
        probe.write_text("ok", encoding="utf-8")
        probe.unlink()
    except OSError as error:
        return Finding(False, label, f"{folder} is not writable ({error.strerror or error})")
    return Finding(True, label, f"{folder} is writable")


# The plugin files (under Qt's plugins/) each display platform loads. Wayland also needs a shell
# and a graphics integration, which a Cage or Ubuntu Frame kiosk uses.
PLATFORM_FILES = {
    "xcb": ("platforms/libqxcb.so",),
    "wayland": (
        "platforms/libqwayland.so",
        "wayland-shell-integration/libxdg-shell.so",
        "wayland-graphics-integration-client/libqt-plugin-wayland-egl.so",
    ),
}
PLATFORM_NAMES = {"xcb": "X11", "wayland": "Wayland"}


def intended_platforms(env: Mapping[str, str]) -> list[str]:
    """The platforms the kiosk will try, in order: QT_QPA_PLATFORM (a ;-list), else the
    session's display; empty with no display at all."""
    requested = env.get("QT_QPA_PLATFORM", "").strip()
    if requested:
        return [part.split(":")[0].strip() for part in requested.split(";") if part.strip()]
    if env.get("WAYLAND_DISPLAY"):
        return ["wayland"]
    if env.get("DISPLAY"):
        return ["xcb"]
    return []


def platform_label(name: str) -> str:
    """How a finding names a platform plugin, e.g. "platform plugin xcb (X11)"."""
    return f"platform plugin {name}" + (
        f" ({PLATFORM_NAMES[name]})" if name in PLATFORM_NAMES else ""
    )


def check_platform(qt: Path, name: str) -> Finding:
    """Every plugin file the platform `name` loads is there, and its libraries load."""
    files = PLATFORM_FILES.get(name, (f"platforms/libq{name}.so",))
    findings = [check_libraries(platform_label(name), qt / "plugins" / file) for file in files]
    broken = [finding for finding in findings if not finding.ok]
    return broken[0] if broken else findings[0]


def platform_findings(qt: Path, env: Mapping[str, str]) -> list[Finding]:
    """Judge the platform the kiosk will use; other display platforms only earn a note.

    With no display (CI, a shell over ssh), one display platform that loads is enough."""
    wanted = intended_platforms(env)
    known = [name for name in PLATFORM_FILES if (qt / "plugins" / PLATFORM_FILES[name][0]).exists()]
    verdicts = {name: check_platform(qt, name) for name in dict.fromkeys([*wanted, *known])}
    judged = wanted or known
    usable = any(verdicts[name].ok for name in judged)
    used = next((name for name in judged if verdicts[name].ok), None)
    findings = []
    for name, verdict in verdicts.items():
        if verdict.ok or (name in judged and not usable):
            findings.append(verdict)
        else:
            why = f"the kiosk will use {used} here" if wanted else f"not needed while {used} loads"
            findings.append(Finding(True, verdict.check, f"{verdict.detail} ({why})", note=True))
    return findings


def platform_checks() -> Iterator[Callable[[], Finding | list[Finding]]]:
    """The checks of Qt's own pieces: platform plugins and multimedia."""
    qt = qt_folder()
    yield lambda: platform_findings(qt, os.environ)
    multimedia = qt / "lib/libQt6Multimedia.so.6"
    yield lambda: check_libraries("QtMultimedia libraries", multimedia)


def bundle_checks() -> Iterator[Callable[[], Finding]]:
    """The folders the kiosk writes to, the bundle it would show, and that bundle's fonts."""
    from kiosk.paths import KioskPaths
    from kiosk.store import BundleStore, NoUsableBundle

    paths = KioskPaths.from_environment()
    for label, folder in (
        ("settings folder", paths.config_dir),
        ("data folder", paths.data_dir),
        ("log folder", paths.log_dir),
    ):
        yield lambda label=label, folder=folder: check_writable(label, folder)
    try:
        start = BundleStore(paths).open_active(start_pending=False)
    except NoUsableBundle as error:
        message = str(error)
        yield lambda: Finding(False, "active bundle", message)
        return
    model = start.loaded.model
    detail = f"{model.id} {model.version} ({start.source}) is valid"
    yield lambda: Finding(not start.reasons, "active bundle", "; ".join([detail, *start.reasons]))
    videos = [start.loaded.media_path(video.file) for video in model.videos.items[:1]]
    yield lambda: check_in_offscreen_qt("multimedia backend", "multimedia", videos)
    fonts = [start.loaded.media_path(font.file) for font in model.fonts]
    if fonts:
        yield lambda: check_fonts(fonts)


# The tools the kiosk runs to turn the screen (kiosk/runtime/display.py), and their packages.
ROTATION_TOOLS = {"xrandr": "x11-xserver-utils", "wlr-randr": "wlr-randr"}


def settings_checks() -> Iterator[Callable[[], Finding]]:
    """The settings file reads cleanly, and what its settings need is here."""
    from kiosk import settings as kiosk_settings
    from kiosk.paths import KioskPaths

    path = KioskPaths.from_environment().settings_file
    settings, messages = kiosk_settings.load(path)
    clean = f"{path} reads cleanly" if path.exists() else f"no {path} yet: every default"
    detail = "; ".join(messages) or clean
    yield lambda: Finding(not messages, "settings", detail)
    if settings.screen_orientation != "auto":
        yield lambda: check_rotation_tools(settings.screen_orientation)
    yield check_staff_pin
    if settings.feed_address and not settings.feed_keys:
        yield lambda: Finding(
            False, "feed", "feed_address is set but feed_keys is empty: nothing will be trusted"
        )


def check_staff_pin() -> Finding:
    """A staff PIN is set; without one, the staff panel stays closed in kiosk mode."""
    from kiosk.paths import KioskPaths
    from kiosk.staff.pin import pin_is_set

    if pin_is_set(KioskPaths.from_environment().pin_file):
        return Finding(True, "staff PIN", "set")
    return Finding(
        True,
        "staff PIN",
        "none is set: in kiosk mode the staff panel stays closed until one is set with "
        "kiosk set-pin (or chosen in a windowed run)",
        note=True,
    )


def check_rotation_tools(orientation: str) -> Finding:
    """A screen_orientation other than auto needs xrandr (X11) or wlr-randr (wlroots)."""
    found = [tool for tool in ROTATION_TOOLS if shutil.which(tool)]
    if found:
        return Finding(True, "screen rotation", f"{orientation} via {' or '.join(found)}")
    packages = " or ".join(
        f"{tool} (apt-get install {pkg})" for tool, pkg in ROTATION_TOOLS.items()
    )
    return Finding(
        False,
        "screen rotation",
        f"screen_orientation is {orientation}, but neither tool is installed: {packages}; "
        "or set the rotation in the system's display settings",
    )


def run_doctor() -> list[Finding]:
    """Run every check, each one even if another failed."""
    findings: list[Finding] = []
    for check in [*platform_checks(), *bundle_checks(), *settings_checks()]:
        try:
            found = check()
            findings.extend(found if isinstance(found, list) else [found])
        except Exception as error:  # a check that breaks is itself a finding, not a crash
            findings.append(Finding(False, "doctor", f"a check failed to run: {error}"))
    return findings
