"""Links onward from a result or an article: what each one leads to, and the words it shows."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # names for type hints: importing links does not load the model (pydantic)
    from kiosk.content.model import Bundle, Link, Text


def link_label(bundle: Bundle, link: Link) -> Text | None:
    """The link's own label, else the title of the item it names, else its home tile's label."""
    if link.label is not None:
        return link.label
    kind, _, item_id = link.target.partition(":")
    items = {"article": bundle.articles, "exercise": bundle.exercises}.get(kind, [])
    for item in items:
        if item.id == item_id:
            return item.title
    if kind == "picker":
        return bundle.picker.title
    tile = next((t for t in bundle.home.tiles if t.target == link.target), None)
    return tile.label if tile is not None else None


def link_problem(bundle: Bundle, link: Link) -> str | None:
    """Why `link` cannot be shown, or None when it can."""
    kind, _, item_id = link.target.partition(":")
    items = {"article": bundle.articles, "exercise": bundle.exercises}.get(kind)
    if items is not None and item_id not in {item.id for item in items}:
        return f"no {kind} has id {item_id}"
    if kind == "articles" and not bundle.articles:
        return "the bundle has no articles"
    if link_label(bundle, link) is None:
        return f"needs a label: no home tile for {link.target} gives one"
    return None
