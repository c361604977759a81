"""Key pairs: the private half readable by its owner only, the public half as one line."""

from __future__ import annotations

import stat
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.feed.errors import FeedError
from kiosk.feed.keys import generate_key_pair, load_private_key, parse_public_key, trusted_keys
from kiosk.settings import BY_KEY


def test_a_key_pair_is_written_privately_and_reads_back(tmp_path: Path) -> None:
    public = generate_key_pair(tmp_path / "sign.key")
    assert stat.S_IMODE((tmp_path / "sign.key").stat().st_mode) == 0o600
    private = load_private_key(tmp_path / "sign.key")
    assert parse_public_key(public.text).key_id == public.key_id
    assert public.verify(private.sign(b"message"), b"message")
    assert not public.verify(private.sign(b"message"), b"another message")
    assert BY_KEY["feed_keys"].check([public.text]) == (public.text,)  # fits the setting


def test_an_existing_key_file_is_never_replaced(tmp_path: Path) -> None:
    generate_key_pair(tmp_path / "sign.key")
    before = (tmp_path / "sign.key").read_bytes()
    with pytest.raises(FeedError, match="already exists and was left as it is"):
        generate_key_pair(tmp_path / "sign.key")
    assert (tmp_path / "sign.key").read_bytes() == before


def test_a_file_that_is_not_a_key_is_named(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("not a key")
    with pytest.raises(FeedError, match="is not a private key written by kiosk keygen"):
        load_private_key(tmp_path / "notes.txt")
    with pytest.raises(FeedError, match="cannot be read"):
        load_private_key(tmp_path / "missing.key")


@pytest.mark.parametrize("text", ["", "ed25519:short=", "rsa:" + "A" * 43 + "=", "A" * 44])
def test_text_that_is_not_a_public_key_is_refused(text: str) -> None:
    with pytest.raises(FeedError, match="is not a public key from kiosk keygen"):
        parse_public_key(text)


def test_trusted_keys_are_found_by_their_id(tmp_path: Path) -> None:
    first = generate_key_pair(tmp_path / "a.key")
    second = generate_key_pair(tmp_path / "b.key")
    keys = trusted_keys([first.text, second.text])
    assert set(keys) == {first.key_id, second.key_id}
    assert len(first.key_id) == 16


def test_the_settings_check_a_key_without_the_signing_code() -> None:
    # The settings are read before the first paint: the key's form comes from the feed, its
    # cryptography does not come with it.
    probe = (
        "import sys, kiosk.settings\n"
        "assert 'cryptography' not in sys.modules, 'cryptography imported with the settings'\n"
        "from kiosk.feed import FeedRunner\n"
        "assert 'cryptography' in sys.modules\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
