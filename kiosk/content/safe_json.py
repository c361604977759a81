"""Reading JSON that may be hostile: size and depth limits, no NaN, no duplicate keys."""

from __future__ import annotations

import json
import re
from itertools import accumulate
from pathlib import Path
from typing import Any

from kiosk.content.limits import Limits

_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
_BRACKET = re.compile(r"[\[\]{}]")


class JsonRefused(ValueError):
    """The file is not JSON the kiosk will read; the message says why, for a person."""


def read_json_file(path: Path, limits: Limits) -> Any:
    """Read and parse `path`, refusing anything over the limits or not strictly JSON."""
    size = path.stat().st_size
    if size > limits.manifest_bytes:
        raise JsonRefused(
            f"is {size:,} bytes, over the limit of {limits.manifest_bytes:,} bytes for JSON"
        )
    with path.open("rb") as handle:
        data = handle.read(limits.manifest_bytes + 1)
    if len(data) > limits.manifest_bytes:  # grew while we looked
        raise JsonRefused(f"is over the limit of {limits.manifest_bytes:,} bytes for JSON")
    return parse_json_bytes(data, limits)


def parse_json_bytes(data: bytes, limits: Limits) -> Any:
    """Parse UTF-8 JSON bytes within the depth limit."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise JsonRefused(f"is not valid UTF-8 text (bad byte at position {error.start})") from None
    depth = _max_depth(text)
    if depth > limits.json_depth:
        raise JsonRefused(f"nests {depth} levels deep, over the limit of {limits.json_depth}")
    try:
        return json.loads(text, parse_constant=_refuse_constant, object_pairs_hook=_unique_keys)
    except JsonRefused:
        raise
    except json.JSONDecodeError as error:
        raise JsonRefused(
            f"is not valid JSON: {error.msg} at line {error.lineno}, column {error.colno}"
        ) from None
    except (ValueError, RecursionError) as error:  # e.g. an integer with thousands of digits
        raise JsonRefused(f"is not valid JSON: {error}") from None


def _max_depth(text: str) -> int:
    """Deepest bracket nesting, ignoring brackets inside strings; linear time."""
    brackets = _BRACKET.findall(_STRING.sub('""', text))
    steps = (1 if b in "[{" else -1 for b in brackets)
    return max(accumulate(steps, initial=0))


def _refuse_constant(name: str) -> Any:
    raise JsonRefused(f"contains {name}, which is not a number JSON allows")


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise JsonRefused(f'repeats the key "{key}" in one object; each key may appear once')
        result[key] = value
    return result
