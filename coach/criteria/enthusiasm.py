"""Enthusiasm: the note states interest in or excitement about the role or company.

Checklist and dev-set convention: claims of fit or confidence, availability, praise ("your
work is impressive") and "I enjoyed our conversation" are not stated interest.
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from ..report import Verdict
from .note import Note, verdict

_FEELINGS = {"excited", "thrilled", "eager", "enthusiastic", "interested", "keen", "delighted",
             "energized", "energised", "psyched", "stoked", "pumped", "motivated", "passionate",
             "ecstatic", "jazzed", "hopeful"}
_INTEREST_NOUNS = {"interest", "enthusiasm", "excitement", "eagerness", "passion"}
_JOIN_VERBS = {"join", "work", "be", "contribute", "help", "build", "become", "bring",
               "start", "grow", "serve", "teach", "lead", "cook", "support", "take"}
_FOREIGN = re.compile(
    r"\b(ravie?|enthousiaste|impatient[e]?|me encantar[íi]a|entusiasmad[oa]|emocionad[oa]|"
    r"interesad[oa]|begeistert|freue mich|entusiasta|motivad[oa]|très intéressée?)\b",
    re.IGNORECASE,
)


def _is_interest(sent: Span) -> bool:
    for tok in sent:
        lower = tok.lower_
        # "I am (very) excited about / to", "I remain interested", "more eager than ever"
        if lower in _FEELINGS and tok.pos_ in {"ADJ", "VERB"}:
            if lower == "interested" and any(c.dep_ == "neg" for c in tok.head.children):
                continue
            subj = [c for c in tok.head.children if c.dep_ in {"nsubj", "nsubjpass"}] + [
                c for c in tok.children if c.dep_ in {"nsubj", "nsubjpass"}
            ]
            if any(s.lower_ in {"i", "we", "me"} for s in subj) or tok.dep_ in {"acomp", "ROOT"}:
                return True
        # "my interest in", "reaffirm my enthusiasm", "with real excitement"
        if tok.lemma_.lower() in _INTEREST_NOUNS and tok.pos_ == "NOUN":
            if any(c.lower_ in {"my", "our", "real", "great", "genuine", "strong", "much"}
                   for c in tok.children) or tok.head.lemma_ in {"with"}:
                return True
        # "I would love to join", "I'd love the chance", "can't wait to"
        if tok.lemma_ == "love" and any(c.lower_ in {"would", "'d", "’d"} for c in tok.children):
            return True
        if tok.lemma_ == "wait" and any(c.dep_ == "neg" for c in tok.children):
            if any(c.lower_ in {"ca", "can", "cannot"} for c in tok.children):
                return True
        # "I hope to join", "I really hope I get the chance to be part of"
        if tok.lemma_ in {"hope", "want", "wish"} and tok.pos_ == "VERB":
            if any(c.lower_ in {"i", "we"} and c.dep_ == "nsubj" for c in tok.children):
                if any(t.lemma_ in {"join", "part", "chance", "opportunity"} for t in tok.subtree):
                    if not any(t.lemma_ in {"hear", "talk", "speak", "see"} for t in tok.subtree):
                        return True
    return False


def judge(note: Note) -> Verdict:
    found = [note.span_evidence(s) for s in note.body_sentences() if _is_interest(s)]
    for m in _FOREIGN.finditer(note.text):
        if note.draft.in_body(m.start()):
            found.append(note.evidence(m.start(), m.end()))
    if found:
        return verdict(
            "enthusiasm", "pass", found,
            "You say you want the job; keep that sentence near the close.",
        )
    return verdict(
        "enthusiasm", "fail", [],
        "Say plainly that you want this role, e.g. \"I'm excited about the chance to join "
        "[team] as [role].\" Praise or confidence alone does not say it.",
    )
