"""Quantified achievement: a number that measures the writer's own result passes; years of
experience, scope, dates, phone numbers and the employer's figures do not."""

from __future__ import annotations

import pytest

from coach import score


def note(middle: str) -> str:
    return (
        "Dear Ms. Haddad,\n\nThank you for meeting with me about the Operations Analyst role.\n\n"
        f"{middle}\n\nI will follow up next week.\n\nBest regards,\nPriya Nair\n"
    )


CASES = [
    ("I cut invoice processing time from 6 hours to 45 minutes.", "pass"),
    ("At Norfield I increased repeat sales by 10% in one year.", "pass"),
    ("Last spring I trained 12 analysts on the new ledger.", "pass"),
    ("We doubled the number of signed renewals.", "pass"),
    ("I rebuilt the intake form. Drop-offs fell from 30% to 12%.", "pass"),
    ("That redesign cut our returns in half.", "pass"),
    ("I reduced onboarding from two weeks to four days.", "pass"),
    ("My crew finished the remodel 3 weeks early.", "pass"),
    ("Highlights:\n- Recovered $8,000 in duplicate payments\n- Set up a filing system", "pass"),
    ("I have 10 years of experience in logistics.", "fail"),
    ("I managed a team of 12 and ran a 4-person crew.", "fail"),
    ("I teach three sections each semester.", "fail"),
    ("Our team of 8 handled the migration.", "fail"),
    ("I worked there from 2015 to 2019.", "fail"),
    ("I would cut costs by 15% in my first year.", "fail"),
    ("You mentioned that churn rose from 5% to 8% last quarter.", "fail"),
    ("Your team grew by 40% last year, which is impressive.", "fail"),
    ("I am certified under Part 107 and can start June 3.", "fail"),
    ("You can reach me at 555-201-3344 after 5 pm.", "fail"),
    ("I designed a 24-page training guide in 2021.", "fail"),
    ("Last year I raised retention by XX%.", "fail"),
    ("I explained my approach in one sentence during the panel.", "fail"),
]


@pytest.mark.parametrize(("middle", "expected"), CASES)
def test_quantified_achievement(middle: str, expected: str) -> None:
    assert score(note(middle)).verdict("quantified_achievement").verdict == expected


def test_evidence_is_the_result_sentence() -> None:
    text = note("I joined in 2019. I cut invoice processing time from 6 hours to 45 minutes.")
    v = score(text).verdict("quantified_achievement")
    assert [e.text for e in v.evidence] == [
        "I cut invoice processing time from 6 hours to 45 minutes."
    ]


def test_fail_points_at_numbers_that_do_not_count() -> None:
    v = score(note("I have 10 years of experience in logistics.")).verdict(
        "quantified_achievement"
    )
    assert v.verdict == "fail"
    assert [e.text for e in v.evidence] == ["I have 10 years of experience in logistics."]
    assert "not results" in v.advice


@pytest.mark.parametrize(
    ("middle", "expected"),
    [
        ("I got our callback rate down from 9% to under 3% in a year.", "pass"),
        ("Support tickets dropped by a third after I rewrote the onboarding guide.", "pass"),
        ("I said the rollout was in 2021. The drop in readmissions I cited, from 14% to 8%, "
         "came the year after I started it.", "pass"),
        ("On my last job I had the site back on power in 5 hours instead of the 8 we quoted.",
         "pass"),
        ("I worked 40 hours a week instead of 30 last summer.", "fail"),
        ("I made it to the third round of the state competition.", "fail"),
        ("You said the drop in sales from 14% to 8% hurt the quarter.", "fail"),
    ],
)
def test_changes_told_in_other_shapes(middle, expected):
    assert score(note(middle)).verdict("quantified_achievement").verdict == expected
