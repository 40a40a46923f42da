"""Whether a draft is written in English, the language the checklist is judged in."""

from __future__ import annotations

from spacy.tokens import Doc

#: English prose is roughly 40-50% function words; other languages share few of them.
MIN_STOP_SHARE = 0.2
#: Below this many words, any guess is too weak to say anything.
MIN_WORDS = 8


def looks_english(doc: Doc) -> bool:
    """True unless the text is long enough to tell and has too few English function words."""
    letters = [ch for ch in doc.text if ch.isalpha()]
    if len(letters) >= 20 and sum(ch.isascii() for ch in letters) / len(letters) < 0.5:
        return False  # mostly another script: Cyrillic, Greek, CJK, Arabic...
    words = [t for t in doc if t.is_alpha]
    if len(words) < MIN_WORDS:
        return True
    return sum(t.is_stop for t in words) / len(words) >= MIN_STOP_SHARE


NOT_ENGLISH = (
    "This draft does not look like English. The checklist is judged for English notes, so "
    "the verdicts below may be wrong; a few words in another language are fine."
)
