"""The plain-words diff: the built-in bundle against a changed copy, every kind of change, in
English and Spanish; the same as JSON; and an installed id-version as either side."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.content import LoadedBundle, load_bundle
from kiosk.content.diff import BundleDiff, FieldChange, diff_bundles, diff_lines
from kiosk.paths import HOME_ENV
from kiosk.store import BundleStore
from tests.helpers.governance import builtin_copy, changed_builtin_copy
from tests.helpers.places import REPO_ROOT


@pytest.fixture(scope="module")
def changed(tmp_path_factory) -> LoadedBundle:
    return load_bundle(changed_builtin_copy(tmp_path_factory.mktemp("changed") / "bundle"))


@pytest.fixture(scope="module")
def diff(builtin, changed) -> BundleDiff:
    return diff_bundles(builtin, changed)


def item(diff: BundleDiff, kind: str, item_id: str):
    return next(i for i in diff.items if (i.kind, i.item_id) == (kind, item_id))


def test_items_added_and_removed(diff: BundleDiff) -> None:
    added = [(i.kind, i.item_id, i.title) for i in diff.items if i.status == "added"]
    removed = [(i.kind, i.item_id) for i in diff.items if i.status == "removed"]
    assert added == [("exercise", "wall-sit", "Wall sit")]
    assert removed == [("video", "standing-calf-stretch")]


def test_short_texts_show_old_and_new_words_in_each_language(diff: BundleDiff) -> None:
    bridge = item(diff, "exercise", "glute-bridge")
    assert bridge.status == "changed"
    assert FieldChange("title", "en", "Hip lift (bridge)", "Hip bridge") in bridge.fields
    assert FieldChange("title", "es", "Puente de cadera", "Puente de glúteos") in bridge.fields
    assert FieldChange("sets", None, "2", "3") in bridge.fields
    clinic = item(diff, "section", "clinic")
    assert clinic.fields == (
        FieldChange("name", "en", "Your chiropractic clinic", "Harbor Chiropractic"),
        FieldChange("name", "es", "Su clínica quiropráctica", "Quiropráctica Harbor"),
    )


def test_long_texts_show_a_count_of_changed_words_in_each_language(diff: BundleDiff) -> None:
    bridge = item(diff, "exercise", "glute-bridge")
    steps = {c.language: c for c in bridge.fields if c.where == "step 2, instruction"}
    assert steps["en"].changed_words == 2 and steps["en"].old is None  # "Hold it" -> "Stay"
    assert steps["es"].changed_words == 1  # "así." -> "quieto."
    note = {c.language: c.changed_words for c in item(diff, "section", "safety_note").fields}
    assert note == {"en": 7, "es": 5}


def test_a_picker_result_and_its_cases_changed_outcome(diff: BundleDiff) -> None:
    usual = item(diff, "ice-or-heat result", "ice-usual")
    assert FieldChange("outcome", None, "ice", "either") in usual.fields
    assert [c.answers for c in diff.cases] == ["No > No > Yes > No > No > No > No > No"]
    assert diff.cases[0].old == '"Ice is usually best" (ice)'
    assert diff.cases[0].new == '"Ice or heat: both are fine" (ice or heat)'


def test_media_replaced_added_and_removed_with_sizes(
    diff: BundleDiff, builtin: LoadedBundle
) -> None:
    media = {m.path: m for m in diff.media}
    redrawn = media["assets/illustrations/glute-bridge-1.svg"]
    assert redrawn.status == "replaced" and redrawn.new_bytes > redrawn.old_bytes
    assert media["assets/illustrations/wall-sit-1.svg"].status == "added"
    audio = {r.file for by_lang in builtin.narration.texts.values() for r in by_lang.values()}
    summed = f"narration audio, {len(audio)} files"  # one line, not one per recording
    assert {p for p, m in media.items() if m.status == "removed"} == {
        "videos/standing-calf-stretch.mp4",
        "videos/standing-calf-stretch.en.vtt",
        "videos/standing-calf-stretch.es.vtt",
        "assets/posters/standing-calf-stretch.png",
        "narration/index.json",
        summed,
    }
    assert media[summed].old_bytes == sum((builtin.root / f).stat().st_size for f in audio)
    assert len(media) == 8  # nothing else changed


def test_review_records_changed(diff: BundleDiff) -> None:
    reviews = {r.item: r.fields for r in diff.reviews}
    assert reviews == {
        'exercise "Hip bridge"': (FieldChange("review by", None, "2027-11-02", "2028-05-02"),),
        'ice-or-heat questions "Ice or heat?"': (
            FieldChange("reviewed by", None, "Clinic chiropractor", "Clinic lead chiropractor"),
        ),
    }


def test_the_words_a_front_desk_person_reads(diff: BundleDiff) -> None:
    text = "\n".join(diff_lines(diff))
    for line in (
        "What changes from knee-care 1.0.0 to knee-care 1.1.0:",
        'Added (1):\n  exercise "Wall sit" (wall-sit)',
        'Removed (1):\n  video "Standing calf stretch" (standing-calf-stretch)',
        '    title, English: "Hip lift (bridge)" → "Hip bridge"',
        '    title, Spanish: "Puente de cadera" → "Puente de glúteos"',
        "    step 2, instruction, Spanish: 1 word changed",
        "    sets: 2 → 3",
        "  the safety note on home:\n    English: 7 words changed\n    Spanish: 5 words changed",
        "  replaced assets/illustrations/glute-bridge-1.svg: ",
        "Ice or heat, case by case (1):\n  No > No > Yes > No > No > No > No > No: was "
        '"Ice is usually best" (ice), now "Ice or heat: both are fine" (ice or heat)',
        'Review records (2):\n  exercise "Hip bridge": review by: 2027-11-02 → 2028-05-02',
    ):
        assert line in text, line


def test_the_same_bundle_changes_nothing(builtin) -> None:
    same = diff_bundles(builtin, builtin)
    assert same.is_empty()
    assert diff_lines(same)[1] == "  Nothing: the content and the media are the same."


def test_kiosk_diff_prints_words_or_json(changed: LoadedBundle, capsys) -> None:
    assert main(["diff", str(REPO_ROOT), str(changed.root)]) == 0
    assert 'Added (1):\n  exercise "Wall sit" (wall-sit)' in capsys.readouterr().out
    assert main(["diff", str(REPO_ROOT), str(changed.root), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["old"], data["new"]) == ("knee-care 1.0.0", "knee-care 1.1.0")
    assert {"items", "media", "cases", "reviews"} <= set(data)
    assert data["cases"][0]["new"] == '"Ice or heat: both are fine" (ice or heat)'


def test_kiosk_diff_takes_an_installed_id_version(
    changed: LoadedBundle, tmp_path: Path, monkeypatch, capsys
) -> None:
    monkeypatch.setenv(HOME_ENV, str(tmp_path / "home"))
    BundleStore().install(builtin_copy(tmp_path / "old"))
    BundleStore().install(changed.root)
    assert main(["diff", "knee-care-1.0.0", "knee-care-1.1.0"]) == 0
    assert "What changes from knee-care 1.0.0 to knee-care 1.1.0:" in capsys.readouterr().out
    assert main(["diff", "knee-care-1.0.0", "knee-care-9.9"]) == 1
    assert "knee-care-9.9: does not exist" in capsys.readouterr().err
