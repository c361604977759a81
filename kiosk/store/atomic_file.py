"""Writing a small file so that a crash leaves either the old or the new one, never half."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from kiosk.store.killpoints import checkpoint

TEMP_SUFFIX = ".tmp"


def write_atomically(path: Path, data: bytes, mode: int | None = None) -> None:
    """Replace `path` with `data`: temp file in the same folder, fsync, os.replace, fsync folder.

    The file is readable by its owner only, unless `mode` says otherwise."""
    fd, temp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=TEMP_SUFFIX)
    try:
        if mode is not None:
            os.chmod(fd, mode)  # mkstemp's 0600 would hide it from another reader
        with os.fdopen(fd, "wb") as temp:
            temp.write(data)
            temp.flush()
            os.fsync(temp.fileno())
        checkpoint(f"before-replace-{path.name}")
        os.replace(temp_name, path)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
    fsync_folder(path.parent)


def fsync_folder(folder: Path) -> None:
    """Make a rename or a new entry in `folder` survive a power cut (a no-op on Windows)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def is_leftover_temp(path: Path) -> bool:
    """Whether `path` is a temp file a killed write_atomically left behind."""
    return path.name.startswith(".") and path.name.endswith(TEMP_SUFFIX)
