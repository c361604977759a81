"""Validation of a bundle's narration: every text of every claimed language, made from the
texts as they are, in real Opus-in-Ogg files of a sane length; each problem names the index
file and the field."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.content import BundleInvalid, load_bundle
from kiosk.content.loader import inspect_bundle
from kiosk.content.problems import Problem
from tests.helpers.corpus import edit_manifest
from tests.helpers.narration import narrate_with_tones
from tests.helpers.ogg import ogg_opus
from tests.helpers.places import SMALL_BUNDLE

INDEX = "narration/index.json"


@pytest.fixture(scope="session")
def narrated_original(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("narrated") / "small"
    shutil.copytree(SMALL_BUNDLE, folder)
    narrate_with_tones(folder, ["fr", "en"])
    return folder


@pytest.fixture
def narrated(narrated_original: Path, tmp_path: Path) -> Path:
    """A fresh copy of the small bundle, narrated in French and English."""
    return Path(shutil.copytree(narrated_original, tmp_path / "small"))


def edit_index(folder: Path, change: Callable[[dict], None]) -> None:
    path = folder / INDEX
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def problems_of(folder: Path) -> list[Problem]:
    return list(inspect_bundle(folder).problems)


def only_problem(folder: Path) -> Problem:
    found = problems_of(folder)
    assert len(found) == 1, "\n".join(map(str, found))
    return found[0]


def title_recording(folder: Path, lang: str = "en") -> dict:
    return json.loads((folder / INDEX).read_text(encoding="utf-8"))["texts"]["title"][lang]


# --- A sound narration ---------------------------------------------------------------------


def test_a_narrated_bundle_loads_with_its_index_and_files(narrated: Path) -> None:
    loaded = load_bundle(narrated)
    assert loaded.narration is not None
    assert loaded.narration.languages == ["fr", "en"]
    recording = loaded.narration.recording("exercises[0].steps[0].instruction", "fr")
    assert recording is not None and recording.sentences[0].start >= 0
    assert loaded.narration.recording("wording.stop_if", "en") is not None
    assert loaded.narration.recording("wording.step_of", "en") is None  # holds {n}
    assert loaded.narration.recording("wording.step_of(n=1,total=2)", "en") is not None
    assert INDEX in loaded.files and recording.file in loaded.files


def test_a_bundle_without_narration_has_none(small_bundle: Path) -> None:
    assert load_bundle(small_bundle).narration is None


def test_narration_of_one_language_of_two_is_enough(small_bundle: Path) -> None:
    narrate_with_tones(small_bundle, ["en"])
    loaded = load_bundle(small_bundle)
    assert loaded.narration is not None and loaded.narration.languages == ["en"]


def test_a_recorded_voice_of_another_sane_length_is_accepted(narrated: Path) -> None:
    recording = title_recording(narrated)  # "Small test bundle": 0.9 s of tone, and pauses
    (narrated / recording["file"]).write_bytes(ogg_opus(recording["seconds"] * 1.8))
    assert problems_of(narrated) == []


# --- Coverage and languages ----------------------------------------------------------------


def test_a_missing_text_names_its_path_and_language(narrated: Path) -> None:
    edit_index(narrated, lambda data: data["texts"]["exercises[0].title"].pop("fr"))
    problem = only_problem(narrated)
    assert (problem.file, problem.path) == (INDEX, "texts")
    assert "has no narration for exercises[0].title (fr)" in problem.message


def test_a_missing_language_is_summed_up_after_a_few(narrated: Path) -> None:
    edit_index(narrated, lambda data: [by_lang.pop("fr") for by_lang in data["texts"].values()])
    messages = [p.message for p in problems_of(narrated)]
    assert len(messages) == 6
    assert "has no narration for title (fr)" in messages[0]
    assert messages[-1].startswith("has no narration for") and "more texts in fr" in messages[-1]


def test_a_claimed_language_must_be_the_bundles(narrated: Path) -> None:
    edit_index(narrated, lambda data: data["languages"].append("de"))
    problem = only_problem(narrated)
    assert problem.path == "languages[2]"
    assert problem.message == "de is not one of the bundle's languages (fr, en)"


def test_a_text_the_bundle_no_longer_has_is_named(narrated: Path) -> None:
    edit_index(narrated, lambda data: data["texts"].update({"exercises[9].title": {}}))
    problem = only_problem(narrated)
    assert problem.path == 'texts["exercises[9].title"]'
    assert "is not a text of this bundle" in problem.message


# --- Made from the text as it is now -------------------------------------------------------


def test_a_changed_text_makes_its_narration_stale(narrated: Path) -> None:
    edit_manifest(narrated, lambda data: data["title"].update({"en": "Small bundle for tests"}))
    problem = only_problem(narrated)
    assert (problem.file, problem.path) == (INDEX, 'texts["title"].en')
    assert problem.message == (
        "narration for title (en) was made for older text: run kiosk narrate"
    )
    with pytest.raises(BundleInvalid):
        load_bundle(narrated)


def test_changed_wording_is_left_unplayed_with_a_warning(narrated: Path) -> None:
    """The kiosk's own words may change with a newer kiosk: a narrated bundle stays on show,
    without the recordings of the words that changed."""
    edit_manifest(
        narrated,
        lambda data: data["interface_text"].update(
            {"stop_if": {"fr": "Cessez si", "en": "Quit if"}}
        ),
    )
    seen = inspect_bundle(narrated)
    assert seen.problems == ()
    stale = [w for w in seen.warnings if w.file == INDEX]
    assert {w.path for w in stale} == {'texts["wording.stop_if"].fr', 'texts["wording.stop_if"].en'}
    assert "was made for older text: run kiosk narrate" in stale[0].message
    loaded = load_bundle(narrated)
    assert loaded.narration.recording("wording.stop_if", "en") is None
    assert loaded.narration.recording("wording.home", "en") is not None


def test_wording_added_to_the_kiosk_since_is_a_warning(narrated: Path) -> None:
    edit_index(narrated, lambda data: data["texts"].pop("wording.read_to_me"))
    seen = inspect_bundle(narrated)
    assert seen.problems == ()
    messages = [w.message for w in seen.warnings if w.file == INDEX]
    assert "has no narration for wording.read_to_me (fr): run kiosk narrate" in messages


def test_a_sentence_must_be_in_its_text(narrated: Path) -> None:
    def change(data: dict) -> None:
        data["texts"]["title"]["en"]["sentences"][0]["text"] = "Large test bundle"

    edit_index(narrated, change)
    problem = only_problem(narrated)
    assert problem.path == 'texts["title"].en.sentences[0].text'
    assert problem.message == "is not in the text it belongs to"


def test_sentences_must_run_in_order_within_the_recording(narrated: Path) -> None:
    def change(data: dict) -> None:
        data["texts"]["title"]["en"]["sentences"][0]["end"] = 99

    edit_index(narrated, change)
    problem = only_problem(narrated)
    assert problem.path == 'texts["title"].en.sentences[0]'
    assert "must end after it starts" in problem.message


# --- Real audio of a sane length -----------------------------------------------------------


def test_a_missing_file_is_named_with_its_field(narrated: Path) -> None:
    recording = title_recording(narrated)
    (narrated / recording["file"]).unlink()
    problem = only_problem(narrated)
    assert (problem.file, problem.path) == (INDEX, 'texts["title"].en.file')
    assert problem.message == f"{recording['file']} is not in the bundle"


def test_a_file_that_is_not_opus_in_ogg_is_refused(narrated: Path) -> None:
    recording = title_recording(narrated)
    (narrated / recording["file"]).write_bytes(b"ID3\x03\x00" + bytes(2000))  # an MP3
    problem = only_problem(narrated)
    assert problem.path == 'texts["title"].en.file'
    assert (
        problem.message
        == f"{recording['file']} is not an Ogg audio file (its first bytes say otherwise)"
    )


def test_a_cut_file_is_refused(narrated: Path) -> None:
    recording = title_recording(narrated)
    path = narrated / recording["file"]
    path.write_bytes(path.read_bytes()[:-10])
    assert "ends part-way through an Ogg page" in only_problem(narrated).message


def test_a_file_far_longer_than_the_index_says_is_refused(narrated: Path) -> None:
    recording = title_recording(narrated)
    (narrated / recording["file"]).write_bytes(ogg_opus(recording["seconds"] * 4))
    problem = only_problem(narrated)
    assert "but it was made" in problem.message and "is it the right recording?" in problem.message


def test_a_file_too_short_for_its_words_is_refused(narrated: Path) -> None:
    index = json.loads((narrated / INDEX).read_text(encoding="utf-8"))
    path = max(index["texts"], key=lambda p: index["texts"][p]["en"]["seconds"])
    recording = index["texts"][path]["en"]
    assert recording["seconds"] > 4  # words enough that 0.3 s cannot be them read aloud
    recording["seconds"] = 0.3
    recording["sentences"] = [{**recording["sentences"][0], "start": 0, "end": 0.3}]
    (narrated / INDEX).write_text(json.dumps(index), encoding="utf-8")
    (narrated / recording["file"]).write_bytes(ogg_opus(0.3))
    problem = only_problem(narrated)
    assert problem.path == f'texts["{path}"].en.file'
    assert "too short or too long to be this text read aloud" in problem.message


# --- The index file itself -----------------------------------------------------------------


def test_an_index_that_is_not_json_is_named(narrated: Path) -> None:
    (narrated / INDEX).write_text("{ not json", encoding="utf-8")
    problem = only_problem(narrated)
    assert (problem.file, problem.path) == (INDEX, "")
    assert problem.message.startswith("is not valid JSON")


def test_a_schema_error_in_the_index_names_the_field(narrated: Path) -> None:
    edit_index(narrated, lambda data: data["texts"]["title"]["en"].update({"seconds": -1}))
    problem = only_problem(narrated)
    assert (problem.file, problem.path) == (INDEX, 'texts["title"].en.seconds')
    assert "greater than 0" in problem.message


def test_a_missing_index_is_named_in_bundle_json(narrated: Path) -> None:
    (narrated / INDEX).unlink()
    problem = only_problem(narrated)
    assert (problem.file, problem.path) == ("bundle.json", "narration")
    assert problem.message == f"{INDEX} is not in the bundle"


def test_kiosk_validate_reports_stale_narration(
    narrated: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edit_manifest(narrated, lambda data: data["safety_note"].update({"fr": "Demandez."}))
    assert main(["validate", str(narrated)]) == 1
    said = capsys.readouterr().err
    assert f'{INDEX}: texts["safety_note"].fr: narration for safety_note (fr) was made' in said
