"""ui.context_form: the "About this interview" inputs as coach.Context data."""

from __future__ import annotations

import pytest

from coach import Context
from ui.context_form import INTERVIEW_TYPE_LABELS, context_dict


def test_empty_form_is_an_empty_context():
    assert Context.from_dict(context_dict()).is_empty


@pytest.mark.parametrize(
    ("interviewers", "expected"),
    [
        ("Ms. Patel", ("Ms. Patel",)),
        ("Ms. Patel, Sam Lee", ("Ms. Patel", "Sam Lee")),
        (" Ms. Patel ,, Sam Lee ,", ("Ms. Patel", "Sam Lee")),
        ("Ms. Patel\nSam Lee", ("Ms. Patel", "Sam Lee")),
    ],
)
def test_interviewers_split_at_commas(interviewers, expected):
    assert Context.from_dict(context_dict(interviewers=interviewers)).interviewers == expected


def test_topics_one_per_line_and_the_rest_as_typed():
    context = Context.from_dict(context_dict(
        company=" Brightwater ", role="Analyst", interview_type="in_person",
        topics="weekly replenishment\n\n  the Midlands depots  \n", job_ad="We need...",
    ))
    assert context.topics == ("weekly replenishment", "the Midlands depots")
    assert (context.company, context.role, context.interview_type) == (
        "Brightwater", "Analyst", "in_person")
    assert context.job_ad == "We need..."


@pytest.mark.parametrize("kind", list(INTERVIEW_TYPE_LABELS))
def test_every_interview_type_option_is_accepted(kind):
    assert Context.from_dict(context_dict(interview_type=kind)).interview_type == kind
