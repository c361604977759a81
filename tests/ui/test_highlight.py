"""Marking the sentence being read in a label's rich text: its words wrapped in spans that
nest with the label's own tags, found after the sentence before it in the same label."""

from __future__ import annotations

import pytest

from kiosk.ui.read_aloud.highlight import highlight_html

S = '<span style="x">'


@pytest.mark.parametrize(
    ("document", "sentence", "expected"),
    [
        ("Lift your hips. Then lower.", "Then lower.", f"Lift your hips. {S}Then lower.</span>"),
        (
            "Lift your hips. <b>Hold.</b> Then lower.",
            "Hold.",
            f"Lift your hips. <b>{S}Hold.</span></b> Then lower.",
        ),
        (  # a sentence that crosses a tag: a span on each side of it
            "Ice, <b>then heat. Rest</b> well.",
            "Rest well.",
            f"Ice, <b>then heat. {S}Rest</span></b>{S} well.</span>",
        ),
        (  # entities are one letter each, wrapped whole
            "<b>Stop if</b><br>•&nbsp;It hurts more &amp; more.",
            "It hurts more & more.",
            f"<b>Stop if</b><br>•&nbsp;{S}It hurts more &amp; more.</span>",
        ),
        ("Works: Glutes, Quads", "Works", f"{S}Works</span>: Glutes, Quads"),
    ],
)
def test_the_sentence_is_wrapped_where_it_stands(document, sentence, expected) -> None:
    assert highlight_html(document, sentence, "x") == expected


def test_a_repeated_sentence_is_found_after_the_one_before() -> None:
    document = "<p>It hurts.</p><p>Sit down. It hurts.</p>"
    second = highlight_html(document, "It hurts.", "x", after=len("It hurts.\nSit down."))
    assert second == f"<p>It hurts.</p><p>Sit down. {S}It hurts.</span></p>"
    first = highlight_html(document, "It hurts.", "x", after=999)  # not after: from the start
    assert first == f"<p>{S}It hurts.</span></p><p>Sit down. It hurts.</p>"


def test_words_not_in_the_label_are_not_marked() -> None:
    assert highlight_html("Why do knees…", "Why do knees hurt?", "x") is None
    assert highlight_html("Anything", "", "x") is None
