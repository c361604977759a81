"""Reading and writing bundle.json for the authoring commands, as data kept in its order."""

from __future__ import annotations

import json
import re
from pathlib import Path

from kiosk.authoring.errors import AuthoringError
from kiosk.content.model import MANIFEST_NAME


def read_manifest(folder: Path) -> dict:
    """The bundle's bundle.json as data."""
    path = folder / MANIFEST_NAME
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise AuthoringError(f"{folder}: has no {MANIFEST_NAME}; make one with kiosk new") from None
    except (OSError, ValueError) as error:
        raise AuthoringError(f"{path}: cannot be read ({error})") from None
    if not isinstance(data, dict):
        raise AuthoringError(f"{path}: must hold one JSON object")
    return data


def write_manifest(folder: Path, data: dict) -> None:
    """Write bundle.json readably (2-space indent, letters as they are, not escaped)."""
    text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    path = folder / MANIFEST_NAME
    temporary = path.with_name(path.name + ".partial")
    temporary.write_text(text, encoding="utf-8")
    temporary.replace(path)  # an editor or a watching preview never sees half a file


def make_id(name: str, taken: set[str]) -> str:
    """An item id from a file name: lower case, dashes, unique among `taken`."""
    base = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:50] or "item"
    if not base[0].isalnum():
        base = "item-" + base
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}-{number}", number + 1
    return candidate


def title_from(name: str) -> str:
    """A first title from a file name ("knee_stretch-2" -> "Knee stretch 2"), to be edited."""
    words = re.sub(r"[_\-.]+", " ", name).strip()
    return words[:1].upper() + words[1:] if words else "New video"
