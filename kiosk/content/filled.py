"""The wording a patient sees with numbers or bundle words filled in ("Step 2 of 5", "Hold for
10 seconds", the About screen's lines): every such text that can appear, known from the
bundle, so `kiosk narrate` can record each one ahead. The seconds counting down are left out."""

from __future__ import annotations

from kiosk.content.about import about_sections
from kiosk.content.model import Bundle, Exercise
from kiosk.content.spoken import filled_path
from kiosk.content.wording import interface_word

Filling = tuple[str, dict[str, int]]  # (wording key, the numbers filled in)


def exercise_fillings(exercise: Exercise) -> list[Filling]:
    """Each filled wording the exercise screen can show for `exercise`: where the patient is
    (step, set, repeat), how long a hold lasts, and what was done on the finish card."""
    steps, sets, reps = len(exercise.steps), exercise.sets, exercise.repetitions
    found: list[Filling] = [("step_of", {"n": n, "total": steps}) for n in range(1, steps + 1)]
    found += [("set_of", {"n": n, "total": sets}) for n in range(1, sets + 1)]
    found += [("rep_of", {"n": n, "total": reps}) for n in range(1, reps + 1)]
    if any(step.hold for step in exercise.steps):
        found.append(("hold_for", {"seconds": exercise.hold_seconds}))
    found.append(("sets_reps", {"sets": sets, "reps": reps}))
    # Some repeats done, not all (all done says sets_reps instead).
    found += [("reps_done", {"done": d, "total": sets * reps}) for d in range(1, sets * reps)]
    return found


def filled_texts(model: Bundle, languages: list[str]) -> dict[str, dict[str, str]]:
    """Every filled text a patient can see, by its name in the narration index and then
    language; the About screen's lines too (its headings and sources among them)."""
    found: dict[str, dict[str, str]] = {}
    for exercise in model.exercises:
        for key, values in exercise_fillings(exercise):
            by_language = found.setdefault(filled_path(key, **values), {})
            for lang in languages:
                by_language[lang] = interface_word(model, key, lang).format(**values)
    for lang in languages:
        for section in about_sections(model, lang):
            heading = (section.heading,) if section.heading else ()
            for line in (*heading, *section.lines):
                found.setdefault(line.path, {})[lang] = line.words
    return found
