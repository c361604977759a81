"""The staff-facing command line: validate, info, pack and schema."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from kiosk.cli import main, narration_schema_text, schema_text
from tests.helpers.places import REPO_ROOT, SMALL_BUNDLE


def test_validate_valid_bundle_exits_zero(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(SMALL_BUNDLE)]) == 0
    assert "valid (small-test 2.1)" in capsys.readouterr().out


def test_validate_lists_every_problem_and_exits_one(
    small_bundle: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (small_bundle / "media" / "shape-a.svg").unlink()
    (small_bundle / "media" / "slide.svg").write_text("not svg")
    assert main(["validate", str(small_bundle)]) == 1
    err = capsys.readouterr().err
    assert "not valid, 3 problem(s)" in err
    assert "bundle.json: attract.slides[0].image: media/slide.svg is not a readable SVG" in err
    assert "bundle.json: exercises[0].steps[0].illustration: media/shape-a.svg is not in" in err
    assert "Traceback" not in err


def test_info_summarises(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["info", str(SMALL_BUNDLE)]) == 0
    out = capsys.readouterr().out
    for line in (
        "id:           small-test",
        "languages:    fr, en (default fr)",
        "exercises:    3",
    ):
        assert line in out


def test_pack_is_reproducible_and_validates(tmp_path: Path) -> None:
    first, second = tmp_path / "a.zip", tmp_path / "b.zip"
    assert main(["pack", str(SMALL_BUNDLE), "-o", str(first)]) == 0
    assert main(["pack", str(SMALL_BUNDLE), "-o", str(second)]) == 0
    assert first.read_bytes() == second.read_bytes()
    assert main(["validate", str(first)]) == 0
    names = zipfile.ZipFile(first).namelist()
    assert "bundle.json" in names and "clips/blue-clip.mp4" in names


def test_pack_takes_only_what_the_bundle_names(small_bundle: Path, tmp_path: Path) -> None:
    (small_bundle / "notes-for-staff.docx").write_text("draft")
    assert main(["pack", str(small_bundle), "-o", str(tmp_path / "b.zip")]) == 0
    assert "notes-for-staff.docx" not in zipfile.ZipFile(tmp_path / "b.zip").namelist()


def test_pack_refuses_an_invalid_folder(small_bundle: Path, tmp_path: Path) -> None:
    (small_bundle / "clips" / "blue-clip.mp4").unlink()
    assert main(["pack", str(small_bundle), "-o", str(tmp_path / "b.zip")]) == 1
    assert not (tmp_path / "b.zip").exists()


def test_schema_copy_in_repository_is_current() -> None:
    kept = (REPO_ROOT / "schema" / "bundle.schema.json").read_text(encoding="utf-8")
    assert kept == schema_text(), "run: kiosk schema > schema/bundle.schema.json"


def test_narration_schema_copy_in_repository_is_current() -> None:
    kept = (REPO_ROOT / "schema" / "narration.schema.json").read_text(encoding="utf-8")
    wanted = narration_schema_text()
    assert kept == wanted, "run: kiosk schema --narration > schema/narration.schema.json"


def test_every_command_has_help(capsys: pytest.CaptureFixture[str]) -> None:
    for command in ("validate", "info", "pack", "schema"):
        with pytest.raises(SystemExit) as done:
            main([command, "--help"])
        assert done.value.code == 0
        assert "usage: kiosk " + command in capsys.readouterr().out
