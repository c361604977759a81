"""Narration of the words with numbers or bundle words filled in ("Step 2 of 5", "Hold for 10
seconds", the About screen's lines): every one a patient can see is known from the bundle,
made by `kiosk narrate`, and required of an index that claims it (version 2); an older index
still loads, without them, and says so."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest

from kiosk.content import load_bundle
from kiosk.content.about import about_sections
from kiosk.content.dates import long_date
from kiosk.content.filled import exercise_fillings
from kiosk.content.loader import inspect_bundle
from kiosk.content.narration import narrated_texts
from kiosk.content.spoken import filled_path, is_filled
from kiosk.flows.workout import Workout
from tests.helpers.narration import narrate_with_tones
from tests.helpers.places import REPO_ROOT, SMALL_BUNDLE, TESTS_DIR

INDEX = "narration/index.json"
BUILTIN_BUNDLE = REPO_ROOT
CLINIC_BUNDLE = TESTS_DIR / "bundles" / "clinic"


@pytest.fixture(scope="module")
def narrated_original(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("narrated") / "clinic"
    shutil.copytree(CLINIC_BUNDLE, folder)
    model = load_bundle(folder).model
    narrate_with_tones(folder, list(model.languages))
    return folder


@pytest.fixture
def narrated(narrated_original: Path, tmp_path: Path) -> Path:
    """A fresh copy of the clinic test bundle (reviews, credits), narrated in each language."""
    return Path(shutil.copytree(narrated_original, tmp_path / "clinic"))


def edit_index(folder: Path, change) -> None:
    path = folder / INDEX
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def shown_by_a_workout(exercise) -> set[str]:
    """The filled texts a patient meets doing `exercise` to its end, step by step and set by
    set, and finishing it early after each repeat: followed on the real Workout."""
    seen: set[str] = set()

    def note(workout: Workout) -> None:
        plan = workout.plan
        seen.add(filled_path("step_of", n=workout.step + 1, total=plan.step_count))
        seen.add(filled_path("set_of", n=workout.set_number, total=plan.sets))
        seen.add(filled_path("rep_of", n=workout.repeat_number, total=plan.repetitions))
        if exercise.steps[workout.step].hold:
            seen.add(filled_path("hold_for", seconds=plan.hold_seconds))
        if 0 < workout.total_done < plan.total_repetitions:
            seen.add(
                filled_path("reps_done", done=workout.total_done, total=plan.total_repetitions)
            )

    workout = Workout.of(exercise)
    for _ in range(10_000):
        note(workout)
        if workout.finished:
            break
        if workout.resting:
            workout.tick()
        elif workout.counts_here:
            workout.count_repeat()
        else:
            workout.next()
    assert workout.finished
    seen.add(filled_path("sets_reps", sets=exercise.sets, reps=exercise.repetitions))
    return seen


@pytest.mark.parametrize("bundle", [BUILTIN_BUNDLE, CLINIC_BUNDLE, SMALL_BUNDLE])
def test_every_filled_text_a_workout_shows_is_listed(bundle: Path) -> None:
    model = load_bundle(bundle).model
    for exercise in model.exercises:
        listed = {filled_path(key, **values) for key, values in exercise_fillings(exercise)}
        missing = shown_by_a_workout(exercise) - listed
        assert not missing, f"{exercise.id}: {sorted(missing)}"


def test_the_filled_texts_are_worded_in_each_language() -> None:
    model = load_bundle(BUILTIN_BUNDLE).model
    texts = narrated_texts(model, ["en", "es"])
    assert texts["wording.step_of(n=2,total=4)"] == {"en": "Step 2 of 4", "es": "Paso 2 de 4"}
    assert texts["wording.hold_for(seconds=20)"]["en"] == "Hold for 20 seconds"
    assert texts["wording.set_of(n=1,total=2)"]["es"] == "Serie 1 de 2"
    assert texts["wording.reps_done(done=29,total=30)"]["en"] == "You did 29 of 30 repeats."
    assert not any(is_filled(path) for path in narrated_texts(model, ["en"], version=1))


def test_the_about_lines_are_what_the_bundle_says() -> None:
    model = load_bundle(BUILTIN_BUNDLE).model
    sections = about_sections(model, "es")
    lines = [line for section in sections for line in section.lines]
    assert lines[0].path == "wording.about_clinic(clinic=clinic.name)"
    assert lines[0].words == "Esta información es de Su clínica quiropráctica."
    assert "wording.about_reviewed(date=2026-11-16)" in [line.path for line in lines]
    headings = [section.heading.path for section in sections if section.heading]
    assert headings == ["wording.about_sources", "wording.about_media"]


def test_a_date_in_a_language_the_kiosk_does_not_write_is_left_unread() -> None:
    model = load_bundle(BUILTIN_BUNDLE).model
    assert long_date(date(2026, 11, 16), "de") is None
    paths = [line.path for section in about_sections(model, "de") for line in section.lines]
    assert not any(path.startswith("wording.about_reviewed") for path in paths)


# --- In the index ----------------------------------------------------------------------------


def test_kiosk_narrate_makes_every_filled_text_in_every_language(narrated: Path) -> None:
    loaded = load_bundle(narrated)
    index = loaded.narration
    assert index is not None and index.narration_version == 2
    expected = narrated_texts(loaded.model, index.languages)
    filled = [path for path in expected if is_filled(path)]
    assert len(filled) >= 10
    assert set(expected["wording.about_clinic(clinic=clinic.name)"]) == {"es", "vi"}
    for path in filled:
        for lang in expected[path]:
            assert index.recording(path, lang) is not None, (path, lang)
    assert [w for w in inspect_bundle(narrated).warnings if w.file == INDEX] == []


def test_a_missing_filled_text_is_a_problem_naming_file_and_field(narrated: Path) -> None:
    path = "wording.step_of(n=2,total=2)"
    edit_index(narrated, lambda data: data["texts"][path].pop("vi"))
    problems = inspect_bundle(narrated).problems
    assert [(p.file, p.path) for p in problems] == [(INDEX, "texts")]
    assert f"has no narration for {path} (vi): run kiosk narrate" in problems[0].message


def test_a_missing_about_line_is_a_problem(narrated: Path) -> None:
    def drop(data: dict) -> None:
        for path in [p for p in data["texts"] if p.startswith("wording.about_clinic(")]:
            del data["texts"][path]

    edit_index(narrated, drop)
    messages = [p.message for p in inspect_bundle(narrated).problems]
    assert any("wording.about_clinic(clinic=clinic.name)" in m for m in messages), messages


def test_an_index_made_before_still_loads_without_them_and_says_so(narrated: Path) -> None:
    """Version 1 (made by an earlier kiosk): played as before, with one warning."""
    model = load_bundle(narrated).model
    old_texts = narrated_texts(model, list(model.languages), version=1)

    def make_old(data: dict) -> None:
        data["narration_version"] = 1
        data["texts"] = {p: r for p, r in data["texts"].items() if p in old_texts}

    edit_index(narrated, make_old)
    seen = inspect_bundle(narrated)
    assert seen.problems == ()
    unread = len(narrated_texts(model, list(model.languages))) - len(old_texts)
    [warning] = [w for w in seen.warnings if w.file == INDEX]
    assert warning.path == "narration_version"
    assert f"{unread} texts are not read aloud; run kiosk narrate" in warning.message
    loaded = load_bundle(narrated)
    assert loaded.narration.recording("wording.step_of(n=1,total=2)", "es") is None
    assert loaded.narration.recording("title", "es") is not None


def test_an_index_of_an_unknown_version_is_refused_with_its_field(narrated: Path) -> None:
    edit_index(narrated, lambda data: data.update({"narration_version": 3}))
    problems = inspect_bundle(narrated).problems
    assert [(p.file, p.path) for p in problems] == [(INDEX, "narration_version")]
