"""Review records and media credits: overdue warnings, --strict, and the mistakes refused."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.content import BundleInvalid, load_bundle
from kiosk.content.checks import lint_warnings
from kiosk.content.review import about_facts, overdue_items
from tests.helpers.corpus import edit_manifest

TODAY = date(2026, 6, 1)  # a fixed day: the tests never depend on the real date
REVIEW = {
    "source": {
        "text": {"fr": "L'article de la clinique", "en": "The clinic's article"},
        "url": "https://example.com/knee-article",
    },
    "reviewed_by": "Clinic chiropractor",
    "reviewed_on": "2025-05-01",
    "review_by": "2026-05-01",
}


def reviewed(data: dict, review_by: str = "2026-05-01") -> None:
    """The second exercise overdue by `review_by`; the picker reviewed until 2027."""
    data["exercises"][1]["review"] = {**REVIEW, "review_by": review_by}
    data["picker"]["review"] = {**REVIEW, "reviewed_on": "2026-02-01", "review_by": "2027-02-01"}


def test_an_item_past_its_review_date_is_a_warning_at_its_path(small_bundle: Path) -> None:
    model = load_bundle(edit_manifest(small_bundle, reviewed)).model
    warnings = [str(w) for w in lint_warnings(model, TODAY)]
    overdue = [w for w in warnings if "review" in w]
    assert overdue == [
        'bundle.json: exercises[1].review.review_by: exercise "Tape du pied" was due for review on '
        "2026-05-01 (last reviewed by Clinic chiropractor on 2025-05-01)"
    ]
    assert [item.item_id for item in overdue_items(model, TODAY)] == ["toe-tap"]


def test_on_its_review_by_day_an_item_is_due_not_overdue(small_bundle: Path) -> None:
    model = load_bundle(edit_manifest(small_bundle, reviewed)).model
    assert overdue_items(model, date(2026, 5, 1)) == []
    assert len(overdue_items(model, date(2026, 5, 2))) == 1


def test_validate_warns_but_passes_and_strict_fails(small_bundle: Path, capsys) -> None:
    edit_manifest(small_bundle, reviewed)
    assert main(["validate", str(small_bundle), "--today", TODAY.isoformat()]) == 0
    out = capsys.readouterr().out
    assert "warning: bundle.json: exercises[1].review.review_by: exercise" in out
    assert main(["validate", str(small_bundle), "--today", TODAY.isoformat(), "--strict"]) == 1
    assert "--strict: 1 warning(s) count as failures" in capsys.readouterr().err
    assert main(["validate", str(small_bundle), "--today", "2026-04-30", "--strict"]) == 0


def test_the_builtin_bundle_passes_strict_while_its_reviews_run() -> None:
    assert main(["validate", "--strict", "--today", "2027-01-01"]) == 0
    assert main(["validate", "--strict", "--today", "2027-12-01"]) == 1


def test_the_builtin_bundle_reviews_everything_from_the_clinic_article(builtin) -> None:
    facts = about_facts(builtin.model)
    assert len(facts.sources) == 1 and "article" in facts.sources[0].text.get("en")
    assert facts.last_reviewed == date(2026, 11, 16)
    items = [*builtin.model.videos.items, *builtin.model.exercises, *builtin.model.articles]
    assert all(item.review is not None for item in [*items, builtin.model.picker])
    credited = {pattern for credit in builtin.model.media_credits for pattern in credit.files}
    assert {"assets/illustrations/*.svg", "videos/*.mp4", "assets/fonts/*"} <= credited


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            lambda d: d["articles"][0].update(review={**REVIEW, "review_by": "2025-01-01"}),
            "articles[0].review.review_by: comes before reviewed_on",
        ),
        (
            lambda d: d.update(
                media_credits=[
                    {
                        "files": ["media/*.svg", "pictures/*.png"],
                        "title": {"fr": "Dessins", "en": "Drawings"},
                        "author": "A clinic",
                        "licence": "CC BY 4.0",
                    }
                ]
            ),
            "media_credits[0].files[1]: pictures/*.png matches no picture, video or font",
        ),
        (
            lambda d: d["exercises"][0].update(review={**REVIEW, "reviewed_on": "1 May 2025"}),
            "exercises[0].review.reviewed_on: input should be a valid date",
        ),
        (
            lambda d: d["exercises"][0].update(
                review={
                    **REVIEW,
                    "source": {
                        "text": {"fr": "Article", "en": "Article"},
                        "url": "ftp://example.com/a",
                    },
                }
            ),
            "exercises[0].review.source.url: uRL scheme should be",
        ),
    ],
)
def test_review_and_credit_mistakes_are_refused_by_name(
    small_bundle: Path, change, expected: str
) -> None:
    with pytest.raises(BundleInvalid) as refused:
        load_bundle(edit_manifest(small_bundle, change))
    problems = [str(problem) for problem in refused.value.problems]
    assert any(expected in problem for problem in problems), problems


def test_a_credit_pattern_matching_a_file_is_accepted(small_bundle: Path) -> None:
    def credit(data: dict) -> None:
        data["media_credits"] = [
            {
                "files": ["media/*.svg", "clips/blue-clip.mp4"],
                "title": {"fr": "Dessins", "en": "Drawings"},
                "author": "A clinic",
                "source": "Drawn for the clinic",
                "licence": "CC BY 4.0",
                "licence_url": "https://creativecommons.org/licenses/by/4.0/",
            }
        ]

    assert (
        load_bundle(edit_manifest(small_bundle, credit)).model.media_credits[0].author == "A clinic"
    )
