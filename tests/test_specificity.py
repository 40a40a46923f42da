"""Specificity: a concrete thing from the conversation, not generic praise or the posting."""

from __future__ import annotations

import pytest

from coach import Context, score
from tests.samples import note


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("I loved learning about your amazing company and its wonderful culture.", "fail"),
        ("Thank you for our conversation about the Senior Accountant position at Halvorsen.",
         "fail"),
        ("I appreciated the great opportunity and our insightful discussion.", "fail"),
        ("At my last job I built the payroll reporting system and trained the audit team.",
         "fail"),
        ("Your job posting mentions a backlog of unreconciled vendor accounts.", "fail"),
        ("As I mentioned during our call, I have twelve years of experience in retail banking.",
         "fail"),
        ("Please let me know if you need anything else from me, like writing samples.", "fail"),
        ("I keep thinking about the warehouse slotting problem you described on Tuesday.", "pass"),
        ("I enjoyed hearing about your plan to move the night crew onto scanner-based picking.",
         "pass"),
        ("Our discussion of the spring donor campaign was the highlight of my day.", "pass"),
        ("Thank you for walking me through the new intake dashboard.", "pass"),
        ("You mentioned that the loading dock scanners drop orders every Monday.", "pass"),
        ("It was great to meet Sandra and to pair with her on the accessibility bug in the "
         "checkout screen.", "pass"),
        ("It was a pleasure to sit in on the diabetes education group.", "pass"),
        ("I enjoyed touring the Dearborn assembly plant.", "pass"),
        ("It was great to meet the team.", "fail"),
        ("It is great to see a company with such strong values.", "fail"),
        ("It would be great to work on a new kind of project.", "fail"),
    ],
)
def test_specificity(body: str, expected: str) -> None:
    assert score(note(body)).verdict("specificity").verdict == expected


def test_evidence_covers_the_detail() -> None:
    text = note("I keep thinking about the warehouse slotting problem you described.")
    v = score(text).verdict("specificity")
    assert any("warehouse slotting problem" in e.text for e in v.evidence)
    assert all(text[e.start : e.end] == e.text for e in v.evidence)


def test_recorded_topics_must_appear() -> None:
    ctx = Context(topics=("weekend chat coverage",))
    missing = note("I enjoyed hearing about the new intake dashboard you are building.")
    present = note("Your plan to add weekend chat coverage stayed with me.")
    assert score(missing, ctx).verdict("specificity").verdict == "fail"
    v = score(present, ctx).verdict("specificity")
    assert v.verdict == "pass"
    assert any("weekend chat coverage" in e.text for e in v.evidence)


def test_phrase_only_from_the_job_ad_does_not_count() -> None:
    ctx = Context(job_ad="We need someone to clear our backlog of unreconciled vendor accounts.")
    echoed = note("Your backlog of unreconciled vendor accounts sounds familiar.")
    raised = note("You described your backlog of unreconciled vendor accounts.")
    assert score(echoed, ctx).verdict("specificity").verdict == "fail"
    assert score(raised, ctx).verdict("specificity").verdict == "pass"
