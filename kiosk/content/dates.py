"""Dates written out in full in a patient's language, without Qt, so that `kiosk narrate` and
validation know the words the About screen shows ("November 16, 2026").

Written the way Qt's QLocale writes its long form (without the weekday), for the languages
listed here; tests/ui/test_about_reading.py holds each to QLocale. For other languages the
screen asks QLocale, and the date's sentence is not narrated."""

from __future__ import annotations

from datetime import date

_MONTHS = {
    "en": "January February March April May June July August September October November December",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre "
    "diciembre",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
}
_FORMS = {
    "en": "{month} {day}, {year}",
    "es": "{day} de {month} de {year}",
    "fr": "{day} {month} {year}",
    "vi": "{day} tháng {number}, {year}",
}


def long_date(day: date, language: str) -> str | None:
    """`day` in full in `language` (16 de noviembre de 2026); None for a language not listed."""
    form = _FORMS.get(language)
    if form is None:
        return None
    months = _MONTHS.get(language, "").split()
    month = months[day.month - 1] if months else ""
    return form.format(month=month, number=day.month, day=day.day, year=day.year)


def written_languages() -> list[str]:
    """The languages long_date writes."""
    return list(_FORMS)
