"""Loading a bundle from a folder or a .zip, and reporting every problem in it at once."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from kiosk.content.archive import ArchiveRefused, unpack_zip
from kiosk.content.checks import bundle_warnings, check_bundle
from kiosk.content.limits import DEFAULT_LIMITS, Limits
from kiosk.content.model import MANIFEST_NAME, Bundle, MediaRef, walk
from kiosk.content.problems import Problem, format_path
from kiosk.content.safe_json import JsonRefused, read_json_file
from kiosk.content.wording import DEFAULT_WORDING


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

    def media_path(self, ref: MediaRef) -> Path:
        """Where a file the bundle names lives on disk."""
        return self.root.joinpath(*ref.split("/"))

    def wording(self, key: str, language: str) -> str:
        """The interface text for `key`: the bundle's override, else the kiosk's default."""
        override = self.model.interface_text.get(key)
        if override is not None and language in override.root:
            return override.root[language]
        defaults = DEFAULT_WORDING[key]
        # English last: a bundle in another language may lack wording added since (ADDED_LATER).
        return defaults.get(language) or defaults.get(self.model.default_language) or defaults["en"]


def load_bundle(folder: Path, limits: Limits = DEFAULT_LIMITS) -> LoadedBundle:
    """Load and fully validate the bundle in `folder`; raise BundleInvalid listing every problem."""
    folder = Path(folder)
    manifest = folder / MANIFEST_NAME
    if not folder.is_dir():
        raise BundleInvalid(str(folder), [Problem(str(folder), "", "is not a folder")])
    if manifest.is_symlink() or not manifest.is_file():
        message = f"is missing: a bundle needs {MANIFEST_NAME} in its top folder"
        raise BundleInvalid(str(folder), [Problem(MANIFEST_NAME, "", message)])
    try:
        raw = read_json_file(manifest, limits)
    except JsonRefused as refusal:
        raise BundleInvalid(str(folder), [Problem(MANIFEST_NAME, "", str(refusal))]) from None
    if not isinstance(raw, dict):
        message = "must hold one JSON object ({ ... }) at its top"
        raise BundleInvalid(str(folder), [Problem(MANIFEST_NAME, "", message)])
    try:
        model = Bundle.model_validate(raw)
    except ValidationError as error:
        raise BundleInvalid(str(folder), _schema_problems(error)) from None
    nodes = list(walk(model))
    problems = check_bundle(model, nodes, folder, limits)
    if problems:
        raise BundleInvalid(str(folder), problems)
    refs = {str(value) for _, value in nodes if isinstance(value, MediaRef)}
    warnings = tuple(bundle_warnings(model))
    return LoadedBundle(folder, model, frozenset({MANIFEST_NAME, *refs}), warnings)


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


def _schema_problems(error: ValidationError) -> list[Problem]:
    problems = []
    for detail in error.errors(include_url=False):
        loc = [part for part in detail["loc"] if part not in _UNION_TAGS]
        problems.append(Problem(MANIFEST_NAME, format_path(loc), _plain_message(detail)))
    return problems


# Pydantic names the union branch it tried in the location; staff do not need it.
_UNION_TAGS = {"question", "result", "paragraph", "bullets", "function-after[_parse(), str]"}


def _plain_message(detail: dict) -> str:
    kind, value = detail["type"], detail.get("input")
    if kind == "missing":
        return "is missing"
    if kind == "extra_forbidden":
        return "is not a field the kiosk knows (check the spelling)"
    if kind == "string_pattern_mismatch":
        return f"{value!r} is not in the expected form ({detail['ctx']['pattern']})"
    if kind in ("bundle_path", "media_type"):
        return detail["msg"]
    return detail["msg"][0].lower() + detail["msg"][1:]
