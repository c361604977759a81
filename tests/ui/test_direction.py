"""Which languages run right to left, and the icons and words that follow the direction."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from kiosk.ui.direction import (
    RIGHT_TO_LEFT_MARK,
    directed_icon,
    in_direction,
    is_right_to_left,
    opposite,
)

RTL, LTR = Qt.LayoutDirection.RightToLeft, Qt.LayoutDirection.LeftToRight


@pytest.mark.parametrize("language", ["ar", "fa", "he", "ur", "ps", "ckb", "yi"])
def test_languages_written_right_to_left_are_known(language: str) -> None:
    assert is_right_to_left(language)


@pytest.mark.parametrize("language", ["en", "es", "vi", "ru", "tl", "so", "zz"])
def test_other_languages_and_unknown_codes_run_left_to_right(language: str) -> None:
    assert not is_right_to_left(language)


def test_arrows_point_the_way_the_language_reads_and_pictures_do_not_turn() -> None:
    assert directed_icon("mdi6.arrow-left", RTL) == "mdi6.arrow-right"
    assert directed_icon("mdi6.arrow-right", RTL) == "mdi6.arrow-left"
    assert directed_icon("mdi6.skip-next", RTL) == "mdi6.skip-previous"
    assert directed_icon("mdi6.arrow-left", LTR) == "mdi6.arrow-left"
    assert directed_icon("mdi6.play", RTL) == "mdi6.play"  # a thing in the world, not a way
    assert directed_icon("mdi6.hand-back-right", RTL) == "mdi6.hand-back-right"


def test_words_without_letters_are_given_a_direction_only_when_right_to_left() -> None:
    assert in_direction("1.", RTL) == RIGHT_TO_LEFT_MARK + "1."
    assert in_direction("1.", LTR) == "1."
    assert opposite(RTL) == LTR and opposite(LTR) == RTL
