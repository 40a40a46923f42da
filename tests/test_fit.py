"""Fit: the writer's experience linked to a need the employer named."""

from __future__ import annotations

import pytest

from coach import score
from tests.samples import note


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("I'm confident I'd be a great fit for the role.", "fail"),
        ("My skills in Excel, SQL and Tableau match the job's requirements.", "fail"),
        ("I would bring strong leadership and a positive attitude to your team.", "fail"),
        ("I am proficient in QuickBooks and I have experience with month-end close.", "fail"),
        ("I enjoyed hearing about the lantern festival you're planning. Last year I brought in "
         "three corporate clients for my firm.", "fail"),
        ("I loved hearing about your new mobile app. I think I'd be a great fit.", "fail"),
        ("You described the backlog of unreconciled store accounts. At Delmar I cleared a "
         "similar backlog of 900 accounts, and I would bring that approach to yours.", "pass"),
        ("I enjoyed hearing about the move to weekly replenishment. I built a weekly "
         "replenishment model at my last job.", "pass"),
        ("You said that late steel deliveries keep stalling the upper floors. I have untangled "
         "that kind of sequencing problem on three hospital projects.", "pass"),
        ("I think that experience fits well with your focus on de-escalation in the cabin.",
         "pass"),
        ("I believe my experience matches your goals for weekly replenishment.", "pass"),
        # a dummy "it" is not the writer: nothing of the writer's is linked here
        ("It was great to meet Sandra and to pair with her on the accessibility bug in the "
         "checkout screen.", "fail"),
        ("You said callbacks on your rooftop contracts are eating into margins. At my last "
         "shop I got our callback rate down from 9% to 3%.", "pass"),
        # a likeness denied is no link
        ("Hearing how your team runs weekly usability sessions with shop owners was great. "
         "I know my classroom work isn't the same as running a formal study.", "fail"),
        # "this year" does not point back at the need
        ("I enjoyed hearing about the culvert replacement program along Route 9. I said I "
         "planned to take the licensing exam this year.", "fail"),
        # the employer's name is not a need
        ("It was great to meet with you for the second interview at Orbital Media. I could "
         "bring the same results-driven approach to Orbital Media.", "fail"),
        # the writer's colleagues describing the writer are not the interview
        ("My colleagues have often described me as a dependable team player who is always "
         "learning. The position seems like an excellent match for my qualifications.", "fail"),
        # a claim about the writer, and a dummy "it", are no link
        ("You said the store is short-staffed on weekends. I am confident that my background "
         "in retail makes me a strong match for the requirements of this role.", "fail"),
        ("You mentioned the new onboarding portal. It also helped to hear that the team is "
         "small and that everyone pitches in.", "fail"),
    ],
)
def test_fit(body: str, expected: str) -> None:
    assert score(note(body)).verdict("fit").verdict == expected


def test_evidence_is_the_linking_sentence() -> None:
    body = ("You said that late steel deliveries keep stalling the upper floors. I have "
            "untangled that kind of sequencing problem on three hospital projects.")
    v = score(note(body)).verdict("fit")
    assert [e.text for e in v.evidence] == [
        "I have untangled that kind of sequencing problem on three hospital projects."
    ]
    assert v.advice.count("\n") == 0
