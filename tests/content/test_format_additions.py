"""Issue 17's additions to the format, in the model: ids with _ and ., a long reverse-DNS
bundle id, slide icons, the home greeting, emphasis, a typeface without bold, and every
problem reported at once when the schema fails part of the bundle."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from kiosk.content import BundleInvalid, load_bundle
from kiosk.content.fonts import read_face
from kiosk.content.loader import inspect_bundle
from tests.helpers.corpus import edit_json, font_named
from tests.helpers.places import REPO_ROOT

FONTS = REPO_ROOT / "assets" / "fonts"


def problems_of(root: Path) -> list[str]:
    with pytest.raises(BundleInvalid) as refusal:
        load_bundle(root)
    return [str(problem) for problem in refusal.value.problems]


def rename_exercise(old: str, new: str):
    def change(data: dict) -> None:
        for exercise in data["exercises"]:
            if exercise["id"] == old:
                exercise["id"] = new

    return change


def test_ids_may_hold_underscores_and_dots(small_bundle: Path) -> None:
    def change(data: dict) -> None:
        data["id"] = "org.harborstreetphysio.back-neck-desk_" + "x" * 80
        data["exercises"][0]["id"] = "ex_chin_tuck"
        nodes = data["picker"]["nodes"]
        nodes["q_when.new"] = nodes.pop("second")
        for node in nodes.values():
            for answer in node.get("answers", []):
                if answer["next"] == "second":
                    answer["next"] = "q_when.new"

    edit_json(change)(small_bundle)
    loaded = load_bundle(small_bundle)
    assert len(loaded.model.id) == 118
    assert loaded.model.exercises[0].id == "ex_chin_tuck"
    assert "q_when.new" in loaded.model.picker.nodes


@pytest.mark.parametrize(
    "bad_id", ["Org.example", "x" * 129, "-leading-dash", "has space", "a/b", ".hidden"]
)
def test_bundle_ids_outside_the_form_are_refused(small_bundle: Path, bad_id: str) -> None:
    edit_json(lambda data: data.update(id=bad_id))(small_bundle)
    assert any(problem.startswith("bundle.json: id:") for problem in problems_of(small_bundle))


def test_item_ids_stay_short_and_plain(small_bundle: Path) -> None:
    edit_json(lambda data: data["exercises"][0].update(id="x" * 64))(small_bundle)
    assert any("exercises[0].id" in problem for problem in problems_of(small_bundle))


def test_a_slide_icon_and_a_greeting_are_read(small_bundle: Path) -> None:
    def change(data: dict) -> None:
        data["attract"]["slides"][0]["icon"] = "mdi6.human-greeting"
        data["home"]["greeting"] = {"en": "Welcome", "fr": "Bienvenue"}

    edit_json(change)(small_bundle)
    model = load_bundle(small_bundle).model
    assert model.attract.slides[0].icon == "mdi6.human-greeting"
    assert model.home.greeting.get("en") == "Welcome"


def test_an_unknown_slide_icon_and_a_greeting_in_one_language_are_refused(
    small_bundle: Path,
) -> None:
    def change(data: dict) -> None:
        data["attract"]["slides"][0]["icon"] = "mdi6.no-such-icon-here"
        data["home"]["greeting"] = {"en": "Welcome"}

    edit_json(change)(small_bundle)
    problems = problems_of(small_bundle)
    assert any("attract.slides[0].icon: mdi6.no-such-icon-here" in p for p in problems)
    assert any("home.greeting: has no text in fr" in p for p in problems)


def test_a_schema_error_does_not_hide_the_later_checks(small_bundle: Path) -> None:
    """An unknown field, a missing file, a bad picker target and a missing translation: all
    four are reported in one round, each with its path."""

    def change(data: dict) -> None:
        data["exercises"][0]["colour"] = "blue"  # unknown field: a schema error
        data["exercises"][0]["steps"][0]["illustration"] = "media/gone.svg"  # a file check
        first = next(iter(data["picker"]["nodes"].values()))
        first["answers"][0]["next"] = "nowhere"  # the picker check
        data["safety_note"].pop("en")  # the language check
        data["videos"]["items"][0]["poster"] = 7  # a second section fails the schema

    edit_json(change)(small_bundle)
    problems = problems_of(small_bundle)
    expected = [
        "exercises[0].colour: is not a field the kiosk knows",
        "exercises[0].steps[0].illustration: media/gone.svg is not in the bundle",
        "nowhere is not a node in the picker",
        "safety_note: has no text in en",
        "videos.items[0].poster",
    ]
    for wanted in expected:
        assert any(wanted in problem for problem in problems), (wanted, problems)


def test_inspection_keeps_what_parsed(small_bundle: Path) -> None:
    edit_json(lambda data: data["videos"].update(title=3))(small_bundle)
    seen = inspect_bundle(small_bundle)
    assert seen.model is not None and seen.model.videos is None
    assert seen.model.exercises and seen.problems


def test_emphasis_where_it_shows_plain_is_a_warning(small_bundle: Path) -> None:
    edit_json(lambda data: data["exercises"][0]["title"].update(en="Arm **circles**"))(small_bundle)
    loaded = load_bundle(small_bundle)  # still valid: bundles made before keep working
    warnings = [str(w) for w in loaded.warnings]
    assert any("exercises[0].title.en: has **emphasis**" in w for w in warnings), warnings


def test_a_typeface_without_bold_is_warned_about(small_bundle: Path) -> None:
    shutil.copytree(FONTS, small_bundle / "fonts")
    regular = {"file": "fonts/AtkinsonHyperlegible-Regular.ttf", "licence": "fonts/OFL.txt"}
    bold = {"file": "fonts/AtkinsonHyperlegible-Bold.ttf", "licence": "fonts/OFL.txt"}
    edit_json(lambda data: data.update(fonts=[regular]))(small_bundle)
    warnings = [str(w) for w in load_bundle(small_bundle).warnings]
    assert any("fonts: the typeface Atkinson Hyperlegible has no bold" in w for w in warnings)
    edit_json(lambda data: data.update(fonts=[regular, bold]))(small_bundle)
    assert not [w for w in load_bundle(small_bundle).warnings if w.path == "fonts"]


def test_font_faces_are_read_from_their_tables() -> None:
    regular = read_face(FONTS / "AtkinsonHyperlegible-Regular.ttf")
    bold = read_face(FONTS / "AtkinsonHyperlegible-Bold.ttf")
    assert regular is not None and bold is not None
    assert regular.family == bold.family == "Atkinson Hyperlegible"
    assert (regular.bold, bold.bold) == (False, True)


def test_bundle_json_as_written_today_stays_valid() -> None:
    """The format's additions are all optional: the small bundle as committed has none."""
    data = json.loads((REPO_ROOT / "tests" / "bundles" / "small" / "bundle.json").read_text())
    assert "greeting" not in data["home"]
    assert all("icon" not in slide for slide in data["attract"]["slides"])
    load_bundle(REPO_ROOT / "tests" / "bundles" / "small")


def test_a_family_name_the_stylesheet_cannot_hold_is_warned_about(small_bundle: Path) -> None:
    shutil.copytree(FONTS, small_bundle / "fonts")
    font_named(
        FONTS / "AtkinsonHyperlegible-Regular.ttf",
        small_bundle / "fonts" / "Odd.ttf",
        "Hyperlegible",
        'Hyper"egible',
    )
    odd = {"file": "fonts/Odd.ttf", "licence": "fonts/OFL.txt"}
    edit_json(lambda data: data.update(fonts=[odd]))(small_bundle)
    warnings = [str(w) for w in load_bundle(small_bundle).warnings]  # valid: it is left out
    assert any(
        "fonts[0].file: fonts/Odd.ttf names its family 'Atkinson Hyper\"egible'" in w
        for w in warnings
    ), warnings
