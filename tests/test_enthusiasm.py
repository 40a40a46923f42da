"""Enthusiasm: stated interest in the role or company, not praise, fit or availability."""

from __future__ import annotations

import pytest

from coach import score
from tests.samples import note


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("I enjoyed our conversation and learning about the team.", "fail"),
        ("I'm confident I'd be a great addition to your team.", "fail"),
        ("I can start as soon as next Monday and I'm available any shift.", "fail"),
        ("Your work on the river cleanup is truly impressive.", "fail"),
        ("I would like to add one point to my answer about budgets.", "fail"),
        ("I would love to hear from you soon.", "fail"),
        ("I am not interested in relocating, but the schedule works for me.", "fail"),
        ("I'm excited about the chance to join the research team.", "pass"),
        ("I really want this job.", "pass"),
        ("I'd love to be part of the team this summer.", "pass"),
        ("I would love to teach at Maple Ridge.", "pass"),
        ("I'd really like to work for you.", "pass"),
        ("I remain very interested in the Program Coordinator role.", "pass"),
        ("I'd really like to come work for Kowalczyk Electric.", "pass"),
        ("I'd like to come work with your crew this summer.", "pass"),
        ("I'd like to come back to that question about the budget.", "fail"),
    ],
)
def test_enthusiasm(body: str, expected: str) -> None:
    assert score(note(body)).verdict("enthusiasm").verdict == expected


def test_evidence_is_the_sentence() -> None:
    body = "Thank you for your time. I really want this job."
    text = note(body)
    v = score(text).verdict("enthusiasm")
    assert [e.text for e in v.evidence] == ["I really want this job."]
    assert text[v.evidence[0].start : v.evidence[0].end] == "I really want this job."
