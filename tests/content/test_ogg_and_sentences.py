"""The narration's building blocks: an Opus-in-Ogg file's length, read from its pages, and a
text's sentences as the kiosk reads and highlights them."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.content.ogg import MAX_PAGE, NotOpus, opus_info, parse_opus
from kiosk.content.sentences import sentences, spoken_text
from tests.helpers.ogg import ogg_opus, opus_head


def test_the_length_is_the_last_granule_less_the_pre_skip() -> None:
    info = parse_opus(ogg_opus(2.5, pages=4))
    assert info.channels == 1
    assert info.seconds == pytest.approx(2.5)


@pytest.mark.parametrize(
    ("data", "says"),
    [
        (b"RIFF\x00\x00\x00\x00WAVEfmt ", "is not an Ogg audio file"),
        (ogg_opus(2.0)[:-7], "ends part-way through an Ogg page"),
        (ogg_opus(2.0) + b"junk" * 10, "no page starts at byte"),
        (ogg_opus(2.0).replace(b"OpusHead", b"VorbisHd"), "not Opus audio"),
        (ogg_opus(0.0), "no sound in it"),
    ],
)
def test_what_is_not_opus_in_ogg_is_named(data: bytes, says: str) -> None:
    with pytest.raises(NotOpus, match=says):
        parse_opus(data)


def test_a_header_of_a_later_opus_version_is_refused() -> None:
    data = ogg_opus(1.0).replace(opus_head(), b"OpusHead" + bytes([0x10, 1]) + bytes(9))
    with pytest.raises(NotOpus, match="cannot play"):
        parse_opus(data)


def test_a_long_file_is_read_at_its_first_and_last_page(tmp_path: Path) -> None:
    long = tmp_path / "long.opus"
    long.write_bytes(ogg_opus(300.0, pages=1200))
    assert long.stat().st_size > MAX_PAGE  # so only its ends are read
    assert opus_info(long).seconds == pytest.approx(300.0)
    long.write_bytes(long.read_bytes()[:-30])  # cut: its last page no longer ends the file
    with pytest.raises(NotOpus, match="ends part-way through an Ogg page"):
        opus_info(long)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Lift your hips. **Hold.** Then lower.", ["Lift your hips.", "Hold.", "Then lower."]),
        ("¿Le duele? ¡Pare! Siéntese.", ["¿Le duele?", "¡Pare!", "Siéntese."]),
        ("Ice for 1.5 hours... then rest", ["Ice for 1.5 hours...", "then rest"]),
        ("First line\nSecond line", ["First line", "Second line"]),
        ('"Stop." Then sit.', ['"Stop."', "Then sit."]),
        ("Home", ["Home"]),
        ("— ...", []),
    ],
)
def test_sentences_are_cut_where_a_reader_pauses(text: str, expected: list[str]) -> None:
    found = sentences(text)
    assert found == expected
    assert all(sentence in spoken_text(text) for sentence in found)
