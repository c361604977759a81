"""`kiosk keygen`, `kiosk publish` and `kiosk status --json`, as a person or a monitoring
tool runs them."""

from __future__ import annotations

import json
import re
import stat
from pathlib import Path

import pytest

from kiosk import __version__
from kiosk.cli import main
from kiosk.feed import FeedFollower, source_for
from kiosk.paths import HOME_ENV, KioskPaths
from kiosk.settings import save
from kiosk.store import BundleStore
from tests.helpers.places import SMALL_BUNDLE
from tests.helpers.staff import broken_bundle, bundle_version


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> KioskPaths:
    monkeypatch.setenv(HOME_ENV, str(tmp_path / "home"))
    return KioskPaths.from_environment().ensure()


def keygen(tmp_path: Path, capsys) -> str:
    """Run kiosk keygen; returns the public key it printed."""
    assert main(["keygen", "--key", str(tmp_path / "sign.key")]) == 0
    out = capsys.readouterr().out
    return re.search(r'feed_keys = \["(ed25519:[^"]+)"\]', out).group(1)


def test_keygen_says_which_half_goes_where(tmp_path: Path, capsys) -> None:
    assert main(["keygen", "--key", str(tmp_path / "sign.key")]) == 0
    out = capsys.readouterr().out
    assert "Keep it secret, on the computer that" in out
    assert "This half goes on every" in out
    public = (tmp_path / "sign.key.pub").read_text().strip()
    assert f'feed_keys = ["{public}"]' in out
    assert stat.S_IMODE((tmp_path / "sign.key").stat().st_mode) == 0o600
    assert main(["keygen", "--key", str(tmp_path / "sign.key")]) == 1
    assert "already exists" in capsys.readouterr().err


def test_publish_then_status_json_after_a_kiosk_followed_it(
    tmp_path: Path, home: KioskPaths, capsys
) -> None:
    public = keygen(tmp_path, capsys)
    feed = tmp_path / "feed"
    bundle = bundle_version(tmp_path / "b", "3.0", "Three")
    assert (
        main(["publish", str(bundle), "--key", str(tmp_path / "sign.key"), "--feed", str(feed)])
        == 0
    )
    out = capsys.readouterr().out
    assert "Published small-test version 3.0 in" in out
    assert "small-test-3.0.zip" in out and "signed with key id" in out
    save({"feed_address": str(feed), "feed_keys": [public]}, home.settings_file)
    store = BundleStore(home, builtin_dir=SMALL_BUNDLE)
    FeedFollower(source_for(str(feed)), [public], store).check()
    store.activate_pending()

    assert main(["status", "--json"]) == 0
    status = json.loads(capsys.readouterr().out)
    assert status["kiosk_version"] == __version__
    assert status["bundle"]["active"]["name"] == "small-test-3.0"
    assert status["bundle"]["active"]["source"] == "installed"
    feed_state = status["feed"]
    assert feed_state["address"] == str(feed) and feed_state["keys"] == 1
    assert feed_state["last_check_ok"] is True
    assert feed_state["last_success"] == feed_state["last_check"] is not None
    assert feed_state["trusted"]["id"] == "small-test"
    assert feed_state["trusted"]["version"] == "3.0"

    assert main(["status"]) == 0
    text = capsys.readouterr().out
    assert "On show: small-test version 3.0 (installed)" in text
    assert f"Feed: {feed}" in text and "last taken:   small-test version 3.0" in text


def test_status_before_anything_is_installed_or_followed(home: KioskPaths, capsys) -> None:
    assert main(["status", "--json"]) == 0
    status = json.loads(capsys.readouterr().out)
    assert status["bundle"]["active"]["source"] == "built-in"
    assert status["feed"]["address"] == "" and status["feed"]["last_check"] is None


def test_publish_refuses_a_broken_bundle(tmp_path: Path, capsys) -> None:
    keygen(tmp_path, capsys)
    broken = broken_bundle(tmp_path / "broken")
    args = [
        "publish",
        str(broken),
        "--key",
        str(tmp_path / "sign.key"),
        "--feed",
        str(tmp_path / "f"),
    ]
    assert main(args) == 1
    assert "not valid, 2 problem(s)" in capsys.readouterr().err
    assert not (tmp_path / "f").exists()
