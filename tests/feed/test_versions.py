"""Versions compare as dotted numbers; missing parts count as zero."""

from __future__ import annotations

import pytest

from kiosk.feed.versions import is_newer, is_version, version_key


@pytest.mark.parametrize(
    ("newer", "older"),
    [("1.10", "1.9"), ("2", "1.99.99.99"), ("1.4.0.1", "1.4"), ("10.0", "9.9.9")],
)
def test_numbers_not_text_decide(newer: str, older: str) -> None:
    assert is_newer(newer, older)
    assert not is_newer(older, newer)


def test_missing_parts_count_as_zero() -> None:
    assert version_key("1.4") == version_key("1.4.0") == version_key("1.4.0.0")
    assert not is_newer("1.4.0", "1.4")


@pytest.mark.parametrize("text", ["", "1.", "v1.2", "1.2.3.4.5", "1..2", "1.2-beta", "1234567"])
def test_malformed_versions_are_refused(text: str) -> None:
    assert not is_version(text)
    with pytest.raises(ValueError, match="is not a version of dotted numbers"):
        version_key(text)
