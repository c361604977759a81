"""The picker's format: outcomes, steps, disclaimer and links, and the tree's own test cases."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.content import BundleInvalid, load_bundle
from kiosk.content.model import Result
from tests.helpers.corpus import edit_manifest
from tests.helpers.places import SMALL_BUNDLE


def problems_of(folder: Path) -> list[str]:
    with pytest.raises(BundleInvalid) as refused:
        load_bundle(folder)
    return [str(problem) for problem in refused.value.problems]


def test_the_small_tree_passes_every_case_and_warns_of_nothing(small) -> None:
    picker = small.model.picker
    assert len(picker.cases) >= 5 and small.warnings == ()
    outcomes = {node.outcome for node in picker.nodes.values() if isinstance(node, Result)}
    assert outcomes == {"ice", "heat", "either", "caution", "front_desk"}
    assert picker.disclaimer is not None
    assert picker.nodes["urgent"].what_to_do and picker.nodes["go-either"].links


def test_a_case_broken_by_editing_the_tree_fails_naming_its_index(small_bundle: Path) -> None:
    def swap_ice_and_heat(data: dict) -> None:
        answers = data["picker"]["nodes"]["second"]["answers"]
        answers[0]["next"], answers[1]["next"] = "go-heat", "go-ice"

    found = problems_of(edit_manifest(small_bundle, swap_ice_and_heat))
    assert found == [
        "bundle.json: picker.cases[2].result: case 2: the answers now reach go-heat, not go-ice",
        "bundle.json: picker.cases[3].result: case 3: the answers now reach go-ice, not go-heat",
    ]


def test_a_case_whose_answer_has_gone_fails_at_that_answer(small_bundle: Path) -> None:
    def rename_the_legs_answer(data: dict) -> None:
        data["picker"]["nodes"]["first"]["answers"][3]["id"] = "weak-legs"

    found = problems_of(edit_manifest(small_bundle, rename_the_legs_answer))
    assert len(found) == 1
    assert found[0].startswith("bundle.json: picker.cases[1].answers[0]: 'legs' is not exactly one")
    assert "weak-legs" in found[0]  # the answers it could have named


@pytest.mark.parametrize(
    ("case", "where", "words"),
    [
        ({"answers": ["cool"], "result": "go-ice"}, "result", "stop at the question second"),
        ({"answers": ["warm", "Oui"], "result": "urgent"}, "answers[1]", "already reached urgent"),
        ({"answers": ["warm"], "result": "second"}, "result", "second is a question"),
        ({"answers": ["warm"], "result": "nowhere"}, "result", "not a node in the picker"),
    ],
)
def test_a_case_that_cannot_hold_says_why(small_bundle: Path, case, where, words) -> None:
    found = problems_of(edit_manifest(small_bundle, lambda d: d["picker"]["cases"].append(case)))
    assert len(found) == 1 and f"picker.cases[6].{where}: case 6: " in found[0]
    assert words in found[0]


def test_an_unreached_red_flag_is_a_warning_that_leads_the_list(small_bundle: Path) -> None:
    def drop_the_red_flag_cases(data: dict) -> None:
        data["picker"]["cases"] = [c for c in data["picker"]["cases"] if c["result"] != "urgent"]
        data["picker"]["cases"] = [c for c in data["picker"]["cases"] if c["result"] != "go-heat"]

    loaded = load_bundle(edit_manifest(small_bundle, drop_the_red_flag_cases))
    assert [str(w) for w in loaded.warnings] == [
        "bundle.json: picker.nodes.urgent: no picker case reaches this red flag (front_desk);"
        " add one to picker.cases",
        "bundle.json: picker.nodes.go-heat: no picker case reaches this result;"
        " add one to picker.cases",
    ]


def test_validate_prints_warnings_and_still_passes(small_bundle: Path, capsys) -> None:
    edit_manifest(small_bundle, lambda data: data["picker"].pop("cases"))
    assert main(["validate", str(small_bundle)]) == 0
    out = capsys.readouterr().out
    assert "warning: bundle.json: picker.nodes.urgent: no picker case reaches this red flag" in out


def test_info_prints_each_case_and_where_it_leads(capsys) -> None:
    assert main(["info", str(SMALL_BUNDLE)]) == 0
    out = capsys.readouterr().out
    assert "picker cases: 6" in out
    assert "  [0] warm -> urgent (front_desk): ok" in out
    assert "      why: A warm joint is a red flag." in out
    assert "  [5] Je ne sais pas > Non -> go-either (either): ok" in out


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            lambda d: d["picker"]["nodes"]["go-ice"].update(outcome="maybe"),
            "picker.nodes.go-ice.outcome: input should be 'ice', 'heat', 'either', 'caution' or",
        ),
        (
            lambda d: d["picker"]["nodes"]["go-either"]["links"].append({"target": "exercise:x"}),
            "picker.nodes.go-either.links[2].target: no exercise has id x",
        ),
        (
            lambda d: d["articles"][0]["links"].append({"target": "article:gone"}),
            "articles[0].links[1].target: no article has id gone",
        ),
        (
            lambda d: d["picker"]["nodes"]["go-ice"]["links"].append({"target": "videos/x"}),
            "picker.nodes.go-ice.links[1].target: 'videos/x' is not in the expected form",
        ),
        (
            lambda d: d["picker"]["nodes"]["go-ice"].update(what_to_do=[{"en": "Only English"}]),
            "picker.nodes.go-ice.what_to_do[0]: has no text in fr",
        ),
        (
            lambda d: d["picker"]["nodes"]["first"]["answers"][1].update(id="warm"),
            "picker.nodes.first.answers[1].id: warm names two answers of this question",
        ),
    ],
)
def test_bad_picker_fields_are_named(small_bundle: Path, change, expected) -> None:
    found = problems_of(edit_manifest(small_bundle, change))
    assert any(expected in problem for problem in found), found


def test_a_bundle_without_the_new_fields_stays_valid(small_bundle: Path) -> None:
    def as_before(data: dict) -> None:
        picker = data["picker"]
        for key in ("cases", "disclaimer"):
            picker.pop(key)
        for node in picker["nodes"].values():
            for key in ("what_to_do", "links"):
                node.pop(key, None)
            for answer in node.get("answers", []):
                answer.pop("id", None)
        data["articles"][0].pop("links")

    assert load_bundle(edit_manifest(small_bundle, as_before)).model.picker.cases == []
