"""The installed bundles: their folders in bundles/, what each one is, and pruning old ones."""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import re
import shutil
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.paths import KioskPaths
from kiosk.store.atomic_file import fsync_folder
from kiosk.store.killpoints import checkpoint
from kiosk.store.pointer import Pointer, Role, is_folder_name

if TYPE_CHECKING:
    from kiosk.content import Bundle

log = logging.getLogger(__name__)

# Written into each installed folder by the store; the bundle itself never names it.
INSTALL_RECORD = ".kiosk-install.json"


@dataclass(frozen=True)
class InstalledBundle:
    """One row of `kiosk list` and of the panel's bundle table."""

    name: str
    bundle_id: str
    version: str
    title: str
    folder: Path
    installed_at: datetime | None
    role: Role


def folder_name(bundle_id: str, version: str) -> str:
    """The folder an installed bundle lives in: <id>-<version> (a version never has a dash).

    An id the folder pattern cannot hold as it is (dots, underscores, over 63 letters) is
    mapped, not trusted: its other characters become dashes, it is cut short, and a digest of
    the whole id keeps two such ids apart. Ids in the first format keep their old folders."""
    if is_folder_name(f"{bundle_id}-{version}") and _PLAIN_ID.match(bundle_id):
        return f"{bundle_id}-{version}"
    slug = re.sub(r"[^a-z0-9]+", "-", bundle_id.lower()).strip("-")[:48] or "bundle"
    digest = hashlib.sha256(bundle_id.encode("utf-8")).hexdigest()[:10]
    return f"{slug}-x{digest}-{version}"


# Bundle ids as the first bundle format allowed them, used as folder names unchanged.
_PLAIN_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,62}$")


def write_install_record(root: Path, model: Bundle, source: Path) -> None:
    """Note in the bundle folder when it was installed, and from where."""
    record = {
        "id": model.id,
        "version": model.version,
        "title": model.title.get(model.default_language),
        "installed_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "source": str(source),
    }
    (root / INSTALL_RECORD).write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")


def list_installed(paths: KioskPaths, pointer: Pointer) -> list[InstalledBundle]:
    """Every installed bundle, newest first, with its role."""
    rows = [
        _row(folder, pointer)
        for folder in paths.bundles_dir.iterdir()
        if folder.is_dir() and is_folder_name(folder.name)
    ]
    oldest = datetime.min.replace(tzinfo=UTC)
    return sorted(rows, key=lambda row: (row.installed_at or oldest, row.name), reverse=True)


def prune_folders(paths: KioskPaths, pointer: Pointer) -> list[str]:
    """Delete installed bundles the pointer does not keep; the caller holds the store lock."""
    doomed = [
        folder
        for folder in paths.bundles_dir.iterdir()
        if folder.is_dir() and is_folder_name(folder.name) and folder.name not in pointer.kept()
    ]
    if not doomed:
        return []
    # Moved out in one rename each, so bundles/ never holds a half-deleted bundle.
    trash = Path(tempfile.mkdtemp(dir=paths.staging_dir, prefix="trash-"))
    for folder in doomed:
        folder.rename(trash / folder.name)
    fsync_folder(paths.bundles_dir)
    checkpoint("pruning")
    shutil.rmtree(trash, ignore_errors=True)
    names = sorted(folder.name for folder in doomed)
    log.info("Pruned old bundles: %s", names)
    return names


def _row(folder: Path, pointer: Pointer) -> InstalledBundle:
    record = _read_record(folder)
    bundle_id, _, version = folder.name.rpartition("-")
    installed_at = None
    with contextlib.suppress(KeyError, TypeError, ValueError):
        installed_at = datetime.fromisoformat(record["installed_at"])
    return InstalledBundle(
        name=folder.name,
        bundle_id=str(record.get("id", bundle_id)),
        version=str(record.get("version", version)),
        title=str(record.get("title", "")),
        folder=folder,
        installed_at=installed_at,
        role=pointer.role_of(folder.name),
    )


def _read_record(folder: Path) -> dict:
    try:
        record = json.loads((folder / INSTALL_RECORD).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return record if isinstance(record, dict) else {}
