"""An iCalendar (RFC 5545) file of send-by deadlines and follow-up days."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

_PRODID = "-//Thank-You Coach//EN"
#: Longest line before folding, in octets (RFC 5545, 3.1).
_LINE_OCTETS = 75
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


@dataclass(frozen=True)
class Event:
    """One calendar entry.

    Parameters
    ----------
    uid : an identifier that stays the same across exports, so calendars update the entry
        instead of adding a copy (``stable_uid`` makes one)
    summary : the title shown in the calendar
    start : a time-zone-aware datetime for a 30-minute event with a reminder two hours
        before, or a date for an all-day event
    description : the entry's notes
    """

    uid: str
    summary: str
    start: datetime | date
    description: str = ""

    def __post_init__(self) -> None:
        if not self.uid.strip():
            raise ValueError("an event needs a uid")
        if isinstance(self.start, datetime) and self.start.utcoffset() is None:
            raise ValueError("an event's start must be a time-zone-aware datetime or a date")

    @property
    def all_day(self) -> bool:
        return not isinstance(self.start, datetime)


def stable_uid(*parts: object) -> str:
    """A UID made from what identifies the event (e.g. ``"send-by", note_id``).

    Parameters
    ----------
    parts : values whose ``str`` identifies the event

    Returns
    -------
    str
        the same UID for the same parts, e.g. ``3f2a…@thank-you-coach``.
    """
    digest = hashlib.sha256("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()
    return f"{digest[:32]}@thank-you-coach"


def to_ics(events: Iterable[Event], now: datetime) -> str:
    """The events as one iCalendar file.

    Parameters
    ----------
    events : the entries, written in the order given; their UIDs must differ
    now : the time of export (time-zone aware), written as each entry's DTSTAMP

    Returns
    -------
    str
        the calendar text with CRLF line ends and lines folded at 75 octets.
    """
    if now.utcoffset() is None:
        raise ValueError("now must be a time-zone-aware datetime")
    stamp = _utc(now)
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{_PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ]
    seen: set[str] = set()
    for event in events:
        if event.uid in seen:
            raise ValueError(f"two events share the uid {event.uid!r}")
        seen.add(event.uid)
        lines += ["BEGIN:VEVENT", f"UID:{_escape(event.uid)}", f"DTSTAMP:{stamp}"]
        if isinstance(event.start, datetime):
            lines += [f"DTSTART:{_utc(event.start)}", "DURATION:PT30M"]
        else:
            day = event.start
            lines += [
                f"DTSTART;VALUE=DATE:{day:%Y%m%d}",
                f"DTEND;VALUE=DATE:{day + timedelta(days=1):%Y%m%d}",
            ]
        lines += [f"SUMMARY:{_escape(event.summary)}", f"DESCRIPTION:{_escape(event.description)}"]
        if not event.all_day:
            lines += [
                "BEGIN:VALARM",
                "ACTION:DISPLAY",
                f"DESCRIPTION:{_escape(event.summary)}",
                "TRIGGER:-PT2H",
                "END:VALARM",
            ]
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "".join(_fold(line) + "\r\n" for line in lines)


def _utc(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def _escape(text: str) -> str:
    """TEXT as RFC 5545 writes it; other control characters are not allowed, so dropped."""
    text = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")
    return _CONTROL.sub("", text)


def _fold(line: str) -> str:
    """The line split into pieces of at most 75 octets, never inside a character."""
    pieces: list[str] = []
    current: list[str] = []
    size = 0
    limit = _LINE_OCTETS
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            pieces.append("".join(current))
            current, size = [], 0
            limit = _LINE_OCTETS - 1  # a continuation line starts with one space
        current.append(char)
        size += width
    pieces.append("".join(current))
    return "\r\n ".join(pieces)
