"""Take-home addresses: which page each exercise, article and the video series leads to."""

from __future__ import annotations

from kiosk.content.model import MAX_WEB_ADDRESS, Article, Bundle, Exercise, Loc, VideoSeries
from kiosk.content.problems import format_path

SERIES_ID = "videos"  # the video series has no id of its own: take_home_base + "videos"
SHORT_LENGTH = 48  # characters of the address printed under a code


def take_home_address(bundle: Bundle, item: Exercise | Article | VideoSeries) -> str | None:
    """The item's own take_home_url, else the clinic's take_home_base plus its id, else None."""
    if item.take_home_url:
        return str(item.take_home_url)
    base = bundle.clinic.take_home_base
    if not base:
        return None
    return joined(str(base), SERIES_ID if isinstance(item, VideoSeries) else item.id)


def joined(base: str, item_id: str) -> str:
    """`base` then `item_id`, with a / between unless the base ends in / or = already."""
    return f"{base}{item_id}" if base.endswith(("/", "=")) else f"{base}/{item_id}"


def short_address(address: str) -> str:
    """The address as printed under its code: no scheme, no www., no last /, and cut in the
    middle with … when long (the code carries it whole)."""
    short = address.split("://", 1)[-1].removeprefix("www.").rstrip("/")
    if len(short) <= SHORT_LENGTH:
        return short
    keep = SHORT_LENGTH - 1
    return short[: keep - keep // 3] + "…" + short[-(keep // 3) :]


def items_with_places(bundle: Bundle) -> list[tuple[Loc, Exercise | Article | VideoSeries]]:
    """Every item that may show a code, with its place in bundle.json."""
    places: list[tuple[Loc, Exercise | Article | VideoSeries]] = [(("videos",), bundle.videos)]
    places += [(("exercises", i), exercise) for i, exercise in enumerate(bundle.exercises)]
    places += [(("articles", i), article) for i, article in enumerate(bundle.articles)]
    return places


def take_home_problems(bundle: Bundle) -> list[tuple[Loc, str]]:
    """Addresses made from take_home_base that come out longer than a code may carry."""
    base = bundle.clinic.take_home_base
    if not base:
        return []
    found: list[tuple[Loc, str]] = []
    for loc, item in items_with_places(bundle):
        address = take_home_address(bundle, item)
        if item.take_home_url is None and address and len(address) > MAX_WEB_ADDRESS:
            message = (
                f"with {format_path(loc)}'s id the take-home address is {len(address)} characters; "
                f"at most {MAX_WEB_ADDRESS}"
            )
            found.append((("clinic", "take_home_base"), message))
    return found
