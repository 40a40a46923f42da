"""Personalization: a named person greeted AND the company or the role named."""

from __future__ import annotations

import pytest

from coach import Context, score

BODY = "Thank you for the interview for the Data Analyst role at Brightwater Foods."


def note(greeting: str, body: str = BODY) -> str:
    return f"{greeting}\n\n{body}\n\nBest regards,\nJordan Lee\n"


@pytest.mark.parametrize(
    ("greeting", "body", "expected"),
    [
        ("Dear Hiring Manager,", BODY, "fail"),
        ("Dear Principal Okonkwo,", BODY, "pass"),  # a title before a name
        ("Dear Front Desk Manager,", BODY, "fail"),
        ("Dear Director of Operations,", BODY, "fail"),
        ("Hi Lumen team,", BODY, "fail"),
        ("To whom it may concern,", BODY, "fail"),
        ("Dear Search Committee,", BODY, "fail"),
        ("Dear [Name],", BODY, "fail"),
        ("Dear Ms. Patel,", "Thank you for your time today. At Harbor Goods I ran the night "
         "shift.", "fail"),
        ("Hi Noor,", "Great talking today. At my last job our average CI time fell by half.",
         "fail"),
        ("Dear Ms. Patel,", BODY, "pass"),
        ("hi sam,", "thanks for meeting me about the barista job at blue door cafe.", "pass"),
        ("Dear Ms. Patel,", "Thank you for the interview for the Data Analyst role at "
         "[Company].", "pass"),
    ],
)
def test_personalization(greeting: str, body: str, expected: str) -> None:
    assert score(note(greeting, body)).verdict("personalization").verdict == expected


def test_greeting_must_match_recorded_spelling() -> None:
    ctx = Context(interviewers=("Dana Whitlock",))
    wrong = score(note("Dear Ms. Whitlok,"), ctx).verdict("personalization")
    assert wrong.verdict == "fail"
    assert "Whitlock" in wrong.advice
    assert [e.text for e in wrong.evidence] == ["Ms. Whitlok"]
    right = score(note("Dear Ms. Whitlock,"), ctx).verdict("personalization")
    assert right.verdict == "pass"
    assert right.evidence[0].text == "Ms. Whitlock"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Great meeting you at the Stillwater Films office on Monday.", "pass"),
        ("Great meeting you at the Denver office on Monday.", "fail"),
        ("Great meeting you and Lena at the Tuesday lunch.", "fail"),
    ],
)
def test_employer_named_after_at_the(body, expected):
    assert score(note("Hi Gabe,", body)).verdict("personalization").verdict == expected
