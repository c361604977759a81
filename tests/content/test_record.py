"""Validation records: read back, they are the validated model exactly; anything changed,
damaged, edited or foreign is refused, so the caller validates in full."""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from pydantic import AnyUrl, BaseModel

from kiosk.content import LoadedBundle, load_bundle
from kiosk.content.limits import DEFAULT_LIMITS
from kiosk.content.model import Text, walk
from kiosk.content.record import (
    PlainItem,
    PlainText,
    RecordedBundle,
    RecordRefused,
    plain_model,
    read_record,
    record_bytes,
    signed,
    validator_identity,
)
from tests.helpers.bundles import BUNDLES, bundle
from tests.helpers.places import REPO_ROOT, SMALL_BUNDLE

KEY = bytes(range(32))


@pytest.fixture
def copy(tmp_path: Path) -> LoadedBundle:
    """A writable copy of the small bundle, validated in full."""
    folder = tmp_path / "bundle"
    shutil.copytree(SMALL_BUNDLE, folder)
    return load_bundle(folder)


def write(loaded: LoadedBundle) -> bytes:
    return record_bytes(loaded, DEFAULT_LIMITS, KEY)


def read(loaded: LoadedBundle, data: bytes) -> RecordedBundle:
    return read_record(loaded.root, data, DEFAULT_LIMITS, KEY)


def same_model(a, b) -> bool:
    """Equal everywhere, with the same types and the same fields set (not just ==)."""
    pairs = zip(walk(a), walk(b), strict=True)
    for (path_a, value_a), (path_b, value_b) in pairs:
        if path_a != path_b or type(value_a) is not type(value_b) or value_a != value_b:
            return False
        if getattr(value_a, "model_fields_set", None) != getattr(value_b, "model_fields_set", None):
            return False
    return True


# --- Read back, a record is the validated bundle ------------------------------------------


@pytest.mark.parametrize("name", sorted(BUNDLES))
def test_checked_model_is_the_validated_model(name: str) -> None:
    loaded = bundle(name)
    recorded = read(loaded, write(loaded))
    checked = recorded.checked()
    assert same_model(checked.model, loaded.model)
    assert (checked.root, checked.files, checked.warnings) == (
        loaded.root,
        loaded.files,
        loaded.warnings,
    )


@pytest.mark.parametrize("name", sorted(BUNDLES))
def test_plain_model_holds_every_field(name: str) -> None:
    """Each object of the pydantic model has a plain twin with the same field values."""
    model = bundle(name).model
    plain = plain_model(model)

    def check(real, twin) -> None:
        if isinstance(real, Text):
            assert isinstance(twin, PlainText) and twin.root == real.root
        elif isinstance(real, BaseModel):
            assert isinstance(twin, PlainItem)
            for field in type(real).model_fields:
                check(getattr(real, field), getattr(twin, field))
        elif isinstance(real, list):
            assert len(real) == len(twin)
            for a, b in zip(real, twin, strict=True):
                check(a, b)
        elif isinstance(real, dict):
            assert real.keys() == twin.keys()
            for key in real:
                check(real[key], twin[key])
        elif isinstance(real, AnyUrl | str):  # a MediaRef or an address: plain text
            assert type(twin) is str and twin == str(real)
        else:
            assert type(twin) is type(real) and twin == real

    check(model, plain)


def test_plain_text_reads_as_text() -> None:
    for root in ({"en": "Hi", "es": "Hola"}, {"es": "Hola"}, {"fr": "Salut", "es": "Hola"}):
        real, plain = Text(root), PlainText(dict(root))
        for language in ("en", "es", "fr", "vi"):
            for fallback in ("en", "es", "vi"):
                assert plain.get(language, fallback) == real.get(language, fallback)
            assert plain.get(language) == real.get(language)


def test_a_value_validation_coerced_comes_back_as_validated(copy: LoadedBundle) -> None:
    """bundle.json may say "sets": "3"; the model (and the record) hold the number 3."""
    manifest = copy.root / "bundle.json"
    data = json.loads(manifest.read_text(encoding="utf-8"))
    data["exercises"][0]["sets"] = str(data["exercises"][0]["sets"])
    manifest.write_text(json.dumps(data), encoding="utf-8")
    loaded = load_bundle(copy.root)
    recorded = read(loaded, write(loaded))
    assert recorded.model.exercises[0].sets == loaded.model.exercises[0].sets
    assert isinstance(recorded.model.exercises[0].sets, int)
    assert same_model(recorded.checked().model, loaded.model)


# --- Anything changed since: refused --------------------------------------------------------


def refused(loaded: LoadedBundle, data: bytes, because: str) -> None:
    with pytest.raises(RecordRefused, match=because):
        read(loaded, data)


def test_an_edited_bundle_json_is_refused(copy: LoadedBundle) -> None:
    data = write(copy)
    manifest = copy.root / "bundle.json"
    stat = manifest.stat()
    text = manifest.read_text(encoding="utf-8").replace(copy.model.version, "9.9.9")
    manifest.write_text(text, encoding="utf-8")
    os.utime(manifest, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # its old time back, even
    refused(copy, data, "manifest_sha256")


@pytest.mark.parametrize("how", ["rewritten", "grown", "removed", "linked"])
def test_a_changed_media_file_is_refused(copy: LoadedBundle, how: str) -> None:
    data = write(copy)
    media = copy.root / "media" / "slide.svg"
    stat = media.stat()
    if how == "rewritten":  # same size, same mtime: its ctime still moves
        media.write_bytes(media.read_bytes().replace(b"<svg", b"<SVG", 1))
        os.utime(media, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    elif how == "grown":
        media.write_bytes(media.read_bytes() + b"\n")
    elif how == "removed":
        media.unlink()
    else:
        shutil.move(media, copy.root / "slide-elsewhere.svg")
        media.symlink_to(copy.root / "slide-elsewhere.svg")
    refused(copy, data, "files" if how != "removed" else "cannot be read")


def test_a_record_for_another_folder_is_refused(copy: LoadedBundle, tmp_path: Path) -> None:
    data = write(copy)
    moved = tmp_path / "moved"
    shutil.copytree(copy.root, moved, copy_function=shutil.copy2)
    refused(replace(copy, root=moved), data, "folder")


def test_other_limits_are_refused(copy: LoadedBundle) -> None:
    data = write(copy)
    tighter = replace(DEFAULT_LIMITS, image_pixels=1000)
    with pytest.raises(RecordRefused, match="limits"):
        read_record(copy.root, data, tighter, KEY)


def resigned(data: bytes, change) -> bytes:
    """`data` with `change` made to its JSON body, signed again with this kiosk's key."""
    body = json.loads(data.partition(b"\n")[2])
    change(body)
    return signed(KEY, json.dumps(body).encode())


def test_a_changed_validator_is_refused(copy: LoadedBundle) -> None:
    """New validating code (an update of the kiosk or of a package it uses)."""
    data = resigned(write(copy), lambda body: body["fingerprint"].update(validator="older"))
    refused(copy, data, "validator")


def test_another_version_of_a_validating_package_is_another_validator() -> None:
    assert validator_identity(("pydantic", "json")) != validator_identity()
    assert validator_identity() == validator_identity()


# --- Damaged, edited or foreign: refused -------------------------------------------------


def test_an_edited_record_is_refused(copy: LoadedBundle) -> None:
    """Text put into the record itself never reaches the screen: its signature fails."""
    data = write(copy)
    title = copy.model.title.get("en")
    edited = data.replace(title.encode(), b"Something else", 1)
    assert edited != data
    refused(copy, edited, "signature")


def test_another_kiosks_record_is_refused(copy: LoadedBundle) -> None:
    data = record_bytes(copy, DEFAULT_LIMITS, bytes(32))
    refused(copy, data, "signature")


@pytest.mark.parametrize("cut", [0, 10, 100, -1])
def test_a_damaged_record_is_refused(copy: LoadedBundle, cut: int) -> None:
    data = write(copy)
    refused(copy, data[:cut], "signature")


def test_a_signed_record_of_another_format_is_refused(copy: LoadedBundle) -> None:
    old = resigned(write(copy), lambda body: body.update(format=1))
    refused(copy, old, "format")


def test_a_signed_record_that_is_not_json_is_refused(copy: LoadedBundle) -> None:
    payload = b"not json"
    refused(copy, signed(KEY, payload), "cannot be read")


def test_a_value_a_record_cannot_hold_is_not_recorded(copy: LoadedBundle) -> None:
    class Odd:
        pass

    model = copy.model.model_copy(update={"id": Odd()})
    with pytest.raises(RecordRefused, match="Odd"):
        write(replace(copy, model=model))


# --- What the first paint needs besides the model ------------------------------------------


@pytest.mark.parametrize("name", sorted(BUNDLES))
def test_each_languages_letters_are_recorded(name: str) -> None:
    """The letters choose each language's font before the first paint, where the plain
    objects cannot be walked: recorded, they are the ones the model gives."""
    loaded = bundle(name)
    recorded = read(loaded, write(loaded))
    for language in loaded.model.languages:
        assert recorded.letters(language) == loaded.letters(language), language
        assert recorded.letters(language)  # every language has some letters
    # The checked model keeps them: the swap to it after the first paint walks nothing.
    assert recorded.checked().known_letters == recorded.known_letters


def test_the_narration_index_comes_back_checked() -> None:
    loaded = load_bundle(REPO_ROOT)  # the built-in bundle: narrated in two languages
    assert loaded.narration is not None
    recorded = read(loaded, write(loaded))
    assert isinstance(recorded.narration, PlainItem)  # no pydantic before the first paint
    checked = recorded.checked()
    assert checked.narration == loaded.narration
    assert type(checked.narration) is type(loaded.narration)


def test_a_bundle_without_narration_has_none_in_its_record(copy: LoadedBundle) -> None:
    assert copy.narration is None
    recorded = read(copy, write(copy))
    assert recorded.narration is None and recorded.checked().narration is None
