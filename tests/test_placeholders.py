"""placeholders: no unfilled template text (coach/criteria/placeholders.py)."""

from __future__ import annotations

import pytest

from coach import score
from coach.criteria.placeholders import find


def _found(text):
    return [text[s:e] for s, e in find(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dear [Name],", ["[Name]"]),
        ("the role at <Company> is", ["<Company>"]),
        ("as our new {role} you", ["{role}"]),
        ("Hi {{first_name}},", ["{{first_name}}"]),
        ("Dear {{ first_name }},", ["{{ first_name }}"]),
        ("at XXX Corp", ["XXX"]),
        ("improved by XX% last year", ["XX"]),
        ("call me at (XXX) XXX-XXXX", ["XXX", "XXX", "XXXX"]),
        ("Dear Dr. ________,", ["________"]),
        ("Dear Interviewer Name,", ["Interviewer Name"]),
        ("join Company Name soon", ["Company Name"]),
        ("Best,\nYour Name", ["Your Name"]),
        ("Dear Mr./Ms. Last Name,", ["Mr./Ms. Last Name"]),
        ("Dear Hiring Manager Name,", ["Hiring Manager Name"]),
        ("the role at INSERT COMPANY is", ["INSERT COMPANY"]),
        ("I'll call by [date].", ["[date]"]),
        ("we toured the [insert exhibit name] wing", ["[insert exhibit name]"]),
        ("the <Branch Name> branch", ["<Branch Name>"]),
    ],
)
def test_template_text_is_found(text, expected):
    assert _found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "the retries on POST /invoices/{invoiceId}/finalize were the problem",
        "I would keep the company name out of the subject line.",
        "We shipped version 2.0 in March with 12 fixes.",
        "My address is 12 Elm Street, Springfield.",
        "I scored <b>bold</b> results",  # an HTML tag is not a template slot
        "Dear Ms. Xu, thanks from Max and Rex at XYZ Logistics.",
        "The interview ran from 9 to 11 (2 hours).",
    ],
)
def test_real_content_is_not_a_placeholder(text):
    assert _found(text) == []


def test_verdict_fails_with_every_span_and_advice_naming_the_first():
    text = "Dear [Name],\n\nThank you for the interview at XXX.\n\nBest,\n[Your Name]"
    v = score(text).verdict("placeholders")
    assert v.verdict == "fail"
    assert [e.text for e in v.evidence] == ["[Name]", "XXX", "[Your Name]"]
    assert all(text[e.start : e.end] == e.text for e in v.evidence)
    assert "'[Name]'" in v.advice and "2 more" in v.advice


def test_clean_note_passes():
    report = score("Hi Sam,\n\nThank you for today.\n\nBest,\nAl")
    assert report.verdict("placeholders").verdict == "pass"
