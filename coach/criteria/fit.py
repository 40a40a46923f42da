"""Fit: the note links the writer's skills or experience to a named need of the employer.

Checklist: passes when the writer ties what they have done to a named need, challenge or goal
("your backlog of unreconciled accounts", "the move to weekly replenishment"); listing skills,
or claiming fit with "the job's requirements", "the role" or "your team" without naming what is
needed, fails.
"""

from __future__ import annotations

from spacy.tokens import Span

from ..report import Verdict
from .note import Note, verdict

_LINK_VERBS = {"help", "bring", "apply", "support", "contribute", "tackle", "solve", "address",
               "use", "put", "lend", "carry", "translate", "fit", "match", "serve", "handle",
               "take", "lead", "run", "build", "fix", "speed", "streamline", "reduce", "cut",
               "improve", "work", "jump", "hit", "plug", "relate", "map", "transfer", "adapt",
               "ease", "shorten", "grow", "scale", "manage", "staff", "own", "drive", "do"}
_LINK_WORDS = {"useful", "relevant", "helpful", "applicable", "similar", "same", "exactly",
               "directly", "parallel", "like", "valuable", "ready"}
_EMPLOYER = {"your", "the", "their", "its"}
_GENERIC_NEEDS = {"team", "role", "position", "job", "company", "requirement", "requirements",
                  "needs", "need", "organization", "firm", "success", "mission", "goals",
                  "department", "business", "opportunity", "work", "culture", "group", "it",
                  "this", "that", "them", "you", "clients", "customers", "everything"}
_SELF = {"i", "my", "me", "i'd", "i've", "i'm", "myself"}


def _named_need(sent: Span) -> list[Span]:
    """Noun chunks that name a particular need: 'your backlog of unreconciled accounts'."""
    out = []
    for chunk in sent.noun_chunks:
        root = chunk.root
        if root.lemma_.lower() in _GENERIC_NEEDS and not any(
            c.dep_ == "prep" for c in root.children
        ):
            continue
        owned = any(t.lower_ in _EMPLOYER for t in chunk[:1]) or any(
            t.pos_ == "PROPN" for t in chunk
        )
        modified = len([t for t in chunk if t.pos_ in {"NOUN", "PROPN", "ADJ", "NUM"}]) >= 2 or any(
            c.dep_ in {"prep", "acl", "relcl"} for c in root.children
        )
        if owned and modified and root.pos_ in {"NOUN", "PROPN"}:
            out.append(chunk)
    return out


def _links(sent: Span) -> bool:
    writer = any(t.lower_ in _SELF for t in sent) or any(
        t.lower_ in {"that", "this"} and t.dep_ in {"nsubj", "det"} and t.i == sent.start
        for t in sent
    )
    if not writer:
        return False
    return any(t.lemma_.lower() in _LINK_VERBS and t.pos_ in {"VERB", "AUX"} for t in sent) or any(
        t.lower_ in _LINK_WORDS for t in sent
    )


def judge(note: Note) -> Verdict:
    found = []
    for sent in note.body_sentences():
        if _links(sent):
            needs = _named_need(sent)
            if needs:
                found.extend(note.span_evidence(n) for n in needs[:2])
    if found:
        return verdict(
            "fit", "pass", found,
            "You connect your experience to a need they named; lead with that link.",
        )
    return verdict(
        "fit", "fail", [],
        "Connect one of your results to a need they named, e.g. \"that's the approach I'd bring "
        "to your backlog of unreconciled accounts\". \"A great fit for the role\" is not enough.",
    )
