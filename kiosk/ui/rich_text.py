"""Turning the bundle's plain text (with **emphasis**) into Qt rich text, escaping the rest."""

from __future__ import annotations

import html
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # type hints only: the first screen paints before pydantic loads
    from kiosk.content.model import Block

_EMPHASIS = re.compile(r"\*\*(.+?)\*\*")


def inline_html(text: str) -> str:
    """Escape `text` for a rich-text label, turning **words** into bold."""
    return _EMPHASIS.sub(r"<b>\1</b>", html.escape(text)).replace("\n", "<br>")


def has_emphasis(text: str) -> bool:
    """Whether `text` holds a **marked** stretch of words."""
    return _EMPHASIS.search(text) is not None


def plain(text: str) -> str:
    """`text` without emphasis marks, e.g. for accessible names."""
    return _EMPHASIS.sub(r"\1", text)


def blocks_html(blocks: list[Block], language: str, paragraph_gap_px: int) -> str:
    """Paragraphs and bullet lists as one rich-text document."""
    from kiosk.content.model import Bullets  # loaded by now: only screens after the first

    parts = []
    for block in blocks:
        if isinstance(block, Bullets):
            items = "".join(f"<li>{inline_html(item.get(language))}</li>" for item in block.items)
            parts.append(
                f'<ul style="margin-top:0; margin-bottom:{paragraph_gap_px}px">{items}</ul>'
            )
        else:
            text = inline_html(block.text.get(language))
            parts.append(f'<p style="margin-top:0; margin-bottom:{paragraph_gap_px}px">{text}</p>')
    return "".join(parts)
