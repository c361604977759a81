"""The performance suite: what a patient and a clinic feel, as one table of figures against the
bare-Qt floor (measured in the same run) or the target, with the ratio and a verdict.

Headless (Qt's offscreen platform on a 1920x1080 screen); every kiosk figure comes from fresh
processes running the real kiosk (benchmarks/probes.py), and each is the median of --runs.
--real-window adds rows from `kiosk run` in a real window (Xvfb, xcb), tapped and read from
outside its process (benchmarks/real_window.py), with where its memory lives.
Run: .venv/bin/python benchmarks/suite.py [--runs 5] [--quick] [--long] [--details] [--real-window]
"""

from __future__ import annotations

import argparse
import functools
import json
import math
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from benchmarks.bundle_load import generate_bundle  # noqa: E402

PYTHON = sys.executable
FRAME_MS = 1000 / 60
SCREEN = {"name": "kiosk", "x": 0, "y": 0, "width": 1920, "height": 1080, "logicalDpi": 96}


@dataclass
class Row:
    """One line of the table: the figure, what it is held against, and how it fares."""

    figure: str
    value: float
    unit: str
    reference: float | None  # the floor or the target, in `unit`
    reference_name: str  # "floor" or "target"
    passed: bool | None  # None: shown for information, no target
    note: str = ""
    digits: int | None = None  # decimals shown; by default, by unit

    def _number(self, value: float) -> str:
        digits = _digits(self.unit) if self.digits is None else self.digits
        return f"{value:.{digits}f} {self.unit}"

    @property
    def ratio(self) -> str:
        if not self.reference or math.isnan(self.value):
            return ""
        return f"{self.value / self.reference:.2f}"

    def cells(self) -> list[str]:
        value = "not run" if math.isnan(self.value) else self._number(self.value)
        reference = ""
        if self.reference is not None:
            reference = f"{self.reference_name} {self._number(self.reference)}"
        verdict = {True: "pass", False: "FAIL", None: "info"}[self.passed]
        return [self.figure, value, reference, self.ratio, verdict, self.note]


def _digits(unit: str) -> int:
    return {"s": 2, "MiB": 0, "%": 2, "ms": 0}.get(unit, 1)


class Probes:
    """Runs probes and the kiosk in fresh processes, in an environment of the suite's own."""

    def __init__(self, scratch: Path) -> None:
        screen_file = scratch / "screen.json"
        screen_file.write_text(json.dumps({"screens": [SCREEN]}), encoding="utf-8")
        self.env = {
            **os.environ,
            "QT_QPA_PLATFORM": f"offscreen:configfile={screen_file}",
            "KIOSK_HOME": str(scratch / "kiosk-home"),
            "PYTHONUNBUFFERED": "1",
            "PYTHONPATH": str(ROOT),
        }
        # The kiosk ships compiled: a child that recompiled every module would time the compiler.
        self.env.pop("PYTHONDONTWRITEBYTECODE", None)

    def probe(self, name: str, **extra_env: str) -> dict:
        """Run probes.py NAME once; its JSON result."""
        done = subprocess.run(
            [PYTHON, str(HERE / "probes.py"), name],
            env={**self.env, **extra_env},
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
        lines = done.stdout.strip().splitlines()
        result = json.loads(lines[-1]) if lines and lines[-1].startswith("{") else {}
        if done.returncode != 0 or "error" in result or not result:
            detail = result.get("error") or done.stderr[-2000:]
            raise RuntimeError(f"probe {name} failed:\n{detail}")
        return result

    def forget_validation_records(self) -> None:
        """Remove the kiosk's validation records: its next start validates in full."""
        from kiosk.paths import KioskPaths

        validated = KioskPaths.under(Path(self.env["KIOSK_HOME"])).validated_dir
        for record in validated.glob("*.json"):
            record.unlink()

    def probes(self, name: str, runs: int, **extra_env: str) -> list[dict]:
        return [self.probe(name, **extra_env) for _ in range(runs)]

    def time_to_paint(self, command: list[str]) -> tuple[float, float]:
        """Seconds from starting `command` until it prints its first-paint line, and its peak
        RSS in MiB as /usr/bin/time -v reports it."""
        timer = ["/usr/bin/time", "-v"] if Path("/usr/bin/time").exists() else []
        started = time.perf_counter()
        child = subprocess.Popen(
            [*timer, *command],
            env=self.env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        seconds = None
        for line in child.stdout:
            if line.startswith("first paint"):
                seconds = time.perf_counter() - started
                break
        _, errors = child.communicate(timeout=60)
        if seconds is None:
            raise RuntimeError(f"{' '.join(command)} never painted:\n{errors[-2000:]}")
        peak = re.search(r"Maximum resident set size \(kbytes\): (\d+)", errors)
        return seconds, int(peak.group(1)) / 1024 if peak else float("nan")


# --- The rows -----------------------------------------------------------------------------


def start_rows(probes: Probes, runs: int) -> list[Row]:
    """Process start to the first painted attract screen, against a bare window (interleaved,
    so all see the same noise): as every start after the first, from the bundle's validation
    record, and without one (the first start after a kiosk update), for information."""
    floor_cmd = [PYTHON, str(HERE / "probes.py"), "floor"]
    kiosk_cmd = [PYTHON, "-m", "kiosk", "run", "--exit-after-paint"]
    # Warm-up: bytecode written, files in the page cache, the validation record written.
    probes.time_to_paint(kiosk_cmd)
    floors, kiosks, unrecorded = [], [], []
    for _ in range(runs):
        floors.append(probes.time_to_paint(floor_cmd))
        kiosks.append(probes.time_to_paint(kiosk_cmd))
        probes.forget_validation_records()
        unrecorded.append(probes.time_to_paint(kiosk_cmd))  # and it writes the record again
    floor_s, floor_rss = (statistics.median(x) for x in zip(*floors, strict=True))
    kiosk_s, kiosk_rss = (statistics.median(x) for x in zip(*kiosks, strict=True))
    full_s = statistics.median(seconds for seconds, _ in unrecorded)
    return [
        Row("start: process to first painted attract screen", kiosk_s, "s", floor_s, "floor",
            kiosk_s <= 2 * floor_s, "target 2x the floor; from the validation record"),
        Row("start: peak RSS up to that paint", kiosk_rss, "MiB", floor_rss, "floor", None,
            "/usr/bin/time -v"),
        Row("start: without a validation record", full_s, "s", floor_s, "floor", None,
            "first start after a kiosk update: validated in full, then recorded"),
    ]  # fmt: skip


def tap_rows(probes: Probes, runs: int, details: list[str]) -> list[Row]:
    """Tap to the next frame painted, per navigation: the median over runs of each, then the
    median and the worst of those."""
    per_tap = _median_per_key([r["taps_ms"] for r in probes.probes("taps", runs)])
    ranked = sorted(per_tap.items(), key=lambda item: item[1], reverse=True)
    details.extend(f"{ms:7.1f} ms  {name}" for name, ms in ranked)
    median = statistics.median(per_tap.values())
    worst_name, worst = ranked[0]
    slow = ", ".join(f"{name} {ms:.0f}" for name, ms in ranked[1:3])
    return [
        Row(f"tap to next frame, median of {len(per_tap)} navigations", median, "ms", 2 * FRAME_MS,
            "target", median <= 2 * FRAME_MS, "2 frames at 60 Hz"),
        Row("tap to next frame, worst navigation", worst, "ms", 100.0, "target", worst < 100,
            f"{worst_name}; next: {slow}"),
    ]  # fmt: skip


def staff_rows(probes: Probes, runs: int) -> list[Row]:
    per_tap = _median_per_key([r["taps_ms"] for r in probes.probes("staff", runs)])
    hold = per_tap["corner hold > PIN pad (first)"]
    pin = per_tap["PIN OK > staff panel (first)"]
    return [
        Row("staff: corner hold to PIN pad (first open)", hold, "ms", 100.0, "target", hold < 100),
        Row("staff: PIN OK to panel (first open)", pin, "ms", 100.0, "target", pin < 100,
            "includes the PIN's scrypt check (~50 ms by design)"),
    ]  # fmt: skip


def video_rows(probes: Probes, runs: int, play_seconds: float) -> list[Row]:
    results = probes.probes("video", runs, PROBE_PLAY_SECONDS=str(play_seconds))
    first, following, rss = (
        statistics.median(r[key] for r in results)
        for key in ("first_ms", "next_ms", "playing_rss_mib")
    )
    return [
        Row("video start: tap on play to first frame shown", first, "ms", 150.0, "target",
            first < 150, "first video since start"),
        Row("video start: tap on next video to its first frame", following, "ms", 150.0,
            "target", following < 150),
        Row("RSS while playing 720p video (peak)", rss, "MiB", 200.0, "target", rss <= 200,
            f"over {play_seconds:g} s of play"),
    ]  # fmt: skip


def memory_rows(probes: Probes, runs: int) -> list[Row]:
    rss = statistics.median(r["rss_mib"] for r in probes.probes("idle_home", runs))
    return [Row("RSS idle on home", rss, "MiB", 120.0, "target", rss <= 120)]


def idle_cpu_rows(probes: Probes, seconds: float) -> list[Row]:
    result = probes.probe("idle_cpu", PROBE_IDLE_SECONDS=str(seconds))
    cpu = result["cpu_percent"]
    note = f"one run of {result['seconds']:.0f} s; {result['frames']} frames painted"
    return [Row("idle CPU on attract (% of one core)", cpu, "%", 2.0, "target", cpu < 2, note)]


def bundle_rows(probes: Probes, runs: int, big_bundle: Path) -> list[Row]:
    env = {"PROBE_BIG_BUNDLE": str(big_bundle), "PROBE_RUNS": str(runs)}
    loaded = probes.probe("bundle", **env)
    swaps = probes.probes("swap", max(1, runs // 2), **env)
    same, big = (statistics.median(r[key] for r in swaps) for key in ("same_ms", "big_ms"))
    return [
        Row("bundle: validate + load 1,000 exercises", loaded["load_s"], "s", loaded["floor_s"],
            "floor", None, "floor: json.loads of its bundle.json; off the UI thread"),
        Row("bundle: swap on the UI thread, same typeface", same, "ms", FRAME_MS, "target",
            same < FRAME_MS, "a new version of the built-in bundle; to its first frame"),
        Row("bundle: swap to the 1,000-exercise bundle", big, "ms", FRAME_MS, "target",
            big < FRAME_MS, "another typeface and languages: every style computed again"),
    ]  # fmt: skip


def real_window_rows(probes: Probes, runs: int, quick: bool, split: list[str]) -> list[Row]:
    """The kiosk as `kiosk run` in a real window (Xvfb, xcb), tapped and read from outside
    (benchmarks/real_window.py), on each way of drawing; the memory split goes to `split`."""
    from benchmarks import real_window

    first, then = (100, 400) if quick else (1000, 4000)
    floors, sessions = real_window.measure(
        probes.env, runs, [first, then], idle_s=10, play_s=4 if quick else 10
    )
    floor_s = statistics.median(floors)
    rows = []
    for path, done in sessions.items():
        median = functools.partial(_median_of, done)
        start_rss, start_pss = median(lambda s: s.at_start.rss), median(lambda s: s.at_start.pss)
        rest = {taps: median(lambda s, t=taps: s.rest_after[t].rss) for taps in (first, then)}
        rest_pss = {taps: median(lambda s, t=taps: s.rest_after[t].pss) for taps in (first, then)}
        growth = median(lambda s: s.rest_after[then].rss - s.rest_after[first].rss)
        playing, playing_pss = median(lambda s: s.playing.rss), median(lambda s: s.playing.pss)
        peak, cpu = median(lambda s: s.peak_in_use.rss), median(lambda s: s.playing_cpu_percent)
        paint = median(lambda s: s.paint_s)
        name = f"real window, {path}:"
        rows += [
            Row(f"{name} start to first painted content", paint, "s", floor_s, "floor",
                paint <= 2 * floor_s, "pixels seen from outside; target 2x a bare window"),
            Row(f"{name} RSS at start", start_rss, "MiB", None, "", None,
                f"PSS {start_pss:.0f} MiB; 3 s after the first paint"),
            *(Row(f"{name} RSS at rest after {taps:,} taps", rest[taps], "MiB", start_rss + 30,
                  "target", rest[taps] <= start_rss + 30,
                  f"PSS {rest_pss[taps]:.0f} MiB; after the kiosk's own idle reset; "
                  "target: start + 30 MiB") for taps in (first, then)),
            Row(f"{name} growth at rest, {first:,} to {then:,} taps", growth, "MiB", 2.0,
                "target", growth < 2, "median of each run's difference", digits=1),
            Row(f"{name} peak RSS in use", peak, "MiB", None, "", None, "sampled every 0.25 s"),
            Row(f"{name} RSS while playing 720p video (peak)", playing, "MiB", 200.0, "target",
                playing <= 200, f"PSS {playing_pss:.0f} MiB; CPU {cpu:.0f} % of one core"),
        ]  # fmt: skip
        split.extend(_split_table(path, done, first, then))
    return rows


def _median_of(sessions: list, figure: Callable[[object], float]) -> float:
    return statistics.median(figure(session) for session in sessions)


def _split_table(path: str, sessions: list, first: int, then: int) -> list[str]:
    """Where the memory lives (RSS by kind of mapping, MiB, median of runs) on one path."""
    moments = {
        "at start": lambda s: s.at_start,
        f"rest after {first:,} taps": lambda s: s.rest_after[first],
        f"rest after {then:,} taps": lambda s: s.rest_after[then],
        "playing 720p": lambda s: s.playing,
    }
    kinds = sorted({kind for s in sessions for m in moments.values() for kind in m(s).by_kind})
    lines = [
        f"\nReal window, {path}: RSS by kind of mapping (MiB; PSS in brackets)\n",
        "| mapping | " + " | ".join(moments) + " |",
        "|---|" + "---|" * len(moments),
    ]
    for kind in kinds:
        cells = []
        for moment in moments.values():
            rss, pss = (
                statistics.median(moment(s).by_kind.get(kind, (0, 0))[i] for s in sessions)
                for i in (0, 1)
            )
            cells.append(f"{rss:.1f} ({pss:.1f})")
        lines.append(f"| {kind} | " + " | ".join(cells) + " |")
    return lines  # fmt: skip


# --- Long runs: read from the scripts' own output -----------------------------------------

LONG_RUNS = {
    "monkey": ("random taps (monkey.py): RSS growth after warm-up", "monkey.py"),
    "video_memory": ("200 video plays (video_memory.py): RSS growth", "video_memory.py"),
}


def long_rows(outputs: dict[str, str | None]) -> list[Row]:
    """The long runs' figures from their printed output, or a row saying how to get them."""
    rows = []
    for key, (figure, script) in LONG_RUNS.items():
        growth = _growth(outputs.get(key))
        if growth is None:
            rows.append(Row(figure, float("nan"), "MiB", 5.0, "target", None, digits=1,
                            note=f"not run: run benchmarks/{script} or pass --long"))  # fmt: skip
        else:
            rows.append(Row(figure, growth, "MiB", 5.0, "target", growth < 5, digits=1,
                            note="fitted trend after warm-up"))  # fmt: skip
    return rows


def _growth(output: str | None) -> float | None:
    """The figure after "growth after warm-up:" (video_memory's fitted trend, if it gives one)."""
    if not output:
        return None
    line = next((li for li in output.splitlines() if li.startswith("growth after warm-up")), "")
    trend = re.search(r"([+-][\d.]+) MiB by the fitted trend", line)
    first = re.search(r"([+-][\d.]+) MiB", line)
    found = trend or first
    return float(found.group(1)) if found else None


def run_long(probes: Probes) -> dict[str, str]:
    outputs = {}
    for key, (_, script) in LONG_RUNS.items():
        print(f"running benchmarks/{script} (minutes)...", file=sys.stderr)
        done = subprocess.run(
            [PYTHON, str(HERE / script)], env=probes.env, capture_output=True, text=True
        )
        outputs[key] = done.stdout
    return outputs


# --- Putting it together ------------------------------------------------------------------


def _median_per_key(runs: list[dict[str, float]]) -> dict[str, float]:
    keys = runs[0].keys()
    return {key: statistics.median(run[key] for run in runs if key in run) for key in keys}


def machine() -> str:
    """Cores, CPU model, Python and PySide6 versions, and how busy the machine was."""
    model = "unknown CPU"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        found = re.search(r"^model name\s*:\s*(.+)$", cpuinfo.read_text(), re.MULTILINE)
        model = found.group(1).strip() if found else model
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    return (
        f"{os.cpu_count()} cores, {model}; Python {platform.python_version()}, "
        f"PySide6 {metadata.version('PySide6')}; load average {load}"
    )


def print_table(rows: list[Row], header: str) -> None:
    print(header)
    print()
    print("| figure | value | floor or target | ratio | verdict | note |")
    print("|---|---|---|---|---|---|")
    for row in rows:
        print("| " + " | ".join(row.cells()) + " |")


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="fresh processes per figure")
    parser.add_argument("--quick", action="store_true", help="2 runs, 5 s of idle CPU")
    parser.add_argument("--long", action="store_true", help="also run monkey and video_memory")
    parser.add_argument("--monkey-output", type=Path, help="a saved output of monkey.py")
    parser.add_argument("--video-memory-output", type=Path, help="a saved output of video_memory")
    parser.add_argument("--details", action="store_true", help="every navigation's median too")
    parser.add_argument(
        "--real-window",
        action="store_true",
        help="also the real-window rows: kiosk run under Xvfb, tapped from outside (minutes)",
    )
    parser.add_argument(
        "--only",
        help="some rows (comma-separated): start,taps,staff,video,memory,idle_cpu,bundle,"
        "real_window",
    )
    args = parser.parse_args()
    if args.quick:
        args.runs = min(args.runs, 2)
    return args


def main() -> None:
    args = parse_args()
    idle_seconds, play_seconds = (5.0, 2.0) if args.quick else (30.0, 4.0)
    details: list[str] = []
    split: list[str] = []
    outputs = {
        "monkey": _read(args.monkey_output),
        "video_memory": _read(args.video_memory_output),
    }
    header = f"Median of {args.runs} fresh runs each; {machine()}"
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="kiosk-bench-") as scratch_name:
        scratch = Path(scratch_name)
        probes = Probes(scratch)
        _set_staff_pin(probes)
        big = generate_bundle(scratch / "big-bundle", 1000)
        steps: dict[str, Callable[[], list[Row]]] = {
            "start": lambda: start_rows(probes, args.runs),
            "taps": lambda: tap_rows(probes, args.runs, details),
            "staff": lambda: staff_rows(probes, args.runs),
            "video": lambda: video_rows(probes, args.runs, play_seconds),
            "memory": lambda: memory_rows(probes, args.runs),
            "idle_cpu": lambda: idle_cpu_rows(probes, idle_seconds),
            "bundle": lambda: bundle_rows(probes, args.runs, big),
            "real_window": lambda: real_window_rows(probes, args.runs, args.quick, split),
        }
        offscreen = [name for name in steps if name != "real_window"]
        chosen = args.only.split(",") if args.only else offscreen
        if args.real_window and "real_window" not in chosen:
            chosen.append("real_window")
        rows = [row for name in chosen for row in steps[name]()]
        if args.long:
            outputs = run_long(probes)
    if not args.only or any(outputs.values()):
        rows += long_rows(outputs)
    print_table(rows, f"{header}; {time.perf_counter() - started:.0f} s")
    if split:
        print("\n".join(split))
    if args.details:
        print("\nEvery navigation, slowest first (median of runs):")
        print("\n".join(details))


def _read(path: Path | None) -> str | None:
    return path.read_text(encoding="utf-8") if path else None


def _set_staff_pin(probes: Probes) -> None:
    from benchmarks.probes import STAFF_PIN
    from kiosk.paths import KioskPaths
    from kiosk.staff.pin import set_pin

    paths = KioskPaths.under(Path(probes.env["KIOSK_HOME"])).ensure()
    set_pin(paths.pin_file, STAFF_PIN)


if __name__ == "__main__":
    main()
