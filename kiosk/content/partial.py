"""Parsing bundle.json as far as it goes: a schema error in one section must not hide the
problems the later checks would find in the others, so a clinic fixes everything in one round."""

from __future__ import annotations

import copy
from collections.abc import Callable
from functools import cache
from typing import Annotated, Any

from pydantic import TypeAdapter, ValidationError

from kiosk.content.model import MANIFEST_NAME, Bundle
from kiosk.content.problems import Problem, format_path

# Pydantic names the union branch it tried in the location; staff do not need it.
UNION_TAGS = {"question", "result", "paragraph", "bullets", "function-after[_parse(), str]"}


def parse_partly(raw: dict) -> tuple[Bundle, frozenset[str], list[Problem]]:
    """The bundle, the top-level fields that did not parse (None in it), and the schema's
    problems. With no problems this is Bundle.model_validate(raw) and nothing is missing."""
    try:
        return Bundle.model_validate(raw), frozenset(), []
    except ValidationError as error:
        problems = schema_problems(error)
        pruned = _without_unknown_fields(raw, error)
    values: dict[str, Any] = {}
    missing: set[str] = set()
    for name, field in Bundle.model_fields.items():
        key = field.alias or name
        if key not in pruned:
            if field.is_required():
                missing.add(name)
            continue
        try:
            values[name] = _adapter(name).validate_python(pruned[key])
        except ValidationError:
            missing.add(name)
            values[name] = None
    for name in missing:
        values.setdefault(name, None)
    # Built without validation: every field in it has passed on its own, or is None.
    return Bundle.model_construct(**values), frozenset(missing), problems


def schema_problems(
    error: ValidationError, file: str = MANIFEST_NAME, where: Callable[[list], str] = format_path
) -> list[Problem]:
    """Each of pydantic's errors in `file` as a Problem a clinic can act on; `where` names
    the field from its location."""
    problems = []
    for detail in error.errors(include_url=False):
        loc = [part for part in detail["loc"] if part not in UNION_TAGS]
        problems.append(Problem(file, where(loc), _plain_message(detail)))
    return problems


@cache
def _adapter(name: str) -> TypeAdapter:
    field = Bundle.model_fields[name]
    if not field.metadata:
        return TypeAdapter(field.annotation)
    return TypeAdapter(Annotated[field.annotation, *field.metadata])


def _without_unknown_fields(raw: dict, error: ValidationError) -> dict:
    """A copy of `raw` without the fields the schema does not know: reported already, and
    with them gone their section can still be checked (no path in it shifts)."""
    pruned = copy.deepcopy(raw)
    for detail in error.errors(include_url=False):
        if detail["type"] != "extra_forbidden":
            continue
        *parents, key = detail["loc"]
        holder = _follow(pruned, parents)
        if isinstance(holder, dict):
            holder.pop(key, None)
    return pruned


def _follow(value: Any, loc: list) -> Any:
    """The part of `value` at pydantic's `loc`, stepping over its union-branch names."""
    for part in loc:
        if _holds(value, part):
            value = value[part]
        elif part not in UNION_TAGS:
            return None
    return value


def _holds(value: Any, part: object) -> bool:
    if isinstance(value, dict):
        return part in value
    return isinstance(value, list) and isinstance(part, int) and 0 <= part < len(value)


def _plain_message(detail: dict) -> str:
    kind, value = detail["type"], detail.get("input")
    if kind == "missing":
        return "is missing"
    if kind == "extra_forbidden":
        return "is not a field the kiosk knows (check the spelling)"
    if kind == "string_pattern_mismatch":
        return f"{value!r} is not in the expected form ({detail['ctx']['pattern']})"
    if kind in ("bundle_path", "media_type"):
        return detail["msg"]
    return detail["msg"][0].lower() + detail["msg"][1:]
