"""Making a bundle without JSON, end to end: kiosk new -> add-video (a real non-H.264 clip
and SubRip captions) -> validate -> pack -> install."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kiosk.authoring.captions import srt_to_vtt
from kiosk.cli import main
from kiosk.content import load_bundle
from kiosk.content.limits import DEFAULT_LIMITS
from kiosk.content.media import check_media
from kiosk.content.model import VideoFile
from kiosk.paths import HOME_ENV
from tests.authoring.sources import SRT, make_camera_clip

pytest.importorskip("av")


def test_srt_becomes_webvtt() -> None:
    vtt = srt_to_vtt(SRT.replace("\n", "\r\n"))
    assert vtt.startswith("WEBVTT\n\n1\n00:00:00.500 --> 00:00:02.000\nSit tall")
    assert "," not in vtt.split("\n")[3]


def test_new_then_add_video_then_validate_pack_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    monkeypatch.setenv(HOME_ENV, str(tmp_path / "home"))
    folder = tmp_path / "harbor"
    assert main(["new", str(folder), "--languages", "es,en,vi"]) == 0
    assert (folder / "README.md").is_file()
    assert main(["validate", str(folder)]) == 0

    clip = make_camera_clip(tmp_path / "Chin Tuck.avi")
    captions = []
    for lang in ("es", "en", "vi"):
        (tmp_path / f"chin.{lang}.srt").write_text(SRT, encoding="utf-8")
        captions += ["--captions", f"{lang}={tmp_path / f'chin.{lang}.srt'}"]
    capsys.readouterr()
    assert main(["add-video", str(folder), str(clip), *captions]) == 0
    said = capsys.readouterr()
    assert "Added video chin-tuck" in said.out and "100%" in said.err

    data = json.loads((folder / "bundle.json").read_text(encoding="utf-8"))
    item = data["videos"]["items"][-1]
    assert item["file"] == "videos/chin-tuck.mp4" and item["poster"] == "posters/chin-tuck.png"
    video = folder / item["file"]
    assert check_media(video, VideoFile(item["file"]), DEFAULT_LIMITS) is None  # H.264 + AAC
    _assert_kiosk_profile(video)
    assert (folder / item["captions"]["vi"]).read_text(encoding="utf-8").startswith("WEBVTT")

    assert main(["validate", str(folder)]) == 0
    bundle_zip = tmp_path / "harbor.zip"
    assert main(["pack", str(folder), "-o", str(bundle_zip)]) == 0
    capsys.readouterr()
    assert main(["install", str(bundle_zip)]) == 0
    said = capsys.readouterr().out
    assert "when the kiosk next starts" in said and "press Activate now." not in said.split(".")[0]
    assert "restart the kiosk" in said
    loaded = load_bundle(tmp_path / "home" / "data" / "bundles" / "my-clinic-0.1")
    assert "chin-tuck" in {v.id for v in loaded.model.videos.items}


def _assert_kiosk_profile(path: Path) -> None:
    import av

    with av.open(str(path)) as container:
        video = container.streams.video[0].codec_context
        audio = container.streams.audio[0].codec_context
        assert (video.name, video.width, video.height) == ("h264", 1280, 720)
        assert audio.name == "aac"
        seconds = container.duration / 1_000_000
    assert path.stat().st_size / (seconds / 60) <= 2_000_000  # at most 2 MB a minute
    head = path.read_bytes()[: 64 * 1024]
    assert head.find(b"moov") < head.find(b"mdat")  # fast start: the index comes first


def test_add_video_names_what_is_missing(tmp_path: Path, capsys) -> None:
    folder = tmp_path / "b"
    assert main(["new", str(folder)]) == 0
    assert main(["add-video", str(folder), str(tmp_path / "nothing.mov")]) == 1
    assert "nothing.mov: no such file" in capsys.readouterr().err
    assert main(["add-video", str(folder), str(folder / "bundle.json"), "--captions", "xx"]) == 1
    assert "LANG=FILE" in capsys.readouterr().err


def test_new_refuses_a_folder_in_use(tmp_path: Path, capsys) -> None:
    (tmp_path / "used").mkdir()
    (tmp_path / "used" / "notes.txt").write_text("mine")
    assert main(["new", str(tmp_path / "used")]) == 1
    assert "is not empty" in capsys.readouterr().err


def test_new_from_a_bundle_copies_it(tmp_path: Path) -> None:
    from tests.helpers.places import SMALL_BUNDLE

    assert main(["new", str(tmp_path / "copy"), "--from", str(SMALL_BUNDLE)]) == 0
    assert load_bundle(tmp_path / "copy").model.id == "small-test"
    assert (tmp_path / "copy" / "README.md").is_file()


def test_without_pyav_add_video_says_how_to_get_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    import sys

    folder = tmp_path / "b"
    assert main(["new", str(folder)]) == 0
    (tmp_path / "clip.mov").write_bytes(b"not really")
    monkeypatch.setitem(sys.modules, "av", None)  # as if PyAV were not installed
    assert main(["add-video", str(folder), str(tmp_path / "clip.mov")]) == 1
    assert "pip install 'knee-kiosk[authoring]'" in capsys.readouterr().err
