"""The feed's settings: an address, a list of keys (a TOML array) and the check interval."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk import settings as kiosk_settings
from kiosk.settings import BY_KEY, SettingsError

KEY = "ed25519:Z77lubn8r/1NyT4bXpct0Ilv016QtP2NR2DPtJ3+9cE="


def test_keys_are_a_toml_list_that_saves_and_loads(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    saved = kiosk_settings.save({"feed_keys": [KEY, KEY.replace("Z", "Y")]}, path)
    assert saved.feed_keys == (KEY, KEY.replace("Z", "Y"))
    assert f'feed_keys = ["{KEY}", "{KEY.replace("Z", "Y")}"]' in path.read_text()
    assert kiosk_settings.load(path) == (saved, [])
    assert "(a list of public keys from kiosk keygen (ed25519:...), or []; default [])" in (
        path.read_text()
    )


def test_a_wrong_key_is_named_and_the_default_used(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text(f'feed_keys = ["{KEY}", "my key"]\nfeed_address = "ftp://x"\n')
    loaded, messages = kiosk_settings.load(path)
    assert loaded.feed_keys == () and loaded.feed_address == ""
    assert messages == [
        'settings.toml: feed_keys: a list holds "my key", not in the form of public keys from '
        "kiosk keygen (ed25519:...); using the default []",
        'settings.toml: feed_address: "ftp://x" is not an http:// or https:// address, or a '
        'folder; using the default ""',
    ]
    with pytest.raises(SettingsError, match='feed_keys: "ed25519:x" is not a list'):
        kiosk_settings.save({"feed_keys": "ed25519:x"}, path)


@pytest.mark.parametrize(
    "address",
    [
        "",
        "https://content.example.org/feed/",
        "http://10.0.0.5/feed",
        "/srv/feed",
        "C:\\Users\\clinic\\feed",
        "~/Sync/knee-feed",
    ],
)
def test_feed_addresses_accepted(address: str) -> None:
    assert BY_KEY["feed_address"].check(address) == address


@pytest.mark.parametrize("address", ["ftp://host/feed", "file:///srv/feed", " /srv/feed"])
def test_feed_addresses_refused(address: str) -> None:
    with pytest.raises(ValueError, match="is not an http:// or https:// address, or a folder"):
        BY_KEY["feed_address"].check(address)
