"""Gratitude: thanks in the body for the time, interview, conversation or opportunity pass;
sign-off formulas, thanks only "for your consideration", requests and "thanks to" do not."""

from __future__ import annotations

import pytest

from coach import score
from tests.samples import note

FILLER = "I enjoyed learning about the warehouse move and the new scanning process."

CASES = [
    # (body, sign-off, verdict)
    (f"Thank you for meeting with me on Monday. {FILLER}", "Best regards,", "pass"),
    (f"Thanks so much for the tour of the lab yesterday. {FILLER}", "Best,", "pass"),
    (f"{FILLER} I really appreciate you taking the time to walk me through it.", "Best,", "pass"),
    (f"I am grateful for the chance to meet the team. {FILLER}", "Best,", "pass"),
    (f"I wanted to thank you and Omar for a candid conversation. {FILLER}", "Best,", "pass"),
    (f"I want to express my appreciation for your time. {FILLER}", "Best,", "pass"),
    (f"Muchas gracias por su tiempo el martes. {FILLER}", "Saludos,", "pass"),
    (f"Merci beaucoup pour l'entretien de ce matin. {FILLER}", "Cordialement,", "pass"),
    # Sign-off formulas alone.
    (FILLER, "Thanks,", "fail"),
    (FILLER, "Thanks again,", "fail"),
    (FILLER, "With gratitude,", "fail"),
    (f"{FILLER}\n\nThanks!", "Sam", "fail"),
    # Formula objects, requests and causal "thanks to".
    (f"{FILLER} Thank you for your consideration.", "Best,", "fail"),
    (f"{FILLER} Thanks in advance for your attention.", "Best,", "fail"),
    (f"{FILLER} I would appreciate any feedback on my portfolio.", "Best,", "fail"),
    (f"{FILLER} I'd be grateful if you could share the timeline.", "Best,", "fail"),
    (f"Thanks to your clear overview, I now see the challenge. {FILLER}", "Best,", "fail"),
    (f"It was a pleasure speaking with you. {FILLER}", "Best,", "fail"),
    (f"I have a deep appreciation for clean, tested code. {FILLER}", "Best,", "fail"),
    (f"Great chatting today! {FILLER}", "Cheers,", "fail"),
]


@pytest.mark.parametrize(("body", "signoff", "expected"), CASES)
def test_gratitude(body: str, signoff: str, expected: str) -> None:
    assert score(note(body, signoff=signoff)).verdict("gratitude").verdict == expected


def test_evidence_is_the_thanks_sentence_not_the_salutation() -> None:
    v = score(note(f"Thank you for meeting with me on Monday. {FILLER}")).verdict("gratitude")
    assert v.evidence[0].text.startswith("Thank you for meeting with me on Monday")
    assert "Dear" not in v.evidence[0].text


def test_fail_points_at_the_signoff() -> None:
    text = note(FILLER, signoff="Thanks,")
    v = score(text).verdict("gratitude")
    assert [e.text for e in v.evidence] == ["Thanks,"]
    assert "thank" in v.advice.lower()
