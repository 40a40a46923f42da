"""Enthusiasm: the note states interest in or excitement about the role or company.

Checklist and dev-set convention: claims of fit or confidence, availability, praise ("your
work is impressive") and "I enjoyed our conversation" are not stated interest.

Passes on a feeling word with the writer as subject ("I'm excited about", "I remain
interested in"), an interest noun ("my enthusiasm for"), or a desire verb whose object is the
job or doing the work for them ("I really want this job", "I'd like to work for you", "I'd
love to be part of the team"), but not a wish about the letter or the process ("I'd like to
add", "I would love to hear from you").
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
_FOREIGN = re.compile(
    r"\b(ravie?|enthousiaste|impatient[e]?|me encantar[íi]a|entusiasmad[oa]|emocionad[oa]|"
    r"interesad[oa]|begeistert|freue mich|entusiasta|motivad[oa]|très intéressée?)\b",
    re.IGNORECASE,
)


#: What one can want that is the job itself: "I want this job", "I'd like the position".
_JOB_NOUNS = {"job", "role", "position", "opportunity", "offer", "spot", "gig", "post",
              "internship", "apprenticeship", "opening", "chance", "place", "seat"}
#: Wanting to do these is about the letter or the process, not the job: "I want to thank
#: you", "I'd like to add", "I would like to hear from you".
_META_VERBS = {"thank", "add", "mention", "follow", "clarify", "say", "send", "expand",
               "share", "reiterate", "hear", "know", "talk", "speak", "discuss", "see", "let",
               "check", "note", "ask", "touch", "reach", "call", "apologize",
               "apologise", "correct", "revisit", "emphasize", "stress", "confirm", "remind",
               "point", "make", "take", "express", "extend", "offer", "provide", "learn",
               "meet", "schedule", "update", "explain", "tell", "circle", "give", "answer",
               "elaborate", "return"}
#: Desire verbs; "like" only counts with a modal ("I'd like"), not "I like your office".
_DESIRE = {"want", "like", "love", "wish", "hope"}


def _wants_the_job(tok) -> bool:
    """The writer wants the job: a desire verb with the writer as subject whose object is the
    job ("I really want this job") or doing the work for them ("I want to cook for you",
    "I'd like to work with your team", "I hope to join"); not "I'd like to add"."""
    if tok.lemma_ not in _DESIRE or tok.pos_ != "VERB":
        return False
    kids = list(tok.children)
    if not any(c.dep_ == "nsubj" and c.lower_ in {"i", "we"} for c in kids):
        return False
    if any(c.dep_ == "neg" for c in kids):
        return False
    if tok.lemma_ in {"like", "love"} and not any(
        c.dep_ == "aux" and c.lower_ in {"would", "'d", "’d"} for c in kids
    ):
        return False
    for c in kids:
        # (the subtree, so a misparse such as "this job alot" still counts)
        if c.dep_ == "dobj" and any(t.lemma_.lower() in _JOB_NOUNS for t in c.subtree):
            return True
        if c.dep_ == "xcomp" and c.pos_ in {"VERB", "AUX"} and c.lemma_.lower() not in _META_VERBS:
            if c.lemma_ == "join":
                return True
            if c.lemma_ == "be" and any(
                g.dep_ == "attr" and g.lemma_.lower() in {"part", "member"} for g in c.children
            ):
                return True
            # the work done for or with the employer: "cook for you", "work at Cordova";
            # "come work for Acme" parses "work" as the object of "come".
            serial = [g for d in c.children if d.dep_ == "dobj" and d.lower_ == "work"
                      for g in d.children]
            for p in [*c.children, *serial]:
                if p.dep_ in {"prep", "dative"} and p.lower_ in {"for", "with", "at", "on",
                                                                  "alongside"}:
                    obj = next((g for g in p.children if g.dep_ == "pobj"), None)
                    if obj is not None and (obj.lower_ in {"you", "y'all"} or obj.pos_ == "PROPN"
                                            or any(g.lower_ == "your" for g in obj.children)):
                        return True
                if p.dep_ == "dobj" and any(g.lower_ == "your" for g in p.children):
                    return True
    return False


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
        # "I want this job", "I'd really like to work for you", "I would love to join"
        if _wants_the_job(tok):
            return True
        # "can't wait to"
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
    role = note.context.role or "this role"
    where = f" at {note.context.company}" if note.context.company else ""
    return verdict(
        "enthusiasm", "fail", [],
        f"Say plainly that you want the job, e.g. \"I'm excited about {role}{where} and would "
        "love to join your team.\" Praise or confidence alone does not say it.",
    )
