"""A problem found in a bundle, worded for the staff member who has to fix it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a bundle: which file, where in it, and what, in a plain sentence."""

    file: str
    path: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}: {self.path}" if self.path else self.file
        return f"{where}: {self.message}"


def refusal_text(source: str, problems: list[Problem]) -> str:
    """A refused bundle's problems, one per line, for a terminal or a log."""
    lines = [f"{source}: not valid, {len(problems)} problem(s):"]
    return "\n".join([*lines, *(f"  {problem}" for problem in problems)])


def format_path(loc: tuple[str | int, ...] | list[str | int]) -> str:
    """Turn ('exercises', 2, 'steps', 0) into 'exercises[2].steps[0]'."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out
