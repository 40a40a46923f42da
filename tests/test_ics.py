"""to_ics: a calendar file any calendar app reads, with every odd character intact."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from coach.ics import Event, stable_uid, to_ics

NOW = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)
SEND_BY = Event(
    uid=stable_uid("send-by", 7),
    summary="Send thank-you note to Priya Patel",
    start=datetime(2026, 11, 28, 14, 30, tzinfo=ZoneInfo("Europe/Berlin")),
    description="Northwind, Data Analyst",
)
FOLLOW_UP = Event(
    uid=stable_uid("follow-up", 7),
    summary="Follow up with Northwind",
    start=date(2026, 12, 4),
    description="They said they would decide by now.",
)


def unfold(text: str) -> list[str]:
    """Content lines as RFC 5545 defines them: CRLF plus one space joins a folded line."""
    assert text.endswith("\r\n")
    return text.replace("\r\n ", "").split("\r\n")[:-1]


def unescape(value: str) -> str:
    out, chars = [], iter(value)
    for char in chars:
        if char == "\\":
            following = next(chars)
            out.append("\n" if following in "nN" else following)
        else:
            out.append(char)
    return "".join(out)


def events_of(text: str) -> list[dict[str, str]]:
    """Each VEVENT's properties (outside its alarm), keyed by name with parameters."""
    events, current, depth = [], {}, 0
    for line in unfold(text):
        if line == "BEGIN:VEVENT":
            current, depth = {}, 1
        elif line == "BEGIN:VALARM":
            depth = 2
            current["ALARM"] = ""
        elif line == "END:VALARM":
            depth = 1
        elif line == "END:VEVENT":
            events.append(current)
            depth = 0
        elif depth == 2:
            current["ALARM"] += line + "|"
        elif depth == 1:
            name, value = line.split(":", 1)
            current[name] = value
    return events


def test_calendar_header_and_structure():
    lines = unfold(to_ics([SEND_BY, FOLLOW_UP], NOW))
    assert lines[:5] == [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Thank-You Coach//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ]
    assert lines[-1] == "END:VCALENDAR"
    assert lines.count("BEGIN:VEVENT") == lines.count("END:VEVENT") == 2


def test_an_empty_calendar_is_still_a_calendar():
    assert unfold(to_ics([], NOW))[-2:] == ["METHOD:PUBLISH", "END:VCALENDAR"]


def test_a_deadline_is_a_timed_event_in_utc_with_a_reminder():
    (event,) = events_of(to_ics([SEND_BY], NOW))
    assert event["DTSTART"] == "20261128T133000Z"
    assert event["DURATION"] == "PT30M"
    assert event["DTSTAMP"] == "20261127T120000Z"
    assert "TRIGGER:-PT2H|" in event["ALARM"] and "ACTION:DISPLAY|" in event["ALARM"]
    assert "DTEND;VALUE=DATE" not in event


def test_a_follow_up_is_an_all_day_event_without_a_reminder():
    (event,) = events_of(to_ics([FOLLOW_UP], NOW))
    assert event["DTSTART;VALUE=DATE"] == "20261204"
    assert event["DTEND;VALUE=DATE"] == "20261205"
    assert "DTSTART" not in event and "ALARM" not in event and FOLLOW_UP.all_day


def test_dtstamp_is_utc_whatever_zone_now_is_in():
    now = datetime(2026, 11, 27, 7, 0, tzinfo=ZoneInfo("America/New_York"))
    (event,) = events_of(to_ics([FOLLOW_UP], now))
    assert event["DTSTAMP"] == "20261127T120000Z"


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ('Acme, Inc.; "R&D" \\ <script>', 'Acme\\, Inc.\\; "R&D" \\\\ <script>'),
        ("line one\nline two\r\nline three", "line one\\nline two\\nline three"),
        ("bell\x07 and null\x00 dropped", "bell and null dropped"),
        ("tab\tkept", "tab\tkept"),
    ],
)
def test_text_is_escaped_and_reads_back_the_same(text, escaped):
    event = Event(uid="u1", summary=text, start=date(2026, 12, 4), description=text)
    (parsed,) = events_of(to_ics([event], NOW))
    assert parsed["SUMMARY"] == parsed["DESCRIPTION"] == escaped
    if "\x00" not in text:
        assert unescape(parsed["SUMMARY"]) == text.replace("\r\n", "\n")


def test_every_line_ends_in_crlf():
    text = to_ics([SEND_BY, FOLLOW_UP], NOW)
    assert "\n" not in text.replace("\r\n", "") and "\r" not in text.replace("\r\n", "")


@pytest.mark.parametrize(
    "summary",
    ["🎉" * 60, "é" * 100, "Danke für das Gespräch über die Datenplattform, " * 4,
     "a" * 74 + "🎉", "日本語のメモ" * 20, "👩🏽‍💻" * 30],
)
def test_long_lines_fold_at_75_octets_without_splitting_a_character(summary):
    event = Event(uid="u1", summary=summary, start=SEND_BY.start)
    text = to_ics([event], NOW)
    physical = text.split("\r\n")[:-1]
    assert all(len(line.encode("utf-8")) <= 75 for line in physical)
    # Each physical line is whole UTF-8 on its own: no character was cut in two.
    for line in physical:
        line.encode("utf-8").decode("utf-8")
    assert unescape(events_of(text)[0]["SUMMARY"]) == summary
    assert sum(line.startswith(" ") for line in physical) >= 1


def test_uids_are_stable_across_exports_and_differ_between_events():
    assert stable_uid("send-by", 7) == SEND_BY.uid
    assert len({stable_uid("send-by", 7), stable_uid("send-by", 8),
                stable_uid("follow-up", 7)}) == 3
    first, second = to_ics([SEND_BY, FOLLOW_UP], NOW), to_ics([SEND_BY, FOLLOW_UP], NOW)
    assert first == second
    assert [e["UID"] for e in events_of(first)] == [SEND_BY.uid, FOLLOW_UP.uid]


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda: Event(uid="u", summary="s", start=datetime(2026, 11, 28, 9)), "time-zone"),
        (lambda: Event(uid=" ", summary="s", start=date(2026, 11, 28)), "uid"),
        (lambda: to_ics([FOLLOW_UP, FOLLOW_UP], NOW), "share the uid"),
        (lambda: to_ics([FOLLOW_UP], datetime(2026, 11, 27, 12)), "now must be"),
    ],
)
def test_mistakes_that_would_make_a_wrong_calendar_are_refused(make, message):
    with pytest.raises(ValueError, match=message):
        make()
