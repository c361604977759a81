"""The pointer file: atomic, strict about what it names."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kiosk.store.pointer import BUILTIN, Pointer, PointerUnreadable, read_pointer, write_pointer


def test_round_trip_leaves_no_temp_file(tmp_path: Path) -> None:
    pointer = Pointer("knee-care-1.4.0", "knee-care-1.3.0", "knee-care-2.0")
    write_pointer(tmp_path / "pointer.json", pointer)
    assert read_pointer(tmp_path / "pointer.json") == pointer
    assert [p.name for p in tmp_path.iterdir()] == ["pointer.json"]


def test_missing_pointer_is_empty(tmp_path: Path) -> None:
    assert read_pointer(tmp_path / "pointer.json") == Pointer()


@pytest.mark.parametrize(
    "text",
    [
        "{ not json",
        "[]",
        json.dumps({"format": 99, "active": "a-1"}),
        json.dumps({"format": 1, "active": "../../etc-1"}),
        json.dumps({"format": 1, "pending": "/tmp/x-1"}),
        json.dumps({"format": 1, "last_known_good": 7}),
    ],
    ids=["not-json", "not-object", "format", "climbs-out", "absolute", "not-text"],
)
def test_damaged_or_hostile_pointer_is_unreadable(tmp_path: Path, text: str) -> None:
    (tmp_path / "pointer.json").write_text(text, encoding="utf-8")
    with pytest.raises(PointerUnreadable):
        read_pointer(tmp_path / "pointer.json")


def test_roles() -> None:
    pointer = Pointer("b-2", "a-1", "c-3")
    assert [pointer.role_of(n) for n in ("b-2", "a-1", "c-3", "z-9")] == [
        "active",
        "last-known-good",
        "pending",
        "other",
    ]
    assert pointer.activated() == Pointer("c-3", "b-2", None)
    assert pointer.rolled_back() == Pointer("a-1", "b-2", "c-3")
    # The built-in content was on show before the first install: it is the one to go back to.
    assert Pointer(pending="c-3").activated() == Pointer("c-3", BUILTIN, None)
