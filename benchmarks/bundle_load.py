"""Benchmark: validating and loading a generated bundle of 1,000 exercises.

Prints one table: the figure, the floor measured in the same run (parsing the same JSON with
json.loads, which any loader must do) and the ratio. Run: .venv/bin/python benchmarks/bundle_load.py
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from kiosk.content import load_bundle
from kiosk.content.archive import unpack_zip, write_zip
from kiosk.content.limits import DEFAULT_LIMITS

SMALL_BUNDLE = Path(__file__).resolve().parent.parent / "tests" / "bundles" / "small"


def generate_bundle(target: Path, exercises: int) -> Path:
    """Copy the small test bundle and grow it to `exercises` exercises of four steps each.

    Its own exercises stay (the picker and a home tile name them); the rest are copies of its
    second one, whose last step is repeated (a setup step may only come first)."""
    shutil.copytree(SMALL_BUNDLE, target)
    manifest = target / "bundle.json"
    data = json.loads(manifest.read_text(encoding="utf-8"))
    kept = data["exercises"]
    template = kept[1]
    grown = []
    for index in range(exercises - len(kept)):
        exercise = json.loads(json.dumps(template))
        exercise["id"] = f"exercise-{index}"
        exercise["title"] = {"en": f"Exercise {index}", "fr": f"Exercice {index}"}
        exercise["steps"].append(exercise["steps"][-1])
        grown.append(exercise)
    data["exercises"] = kept + grown
    manifest.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return target


def median_seconds(action: Callable[[], object], runs: int) -> float:
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        timings.append(time.perf_counter() - start)
    return statistics.median(timings)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--exercises", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        folder = generate_bundle(Path(scratch) / "big", args.exercises)
        manifest = folder / "bundle.json"
        loaded = load_bundle(folder)
        archive = Path(scratch) / "big.zip"
        write_zip(folder, loaded.files, archive)

        def load_zip() -> None:
            with tempfile.TemporaryDirectory() as out:
                load_bundle(unpack_zip(archive, Path(out), DEFAULT_LIMITS))

        floor = median_seconds(lambda: json.loads(manifest.read_bytes()), args.runs)
        rows = [
            ("json.loads of bundle.json (floor)", floor),
            ("validate + load folder", median_seconds(lambda: load_bundle(folder), args.runs)),
            ("unpack + validate + load zip", median_seconds(load_zip, args.runs)),
        ]
        size_kib = manifest.stat().st_size / 1024
    print(
        f"Bundle of {args.exercises} exercises, bundle.json {size_kib:.0f} KiB, "
        f"median of {args.runs} runs"
    )
    print(f"{'figure':40} {'seconds':>9} {'x floor':>8}")
    for label, seconds in rows:
        print(f"{label:40} {seconds:9.3f} {seconds / floor:8.1f}")


if __name__ == "__main__":
    main()
