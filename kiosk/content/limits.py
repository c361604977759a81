"""Hard limits that keep a broken or hostile bundle from exhausting memory or disk."""

from __future__ import annotations

from dataclasses import dataclass

MiB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """Every limit a bundle is held to; each refusal names the one it hit."""

    manifest_bytes: int = 8 * MiB
    json_depth: int = 40
    zip_entries: int = 5000
    unpacked_bytes: int = 2048 * MiB
    file_bytes: int = 1024 * MiB
    # Media compress little, so a high ratio means a zip bomb, not a real bundle.
    compression_ratio: int = 100
    image_pixels: int = 40_000_000
    caption_bytes: int = 2 * MiB
    svg_bytes: int = 10 * MiB


DEFAULT_LIMITS = Limits()
