"""The shape of a note: salutation, body, sign-off, P.S., paragraphs, bullets."""

from __future__ import annotations

import pytest

from coach.draft import parse, words
from coach.metrics import sentences


def _part(text, region):
    return region.of(text) if region else None


@pytest.mark.parametrize(
    ("text", "salutation", "signoff"),
    [
        ("Dear Ms. Patel,\n\nThanks for today.\n\nBest,\nSam", "Dear Ms. Patel,", "Best,"),
        ("Hi Jo!\n\nGreat talk.\n\nCheers,\nAl", "Hi Jo!", "Cheers,"),
        ("Mr. Kowalski,\n\nBody here.\n\nThanks again,\nPete", "Mr. Kowalski,", "Thanks again,"),
        ("To Whom It May Concern:\n\nBody.\n\nRespectfully,\nX", "To Whom It May Concern:",
         "Respectfully,"),
        ("Bonjour Mme Roux,\n\nMerci.\n\nCordialement,\nLéa", "Bonjour Mme Roux,",
         "Cordialement,"),
        ("hi carmen,\n\nthanks for today!!\n\nsee you soon hopefully,\nmia", "hi carmen,",
         "see you soon hopefully,"),
        # A pasted e-mail header is neither salutation nor body.
        ("Subject: Thank you – Data Analyst interview\n\nHi Marisol,\n\nThanks.\n\nBest,\nAl",
         "Hi Marisol,", "Best,"),
        ("To: sam@acme.com\nRe: Next steps\n\nDear Sam,\n\nThanks.\n\nBest,\nAl", "Dear Sam,",
         "Best,"),
        # No salutation and no sign-off: it is all body.
        ("Thank you for the interview today. I will call on Friday.", None, None),
    ],
)
def test_salutation_and_signoff(text, salutation, signoff):
    draft = parse(text)
    assert _part(text, draft.salutation) == salutation
    assert _part(text, draft.signoff) == signoff


def test_body_excludes_signature_but_keeps_ps():
    text = (
        "Dear Ana,\n\nThank you for the tour.\n\nBest,\nLuis Ortega\n(555) 010-2000\n\n"
        "P.S. I forgot to mention my forklift licence."
    )
    draft = parse(text)
    body = draft.body_text
    assert "Thank you for the tour." in body
    assert "P.S. I forgot to mention my forklift licence." in body
    assert "Luis Ortega" not in body and "555" not in body
    assert len(draft.paragraphs) == 2


def test_paragraphs_are_split_by_blank_lines_and_bullets_counted():
    text = "Hi Jo,\n\nOne.\nStill one.\n\n- a\n- b\n• c\n1. d\n\nBest,\nMe"
    draft = parse(text)
    assert [p.of(text) for p in draft.paragraphs] == [
        "One.\nStill one.", "- a\n- b\n• c\n1. d",
    ]
    assert len(draft.bullets) == 4


def test_empty_text_has_no_parts():
    draft = parse("   \n\n ")
    assert draft.body == () and draft.salutation is None and draft.paragraphs == ()


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("I met Dr. Smith at 9 a.m. today. It went well!", 2),
        ("Line one without a stop\nLine two.", 2),
        ("Is it? Yes… it is.", 3),
        ("", 0),
    ],
)
def test_sentences(text, count):
    assert len(sentences(text)) == count


def test_words_keep_contractions_and_hyphens_whole():
    expected = ["I'm", "a", "night-shift", "nurse", "24", "7"]
    assert words("I'm a night-shift nurse, 24/7.") == expected


def test_subject_line_is_not_body():
    text = "Subject: Thank you for the interview today\n\nHi Sam,\n\nOne two three.\n\nBest,\nAl"
    assert parse(text).body_text == "One two three."


def test_a_ps_right_after_the_greeting_is_the_whole_body():
    # Found by tests/test_robustness.py: no main body before the P.S. used to crash.
    text = "Hi Sam,\nP.S. Thank you for today."
    draft = parse(text)
    assert draft.body_text == "P.S. Thank you for today." and draft.signoff is None
