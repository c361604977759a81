"""Copying a bundle folder into staging: links, special files and excess are refused up front."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kiosk.content import BundleInvalid
from kiosk.content.limits import DEFAULT_LIMITS, Limits
from kiosk.store.copying import copy_folder, survey_folder


def refusal(source: Path, limits: Limits = DEFAULT_LIMITS) -> str:
    with pytest.raises(BundleInvalid) as caught:
        survey_folder(source, limits)
    return "\n".join(map(str, caught.value.problems))


def test_copy_reports_progress_and_copies_every_file(small_bundle: Path, tmp_path: Path) -> None:
    reported: list[float] = []
    copy_folder(small_bundle, tmp_path / "copy", Limits(), reported.append)
    originals = sorted(p.relative_to(small_bundle) for p in small_bundle.rglob("*"))
    assert sorted(p.relative_to(tmp_path / "copy") for p in (tmp_path / "copy").rglob("*")) == (
        originals
    )
    assert reported == sorted(reported) and reported[-1] == 1.0


def test_linked_folder_is_refused(small_bundle: Path) -> None:
    os.symlink("/etc", small_bundle / "media" / "more")
    assert "small: media/more is a link" in refusal(small_bundle)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_named_pipe_is_refused_not_read(small_bundle: Path) -> None:
    os.mkfifo(small_bundle / "media" / "pipe.svg")  # reading it would wait for ever
    assert "media/pipe.svg is not an ordinary file" in refusal(small_bundle)


def test_limits_on_one_file_and_on_entries(small_bundle: Path) -> None:
    assert "is over 1,000 bytes, the limit for one file" in refusal(
        small_bundle, Limits(file_bytes=1000)
    )
    assert "holds over 5 files and folders" in refusal(small_bundle, Limits(zip_entries=5))
