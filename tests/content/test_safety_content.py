"""The bundle's stop_guidance and take-home addresses: what validation says, by JSON path, and
which address each item leads to."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.content import load_bundle
from kiosk.content.model import MAX_WEB_ADDRESS
from kiosk.content.take_home import joined, short_address, take_home_address
from tests.helpers.corpus import DELETE, edit_json, messages, refusal, set_in

BAD_ADDRESSES = [
    ("ftp://example.org/arm", "not a web address"),
    ("example.org/arm", "not a web address"),
    ("https://example.org/a page", "not a web address"),
    ("https://exámple.org/arm", "not a web address"),
    ("https:///arm", "not a web address"),
    ("javascript:alert(1)", "not a web address"),
    ("https://example.org/" + "a" * MAX_WEB_ADDRESS, "at most 300 characters"),
]


@pytest.mark.parametrize(("address", "why"), BAD_ADDRESSES, ids=[a[:24] for a, _ in BAD_ADDRESSES])
@pytest.mark.parametrize(
    "where",
    ["exercises[0].take_home_url", "articles[0].take_home_url", "videos.take_home_url"],
)
def test_a_bad_take_home_address_is_refused_by_its_path(
    small_bundle: Path, where: str, address: str, why: str
) -> None:
    edit_json(set_in(where, address))(small_bundle)
    found = messages(refusal(small_bundle))
    assert f"bundle.json: {where}: " in found and why in found


def test_a_bad_take_home_base_is_refused_by_its_path(small_bundle: Path) -> None:
    edit_json(set_in("clinic.take_home_base", "mailto:desk@example.org"))(small_bundle)
    assert "clinic.take_home_base: mailto:desk@example.org is not a web address" in messages(
        refusal(small_bundle)
    )


def test_a_base_that_makes_an_address_too_long_names_the_item(small_bundle: Path) -> None:
    base = "https://example.org/" + "b" * (MAX_WEB_ADDRESS - len("https://example.org/") - 5)
    edit_json(set_in("clinic.take_home_base", base))(small_bundle)
    found = messages(refusal(small_bundle))
    assert "clinic.take_home_base: with exercises[0]'s id the take-home address is" in found
    assert "exercises[1]" not in found  # toe-tap has its own address


def test_missing_stop_guidance_is_a_warning_naming_its_path(small_bundle: Path) -> None:
    edit_json(set_in("stop_guidance", DELETE))(small_bundle)
    loaded = load_bundle(small_bundle)  # still valid: bundles made before it stay so
    warnings = [str(w) for w in loaded.warnings]
    assert any(w.startswith("bundle.json: stop_guidance: is missing") for w in warnings)


def test_stop_guidance_needs_every_language(small_bundle: Path) -> None:
    edit_json(set_in("stop_guidance.steps[1]", {"en": "Sit and rest."}))(small_bundle)
    assert "stop_guidance.steps[1]: has no text in fr" in messages(refusal(small_bundle))


def test_stop_guidance_needs_what_to_tell_us(small_bundle: Path) -> None:
    edit_json(set_in("stop_guidance.tell_us", DELETE))(small_bundle)
    assert "bundle.json: stop_guidance.tell_us: is missing" in messages(refusal(small_bundle))


def test_each_item_leads_to_its_own_address_or_the_base_plus_its_id(small) -> None:
    model = small.model
    base = "https://example.org/harbor-street/take-home/"
    assert model.clinic.take_home_base == base
    exercises = {e.id: take_home_address(model, e) for e in model.exercises}
    assert exercises == {
        "arm-circle": base + "arm-circle",
        "toe-tap": "https://clinic.example.org/toe-tap",
        "side-hold": base + "side-hold",
    }
    assert take_home_address(model, model.articles[0]) == base + "only-article"
    assert take_home_address(model, model.videos) == base + "videos"


def test_the_builtin_bundle_has_no_take_home_address(builtin) -> None:
    # Its clinic is "your chiropractic clinic": no real page is known, so it shows no code
    # rather than one leading to a placeholder site.
    model = builtin.model
    items = [model.videos, *model.exercises, *model.articles]
    assert [take_home_address(model, item) for item in items] == [None] * len(items)
    assert model.stop_guidance is not None and not builtin.warnings


@pytest.mark.parametrize(
    ("base", "address"),
    [
        ("https://example.org/knee/", "https://example.org/knee/squat"),
        ("https://example.org/knee", "https://example.org/knee/squat"),
        ("https://example.org/page?item=", "https://example.org/page?item=squat"),
    ],
)
def test_the_id_goes_after_the_base(base: str, address: str) -> None:
    assert joined(base, "squat") == address


def test_the_printed_address_is_short() -> None:
    assert short_address("https://www.example.org/knee/squat/") == "example.org/knee/squat"
    long = "https://example.org/" + "/".join(["section"] * 12) + "/squat"
    shown = short_address(long)
    assert len(shown) == 48 and "…" in shown and shown.endswith("/squat")
