"""Loading a bundle from a folder or a .zip, and reporting every problem in it at once."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.content.archive import ArchiveRefused, unpack_zip
from kiosk.content.limits import DEFAULT_LIMITS, Limits
from kiosk.content.manifest import MANIFEST_NAME
from kiosk.content.problems import Problem
from kiosk.content.safe_json import JsonRefused, read_json_file
from kiosk.content.wording import interface_word

if TYPE_CHECKING:  # the model (pydantic) loads when a bundle is validated, not before
    from kiosk.content.model import Bundle, MediaRef
    from kiosk.content.narration import NarrationIndex


class BundleInvalid(Exception):
    """A bundle was refused; `problems` lists everything found wrong with it."""

    def __init__(self, source: str, problems: list[Problem]) -> None:
        self.source = source
        self.problems = problems
        super().__init__(f"{source}: {len(problems)} problem(s)\n" + "\n".join(map(str, problems)))


@dataclass(frozen=True)
class LoadedBundle:
    """A bundle that passed validation: its model and the folder its media live in."""

    root: Path
    model: Bundle
    files: frozenset[str] = field(default_factory=frozenset)
    warnings: tuple[Problem, ...] = ()  # worth a look, but no reason to refuse the bundle
    narration: NarrationIndex | None = None  # the checked narration index, if it has one
    # Each language's letters once worked out (or read from a validation record).
    known_letters: dict[str, frozenset[str]] = field(
        default_factory=dict, repr=False, compare=False
    )

    def media_path(self, ref: MediaRef) -> Path:
        """Where a file the bundle names lives on disk."""
        return self.root.joinpath(*ref.split("/"))

    def wording(self, key: str, language: str) -> str:
        """The interface text for `key`: the bundle's override, else the kiosk's default."""
        return interface_word(self.model, key, language)

    def letters(self, language: str) -> frozenset[str]:
        """Every letter a patient reads in `language` (kiosk.content.letters); worked out once
        (a walk of the whole model), ahead of a swap by the bundle service's worker."""
        if language not in self.known_letters:
            from kiosk.content.letters import letters_of

            self.known_letters[language] = letters_of(self, language)
        return self.known_letters[language]


@dataclass(frozen=True)
class Inspection:
    """Everything found in a bundle folder, without refusing it: what `kiosk preview` shows.

    `model` is None when bundle.json cannot be read at all; otherwise it holds every section
    that parsed (one that did not is None, and `problems` says why)."""

    root: Path
    model: Bundle | None
    problems: tuple[Problem, ...]
    warnings: tuple[Problem, ...] = ()
    files: frozenset[str] = frozenset()
    missing: frozenset[str] = frozenset()  # top-level fields that failed the schema (None)
    narration: NarrationIndex | None = None

    def loaded(self) -> LoadedBundle:
        """The bundle, valid; raise BundleInvalid listing every problem otherwise."""
        if self.problems or self.model is None:
            raise BundleInvalid(str(self.root), list(self.problems))
        return LoadedBundle(self.root, self.model, self.files, self.warnings, self.narration)


def load_bundle(folder: Path, limits: Limits = DEFAULT_LIMITS) -> LoadedBundle:
    """Load and fully validate the bundle in `folder`; raise BundleInvalid listing every problem."""
    return inspect_bundle(folder, limits).loaded()


def inspect_bundle(folder: Path, limits: Limits = DEFAULT_LIMITS) -> Inspection:
    """Every problem and warning in the bundle in `folder`, all found in one pass."""
    from kiosk.content.checks import bundle_warnings, check_bundle
    from kiosk.content.model import MediaRef, walk
    from kiosk.content.narration_checks import check_narration
    from kiosk.content.partial import parse_partly

    folder = Path(folder)
    raw = _read_manifest(folder, limits)
    if isinstance(raw, Problem):
        return Inspection(folder, None, (raw,))
    model, missing, problems = parse_partly(raw)
    nodes = list(walk(model))
    problems += check_bundle(model, nodes, folder, limits, missing)
    narration = check_narration(model, folder, limits, missing)
    problems += narration.problems
    refs = {str(value) for _, value in nodes if isinstance(value, MediaRef)}
    warnings = (*bundle_warnings(model, folder, missing), *narration.warnings)
    files = frozenset({MANIFEST_NAME, *refs, *narration.files})
    return Inspection(folder, model, tuple(problems), warnings, files, missing, narration.index)


def _read_manifest(folder: Path, limits: Limits) -> dict | Problem:
    """bundle.json as data, or the one problem that stops it being read."""
    manifest = folder / MANIFEST_NAME
    if not folder.is_dir():
        return Problem(str(folder), "", "is not a folder")
    if manifest.is_symlink() or not manifest.is_file():
        return Problem(
            MANIFEST_NAME, "", f"is missing: a bundle needs {MANIFEST_NAME} in its top folder"
        )
    try:
        raw = read_json_file(manifest, limits)
    except JsonRefused as refusal:
        return Problem(MANIFEST_NAME, "", str(refusal))
    if not isinstance(raw, dict):
        return Problem(MANIFEST_NAME, "", "must hold one JSON object ({ ... }) at its top")
    return raw


@contextmanager
def open_bundle(path: Path, limits: Limits = DEFAULT_LIMITS) -> Iterator[LoadedBundle]:
    """Load a bundle folder or .zip; a zip is unpacked to a temporary folder for the duration."""
    path = Path(path)
    if path.is_dir():
        yield load_bundle(path, limits)
        return
    if not path.is_file():
        raise BundleInvalid(str(path), [Problem(str(path), "", "does not exist")])
    with tempfile.TemporaryDirectory(prefix="kiosk-bundle-") as scratch:
        try:
            root = unpack_zip(path, Path(scratch), limits)
        except ArchiveRefused as refusal:
            raise BundleInvalid(str(path), [Problem(path.name, "", str(refusal))]) from None
        yield load_bundle(root, limits)
