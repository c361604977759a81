"""`kiosk status`: the bundle on show, the feed's state and the kiosk's version, for people
and, as JSON, for fleet monitoring tools. Reads files only; works while the kiosk runs."""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from kiosk import __version__
from kiosk.feed.errors import FeedError
from kiosk.feed.state import FeedState
from kiosk.store import BundleStore, StoreError


def kiosk_status(store: BundleStore, settings: Any) -> dict[str, Any]:
    """The kiosk's state as JSON values."""
    return {
        "kiosk_version": __version__,
        "checked_at": datetime.now(UTC).replace(microsecond=0).isoformat(),
        "bundle": _bundles(store),
        "feed": _feed(FeedState(store.paths), settings),
    }


def status_text(status: dict[str, Any]) -> str:
    """The status for a person at a terminal."""
    bundle, feed = status["bundle"], status["feed"]
    active = bundle["active"]
    lines = [
        f"Kiosk version {status['kiosk_version']}",
        f"On show: {active['id']} version {active['version']} ({active['source']})",
    ]
    if bundle.get("pending"):
        lines.append(f"Waiting to go live: {bundle['pending']}")
    if bundle.get("error"):
        lines.append(f"Store problem: {bundle['error']}")
    if not feed["address"]:
        lines.append("Feed: none (feed_address is empty)")
        return "\n".join(lines)
    lines.append(f"Feed: {feed['address']}")
    lines.append(f"  last check:   {feed.get('last_check') or 'not yet'}")
    lines.append(f"  last success: {feed.get('last_success') or 'not yet'}")
    if feed.get("last_result"):
        lines.append(f"  last result:  {feed['last_result']}")
    if feed.get("last_error"):
        lines.append(f"  last problem: {feed['last_error']} ({feed.get('last_error_at')})")
    if feed.get("expires_at"):
        lines.append(f"  feed expires: {feed['expires_at']}")
    trusted = feed.get("trusted")
    if trusted:
        lines.append(f"  last taken:   {trusted['id']} version {trusted['version']}")
    return "\n".join(lines)


def status_json(status: dict[str, Any]) -> str:
    return json.dumps(status, indent=2, ensure_ascii=False)


def _bundles(store: BundleStore) -> dict[str, Any]:
    out: dict[str, Any] = {"pending": None, "last_known_good": None}
    try:
        pointer = store.pointer()
    except StoreError as error:
        out["error"] = str(error)
        out["active"] = _builtin(store.builtin_dir)
        return out
    out["pending"], out["last_known_good"] = pointer.pending, pointer.last_known_good
    row = next((r for r in store.list_installed() if r.name == pointer.active), None)
    if row is None:
        out["active"] = _builtin(store.builtin_dir)
    else:
        out["active"] = {
            "source": "installed",
            "name": row.name,
            "id": row.bundle_id,
            "version": row.version,
            "title": row.title,
            "installed_at": row.installed_at.isoformat() if row.installed_at else None,
        }
    return out


def _builtin(folder: Path) -> dict[str, Any]:
    """The built-in bundle's id and version, read without checking the whole bundle."""
    try:
        raw = json.loads((folder / "bundle.json").read_bytes())
        bundle_id, version = str(raw.get("id")), str(raw.get("version"))
    except (OSError, ValueError, AttributeError):
        bundle_id = version = "?"
    return {"source": "built-in", "name": None, "id": bundle_id, "version": version}


def _feed(state: FeedState, settings: Any) -> dict[str, Any]:
    status = state.status()
    out: dict[str, Any] = {**status.to_json(), "address": settings.feed_address}
    out["keys"] = len(settings.feed_keys)
    try:
        trusted = state.trusted()
    except FeedError as error:
        out["trusted"], out["trust_error"] = None, str(error)
    else:
        out["trusted"] = asdict(trusted) if trusted else None
    if out["trusted"]:
        out["trusted"]["id"] = out["trusted"].pop("bundle_id")
    return out
