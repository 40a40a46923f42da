"""Clarification: an explicit revisit, correction or addition passes; absence only warns."""

from __future__ import annotations

import pytest

from coach import score
from tests.samples import note


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("As I mentioned, I have led two warehouse moves.", "warn"),
        ("I'll check in next week to see how things are going on your end.", "warn"),
        ("Following up on our call today about the dispatcher position.", "warn"),
        ("I am excited about the role and I will follow up next Friday.", "warn"),
        ("I also wanted to mention that I hold a forklift certification.", "pass"),
        ("To expand on my answer about budgets, I managed a $2M line for three years.", "pass"),
        ("One correction: the project took nine months, not six.", "pass"),
        ("I didn't get to mention that I speak Portuguese.", "pass"),
        ("When you asked about scheduling, I undersold it: I can work four evenings a week.",
         "pass"),
        ("I need to correct something I said about my start date.", "pass"),
        ("I wanted to follow up on the inventory question, since I rushed my answer.", "pass"),
        ("I left out that I hold a commercial driver's license.", "pass"),
        ("I left the hotel feeling inspired about hospitality.", "warn"),
        ("I forgot to show you my lettering work, so I added three pieces below.", "pass"),
        ("I should also correct one point: the migration ran five weeks late.", "pass"),
        ("I don't think my answer about remote data was as clear as it could have been.", "pass"),
        ("My example about budgets was too vague, so here is the full story.", "pass"),
        ("My answer about budgets covered the main points.", "warn"),
        ("I hope my answers gave you a sense of how I work.", "warn"),
        ("Two things I want to clear up from our talk: my salary range and my start date.",
         "pass"),
        ("I said around 60, but I should have been clearer: I'm looking for 62 to 65.", "pass"),
        ("When you asked why I'm leaving teaching, I don't think I gave you a complete answer.",
         "pass"),
        ("You asked about scheduling, so to expand a little: I ran the tutor rota.", "pass"),
        ("I just wanted to say I'm really interested in the coordinator job.", "warn"),
        ("I've never failed a rough-in inspection.", "warn"),
        ("I failed to mention that I hold a CDL.", "pass"),
    ],
)
def test_clarification(body: str, expected: str) -> None:
    assert score(note(body)).verdict("clarification").verdict == expected


def test_never_fails_and_points_at_the_sentence() -> None:
    assert score(note("Thank you for your time.")).verdict("clarification").verdict == "warn"
    v = score(note("Thanks again. One correction: it was 2017, not 2019.")).verdict(
        "clarification"
    )
    assert [e.text for e in v.evidence] == ["One correction: it was 2017, not 2019."]
