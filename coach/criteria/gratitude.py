"""Gratitude: the note thanks the reader for their time, the interview, the conversation or
the opportunity.

Checklist: thanks that appear only in a sign-off formula ("Thanks, Sam", "Thanks again,",
"With gratitude,", "Thank you for your consideration,") do not count, and neither do "It was a
pleasure..." or "Great chatting...". "I appreciate you taking the time" counts, and so do
thanks in another language.
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from ..report import Verdict
from .note import Note, verdict

#: Thanks in other languages; the English ones are found through the parse below.
_FOREIGN = re.compile(
    r"\b(gracias|merci|danke|grazie|obrigad[oa]|dank je|dank u|arigat[oō]|dziękuję|"
    r"tack s[åa]|takk|kiitos|спасибо|mil gracias)\b",
    re.IGNORECASE,
)
#: What a formula thanks for; thanking only for this is a closing, not gratitude.
_FORMULA_OBJECTS = {"consideration", "attention", "reading", "review", "patience"}


def _thanks_in(sent: Span) -> list[Span]:
    """The spans of a sentence that thank somebody for something, found through lemmas."""
    hits = []
    for tok in sent:
        lemma = tok.lemma_.lower()
        lower = tok.lower_
        if lower in {"thank", "thanks", "thankful", "grateful", "gratitude", "appreciate",
                     "appreciated", "appreciative", "thx", "ty"} or lemma in {"thank", "appreciate"}:
            if lemma == "appreciate" or lower.startswith("appreciat"):
                # "I appreciate you taking the time", "I appreciated the tour": needs an object.
                if not any(c.dep_ in {"dobj", "ccomp", "xcomp", "nsubj", "attr"} for c in tok.children):
                    continue
            objects = {t.lemma_.lower() for t in tok.subtree if t.dep_ == "pobj"}
            if objects and objects <= _FORMULA_OBJECTS:
                continue
            hits.append(sent[tok.i - sent.start : tok.i - sent.start + 1])
    return hits


def judge(note: Note) -> Verdict:
    found = []
    for sent in note.body_sentences(trim=True):
        words = [t for t in sent if t.is_alpha]
        for hit in _thanks_in(sent):
            # A bare "Thanks!" or "Thanks again," on its own line is a formula, not thanks.
            if len(words) <= 3 and not any(t.lower_ == "for" for t in sent):
                continue
            found.append(note.span_evidence(sent))
            break
    for m in _FOREIGN.finditer(note.text):
        if note.draft.in_body(m.start()):
            found.append(note.evidence(m.start(), m.end()))
    if found:
        return verdict(
            "gratitude", "pass", found,
            "You thank them in the body; keep it to one warm sentence near the top.",
        )
    signoff = note.draft.signoff
    evidence = [note.evidence(signoff.start, signoff.end)] if signoff else []
    return verdict(
        "gratitude", "fail", evidence,
        "Open with a sentence that thanks them for their time and the conversation, e.g. "
        "\"Thank you for meeting with me on Tuesday to talk about ...\".",
    )
