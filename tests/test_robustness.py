"""Whatever the draft, the scorer answers in shape: no crash, evidence that points home."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from coach import CRITERIA, score, score_many

DATA = Path(__file__).resolve().parents[1] / "data"
NOTES = [
    json.loads(line)["text"]
    for name in ("heldout.jsonl", "heldout2.jsonl", "heldout3.jsonl", "heldout4.jsonl")
    for line in (DATA / name).read_text(encoding="utf-8").splitlines()
]

_PIECES = [
    "Dear Ms. Patel,", "Hi", "Thank you for", "the interview", "I will call on Friday.",
    "[Name]", "{{first_name}}", "XXX", "____", "<script>alert(1)</script>", "😀🎉", "👩🏽‍💻",
    "\u200b", "\u2060", "\u202e", "مرحبا", "日本語", "Ünïcödé", "e\u0301", "-", "•", "1.",
    "P.S.", "Best,", "Sam", "$1.2M", "40%", "from 8 days to 5", "(555) 010-2000",
    "http://example.com", "a@b.co", "\t", " ", "\n", "\r\n", "\n\n", "...", "!!!", "??",
    "https://x.y/{id}/z", "—", "’", "“quoted”", "\\", "*", "_", "#", "|", ">",
]


def _assert_shape(text: str, report) -> None:
    assert tuple(v.id for v in report.criteria) == CRITERIA
    assert 0 <= report.overall <= 100
    for v in report.criteria:
        assert v.verdict in {"pass", "warn", "fail"} and v.advice.strip()
        for e in v.evidence:
            assert 0 <= e.start <= e.end <= len(text)
            assert text[e.start : e.end] == e.text


@pytest.mark.parametrize("seed", range(40))
def test_random_drafts(seed):
    rng = random.Random(seed)
    text = "".join(rng.choice(_PIECES) + rng.choice(["", " ", "\n"])
                   for _ in range(rng.randint(1, 120)))
    if not text.strip():
        text += "x"
    _assert_shape(text, score(text))


@pytest.mark.parametrize(
    "text",
    [
        "Dear Sam,\r\n\r\nThank you for the interview.\r\n\r\nBest,\r\nAl\r\n",  # CRLF
        "Dear Sam,\rThank you.\rBest,\rAl",  # old Mac line ends
        "." * 5000,
        "word " * 9999,
        "a" * 49_999,
        "\n".join(["- item"] * 500),
        "Dear Sam,\n\n" + "Thank you. " * 2000,
        "\u202eDear Sam, thank you for the interview.",
        "Dear Sam,\n\n\u00a0\u00a0Thank you\u00a0for the\u2003interview.\n\nBest,\nAl",
    ],
)
def test_odd_but_valid_drafts(text):
    _assert_shape(text, score(text))


def test_every_held_out_note_has_evidence_that_points_home():
    for text, report in zip(NOTES, score_many(NOTES), strict=True):
        _assert_shape(text, report)
