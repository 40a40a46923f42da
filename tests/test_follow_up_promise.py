"""Follow-up promise: the writer's own next step passes; waiting, offers and "let me know" fail."""

from __future__ import annotations

import pytest

from coach import score


def note(closing: str) -> str:
    return (
        "Dear Mr. Okafor,\n\nThank you for talking with me about the Dispatch Lead role. "
        f"Your plan to merge the two night routes stayed with me.\n\n{closing}\n\n"
        "Best regards,\nDana Cole\n"
    )


CASES = [
    ("I will follow up next Friday.", "pass"),
    ("I'll check in in two weeks.", "pass"),
    ("If I haven't heard by Friday, I'll call.", "pass"),
    ("I'll send the route map by Wednesday.", "pass"),
    ("I plan to reach out early next week.", "pass"),
    ("I will call you Monday to see if you need anything else from me.", "pass"),
    ("I'll swing by Thursday to drop off my certificates.", "pass"),
    ("I will give you a call the week after next.", "pass"),
    ("I will be in touch by the end of the month.", "pass"),
    ("Expect a short note from me next Tuesday.", "pass"),
    ("I'll touch base once the panel has met.", "pass"),
    ("I look forward to hearing from you.", "fail"),
    ("Feel free to contact me with any questions.", "fail"),
    ("Please let me know if you need anything else.", "fail"),
    ("I'd be happy to send references if that would help.", "fail"),
    ("If you need anything, I will send it right away.", "fail"),
    ("I wanted to follow up on your question about routing.", "fail"),
    ("I look forward to meeting the team at the second interview on the 9th.", "fail"),
    ("I will not call before the decision.", "fail"),
    ("Shall I send my references?", "fail"),
]


@pytest.mark.parametrize(("closing", "expected"), CASES)
def test_follow_up_promise(closing: str, expected: str) -> None:
    assert score(note(closing)).verdict("follow_up_promise").verdict == expected


def test_evidence_is_the_promise_sentence() -> None:
    v = score(note("I look forward to hearing from you. I will follow up next Friday.")).verdict(
        "follow_up_promise"
    )
    assert [e.text for e in v.evidence] == ["I will follow up next Friday."]
    assert "keep it" in v.advice


def test_untimed_promise_asks_for_a_date() -> None:
    v = score(note("I will follow up with your assistant.")).verdict("follow_up_promise")
    assert v.verdict == "pass"
    assert "when" in v.advice.lower()


def test_waiting_is_the_fail_evidence() -> None:
    v = score(note("I look forward to hearing from you.")).verdict("follow_up_promise")
    assert [e.text for e in v.evidence] == ["I look forward to hearing from you."]


@pytest.mark.parametrize(
    ("closing", "expected"),
    [
        ("I'm very excited about the role and will follow up by email next Wednesday.", "pass"),
        ("I am excited about the role and would follow up if needed.", "fail"),
        ("You were clear about the timeline and will call me next week.", "fail"),
    ],
)
def test_promise_on_a_coordinated_verb(closing, expected):
    assert score(note(closing)).verdict("follow_up_promise").verdict == expected
