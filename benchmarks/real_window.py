"""The kiosk in a real window, read from outside its process: `kiosk run` under Xvfb at
1920x1080 on Qt's xcb platform, tapped through XTest, its memory read from /proc.

Nothing here runs inside the kiosk. Its first paint is seen as the screen's pixels changing
(XGetImage of the middle row, every few ms); taps are XTest pointer events, as a touchscreen's
driver sends them; RSS and PSS are summed over the kiosk's process tree (smaps_rollup), and the
split by mapping comes from /proc/PID/smaps. benchmarks/suite.py --real-window makes the table.
Needs Xvfb (Debian: apt-get install xvfb); xdotool is not needed, libXtst comes with X.
"""

from __future__ import annotations

import ctypes
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
WIDTH, HEIGHT = 1920, 1080
MiB = 1024 * 1024
LONG_PRESS_S = 1.2  # longer than a tap; the staff corner wants a hold too
PAINT_TIMEOUT_S = 30.0
TRIM_AFTER_RESET_S = 2.0  # kiosk.ui.window.TRIM_AFTER_RESET_MS, not imported: no Qt here


# --- The X server ---------------------------------------------------------------------------


class XDisplay:
    """An Xvfb server of its own, with Xlib (through ctypes) to read pixels and send taps."""

    def __init__(self) -> None:
        if not shutil.which("Xvfb"):
            raise RuntimeError("Xvfb is not installed (Debian: apt-get install xvfb)")
        self.number = next(n for n in range(91, 200) if not Path(f"/tmp/.X11-unix/X{n}").exists())
        self.name = f":{self.number}"
        # -br: a black root, so any paint shows; -dpi 96 as the offscreen suite's screen.
        self.server = subprocess.Popen(
            ["Xvfb", self.name, "-screen", "0", f"{WIDTH}x{HEIGHT}x24", "-br", "-dpi", "96",
             "-nolisten", "tcp"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        _wait_for(lambda: Path(f"/tmp/.X11-unix/X{self.number}").exists(), 10, "Xvfb to start")
        self.xlib = ctypes.CDLL("libX11.so.6")
        self.xtest = ctypes.CDLL("libXtst.so.6")
        self.xlib.XOpenDisplay.restype = ctypes.c_void_p
        self.xlib.XDefaultRootWindow.restype = ctypes.c_ulong
        self.xlib.XGetImage.restype = ctypes.c_void_p
        self.xlib.XGetImage.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int,
                                        ctypes.c_int, ctypes.c_uint, ctypes.c_uint,
                                        ctypes.c_ulong, ctypes.c_int]  # fmt: skip
        for name in ("XFlush", "XSync", "XCloseDisplay", "XDefaultRootWindow"):
            getattr(self.xlib, name).argtypes = [ctypes.c_void_p] + (
                [ctypes.c_int] if name == "XSync" else []
            )
        self.xtest.XTestFakeMotionEvent.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.c_int,
                                                    ctypes.c_int, ctypes.c_ulong]  # fmt: skip
        self.xtest.XTestFakeButtonEvent.argtypes = [ctypes.c_void_p, ctypes.c_uint, ctypes.c_int,
                                                    ctypes.c_ulong]  # fmt: skip
        self.connection = self.xlib.XOpenDisplay(self.name.encode())
        if not self.connection:
            raise RuntimeError(f"cannot open X display {self.name}")
        self.root = self.xlib.XDefaultRootWindow(self.connection)

    def middle_row(self) -> bytes:
        """The pixels of the screen's middle row (32 bits each)."""
        all_planes, z_pixmap = 0xFFFFFFFF, 2
        image = self.xlib.XGetImage(self.connection, self.root, 0, HEIGHT // 2, WIDTH, 1,
                                    all_planes, z_pixmap)  # fmt: skip
        # XImage: width, height, xoffset, format, then `char *data` at offset 16.
        data = ctypes.c_void_p.from_address(image + 16).value
        row = ctypes.string_at(data, WIDTH * 4)
        ctypes.CDLL("libc.so.6").free(ctypes.c_void_p(data))
        ctypes.CDLL("libc.so.6").free(ctypes.c_void_p(image))
        return row

    def tap(self, x: int, y: int, hold_s: float = 0.0) -> None:
        """Move the pointer to (x, y), press, wait `hold_s`, release: a touch, as X sees one."""
        self.xtest.XTestFakeMotionEvent(self.connection, -1, x, y, 0)
        self.xtest.XTestFakeButtonEvent(self.connection, 1, 1, 0)
        self.xlib.XFlush(self.connection)
        time.sleep(hold_s or 0.02)
        self.xtest.XTestFakeButtonEvent(self.connection, 1, 0, 0)
        self.xlib.XFlush(self.connection)

    def close(self) -> None:
        self.xlib.XCloseDisplay(self.connection)
        self.server.terminate()
        self.server.wait(timeout=10)


def _wait_for(condition, seconds: float, what: str) -> None:
    end = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > end:
            raise RuntimeError(f"timed out waiting for {what}")
        time.sleep(0.005)


# --- Memory and CPU from /proc ------------------------------------------------------------

# Where a mapping's memory belongs, by its name in /proc/PID/smaps; the first match wins.
# Unnamed mappings are "malloc arenas" when they start on a 64 MiB boundary (glibc aligns the
# heaps of its per-thread arenas so), else "anonymous maps" (big blocks, JIT code, stacks...).
MAPPING_KINDS = [
    ("heap", re.compile(r"^\[heap\]$")),
    ("GL/driver", re.compile(r"dri/|gallium|LLVM|libGL|EGL|gbm|drm|glapi|vulkan|mesa|OpenGL")),
    ("fonts", re.compile(r"\.(ttf|otf|ttc|pcf(\.gz)?|pfb)$|fontconfig", re.IGNORECASE)),
    ("X11 shared memory", re.compile(r"^/SYSV|^/dev/shm/|^/memfd:")),
    ("FFmpeg and QtMultimedia code", re.compile(r"libav|libsw|Multimedia|ffmpeg", re.IGNORECASE)),
    ("Qt/PySide code", re.compile(r"PySide6|shiboken6|libQt6")),
    ("other code and files", re.compile(r"^/")),
    ("stacks and kernel", re.compile(r"^\[")),
]


@dataclass
class Usage:
    """RSS and PSS of a process tree, in MiB, overall and by kind of mapping."""

    rss: float
    pss: float
    by_kind: dict[str, tuple[float, float]] = field(default_factory=dict)


def process_tree(pid: int) -> list[int]:
    """`pid` and its descendants."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(parent, []).append(int(entry.name))
    tree, todo = [], [pid]
    while todo:
        current = todo.pop()
        tree.append(current)
        todo.extend(children.get(current, []))
    return tree


def usage(pid: int) -> Usage:
    """RSS and PSS of `pid`'s tree from smaps_rollup (cheap enough to sample often)."""
    rss = pss = 0.0
    for member in process_tree(pid):
        try:
            text = Path(f"/proc/{member}/smaps_rollup").read_text()
        except OSError:
            continue
        rss += _field_kib(text, "Rss")
        pss += _field_kib(text, "Pss")
    return Usage(rss / 1024, pss / 1024)


def split(pid: int) -> Usage:
    """RSS and PSS of `pid`'s tree, by kind of mapping (MAPPING_KINDS), from smaps."""
    by_kind: dict[str, list[float]] = {}
    for _, header, body in tree_mappings(pid):
        totals = by_kind.setdefault(_kind(header), [0.0, 0.0])
        totals[0] += _field_kib(body, "Rss") / 1024
        totals[1] += _field_kib(body, "Pss") / 1024
    rss, pss = (sum(t[i] for t in by_kind.values()) for i in (0, 1))
    return Usage(rss, pss, {kind: (t[0], t[1]) for kind, t in by_kind.items()})


def mapping_rss(pid: int) -> dict[str, float]:
    """RSS in MiB of each mapping of `pid`'s tree, by "pid start-address name (kind)": two
    readings compared say which mapping grew (the heap grows in place; arenas are new maps)."""
    found = {}
    for member, header, body in tree_mappings(pid):
        parts = header.split(maxsplit=5)
        name = parts[5].strip() if len(parts) > 5 else ""
        key = f"{member} {parts[0].split('-')[0]} {name or '-'} ({_kind(header)})"
        found[key] = found.get(key, 0.0) + _field_kib(body, "Rss") / 1024
    return found


def tree_mappings(pid: int) -> Iterator[tuple[int, str, str]]:
    """(process, header line, the lines under it) for each mapping of `pid`'s tree; a process
    that has just ended is skipped."""
    for member in process_tree(pid):
        try:
            text = Path(f"/proc/{member}/smaps").read_text()
        except OSError:
            continue
        for header, body in _mappings(text):
            yield member, header, body


def grown(before: dict[str, float], after: dict[str, float], top: int = 12) -> list[str]:
    """The mappings whose RSS changed most from `before` to `after`, as lines."""
    keys = set(before) | set(after)
    change = {key: after.get(key, 0.0) - before.get(key, 0.0) for key in keys}
    lines = []
    for key in sorted(change, key=lambda k: -abs(change[k]))[:top]:
        state = "new" if key not in before else "gone" if key not in after else ""
        lines.append(f"{change[key]:+8.2f} MiB  {key} {state}".rstrip())
    return lines


def _mappings(smaps: str) -> Iterator[tuple[str, str]]:
    """(header line, the lines under it) for each mapping."""
    blocks = re.split(r"^(?=[0-9a-f]+-[0-9a-f]+ )", smaps, flags=re.MULTILINE)
    for block in blocks:
        if block:
            header, _, body = block.partition("\n")
            yield header, body


def _kind(header: str) -> str:
    parts = header.split(maxsplit=5)
    name = parts[5].strip() if len(parts) > 5 else ""
    if not name:
        start = int(parts[0].split("-")[0], 16)
        return "malloc arenas" if start % (64 * MiB) == 0 else "anonymous maps"
    return next((kind for kind, pattern in MAPPING_KINDS if pattern.search(name)), "other")


def _field_kib(text: str, name: str) -> float:
    return sum(float(x) for x in re.findall(rf"^{name}:\s+(\d+) kB", text, re.MULTILINE))


def cpu_seconds(pid: int) -> float:
    """User and system CPU time of `pid`'s tree so far (every thread's)."""
    total = 0
    for member in process_tree(pid):
        try:
            fields = Path(f"/proc/{member}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])
    return total / os.sysconf("SC_CLK_TCK")


class PeakSampler:
    """Samples the tree's RSS and PSS every `interval_s` on a thread; keeps the highest."""

    def __init__(self, pid: int, interval_s: float = 0.25) -> None:
        self.pid, self.interval_s = pid, interval_s
        self.rss = self.pss = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.wait(self.interval_s):
            now = usage(self.pid)
            self.rss, self.pss = max(self.rss, now.rss), max(self.pss, now.pss)

    def __enter__(self) -> PeakSampler:
        self._thread.start()
        return self

    def __exit__(self, *_exc) -> None:
        self._stop.set()
        self._thread.join()


# --- The kiosk, started and driven from outside -------------------------------------------


def kiosk_command(idle_seconds: float) -> list[str]:
    """`kiosk run` as installed beside this Python (the console script), else `-m kiosk`."""
    script = Path(sys.executable).parent / "kiosk"
    command = [str(script)] if script.exists() else [sys.executable, "-m", "kiosk"]
    return [*command, "run", "--idle-seconds", f"{idle_seconds:g}"]


@dataclass
class Started:
    process: subprocess.Popen
    paint_s: float  # process start to the screen's first changed pixels


def start_and_watch(display: XDisplay, command: list[str], env: dict[str, str]) -> Started:
    """Start `command` on `display`; return once the screen's middle row has changed."""
    # The last window's pixels must be gone, or a window painting the same would go unseen.
    _wait_for(lambda: not display.middle_row().strip(b"\0"), 10, "the screen to clear")
    blank = display.middle_row()
    started = time.perf_counter()
    process = subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    while display.middle_row() == blank:
        if process.poll() is not None or time.perf_counter() - started > PAINT_TIMEOUT_S:
            process.kill()
            raise RuntimeError(f"{' '.join(command)} never painted (exit {process.returncode})")
        time.sleep(0.002)
    return Started(process, time.perf_counter() - started)


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


class Monkey:
    """Random taps from outside: a control's centre (from the layout probe) most of the time,
    else any point; one in `long_every` is a long press."""

    def __init__(self, display: XDisplay, targets: list[tuple[int, int]], seed: int) -> None:
        self.display, self.targets = display, targets
        self.rng = random.Random(seed)
        self.long_every = 100

    def taps(self, count: int, pause_s: float) -> None:
        for _ in range(count):
            if self.targets and self.rng.random() < 0.7:
                x, y = self.rng.choice(self.targets)
            else:
                x, y = self.rng.randrange(WIDTH), self.rng.randrange(HEIGHT)
            hold = LONG_PRESS_S if self.rng.randrange(self.long_every) == 0 else 0.0
            self.display.tap(x, y, hold)
            time.sleep(pause_s)


def layout(env: dict[str, str]) -> dict:
    """Control centres by accessible name, per screen, from probes.py layout run on the same
    display (same fonts, same size): where the scenarios below tap."""
    import json

    done = subprocess.run(
        [sys.executable, str(HERE / "probes.py"), "layout"],
        env=env, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    lines = done.stdout.strip().splitlines()
    if done.returncode != 0 or not lines:
        raise RuntimeError(f"layout probe failed:\n{done.stderr[-2000:]}")
    return json.loads(lines[-1])


@dataclass
class Session:
    """One kiosk's figures from start to finish, all read from outside."""

    paint_s: float
    at_start: Usage
    rest_after: dict[int, Usage] = field(default_factory=dict)  # taps so far -> at rest
    # RSS by mapping at start (0) and at rest after each mark
    mappings_after: dict[int, dict[str, float]] = field(default_factory=dict)
    peak_in_use: Usage = field(default_factory=lambda: Usage(0, 0))
    playing: Usage = field(default_factory=lambda: Usage(0, 0))
    playing_cpu_percent: float = 0.0


def use_session(
    display: XDisplay,
    env: dict[str, str],
    places: dict,
    tap_marks: list[int],
    idle_s: float,
    seed: int,
    pause_s: float = 0.02,
    play_s: float = 10.0,
) -> Session:
    """Start the kiosk, then: at rest after each mark of random taps (the kiosk's own idle
    reset has run), and playing the 720p series; stopped at the end."""
    kiosk = start_and_watch(display, kiosk_command(idle_s), env)
    pid = kiosk.process.pid
    log_file = Path(env["KIOSK_HOME"]) / "log" / "kiosk.log"
    try:
        time.sleep(3.0)  # after-paint work (services, screens built ahead) done
        session = Session(kiosk.paint_s, split(pid))
        session.mappings_after[0] = mapping_rss(pid)
        monkey = Monkey(display, places["targets"], seed)
        done = 0
        for mark in tap_marks:
            resets = _idle_resets(log_file)
            with PeakSampler(pid) as peak:
                monkey.taps(mark - done, pause_s)
            done = mark
            session.peak_in_use = _higher(session.peak_in_use, peak)
            # The kiosk's own reset (it waits for a playing video to end), then its heap trim.
            _wait_for(lambda n=resets: _idle_resets(log_file) > n, 300, "the idle reset")
            time.sleep(TRIM_AFTER_RESET_S + 1.5)
            session.rest_after[mark] = split(pid)
            session.mappings_after[mark] = mapping_rss(pid)
        session.playing, session.playing_cpu_percent = play_videos(display, pid, places, play_s)
        return session
    finally:
        stop(kiosk.process)


def _idle_resets(log_file: Path) -> int:
    """How many idle resets the kiosk's log reports so far (its own line for each)."""
    try:
        return log_file.read_text(encoding="utf-8", errors="replace").count("idle reset:")
    except FileNotFoundError:
        return 0


def play_videos(display: XDisplay, pid: int, places: dict, seconds: float) -> tuple[Usage, float]:
    """From attract: touch, the Videos tile, "I understand, play"; then the peak RSS/PSS and
    the CPU used (% of one core) over `seconds` of the 720p series playing."""
    for x, y in places["to_video"]:
        display.tap(x, y)
        time.sleep(1.0)
    time.sleep(1.0)  # the first frame, then steady playing
    cpu, wall = cpu_seconds(pid), time.perf_counter()
    with PeakSampler(pid) as peak:
        time.sleep(seconds)
    cpu_percent = 100 * (cpu_seconds(pid) - cpu) / (time.perf_counter() - wall)
    return Usage(peak.rss, peak.pss, split(pid).by_kind), cpu_percent


def _higher(best: Usage, sampler: PeakSampler) -> Usage:
    return Usage(max(best.rss, sampler.rss), max(best.pss, sampler.pss))


# What a patient's kiosk does, for each way of drawing: the suite's `real_window` rows.
PATHS = {
    "software": {},  # the kiosk's default (kiosk/runtime/rendering.py)
    "OpenGL": {"KIOSK_RENDERING": "opengl"},  # Mesa's llvmpipe here: there is no GPU
}


def measure(
    base_env: dict[str, str], runs: int, tap_marks: list[int], idle_s: float, play_s: float
) -> tuple[list[float], dict[str, list[Session]]]:
    """Floor starts and kiosk sessions on each path, `runs` times, interleaved so that each
    sees the same noise. The floor is a bare window (probes.py floor), seen the same way."""
    with real_display() as display:
        env = {**base_env, "DISPLAY": display.name, "QT_QPA_PLATFORM": "xcb"}
        places = layout(env)
        first_start(display, env)
        floors, sessions = [], {path: [] for path in PATHS}
        floor_command = [sys.executable, str(HERE / "probes.py"), "floor"]
        for run in range(runs):
            floor = start_and_watch(display, floor_command, {**env, "PROBE_STAY_SECONDS": "5"})
            stop(floor.process)
            floors.append(floor.paint_s)
            for path, extra in PATHS.items():
                session = use_session(display, {**env, **extra}, places, tap_marks, idle_s,
                                      seed=7 + run, play_s=play_s)  # fmt: skip
                sessions[path].append(session)
        return floors, sessions


def first_start(display: XDisplay, env: dict[str, str]) -> None:
    """Start the kiosk once, unmeasured: as on a kiosk that has started before, the measured
    starts find the bundle's validation record (kiosk.content.record), and files are cached."""
    stop(start_and_watch(display, kiosk_command(10), env).process)


@contextmanager
def real_display() -> Iterator[XDisplay]:
    display = XDisplay()
    try:
        yield display
    finally:
        display.close()


def where_it_grew(marks: list[int], seed: int, extra_env: dict[str, str]) -> None:
    """One session with a rest reading at each mark; prints the split by kind at each, the
    mappings that grew between the first and the last, and the kiosk's own memory reports
    (KIOSK_MEMORY_REPORT) compared the same way."""
    import json

    with real_display() as shown, tempfile.TemporaryDirectory() as scratch:
        report = Path(scratch) / "memory.jsonl"
        environment = {**os.environ, "DISPLAY": shown.name, "QT_QPA_PLATFORM": "xcb",
                       "KIOSK_HOME": scratch, **extra_env}  # fmt: skip
        places = layout(environment)
        first_start(shown, environment)
        reporting = {**environment, "KIOSK_MEMORY_REPORT": str(report)}  # the session's only
        session = use_session(shown, reporting, places, marks, 10, seed)
        readings = {"start": session.at_start} | {f"{m} taps": session.rest_after[m] for m in marks}
        kinds = sorted({kind for usage in readings.values() for kind in usage.by_kind})
        print("RSS by kind of mapping, MiB, at start and at rest after each mark")
        print(f"{'':34}" + "".join(f"{name:>12}" for name in readings))
        for kind in [*kinds, "total"]:
            cells = [u.rss if kind == "total" else u.by_kind.get(kind, (0, 0))[0]
                     for u in readings.values()]  # fmt: skip
            print(f"{kind:34}" + "".join(f"{cell:12.1f}" for cell in cells))
        first, last = marks[0], marks[-1]
        print(f"\nMappings that changed most, start to {first} taps:")
        print("\n".join(grown(session.mappings_after[0], session.mappings_after[first], 25)))
        print(f"\nMappings that changed most, {first} to {last} taps:")
        print("\n".join(grown(session.mappings_after[first], session.mappings_after[last])))
        lines = (
            [json.loads(line) for line in report.read_text().splitlines()]
            if report.exists()
            else []
        )
        print(f"\n{len(lines)} memory reports from inside (at start, then at each idle reset)")
        pairs = [("start", lines[0], lines[1]), (f"{first}-{last} taps", lines[1], lines[-1])]
        for title, a, b in pairs if len(lines) >= 3 else []:
            print(f" {title}:")
            for name in ("rss_kib", "threads", "python_objects", "widgets", "window_children",
                         "traced_kib"):  # fmt: skip
                print(f"  {name:16} {a.get(name)} -> {b.get(name)}")
            for name in ("arena", "uordblks", "fordblks", "hblkhd", "keepcost"):
                print(f"  malloc {name:9} {a['malloc'].get(name, 0) / MiB:9.2f} -> "
                      f"{b['malloc'].get(name, 0) / MiB:9.2f} MiB")  # fmt: skip
            for group in ("python_types", "widget_classes", "traced_top"):
                old, new = a.get(group, {}), b.get(group, {})
                moved = sorted(
                    set(old) | set(new), key=lambda k: -abs(new.get(k, 0) - old.get(k, 0))
                )
                print(f"  {group}: " + ", ".join(
                    f"{k} {old.get(k, 0)}->{new.get(k, 0)}" for k in moved[:12]))  # fmt: skip


if __name__ == "__main__":  # by hand: one session, and where its memory grew
    import argparse

    parser = argparse.ArgumentParser(description=where_it_grew.__doc__)
    parser.add_argument("--marks", default="200,400", help="taps at each rest reading")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--env", action="append", default=[], help="NAME=VALUE for the kiosk")
    args = parser.parse_args()
    where_it_grew([int(m) for m in args.marks.split(",")], args.seed,
                  dict(item.split("=", 1) for item in args.env))  # fmt: skip
