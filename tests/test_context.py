"""Context.from_dict: what the writer knows about the interview, validated."""

from __future__ import annotations

import pytest

from coach import Context, ContextError


def test_full_context_round_trips():
    data = {
        "interviewers": ["Priya Patel", "Sam Lee"],
        "company": "Acme",
        "role": "Data Analyst",
        "interview_type": "in person",
        "topics": ["dashboards", "month-end close"],
        "job_ad": "We need SQL.",
    }
    ctx = Context.from_dict(data)
    assert ctx.interview_type == "in_person"
    assert ctx.to_dict() == data | {"interview_type": "in_person"}


def test_comma_separated_strings_are_lists():
    ctx = Context.from_dict({"interviewers": "Priya Patel, Sam Lee", "topics": "a\nb"})
    assert ctx.interviewers == ("Priya Patel", "Sam Lee") and ctx.topics == ("a", "b")


def test_empty_context():
    assert Context.from_dict({}).is_empty


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ([], "JSON object"),
        ({"company": 3}, "company must be text"),
        ({"interview_type": "carrier pigeon"}, "interview_type must be one of"),
        ({"interviewer": "typo"}, "unknown field"),
        ({"topics": {"a": 1}}, "topics must be a list"),
    ],
)
def test_malformed_context_says_what_is_wrong(data, message):
    with pytest.raises(ContextError, match=message):
        Context.from_dict(data)
