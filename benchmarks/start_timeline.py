"""Where the kiosk's start goes: a timeline from process start to the first painted screen.

Runs `kiosk run` (offscreen, fullscreen, as benchmarks/suite.py's start row does) several
times in fresh processes and prints, for each step, the median time since the process began
(from /proc, 10 ms steps): the Qt imports the floor also pays, the kiosk's imports, settings,
the bundle (from its validation record, or with --full-validation as a kiosk without one),
the window, the first paint, and whether pydantic was loaded by then.
Run: .venv/bin/python benchmarks/start_timeline.py [--runs 7] [--full-validation]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# The child: the same steps as kiosk.app.run, each wrapped to note when it ended.
CHILD = """
import json, sys
from kiosk.runtime.first_paint import seconds_since_process_start as now
marks = [("Python, QtCore and QtWidgets imported (the floor pays these too)", now())]
import kiosk.cli
marks.append(("kiosk.cli imported", now()))
import kiosk.app as app
import kiosk.ui.composition as composition
marks.append(("kiosk.app and the window's modules imported", now()))

def note(owner, name, label):
    original = getattr(owner, name)
    def noted(*args, **kwargs):
        result = original(*args, **kwargs)
        marks.append((label, now()))
        return result
    setattr(owner, name, noted)

note(app.kiosk_settings, "load", "settings read")
note(app, "_bundle_to_show", "bundle loaded")
note(composition.Kiosk, "__init__", "window built, attract screen rendered")

def done(qt_app):
    marks.append(("first paint", now()))
    marks.append(("pydantic loaded by then" if "pydantic" in sys.modules else "no pydantic yet", 0))
    print(json.dumps(marks), flush=True)
    qt_app.exit(0)
app._report_start_and_quit = done
sys.exit(app.run(None, False, None, True))
"""


def one_start(env: dict[str, str]) -> list[tuple[str, float]]:
    done = subprocess.run(
        [sys.executable, "-c", CHILD], env=env, cwd=ROOT, capture_output=True, text=True,
        timeout=120, check=False,
    )  # fmt: skip
    lines = [line for line in done.stdout.splitlines() if line.startswith("[")]
    if done.returncode != 0 or not lines:
        raise RuntimeError(f"the kiosk did not start:\n{done.stderr[-2000:]}")
    return json.loads(lines[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument(
        "--full-validation", action="store_true", help="start without a validation record"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "KIOSK_HOME": scratch}
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        validated = Path(scratch) / "data" / "validated"
        one_start(env)  # bytecode and the page cache warm, the validation record written
        runs = []
        for _ in range(args.runs):
            if args.full_validation:
                for record in validated.glob("*.json"):
                    record.unlink()
            runs.append(one_start(env))
    load = os.getloadavg()
    print(f"Median of {args.runs} starts; load average {load[0]:.1f}, {load[1]:.1f}, {load[2]:.1f}")
    previous = 0.0
    for index, (label, _) in enumerate(runs[0]):
        times = [run[index][1] for run in runs]
        if not any(times):
            print(f"{'':>8}  {'':>7}  {label}")
            continue
        median = statistics.median(times) * 1000
        print(f"{median:6.0f} ms  {median - previous:+5.0f}  {label}")
        previous = median


if __name__ == "__main__":
    main()
