"""The kiosk's own wording (buttons, labels, messages) in the languages it ships with.

A bundle may override any key through `interface_text`, and must give every key for any
language it declares beyond these. Placeholders in braces are filled in by the screens."""

from __future__ import annotations

import string
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kiosk.content.model import Bundle

DEFAULT_WORDING: dict[str, dict[str, str]] = {
    "touch_to_start": {"en": "Touch to start", "es": "Toque para empezar"},
    "home": {"en": "Home", "es": "Inicio"},
    "back": {"en": "Back", "es": "Atrás"},
    "next": {"en": "Next", "es": "Siguiente"},
    "previous": {"en": "Previous", "es": "Anterior"},
    "language_name": {"en": "English", "es": "Español"},
    # The one button that stands for the languages when they do not fit in the top bar, and
    # the title of the chooser it opens (where each language is named by its language_name).
    "language": {"en": "Language", "es": "Idioma"},
    "choose_language": {"en": "Choose your language", "es": "Elija su idioma"},
    "larger_text": {"en": "Larger text", "es": "Letra grande"},
    "high_contrast": {"en": "High contrast", "es": "Alto contraste"},
    "step_of": {"en": "Step {n} of {total}", "es": "Paso {n} de {total}"},
    "set_of": {"en": "Set {n} of {total}", "es": "Serie {n} de {total}"},
    "rep_of": {"en": "Repeat {n} of {total}", "es": "Repetición {n} de {total}"},
    "sets_reps": {"en": "{sets} sets of {reps}", "es": "{sets} series de {reps}"},
    "hold_for": {"en": "Hold for {seconds} seconds", "es": "Mantenga {seconds} segundos"},
    "tap_to_start_hold": {"en": "Tap to start", "es": "Toque para empezar"},
    "tap_to_pause": {"en": "Tap to pause", "es": "Toque para pausar"},
    "tap_to_restart": {"en": "Tap to start again", "es": "Toque para empezar otra vez"},
    "rest": {"en": "Rest", "es": "Descanse"},
    "works": {"en": "Works", "es": "Trabaja"},
    "you_need": {"en": "You need", "es": "Necesita"},
    "stop_if": {"en": "Stop if", "es": "Pare si"},
    "well_done": {"en": "Well done!", "es": "¡Muy bien!"},
    "next_exercise": {"en": "Next exercise", "es": "Siguiente ejercicio"},
    "count_repeat": {"en": "One done", "es": "Hice una"},
    "finish": {"en": "Finish", "es": "Terminar"},
    "yes": {"en": "Yes", "es": "Sí"},
    "no": {"en": "No", "es": "No"},
    "how_long": {"en": "How long", "es": "Cuánto tiempo"},
    "protect_skin": {"en": "Protect your skin", "es": "Proteja su piel"},
    "avoid_when": {"en": "Do not use it if", "es": "No lo use si"},
    "start_over": {"en": "Start over", "es": "Empezar de nuevo"},
    "understand_play": {"en": "I understand, play", "es": "Entiendo, reproducir"},
    "play": {"en": "Play", "es": "Reproducir"},
    "pause": {"en": "Pause", "es": "Pausa"},
    "next_video": {"en": "Next video", "es": "Video siguiente"},
    "previous_video": {"en": "Previous video", "es": "Video anterior"},
    "captions": {"en": "Captions", "es": "Subtítulos"},
    "sound_on": {"en": "Sound on", "es": "Con sonido"},
    "sound_off": {"en": "Sound off", "es": "Sin sonido"},
    "video_cannot_play": {
        "en": "This video can't play right now.",
        "es": "Este video no se puede ver ahora.",
    },
    "videos_unavailable": {
        "en": "Videos are not available right now.",
        "es": "Los videos no están disponibles ahora.",
    },
    "take_home": {"en": "Scan to take this home", "es": "Escanee para llevarlo a casa"},
    # Added after bundles in other languages were made: see ADDED_LATER.
    "reps_done": {
        "en": "You did {done} of {total} repeats.",
        "es": "Hizo {done} de {total} repeticiones.",
    },
    "for_home": {"en": "For home: you need the floor", "es": "Para casa: necesita el suelo"},
    # The "About this content" screen, reached from home's footer.
    "about_content": {"en": "About this content", "es": "Sobre esta información"},
    "about_clinic": {
        "en": "This content is from {clinic}.",
        "es": "Esta información es de {clinic}.",
    },
    "about_sources": {"en": "Where it comes from", "es": "De dónde viene"},
    "about_reviewed": {
        "en": "The clinic last checked it on {date}.",
        "es": "La clínica la revisó por última vez el {date}.",
    },
    "about_not_reviewed": {
        "en": "The clinic has not said when it last checked it.",
        "es": "La clínica no ha dicho cuándo la revisó.",
    },
    "about_media": {"en": "Pictures, videos and type", "es": "Imágenes, videos y letra"},
    "credit_line": {
        "en": "{title}, by {author}. Licence: {licence}.",
        "es": "{title}, de {author}. Licencia: {licence}.",
    },
    # The warning before the idle reset, the stop control, the cleaning lock (issue 16).
    "still_there": {"en": "Still there?", "es": "¿Sigue ahí?"},
    "reset_in": {
        "en": "The screen starts over in {seconds} seconds.",
        "es": "La pantalla vuelve al inicio en {seconds} segundos.",
    },
    "more_time": {"en": "More time", "es": "Más tiempo"},
    "stop_hurts": {"en": "Stop — this hurts", "es": "Pare — me duele"},
    "stop_title": {"en": "Stop now", "es": "Pare ahora"},
    "stop_default": {
        "en": "Stop moving. Sit down and rest. Tell the front desk or your chiropractor.",
        "es": "Deje de moverse. Siéntese y descanse. Avise en la recepción o a su quiropráctico.",
    },
    "cleaning": {"en": "Cleaning", "es": "Limpieza"},
    "cleaning_wait": {
        "en": "The screen ignores touch for {seconds} seconds.",
        "es": "La pantalla no responde al tacto durante {seconds} segundos.",
    },
    # Read-aloud, in the top bar (issue 15).
    "read_to_me": {"en": "Read to me", "es": "Leer en voz alta"},
    "repeat_reading": {"en": "Repeat", "es": "Repetir"},
    "stop_reading": {"en": "Stop reading", "es": "Dejar de leer"},
    "louder": {"en": "Louder", "es": "Más alto"},
}

# Wording added since bundles in other languages were first made. Such a bundle stays valid
# without them (backward compatible) and shows these few in English until it gives its own.
ADDED_LATER = frozenset(
    {
        "reps_done",
        "for_home",
        "about_content",
        "about_clinic",
        "about_sources",
        "about_reviewed",
        "about_not_reviewed",
        "about_media",
        "credit_line",
        "still_there",
        "reset_in",
        "more_time",
        "stop_hurts",
        "stop_title",
        "stop_default",
        "cleaning",
        "cleaning_wait",
        "high_contrast",
        "language",
        "choose_language",
        "read_to_me",
        "repeat_reading",
        "stop_reading",
        "louder",
    }
)


def literal_text(template: str) -> str:
    """A wording template without its {placeholders}."""
    return "".join(literal for literal, *_ in string.Formatter().parse(template))


def placeholders(template: str) -> set[str]:
    """The {names} a wording template expects."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def interface_word(model: Bundle, key: str, language: str) -> str:
    """The wording for `key` in `language`: the bundle's override, else the kiosk's own."""
    override = model.interface_text.get(key)
    if override is not None and language in override.root:
        return override.root[language]
    defaults = DEFAULT_WORDING[key]
    # English last: a bundle in another language may lack wording added since (ADDED_LATER).
    return defaults.get(language) or defaults.get(model.default_language) or defaults["en"]


def fixed_wording_keys() -> list[str]:
    """The wording keys with no {placeholder}: words that read the same each time they show
    (the others hold numbers filled in on screen, so no recording can be made of them)."""
    return [key for key, texts in DEFAULT_WORDING.items() if not placeholders(texts["en"])]
