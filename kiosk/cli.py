"""The `kiosk` command: one subcommand per thing staff or installers do."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from contextlib import ExitStack
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.content import BundleInvalid, LoadedBundle, open_bundle
from kiosk.content.archive import write_zip
from kiosk.content.locate import builtin_bundle_dir
from kiosk.content.problems import refusal_text

if TYPE_CHECKING:  # `kiosk run` paints its first screen before the model (pydantic) loads
    from pydantic import BaseModel

    from kiosk.content.model import Bundle


def main(argv: list[str] | None = None) -> int:
    """Run the kiosk command line; returns the exit status."""
    parser = _build_parser()
    args = parser.parse_args(argv)
    if not hasattr(args, "handler"):
        parser.print_help()
        return 2
    return args.handler(args)


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kiosk", description="The waiting-room knee-care kiosk and its content tools."
    )
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")

    def command(name: str, handler: Callable[[argparse.Namespace], int], text: str):
        sub = commands.add_parser(name, help=text, description=text)
        sub.set_defaults(handler=handler)
        return sub

    sub = command("validate", _validate, "Check a bundle folder or .zip and list every problem.")
    sub.add_argument("path", nargs="?", type=Path, help="bundle folder or .zip (default: built-in)")
    sub.add_argument("--strict", action="store_true", help="fail on warnings too (for CI)")
    sub.add_argument("--today", type=date.fromisoformat, help="judge review dates as of YYYY-MM-DD")
    sub = command("info", _info, "Summarise a bundle: id, version, languages, counts, size.")
    sub.add_argument("path", nargs="?", type=Path, help="bundle folder or .zip (default: built-in)")
    sub = command("pack", _pack, "Validate a bundle folder, then write a reproducible .zip of it.")
    sub.add_argument("folder", type=Path, help="the bundle folder (holding bundle.json)")
    sub.add_argument("-o", "--output", type=Path, required=True, help="the .zip to write")
    sub = command("diff", _diff, "Say in plain words what a new bundle changes.")
    sub.add_argument("old", help="bundle folder, .zip, or an installed id-version (kiosk list)")
    sub.add_argument("new", help="bundle folder, .zip, or an installed id-version")
    sub.add_argument("--json", action="store_true", help="print JSON (for tools)")
    sub = command("schema", _schema, "Print the JSON Schema of bundle.json (for editors).")
    sub.add_argument(
        "--narration", action="store_true", help="of the narration index instead (kiosk narrate)"
    )
    sub = command("install", _install, "Install a bundle folder or .zip; it goes live when idle.")
    sub.add_argument("path", type=Path, help="bundle folder or .zip")
    command("list", _list, "List the installed bundles and which one is on show.")
    command("rollback", _rollback, "Go back to the bundle that was on show before.")
    command("settings", _settings, "Show where the settings file is and what it holds.")
    sub = command("stats", _stats, "Anonymous counts of what patients viewed, per day.")
    sub.add_argument("--csv", action="store_true", help="write CSV to standard output")
    sub.add_argument("--days", type=int, default=30, help="how many days back (default 30)")
    command("set-pin", _set_pin, "Set the staff PIN (4 to 8 digits), asked twice, not shown.")
    command("doctor", _doctor, "Check that this machine can run the kiosk.")
    sub = command("status", _status, "Show the bundle on show, the feed's state and the version.")
    sub.add_argument("--json", action="store_true", help="print JSON (for monitoring tools)")
    sub = command("keygen", _keygen, "Make the key pair that signs a bundle feed.")
    sub.add_argument(
        "--key", type=Path, default=Path("feed-signing.key"), help="private key file to write"
    )
    sub = command("publish", _publish, "Validate a bundle, copy it into a feed folder, sign it.")
    sub.add_argument("bundle", type=Path, help="the bundle .zip (or folder) to publish")
    sub.add_argument("--key", type=Path, required=True, help="private key from kiosk keygen")
    sub.add_argument("--feed", type=Path, required=True, help="the feed folder to publish into")
    sub.add_argument(
        "--expires-in",
        type=int,
        default=30,  # kiosk.feed.expiry.DEFAULT_EXPIRES_IN_DAYS, not imported for every command
        metavar="DAYS",
        help="kiosks refuse the feed this many days from now (default 30; 1 to 365): publish "
        "again before then, the same bundle unchanged if there is nothing new",
    )
    hidden = commands.add_parser("doctor-check")  # one Qt check, run by `doctor` in a child
    hidden.add_argument("check", choices=["multimedia", "fonts"])
    hidden.add_argument("files", nargs="*", type=Path)
    hidden.set_defaults(handler=_doctor_check)
    sub = command("screenshots", _screenshots, "Render every screen and state to PNG files.")
    sub.add_argument("outdir", type=Path, help="folder for the PNG files")
    sub.add_argument("--size", default="1920x1080", help="window size, WIDTHxHEIGHT")
    sub.add_argument("--lang", help="language to show (default: the bundle's)")
    sub.add_argument("--bundle", type=Path, help="bundle folder or .zip (default: built-in)")
    sub.add_argument(
        "--take-home-base",
        help="show take-home QR codes with this address plus each item's id, where the bundle "
        "gives none (e.g. https://example.org/knee/)",
    )
    sub = command(
        "audit", _audit, "Measure every patient screen for accessibility; exit 1 on a fault."
    )
    sub.add_argument("--bundle", type=Path, help="bundle folder or .zip (default: built-in)")
    from kiosk.authoring.commands import register as register_authoring

    register_authoring(command)
    sub = command("run", _run, "Start the kiosk (fullscreen, on the built-in bundle).")
    sub.add_argument("--windowed", action="store_true", help="run in a normal window (demo)")
    sub.add_argument("--bundle", type=Path, help="preview a bundle folder or .zip")
    sub.add_argument(
        "--idle-seconds", type=float, help="quiet spell before the reset (default: the setting)"
    )
    sub.add_argument(
        "--exit-after-paint",
        action="store_true",
        help="paint the first screen, print how long start-up took, and exit (a smoke test)",
    )
    return parser


def _with_bundle(path: Path | None, use: Callable[[LoadedBundle], int]) -> int:
    """Open the bundle at `path` (or the built-in one) and run `use`; report refusals."""
    source = path or builtin_bundle_dir()
    try:
        with open_bundle(source) as loaded:
            return use(loaded)
    except BundleInvalid as refusal:
        _print_refusal(str(source), refusal)
        return 1


def _print_refusal(source: str, refusal: BundleInvalid) -> None:
    print(refusal_text(source, refusal.problems), file=sys.stderr)


def _validate(args: argparse.Namespace) -> int:
    from kiosk.content.checks import lint_warnings

    def report(loaded: LoadedBundle) -> int:
        model = loaded.model
        warnings = [*loaded.warnings, *lint_warnings(model, args.today or date.today())]
        print(f"{args.path or loaded.root}: valid ({model.id} {model.version})")
        for warning in warnings:
            print(f"  warning: {warning}")
        if args.strict and warnings:
            print(f"--strict: {len(warnings)} warning(s) count as failures", file=sys.stderr)
            return 1
        return 0

    return _with_bundle(args.path, report)


def _info(args: argparse.Namespace) -> int:
    def report(loaded: LoadedBundle) -> int:
        model = loaded.model
        size = sum(loaded.root.joinpath(name).stat().st_size for name in loaded.files)
        lang = model.default_language
        rows = [
            ("id", model.id),
            ("version", model.version),
            ("title", model.title.get(lang)),
            ("clinic", model.clinic.name.get(lang)),
            ("languages", ", ".join(model.languages) + f" (default {lang})"),
            ("videos", str(len(model.videos.items))),
            ("exercises", str(len(model.exercises))),
            ("articles", str(len(model.articles))),
            ("picker nodes", str(len(model.picker.nodes))),
            ("files", str(len(loaded.files))),
            ("size", _human_size(size)),
        ]
        for label, value in rows:
            print(f"{label + ':':14}{value}")
        _print_cases(model)
        _print_reading_level(model)
        return 0

    return _with_bundle(args.path, report)


def _print_cases(model: Bundle) -> None:
    """Each picker case, the answers it takes and where they lead now."""
    from kiosk.content.cases import run_case
    from kiosk.content.model import Result

    picker, language = model.picker, model.default_language
    print(f"{'picker cases:':14}{len(picker.cases)}")
    for index, case in enumerate(picker.cases):
        run = run_case(picker, case, index, language)
        end = picker.nodes.get(run.end)
        reached = f"{run.end} ({end.outcome})" if isinstance(end, Result) else run.end
        verdict = "ok" if run.failure is None else f"FAILS: {run.failure[1]}"
        print(f"  [{index}] {' > '.join(case.answers)} -> {reached}: {verdict}")
        if case.why:
            print(f"      why: {case.why}")


def _print_reading_level(model: Bundle) -> None:
    """The overall reading grade per language, and the hardest texts."""
    from kiosk.content.reading import ReadingUnavailable, reading_summary

    try:
        levels = reading_summary(model)
    except ReadingUnavailable as why:
        print(f"{'reading level:':14}not scored: {why}")
        return
    limit = model.reading_level.max_grade
    print(f"{'reading level:':14}US grade (Spanish: Fernandez-Huerta as a grade), limit {limit:g}")
    for level in levels:
        print(f"  {level.language}: grade {level.grade:.1f} overall, {level.texts} texts scored")
        for text in level.hardest:
            print(f"    {text.grade:5.1f}  {text.path}: {text.text[:70]}")


def _diff(args: argparse.Namespace) -> int:
    from kiosk.content.diff import diff_bundles, diff_lines

    try:
        with ExitStack() as stack:
            old, new = (
                stack.enter_context(open_bundle(_bundle_place(a))) for a in (args.old, args.new)
            )
            diff = diff_bundles(old, new)
    except BundleInvalid as refusal:
        _print_refusal(refusal.source, refusal)
        return 1
    if args.json:
        print(json.dumps(diff.as_json(), indent=2, ensure_ascii=False))
    else:
        print("\n".join(diff_lines(diff)))
    return 0


def _bundle_place(name: str) -> Path:
    """A folder or .zip as given, else the installed bundle of that id-version."""
    path = Path(name)
    if path.exists():
        return path
    from kiosk.store import BundleStore

    installed = {row.name: row.folder for row in BundleStore().list_installed()}
    return installed.get(name, path)  # a path that does not exist is refused by name


def _human_size(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MiB" if size >= 1024 * 1024 else f"{size / 1024:.0f} KiB"


def _pack(args: argparse.Namespace) -> int:
    if not args.folder.is_dir():
        print(f"{args.folder}: is not a folder", file=sys.stderr)
        return 1

    def write(loaded: LoadedBundle) -> int:
        write_zip(loaded.root, loaded.files, args.output)
        model = loaded.model
        print(f"{args.output}: {len(loaded.files)} files from {model.id} {model.version}")
        return 0

    return _with_bundle(args.folder, write)


def _install(args: argparse.Namespace) -> int:
    from kiosk.store import BundleStore

    try:
        result = BundleStore().install(args.path)
    except BundleInvalid as refusal:
        _print_refusal(str(args.path), refusal)
        return 1
    except OSError as error:
        print(f"{args.path}: could not be installed ({error})", file=sys.stderr)
        return 1
    print(result.message if not result.pending else result.message_for_terminal)
    return 0


def _list(args: argparse.Namespace) -> int:
    from kiosk.store import BundleStore

    print(BundleStore().describe())
    return 0


def _rollback(args: argparse.Namespace) -> int:
    from kiosk.store import BundleStore, StoreError
    from kiosk.store.install import GOES_LIVE, describe_role

    try:
        pointer = BundleStore().rollback()
    except StoreError as error:
        print(error, file=sys.stderr)
        return 1
    print(f"Now on show: {describe_role(pointer.active)}.")
    print(GOES_LIVE)
    return 0


def _settings(args: argparse.Namespace) -> int:
    from kiosk import settings

    print(settings.describe())
    return 0


def _stats(args: argparse.Namespace) -> int:
    from kiosk.paths import KioskPaths
    from kiosk.usage import UsageCounts

    counts = UsageCounts(KioskPaths.from_environment().ensure().usage_db)
    if args.csv:
        counts.export_csv(sys.stdout, days=args.days)
        return 0
    rows = counts.last_days(args.days)
    if not rows:
        print(f"Nothing viewed in the last {args.days} days.")
    for row in rows:
        print(f"{row.day}  {row.kind:14} {row.item:32} {row.count:6}")
    return 0


def _set_pin(args: argparse.Namespace) -> int:
    import getpass

    from kiosk.paths import KioskPaths
    from kiosk.staff.pin import PinError, check_format, set_pin

    pin = getpass.getpass("New staff PIN (4 to 8 digits): ")
    try:
        check_format(pin)
    except PinError as error:
        print(error, file=sys.stderr)
        return 1
    if getpass.getpass("The same PIN again: ") != pin:
        print("The two PINs differ; nothing was changed.", file=sys.stderr)
        return 1
    set_pin(KioskPaths.from_environment().ensure().pin_file, pin)
    print("The staff PIN is set.")
    return 0


def _doctor(args: argparse.Namespace) -> int:
    from kiosk.runtime.doctor import run_doctor

    findings = run_doctor()
    for finding in findings:
        print(finding)
    return 0 if all(finding.ok for finding in findings) else 1


def _doctor_check(args: argparse.Namespace) -> int:
    from kiosk.runtime.qt_checks import run_check

    return run_check(args.check, args.files)


def _status(args: argparse.Namespace) -> int:
    from kiosk import settings
    from kiosk.feed.report import kiosk_status, status_json, status_text
    from kiosk.store import BundleStore

    status = kiosk_status(BundleStore(), settings.load().settings)
    print(status_json(status) if args.json else status_text(status))
    return 0


def _keygen(args: argparse.Namespace) -> int:
    from kiosk.feed import FeedError
    from kiosk.feed.keys import generate_key_pair

    public_file = args.key.with_name(args.key.name + ".pub")
    try:
        public = generate_key_pair(args.key)
    except (FeedError, OSError) as error:
        print(f"kiosk keygen: {error} No key was made.", file=sys.stderr)
        return 1
    public_file.write_text(public.text + "\n", encoding="utf-8")
    print("Made a key pair for signing the bundle feed.")
    print(f"Private key: {args.key}, readable by you only. Keep it secret, on the computer that")
    print("publishes, with a backup. It signs the feed:")
    print(f"    kiosk publish BUNDLE.zip --key {args.key} --feed DIR")
    print(f"Public key (key id {public.key_id}), also in {public_file}. This half goes on every")
    print("kiosk, in its settings file (kiosk settings shows where):")
    print(f'    feed_keys = ["{public.text}"]')
    return 0


def _publish(args: argparse.Namespace) -> int:
    from kiosk.feed import FeedError
    from kiosk.feed.publish import publish

    try:
        published = publish(args.bundle, args.key, args.feed, args.expires_in)
    except BundleInvalid as refusal:
        _print_refusal(str(args.bundle), refusal)
        return 1
    except (FeedError, OSError) as error:
        print(f"kiosk publish: {error} Nothing was published.", file=sys.stderr)
        return 1
    entry = published.entry
    print(f"Published {entry.describe()} in {args.feed}:")
    print(f"  {entry.file}  {_human_size(entry.size)}, SHA-256 {entry.sha256[:16]}…")
    print(f"  {published.feed_file.name}  signed with key id {published.key_id}")
    print(f"  kiosks take it until {entry.expires_at}; publish again before then.")
    print("Upload the .zip first, then feed.json (a sync tool carries both by itself).")
    return 0


def _screenshots(args: argparse.Namespace) -> int:
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # no display needed
    try:
        width, height = (int(part) for part in args.size.lower().split("x"))
    except ValueError:
        print(f"--size {args.size}: write it as WIDTHxHEIGHT, e.g. 1920x1080", file=sys.stderr)
        return 2

    def capture(loaded: LoadedBundle) -> int:
        from PySide6.QtWidgets import QApplication

        from kiosk.ui.screenshots import capture_all

        app = QApplication.instance() or QApplication(["kiosk"])
        if args.take_home_base and not _web_address(args.take_home_base):
            print(f"--take-home-base {args.take_home_base}: not an http(s) address")
            return 2
        if args.lang and args.lang not in loaded.model.languages:
            print(f"--lang {args.lang}: the bundle has {', '.join(loaded.model.languages)}")
            return 2
        taken = capture_all(loaded, args.outdir, (width, height), args.lang, args.take_home_base)
        app.processEvents()
        print(f"{len(taken)} screenshots in {args.outdir}")
        return 0

    return _with_bundle(args.bundle, capture)


def _audit(args: argparse.Namespace) -> int:
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # no display needed

    def audit(loaded: LoadedBundle) -> int:
        from kiosk.ui.audit import run_audit

        return run_audit(loaded)

    return _with_bundle(args.bundle, audit)


def _web_address(text: str) -> bool:
    from kiosk.content.model import WebAddress

    try:
        WebAddress._parse(text)
    except ValueError:
        return False
    return True


def _run(args: argparse.Namespace) -> int:
    from kiosk.app import run

    return run(args.bundle, args.windowed, args.idle_seconds, args.exit_after_paint)


def _schema(args: argparse.Namespace) -> int:
    print(narration_schema_text() if args.narration else schema_text(), end="")
    return 0


def schema_text() -> str:
    """The JSON Schema of bundle.json, as the repository keeps it in schema/."""
    from kiosk.content.model import Bundle

    return _schema_of(Bundle, "Knee-care kiosk content bundle (bundle.json)")


def narration_schema_text() -> str:
    """The JSON Schema of a narration index, as the repository keeps it in schema/."""
    from kiosk.content.narration import NarrationIndex

    return _schema_of(NarrationIndex, "Knee-care kiosk narration index (narration/index.json)")


def _schema_of(model: type[BaseModel], title: str) -> str:
    schema = model.model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = title
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
