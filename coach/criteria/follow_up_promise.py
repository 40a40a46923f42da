"""Follow-up promise: the writer commits to a next step of their own, ideally with a time frame.

Checklist and dev-set convention: "I will follow up next Friday", "I'll check in in two weeks",
a conditional promise ("if I haven't heard by ..., I will call") and sending something by a
given day pass. Waiting ("I look forward to hearing from you"), offers ("feel free to contact
me", "I'd be happy to send"), "let me know", "I wanted to follow up on ..." and looking forward
to an interview that is already scheduled all fail.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from ..report import Verdict
from .note import Note, verdict

_ACTIONS = {"follow", "check", "call", "email", "e-mail", "reach", "touch", "send", "drop",
            "contact", "write", "circle", "ping", "phone", "text", "mail", "forward", "share",
            "bring", "stop", "come", "deliver", "get", "message", "submit", "be", "reconnect",
            "expect", "hear"}
_FUTURE = {"will", "'ll", "’ll", "shall"}
_PLAN = {"plan", "intend", "aim", "mean", "promise"}
#: Offers and conditions on the reader's need make it an offer, not a commitment.
_OFFER = re.compile(
    r"\b(if you (need|have|want|would|'d|’d|think|like|require|wish)|should you|happy to|glad to|"
    r"feel free|let me know|don't hesitate|do not hesitate|if it (would )?help|if that helps|"
    r"if there('s| is) anything|if useful|if needed|as needed|if helpful)\b",
    re.IGNORECASE,
)
_TIME = re.compile(
    r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|week|weeks|"
    r"month|end of|by the|next|within|in (a|two|three|\d+) (days?|weeks?)|\d{1,2}(st|nd|rd|th)?\b)",
    re.IGNORECASE,
)


def _writer_acts(tok: Token) -> bool:
    """Is ``tok`` a verb of the writer's own future action?"""
    if tok.lemma_.lower() not in _ACTIONS or tok.pos_ not in {"VERB", "AUX"}:
        return False
    subj = [c for c in tok.children if c.dep_ in {"nsubj", "nsubjpass"}]
    head = tok
    # "I plan to call", "I intend to follow up": the subject sits on the planning verb.
    if not subj and tok.dep_ == "xcomp" and tok.head.lemma_ in _PLAN:
        head = tok.head
        subj = [c for c in head.children if c.dep_ == "nsubj"]
    if not any(s.lower_ in {"i", "we"} for s in subj):
        # "Expect a note from me next week", "you'll hear from me": the writer still acts.
        if tok.lemma_ in {"expect", "hear"} and any(
            t.lower_ == "me" and t.head.lower_ == "from" for t in tok.subtree
        ):
            return True
        return False
    if tok.lemma_ in {"expect", "hear", "be"} and not any(
        t.lower_ in {"touch", "contact"} for t in tok.subtree
    ):
        return False
    aux = {c.lower_ for c in head.children if c.dep_ in {"aux", "auxpass"}}
    if head.lemma_ in _PLAN and head is not tok:
        return not any(c.dep_ == "neg" for c in head.children)
    if aux & _FUTURE:
        return not any(c.dep_ == "neg" for c in tok.children)
    # "I'm going to call"
    return tok.dep_ == "xcomp" and tok.head.lower_ == "going"


def _promise(sent: Span) -> bool:
    if _OFFER.search(sent.text):
        return False
    return any(_writer_acts(t) for t in sent)


def judge(note: Note) -> Verdict:
    found = [note.span_evidence(s) for s in note.body_sentences() if _promise(s)]
    if found:
        timed = any(_TIME.search(e.text) for e in found)
        advice = (
            "You commit to a next step with a time frame; make sure you keep it."
            if timed
            else "Add when you will follow up, e.g. \"I'll check in next Friday.\""
        )
        return verdict("follow_up_promise", "pass", found, advice)
    waiting = [
        note.span_evidence(s)
        for s in note.body_sentences()
        if re.search(r"look(ing)? forward|hear(ing)? (back )?from you|feel free|let me know",
                     s.text, re.I)
    ]
    return verdict(
        "follow_up_promise", "fail", waiting,
        "End with a step of your own and a date, e.g. \"If I haven't heard by next Friday, "
        "I'll check in by email.\" Waiting to hear back is not a promise.",
    )
