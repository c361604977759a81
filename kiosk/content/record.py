"""A bundle's validation record: what full validation found, for the next start to show.

Validation needs pydantic, and importing it and building the model take ~150 ms before the
kiosk could paint, for a bundle that was already checked at install. So once a bundle passes
full validation, its model is written down here as plain JSON that names each object's class,
with a fingerprint of everything validation read: the bytes of bundle.json; each media file's
size, times, inode and type; the validating code (kiosk.content's sources and the packages it
uses, or the standalone build itself); and the limits.

A start reads the record instead of validating only if its HMAC (a key of this kiosk's own)
and its fingerprint both still match. A missing, damaged, edited or foreign record, or any
change to the bundle or to the kiosk, raises RecordRefused, and the caller validates fully.

What comes back (`RecordedBundle`) draws the first screen from plain objects, without
pydantic. `checked()` then builds the pydantic model from the same data, through pydantic's
own validation of every field; the file and cross-reference checks are what the fingerprint
vouches for. Installs, previews, `kiosk validate` and swaps never read records.
"""

from __future__ import annotations

import hashlib
import hmac
import importlib.util
import json
import os
import stat
import sys
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kiosk.content.limits import Limits
from kiosk.content.loader import LoadedBundle
from kiosk.content.manifest import MANIFEST_NAME
from kiosk.content.problems import Problem

if TYPE_CHECKING:
    from kiosk.content.model import Bundle

RECORD_FORMAT = 2  # 2: the narration index too
# What validation depends on besides kiosk.content itself (qtawesome: its icon names).
VALIDATING_PACKAGES = ("pydantic", "pydantic_core", "webvtt", "qtawesome")


class RecordRefused(Exception):
    """The record cannot stand in for validation; the message says why, for the log."""


@dataclass(frozen=True)
class RecordedBundle(LoadedBundle):
    """A bundle read from its validation record: `model` is made of plain objects (PlainItem,
    PlainText) holding what the pydantic model held, enough to draw the first screen."""

    recorded: dict = field(default_factory=dict, repr=False, compare=False)
    recorded_narration: dict | None = field(default=None, repr=False, compare=False)

    def letters(self, language: str) -> frozenset[str]:
        """As recorded: working them out walks the model, which plain objects cannot."""
        return self.known_letters.get(language, frozenset())

    def checked(self) -> LoadedBundle:
        """The same bundle with its pydantic models, built from the record's data."""
        from kiosk.content.model import Bundle
        from kiosk.content.narration import NarrationIndex

        model = Bundle.model_validate(_model_input(self.recorded))
        narration = None
        if self.recorded_narration is not None:
            narration = NarrationIndex.model_validate(_model_input(self.recorded_narration))
        return LoadedBundle(
            self.root, model, self.files, self.warnings, narration, dict(self.known_letters)
        )


# --- Writing ---------------------------------------------------------------------------------


def record_bytes(loaded: LoadedBundle, limits: Limits, key: bytes) -> bytes:
    """The record of `loaded`, which has just passed full validation under `limits`.

    Raises RecordRefused if the model holds a value the record cannot write down."""
    body = {
        "format": RECORD_FORMAT,
        "fingerprint": fingerprint(loaded.root, loaded.files, limits),
        "files": sorted(loaded.files),
        "warnings": [[w.file, w.path, w.message] for w in loaded.warnings],
        "model": _encode(loaded.model),
        # The index as its checks left it: without the files found unplayable.
        "narration": None if loaded.narration is None else _encode(loaded.narration),
        # Each language's letters, which choose its font before the first paint.
        "letters": {lang: "".join(sorted(loaded.letters(lang))) for lang in loaded.model.languages},
    }
    payload = json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return signed(key, payload)


def _encode(value: Any) -> Any:
    """`value` as JSON, each model object as {"$": its class, "fields": ..., "set": ...}."""
    from pydantic import AnyUrl, BaseModel, RootModel

    if isinstance(value, RootModel):
        return {"$": type(value).__name__, "root": _encode(value.root)}
    if isinstance(value, BaseModel):
        fields = {name: _encode(getattr(value, name)) for name in type(value).model_fields}
        return {"$": type(value).__name__, "fields": fields, "set": sorted(value.model_fields_set)}
    if isinstance(value, list):
        return [_encode(item) for item in value]
    if isinstance(value, dict) and all(isinstance(k, str) for k in value):
        return {"$": "dict", "items": {k: _encode(item) for k, item in value.items()}}
    if isinstance(value, AnyUrl):
        return {"$": "url", "text": str(value)}
    if isinstance(value, date):
        return {"$": "date", "iso": value.isoformat()}
    if isinstance(value, str):
        return str(value)  # MediaRef and WebAddress: validation makes them again from the text
    if value is None or isinstance(value, bool | int | float):
        return value
    raise RecordRefused(f"the model holds a {type(value).__name__}, which a record cannot hold")


# --- Reading ---------------------------------------------------------------------------------


def read_record(folder: Path, data: bytes, limits: Limits, key: bytes) -> RecordedBundle:
    """The bundle in `folder` as its record `data` describes it; RecordRefused if the record
    is not this kiosk's, or anything it vouches for has changed since."""
    signature, _, payload = data.partition(b"\n")
    if not hmac.compare_digest(signature, _signature(key, payload)):
        raise RecordRefused("its signature does not match (edited, damaged, or not this kiosk's)")
    try:
        body = json.loads(payload)
        if body["format"] != RECORD_FORMAT:
            raise RecordRefused(f"it is in format {body['format']}, not {RECORD_FORMAT}")
        files, warnings, recorded = body["files"], body["warnings"], body["model"]
        recorded_narration = body["narration"]
        known_letters = {language: frozenset(text) for language, text in body["letters"].items()}
        written = dict(body["fingerprint"])
        problems = tuple(Problem(*warning) for warning in warnings)
    except (ValueError, KeyError, TypeError) as error:
        raise RecordRefused(f"it cannot be read ({error!r})") from None
    try:
        now = fingerprint(folder, files, limits)
    except OSError as error:
        raise RecordRefused(f"a file it names cannot be read ({error})") from None
    if now != written:
        changed = sorted(part for part in now if now[part] != written.get(part))
        raise RecordRefused(f"changed since it was written: {', '.join(changed)}")
    try:
        model = _plain(recorded)
        narration = None if recorded_narration is None else _plain(recorded_narration)
    except (ValueError, KeyError, TypeError) as error:
        raise RecordRefused(f"its model cannot be read ({error!r})") from None
    return RecordedBundle(
        folder, model, frozenset(files), problems, narration, known_letters,
        recorded=recorded, recorded_narration=recorded_narration,
    )  # fmt: skip


class PlainText:
    """A bundle text read from a record: the model's Text, without pydantic."""

    __slots__ = ("root",)

    def __init__(self, root: dict[str, str]) -> None:
        self.root = root

    def get(self, language: str, fallback: str = "en") -> str:
        """As Text.get: the text in `language`, else in `fallback`, else the first one."""
        return self.root.get(language) or self.root.get(fallback) or next(iter(self.root.values()))


class PlainItem:
    """Any other object of the model read from a record: its fields as attributes."""

    def __init__(self, kind: str, fields: dict[str, Any]) -> None:
        self.__dict__.update(fields)
        self._record_kind = kind  # no field starts with _: pydantic would not allow one

    def __repr__(self) -> str:
        return f"{self._record_kind}(from a validation record)"


def _plain(value: Any) -> Any:
    """A record's JSON as plain objects: lists, dicts, dates, str, PlainText and PlainItem."""
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if not isinstance(value, dict):
        return value
    kind = value["$"]
    if kind == "dict":
        return {k: _plain(item) for k, item in value["items"].items()}
    if kind == "date":
        return date.fromisoformat(value["iso"])
    if kind == "url":
        return value["text"]
    if kind == "Text":
        return PlainText(_plain(value["root"]))
    return PlainItem(kind, {name: _plain(item) for name, item in value["fields"].items()})


def _model_input(value: Any) -> Any:
    """A record's JSON as input for the model's validation: each object's fields as set in
    bundle.json (defaults come from the model again, so fields_set matches too)."""
    if isinstance(value, list):
        return [_model_input(item) for item in value]
    if not isinstance(value, dict):
        return value
    kind = value["$"]
    if kind == "dict":
        return {k: _model_input(item) for k, item in value["items"].items()}
    if kind == "date":
        return value["iso"]
    if kind == "url":
        return value["text"]
    if "root" in value:
        return _model_input(value["root"])
    fields = value["fields"]
    return {name: _model_input(fields[name]) for name in value["set"]}


def plain_model(model: Bundle) -> Any:
    """The plain objects a record of `model` reads back as (for tests and tools)."""
    return _plain(_encode(model))


# --- What a record vouches for -----------------------------------------------------------


def fingerprint(folder: Path, files: Iterable[str], limits: Limits) -> dict[str, Any]:
    """Everything full validation of `folder` read, as JSON: change any of it and the record
    no longer matches. Raises OSError if a file is missing."""
    folder = Path(folder)
    stats = {}
    for name in sorted(files):
        found = os.lstat(folder.joinpath(*name.split("/")))
        # ctime too: touching a file back to its old mtime still moves it.
        stats[name] = [
            found.st_size,
            found.st_mtime_ns,
            found.st_ctime_ns,
            found.st_ino,
            stat.S_IFMT(found.st_mode),
        ]
    manifest = hashlib.sha256((folder / MANIFEST_NAME).read_bytes()).hexdigest()
    return {
        "folder": str(folder.resolve()),
        "manifest_sha256": manifest,
        "files": stats,
        "limits": asdict(limits),
        "validator": validator_identity(),
    }


def validator_identity(packages: Iterable[str] = VALIDATING_PACKAGES) -> str:
    """A digest of the code that validates bundles: kiosk.content's sources and the installed
    `packages` it uses; in the standalone build, the build itself."""
    digest = hashlib.sha256(f"{RECORD_FORMAT} {sys.version}".encode())
    if getattr(sys, "frozen", False):  # PyInstaller: every module is inside the executable
        digest.update(_file_identity(Path(sys.executable)).encode())
        return digest.hexdigest()
    for source in sorted(Path(__file__).resolve().parent.glob("*.py")):
        digest.update(source.name.encode() + b"\0" + source.read_bytes() + b"\0")
    for package in packages:
        spec = importlib.util.find_spec(package)  # finds, does not import
        origin = spec.origin if spec is not None else None
        digest.update(f"{package}={_file_identity(Path(origin)) if origin else None}\0".encode())
    return digest.hexdigest()


def _file_identity(path: Path) -> str:
    found = path.stat()
    return f"{path}:{found.st_size}:{found.st_mtime_ns}"


def signed(key: bytes, payload: bytes) -> bytes:
    """A record as written: its signature, a newline, then `payload`."""
    return _signature(key, payload) + b"\n" + payload


def _signature(key: bytes, payload: bytes) -> bytes:
    return hmac.new(key, payload, hashlib.sha256).hexdigest().encode("ascii")
