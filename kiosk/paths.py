"""Where the kiosk keeps its settings, installed bundles, counts and logs."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "knee-kiosk"
# Set to one folder to keep everything under it (tests, demos, a kiosk on a data partition).
HOME_ENV = "KIOSK_HOME"


@dataclass(frozen=True)
class KioskPaths:
    """The kiosk's three folders and the files and folders inside them."""

    config_dir: Path
    data_dir: Path
    log_dir: Path

    @classmethod
    def from_environment(cls) -> KioskPaths:
        """Everything under $KIOSK_HOME when it is set, else the platform's usual folders."""
        home = os.environ.get(HOME_ENV)
        if home:
            return cls.under(Path(home).expanduser().absolute())
        return cls(
            Path(platformdirs.user_config_dir(APP_NAME)),
            Path(platformdirs.user_data_dir(APP_NAME)),
            Path(platformdirs.user_log_dir(APP_NAME)),
        )

    @classmethod
    def under(cls, root: Path) -> KioskPaths:
        """All folders under `root`, laid out as with $KIOSK_HOME."""
        return cls(root / "config", root / "data", root / "log")

    @property
    def settings_file(self) -> Path:
        return self.config_dir / "settings.toml"

    @property
    def pin_file(self) -> Path:
        return self.config_dir / "pin"

    @property
    def pin_lock_file(self) -> Path:
        """Wrong PIN tries and the pad's lock, kept across restarts."""
        return self.data_dir / "pin-lock.json"

    @property
    def bundles_dir(self) -> Path:
        """Installed bundles, one unpacked folder each: <id>-<version>/."""
        return self.data_dir / "bundles"

    @property
    def staging_dir(self) -> Path:
        """Installs in progress and deletions; on the same disk so a rename is atomic."""
        return self.data_dir / "tmp"

    @property
    def pointer_file(self) -> Path:
        """Which installed bundle is active, last-known-good and pending."""
        return self.data_dir / "pointer.json"

    @property
    def store_lock_file(self) -> Path:
        return self.data_dir / "store.lock"

    @property
    def usage_db(self) -> Path:
        return self.data_dir / "usage.sqlite"

    @property
    def validated_dir(self) -> Path:
        """Validation records of bundles that passed, read at start instead of validating."""
        return self.data_dir / "validated"

    @property
    def default_inbox(self) -> Path:
        """Where a dropped bundle is picked up when the inbox_folder setting is empty."""
        return self.data_dir / "inbox"

    def ensure(self) -> KioskPaths:
        """Create every folder that does not exist yet; returns self."""
        for folder in (
            self.config_dir,
            self.data_dir,
            self.log_dir,
            self.bundles_dir,
            self.staging_dir,
            self.default_inbox,
        ):
            folder.mkdir(parents=True, exist_ok=True)
        return self
