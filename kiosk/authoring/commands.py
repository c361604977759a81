"""The authoring commands' command-line side: arguments in, plain sentences out."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from kiosk.authoring.errors import AuthoringError

Command = Callable[[str, Callable[[argparse.Namespace], int], str], argparse.ArgumentParser]


def register(command: Command) -> None:
    """Add `new`, `add-video`, `narrate` and `preview` to the kiosk command line."""
    sub = command("new", _new, "Make a starter bundle to fill in (it validates as it is).")
    sub.add_argument("folder", type=Path, help="a new folder for the bundle")
    sub.add_argument(
        "--languages", default="en", help="language codes, e.g. en,es (first: default)"
    )
    sub.add_argument("--from", dest="source", type=Path, help="start from this bundle instead")
    sub = command("add-video", _add_video, "Convert a video for the kiosk and add it to a bundle.")
    sub.add_argument("folder", type=Path, help="the bundle folder")
    sub.add_argument("file", type=Path, help="a video from a phone or camera (.mov, .mp4, ...)")
    sub.add_argument(
        "--captions",
        action="append",
        default=[],
        metavar="LANG=FILE",
        help="captions for one language, .srt or .vtt (repeat for each language)",
    )
    sub = command("narrate", _narrate, "Record every text of a bundle for read-aloud (espeak-ng).")
    sub.add_argument("folder", type=Path, help="the bundle folder")
    sub.add_argument(
        "--languages", help="language codes to narrate, e.g. en,es (default: all the bundle's)"
    )
    sub.add_argument(
        "--voice",
        default="",
        metavar="LANG=VOICE,...",
        help="espeak-ng voices, e.g. en=en-gb,es=es (default: en-us for en, es-419 for es, "
        "else the language's own code)",
    )
    sub = command("preview", _preview, "Show a bundle in a window, with its problems listed.")
    sub.add_argument("folder", type=Path, help="the bundle folder")
    sub.add_argument("--watch", action="store_true", help="reload whenever a file is saved")
    sub.add_argument("--size", default="1280x800", help="window size, WIDTHxHEIGHT")


def _new(args: argparse.Namespace) -> int:
    from kiosk.authoring.starter import new_bundle

    languages = [code.strip().lower() for code in args.languages.split(",") if code.strip()]
    try:
        folder = new_bundle(args.folder, languages, args.source)
    except (AuthoringError, OSError) as error:
        print(f"kiosk new: {error}", file=sys.stderr)
        return 1
    print(f"Made a starter bundle in {folder}. Next:")
    print(f"  kiosk preview {folder} --watch     (see it; edit bundle.json and save)")
    print(f"  kiosk add-video {folder} VIDEO --captions en=VIDEO.srt")
    return 0


def _add_video(args: argparse.Namespace) -> int:
    from kiosk.authoring.add_video import add_video, parse_captions

    bar = ProgressBar(f"Converting {args.file.name}")
    try:
        added = add_video(args.folder, args.file, parse_captions(args.captions), bar)
    except (AuthoringError, OSError) as error:
        bar.abandon()
        print(f"kiosk add-video: {error}", file=sys.stderr)
        return 1
    done = added.transcoded
    print(
        f"Added video {added.video_id}: {done.path.name}, {done.seconds:.0f} s, "
        f"{done.size / 1_000_000:.1f} MB ({done.mb_per_minute:.1f} MB a minute); "
        f"poster {done.poster.name}."
    )
    for lang in added.uncaptioned:
        print(
            f"  No captions in {lang} yet: the bundle is not valid until they are added with "
            f"--captions {lang}=FILE.srt (run add-video again with the same video)."
        )
    print(f"  Edit its title in bundle.json, then: kiosk validate {args.folder}")
    return 0


def _narrate(args: argparse.Namespace) -> int:
    from kiosk.authoring.manifest import read_manifest
    from kiosk.authoring.narrate import narrate
    from kiosk.authoring.speech import voices_for

    bar = ProgressBar(f"Narrating {args.folder}")
    try:
        languages = _codes(args.languages) or read_manifest(args.folder).get("languages") or []
        chosen = dict(_pair(entry) for entry in _codes(args.voice))
        done = narrate(args.folder, voices_for(languages, chosen), bar)
    except (AuthoringError, OSError) as error:
        bar.abandon()
        print(f"kiosk narrate: {error}", file=sys.stderr)
        return 1
    print(
        f"Narrated {', '.join(languages)}: {done.spoken} files spoken, {done.kept} kept as they "
        f"were, {done.removed} no longer used removed. In all {done.files} files, "
        f"{done.seconds:.0f} s of speech, {done.bytes / 1_000_000:.2f} MB "
        f"({done.kb_per_second:.1f} KB a second)."
    )
    print(f"  Check it: kiosk validate {args.folder}")
    return 0


def _codes(text: str | None) -> list[str]:
    return [part.strip() for part in (text or "").split(",") if part.strip()]


def _pair(entry: str) -> tuple[str, str]:
    lang, _, voice = entry.partition("=")
    if not lang or not voice:
        raise AuthoringError(f"--voice {entry}: write it as LANG=VOICE, e.g. es=es-419")
    return lang.strip().lower(), voice.strip()


def _preview(args: argparse.Namespace) -> int:
    from kiosk.authoring.preview import run_preview

    try:
        width, height = (int(part) for part in args.size.lower().split("x"))
    except ValueError:
        print(f"--size {args.size}: write it as WIDTHxHEIGHT, e.g. 1280x800", file=sys.stderr)
        return 2
    return run_preview(args.folder, args.watch, (width, height))


class ProgressBar:
    """A bar on the terminal, drawn only when the terminal shows it and the work is long."""

    WIDTH = 30

    def __init__(self, what: str, stream=None) -> None:
        self.what = what
        self.stream = stream or sys.stderr
        self.shown = -1

    def __call__(self, fraction: float) -> None:
        percent = int(fraction * 100)
        if percent == self.shown:
            return
        self.shown = percent
        filled = self.WIDTH * percent // 100
        bar = "#" * filled + "-" * (self.WIDTH - filled)
        end = "\n" if percent >= 100 else ""
        if self.stream.isatty() or end:
            self.stream.write(f"\r{self.what} [{bar}] {percent:3d}%{end}")
            self.stream.flush()

    def abandon(self) -> None:
        if 0 <= self.shown < 100 and self.stream.isatty():
            self.stream.write("\n")
