"""Concision: the note fits on one page.

Checklist: passes when the body has at most 300 words, no paragraph over 120 words, at most
5 bullet points and an average sentence of at most 25 words; ``warn`` between 300 and 400
words, ``fail`` above 400 or when any other limit is broken.
"""

from __future__ import annotations

from ..draft import words
from ..report import Verdict
from .note import Note, verdict

MAX_WORDS = 300
WARN_WORDS = 400
MAX_PARAGRAPH_WORDS = 120
MAX_BULLETS = 5
MAX_AVG_SENTENCE_WORDS = 25


def judge(note: Note) -> Verdict:
    m, draft = note.metrics, note.draft
    body = [note.evidence(r.start, r.end) for r in draft.body]
    if m.words == 0:
        return verdict(
            "concision", "fail", [], "Write the body of the note: a few short paragraphs."
        )

    long_paragraphs = [
        p for p in draft.paragraphs if len(words(p.of(note.text))) > MAX_PARAGRAPH_WORDS
    ]
    if m.words > WARN_WORDS:
        cut = m.words - MAX_WORDS
        return verdict(
            "concision", "fail", body,
            f"At {m.words} words the body runs past a page: cut about {cut} words to get under "
            f"{MAX_WORDS}, keeping the detail from the conversation and your one best result.",
        )
    if m.longest_paragraph_words > MAX_PARAGRAPH_WORDS:
        spans = [note.evidence(p.start, p.end) for p in long_paragraphs] or body
        return verdict(
            "concision", "fail", spans,
            f"Split the {m.longest_paragraph_words}-word paragraph in two (at most "
            f"{MAX_PARAGRAPH_WORDS} words each): one idea per paragraph.",
        )
    if m.bullets > MAX_BULLETS:
        spans = [note.evidence(b.start, b.end) for b in draft.bullets]
        return verdict(
            "concision", "fail", spans,
            f"Keep at most {MAX_BULLETS} bullets (you have {m.bullets}): drop the "
            f"{m.bullets - MAX_BULLETS} weakest, or fold them into a sentence.",
        )
    if m.avg_sentence_words > MAX_AVG_SENTENCE_WORDS:
        longest = _longest_sentences(note)
        return verdict(
            "concision", "fail", longest,
            f"Sentences average {m.avg_sentence_words:g} words: split the longest ones so the "
            f"average is {MAX_AVG_SENTENCE_WORDS} or fewer.",
        )
    if m.words > MAX_WORDS:
        return verdict(
            "concision", "warn", body,
            f"At {m.words} words the body is a little long: cut about {m.words - MAX_WORDS} "
            f"words to stay under {MAX_WORDS}.",
        )
    return verdict(
        "concision", "pass", body,
        f"{m.words} words in {m.paragraphs} paragraph{'' if m.paragraphs == 1 else 's'}: "
        "short enough to read in one go; keep it.",
    )


def _longest_sentences(note: Note, count: int = 2) -> list:
    sents = sorted(note.body_sentences(), key=lambda s: len(s), reverse=True)[:count]
    return [note.span_evidence(s) for s in sents]
