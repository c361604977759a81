"""The letters each language of a bundle is written in."""

from __future__ import annotations

from kiosk.content.letters import letters_of
from tests.helpers.bundles import bundle


def test_a_languages_letters_come_from_its_texts_and_the_kiosks_words() -> None:
    clinic = bundle("clinic")
    vietnamese, spanish = letters_of(clinic, "vi"), letters_of(clinic, "es")
    assert {"ế", "ữ", "đ", "ờ"} <= vietnamese  # texts, and wording such as "Chạm để bắt đầu"
    assert {"ñ", "á", "í"} <= spanish and not {"ế", "đ"} & spanish
    assert not set("0123456789.,:;!?¿¡—{} ") & (vietnamese | spanish)  # letters only


def test_placeholders_in_the_wording_are_not_letters_of_the_language() -> None:
    arabic = letters_of(bundle("arabic"), "ar")
    assert "ع" in arabic and not set("abcdefghijklmnopqrstuvwxyz") & arabic
