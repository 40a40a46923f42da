"""concision: one page at most (coach/criteria/concision.py)."""

from __future__ import annotations

import pytest

from coach import score


def _note(body: str) -> str:
    return f"Dear Ms. Lee,\n\n{body}\n\nBest regards,\nSam Rivera\n(555) 010-2000\n"


def _sentences(n_words: int, per_sentence: int = 10) -> str:
    """Plain sentences of ``per_sentence`` words, ``n_words`` in all."""
    out, left = [], n_words
    while left > 0:
        k = min(per_sentence, left)
        out.append(" ".join(["word"] * (k - 1) + ["end."]))
        left -= k
    return " ".join(out)


def _paragraphs(n_words: int, per_paragraph: int = 100) -> str:
    parts, left = [], n_words
    while left > 0:
        k = min(per_paragraph, left)
        parts.append(_sentences(k))
        left -= k
    return "\n\n".join(parts)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (_paragraphs(120), "pass"),
        (_paragraphs(300), "pass"),  # exactly at the limit
        (_paragraphs(301), "warn"),
        (_paragraphs(400), "warn"),
        (_paragraphs(401), "fail"),
        (_paragraphs(121, per_paragraph=121), "fail"),  # one paragraph over 120 words
        (_paragraphs(120, per_paragraph=120), "pass"),
        ("\n".join(f"- point {i} end." for i in range(6)), "fail"),  # six bullets
        ("\n".join(f"- point {i} end." for i in range(5)), "pass"),  # five bullets
        (_sentences(90, per_sentence=30), "fail"),  # average sentence over 25 words
        (_sentences(100, per_sentence=25), "pass"),
    ],
)
def test_limits(body, expected):
    assert score(_note(body)).verdict("concision").verdict == expected


def test_signature_and_salutation_do_not_count():
    report = score(_note(_paragraphs(300)))
    assert report.metrics.words == 300


def test_ps_counts_as_body():
    text = _note(_paragraphs(295)) + "\nP.S. one two three four five six seven eight nine ten.\n"
    report = score(text)
    assert report.metrics.words == 306
    assert report.verdict("concision").verdict == "warn"


def test_advice_says_how_much_to_cut():
    v = score(_note(_paragraphs(450))).verdict("concision")
    assert v.verdict == "fail" and "150 words" in v.advice
    assert v.evidence  # points at the body


def test_long_paragraph_is_the_evidence():
    text = _note(_paragraphs(50) + "\n\n" + _sentences(130))
    v = score(text).verdict("concision")
    assert v.verdict == "fail"
    assert len(v.evidence) == 1 and v.evidence[0].text.count("word") > 100
