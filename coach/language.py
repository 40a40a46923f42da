"""Whether a draft is written in English, the language the checklist is judged in."""

from __future__ import annotations

import re

from spacy.tokens import Doc

#: English prose is roughly 40-50% function words (no dev or held-out note is under 39%);
#: Spanish, French, German, Italian and Portuguese notes come out at 10% or less.
MIN_STOP_SHARE = 0.15
#: Markup pasted along with a note ("<script>...</script>") is not prose in any language.
_TAG = re.compile(r"<[^<>]{0,200}>")
#: Below this many words, any guess is too weak to say anything.
MIN_WORDS = 8


def looks_english(doc: Doc) -> bool:
    """True unless the text is long enough to tell and has too few English function words."""
    text = doc.text
    letters = [ch for ch in text if ch.isalpha()]
    if len(letters) >= 20 and sum(ch.isascii() for ch in letters) / len(letters) < 0.5:
        return False  # mostly another script: Cyrillic, Greek, CJK, Arabic...
    tags = [m.span() for m in _TAG.finditer(text)]
    words = [t for t in doc if t.is_alpha and not t.like_url
             and not any(a <= t.idx < b for a, b in tags)]
    if len(words) < MIN_WORDS:
        return True
    return sum(t.is_stop for t in words) / len(words) >= MIN_STOP_SHARE


NOT_ENGLISH = (
    "This draft does not look like English. The checklist is judged for English notes, so "
    "the verdicts below may be wrong; a few words in another language are fine."
)
