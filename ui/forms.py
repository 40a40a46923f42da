"""Turning the Applications page's form fields into tracker records (no Streamlit here)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from zoneinfo import available_timezones

#: Every IANA zone, for the time-zone pickers; the user's own is preselected.
ZONES: tuple[str, ...] = tuple(sorted(z for z in available_timezones() if "/" in z or z == "UTC"))
MAX_PEOPLE = 20
_SEPARATOR = re.compile(r"\s*[;\t|]\s*")


@dataclass(frozen=True)
class Person:
    name: str
    title: str = ""
    email: str = ""


def people(text: str) -> list[Person]:
    """Interviewers typed one per line as ``Name; Title; email`` (title and email optional).

    Tabs or ``|`` work as separators too, so rows pasted from a spreadsheet are read as-is.
    Raises ValueError naming the line when a line has more than three parts.
    """
    found: list[Person] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        parts = [p.strip() for p in _SEPARATOR.split(line.strip())]
        if len(parts) > 3:
            raise ValueError(f"line {number} of the interviewers has {len(parts)} parts; "
                             "write Name; Title; email")
        if not parts[0]:
            raise ValueError(f"line {number} of the interviewers has no name")
        found.append(Person(*parts))
    if len(found) > MAX_PEOPLE:
        raise ValueError(f"{len(found)} interviewers is more than the {MAX_PEOPLE} a form takes")
    return found


def zone_index(zone: str) -> int:
    """Where ``zone`` sits in ZONES (UTC's place when it isn't there)."""
    try:
        return ZONES.index(zone)
    except ValueError:
        return ZONES.index("UTC")


def interview_label(round_: int, local_start: str) -> str:
    return f"Round {round_}, {local_start}"


def changed_rows(edited, original) -> list:
    """Index labels of rows whose values differ between two same-shaped frames."""
    changed = []
    for key in original.index:
        if key not in edited.index:
            continue
        before, after = original.loc[key], edited.loc[key]
        if any(not _same(before[c], after[c]) for c in original.columns):
            changed.append(key)
    return changed


def _same(a, b) -> bool:
    missing_a = a is None or (isinstance(a, float) and a != a)
    missing_b = b is None or (isinstance(b, float) and b != b)
    if missing_a or missing_b:
        return missing_a and missing_b
    try:
        return bool(a == b)
    except (TypeError, ValueError):
        return False
