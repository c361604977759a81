"""A corpus of broken and hostile bundles: each is refused with a message that names the file,
the place in it and what is wrong, and never with a traceback."""

from __future__ import annotations

import tempfile
import zipfile
from pathlib import Path

import pytest

from kiosk.content import open_bundle
from kiosk.content.limits import Limits
from tests.helpers.corpus import (
    FOLDER_CASES,
    ZIP_CASES,
    Mutation,
    edit_json,
    messages,
    refusal,
    set_in,
    zip_of,
)


@pytest.mark.parametrize(
    ("mutation", "expected"),
    [case[1:] for case in FOLDER_CASES],
    ids=[case[0] for case in FOLDER_CASES],
)
def test_broken_folder_is_refused_with_a_plain_message(
    small_bundle: Path, mutation: Mutation, expected: str
) -> None:
    mutation(small_bundle)
    assert expected in messages(refusal(small_bundle))


def test_every_problem_is_reported_at_once(small_bundle: Path) -> None:
    edit_json(set_in("exercises[1].id", "arm-circle"))(small_bundle)
    edit_json(set_in("home.tiles[0].icon", "mdi6.not-an-icon"))(small_bundle)
    (small_bundle / "media" / "shape-b.svg").unlink()
    found = messages(refusal(small_bundle))
    assert "arm-circle is used more than once" in found
    assert "mdi6.not-an-icon" in found
    assert "exercises[0].steps[1].illustration: media/shape-b.svg is not in the bundle" in found
    assert "exercises[1].steps[2].illustration: media/shape-b.svg is not in the bundle" in found


def test_oversized_manifest_states_the_limit(small_bundle: Path) -> None:
    found = messages(refusal(small_bundle, Limits(manifest_bytes=1000)))
    assert "over the limit of 1,000 bytes for JSON" in found


def test_oversized_image_states_the_pixel_limit(small_bundle: Path) -> None:
    found = messages(refusal(small_bundle, Limits(image_pixels=1000)))
    assert "media/poster-blue.png is 64x36 pixels, over the limit of 1,000 pixels" in found


# --- Zips ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("extra", "expected"), [case[1:] for case in ZIP_CASES], ids=[case[0] for case in ZIP_CASES]
)
def test_hostile_zip_is_refused_and_writes_nothing_outside(
    small_bundle: Path, tmp_path: Path, extra, expected: str
) -> None:
    archive = zip_of(small_bundle, tmp_path / "bundle.zip", extra)
    scratch = Path(tempfile.gettempdir())
    before = set(scratch.iterdir())
    assert expected in messages(refusal(archive))
    assert set(scratch.iterdir()) == before  # the unpacking folder is gone too
    for escaped in (scratch.parent / "escaped.txt", Path("/escaped.txt"), scratch / "absolute.txt"):
        assert not escaped.exists()


def test_zip_over_entry_limit(small_bundle: Path, tmp_path: Path) -> None:
    archive = zip_of(small_bundle, tmp_path / "b.zip")
    assert "entries, over the limit of 5" in messages(refusal(archive, Limits(zip_entries=5)))


def test_zip_over_unpacked_size_counts_real_bytes(small_bundle: Path, tmp_path: Path) -> None:
    archive = zip_of(small_bundle, tmp_path / "b.zip")
    found = messages(refusal(archive, Limits(unpacked_bytes=10_000)))
    assert "unpacks to over 10,000 bytes, the limit for a bundle" in found


def test_zip_whose_header_lies_about_size_is_refused(tmp_path: Path) -> None:
    archive = tmp_path / "liar.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("bundle.json", b"{" + b" " * 300_000 + b"}")
    # Rewrite the declared uncompressed size (local header and central directory) to 2 bytes.
    data = bytearray(archive.read_bytes())
    real = (300_002).to_bytes(4, "little")
    for offset in range(len(data) - 4):
        if data[offset : offset + 4] == real:
            data[offset : offset + 4] = (2).to_bytes(4, "little")
    archive.write_bytes(bytes(data))
    found = messages(refusal(archive, Limits(file_bytes=100_000)))
    assert "liar.zip: is not a readable zip file (Bad CRC-32" in found


def test_truncated_zip(small_bundle: Path, tmp_path: Path) -> None:
    archive = zip_of(small_bundle, tmp_path / "b.zip")
    archive.write_bytes(archive.read_bytes()[:2000])
    assert "b.zip: is not a readable zip file" in messages(refusal(archive))


def test_not_a_zip(tmp_path: Path) -> None:
    archive = tmp_path / "notes.zip"
    archive.write_text("hello")
    assert "notes.zip: is not a readable zip file" in messages(refusal(archive))


def test_missing_path(tmp_path: Path) -> None:
    assert "does not exist" in messages(refusal(tmp_path / "nowhere.zip"))


def test_valid_zip_with_one_top_folder_loads(small_bundle: Path, tmp_path: Path) -> None:
    archive = tmp_path / "wrapped.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for path in sorted(small_bundle.rglob("*")):
            if path.is_file():
                zf.write(path, "clinic-bundle/" + path.relative_to(small_bundle).as_posix())
    with open_bundle(archive) as loaded:
        assert loaded.model.id == "small-test"
